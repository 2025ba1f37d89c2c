"""A fan quoting what the self-promoters write asks nothing; a promoter's own ask, quoted or not, still does."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.quoted import unquoted
from worker.text import fold

COMPLAINTS = (
    "Ceux qui écrivent 'abonnez-vous à ma chaîne' sous chaque clip, franchement, stop",
    "Les gens qui mettent « like si tu es là en 2024 » partout, sérieux",
    'I\'m so tired of people who post "sub to my channel" under every single song',
)
"""Fans quoting the promoters' ask to complain about it."""

PROMOTERS = (
    'My new single "Subscribe to my heart" is out, check my channel',
    'Comments like "check out my channel" are annoying, but really, check out my channel',
)
"""Promoters whose own ask is quoted as a title, or made outside the quote."""


def _signals(content: str) -> set[str]:
    result = SpamCheck().check(Comment(id="c", post_id="p", author_name="Claire", content=content), Context(now=0.0))
    names: set[str] = set()
    for reason in result.reasons:
        if reason.code == "spam_score":
            names |= {str(s["name"]) for s in reason.evidence["signals"]}  # type: ignore[index, union-attr]
    return names


@pytest.mark.parametrize("content", COMPLAINTS)
def test_a_fan_quoting_the_promoters_ask_is_not_read_as_asking_and_never_rejected(content: str) -> None:
    assert not {"self_promotion", "engagement_bait"} & _signals(content)
    assert action(content) is not Action.REJECT


@pytest.mark.parametrize("content", PROMOTERS)
def test_a_promoters_own_ask_quoted_as_a_title_or_made_outside_the_quote_is_still_caught(content: str) -> None:
    assert action(content) is not Action.APPROVE


def test_only_quotes_introduced_by_a_verb_of_saying_are_blanked() -> None:
    text = fold("people who write 'sub to me' everywhere, and my song 'sub to me' is out")
    assert unquoted(text) == text.replace("'sub to me' everywhere", " " * len("'sub to me'") + " everywhere", 1)
    assert unquoted("no quote here") == "no quote here"
