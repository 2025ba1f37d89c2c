"""A reader's weight lost by sport or diet is no slimming pill's pitch; the pills' testimonial stays held."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action


@pytest.mark.parametrize(
    "content",
    ("J'ai perdu 10 kilos en courant trois fois par semaine, sans régime particulier.",),
)
def test_a_readers_weight_lost_by_running_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "J'ai perdu 10 kilos en un mois grâce à ces gélules minceur, commandez ici",
        "J'ai perdu 10 kilos grâce à ces gélules, commandez ici sur WhatsApp +33 6 12 34 56 78",
    ),
)
def test_weight_lost_thanks_to_pills_to_order_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
