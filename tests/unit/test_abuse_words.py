"""The abuse model's words: folded, links and mentions left out, with or without any in the text."""

from __future__ import annotations

import random
import re
import struct

import pytest

from worker.abuse.features import AIMED_AFTER, AIMED_BEFORE, AIMING, aimed, spans, spans_of, tokens, words
from worker.abuse.model import NEW_TUPLE, Term, _interleaved_sum
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


TRICKY = [
    "Ça, c'est DÉJÀ une idiotie @élodie!!",
    "1d10t, i.d.i.o.t and ｉｄｉｏｔ from www.site.example/path?x=1",
    "you\u200bare a mor\u00adon 😀😀 see https://x.example/@you and @bob_2",
    "Тупой idiot: ty Ɐ ß Σ ﬁ http://z.example",
    "me@home.example@again ok, awww.example.org and h@ttp",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_spans_of_a_text_with_accents_disguises_emoji_links_and_mentions_are_those_of_its_tokens(text: str) -> None:
    expected = [(t.start, t.end) for t in tokens(text)]
    assert spans(text) == expected
    assert [fold_text(text)[a:b] for a, b in spans(text)] == words(text)  # the same words, index for index
    assert spans(text, 3) == expected[:3]


def test_any_mix_of_words_links_mentions_and_symbols_gives_the_spans_of_its_tokens() -> None:
    pieces = ["http", "https://", "www.", "@", "a", "h", "w", "9", "_", " ", ".", "/", "é", "’", "😀", "Ω", "\t", "x"]
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choices(pieces, k=rng.randint(0, 12)))
        assert spans(text) == [(t.start, t.end) for t in tokens(text)], text


KIND_OF = {"cette", "cet", "ces", "une", "l", "la", "les", "des", "d", "de", "chaque", "quelle", "nouvelle"}
"""Words before "espèce" that make it a species or a kind ("cette espèce de papillon"), not a vocative."""


def _aimed_reference(found: list[str]) -> list[int]:
    """The words aimed at a person as the module says: near an aiming word (or "t es", "t as"; "espece" only as "espece
    de" with no determiner before it), not one."""
    cues = {i for i, w in enumerate(found) if w in AIMING}
    cues -= {
        i
        for i in cues
        if found[i] == "espece"
        and (i + 1 == len(found) or found[i + 1] not in ("de", "d") or (i > 0 and found[i - 1] in KIND_OF))
    }
    cues |= {j for i, w in enumerate(found[:-1]) if w == "t" and found[i + 1] in ("es", "as") for j in (i, i + 1)}
    near = {j for i in cues for j in range(i - AIMED_BEFORE, i + AIMED_AFTER + 1) if 0 <= j < len(found)}
    return sorted(near - cues)


def test_the_aimed_words_are_the_windows_around_the_cues_without_the_cues_on_any_mix() -> None:
    vocabulary = ["you", "t", "es", "as", "tu", "toi", "espece", "de", "cette", "une", "idiot", "a", "u", "x"]
    rng = random.Random(5)
    for _ in range(5000):
        found = rng.choices(vocabulary, k=rng.randint(0, 16))
        assert aimed(found) == _aimed_reference(found), found


def test_a_term_built_by_new_tuple_is_the_term_its_constructor_builds() -> None:
    built = NEW_TUPLE(Term, ("idiot", 4, 9, 1.5))
    assert type(built) is Term and built == Term("idiot", 4, 9, 1.5) and repr(built) == repr(Term("idiot", 4, 9, 1.5))


@pytest.mark.parametrize(
    "text",
    (
        "Putain de BUS, encore en retard... putain!",
        "@shit what the shit https://shit.example/shit www.shit.example shit",
        "Ｓｈｉｔ happens, shit-storm, sh1t, shït",
        "no word of the list here",
    ),
)
def test_the_spans_of_chosen_words_are_those_of_the_tokens_holding_them(text: str) -> None:
    chosen = frozenset({"shit", "putain"})
    assert spans_of(text, chosen) == [(t.start, t.end) for t in tokens(text) if t.word in chosen]


def test_the_sum_of_a_comments_weights_has_every_bit_of_a_loop_over_words_and_pairs_zeros_or_not() -> None:
    rng = random.Random(3)
    values = [0.0, -0.0, 0.1, -0.1, 1e-300, -1e-300, 1e308, -1e308]
    for _ in range(5000):
        n = rng.randint(1, 6)
        weights = [rng.choice(values) if rng.random() < 0.5 else rng.uniform(-5, 5) for _ in range(n)]
        pairs = [rng.choice(values) if rng.random() < 0.3 else rng.choice([0.0, -0.0]) for _ in range(n - 1)]
        total = 0.0
        for i, weight in enumerate(weights):
            total += weight
            if i < len(pairs):
                total += pairs[i]
        assert struct.pack("<d", _interleaved_sum(weights, pairs)) == struct.pack("<d", total)
