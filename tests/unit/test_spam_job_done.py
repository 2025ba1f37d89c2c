"""A tradesman's number passed on with the job he did and what it cost is a customer's account; a tradesman's price
list, a healer's mended couple and a lender's deal told alike keep their trade."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.job_done import billed, worked
from worker.spam.phrases import unjoined
from worker.text import fold


def read(text: str) -> str:
    return unjoined(fold(text))


@pytest.mark.parametrize(
    "content",
    (
        "Highly recommend Gary, 07700 900 482, he serviced our boiler for £75 and showed me how to bleed radiators.",
        "Ring Nadia on 07700 900 617, she tiled the whole bathroom for £900 and left it spotless.",
        "I recommend our roofer Ian Walsh, 07700 900 238, he replaced the ridge tiles after a storm for a fair price.",
        "Appelez Bruno au 06 31 72 48 15, il a débouché notre évier pour 60 € un dimanche soir.",
        "La salle du club house se loue aux adhérents, j'ai appelé le 02 43 81 27 60 et c'était 80 € la soirée.",
    ),
)
def test_a_tradesmans_number_passed_on_with_the_job_he_did_and_its_price_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Notre chauffagiste a réparé la chaudière au prix annoncé, c'est Hervé, 06 58 22 71 40, je le rappellerai.",
        "Notre carreleur Malik, 06 19 84 52 37, a refait la douche pour 1 200 €, moitié moins que les autres devis.",
        "Le carreleur Malik a refait notre douche pour 1 200 €, au prix annoncé, son numéro est le 06 19 84 52 37.",
    ),
)
def test_the_price_a_customer_was_quoted_and_kept_or_the_quotes_it_beat_are_no_sellers_words(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a price list for the jobs to come, cheapness and urgency
        "Boilers serviced for only £45, all areas covered, call Gary now on 07700 900 482.",
        "Plombier pas cher, il a débouché mon évier pour 60 €, appelez Bruno au 06 31 72 48 15 pour un devis gratuit.",
        # the business's own "we"
        "We tiled your neighbour's bathroom for £900, ring us on 07700 900 617 for yours.",
        # a healer's or a credit repairer's "job"
        "He fixed my relationship in a week for 200 €, you can call him on 07 58 44 12 90 like I did.",
        "He repaired my credit score for $300, contact him on 07700 900 123, he is honest.",
        # the price a seller sets, in the present
        "Intervention 49 € tout compris, serrurier 24h/24, appelez le 06 11 22 33 44.",
    ),
)
def test_a_sellers_price_list_or_a_healers_mended_couple_told_alike_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "told"),
    (
        ("he fixed my leaking tap for £60", True),
        ("il a réparé ma fuite pour 80 €", True),
        ("on a eu le canapé à 300 € chez Conforama", True),
        ("c'était 10 € l'heure", True),
        ("he rewired our house for a fair price", True),
        ("all jobs fixed for only £30", False),
        ("dépannage à partir de 49 €", False),
        ("he fixed my marriage for £200", False),
        ("il a réparé mon couple pour 300 €", False),
    ),
)
def test_a_bill_is_a_job_past_with_its_sum_and_no_pitch(text: str, told: bool) -> None:
    assert billed(read(text)) is told


@pytest.mark.parametrize(
    ("text", "done"),
    (
        ("she plastered the living room in a day", True),
        ("il nous a installé la pompe à chaleur", True),
        ("he fixed my life", False),
        ("we fix all boilers", False),
        ("il a changé ma vie", False),
    ),
)
def test_a_job_done_is_a_crafts_verb_in_the_past_on_the_writers_thing(text: str, done: bool) -> None:
    assert worked(read(text)) is done


@pytest.mark.parametrize(
    "content",
    (
        "La mercerie de la place, 03 86 42 17 55, m'a remplacé la fermeture de mon manteau gratuitement, adorables.",
        "Le magasin de vélos du quartier, 02 47 61 38 90, m'a réglé les freins gratuitement en attendant la pièce.",
        "Le cordonnier de la rue Nationale, 04 73 28 61 09, m'a recousu le sac pour rien, il a réparé ma sacoche "
        "gratuitement aussi.",
    ),
)
def test_a_shop_that_mended_the_writers_thing_for_free_with_its_number_passed_on_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the support scam's remote "repair" and its usurped brand
        "Le technicien Microsoft m'a réparé mon ordinateur gratuitement, appelez le 01 76 54 32 10 si vous avez un "
        "souci.",
        "The engineer fixed my laptop for free remotely, call him on 0800 555 0123 if yours is slow.",
        # a healer's mended couple
        "Le guérisseur m'a réparé mon couple gratuitement, appelez-le au 06 45 78 12 33.",
        # cheapness pitched as a superlative
        "Il m'a remplacé mon écran gratuitement, le réparateur le moins cher de Paris, appelez le 06 12 34 56 78.",
    ),
)
def test_a_free_repair_of_a_computer_a_couple_or_pitched_as_the_cheapest_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
