"""Frames of English harassment and dehumanising hate in everyday words (worker/abuse/frames.py) and what the abuse
check does with them: the English model's pull-down cancelled, the frame's share added, its span and category shown."""

from __future__ import annotations

import pytest

from worker.abuse import facts as fact
from worker.abuse.features import words
from worker.abuse.frames import frames
from worker.abuse.model import AbuseModel, sigmoid
from worker.checks.abuse import DEFAULT_FLAG_AT, DEFAULT_FRAME, AbuseCheck, build
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, Comment, Reason
from worker.policy import Policy


def found(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) of each frame ``text`` makes."""
    return [(f.kind, f.text) for f in frames(text, words(text))]


@pytest.mark.parametrize(
    ("text", "kind", "frame"),
    [
        (
            "I'll keep replying to every post until you leave.",
            "harassment",
            "I'll keep replying to every post until you",
        ),
        (
            "Im gonna keep emailing your boss until he fires you",
            "harassment",
            "Im gonna keep emailing your boss until he",
        ),
        ("Block me all you like, I'll just make another account.", "harassment", "I'll just make another account"),
        ("Delete my comments, I keep coming back with new names.", "harassment", "keep coming back with new names"),
        ("You can't hide from me, I always find you.", "harassment", "can't hide from me"),
        ("Everyone go to her Instagram and tell her what we think.", "harassment", "Everyone go to her Instagram"),
        ("guys, let's all flood his inbox tonight", "harassment", "guys, let's all flood his inbox"),
        ("Her home address is 14 Mill Lane, pay her a visit.", "harassment", "Her home address is 14"),
        ("Here's his number, you know what to do.", "harassment", "Here's his number"),
        ("I've got your address now.", "harassment", "I've got your address"),
        ("They are vermin, every last one.", "hate", "They are vermin"),
        ("Those migrants are nothing but parasites.", "hate", "Those migrants are nothing but parasites"),
        ("These people are not even human.", "hate", "These people are not even human"),
        ("they breed like rats over there", "hate", "breed like rats"),
        ("They should all be wiped out.", "hate", "They should all be wiped out"),
    ],
)
def test_harassment_and_dehumanising_frames_are_found_with_their_text(text: str, kind: str, frame: str) -> None:
    assert found(text)[0] == (kind, frame)


@pytest.mark.parametrize(
    "text",
    [
        "I'll keep campaigning until the council listens.",
        "I'm going to keep pushing the council on this until they answer.",
        "I'll make a new account for the library website.",
        "Everyone go and look at the planning documents, it's all in there.",
        "Go look at the photos of the lantern parade, they're gorgeous.",
        "His address is the old rectory, the article says, and he opens the garden every June.",
        "Refugees aren't parasites, they pay taxes like everyone else.",
        "These people are not vermin, they are families.",
        "Saying immigrants are vermin is how every pogrom starts.",
        'The leaflet said "they are parasites" and the council took it down.',
        "The ants in my kitchen breed like crazy every summer.",
        "The old regulations should be wiped out and rewritten.",
        "The kids are animals at bath time, I love them.",
    ],
)
def test_the_same_words_in_civil_reported_quoted_or_denied_comments_are_not_frames(text: str) -> None:
    assert found(text) == []


def test_a_comment_without_an_anchor_word_is_not_read_by_the_patterns() -> None:
    assert frames("They are vermin.", ["thanks", "for", "the", "article"]) == []


ZERO = Context(0.0, {fact.MODEL: AbuseModel(0.0, {}, {}, {})})
"""A shared model that weighs no word (score 0.5 alone): what moves a comment here is the frame."""


def check(text: str, checker: AbuseCheck) -> tuple[float | None, list[Reason]]:
    """Return the score and the reasons of ``checker`` for ``text`` with the model that weighs no word."""
    result = checker.check(Comment(id="c1", post_id="p1", content=text), ZERO)
    return result.score, list(result.reasons)


def test_a_frame_lifts_a_plain_worded_comment_past_flag_at_with_its_span_and_category_first() -> None:
    text = "Honestly I'll keep replying until you leave this site."
    score, reasons = check(text, AbuseCheck(english=0.0, frame=2.0))
    assert score is not None and score > DEFAULT_FLAG_AT
    [held] = reasons
    assert held.action is Action.FLAG and held.evidence["category"] == "harassment"
    first = held.evidence["terms"][0]
    assert text[slice(*first["span"])] == first["text"] == "I'll keep replying until you"
    assert first["log_odds"] == 2.0


def test_the_same_plain_words_without_a_frame_are_not_held() -> None:
    score, reasons = check("Honestly I'll keep reading until the end of this site.", AbuseCheck(english=0.0, frame=2.0))
    assert reasons == [] and score == 0.5


def test_a_frame_cancels_the_english_model_s_pull_down_and_adds_its_share() -> None:
    checker = AbuseCheck(frame=0.5)
    text = "Everyone go to her Instagram and tell her what we think."
    assert checker.english_added(text) < 0  # plain words: the English model pulls it down
    assert check(text, checker)[0] == pytest.approx(sigmoid(0.5))
    unframed = "Everyone go to the parade and tell them what we think."
    assert check(unframed, checker)[0] == pytest.approx(sigmoid(checker.english_added(unframed)))


def test_a_frame_alone_never_rejects() -> None:
    _, reasons = check("They are vermin.", AbuseCheck(english=0.0, frame=30.0, reject_at=0.99))
    assert [r.action for r in reasons] == [Action.FLAG]


def test_the_policy_sets_the_frame_share_and_zero_turns_frames_off() -> None:
    assert build(Policy.from_mapping({}).section("abuse")).frame == DEFAULT_FRAME
    assert build(Policy.from_mapping({"abuse": {"frame": 0}}).section("abuse")).frame == 0
    assert check("They are vermin.", AbuseCheck(english=0.0, frame=0.0)) == (0.5, [])
    with pytest.raises(ConfigError, match="frame"):
        build(Policy.from_mapping({"abuse": {"frame": -1}}).section("abuse"))
