"""An amount the writer says they paid is a buyer's, not a seller's price; earnings and links keep the money."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action, Comment
from worker.spam.signals import detect


def names(content: str) -> set[str]:
    return {s.name for s in detect(Comment(id="c", post_id="p", content=content), {})}


@pytest.mark.parametrize(
    "content",
    (
        "My inhaler costs me $35 a month with the insurance, my friend without it pays over 300. Crazy.",
        "Je paie 13,49 par mois pour la musique et autant pour les films, ça monte vite tous ces abonnements.",
        "J'ai acheté de vraies lunettes chez l'opticien à 160 €, celles à 30 € sur internet étaient des copies.",
    ),
)
def test_amounts_the_writer_paid_are_no_sign_of_spam(content: str) -> None:
    assert "money" not in names(content)
    assert action(content) is Action.APPROVE


def test_a_shop_number_given_with_what_the_repair_cost_the_writer_is_approved() -> None:
    content = (
        "J'ai payé 60 € l'écran chez le réparateur du marché, son numéro c'est le 06 11 22 33 44 si vous voulez "
        "vérifier qu'il a votre modèle."
    )
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the money made, not paid
        "I paid $49 for the course and now I earn $500 from home every week, best money I ever spent.",
        # where to pay it
        "J'ai payé 29 € ce boîtier qui divise la facture d'électricité par deux : economie-energie.example.com",
    ),
)
def test_a_paid_amount_next_to_earnings_or_a_link_keeps_the_money_signal(content: str) -> None:
    assert "money" in names(content)
    assert action(content) is not Action.APPROVE
