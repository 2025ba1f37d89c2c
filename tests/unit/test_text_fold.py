"""The fold of a Latin-1 text by a bytes table is the fold by decomposition, character for character."""

from __future__ import annotations

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
