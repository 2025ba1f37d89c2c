"""Recognising an author without keeping the email: a keyed hash of the normalised address."""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from functools import lru_cache


def normalise_email(email: str) -> str:
    """Return the address trimmed, NFKC-normalised and in lower case."""
    return unicodedata.normalize("NFKC", email).strip().casefold()


@lru_cache(maxsize=1024)  # a worker hashes each author of a batch twice: for the spam facts, for the indexes
def author_key(email: str, secret: bytes) -> str:
    """Return the HMAC-SHA256 of the normalised address, in hex: stable per site, useless without ``secret``."""
    return hmac.new(secret, normalise_email(email).encode("utf-8"), hashlib.sha256).hexdigest()


def email_domain(email: str) -> str:
    """Return the domain of an address in lower case (empty when there is none); never the local part."""
    local, at, domain = normalise_email(email).rpartition("@")
    return domain.rstrip(".") if at and local else ""
