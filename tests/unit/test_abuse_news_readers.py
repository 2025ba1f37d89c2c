"""Threats, harassment and hate as readers of news sites write them, without a listed word (worker/abuse/threats.py,
worker/abuse/frames.py), and the floor that makes a frame of harassment or hate hold by itself; the same words in
everyday, reported, quoted or denied comments are left alone."""

from __future__ import annotations

import math

import pytest

from tests.helpers import LEANS_CLEAN as SILENT
from worker.abuse.features import words
from worker.abuse.frames import frames
from worker.abuse.threats import threats
from worker.checks.abuse import DEFAULT_HATE_HARASSMENT, AbuseCheck, build
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy


def found(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) of each frame ``text`` makes."""
    return [(f.kind, f.text) for f in frames(text, words(text))]


def made(text: str) -> list[str]:
    """Return the threats ``text`` makes."""
    return [t.text for t in threats(text)]


def silent(text: str, checker: AbuseCheck | None = None) -> tuple[float | None, list[Action], str | None]:
    """Return the score, the actions and the category of ``text`` checked with a model that weighs no word."""
    result = (checker or AbuseCheck(english=0.0)).check(Comment(id="c1", post_id="p1", content=text), SILENT)
    category = result.reasons[0].evidence["category"] if result.reasons else None
    return result.score, [r.action for r in result.reasons], category  # type: ignore[return-value]


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("Hope you get what's coming to you.", "Hope you get what's coming to you"),
        ("You'll get what's coming to you, traitor.", "You'll get what's coming to you"),
        ("People like you end up in a ditch.", "People like you end up in a ditch"),
        ("people like u wind up dead", "people like u wind up dead"),
        ("I hope he dies.", "hope he dies"),
        ("I hope she gets cancer.", "hope she gets cancer"),
        ("hope they rot in hell", "hope they rot in hell"),
        ("Hang them all.", "Hang them all"),
        ("String them up from the nearest lamp post.", "String them up from the nearest lamp post"),
        ("You need a good slap.", "You need a good slap"),
        ("He deserves a bullet.", "He deserves a bullet"),
        ("We know who you are.", "We know who you are"),
        ("We're watching you.", "We're watching you"),
    ],
)
def test_veiled_threats_and_wished_deaths_of_news_comments_are_threats(text: str, threat: str) -> None:
    assert made(text) == [threat]


@pytest.mark.parametrize(
    "text",
    [
        "You'll get what's coming to you, a refund and an apology, I'm sure.",
        "Hope you get what's coming to you in the post, the tickets are great!",
        "I hope you get what you ordered this time.",
        "People like you end up running the council one day, keep it up.",
        "People like you end up in the history books.",
        "I hope he gets better soon, he's a good lad.",
        "I hope they get shot of this council at the next election.",
        "I hope he dies peacefully, surrounded by his family.",
        "Hang them all on the wall by the stairs, the prints look great.",
        "String them up in the garden for the party, the lights are lovely.",
        "They need a good slap of paint before winter.",
        "He deserves a bullet point in the history books.",
        "I know who you are, you're the lady from the bakery!",
        "We know who you are now: the new head of the library.",
        "We're watching you on TV tonight, good luck!",
        'He wrote "we know who you are" under her article and was banned.',
        "She said they told her we're watching you, and the police came.",
    ],
)
def test_the_same_words_in_everyday_or_reported_comments_are_no_threat(text: str) -> None:
    assert made(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "frame"),
    [
        ("No one wants you here.", "harassment", "No one wants you here"),
        ("Nobody wants you here, just leave.", "harassment", "Nobody wants you here"),
        ("You're not welcome here, get lost.", "harassment", "You're not welcome here"),
        ("Get back in the kitchen where you belong.", "harassment", "Get back in the kitchen where you belong"),
        ("go back to your kitchen", "harassment", "go back to your kitchen"),
        ("Women belong in the kitchen, not in newsrooms.", "harassment", "Women belong in the kitchen"),
        ("Go make me a sandwich, sweetheart.", "harassment", "Go make me a sandwich, sweetheart"),
        (
            "We'll make sure everyone knows what you did.",
            "harassment",
            "We'll make sure everyone knows what you did",
        ),
        (
            "I'll make sure your employer sees what you wrote.",
            "harassment",
            "I'll make sure your employer sees what you wrote",
        ),
        ("I'm going to get you fired.", "harassment", "I'm going to get you fired"),
        ("Do us all a favour and disappear.", "harassment", "Do us all a favour and disappear"),
        ("No one cares what you think.", "harassment", "No one cares what you think"),
        ("Deport them all.", "hate", "Deport them all"),
        ("Send them all back where they came from.", "hate", "Send them all back where they came from"),
        ("They should all be deported.", "hate", "They should all be deported"),
        ("Go back where you came from.", "hate", "Go back where you came from"),
        ("These migrants are an invasion.", "hate", "migrants are an invasion"),
        ("The Muslims are invading Europe.", "hate", "Muslims are invading"),
        ("Immigrants are all criminals and rapists.", "hate", "Immigrants are all criminals"),
        ("Hordes of migrants are pouring in.", "hate", "Hordes of migrants"),
        ("They are replacing us.", "hate", "They are replacing us"),
        ("They're taking over our country.", "hate", "They're taking over our country"),
        ("Muslims don't belong in this country.", "hate", "Muslims don't belong in this country"),
        ("You are an embarrassment to your profession.", "insult", "You are an embarrassment to your profession"),
    ],
)
def test_harassment_and_hate_of_news_comments_are_frames(text: str, kind: str, frame: str) -> None:
    assert found(text)[0] == (kind, frame)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody wants you to fail, we just want better reporting.",
        "No one wants you here to feel unwelcome, please stay and argue.",
        "No one here wants you to leave, stay.",
        "You're not welcome here without a ticket, the steward said.",
        'He told her "nobody wants you here" and she reported him.',
        "I'm going back to the kitchen to check the oven.",
        "The chef said she can't wait to get back in the kitchen.",
        "Get back to the kitchen and stir the sauce every ten minutes.",
        "The idea that women belong in the kitchen is a relic.",
        "Can you make me a sandwich for the trip?",
        "I'll make sure everyone knows about the fundraiser on Saturday.",
        "I'll make sure everyone knows what you did for the club, thank you so much!",
        "That attitude will get you fired one day.",
        "Do yourself a favour and read the full report.",
        "Do us all a favour and read the report before commenting.",
        "Nobody cares what you think about the referee, mate, it's a pub league.",
        "The government plans to deport them by the end of the year.",
        "If they committed serious crimes, they should be deported after serving their sentence.",
        "These chargers are faulty, send them all back.",
        "Send them all back to the supplier and ask for a refund.",
        "Saying they should all be deported is not a policy, it's a slogan.",
        "Many refugees want to go back to their homeland once it is safe.",
        "After the holiday I had to go back to my country for work.",
        '"Go back where you came from" is what they shouted at my grandmother.',
        "Someone told my neighbour to go back to her country; we reported it.",
        "There is no migrant invasion, the numbers are falling.",
        "The so-called migrant invasion is a myth pushed by tabloids.",
        "Calling refugees an invasion is dangerous rhetoric.",
        "The Russian invasion of Ukraine began in February 2022.",
        "Not all immigrants are criminals, most work harder than I do.",
        "Immigrants are all too often blamed for problems they didn't cause.",
        "The men arrested last night are all criminals with long records.",
        "Hordes of tourists descend on the village every August.",
        "They're replacing us with self-checkouts at the supermarket.",
        "Robots are taking over our jobs.",
        "The claim that migrants are taking over our towns is false.",
        "These plants don't belong here, they're invasive.",
        "Saying Muslims don't belong here is plain bigotry.",
        "You are a credit to your profession.",
        "They're not people, they say, and that is how it always starts.",
    ],
)
def test_the_same_words_in_everyday_reported_quoted_or_denied_comments_are_not_frames(text: str) -> None:
    assert found(text) == []


def test_a_denial_in_another_clause_does_not_lift_a_hate_frame() -> None:
    assert found("They're not people, they're savages.") == [("hate", "they're savages")]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("No one wants you here.", "harassment"),
        ("Deport them all.", "hate"),
        ("They are vermin.", "hate"),
        ("I'll keep replying until you leave.", "harassment"),
    ],
)
def test_a_frame_of_harassment_or_hate_holds_by_itself_at_its_floor(text: str, category: str) -> None:
    score, actions, kind = silent(text)
    assert (actions, kind) == ([Action.FLAG], category)
    assert score == pytest.approx(DEFAULT_HATE_HARASSMENT)


def test_an_insult_frame_keeps_the_frame_share_alone() -> None:
    score, actions, _ = silent("You are a child.")
    assert actions == [] and score is not None and score < DEFAULT_HATE_HARASSMENT


def test_a_held_frame_shows_what_it_added_to_reach_the_floor() -> None:
    result = AbuseCheck(english=0.0).check(Comment(id="c1", post_id="p1", content="Deport them all."), SILENT)
    first = result.reasons[0].evidence["terms"][0]  # type: ignore[index]
    assert first["text"] == "Deport them all"  # type: ignore[index]
    floor = math.log(DEFAULT_HATE_HARASSMENT / (1 - DEFAULT_HATE_HARASSMENT))
    assert first["log_odds"] == pytest.approx(floor + 4.0, abs=0.01)  # type: ignore[index]


def test_a_frame_held_at_its_floor_never_rejects() -> None:
    checker = AbuseCheck(english=0.0, flag_at=0.5, reject_at=0.6, hate_harassment=0.9)
    assert silent("Deport them all.", checker)[1] == [Action.FLAG]


def test_the_policy_sets_the_floor_and_zero_leaves_the_frame_share_alone() -> None:
    off = build(Policy.from_mapping({"abuse": {"hate_harassment": 0, "english": 0}}).section("abuse"))
    assert off.hate_harassment == 0 and silent("Deport them all.", off)[1] == []
    assert build(Policy.from_mapping({}).section("abuse")).hate_harassment == DEFAULT_HATE_HARASSMENT
    with pytest.raises(ConfigError, match="hate_harassment"):
        build(Policy.from_mapping({"abuse": {"hate_harassment": 1.5}}).section("abuse"))
