"""A neighbourhood's notice passes its organiser's or owner's number on; a seller dressed as one keeps its trade."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.passed_on import notice
from worker.spam.phrases import unjoined
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        "Chat perdu rue des Tilleuls depuis mardi, tigré avec un collier rouge, il s'appelle Filou. "
        "Si vous le voyez merci d'appeler le 06 71 23 45 89, ma fille est inconsolable.",
        "Missing cat in the Elm Park area: grey tabby, answers to Milo, microchipped. He's been gone since Friday "
        "night. Text 07700 900 777 with any sighting please.",
        "Pour le covoiturage vers le match de samedi, on part à 13h du parking du stade, il reste deux places. "
        "Appelez Pierre au 06 45 12 98 30 si ça vous intéresse.",
        "Concert gratuit dimanche à 17h à l'église Saint-Pierre avec la fanfare municipale. Renseignements au "
        "02 97 45 12 30, venez nombreux !",
    ),
)
def test_a_lost_pet_a_carpool_or_a_free_concert_with_whom_to_call_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a healer's testimonial: the trade fake clients vouch for
        "Lost your lover? Missing your ex? Call Dr Ade on +234 806 123 4567, he brought my husband back in 3 days.",
        # work offered for money
        "Volunteers wanted! Work from home and earn $500 a day, sign up now, text 555-0199 for details.",
        # a marabout's sign-up
        "Grand marabout voyant médium, retour de l'être aimé, inscriptions au 07 58 12 34 90, résultat en 3 jours.",
        # a lender's kermesse
        "Prêt entre particuliers pour la kermesse de votre école ou vos projets, taux 2 %, contactez Mme Durand au "
        "07 55 44 33 22.",
        # a business finding pets, any hour
        "Chien perdu ? Nos maîtres-chiens détectives retrouvent votre animal en 48h, contactez-nous au "
        "06 98 76 54 32, tarif fixe.",
        "Lost your keys? Locksmith available 24/7, any lock opened in minutes, call 0800 123 4567 now.",
        # a recovery hacker's found wallet
        "Lost my bitcoin wallet last year and found a hacker who recovered everything, text him on +1 555 201 3344.",
        # a seller's concert tickets
        "Concert tickets for the summer festival at the best price, sold out shows available, call 0844 555 0123 "
        "to order now.",
    ),
)
def test_a_sellers_number_dressed_as_a_neighbourhoods_notice_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("content", "is_notice"),
    (
        ("Lost dog near the common, a collie called Bess", True),
        ("Trouvé un trousseau de clés devant la boulangerie", True),
        ("The choir rehearses on Tuesdays, new voices welcome", True),
        ("Inscriptions au vide-grenier auprès de Sylvie", True),
        ("I lost my patience with the council", False),  # lost, but nothing a notice would look for
        ("Lost your lover? A spell brings him back", False),  # a healer's trade
        ("Found a loan at 2% for the kermesse", False),  # a lender's trade
    ),
)
def test_a_notice_is_a_thing_lost_or_found_or_a_gathering_with_no_vouched_trade(content: str, is_notice: bool) -> None:
    assert notice(unjoined(fold(content))) is is_notice


@pytest.mark.parametrize(
    "content",
    (
        "Nous avons fait une offre d'achat, le vendeur a accepté. Le notaire est Maître Girard, 02 40 12 34 56.",
        "Put in an offer yesterday, the agent (01632 960 455) thinks the sellers will take it.",
    ),
)
def test_a_buyers_offer_with_the_agents_or_notarys_number_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Vous vendez ? Nous vous faisons une offre d'achat sous 48h, paiement comptant, appelez le 01 84 55 62 10.",
        "Faites une offre sur nos biens en exclusivité, visites tous les jours au 06 12 55 78 34.",
        "Nous avons fait une offre d'achat, appelez notre agence au 02 99 78 45 12 pour les meilleures offres.",
    ),
)
def test_a_house_buyer_or_an_agency_asking_for_offers_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "On a fait une offre à 240 000 €, l'agence au 01 23 45 67 89 nous a rappelés le lendemain.",
        "Cours de yoga gratuit le samedi matin à la salle des fêtes, infos au 06 12 34 56 78.",
        "Cours de yoga gratuit au parc tous les dimanches à 10h, ouvert à tous, infos au 06 12 34 56 78.",
    ),
)
def test_the_sum_a_buyer_offered_or_a_free_community_class_with_its_number_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Nous vous faisons une offre de rachat à 240 000 € cash, appelez le 01 23 45 67 89.",
        "Faites une offre à 240 000 €, notre agence au 01 23 45 67 89 vous répond.",
        "Cours de yoga 15 € la séance, premier cours gratuit, réservez au 06 12 34 56 78, places limitées.",
        "Cours de trading gratuit pour gagner 500 € par jour, ouvert à tous, infos au 06 12 34 56 78.",
    ),
)
def test_a_sellers_offer_a_paid_class_or_a_trade_dressed_as_a_free_class_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Les Restos du cœur de la ville cherchent des bras le mardi, appelez Claire au 06 98 76 54 32.",
        "The food bank at St Mary's needs drivers on Saturdays, call Jim at 555-201-2211 if you can help.",
    ),
)
def test_a_charitys_call_for_volunteers_with_its_coordinators_number_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


def test_work_from_home_dressed_as_a_charitys_call_for_volunteers_is_still_held() -> None:
    content = (
        "La Croix-Rouge cherche des bénévoles, gagnez 2 000 € par mois depuis chez vous, WhatsApp +33 6 12 34 56 78."
    )
    assert spam_action(content) is not Action.APPROVE
