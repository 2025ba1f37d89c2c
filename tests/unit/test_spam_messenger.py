"""A messenger named in passing reaches nobody; one given with a number, a handle or an ask stays a contact."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.messenger import asks_through
from worker.spam.signals import contact
from worker.text import fold


def _apps(content: str) -> list[str] | None:
    found = contact(Comment(id="c", post_id="p", content=content))
    return None if found is None else list(found.evidence["apps"])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "content",
    (
        "My nan only uses her phone for photos and WhatsApp, which handset has the biggest screen for under £200?",
        "Since the last Telegram update my notifications arrive an hour late, does anyone else have that?",
        "Ma mère n'utilise que WhatsApp et l'appareil photo, un petit modèle suffira.",
    ),
)
def test_a_messenger_named_in_passing_is_no_contact(content: str) -> None:
    assert _apps(content) is None


@pytest.mark.parametrize(
    "content",
    (
        "Contact him on WhatsApp for the best signals",
        "Message me on Telegram to join",
        "WhatsApp me for the price list",
        "Telegram @crypto_signals_vip",
        "Skype: jane.trader",
        "Écrivez-moi sur WhatsApp pour un prêt rapide",
        "Add me on Snapchat, I post every day",
    ),
)
def test_a_messenger_given_as_a_way_to_write_stays_a_contact(content: str) -> None:
    assert _apps(content)
    assert asks_through(fold(content))


def test_a_reader_naming_the_app_they_use_is_approved() -> None:
    text = "My dad only uses his phone for calls and WhatsApp now, so we bought him the cheapest Motorola."
    assert spam_action(text, "Patrick") is Action.APPROVE


def test_the_same_question_that_asks_to_be_written_to_on_the_app_is_not_approved() -> None:
    text = "Need a phone for your nan? Biggest screens under £200, WhatsApp me for the price list and delivery."
    assert spam_action(text, "Phone Deals") is not Action.APPROVE


def test_a_warning_that_gives_a_handle_on_the_messenger_keeps_its_contact() -> None:
    # A handle is where to write: the recovery testimonial dressed as a warning ("beware of scammers!") gives one.
    text = "Beware of fake brokers! Mrs Lee the hacker got my coins back, write to her on Telegram @lee_recovers."
    assert spam_action(text, "Jo") is not Action.APPROVE


def test_a_warning_naming_the_messenger_the_scam_came_by_is_approved() -> None:
    text = "Beware, a fake broker messaged my dad on Telegram promising to double his savings. It's a scam."
    assert spam_action(text, "Jo") is Action.APPROVE
