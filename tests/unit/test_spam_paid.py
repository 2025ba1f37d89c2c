"""An amount the writer says they paid is a buyer's, not a seller's price; earnings and links keep the money."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action, Comment
from worker.spam.signals import detect


def names(content: str) -> set[str]:
    return {s.name for s in detect(Comment(id="c", post_id="p", content=content), {})}


@pytest.mark.parametrize(
    "content",
    (
        "My inhaler costs me $35 a month with the insurance, my friend without it pays over 300. Crazy.",
        "Je paie 13,49 par mois pour la musique et autant pour les films, ça monte vite tous ces abonnements.",
        "J'ai acheté de vraies lunettes chez l'opticien à 160 €, celles à 30 € sur internet étaient des copies.",
    ),
)
def test_amounts_the_writer_paid_are_no_sign_of_spam(content: str) -> None:
    assert "money" not in names(content)
    assert action(content) is Action.APPROVE


def test_a_shop_number_given_with_what_the_repair_cost_the_writer_is_approved() -> None:
    content = (
        "J'ai payé 60 € l'écran chez le réparateur du marché, son numéro c'est le 06 11 22 33 44 si vous voulez "
        "vérifier qu'il a votre modèle."
    )
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the money made, not paid
        "I paid $49 for the course and now I earn $500 from home every week, best money I ever spent.",
        # where to pay it
        "J'ai payé 29 € ce boîtier qui divise la facture d'électricité par deux : economie-energie.example.com",
    ),
)
def test_a_paid_amount_next_to_earnings_or_a_link_keeps_the_money_signal(content: str) -> None:
    assert "money" in names(content)
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Chez Leclerc le même shampoing est à 3,20 € contre 5,90 € en pharmacie, autant le savoir.",
        "Le nouveau iPhone coûte 1 229 € en France, c'est 200 € de plus qu'aux États-Unis.",
        "The same kettle costs $25 at the hardware store instead of $40 online, worth the walk.",
    ),
)
def test_what_a_thing_costs_told_as_news_or_a_comparison_is_no_sign_of_spam(content: str) -> None:
    assert "money" not in names(content)
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a bargain pitched
        "Notre box fibre ne coûte que 19,99 € par mois, abonnez-vous vite.",
        "The premium plan costs only $9.99 a month, sign up today.",
        # a number to buy from
        "Ce complément coûte 39 € au lieu de 79 €, commandez au 06 55 12 34 56.",
        # a way to buy in words
        "iPhone 15 costs 299 € instead of 1229 €, order on our site today.",
    ),
)
def test_a_cost_pitched_as_a_bargain_or_with_a_way_to_buy_keeps_the_money_signal(content: str) -> None:
    assert "money" in names(content)
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Started putting $50 a month into a world tracker fund when my son was born, I barely check it.",
        "Je mets 80 € par mois sur un fonds indiciel monde depuis 2019, je n'y touche jamais.",
    ),
)
def test_amounts_the_writer_puts_aside_as_savings_are_no_sign_of_spam(content: str) -> None:
    assert "money" not in names(content)
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "I put $250 into this trading bot and made $4,000 in a week, message me to join.",
        "J'ai mis 200 € sur cette plateforme et j'ai gagné 3 000 € en un mois, écrivez-moi pour le lien.",
    ),
)
def test_money_put_in_next_to_the_earnings_it_made_keeps_the_money_signal(content: str) -> None:
    assert "money" in names(content)
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "My Amex cashback card gave me $312 back last year, not bad for groceries and gas.",
        "The Discover card gave me $150 back in rewards, I just use it for everything.",
        "Our credit union gave us a car loan at 5.9% APR.",
        "La banque nous a accordé un prêt à 3,1 % sur 20 ans, on a signé la semaine dernière.",
    ),
)
def test_money_given_back_or_a_loan_taken_as_a_customer_is_no_money_signal(content: str) -> None:
    assert "money" not in names(content)
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Thanks to Dr Ben I got $4,000 back from the broker who scammed me, contact him drbenrecovery@example.com",
        "I got a loan of $20,000 from Mrs Helen at 2% after the banks refused me, contact her at helen@example.com",
        "We give loans at 2% APR to anyone, no credit check, apply today.",
    ),
)
def test_money_got_back_through_someone_vouched_for_or_a_loan_offered_keeps_the_money_signal(content: str) -> None:
    assert "money" in names(content)
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Le garage Martin à Vannes m'a changé l'embrayage pour 650 €, honnête et rapide, 02 97 12 34 56.",
        "Our plumber fixed it for $90 on a Sunday evening, super honest guy, 555-201-7788.",
        "Le plombier qui est venu chez nous, Thierry, 06 33 44 55 66, 90 € le déplacement, travail propre.",
    ),
)
def test_a_customer_telling_what_the_work_done_for_them_cost_with_the_shops_number_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Garage Martin change votre embrayage pour 650 €, rapide et pas cher, appelez le 02 97 12 34 56.",
        "Dr Ali m'a fait un retour affectif pour 300 €, mon mari est revenu, appelez-le au 06 12 34 56 78.",
        "Mr Frank fixed my credit score for $500, he is the best, text him at 555-201-4411.",
        "Le voyant Kader est passé chez moi pour 150 €, mon mari est revenu, contactez-le au 06 12 34 56 78.",
    ),
)
def test_a_garages_advert_or_a_healers_or_a_credit_fixers_client_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "J'ai commandé sur Amazon un iPhone reconditionné à 350 €, il marche parfaitement.",
        "I ordered the same blender online for $89 and it has lasted four years.",
    ),
)
def test_an_amount_the_writer_ordered_for_is_a_buyers(content: str) -> None:
    assert "money" not in names(content)


def test_an_amount_ordered_with_a_link_to_order_from_keeps_the_money_signal() -> None:
    content = "J'ai commandé mes gélules minceur à 39 € ici et j'ai perdu 8 kilos : https://minceur-rapide.example"
    assert "money" in names(content)
