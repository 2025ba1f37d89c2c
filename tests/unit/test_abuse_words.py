"""The abuse model's words: folded, links and mentions left out, with or without any in the text."""

from __future__ import annotations

import pytest

from worker.abuse.features import tokens, words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Plain TEXT, 42 times!", ["plain", "text", "42", "times"]),
        ("Très bête", ["tres", "bete"]),
        ("See http://a.example/x and www.b.example now", ["see", "and", "now"]),
        ("@bob you idiot, mail me@home.example", ["you", "idiot", "mail", "me", "example"]),
        ("ＨＴＴＰ://x.example is folded first", ["is", "folded", "first"]),
        ("", []),
    ],
)
def test_words_are_the_folded_words_without_links_and_mentions(text: str, expected: list[str]) -> None:
    assert words(text) == expected
    assert words(text) == [t.word for t in tokens(text)]
