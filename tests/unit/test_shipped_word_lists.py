"""The shipped policy's word lists are empty, as WordPress's are: a listed word would reject or hold every reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.checks.base import Context
from worker.checks.spam import build
from worker.models import Action, Comment
from worker.policy import Policy

CONFIG = Path(__file__).resolve().parents[2] / "config"


def shipped_reasons(content: str) -> dict[str, Action]:
    check = build(Policy.load(CONFIG / "policy.toml").section("spam"))
    result = check.check(Comment(id="c", post_id="p", author_name="Thomas", content=content), Context(now=0.0))
    return {reason.code: reason.action for reason in result.reasons}


@pytest.mark.parametrize("key", ["blocklist_file", "moderation_keys_file"])
def test_the_shipped_word_lists_hold_no_word(key: str) -> None:
    assert Policy.load(CONFIG / "policy.toml").section("spam").words_file(key) == ()


@pytest.mark.parametrize(
    "content",
    [
        "Le Viagra est-il compatible avec un traitement pour la tension ? Mon cardiologue hésite.",
        "I keep a little bitcoin, maybe 3% of my savings, money I can afford to lose.",
        "I took a payday loan once when I was twenty and paid it back for a year, never again.",
    ],
)
def test_a_reader_naming_a_pill_a_coin_or_a_loan_meets_no_word_list_of_the_shipped_policy(content: str) -> None:
    assert not {"blocklist", "moderation_key"} & set(shipped_reasons(content))


def test_the_spam_those_words_were_listed_for_is_still_caught_by_the_shipped_policy() -> None:
    for spam in (
        "Buy cheap viagra online, no prescription, https://pills-cheap.example",
        "Meilleur casino en ligne, bonus 500€, inscrivez-vous sur https://jeux-gain.top",
    ):
        assert Action.REJECT in shipped_reasons(spam).values() or Action.FLAG in shipped_reasons(spam).values()
