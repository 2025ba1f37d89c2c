"""The quick looks that spare the spam check's patterns a scan of the text tell what those patterns tell."""

from __future__ import annotations

import random
import re

import pytest

from worker.spam import affiliate, commerce, quoted, urls
from worker.spam.digits import first_digit
from worker.spam.features import _numbers_as_zero
from worker.spam.phrases import key_words, unjoined, watched
from worker.text import fold, is_latin1, words

_PIECES = (
    "a",
    "Z",
    "é",
    "ß",
    "ſ",
    "K",
    "1",
    "٣",
    "²",
    "$",
    "@",
    ".",
    "-",
    "'",
    "’",
    " ",
    "co",
    "com",
    "www",
    "s",
    "👍",
)


def _texts(count: int = 3000, pieces: tuple[str, ...] = _PIECES, seed: int = 6, most: int = 14) -> list[str]:
    """Return ``count`` texts of up to ``most`` random ``pieces``, the same on every run."""
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(count)]


@pytest.mark.parametrize("text", ("", "no digit", "réf. 12", "x² 3", "٣ et 4", "9", "a 👍 1"))
def test_a_latin1_text_s_first_digit_is_where_the_digit_class_first_matches_else_the_start(text: str) -> None:
    match = re.search(r"\d", text)
    expected = (match.start() if match else len(text)) if is_latin1(text) else 0
    assert first_digit(text) == expected


def test_a_text_is_latin1_when_every_character_is() -> None:
    assert is_latin1("déjà vu, 2 €") is False
    assert is_latin1("déjà vu, 2 £") is True
    assert is_latin1("") is True


def test_a_letter_next_to_a_digit_dollar_or_at_is_told_as_the_pattern_tells_it() -> None:
    pattern = re.compile(r"[\d$@](?:(?<=[^\W\d_].)|[^\W\d_])")
    for text in _texts():
        for read in (text, fold(text)):
            ascii_pattern = re.compile(pattern.pattern, re.ASCII) if read.isascii() else pattern
            assert commerce._letter_by_digit(read) == (ascii_pattern.search(read) is not None)


def test_an_s_after_a_digit_and_a_quote_after_a_space_are_found_as_their_patterns_find_them() -> None:
    for text in _texts():
        assert (commerce._DIGIT_S.search(text) is not None) == (re.search(r"\ds", text) is not None)
        assert (quoted._SPACED_APOSTROPHE.search(text) is not None) == (re.search(r"\s'", text) is not None)


def test_links_are_found_as_the_pattern_of_every_top_level_domain_in_turn_finds_them() -> None:
    flags = re.IGNORECASE
    may_link = re.compile(rf"\.(?:(?<=www\.)|(?:{urls._TLDS})(?![\w-]))", flags)
    url = urls._URL.pattern.replace(urls._by_first_letter(urls._TLDS), urls._TLDS)
    for text in (*_texts(), "see example.com/x, x.co.uk and www.a.fr.", "e.g. lol.haha", "Site.ſite K.Kk"):
        assert (urls._MAY_LINK.search(text) is not None) == (may_link.search(text) is not None)
        assert [m.span() for m in urls._URL.finditer(text)] == [m.span() for m in re.finditer(url, text, flags)]


def test_apostrophes_and_hyphens_are_spaces_as_the_pattern_replaces_them() -> None:
    for text in (*_texts(), "l'été - c’est", "no mark"):
        assert unjoined(text) == re.sub(r"['’-]", " ", text)


def test_words_with_lone_apostrophes_or_hyphens_are_read_as_the_word_pattern_reads_them() -> None:
    for text in (*_texts(), "don't - 'quoted' -x y-", "a--b a'-b"):
        assert words(text) == re.findall(r"\w+(?:['’-]\w+)*", fold(text))


def test_numbers_are_zero_words_as_the_number_pattern_makes_them_from_the_first_digit_on() -> None:
    for text in (*_texts(), "prix 1 234,50 F et 12h", "été 2024,5.3 ok", "a1 2"):
        assert _numbers_as_zero(text) == re.sub(r"\d(?<!\w\d)\d*(?:[.,]\d+)*\b", " 0 ", text)


def test_a_text_s_key_words_are_its_words_among_the_watched_ones() -> None:
    watched({"zebra", "quokka"})
    assert {"zebra", "quokka"} <= key_words("a zebra met a quokka and a lion")
    assert "lion" not in key_words("a zebra met a quokka and a lion")


_AFFILIATE_PIECES = (
    "code",
    "off",
    "promo",
    "%",
    "ROSE",
    "LAURA",
    "1",
    "5",
    "555",
    "0171",
    "-0171",
    "on 555",
    "call ٣٣٣",
    "au ²²²",
    "-",
    ".",
    " ",
    "call ",
    "on ",
    "au ",
    "Lemoine",
    "Greaves",
    "é",
    "👍",
    "_",
    "'",
)


def test_the_affiliate_reading_s_quick_looks_tell_what_its_patterns_tell() -> None:
    code_words = re.compile(
        r"(?<!\w)(?:code|codes|coupon|voucher|promo|discount|off|reduc|reduction|remise|rabais)(?!\w)|%"
    )
    names = ("Toitures Lemoine", "Greaves Heating", "Anna Lemoineé", "Lemoine")
    for text in (
        *_texts(4000, _AFFILIATE_PIECES, seed=7, most=12),
        "Use ROSE10 for 10% off",
        "call 555-0171",
        "Toitures Lemoine, Lemoine_",
    ):
        folded = fold(text)
        code = re.search(r"(?<![\w-])[A-Z]{4,}[0-9]{1,3}(?![\w-])", text) if code_words.search(folded) else None
        assert affiliate._code(text, folded) == (code.group() if code else None)
        assert affiliate._phone_line(folded) == (affiliate._PHONE_LINE.search(folded) is not None)
        for name in names:
            shared = [w for w in re.findall(r"[A-ZÀ-Ý]\w{3,}", name) if w not in affiliate._NAME_STOP]
            present = set(re.findall(r"\w+", text))
            expected = next((w for w in shared if w in present), None) if len(name.split()) > 1 else None
            assert affiliate._signed(text, name) == expected
