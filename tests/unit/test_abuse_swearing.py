"""Swearing aimed at no one (worker/abuse/swearing.py) is the profanity check's: the abuse check sets the swear words'
weight aside, in its own model and the English one, and holds such a comment only when something else weighs; aimed
swearing, insults of third persons, slurs and threats are held as before."""

from __future__ import annotations

import pytest

from worker.abuse.features import innocent_words, words
from worker.abuse.model import AbuseModel
from worker.abuse.swearing import expletives, unaimed_swearing
from worker.checks.abuse import AbuseCheck
from worker.checks.base import Context
from worker.models import Action, Comment
from worker.profanity.lexicon import Severity, load_lexicon

CONTEXT = Context(0.0)  # the shipped model, the English model on: as the default policy checks


def checked(text: str) -> tuple[float | None, list[Action], list[str]]:
    """Return the score, the actions and the evidence's terms of ``text`` checked as the default policy does."""
    result = AbuseCheck().check(Comment(id="c1", post_id="p1", content=text), CONTEXT)
    terms = [str(t["text"]) for t in result.reasons[0].evidence["terms"]] if result.reasons else []  # type: ignore[index,union-attr]
    return result.score, [r.action for r in result.reasons], terms


def unaimed(text: str) -> frozenset[str]:
    """Return the swear words of ``text`` that aim at no one (the words innocent in its language told, as the check
    tells them)."""
    found = words(text)
    return unaimed_swearing(text, found, innocent_words(found))


@pytest.mark.parametrize(
    "text",
    [
        "holy shit that's a great goal",
        "Holy shit, that's a great goal!",
        "this is fucking ridiculous",
        "Fucking hell, missed the bus again. Third time this week.",
        "I dropped my phone in the bath, fucking brilliant.",
        "Damn, this weather is shit.",
        "The bus is late again, for fuck's sake.",
        "Bullshit, the numbers don't add up.",
        "I can't believe I fucked up my exam, what a shit day.",
        "What a shitty week, my car broke down twice.",
        "This fucking printer jams every single morning.",
        "wtf is going on with this website, it keeps crashing",
        "Quel match de merde, on a tout raté.",
        "Putain, encore raté le train, quelle journée de merde.",
        "J'ai encore cassé mon téléphone, putain de merde.",
    ],
)
def test_swearing_at_things_events_or_oneself_is_not_held_by_the_abuse_check(text: str) -> None:
    score, actions, _ = checked(text)
    assert Action.FLAG not in actions and Action.REJECT not in actions
    assert score is not None and score < AbuseCheck().flag_at


@pytest.mark.parametrize(
    "text",
    [
        "fuck you",
        "you piece of shit",
        "what a fucking moron he is",
        "va te faire foutre",
        "ta gueule",
        "fils de pute",
        "he's a fucking idiot",
        "this author is shit",
        "ce mec est une merde",
        "these people are fucking disgusting",
        "fuck off",
        "fuck the lot of them",
        "you're fucking useless",
        "shut the fuck up",
        "fucking faggots",
        "this fucking bitch",
        "he is fucking useless",
        "tu es une merde",
        "sale arabe de merde",
    ],
)
def test_swearing_aimed_at_someone_insults_and_slurs_are_still_held(text: str) -> None:
    _, actions, _ = checked(text)
    assert Action.FLAG in actions or Action.REJECT in actions


def test_an_unaimed_comment_held_for_other_words_does_not_name_the_swear_word() -> None:
    _, actions, terms = checked("Shit, what a disgusting hateful racist mess.")
    assert Action.FLAG in actions
    assert terms and all(t.lower() != "shit" for t in terms)


@pytest.mark.parametrize(
    ("text", "swear"),
    [
        ("holy shit that's a great goal", {"shit"}),
        ("putain de bus, toujours pas là", {"putain"}),
        ("I can't believe I fucked up, damn", {"fucked", "damn"}),
        ("il y a encore des bouchons, putain", {"putain"}),
        ("fuck it, I'm going home", {"fuck"}),
        ("what the fuck is this update", {"fuck"}),
    ],
)
def test_the_swear_words_of_a_comment_aimed_at_no_one_are_set_aside(text: str, swear: set[str]) -> None:
    assert unaimed(text) == swear


@pytest.mark.parametrize(
    "text",
    [
        "damn you",  # second person
        "shit, u really did that",
        "t'es chiant putain",  # the French t'
        "putain, ton article est nul",
        "espèce de merde",
        "he is shit",  # a third person in the sentence that swears
        "this referee is fucking blind",
        "ils sont chiants putain",
        "fuck Mondays and fuck the people who schedule meetings",  # a verb with an object
        "j'emmerde les journalistes",
        "what a fucking idiot",  # an insult
        "stupid fucking rules",
        "fucking asshole",  # another listed word
        "fucking niggers",  # a slur
        "piece of shit",  # a listed phrase that aims
        "shit, I'll kill them all",  # a threat cue
        "the article is great",  # no swear word at all
    ],
)
def test_nothing_is_set_aside_when_the_comment_aims_or_does_not_swear(text: str) -> None:
    assert unaimed(text) == frozenset()


def test_a_sentence_without_swearing_does_not_point_the_swearing_of_another() -> None:
    assert unaimed("He scored twice. Holy shit what a goal!") == {"shit"}
    assert unaimed("Holy shit what a goal by him!") == frozenset()


def test_the_words_set_aside_are_mild_or_strong_in_the_profanity_lists_never_slurs() -> None:
    listed = load_lexicon().words
    assert {"fuck", "fucking", "shit", "damn", "merde", "putain", "bordel"} <= expletives()
    for word in expletives():
        assert set(listed[word].values()) & {Severity.MILD, Severity.STRONG}
        assert Severity.SLUR not in listed[word].values()
    assert not {"bitch", "asshole", "connard", "salope", "pute", "con", "cunt"} & expletives()


def test_muted_words_and_their_pairs_weigh_nothing_but_still_count() -> None:
    model = AbuseModel(0.0, {"fuck": 4.0, "bus": 1.0}, {"fuck bus": 2.0}, {})
    found = ["fuck", "bus"]
    full = model.weigh(found)
    muted = model.weigh(found, muted=frozenset({"fuck"}))
    assert muted.features == full.features
    assert muted.log_odds == pytest.approx(full.log_odds / 7.0)  # the same count: only the swear word's weight goes
    assert muted.words == [0.0, 1.0] and muted.pairs == [0.0]
