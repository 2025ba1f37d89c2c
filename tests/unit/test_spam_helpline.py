"""A national helpline's short number said free ("le 3919 est gratuit") is what the call costs, no money talked of."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.signals import detect


def _signals(content: str) -> set[str]:
    return {s.name for s in detect(Comment(id="c", post_id="p", content=content), {})}


@pytest.mark.parametrize(
    ("content", "money"),
    (
        ("Le 3919 est gratuit et anonyme, ma voisine les a appelées.", False),
        ("Pour signaler un enfant en danger, appelez le 119, c'est gratuit.", False),
        ("Le numéro d'aide aux victimes, le 116 006, est gratuit.", False),
        # a sum, a year, a loan or money handed out keep their money talk
        ("Le 3000 € offert est gratuit, il suffit de cliquer.", True),
        ("Appelez le 3111 et recevez gratuitement 2 000 € en 24h.", True),
        ("Aide gratuite de 500 € non réclamée, appelez le 3939 pour le versement.", True),
    ),
)
def test_free_words_next_to_a_helplines_short_number_are_no_money_talk(content: str, money: bool) -> None:
    assert ("money" in _signals(content)) is money


@pytest.mark.parametrize(
    "content",
    (
        "Si vous êtes harcelée, appelez le 3919, c'est gratuit et ouvert tous les jours.",
        "Pour les victimes, le 3919 est gratuit, anonyme et ouvert 24h/24.",
    ),
)
def test_a_reader_passing_on_a_free_national_helpline_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Aide exceptionnelle gratuite de 500 € non réclamée, appelez le 3939 puis le 08 99 55 12 34 pour le versement.",
        "Voyance gratuite par téléphone, appelez le 3232 ou le 08 99 12 34 56, premier appel offert.",
        "Crédit gratuit sans frais de dossier, appelez le 3111, réponse en 24h.",
    ),
)
def test_a_grant_a_psychic_or_a_lender_naming_a_short_number_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
