"""Work done for free, told by its customer, is no money talk; a free offer, a healer's gift or a seller's "we" is."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.signals import detect


def _signals(content: str) -> set[str]:
    return {s.name for s in detect(Comment(id="c", post_id="p", content=content), {})}


@pytest.mark.parametrize(
    "content",
    (
        "The bike shop by the station trued my back wheel for free when I bought a new tube there.",
        "Our boiler engineer came back on Sunday to replace a leaking valve for free, what a gent.",
        "The cobbler on Mill Street fixed the buckle on my daughter's school shoes for free.",
        "I'm a retired nurse and I help at the church hall on Fridays, checking blood pressure for free.",
    ),
)
def test_work_done_for_free_told_by_its_customer_is_no_money_talk(content: str) -> None:
    assert "money" not in _signals(content)


@pytest.mark.parametrize(
    "content",
    (
        # the seller's "we" and its offer
        "We fix any cracked phone screen for free when you buy a case, visit the shop on King Street.",
        # a healer's or a hacker's gift: the testimonial's bait
        "The herbalist sent me the herbs for free and they fixed my back pain in a week.",
        "The hacker recovered my account for free, he fixed everything in one day.",
        # a free offer with no work done for anyone
        "Download the full album for free, no sign up needed.",
        # a way to reach whoever does the work
        "My mate fixed my laptop for free, call him on 07700 900 123.",
        # a volunteer's words on a giveaway of money
        "I help people get cash grants for free, it takes five minutes to apply.",
    ),
)
def test_a_free_offer_a_gift_from_a_healer_or_a_sellers_we_keep_their_money_talk(content: str) -> None:
    assert "money" in _signals(content)


def test_a_customer_praising_a_tradesman_who_came_back_for_free_is_approved() -> None:
    text = "The heating engineer came back twice to fix a noisy pump for free. Honest bloke, I'd use him again."
    assert spam_action(text, "Colin") is Action.APPROVE


def test_a_tradesmans_free_fix_offered_with_a_number_is_not_approved() -> None:
    text = "Noisy pump? Our heating engineers fix it for free with any boiler service, call 0161 555 0190 today."
    assert spam_action(text, "Heating Pros") is not Action.APPROVE


def test_a_volunteer_giving_their_time_for_free_is_approved() -> None:
    text = "I'm a retired accountant and I help pensioners with their tax returns for free at the community centre."
    assert spam_action(text, "Ozzie") is Action.APPROVE
