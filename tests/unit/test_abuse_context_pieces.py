"""The pieces that let the context step skip a search: every phrase a pattern finds holds one of its pieces."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from worker.abuse.context import COUNTERED_BY, COUNTERING, NEGATED, NEGATED_BY, SELF_ALONE, SELF_ALONE_BY


def _strings(items: Any) -> list[str]:
    """Return every string a parsed pattern matches (its repeats from their least to one more)."""
    found = [""]
    for op, av in items:
        if op is sre.LITERAL:
            options = [chr(av)]
        elif op is sre.AT:
            options = [""]
        elif op is sre.IN:
            options = [chr(a if o is sre.LITERAL else a[0]) for o, a in av if o in (sre.LITERAL, sre.RANGE)]
        elif op is sre.SUBPATTERN:
            options = _strings(av[-1])
        elif op is sre.BRANCH:
            options = [s for branch in av[1] for s in _strings(branch)]
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, most, item = av
            once = _strings(item)
            counts = range(least, min(most, least + 1) + 1)
            options = ["".join(p) for n in counts for p in itertools.product(once, repeat=n)]
        else:
            raise AssertionError(f"no strings for {op}")
        found = [a + b for a, b in itertools.product(found, options)]
    return found


@pytest.mark.parametrize(
    ("pattern", "pieces", "template"),
    [
        (COUNTERING, COUNTERED_BY, "well, {} indeed"),
        (NEGATED, NEGATED_BY, "well, they {}"),  # these two end where the weighty word starts
        (SELF_ALONE, SELF_ALONE_BY, "well, we {}"),
    ],
    ids=["countering", "negated", "self_alone"],
)
def test_every_phrase_a_pattern_finds_holds_one_of_the_pieces_it_is_searched_for(
    pattern: re.Pattern[str], pieces: Sequence[str], template: str
) -> None:
    phrases = _strings(_parser.parse(pattern.pattern))
    assert len(phrases) > 20
    for phrase in phrases:
        text = template.format(phrase)
        assert pattern.search(text), phrase
        assert any(piece in text for piece in pieces), phrase


def test_a_comment_with_none_of_the_pieces_is_one_countering_never_finds() -> None:
    assert not any(piece in "you are an idiot" for piece in COUNTERED_BY)
    assert not COUNTERING.search("you are an idiot")
    assert re.search(COUNTERED_BY[0], "ce n'est pas parce qu'il")
