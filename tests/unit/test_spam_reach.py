"""Addresses spelled out and numbers glued to a messenger are a way to be reached; "at" and "dot" as words are not."""

from __future__ import annotations

import pytest

from worker.spam.reach import app_numbers, spelled_emails
from worker.text import fold


@pytest.mark.parametrize(
    "text",
    (
        "ecris a mathilde.pret (at) gmail (dot) com",
        "ecris a mathilde.pret[at]gmail[dot]com",
        "ecris a mathilde.pret arobase gmail point com",
        "write to sunny_lender at yahoo dot com",
        "ecris a mathilde.pret @ hotmail . fr",
        "ecris a mathilde(@)laposte.net",
        "write to sunny {at} fastmail {dot} com",
    ),
)
def test_an_email_address_spelled_out_is_read_as_one(text: str) -> None:
    assert spelled_emails(fold(text)) == 1


@pytest.mark.parametrize(
    "text",
    (
        "have a look at google dot com for the answer",
        "we met at work, it was the dot com era",
        "I was at gmail for three years as an engineer",
        "meet me at gmail dot com headquarters",
        "her address is in the email, at the bottom",
    ),
)
def test_at_and_dot_as_ordinary_words_are_no_address(text: str) -> None:
    assert spelled_emails(fold(text)) == 0


@pytest.mark.parametrize(
    ("text", "count"),
    (("whatsapp:+22997123456", 1), ("wa.me/22997123456", 1), ("telegram:+33612345678 ou viber=+33612345678", 2)),
)
def test_a_number_glued_to_a_messenger_is_counted(text: str, count: int) -> None:
    assert app_numbers(fold(text)) == count


def test_a_messenger_named_with_a_time_or_a_version_gives_no_number() -> None:
    assert app_numbers(fold("whatsapp at 10:30, telegram 4.2 is out")) == 0
