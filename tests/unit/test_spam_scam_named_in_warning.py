"""A reader's warning names where the scam came from (its messenger, its domain) and reaches nobody; a fake warning
points to "the real one" and stays held."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.warning import warns
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        "My nephew lost $2,000 to a crypto 'investment' guy on Telegram. Report these accounts, don't reply to them.",
        "Someone on Telegram offered me cheap Disneyland tickets for 50 euros, obviously fake, I reported the account.",
        "Un faux vendeur sur WhatsApp proposait des places pour la finale à 40 €, c'est une arnaque, je l'ai signalé.",
    ),
)
def test_a_warning_naming_the_messenger_the_scam_came_by_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Watch out, someone posing as Booking.com messaged me on WhatsApp asking me to pay again by card at "
        "secure-booking-pay.com. It's a scam, the hotel confirmed.",
        'I got an email "Your Ryanair flight is cancelled, claim your $500 compensation at ryanair-refunds.net". '
        "Don't click, it's phishing.",
    ),
)
def test_a_warning_naming_the_scams_site_by_its_bare_name_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Beware of the fake giveaways in these comments, it's a scam. Visit giveaway-central.xyz instead.",
        "Watch out, fake Ray-Ban sites everywhere, it's a scam. Head over to rayban-outlet.shop for the real deal.",
    ),
)
def test_a_warning_that_sends_readers_to_a_site_by_its_bare_name_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Watch out, someone posing as Booking.com messaged me on WhatsApp asking me to pay again by card at "
        "https://secure-booking-pay.com/confirm. It's a scam, the hotel confirmed.",
        "Don't click, it's phishing: they link to ryanair-refunds.net/claim?id=88 to steal your card.",
    ),
)
def test_a_warning_giving_the_scams_address_to_open_is_held_at_most_never_rejected(content: str) -> None:
    assert spam_action(content) is Action.FLAG


@pytest.mark.parametrize(
    "content",
    (
        "Beware of fake recovery hackers! The only real one is @cryptofixer on Telegram, he got my money back.",
        "Don't fall for fake investment platforms. I trade with Mrs Ellen Moore on Telegram and make $2,500 weekly.",
        "Beware of scammers everywhere, join the real trading signals group on Telegram, 90% win rate.",
        "Attention aux arnaques ! Le seul vrai marabout est joignable sur WhatsApp, le Maître Koffi.",
        "Scam alert! Fake giveaways everywhere. The real Robux giveaway is at robux-real.xyz",
    ),
)
def test_a_fake_warning_pointing_to_the_real_one_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_telling_that_the_writer_reported_it_is_a_warning() -> None:
    assert warns(fold("A fake seller on Telegram, I reported the account."))
    assert not warns(fold("A seller on Telegram, I reported the sale to my accountant."))
