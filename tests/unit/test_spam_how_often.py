"""How often is no earning: "trois fois par semaine", "twice per day", "un comprimé par jour" are a routine or a dose,
the trade's "per day" follows what it pays."""

from __future__ import annotations

import pytest

from worker.models import Comment
from worker.spam.signals import phrasing


def _money(content: str) -> list[str]:
    found = phrasing(Comment(id="c", post_id="p", author_name="Claire", content=content))
    return [phrase for s in found if s.name == "money" for phrase in s.evidence["phrases"]]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "content",
    (
        "J'ai perdu 10 kilos en un an en courant trois fois par semaine, sans régime miracle.",
        "Prenez un comprimé deux fois par jour pendant cinq jours, m'a dit le pharmacien.",
        "I swim twice per week and my back pain is gone.",
        "The vet said one tablet per day with food.",
        "Ces chaussures tiennent bien, je fais 30 km par semaine avec depuis un an.",
        "I volunteer 10 hours per week at the library and read 20 pages per day.",
    ),
)
def test_a_routine_or_a_dose_is_no_money_rate(content: str) -> None:
    assert _money(content) == []


@pytest.mark.parametrize(
    ("content", "phrase"),
    (
        ("Gagnez 500 € par semaine depuis chez vous, 2 fois par jour suffit", "par semaine"),
        ("Earn $300 per day from home", "per day"),
        ("Earn $500 per week working 3 hours per day from home", "per week"),
    ),
)
def test_a_sum_paid_per_day_or_week_is_still_money(content: str, phrase: str) -> None:
    assert phrase in _money(content)
