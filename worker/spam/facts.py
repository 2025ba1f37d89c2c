"""The ``Context.facts`` keys the spam check reads; the store computes them before the check runs.

Every key is optional: without it the check behaves as a stateless check with the seed model.
"""

from __future__ import annotations

MODEL = "spam.model"
"""A :class:`~worker.spam.classifier.ModelState`: the snapshot of the counts all workers share."""

KNOWN_AUTHOR = "spam.known_author"
"""``bool``: the keyed hash of the author's normalised email has an approved comment on the site."""

DUPLICATES = "spam.duplicates"
"""``int``: earlier copies (exact or near) of this text by other authors or IPs within the campaign window."""

REJECTED_COPY = "spam.rejected_copy"
"""``bool``: this text is a copy (exact or near) of one that a moderator rejected as spam."""

FLOOD_COUNT = "spam.flood_count"
"""``int``: earlier comments from the same IP or email hash within the flood window, this one excluded."""
