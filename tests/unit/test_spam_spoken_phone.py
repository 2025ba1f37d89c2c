"""A phone number spelled out in words to dodge filters is a number; counts, lyrics and short numbers are not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.spoken_phone import spoken_phones
from worker.text import fold

SPELLED = (
    "Account locked? Dial one-eight-six-six, four-one-two, nine-nine-zero-seven for help",
    "For a refund call one eight hundred 432 0098 any time",
    "Pour votre voyance appelez le zéro sept, trente-deux, quatre-vingt-un, soixante-quinze, dix-neuf",
    "Joindre un conseiller : zéro huit, quatre-vingt-dix-neuf, quarante, zéro zéro, soixante-dix-sept",
)
"""Numbers written in words (and a few digits) as a scam writes them, with a call asked for."""

NOT_NUMBERS = (
    "The chorus counts one, two, three, four, five, six, seven, eight, nine, ten, call it a countdown",
    "His van says one eight hundred PLUMBER, call him if you dare, he retired years ago",
    "Call me old fashioned but two or three times a week is enough",
    "Le refrain fait un, deux, trois, quatre, cinq, six, sept, huit, neuf, appelez ça une comptine",
    "One two three four, we sang it nine times",
)
"""Counts, a vanity number too short to dial, and number words in ordinary talk."""


@pytest.mark.parametrize("content", SPELLED)
def test_a_phone_number_spelled_in_words_counts_as_a_number(content: str) -> None:
    assert spoken_phones(fold(content)) == 1


@pytest.mark.parametrize("content", NOT_NUMBERS)
def test_counts_short_numbers_and_number_words_in_talk_are_no_phone_number(content: str) -> None:
    assert spoken_phones(fold(content)) == 0


def test_a_support_hook_with_its_number_spelled_out_is_held() -> None:
    content = "Locked out of your mail? Dial one-eight-seven-seven, three-one-two, five-five-zero-one for recovery"
    assert action(content) is not Action.APPROVE


def test_number_words_with_no_call_asked_are_not_read() -> None:
    assert spoken_phones(fold("zero six twelve forty five seventy eight ninety, what a sequence")) == 0
