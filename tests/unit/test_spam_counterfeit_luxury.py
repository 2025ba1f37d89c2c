"""Copies of luxury brands are caught by the seller's words; fashion readers naming the brands are not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.commerce import counterfeit, plain
from worker.spam.signals import WEIGHTS
from worker.text import fold

COPIES = (
    "Love this look! For anyone wanting designer bags for less, we sell AAA quality Fendi and Givenchy, message us.",
    "Top quality Balenciaga trainers and Cartier rings at factory prices, worldwide shipping.",
    "Super clone watches: Patek Philippe, Hublot and Breitling, best price online.",
    "Golden Goose outlet, up to 70% off, delivery in 3 days.",
    "Sacs Dior et Bottega Veneta, qualité identique à l'original, livraison rapide.",
    "Montres Cartier de luxe à prix d'usine, réplique parfaite, écrivez-nous pour le catalogue.",
)
"""Copies as the trade sells them: a grade of copy, a factory price, an outlet, in English and French."""

READERS = (
    "I finally bought my first Dior bag after saving for two years, totally worth it.",
    "Those Balenciaga sneakers cost 900 euros, who pays that for shoes?",
    "Le nouveau sac Fendi est à 2 500 € de prix, c'est devenu n'importe quoi.",
    "My grandmother's Cartier watch is the only thing I would save in a fire.",
    "The Versace show was the best part of fashion week, those boots!",
    "J'ai trouvé une montre Hublot d'occasion, le prix restait fou même en soldes.",
    "Off-White sneakers on sale at the mall today, for once I could afford a pair.",
    "Beware of the Goyard bags on resale apps, mine was not authentic.",
)
"""Readers of fashion blogs naming luxury brands with prices, shoes, bags, sales and their own purchases."""


@pytest.mark.parametrize("content", COPIES)
def test_a_luxury_brand_with_a_sellers_words_is_a_counterfeit_and_held(content: str) -> None:
    assert counterfeit(plain(fold(content)), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", READERS)
def test_a_fashion_reader_naming_a_luxury_brand_is_no_counterfeit(content: str) -> None:
    assert counterfeit(plain(fold(content)), WEIGHTS) is None
    assert action(content) is Action.APPROVE
