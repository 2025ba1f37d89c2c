"""French readers passing on their pharmacy's, club's or tradesman's number, or telling what a job cost them, are
approved; the sellers dressed alike keep their trade."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.signals import detect


def names(content: str) -> set[str]:
    return {s.name for s in detect(Comment(id="c", post_id="p", content=content), {})}


@pytest.mark.parametrize(
    "content",
    (
        "Ma machine à coudre a trente ans et coud toujours le jean. Le réparateur du marché l'a révisée pour 45 €, "
        "c'est le 03 20 54 87 12.",
        "J'ai écrit à l'association de consommateurs pour un litige avec Free, ils ont obtenu le remboursement de "
        "240 € en un mois.",
        "Le comparateur des assurances emprunteur est bien fait, j'ai économisé 5 400 € sur la durée de mon prêt.",
    ),
)
def test_what_a_job_cost_a_refund_obtained_or_a_saving_on_ones_own_loan_is_a_customers_figure(content: str) -> None:
    assert "money" not in names(content)
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Économisez jusqu'à 5 400 € sur votre prêt, simulation gratuite, appelez le 09 72 55 41 20.",
        "J'ai obtenu le remboursement de mes 40 000 € grâce à M. Bernard, un expert en récupération, contactez-le au "
        "07 58 21 44 90.",
        "Free money for everyone: claim your 50 € gift card now at gift-cadeau.example",
    ),
)
def test_savings_promised_or_money_got_back_through_a_practitioner_are_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_a_neighbourhood_pharmacys_landline_passed_on_with_its_free_delivery_is_approved() -> None:
    content = (
        "La pharmacie du centre livre gratuitement les personnes âgées du quartier, il suffit d'appeler le "
        "05 56 44 21 08. Service formidable pendant ma convalescence."
    )
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the same words on a mobile: a pharmacy's counter has the landline of its area
        "La pharmacie du centre livre gratuitement les personnes âgées du quartier, il suffit d'appeler le "
        "06 56 44 21 08. Service formidable pendant ma convalescence.",
        # pills sold by name, without a prescription
        "La pharmacie du centre livre gratuitement le Cialis sans ordonnance, il suffit d'appeler le 05 56 44 21 08, "
        "livraison discrète.",
        # no shop of a neighbourhood: an online pharmacy
        "Notre pharmacie en ligne livre gratuitement vos médicaments partout en France, appelez le 05 56 44 21 08.",
    ),
)
def test_a_pharmacy_on_a_mobile_selling_pills_or_online_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_a_brand_priced_at_a_chain_that_sells_the_genuine_goods_is_a_shoppers_comparison() -> None:
    content = (
        "J'ai vu les mêmes baskets Nike à 120 € la paire chez Intersport, alors que le site de la marque les vend "
        "149 €."
    )
    assert "counterfeit" not in names(content)
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Baskets Nike Air Max pas cher à 45 € chez Intersport outlet, livraison gratuite partout.",
        "Baskets Nike à 45 € la paire, qualité originale, commandez sur nike-promo.example",
    ),
)
def test_a_copied_brand_with_a_sellers_words_or_its_own_shop_is_still_counterfeit(content: str) -> None:
    assert "counterfeit" in names(content)
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Notre chorale répète le mardi soir à la salle des fêtes, tous niveaux, cotisation 40 € l'année. "
        "Appelez Odile au 06 84 22 19 07.",
        "Le club de randonnée de Vannes accueille les nouveaux le dimanche matin, premier essai gratuit, appelez "
        "Jean-Paul au 06 07 55 89 21.",
    ),
)
def test_a_clubs_dues_or_free_first_outing_with_whom_to_call_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a trade that fake clients vouch for, dressed as a club
        "Le club de trading accueille les nouveaux, cotisation 40 € l'année, gains garantis, appelez Marc au "
        "06 84 22 19 07.",
        # a gym's own prices
        "Salle de sport ouverte à tous, premier essai gratuit, nos tarifs sont imbattables, appelez-nous au "
        "06 07 55 89 21.",
    ),
)
def test_a_seller_dressed_as_a_clubs_notice_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_a_plumber_who_came_and_did_not_overcharge_recommended_with_his_number_is_approved() -> None:
    content = (
        "Notre plombier, M. Ferreira à Villeurbanne, est venu un dimanche pour une fuite et n'a pas abusé sur le "
        "prix. Son numéro : 06 12 48 77 30, je le recommande vraiment."
    )
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Je connais un plombier pas cher qui intervient 24h/24 partout en Île-de-France, il est venu en dix minutes, "
        "contactez-le au 07 81 56 34 12, prix imbattables.",
        "Le grand marabout est venu à mon secours et mon mari est revenu, je le recommande, son numéro : "
        "07 58 21 44 90.",
    ),
)
def test_a_tradesman_pitched_at_any_hour_or_a_marabout_who_came_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "On cherchait une nounou, Mme Ribeiro est agréée PMI et demande 12 € de l'heure pour la garde à domicile. "
        "Elle a encore une place, son numéro est le 06 71 23 45 90.",
        "Notre accordeur de piano, M. Lefort, prend 90 € la séance et travaille très bien, voici son numéro : "
        "06 33 21 58 74.",
    ),
)
def test_someones_going_rate_told_with_the_number_passed_on_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a bargain pitched by a fake client
        "Le plombier M. Martin ne prend que 50 € le déplacement, il intervient partout, son numéro est le "
        "06 71 23 45 90.",
        "Nounou disponible, elle demande seulement 8 € de l'heure, garde à domicile partout en France, son numéro "
        "est le 06 71 23 45 90.",
        # the writer's own rate and line
        "Je suis nounou agréée et je prends 4 € de l'heure, il me reste une place, mon numéro est le 06 71 23 45 90.",
    ),
)
def test_a_rate_pitched_as_a_bargain_or_the_writers_own_with_a_number_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_a_debt_consolidation_told_of_the_writers_own_bank_is_a_customers_account() -> None:
    content = (
        "Le rachat de crédit proposé par ma banque m'aurait coûté 9 000 € de plus sur la durée. Faites le calcul "
        "avant de signer."
    )
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a broker reached through a fake customer
        "Ma banque m'a refusé, mais j'ai eu mon rachat de crédit grâce à un courtier sérieux, contactez-le au "
        "07 58 66 21 03.",
        # the reader's bank named as the one to beat, with a link
        "Ma banque m'a proposé un rachat de crédit trop cher, j'ai trouvé bien mieux sur rachat-moins-cher.fr",
        # a broker's advert naming the reader's bank
        "Rachat de crédit moins cher que votre banque, simulation gratuite, appelez le 09 72 55 41 20.",
    ),
)
def test_a_debt_consolidation_sold_by_a_broker_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_volunteers_sought_with_the_number_to_call_are_approved() -> None:
    content = (
        "Le Secours populaire recrute des bénévoles pour la distribution du mercredi, inscription à l'accueil ou au "
        "02 40 12 34 56."
    )
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Pour l'allocation logement, j'y avais droit même étudiante : 210 € par mois, la demande se fait en ligne.",
        "Avec mon mi-temps je ne pensais pas y avoir droit, mais si, j'y ai droit : 160 € par mois de prime "
        "d'activité.",
    ),
)
def test_a_benefit_the_writer_was_entitled_to_is_no_money_talk(content: str) -> None:
    assert "money" not in names(content)
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # paid work dressed as volunteering
        "Nous recrutons des bénévoles motivés, travail à domicile rémunéré 300 € par semaine, appelez le "
        "06 44 12 87 90.",
        # a benefit promised to the reader
        "Vous avez droit à 500 € par mois depuis chez vous, il suffit de s'inscrire.",
    ),
)
def test_paid_work_dressed_as_volunteering_or_money_promised_to_the_reader_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
