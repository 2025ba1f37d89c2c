"""The cheap looks that spare a reading its patterns let through every text the patterns match."""

from __future__ import annotations

import pytest

from worker.spam.alarm import _SCARE_QUOTED, may_scare_quote
from worker.spam.asked_pitch import _SENTENCE, _VOICE, _VOICES, asked_pitch
from worker.spam.own_work import _OPENED, _may_open
from worker.spam.phrases import unjoined, words
from worker.spam.quoted import _QUOTE, may_quote, unquoted
from worker.text import fold

TEXTS = (
    "the crypto 'account managers' took it all",
    "the crypto,'account managers' took it all",
    "les « médiums » du quartier",
    "un “recruteur” m'a écrit",
    'a so-called "advisor" called me',
    "don't trust them, it's a scam",
    "l'arnaque c'est tout",
    "they\t'help' you",
    "they\u00a0'help' you",
    "word\n'quoted words' here",
    "'at the start' then more",
    "people who write 'sub to my channel' under every song",
    "ceux qui disent « abonnez-vous » partout",
    "I just started a gaming channel, go watch",
    "j'ai lancé ma chaîne hier",
    "we've finally launched our small music channel",
    "I started watching this channel last year",
    "i made a cover",
    "no quote at all here",
    "",
)


@pytest.mark.parametrize("text", TEXTS)
def test_a_text_in_scare_quotes_may_hold_them_as_the_look_tells(text: str) -> None:
    folded = fold(text)
    if _SCARE_QUOTED.search(folded) is not None:
        assert may_scare_quote(folded)


def test_apostrophes_within_words_are_no_scare_quote_to_look_for() -> None:
    assert not may_scare_quote("don't trust them, it's a scam")
    assert not may_scare_quote("no quote at all")
    assert may_scare_quote("the crypto 'account managers'")


@pytest.mark.parametrize("text", TEXTS)
def test_a_quote_a_fan_reports_is_one_the_look_lets_through(text: str) -> None:
    folded = fold(text)
    if _QUOTE.search(folded) is not None:
        assert may_quote(folded)


def test_a_quote_after_a_saying_verb_is_still_blanked_and_apostrophes_alone_keep_the_text() -> None:
    assert "sub to my" not in unquoted("people who write 'sub to my channel' under every song")
    text = "don't subscribe, it's fine"
    assert not may_quote(text)
    assert unquoted(text) is text


@pytest.mark.parametrize("text", TEXTS)
def test_a_channel_opened_is_told_only_in_texts_the_word_look_lets_through(text: str) -> None:
    folded = fold(text)
    if _OPENED.search(unjoined(folded)) is not None:
        assert _may_open(words(folded))


def test_the_word_look_for_a_channel_opened_needs_the_verb_and_the_channel() -> None:
    assert _may_open(words("i just started a channel"))
    assert not _may_open(words("i just started a new song"))
    assert not _may_open(words("love this channel"))


@pytest.mark.parametrize(
    "text",
    (
        "Need a visa fast? We get approvals in 7 days, free quote",
        "Moving soon? So we're here: devis gratuit",
        "Vous déménagez ? Nous nous chargeons de tout.",
        "Is this real?-our team says so",
        "Anyone tried it? we did it last year",
        "Why? Because weather is bad. Ourselves only.",
        "What? well, nosy people",
    ),
)
def test_a_business_voice_answering_a_question_is_a_whole_word_the_look_finds(text: str) -> None:
    folded = fold(text)
    answer = unjoined(folded[folded.find("?") + 1 :])
    for sentence in _SENTENCE.split(answer):
        voice = _VOICE.match(sentence.strip(" ,;:-"))
        if voice is not None:
            assert voice.group(1) in _VOICES
            assert not _VOICES.isdisjoint(words(folded))


def test_a_question_answered_in_no_business_voice_is_no_pitch_and_one_so_answered_still_is() -> None:
    weights = {"business_pitch": 1.0}
    assert asked_pitch(fold("Need a visa fast? Ourselves, we get approvals in 7 days"), weights) is None
    assert asked_pitch(fold("Need a visa fast? We get approvals in 7 days, free quote"), weights) is not None
