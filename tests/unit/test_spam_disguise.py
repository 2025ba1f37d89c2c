"""A trade word disguised with look-alike, styled, spaced or leet letters is spam's; a stressed word is not."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam import disguise
from worker.spam.signals import WEIGHTS, detect


def comment(content: str) -> Comment:
    return Comment(id="c", post_id="p", author_name="Sam", content=content)


def signals(text: str) -> dict[str, dict[str, object]]:
    return {s.name: dict(s.evidence) for s in detect(comment(text), {})}


def held(text: str) -> bool:
    result = SpamCheck().check(comment(text), Context(now=0.0))
    return any(r.action in (Action.FLAG, Action.REJECT) for r in result.reasons)


@pytest.mark.parametrize(
    ("text", "word", "how"),
    [
        ("Need a hand? Our ꜱᴜᴘᴘᴏʀᴛ team answers day and night.", "support", "styled letters"),
        ("Best odds tonight at the 𝐜𝐚𝐬𝐢𝐧𝐨, join us.", "casino", "styled letters"),
        ("Lost access? The рауpаl desk sorts it out.", "paypal", "mixed scripts"),
        ("Ask the h e l p l i n e about your account.", "helpline", "spaced letters"),
        ("Cheap v1agr4 shipped the same day.", "viagra", "digits for letters"),
    ],
)
def test_a_disguised_trade_word_is_found_with_how_it_was_disguised(text: str, word: str, how: str) -> None:
    found = signals(text)
    assert found["disguised"] == {"words": [word], "how": [how]}


def test_a_disguised_support_word_gets_a_plain_comment_held() -> None:
    assert held("Since you're here, you might like our 𝐀𝐢𝐫𝐥𝐢𝐧𝐞𝐬 deals. How was that?")
    assert not held("Since you're here, you might like our Airlines deals. How was that?")


@pytest.mark.parametrize(
    ("reader_words", "word"),
    [
        ("My loop still throws an index error after step three. Did you ask the {} about it?", "helpdesk"),
        ("I tried your code on Python 3.12 and it works, the {} page says the same.", "support"),
    ],
)
def test_a_disguised_trade_word_is_held_however_much_the_words_around_it_read_as_a_readers(
    reader_words: str, word: str
) -> None:
    assert held(reader_words.format(" ".join(word)))
    assert not held(reader_words.format(word))


def test_mixed_scripts_in_a_word_that_is_no_trade_word_weigh_less() -> None:
    found = {s.name: s for s in detect(comment("Visit the оfficial gаllery for more"), {})}
    assert "disguised" not in found
    assert found["mixed_script"].weight == WEIGHTS["mixed_script"] < WEIGHTS["disguised"]
    assert found["mixed_script"].evidence == {"words": ["official", "gallery"]}


@pytest.mark.parametrize(
    "text",
    [
        "I 𝓵𝓸𝓿𝓮 this recipe, ｓｏ ｇｏｏｄ",
        "S O  G O O D, thanks for the tutorial",
        "l0ve the n3w layout of the blog",
        "Très bon article, j'ai réussi à compiler après la mise à jour.",
        "Спасибо, статья помогла. Thanks from Kyiv!",
        "In Python `π = 3.14159` and `λ = lambda x: x`, then Δx → 0",
        "p = ρgh gives the pressure at depth h",
    ],
)
def test_stressed_words_accents_other_scripts_and_code_are_no_disguise(text: str) -> None:
    assert not {"disguised", "mixed_script"} & set(signals(text))


def test_the_trade_words_are_single_words_of_the_trade_lists() -> None:
    assert {"support", "helpline", "casino", "viagra", "paypal", "vashikaran"} <= disguise.TRADE_WORDS
    assert not {"love", "good", "song", "this", "the"} & disguise.TRADE_WORDS
