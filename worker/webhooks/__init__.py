"""Webhooks: every decision sent, signed as Standard Webhooks says, to the web apps that subscribe."""
