"""The abuse check holds a comment only when a word or word pair weighs enough to be shown: a long comment whose many
small weights add up to a high score names nothing abusive; a threat or a frame holds without such a word."""

from __future__ import annotations

from worker.abuse import facts as fact
from worker.abuse.model import AbuseModel
from worker.checks.abuse import EVIDENCE_AT, AbuseCheck
from worker.checks.base import Context
from worker.models import Action, Comment

CHECK = AbuseCheck(english=0.0, context=False)
"""The project's model alone: what holds here is the toy model of each test."""


def comment(content: str) -> Comment:
    return Comment(id="c1", post_id="p1", content=content)


def facts(model: AbuseModel) -> Context:
    return Context(0.0, {fact.MODEL: model})


def test_a_long_comment_of_many_slightly_weighted_words_scores_high_but_is_not_held() -> None:
    context = facts(AbuseModel(-1.0, {"trade": 1.0}, {}, {}))
    result = CHECK.check(comment(" ".join(["trade"] * 200)), context)
    assert result.score is not None and result.score > 0.9
    assert result.reasons == ()


def test_a_long_comment_with_one_heavy_word_is_held_and_names_it() -> None:
    context = facts(AbuseModel(-1.0, {"idiot": 40.0}, {}, {}))
    text = " ".join(["the"] * 30) + " idiot"
    [reason] = CHECK.check(comment(text), context).reasons
    assert reason.action is Action.FLAG
    heaviest = reason.evidence["terms"][0]
    assert heaviest["text"] == "idiot" and heaviest["log_odds"] >= EVIDENCE_AT


def test_a_threat_made_of_everyday_words_is_held_though_no_word_weighs() -> None:
    context = facts(AbuseModel(-4.0, {}, {}, {}))
    [reason] = CHECK.check(comment("This is your last warning."), context).reasons
    assert reason.action is Action.FLAG and reason.evidence["category"] == "threat"


def test_a_frame_of_dehumanising_hate_is_held_though_no_word_weighs() -> None:
    context = facts(AbuseModel(0.5, {}, {}, {}))
    [reason] = CHECK.check(comment("They are vermin, all of them."), context).reasons
    assert reason.action is Action.FLAG and reason.evidence["category"] == "hate"
