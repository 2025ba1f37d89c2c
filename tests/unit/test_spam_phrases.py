"""Phrase lists: a text is searched with only the phrases whose key word it holds, with the full pattern's results."""

from __future__ import annotations

import re

import pytest

from worker.spam.phrases import TOPICS, compile_phrases, matches, same_words, tokens, topics_in, words
from worker.text import fold

PHRASES = compile_phrases(
    ("check out my", "my channel", "abonnez-vous", "e-mail", "earn $#", "# followers", "$#", "100% free", "free")
)

TEXTS = (
    "Check out my channel, abonnez-vous !",
    "abonnez vous et abonnezvous, merci",
    "send an e-mail or an email or an e mail",
    "earn $500 a day, 2000 followers, $$$",
    "100 % free and 100% free and totally free stuff",
    "nothing to see here, just a reader",
    "my channel is my channelling of check out mychannel",
    "1234 5678",
    "",
)


@pytest.mark.parametrize("text", TEXTS)
def test_a_phrase_list_finds_what_its_full_pattern_finds(text: str) -> None:
    folded = fold(text)
    found = [(m.start(), m.end(), m.group()) for m in PHRASES.finditer(folded)]
    assert found == [(m.start(), m.end(), m.group()) for m in PHRASES.pattern.finditer(folded)]
    first = PHRASES.search(folded)
    expected = PHRASES.pattern.search(folded)
    assert (first and first.span()) == (expected and expected.span())


def test_a_text_without_any_key_word_or_digit_is_not_searched_at_all() -> None:
    assert PHRASES.search("nothing to see here") is None
    assert list(PHRASES.finditer("a quiet comment about the post")) == []


def test_phrases_written_with_digits_only_are_tried_on_texts_with_digits() -> None:
    assert [m.group() for m in PHRASES.finditer("only $20 today")] == ["$20"]


def test_a_hyphenated_phrase_matches_joined_spaced_and_hyphenated_forms() -> None:
    assert [m.group() for m in PHRASES.finditer("abonnez vous, abonnez-vous, abonnezvous")] == [
        "abonnez vous",
        "abonnez-vous",
        "abonnezvous",
    ]


def test_the_topics_that_may_match_a_text_include_every_topic_that_does() -> None:
    text = fold("Subscribe to my channel and earn $200 per day from home, free bitcoin giveaway!")
    found = {topic for topic in TOPICS if matches(topic, text)}
    assert found
    assert found <= topics_in(text)
    assert topics_in("zzz qqq") == {topic for topic in TOPICS if TOPICS[topic].always}


def test_phrases_of_digits_and_symbols_are_tried_only_on_texts_holding_their_symbols() -> None:
    assert PHRASES.digit_phrases_may_match("only $20 today")
    assert not PHRASES.digit_phrases_may_match("page 20 of 31, no money sign")
    assert not PHRASES.digit_phrases_may_match("only $ and no digit")


@pytest.mark.parametrize(
    "text", ("100 free 100% free 7% free", "$5 5$ 5 $ 12 followers", "x100% free", "a$5", "1 100%free", "")
)
def test_a_subset_pattern_with_digit_and_digit_led_phrases_matches_as_the_full_pattern(text: str) -> None:
    found = [(m.start(), m.end()) for m in PHRASES.finditer(text)]
    assert found == [(m.start(), m.end()) for m in PHRASES.pattern.finditer(text)]


def test_the_words_of_a_text_come_in_order_and_a_caller_may_say_two_texts_share_them() -> None:
    assert tokens("a b, a c") == ("a", "b", "a", "c")
    assert words("a b, a c") == {"a", "b", "c"}
    same_words("not read", "given words")
    assert tokens("not read") == ("given", "words")
    assert words("not read") == {"given", "words"}


COMMON_KEYS = compile_phrases(("to the top", "get this to", "at&t", "check out this", "abonnez-vous"))


@pytest.mark.parametrize(
    "text",
    (
        "the top of the page",
        "get this one",
        "at the station, at t minus one",
        "check this out",
        "push it to the top, get this to the top",
        "at&t and at & t",
        "check out this video",
        "vous abonnez",
    ),
)
def test_a_text_holding_a_phrase_s_key_but_not_all_its_words_finds_what_the_full_pattern_finds(text: str) -> None:
    found = [(m.start(), m.end(), m.group()) for m in COMMON_KEYS.finditer(text)]
    assert found == [(m.start(), m.end(), m.group()) for m in COMMON_KEYS.pattern.finditer(text)]


def test_a_text_holding_a_phrase_s_key_but_not_all_its_words_is_not_searched() -> None:
    assert COMMON_KEYS._for("the top of the page, get this one, check it") == []
    assert len(COMMON_KEYS._for("back to the top")) == 1
    assert len(COMMON_KEYS._for("vous abonnez")) == 1  # a hyphen's words may be joined: its key alone decides


def test_an_ascii_text_s_words_are_its_runs_of_letters_digits_and_underscores() -> None:
    assert tokens("it's a_b-c 4x4, (ok)!") == ("it", "s", "a_b", "c", "4x4", "ok")


@pytest.mark.parametrize(
    "text",
    ("Très clair, merci à l'équipe !", "2ème épisode, ½ heure, 3² = 9, µg", "l'été\xa0dernier\x1cà Noël", "ÀÉÎÕÜ_ß ok"),
)
def test_a_latin1_text_s_words_are_the_word_pattern_s_runs(text: str) -> None:
    assert not text.isascii()
    assert tokens(text) == tuple(re.findall(r"\w+", text))


def test_a_text_beyond_latin1_has_its_words_found_by_the_pattern() -> None:
    assert tokens("Привет, мир — été") == ("Привет", "мир", "été")


def test_a_phrase_list_compiled_after_a_text_was_read_still_finds_its_phrases_there() -> None:
    text = "a qwzzv kind of comment"
    assert words(text) == {"a", "qwzzv", "kind", "of", "comment"}
    later = compile_phrases(("qwzzv kind",))
    assert later.search(text) is not None
