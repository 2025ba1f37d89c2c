"""The abuse model's words: folded, links and mentions left out, with or without any in the text."""

from __future__ import annotations

import random
import re

import pytest

from worker.abuse.features import tokens, words
from worker.profanity.normalise import fold_text


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


def _reference(text: str) -> list[str]:
    """The words as one pattern finds them: links and mentions where it meets them, else runs of letters and digits."""
    pattern = re.compile(r"(?:https?://|www\.)\S+|@\w+|(?P<word>[a-z0-9]+)")
    return [word for word in pattern.findall(fold_text(text)) if word]


@pytest.mark.parametrize(
    "text",
    [
        "xhttp://a.example stays a word, http://b.example does not",
        "awww.example.org and www.example.org",
        "@bob_http://x.example 1http://y.example",
        "me@home.example@again ok",
        "Ça va @élodie, www.ça.example",
        "emoji 😀 then @you and http://z.example",
        "under_score http_x h@ttp",
    ],
)
def test_links_and_mentions_are_left_out_where_the_pattern_meets_them(text: str) -> None:
    assert words(text) == _reference(text)


def test_any_mix_of_words_links_mentions_and_symbols_gives_the_patterns_words() -> None:
    pieces = ["http", "https://", "www.", "@", "a", "h", "w", "9", "_", " ", ".", "/", "é", "’", "😀", "Ω", "\t", "x"]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        assert words(text) == _reference(text), text
