"""Near-duplicate signatures of comment texts: MinHash over character shingles, cut into LSH bands.

A text is normalised (folded, links reduced to their domain, digits to ``0``, punctuation to spaces),
cut into overlapping :data:`SHINGLE_CHARS`-character shingles, and summarised by :data:`HASHES` minimum
hash values. Two texts whose shingle sets have Jaccard similarity ``s`` agree on each value with
probability ``s``. The values are grouped into :data:`BANDS` bands of :data:`ROWS`; a band matches when
all its rows agree (probability ``s ** ROWS``), so the share of matching bands estimates ``s ** ROWS``.

Short texts get no signature: a few common words ("great post, thanks!") repeat between honest authors
and give MinHash too few shingles to be reliable. Changing these constants invalidates stored signatures.
"""

from __future__ import annotations

import hashlib
import math
import re
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from worker.spam.urls import find_links, registered_domain
from worker.text import fold

SHINGLE_CHARS = 5
"""Length of the character shingles: robust to small edits, long enough to be specific."""

ROWS = 3
"""MinHash values per band."""

BANDS = 10
"""Bands per signature; each is one Redis key per distinct value."""

HASHES = ROWS * BANDS
"""MinHash values per signature."""

MAX_CHARS = 2000
"""Only the first characters of a normalised text are shingled, which bounds the cost of a long comment."""

_VALUES = struct.Struct(f"<{HASHES}I")
_BAND = struct.Struct(f"<{ROWS}I")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Return the text as signatures see it: folded, links as domains, digits as 0, words split by one space."""
    text = _EMAIL.sub(" emailaddress ", text)
    for link in find_links(text):
        text = text.replace(link.text, f" {registered_domain(link.host)} ", 1)
    return _NON_WORD.sub(" ", _DIGIT.sub("0", fold(text))).strip()


@dataclass(frozen=True, slots=True)
class Signature:
    """The LSH band values of one text (hex), and a short digest of all of them."""

    bands: tuple[str, ...]

    @property
    def digest(self) -> str:
        """A short id of the whole signature: equal for texts that match in every band."""
        return hashlib.blake2b("".join(self.bands).encode("ascii"), digest_size=6).hexdigest()

    def shared_bands(self, other: Signature) -> int:
        """Return in how many bands this signature and ``other`` agree."""
        return sum(a == b for a, b in zip(self.bands, other.bands, strict=True))


def _shingles(text: str) -> set[str]:
    if len(text) <= SHINGLE_CHARS:
        return {text}
    return {text[i : i + SHINGLE_CHARS] for i in range(len(text) - SHINGLE_CHARS + 1)}


def _min_hashes(shingles: Iterable[str]) -> list[int]:
    # One extendable-output hash per shingle yields all HASHES independent 32-bit values at once.
    values = (_VALUES.unpack(hashlib.shake_128(s.encode("utf-8")).digest(_VALUES.size)) for s in shingles)
    return list(map(min, zip(*values, strict=True)))


def signature(text: str, min_words: int) -> Signature | None:
    """Return the signature of ``text``, or None when it has fewer than ``min_words`` words."""
    normal = normalise(text)
    if len(normal.split()) < max(1, min_words):
        return None
    values = _min_hashes(_shingles(normal[:MAX_CHARS]))
    bands = []
    for band in range(BANDS):
        rows = _BAND.pack(*values[band * ROWS : (band + 1) * ROWS])
        bands.append(hashlib.blake2b(rows, digest_size=8).hexdigest())
    return Signature(tuple(bands))


def min_bands(similarity: float) -> int:
    """Return how many bands two signatures must share for their texts to count as copies at ``similarity``."""
    if not 0.0 < similarity <= 1.0:
        raise ValueError(f"similarity must be in (0, 1], not {similarity}")
    return max(1, math.ceil(BANDS * similarity**ROWS - 1e-9))
