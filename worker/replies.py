"""Redis replies as Python values: the clients here do not decode responses, so bytes come back."""

from __future__ import annotations

from typing import Any


def text(value: Any) -> str:
    """Return a reply as a string, decoding bytes as UTF-8."""
    return value.decode() if isinstance(value, bytes) else str(value)
