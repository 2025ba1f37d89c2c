"""An Akismet-compatible endpoint: sites that speak Akismet's protocol use this service by changing one address."""
