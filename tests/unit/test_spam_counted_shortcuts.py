"""Signals counted from what a comment's reading already holds give what counting afresh gives."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from worker.models import Comment
from worker.spam import urls
from worker.spam.phrases import tokens
from worker.spam.signals import repetition
from worker.text import fold

_HOSTS = ("example.org", "docs.example.org", "x.example.org", "org", "example", "wikipedia.org", "a..b", ".example.org")


@pytest.mark.parametrize(
    "host",
    ("example.org", "www.example.org", "a.b.example.org", "badexample.org", "example.org.evil", "fr.wikipedia.org",
     "x..example.org", "a..b", "b", "", ".", "example.orgx", "wikipedia.org"),
)  # fmt: skip
def test_a_host_under_one_of_many_is_told_by_its_suffixes_as_by_testing_each(host: str) -> None:
    for size in range(len(_HOSTS) + 1):
        hosts = frozenset(_HOSTS[:size])
        assert urls.host_under_any(host, hosts) == any(urls.host_under(host, own) for own in hosts)


def _reference_repetition(content: str) -> tuple[str, int] | None:
    """The repeated word and its count, from a list and a set of the words of two letters or more."""
    found = [w for w in tokens(fold(content)) if len(w) > 1]
    repeats = len(found) - len(set(found))
    if not (len(found) >= 8 and repeats >= 3 and (repeats + 1) / len(found) >= 0.3):
        return None
    word, count = Counter(found).most_common(1)[0]
    return (word, count) if count >= 4 and count / len(found) >= 0.3 else None


def test_a_repeated_word_is_found_as_counting_every_word_finds_it() -> None:
    rng = random.Random(7)
    vocabulary = ("a", "i", "y", "spam", "buy", "now", "the", "é", "Achetez", "ACHETEZ", "x1", "ok")
    seen = 0
    for _ in range(3000):
        content = " ".join(rng.choice(vocabulary[: rng.randint(2, len(vocabulary))]) for _ in range(rng.randint(0, 30)))
        signal = repetition(Comment(id="c", post_id="p", content=content))
        expected = _reference_repetition(content)
        got = (signal.evidence["word"], signal.evidence["times"]) if signal and "word" in signal.evidence else None
        assert got == expected, content
        seen += expected is not None
    assert seen > 100
