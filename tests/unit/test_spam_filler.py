"""Filler (held keys, keyboard runs, symbol mash, one word over and over) is a signal; stretched words are not."""

from __future__ import annotations

import pytest

from worker.spam.filler import filler, filler_share
from worker.spam.signals import WEIGHTS


@pytest.mark.parametrize(
    "text",
    [
        "zzzzzzzzzzzzzzzzzzzz",
        "Hello\n\n7777777777777777777777",
        "qwertyuiop asdfghjkl",
        "Test post\n\n#%&*@^+<>{}|;#%&*",
        "ok ok ok ok ok ok ok ok ok ok",
        "(echo echo echo echo echo echo echo echo!",
        "hjkhkjhk, kjhhjkjh, jhkkhjkh, hkjjhkhj",
        "&&&&&&&&&&&&&&",
    ],
)
def test_comments_made_mostly_of_filler_are_found(text: str) -> None:
    found = filler(text, WEIGHTS)
    assert found is not None and found.name == "filler" and found.weight == WEIGHTS["filler"]
    assert found.evidence["filler_chars"] * 2 >= found.evidence["chars"]


@pytest.mark.parametrize(
    "text",
    [
        "sooooooo good, I looooove it",
        "wowwwwwwwwwwwwwwwwwwwwww",
        "hahahahahahahahahaha",
        "cool cool cool cool cool cool cool",
        "Best episode ever!!!!!!!!!!!!!!!!!!!!!",
        "Wait, what?!?!?!?!?!?!?!",
        "Part two\n\n-----------------------\n\nand the rest of the story",
        "❤❤❤❤❤❤❤❤❤❤❤❤",
        "The keys are aaaa and bbbb, see the config file for the rest of the settings",
    ],
)
def test_stretched_words_laughter_cheering_rules_and_emoji_are_not_filler(text: str) -> None:
    assert filler(text, WEIGHTS) is None, filler_share(text)


def test_a_long_comment_with_one_filler_word_is_not_filler() -> None:
    text = "The tutorial worked after I fixed the path; my test string was xxxxxxxxxx and it printed fine."
    found, total = filler_share(text)
    assert 0 < found < total / 2 and filler(text, WEIGHTS) is None
