"""An advert opening on a question about the reader's need and answering as a business is a pitch; a reader's
question, even answered with their own story, is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.asked_pitch import asked_pitch
from worker.spam.signals import WEIGHTS
from worker.text import fold

ADVERTS = (
    "Need a work permit in a hurry? We get your file approved in ten days, guaranteed, contact our team today",
    "Hurt in a bike crash? Our injury lawyers fight for the payout you are owed, free case review",
    "Tired of a crooked smile? Our orthodontists straighten teeth in six months at prices you can afford",
    "Your shop invisible on search engines? We put you on the first page within weeks",
    "Thesis due on Monday? Our writers finish it over the weekend, plagiarism free, order now",
    "Vous changez de ville ? Nous emballons et transportons tout, devis gratuit sous 48h",
    "Blessé dans un accident de travail ? Nos avocats défendent vos droits, premier rendez-vous offert",
)
"""Hooks as adverts write them: the reader's need asked, the business's voice answering with something sold."""

READERS = (
    "Planning a move abroad? We did it with our two kids last year and the school was the hardest part",
    "Is the permit fee refunded if they say no? We paid 300 euros and nobody could tell us",
    "Does anyone know a good orthodontist? Our son needs braces and the quote we got seems high",
    "Moving house soon? Don't forget to redirect your post, I lost two parcels",
    "Vous déménagez ? Nous avons utilisé des cartons de supermarché, gratuits et solides",
    "Great recipe, can I use butter instead of oil? We always bake on Sundays with the kids",
)
"""Readers' questions, some answered with their own household's story, none offering anything."""


@pytest.mark.parametrize("content", ADVERTS)
def test_a_question_answered_in_a_business_voice_with_something_sold_is_a_pitch_and_held(content: str) -> None:
    assert asked_pitch(fold(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", READERS)
def test_a_readers_question_answered_with_their_own_story_is_no_pitch(content: str) -> None:
    assert asked_pitch(fold(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE


def test_the_pitch_names_the_question_the_voice_and_what_is_sold() -> None:
    found = asked_pitch(fold("Moving soon? We pack everything, get your free quote today"), WEIGHTS)
    assert found is not None
    assert found.name == "business_pitch" and found.weight == 2.25
    assert found.evidence == {"asked": "moving soon", "voice": "we pack", "selling": "get your"}
