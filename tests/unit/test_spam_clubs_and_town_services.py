"""An amateur club's or a town's service's number passed on is a notice's or a public body's; a "club" that sells
returns, dates or bets keeps its trade."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action


@pytest.mark.parametrize(
    "content",
    (
        "Le club de photo du quartier fait une sortie au marais, appelez Martine au 02 99 61 84 27 pour venir.",
        "The club runs a stargazing evening on Friday, ring Alan on 01632 960 714 and he will save you a telescope.",
        "Le stade municipal prête le terrain gratuitement aux écoles le mercredi, il faut appeler le gardien au "
        "03 83 41 26 70.",
        "La ludothèque prête les jeux gratuitement aux familles du quartier, le numéro est le 04 76 52 18 30.",
    ),
)
def test_a_clubs_or_a_town_services_number_passed_on_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # returns promised by a "club"
        "Le club d'investissement crypto de Marc rapporte 20 % par mois, appelez-le au 06 72 41 18 90 pour rejoindre.",
        # a paid line for a dating "club"
        "Club de rencontres pour célibataires de votre ville, appelez le 08 99 65 12 34 et parlez-leur ce soir.",
        # the club's own offer, with a price and a call now
        "The club offers VIP casino bonuses, 200 free spins for new members, call now on 0800 555 0142.",
        # a town's name on a cheap trade's advert
        "Déménagement pas cher agréé par le service municipal, devis gratuit, appelez le 06 12 98 76 54.",
    ),
)
def test_a_club_that_sells_returns_dates_or_bets_or_a_trade_dressed_as_a_towns_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
