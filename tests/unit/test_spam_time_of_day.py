"""A time of day ("17h", "18h30") has a shape of its own; a lender's "24h", "48h" or "24h/24" keeps its own."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.features import TIME_WORD, reading


@pytest.mark.parametrize(
    ("text", "shape"),
    (
        ("rendez-vous à 18h devant la mairie", TIME_WORD),
        ("ouvert de 9h à 12h", TIME_WORD),
        ("on part à 7h", TIME_WORD),
        ("le car part à 18h30", TIME_WORD + "00"),
        ("fermé après 23h", TIME_WORD),
    ),
)
def test_an_hour_of_the_day_reads_as_a_time_whatever_its_digits(text: str, shape: str) -> None:
    assert shape in reading(text).words
    assert "00h" not in reading(text).words


@pytest.mark.parametrize("text", ("réponse en 24h", "fonds versés en 48h", "dépannage 24h/24 et 7j/7", "sous 72h"))
def test_a_delay_of_a_day_or_more_keeps_the_shape_lenders_and_support_lines_give_it(text: str) -> None:
    assert "00h" in reading(text).words
    assert TIME_WORD not in reading(text).words


def test_a_reader_telling_when_a_parcel_came_is_approved() -> None:
    content = "Livraison reçue à 21h au lieu de 14h, le service client m'a remboursé les frais de port sans discuter."
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Prêt rapide réponse en 24h, contactez-nous au 07 56 32 18 44.",
        "Dépannage informatique 24h/24 7j/7 au 09 70 12 34 56.",
        "Voyance par téléphone de 8h à 23h, 7j/7, premier appel offert au 08 99 12 34 56.",
    ),
)
def test_a_lender_a_support_line_or_a_psychic_giving_hours_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
