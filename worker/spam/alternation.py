"""Several alternations of phrases searched as their union would be, without compiling the union.

A text holding the key words of several groups of phrases must be searched with all of them. Compiling a pattern
for each set of groups met costs far more than the searches (the sets are many, most met once), so each group is
compiled once and their matches are merged as one alternation of all their phrases finds them: at the leftmost
place where any matches, the phrase first in the union's order; then on from the end of that match.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Alternation:
    """A compiled alternation of some phrases, each in a capturing group of its own, and their ranks in the union."""

    pattern: re.Pattern[str]
    ranks: tuple[int, ...]
    """``ranks[g - 1]``: the place in the union's order of the phrase that capturing group ``g`` holds."""

    def rank(self, match: re.Match[str]) -> int:
        """Return the place in the union's order of the phrase that ``match`` (of this pattern) found."""
        return self.ranks[(match.lastindex or 1) - 1]


def _leftmost(alternations: Sequence[Alternation], found: list[re.Match[str] | None]) -> re.Match[str] | None:
    """Return the match the union finds first: the leftmost, and there the phrase first in the union's order."""
    best: re.Match[str] | None = None
    best_key = (0, 0)
    for alternation, match in zip(alternations, found, strict=True):
        if match is not None:
            key = (match.start(), alternation.rank(match))
            if best is None or key < best_key:
                best, best_key = match, key
    return best


def first(alternations: Sequence[Alternation], text: str) -> re.Match[str] | None:
    """Return the first match of the union of ``alternations`` in ``text``, as its ``search`` would."""
    return _leftmost(alternations, [a.pattern.search(text) for a in alternations])


def every(alternations: Sequence[Alternation], text: str) -> Iterator[re.Match[str]]:
    """Return the matches of the union of ``alternations`` in ``text``, as its ``finditer`` would.

    No phrase matches an empty text, so each search goes on from the end of the last match, and a group's match
    that starts there or later is still its first from there.
    """
    found = [a.pattern.search(text) for a in alternations]
    while (best := _leftmost(alternations, found)) is not None:
        yield best
        end = best.end()
        found = [
            match if match is None or match.start() >= end else alternation.pattern.search(text, end)
            for alternation, match in zip(alternations, found, strict=True)
        ]
