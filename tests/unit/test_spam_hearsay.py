"""A scam's words with no way to reach anyone are a reader's news or warning: they weigh half."""

from __future__ import annotations

import pytest

from worker.models import Comment
from worker.spam.hearsay import reaches
from worker.spam.signals import detect
from worker.text import fold


def signals(content: str) -> dict[str, float]:
    return {s.name: s.weight for s in detect(Comment(id="c", post_id="p", author_name="Claire", content=content), {})}


def test_the_words_of_a_scam_with_no_way_to_reach_anyone_weigh_half() -> None:
    alone = signals("Le procès du faux marabout qui promettait le retour affectif s'est ouvert hier.")
    offered = signals("Marabout sérieux, retour affectif en 3 jours, contactez-le au 06 12 34 56 78.")
    assert alone["scam_family"] * 2 == offered["scam_family"]


@pytest.mark.parametrize(
    ("text", "asks"),
    (
        ("nous accordons des prets a toute personne serieuse", True),
        ("ecrivez-moi pour un devis", True),
        ("je vous le recommande, il est honnete", True),
        ("c'est une arnaque, ne les contactez pas", False),
        ("don't contact them, report them to the police", False),
        ("le proces du faux voyant s'ouvre demain", False),
    ),
)
def test_asking_to_be_reached_is_told_from_a_warning(text: str, asks: bool) -> None:
    assert reaches(fold(text)) is asks


@pytest.mark.parametrize(
    "content",
    (
        "Quelqu'un a déjà fait un rachat de crédit avec sa propre banque ? Le taux est-il meilleur qu'avec un "
        "courtier ?",
        "Has anyone taken a debt consolidation loan through their own bank? Was the rate better than a broker?",
    ),
)
def test_a_readers_question_about_a_scams_trade_that_reaches_nobody_is_a_readers_question(content: str) -> None:
    found = signals(content)
    assert "scam_family" in found
    assert found.get("reader", 0.0) < 0


@pytest.mark.parametrize(
    "content",
    (
        "Besoin d'un rachat de crédit ? Contactez-nous, réponse en 24 heures.",
        "Need a debt consolidation loan? Contact us today, approval in 24 hours.",
    ),
)
def test_the_same_trade_asked_about_by_whoever_can_be_reached_gets_no_readers_weight(content: str) -> None:
    assert "reader" not in signals(content)
