"""The secret of the keyed author and address hashes, shared by the spam state and the moderators' queue."""

from __future__ import annotations

import secrets
from typing import Any

from worker.keys import Keys
from worker.replies import text


def stored_secret(client: Any, keys: Keys) -> bytes:
    """Return the secret kept in Redis, generating it the first time (one round trip)."""
    pipe = client.pipeline(transaction=False)
    pipe.set(keys.spam_secret, secrets.token_hex(32), nx=True)
    pipe.get(keys.spam_secret)
    return text(pipe.execute()[1]).encode("utf-8")
