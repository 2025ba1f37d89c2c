"""The fold of a Latin-1 text by a bytes table is the fold by decomposition, character for character."""

from __future__ import annotations

import re

import pytest

from worker import text
from worker.text import fold

_LATIN1 = [chr(code) for code in range(256)]


def _by_decomposition(value: str) -> str:
    return value.lower() if value.isascii() else text._decomposed_fold(value)


def test_every_latin1_character_and_pair_folds_as_its_decomposition_does() -> None:
    for first in _LATIN1:
        assert fold.__wrapped__(first) == _by_decomposition(first), repr(first)
        for second in _LATIN1:
            pair = first + second
            assert fold.__wrapped__(pair) == _by_decomposition(pair), repr(pair)


@pytest.mark.parametrize(
    ("value", "expected"),
    (
        ("Très ÉLÉGANT, déjà vu", "tres elegant, deja vu"),
        ("Straße à ½ prix, 5 µg", "strasse a 1⁄2 prix, 5 μg"),  # characters whose fold is not one Latin-1 character
        ("𝑨𝒎𝒆́lie ｃａｆé", "amelie cafe"),  # beyond Latin-1: styled letters, fullwidth forms
        ("Ｃafé ñ", "cafe n"),
    ),
)
def test_texts_with_and_without_uneven_characters_fold_to_plain_lower_case(value: str, expected: str) -> None:
    assert fold.__wrapped__(value) == expected == _by_decomposition(value)


def test_a_pattern_reads_ascii_text_with_ascii_classes_and_finds_the_same() -> None:
    pattern = text.AsciiFast(r"\w+(?:['’-]\w+)*")
    for sample in ("it's 2019, x_1 and 3.14", "déjà vu, l’été 2019", "١٢٣ arabic digits", ""):
        expected = re.findall(r"\w+(?:['’-]\w+)*", sample)
        assert pattern.findall(sample) == expected
        assert [match.group() for match in pattern.finditer(sample)] == expected
        assert pattern.of(sample) is (pattern.ascii if sample.isascii() else pattern.unicode)
    assert text.AsciiFast(r"\d").sub("0", "a1 b٢") == "a0 b0"


@pytest.mark.parametrize("source", [r"\s+", r"[^\S]", r"(?i)abc"])
def test_a_pattern_that_ascii_text_would_read_otherwise_is_refused(source: str) -> None:
    with pytest.raises(ValueError):
        text.AsciiFast(source)
    with pytest.raises(ValueError):
        text.AsciiFast("abc", re.IGNORECASE)
