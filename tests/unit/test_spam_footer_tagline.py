"""An SEO footer followed by its tagline, or naming its town with "de" after a lead word, is a footer; a reader
naming where they live or work, or telling a story after a comma, is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.commerce import company_footer
from worker.spam.signals import WEIGHTS
from worker.text import fold

FOOTERS = (
    "Nice tips. Regards from the top packers and movers in Nagpur, stress free relocation at low cost.",
    "Great read. Best interior designers in Chennai, elegant homes on any budget.",
    "Informative post. Leading roofing contractors in Austin, storm repairs done right.",
    "Très bon article. La meilleure agence de communication de Toulouse, au service des PME.",
    "Super article, merci. Le meilleur plombier de Rennes.",
)
"""Footers as SEO comments end: the company and its town, then a tagline; or "le meilleur <métier> de <ville>"."""

READERS = (
    "Great post. We hired a lawyer in Lyon, it took eight months but it was worth it.",
    "Nice read. Greetings from a happy reader in Pune, keep writing about local history.",
    "Thanks for the article. I worked ten years in an estate agency in Nice, it is all true.",
    "Merci pour l'article. J'ai travaillé dans une agence immobilière de Nice, et c'est vrai.",
    "Bon article. Le plombier de mon quartier dit la même chose.",
)
"""Readers naming a firm or a town in passing, with a story after it, or "de" with no lead word."""


@pytest.mark.parametrize("content", FOOTERS)
def test_a_footer_with_a_tagline_or_a_french_de_town_is_a_company_footer_and_held(content: str) -> None:
    assert company_footer(fold(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", READERS)
def test_a_reader_naming_a_firm_or_a_town_in_passing_is_no_footer(content: str) -> None:
    assert company_footer(fold(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE
