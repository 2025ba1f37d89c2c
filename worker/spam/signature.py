"""Near-duplicate signatures of comment texts: MinHash over character shingles, cut into LSH bands.

A text is normalised (folded, links reduced to their domain, digits to ``0``, punctuation to spaces),
cut into overlapping :data:`SHINGLE_CHARS`-byte shingles of its UTF-8 form, and summarised by
:data:`HASHES` minimum hash values (one-permutation MinHash with densification). Two texts whose
shingle sets have Jaccard similarity ``s`` agree on each value with probability about ``s``. The
values are grouped into :data:`BANDS` bands of :data:`ROWS`; a band matches when all its rows agree
(probability ``s ** ROWS``), so the share of matching bands estimates ``s ** ROWS``.

Short texts get no signature: a few common words ("great post, thanks!") repeat between honest authors
and give MinHash too few shingles to be reliable. Changing these constants invalidates stored signatures.
"""

from __future__ import annotations

import hashlib
import math
import re
import struct
import sys
import zlib
from dataclasses import dataclass
from functools import lru_cache

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

BAND_CHARS = 16
"""Characters of a band value: the hex of an 8-byte BLAKE2b of the band's rows."""

MAX_CHARS = 2000
"""Only the first characters of a normalised text are shingled, which bounds the cost of a long comment."""

_BAND = struct.Struct(f"<{ROWS}Q")
_VALUES = struct.Struct(f"<{HASHES}Q")
_BIN_SPAN = 2**32 // HASHES + 1
_EMPTY = 2**63
_NO_CRC = 2**32
_EMPTY_BAND_HASH = hashlib.blake2b(digest_size=BAND_CHARS // 2)
"""A band value's hash before its rows: a copy of it costs half what a hash built with its parameters does."""
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts on a word's edge: linear
_DIGIT = re.compile(r"\d")
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_WORDS = bytes(b if chr(b).isalpha() else 48 if chr(b).isdigit() else 32 for b in range(128)) + bytes(128)
"""For an ASCII text, what the two patterns do: digits to ``0``, anything but a letter or a digit to a space."""


def normalise(text: str) -> str:
    """Return the text as signatures see it: folded, links as domains, digits as 0, words split by one space."""
    if "@" in text:
        text = _EMAIL.sub(" emailaddress ", text)
    for link in find_links(text):
        text = text.replace(link.text, f" {registered_domain(link.host)} ", 1)
    folded = fold(text)
    if folded.isascii():  # the common case: a bytes translation and a split rather than two substitutions
        return b" ".join(folded.encode("ascii").translate(_ASCII_WORDS).split()).decode("ascii")
    return _NON_WORD.sub(" ", _DIGIT.sub("0", folded)).strip()


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


def _crc_tables() -> tuple[tuple[bytes, ...], ...]:
    """Return, for each place ``j`` of a shingle and each byte ``k`` of a CRC, the table of that byte of the CRC
    part that a byte at place ``j`` brings: CRC-32 is affine over GF(2), so for shingles of one length
    ``crc(s) = crc(zeros) ^ XOR over j of (crc(byte s[j] at j, zeros elsewhere) ^ crc(zeros))``; the constant
    ``crc(zeros)`` is folded into place 0's table. Tables are ordered by the machine's byte order."""
    zero = zlib.crc32(bytes(SHINGLE_CHARS))
    order = range(4) if sys.byteorder == "little" else range(3, -1, -1)
    tables = []
    for j in range(SHINGLE_CHARS):
        after = bytes(SHINGLE_CHARS - j - 1)
        parts = [zlib.crc32(bytes(j) + bytes((b,)) + after) ^ (zero if j else 0) for b in range(256)]
        tables.append(tuple(bytes((part >> (8 * k)) & 255 for part in parts) for k in order))
    return tuple(tables)


_CRC_TABLES = _crc_tables()


def _shingle_crcs(data: bytes) -> list[int]:
    """Return the CRC-32 of every shingle of ``data`` in order (of all of it when shorter than one shingle).

    Equal to ``[zlib.crc32(data[i : i + SHINGLE_CHARS]) for i in ...]`` but with a few calls per text rather than
    two per shingle: for each byte of the CRC, each shingle place's table is applied to the whole text by
    ``bytes.translate``, the results XORed as big integers, and the four byte planes interleaved into 32-bit words.
    """
    count = len(data) - SHINGLE_CHARS + 1
    if count <= 1:
        return [zlib.crc32(data[:SHINGLE_CHARS])]
    places = [data[j : j + count] for j in range(SHINGLE_CHARS)]
    words = bytearray(4 * count)
    for k in range(4):
        plane = 0
        for place, tables in zip(places, _CRC_TABLES, strict=True):
            plane ^= int.from_bytes(place.translate(tables[k]), "little")
        words[k::4] = plane.to_bytes(count, "little")
    return memoryview(words).cast("I").tolist()


def _min_hashes(data: bytes) -> list[int]:
    """Return the densified one-permutation MinHash of the shingles of ``data`` (all of it when shorter than one).

    One CRC-32 per shingle picks a bin (``crc % HASHES``) and a value (``crc // HASHES``); each bin keeps its
    minimum: about ten times cheaper than HASHES independent hashes per shingle, with the same estimate. In a
    bin, the smallest CRC has the smallest value, so the loop keeps CRCs and divides once per bin at the end;
    a repeated shingle cannot change a minimum, so the shingles are not deduplicated.
    """
    mins = [_NO_CRC] * HASHES
    hashes = HASHES
    for crc in _shingle_crcs(data):
        which = crc % hashes
        if crc < mins[which]:  # noqa: PLR1730 (a comparison is cheaper than a call to min on this hot path)
            mins[which] = crc
    return _densify([_EMPTY if crc == _NO_CRC else crc // hashes for crc in mins])


def _densify(mins: list[int]) -> list[int]:
    """Fill each empty bin from the next filled one (circularly), offset by the distance, as a rotation does."""
    if _EMPTY not in mins or all(value == _EMPTY for value in mins):
        return mins
    filled = list(mins)
    for i, value in enumerate(mins):
        if value == _EMPTY:
            distance = 1
            while mins[(i + distance) % HASHES] == _EMPTY:
                distance += 1
            filled[i] = mins[(i + distance) % HASHES] + distance * _BIN_SPAN
    return filled


@lru_cache(maxsize=1024)
def signature(text: str, min_words: int) -> Signature | None:
    """Return the signature of ``text``, or None when it has fewer than ``min_words`` words.

    Cached: the spam state and the store's near-duplicate groups ask for the same texts in one batch.
    """
    normal = normalise(text)
    if (normal.count(" ") + 1 if normal else 0) < max(1, min_words):  # its words, split by one space each
        return None
    rows = _VALUES.pack(*_min_hashes(normal[:MAX_CHARS].encode("utf-8")))
    step, empty = _BAND.size, _EMPTY_BAND_HASH.copy
    bands = []
    for i in range(0, len(rows), step):
        band = empty()
        band.update(rows[i : i + step])
        bands.append(band.hexdigest())
    return Signature(tuple(bands))


def min_bands(similarity: float) -> int:
    """Return how many bands two signatures must share for their texts to count as copies at ``similarity``."""
    if not 0.0 < similarity <= 1.0:
        raise ValueError(f"similarity must be in (0, 1], not {similarity}")
    return max(1, math.ceil(BANDS * similarity**ROWS - 1e-9))
