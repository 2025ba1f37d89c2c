"""A business handed to the readers in a customer's voice (worker/spam/affiliate.py): the affiliate's and the
referrer's trade is held, a reader passing on a helpline, a garage or a shop is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.affiliate import affiliate
from worker.spam.reading import shown
from worker.spam.signals import WEIGHTS
from worker.text import fold


def _signs(content: str, author_name: str = "Claire", *, number: bool = False, link: bool = False) -> set[str]:
    text = shown(content)
    found = affiliate(text, fold(text), author_name, WEIGHTS, number=number, link=link)
    return set(found.evidence) if found is not None else set()


@pytest.mark.parametrize(
    ("content", "author_name"),
    [
        (
            "Great tips on storage. I get all my jars from Pantry Lane, sturdy glass and they arrive in two days. "
            "Use code PANTRY12 for 12% off your first order!",
            "Megan",
        ),
        (
            "On a fait isoler les combles par Isol'Confort, travail soigné et délais respectés. "
            "Dites-leur que vous venez de ma part !",
            "Gilbert",
        ),
        (
            "We had our decking done by Oakline Carpentry last summer and it still looks brand new. "
            "Professional, tidy and the price was unbeatable. Highly recommend!",
            "Oakline Carpentry",
        ),
        (
            "For anyone needing a wedding cake, Sugar Bloom Bakes did ours and every guest asked about it. "
            "Free tasting session too, you won't regret it. They're on insta @sugarbloom.example",
            "Kate",
        ),
    ],
)
def test_a_business_handed_over_with_a_code_a_referral_its_name_or_its_handle_is_held(
    content: str, author_name: str
) -> None:
    assert spam_action(content, author_name) is not Action.APPROVE


def test_a_discount_code_hands_a_business_over_by_itself() -> None:
    assert "code" in _signs("Tried the oat bars from Crumbly Co, code CRUMB15 still works for a discount.")


def test_a_referral_that_credits_the_poster_hands_a_business_over_by_itself() -> None:
    assert "referral" in _signs("PixelForge built our shop site, tell them Anna sent you.")
    assert "referral" in _signs("Contactez-les de ma part, ils sont très arrangeants.")


def test_an_ask_to_reach_a_business_with_its_ad_copy_is_read() -> None:
    assert _signs("Bright Smile Dental whitened my teeth in one visit, very affordable. Book your visit now.") == {
        "reach",
        "copy",
    }


def test_a_crisis_line_passed_on_with_an_ask_to_call_is_no_business_handed_over() -> None:
    content = "If this article hit hard, the helpline is 0800 555 0199, free and open all night. Please call them."
    assert _signs(content, number=True) == set()


def test_a_water_board_number_passed_on_in_french_is_no_business_handed_over() -> None:
    content = "Le numéro d'urgence du service des eaux est le 09 77 40 12 34, appelez-les plutôt que d'attendre."
    assert _signs(content, number=True) == set()


def test_a_reader_naming_their_mechanic_to_ask_for_is_no_business_handed_over() -> None:
    content = "The garage on Elm Road (555-0148) did my brakes for less than the dealer. Ask for Pete, he explains."
    assert _signs(content, number=True) == set()


def test_a_reader_saying_what_they_sent_someone_is_no_referral() -> None:
    assert _signs("I sent you the prices yesterday, did you get them?") == set()
    assert _signs("Just sent you an email about the meeting, tell me if it arrived.") == set()


def test_a_reader_thanking_on_their_own_behalf_is_no_referral() -> None:
    assert _signs("Un grand merci de ma part pour cet article, très clair.") == set()


def test_a_reader_linking_a_shop_and_saying_they_are_not_paid_is_no_business_handed_over() -> None:
    content = "I bought mine from a small local shop, great advice: https://hardware.example , not affiliated."
    assert _signs(content, link=True) == set()


def test_a_model_number_in_capitals_is_no_discount_code() -> None:
    assert _signs("The RTX4090 is 20% off this week but still too dear for me.") == set()
    assert _signs("My Galaxy A55 supports eSIM, the discount in the article did not apply though.") == set()


def test_a_reader_whose_first_name_is_in_the_comment_signs_no_business() -> None:
    assert _signs("Dave here again: the fix worked, thanks for the tip.", "Dave Smith") == set()


@pytest.mark.parametrize(
    "content",
    [
        "Our builder, a local guy called Pete Hollis, told us it was the gutter. Saved us a fortune.",
        "We use a lady called Sue for grooming. She's on 555-0163 if anyone in Westford needs her, often booked up.",
        "Highly recommend reading the label like the post says. The supermarket's own brand had more cereal.",
        "Je recommande vivement de lire l'étiquette comme le dit l'article.",
        "Aldi's prices really are hard to beat for basics, but I still go to the butcher for meat.",
    ],
)
def test_a_reader_naming_a_business_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE
