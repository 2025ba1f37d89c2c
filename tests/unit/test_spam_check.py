"""The spam check: v1 rules kept, one calibrated score, facts from the store, and no email in what it says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from worker.checks.base import Context
from worker.checks.spam import NAME, build
from worker.errors import ConfigError
from worker.models import Action, CheckResult, Comment
from worker.policy import Section
from worker.spam import facts as fact
from worker.spam.classifier import Label, ModelState

EMAIL = "jane.private-person@mailinator.com"


def comment(content: str, **fields: str | None) -> Comment:
    base: dict[str, str | None] = {"author_name": "Jane", "author_email": EMAIL}
    return Comment(id="c1", post_id="p1", content=content, **{**base, **fields})  # type: ignore[arg-type]


def run(
    content: str, facts: dict[str, object] | None = None, section: dict[str, object] | None = None, **fields: str | None
) -> CheckResult:
    check = build(Section("spam", section or {}, "test"))
    return check.check(comment(content, **fields), Context(now=0.0, facts=facts or {}))


def codes(result: CheckResult) -> dict[str, Action]:
    return {r.code: r.action for r in result.reasons}


def test_an_ordinary_comment_is_approved_with_a_low_score_and_no_reason() -> None:
    for text in ("Great article, thanks for writing it.", "Merci pour cet article, très instructif."):
        result = run(text, author_email="ann@example.org")
        assert result.reasons == () and result.score is not None and result.score < 0.5, text


HEATED_REPLIES = (
    "You people always blame the referee when your team loses. Grow up.",
    "Please stop posting the same nonsense under every article about the budget.",
    "Our city has been lost to developers for years and you call that progress?",
    "Are you kidding me? Nobody with a brain believes that.",
    "Typical government: they take our money and give us nothing back.",
    "Get your facts straight before you call other people stupid.",
    "Arrêtez avec vos leçons de morale, personne ne vous croit.",
    "Ma ville est défigurée par ces travaux et la mairie s'en fiche.",
    "Tu racontes vraiment n'importe quoi, retourne lire l'article.",
    "Encore un match perdu, l'entraîneur doit partir, point.",
    "Vous êtes tous pareils, vous critiquez mais vous ne votez jamais.",
    "Retour en arrière total avec cette loi, quelle honte.",
)


@pytest.mark.parametrize("text", HEATED_REPLIES)
def test_a_heated_reply_between_readers_is_not_spam(text: str) -> None:
    result = run(text, author_email="ann@example.org")
    assert result.reasons == (), result.reasons


def test_words_alone_need_surer_words_to_hold_and_the_policy_can_say_how_much() -> None:
    text = "Typical government: they take our money and give us nothing back."
    strict = run(text, author_email="ann@example.org", section={"words_alone": 0.0})
    default = run(text, author_email="ann@example.org")
    assert strict.score is not None and default.score is not None and default.score < strict.score


def test_a_topic_talked_about_with_no_sign_of_a_sale_weighs_half_and_the_policy_can_weigh_it_in_full() -> None:
    text = "We don't want to see porn on the front page of a news site."
    default = run(text, author_email="ann@example.org")
    full = run(text, author_email="ann@example.org", section={"topic_alone": 1.0})
    assert default.score is not None and full.score is not None and default.score < full.score


def test_a_topic_share_above_one_is_a_config_error_naming_the_key() -> None:
    with pytest.raises(ConfigError, match=r"spam\.topic_alone"):
        build(Section("spam", {"topic_alone": 2.0}, "test"))


def test_channel_promotion_with_a_link_is_caught_with_its_signals_as_evidence() -> None:
    result = run("Check out my channel and subscribe!! https://bit.ly/3xYz")
    reason = next(r for r in result.reasons if r.code == "spam_score")
    assert reason.action in (Action.FLAG, Action.REJECT)
    assert reason.evidence["score"] == pytest.approx(result.score, abs=1e-3)
    signal_names = {s["name"] for s in reason.evidence["signals"]}
    assert {"links", "shortener", "self_promotion"} <= signal_names
    assert reason.evidence["model"]["top"]


def test_french_crypto_spam_is_rejected() -> None:
    text = "Gagnez 500 € par jour avec le bitcoin, contactez-moi sur WhatsApp +33 6 12 34 56 78"
    assert codes(run(text))["spam_score"] is Action.REJECT


def test_two_links_are_still_held_as_too_many_links() -> None:
    assert (
        codes(run("see https://a.example/1 and https://b.example/2", section={"links_hold_at": 2}))["too_many_links"]
        is Action.FLAG
    )


def test_links_alone_hold_but_never_reject_and_with_spam_phrasing_they_reject() -> None:
    anchors = (
        '<a href="https://videos.example.com/watch?v=abc&t=140">2:19</a> and '
        '<a href="https://videos.example.com/watch?v=abc&t=220">3:40</a>'
    )
    held = next(
        r for r in run(f"Best parts: {anchors}", author_email="ann@example.org").reasons if r.code == "spam_score"
    )
    assert held.evidence["score"] >= 0.98 and held.evidence["without_links"] < 0.5
    assert held.action is Action.FLAG and "links alone only hold" in held.message
    promoted = run(f"Check out my channel and subscribe: {anchors}", author_email="ann@example.org")
    assert codes(promoted)["spam_score"] is Action.REJECT


def test_a_business_handed_to_the_readers_is_held_and_the_message_says_it_only_holds() -> None:
    text = "Pour votre toiture appelez Toitures Gauthier de ma part au 06 39 98 41 27, ils ont refait la nôtre vite."
    held = next(r for r in run(text, author_email="ann@example.org").reasons if r.code == "spam_score")
    assert held.evidence["score"] >= 0.98 and held.action is Action.FLAG
    assert "without a business handed to the readers, which only holds" in held.message


def test_a_blocklisted_word_still_rejects_and_a_moderation_key_still_holds() -> None:
    section = {"blocklist": ["casino"], "moderation_keys": ["refund"]}
    assert codes(run("I won at the casino", section=section))["blocklist"] is Action.REJECT
    assert codes(run("Where is my refund?", section=section))["moderation_key"] is Action.FLAG


def test_a_copy_of_rejected_spam_is_rejected() -> None:
    assert codes(run("Nice post.", {fact.REJECTED_COPY: True}))["rejected_copy"] is Action.REJECT


def test_a_flood_of_comments_from_one_address_is_held() -> None:
    assert codes(run("Nice post.", {fact.FLOOD_COUNT: 1}))["flood"] is Action.FLAG
    assert "flood" not in codes(run("Nice post.", {fact.FLOOD_COUNT: 1}, section={"flood_max": 3}))


def test_a_known_author_scores_lower_than_an_unknown_one() -> None:
    text = "Check this out https://example.com/page"
    unknown, known = run(text), run(text, {fact.KNOWN_AUTHOR: True})
    assert known.score is not None and unknown.score is not None and known.score < unknown.score


def test_a_campaign_of_copies_raises_the_score() -> None:
    assert run("Nice post.", {fact.DUPLICATES: 5}).score > run("Nice post.").score  # type: ignore[operator]


def test_the_shared_model_from_the_facts_is_used_instead_of_the_seed() -> None:
    model = ModelState()
    for _ in range(30):
        model.learn("zorblax frumple", Label.SPAM)
        model.learn("lovely weather", Label.HAM)
    assert run("zorblax frumple", {fact.MODEL: model}).score > run("zorblax frumple").score  # type: ignore[operator]


def test_the_thresholds_come_from_the_policy() -> None:
    text = "Check out my channel and subscribe!!"
    assert "spam_score" not in codes(run(text, section={"flag_at": 0.999, "reject_at": 0.9999}))
    assert codes(run(text, section={"flag_at": 0.01, "reject_at": 0.02}))["spam_score"] is Action.REJECT


def test_thresholds_out_of_order_are_a_config_error_naming_the_key() -> None:
    with pytest.raises(ConfigError, match=r"spam\.reject_at"):
        build(Section("spam", {"flag_at": 0.9, "reject_at": 0.5}, "test"))


def test_signal_weights_can_be_overridden_and_unknown_signals_are_refused() -> None:
    text = "Check out my channel and subscribe!!"
    silenced = run(text, section={"weights": {"self_promotion": 0.0}})
    assert silenced.score < run(text).score  # type: ignore[operator]
    with pytest.raises(ConfigError, match=r"spam\.weights\.nonsense"):
        build(Section("spam", {"weights": {"nonsense": 1.0}}, "test"))


def test_without_the_learned_model_the_signals_alone_decide() -> None:
    assert run("zorblax frumple", section={"learned": False}).score == run("", section={"learned": False}).score


def test_the_authors_email_never_appears_in_reasons_messages_or_evidence() -> None:
    text = f"Check out my channel, write to me at {EMAIL} or whatsapp, free bitcoin https://bit.ly/x"
    local = EMAIL.partition("@")[0]
    result = run(text, {fact.DUPLICATES: 2, fact.FLOOD_COUNT: 3}, author_url="http://pills.top")
    assert result.reasons
    published = json.dumps([r.to_dict() for r in result.reasons])
    assert EMAIL not in published and local not in published and "private" not in published
    assert "mailinator.com" in published  # the domain, and only the domain, is evidence


def test_the_check_is_named_spam() -> None:
    assert build(Section("spam", {}, "test")).name == NAME == "spam"


def test_word_list_files_are_read_relative_to_the_policy(tmp_path: Path) -> None:
    (tmp_path / "block.txt").write_text("# words\nviagra\n", encoding="utf-8")
    check = build(Section("spam", {"blocklist_file": "block.txt"}, "test", tmp_path))
    result = check.check(comment("cheap viagra"), Context(now=0.0))
    assert codes(result)["blocklist"] is Action.REJECT


_EVIDENCE_SCRIPT = """
import json
import os
import subprocess
import sys
from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Comment
from worker.spam import facts as fact
from worker.spam.classifier import Label, ModelState

model = ModelState()
model.learn("cheap watches alpha bravo charlie delta echo foxtrot golf hotel india", Label.SPAM)
text = "cheap watches alpha bravo charlie delta echo foxtrot golf hotel india, buy now http://watches.example.com"
result = SpamCheck().check(Comment(id="c1", post_id="p1", content=text), Context(now=0.0, facts={fact.MODEL: model}))
print(json.dumps([[r.code, r.evidence] for r in result.reasons], sort_keys=True))
"""


def test_two_workers_with_different_hash_seeds_store_the_same_evidence() -> None:
    stored, root = [], Path(__file__).resolve().parents[2]
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", _EVIDENCE_SCRIPT]
        child = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=60, check=False)
        assert child.returncode == 0, child.stderr
        stored.append(child.stdout)
    assert "spam_score" in stored[0]
    assert stored[0] == stored[1]
