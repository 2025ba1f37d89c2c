"""Near-duplicate signatures: stable values (Redis keeps them), and likeness measured in shared bands."""

from __future__ import annotations

import random
import zlib

from worker.spam.signature import BANDS, SHINGLE_CHARS, _shingle_crcs, min_bands, normalise, signature

CHANNEL = "Check out my channel for more videos like this one, subscribe! https://www.example.com/x 2024"


def test_a_signature_keeps_the_values_stored_by_earlier_versions() -> None:
    sig = signature(CHANNEL, 10)
    assert sig is not None
    assert sig.bands == (
        "39b9fa29bd1f2b8a", "a92c0d410bdf2081", "68f4b36595b477e5", "003634f445ef676d", "98e4ff5f5be648d1",
        "60d05631867fb150", "4be665eb8c3af30c", "bffa8420b358dd4d", "ba6eb33e530f30d4", "f24746052e23f044",
    )  # fmt: skip
    assert sig.digest == "ae1f1efd94e8"


def test_a_short_text_with_empty_bins_keeps_its_stored_values_too() -> None:
    sig = signature("tiny text but with ten words in it here ok", 10)
    assert sig is not None
    assert sig.bands[:2] == ("50622ffa126590f7", "1fc75e21e3803607")
    assert sig.bands[-1] == "a3edb24e041c08ae"


def test_a_text_repeated_has_the_signature_of_the_text_once() -> None:
    once = signature("the same few words said once and then again here", 1)
    twice = signature("the same few words said once and then again here " * 2, 1)
    assert once is not None and twice is not None
    assert once.shared_bands(twice) >= min_bands(0.5)


def test_a_text_shorter_than_one_shingle_still_has_a_signature() -> None:
    sig = signature("ok", 1)
    assert sig is not None and len(sig.bands) == BANDS


def test_a_text_with_fewer_words_than_the_minimum_has_no_signature() -> None:
    assert signature("great post, thanks!", 10) is None


def test_the_shingle_crcs_told_from_tables_are_zlibs_crc_of_every_shingle() -> None:
    rng = random.Random(7)
    for length in [*range(2 * SHINGLE_CHARS + 2), 300]:
        for _ in range(5):
            data = bytes(rng.randrange(256) for _ in range(length))
            shingles = [data[i : i + SHINGLE_CHARS] for i in range(max(length - SHINGLE_CHARS + 1, 1))]
            assert _shingle_crcs(data) == [zlib.crc32(shingle) for shingle in shingles]


def test_an_ascii_text_is_normalised_as_the_patterns_do_digits_to_zero_and_signs_to_one_space() -> None:
    assert normalise("  Call__me at 555-1234 (today)!!\tOK?  ") == "call me at 000 0000 today ok"


def test_a_text_with_accents_is_normalised_the_same_way() -> None:
    assert normalise("Été — 42 €, très_bien !") == "ete 00 tres bien"
