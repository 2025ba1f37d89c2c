"""A copied brand's price told rising, or seen at a department store, perfumery or optician that sells the genuine
goods, is a shopper's figure; a cut price or a seller's words keep the counterfeit trade."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.phrases import unjoined
from worker.spam.price_news import price_moved
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        "Le prix des sacs Louis Vuitton a augmenté de 1 500 € à 2 100 € depuis 2019, les prix du luxe s'envolent.",
        "Nike trainers went up from £80 to £110 at the shop, prices keep going up.",
        "La montre Omega de mon grand-père, les prix ont doublé depuis, elle vaut 5 000 € aujourd'hui.",
        "The Timberland boots were £180 at Schuh, I waited for the January sales.",
        "Les Ugg sont à 180 € aux Galeries, à 160 € au Printemps, les prix des bottes fourrées augmentent.",
    ),
)
def test_a_copied_brands_price_told_rising_or_seen_at_a_shop_that_sells_it_genuine_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the was-now pitch: a price cut
        "Sac Chanel classique passé de 4 500 € à 99 €, qualité identique, livraison offerte.",
        # prices rising elsewhere, a seller's cheap copy here
        "The prices of Rolex have doubled, get a super clone at factory prices from us instead.",
        # a department store named by a seller's outlet
        "Ugg boots outlet, same as at Debenhams but 70% off, cheap Ugg for women and kids.",
    ),
)
def test_a_cut_price_or_a_sellers_words_beside_a_rise_or_a_store_are_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "moved"),
    (
        ("le sac est passé de 1 200 € à 1 600 €", True),
        ("it went up from £3.50 to £4.20", True),
        ("les prix du luxe explosent", True),
        ("le sac est passé de 1 200 € à 99 €", False),
        ("prix cassés sur les sacs", False),
    ),
)
def test_a_price_moved_only_when_it_rose(text: str, moved: bool) -> None:
    assert price_moved(unjoined(fold(text))) is moved
