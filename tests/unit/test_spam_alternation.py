"""Searching a text with the patterns of each key word's phrases finds what the pattern of all the phrases finds."""

from __future__ import annotations

import gc
import random
import re

import pytest

import worker.checks.spam  # noqa: F401  (every module that compiles phrase lists)
from worker.spam.phrases import Phrases


def _every_phrase_list() -> list[Phrases]:
    # type(), not isinstance(): isinstance asks a lazy object (a Celery task proxy) for its class, which builds it.
    return sorted((o for o in gc.get_objects() if type(o) is Phrases), key=lambda p: p.pattern.pattern)


def _written(piece: str, rng: random.Random) -> str:
    """Return a text that a phrase's piece matches (digits for digits, a space or a hyphen where either goes)."""
    text = piece.replace(r"\d+", str(rng.randint(1, 999))).replace(r"[\s-]?", rng.choice(("", " ", "-")))
    text = text.replace(r"\s*", rng.choice(("", " "))).replace(r"\s+", rng.choice((" ", "  ")))
    return re.sub(r"\\(.)", r"\1", text)


def _spans(matches: object) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in matches]  # type: ignore[attr-defined]


_FILLERS = ("", "x", "my", "the", "-", "$", "5", "€", "10 $", "a,", "\n")


@pytest.mark.parametrize("seed", range(3))
def test_each_phrase_list_finds_what_its_full_pattern_finds_in_texts_of_many_of_its_phrases(seed: int) -> None:
    rng = random.Random(seed)
    lists = _every_phrase_list()
    assert len(lists) > 20
    for phrases in lists:
        pieces = [piece for piece, _ in phrases.ordered]
        for _ in range(60):
            parts = [_written(rng.choice(pieces), rng) for _ in range(rng.randint(1, 6))]
            parts += [rng.choice(_FILLERS) for _ in range(rng.randint(0, 4))]
            rng.shuffle(parts)
            text = rng.choice((" ", "", "-")).join(parts)
            assert _spans(phrases.finditer(text)) == _spans(phrases.pattern.finditer(text)), text
            found, expected = phrases.search(text), phrases.pattern.search(text)
            assert _spans([found] if found else []) == _spans([expected] if expected else []), text


def test_texts_holding_several_key_words_are_searched_with_several_patterns() -> None:
    from worker.spam.phrases import TOPICS

    promotion = TOPICS["self_promotion"]
    text = "check out my channel, subscribe to my videos and visit my blog"
    assert len(promotion._for(text)) > 1
    assert _spans(promotion.finditer(text)) == _spans(promotion.pattern.finditer(text)) != []
