"""Recognising an author by a keyed hash of the normalised email, never by the email itself."""

from __future__ import annotations

from worker.spam.identity import author_key, email_domain


def test_the_same_address_written_differently_gives_the_same_key() -> None:
    assert author_key("  Ann@Example.ORG ", b"site-secret") == author_key("ann@example.org", b"site-secret")


def test_the_key_depends_on_the_secret_and_does_not_hold_the_address() -> None:
    key = author_key("ann@example.org", b"one")
    assert key != author_key("ann@example.org", b"two")
    assert "ann" not in key and len(key) == 64


def test_the_domain_of_an_address_is_its_part_after_the_at_sign_only() -> None:
    assert email_domain("Jane.Doe@Mailinator.COM") == "mailinator.com"
    assert email_domain("not an address") == ""
    assert email_domain("@example.org") == ""
