"""Digits of a Latin-1 text: told by a bytes translation, as the digit patterns tell them."""

from __future__ import annotations

import re

import pytest

from worker.spam.digits import latin1_digits
from worker.spam.features import reading
from worker.spam.phones import find_phones


@pytest.mark.parametrize("text", ("", "no digit", "réf. 12 34 5", "x² ½ ¹2", "0000", "prix 1 234,50 F"))
def test_a_latin1_text_s_digits_are_what_the_unicode_digit_class_finds(text: str) -> None:
    assert latin1_digits(text) == "".join(re.findall(r"\d", text)).encode("ascii")


def test_a_text_beyond_latin1_has_no_digits_told_by_translation() -> None:
    assert latin1_digits("٣ digits 👍") is None
    assert latin1_digits("prix 1 234,50 €") is None


def test_phone_numbers_are_looked_for_only_in_texts_with_five_digits() -> None:
    assert find_phones("appelez le 06 12 34 56 78 maintenant, réf. 1234")
    assert find_phones("call 0612345678 now 👍")
    assert find_phones("code 1234, réf. 56") == ()


def test_a_word_s_digits_are_read_as_zeros_whether_or_not_the_text_is_latin1() -> None:
    assert reading("mp3 et x²").words == ["mp0", "et", "x0"]
    assert reading("mp3 et x² ٣ab 👍").words == ["mp0", "et", "x0", "0ab"]
    assert reading("mp0 et 0").words == ["mp0", "et", "0"]


@pytest.mark.parametrize(
    "text", ("Le 2ème, 1 500,5 € et 12h", "été 2024,5.3 ok", "x²3 é9 9é 3.", "½2 ¹1 ٣4", "nothing here")
)
def test_a_number_of_any_text_is_one_zero_word_as_the_unicode_number_pattern_reads_it(text: str) -> None:
    numbered = re.sub(r"\d(?<!\w\d)\d*(?:[.,]\d+)*\b", " 0 ", text)
    assert reading(text).words == reading(numbered).words
