"""Folding a text: lower case, no accents, look-alikes mapped, same length; a text read twice is folded once."""

from __future__ import annotations

from worker.profanity.normalise import FOLD_TABLE, fold_text


def test_a_text_is_folded_to_the_same_length_without_case_or_accents() -> None:
    assert fold_text("Ça VA, Élodie ?") == "ca va, elodie ?"


def test_texts_folded_in_turn_each_get_their_own_fold() -> None:
    content, name, other = "Très BIEN écrit", "Zoé", "Ｆｕｌｌ width"
    for text in (content, name, content, other, content, name, other, "".join(["Tr", "ès BIEN écrit"])):
        assert fold_text(text) == text.translate(FOLD_TABLE)


def test_every_latin1_character_folds_by_the_bytes_table_as_by_the_str_table() -> None:
    latin1 = "".join(map(chr, range(256)))
    assert fold_text(latin1) == latin1.translate(FOLD_TABLE)
    assert fold_text("Déjà vu… ’tis") == "Déjà vu… ’tis".translate(FOLD_TABLE)  # not Latin-1: the str table
