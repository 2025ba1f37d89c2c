"""A business offering its services in the first person is a pitch; a reader speaking of their company is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.pitch import business_pitch
from worker.spam.signals import WEIGHTS
from worker.text import fold

PITCHES = (
    "Such a helpful guide. Our company provides carpet and tile cleaning across the whole of Perth.",
    "Thank you for sharing. Our firm offers the best visa consulting for students moving to Australia.",
    "Good read. We specialise in gutter repair, contact us for a free quote.",
    "Nice tips! We provide affordable moving services all over Ohio, book online today.",
    "We are a leading bathroom renovation company, free estimate within 48 hours.",
    "Super intéressant ! Au passage, si vous cherchez un bon déménageur sur Nantes, on propose des tarifs imbattables.",
    "Merci, très utile. Nos formations en ligne en comptabilité sont éligibles au CPF.",
    "Bel article. Notre agence accompagne les commerçants dans leur référencement, devis gratuit.",
    "Merci pour le partage ! Nous intervenons partout en Bretagne pour vos travaux d'isolation, sur devis.",
)
"""Pitches as SEO comments write them: a stock compliment, then the business offering its services."""

READERS = (
    "Great article. Our company offers unlimited leave and nobody ever takes it, which says a lot.",
    "Thanks! Our team hit the same timeout last week, your fix worked.",
    "Great post. Our team provides on-call support for thirty services, how do you handle alert fatigue?",
    "Nice article. We offer our spare room to students every summer and it has been lovely.",
    "Merci ! Notre équipe a eu le même problème, votre solution marche parfaitement.",
    "Notre entreprise propose le télétravail deux jours par semaine, et franchement ça change la vie.",
    "Our school offers free lunches now, the article forgot to mention it.",
    "We are a family of four and the best thing we did was cancel the cable.",
    "Thanks for the recipe, we are the worst bakers in town but it still worked.",
    "On propose souvent d'aller au marché le dimanche avec les enfants, merci pour les idées de recettes.",
    "Our local library offers free courses too, the best deal in town, nothing to buy.",
)
"""Readers speaking of their company, team, school or household, with nothing offered to the other readers."""


@pytest.mark.parametrize("content", PITCHES)
def test_a_business_offering_its_services_is_a_pitch_and_held(content: str) -> None:
    assert business_pitch(fold(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", READERS)
def test_a_reader_speaking_of_their_company_team_or_household_is_no_pitch(content: str) -> None:
    assert business_pitch(fold(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE


def test_a_pitch_after_a_stock_compliment_weighs_more_and_names_both() -> None:
    alone = business_pitch(fold("We specialise in gutter repair, contact us for a free quote."), WEIGHTS)
    after = business_pitch(fold("Good read. We specialise in gutter repair, contact us for a free quote."), WEIGHTS)
    assert alone is not None and after is not None
    assert after.weight > alone.weight
    assert after.evidence == {"voice": "we specialise in", "selling": "contact us", "after": "good read"}
