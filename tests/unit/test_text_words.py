"""Word splitting: a word joined by an apostrophe or a hyphen is one word; a lone one joins nothing."""

from __future__ import annotations

import random

from worker.text import _WORD, fold, words


def test_words_joined_by_an_apostrophe_or_a_hyphen_are_one_word() -> None:
    assert words("Don't re-use it, O'Neil: e-mail x_y 2-3!") == [
        "don't",
        "re-use",
        "it",
        "o'neil",
        "e-mail",
        "x_y",
        "2-3",
    ]


def test_an_apostrophe_or_hyphen_at_a_words_edge_or_doubled_joins_nothing() -> None:
    assert words("'quoted' -- a--b a-'b -x y- ' -") == ["quoted", "a", "b", "a", "b", "x", "y"]


def test_a_text_with_accents_is_split_as_an_ascii_one() -> None:
    assert words("Été-là, c’est l’été") == ["ete-la", "c’est", "l’ete"]


def test_the_words_of_any_short_text_are_what_the_word_pattern_finds() -> None:
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(rng.choice("ab Z09_'- .,\n\t\x1c!é’") for _ in range(rng.randrange(12)))
        assert words(text) == _WORD.findall(fold(text))
