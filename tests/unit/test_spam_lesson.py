"""A loss the writer tells as their own lesson is a reader's story; the recovery trade's loss stays held."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.lesson import lesson
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        "I lost 3k on Bitcoin, lesson learned.",
        "I lost 2000 on crypto in 2021, lesson learned the hard way.",
        "J'ai perdu 2 000 € sur le bitcoin en 2022, leçon retenue, je n'investis plus que ce que je peux perdre.",
    ),
)
def test_a_loss_told_as_the_writers_own_lesson_is_approved(content: str) -> None:
    assert lesson(fold(content))
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "I lost $50k on crypto until I found a recovery expert who got everything back, lesson learned, contact "
        "him on WhatsApp +1 555 201 3344",
        "Thanks to hacker Mark I got my funds back after I lost 3 BTC, never again! write to him at "
        "markrecover@example.com",
        "I lost everything on crypto, lesson learned, until I found Mr James who recovered my 2 BTC.",
        "I lost 3k on Bitcoin, lesson learned. Now I trade with Anna's signals and make $800 a week, join her "
        "Telegram.",
    ),
)
def test_a_loss_that_leads_to_a_recovery_expert_or_a_trader_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_a_loss_with_no_lesson_drawn_is_no_lesson() -> None:
    assert not lesson(fold("I lost 3k on Bitcoin last month."))
