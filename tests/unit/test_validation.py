"""Validation: a name, a well-formed email and some content are required; messages never hold the email."""

from __future__ import annotations

import unicodedata

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import given
from hypothesis import strategies as st

from worker.checks.base import Context
from worker.checks.validation import ValidationCheck, plain_address, scrub, syntax_problem
from worker.models import Action, Comment
from worker.text import nfkc, visible

CHECK = ValidationCheck()


def codes(**fields: str) -> list[str]:
    values = {"author_name": "Ann", "author_email": "ann@example.org", "content": "Bonjour", **fields}
    comment = Comment("c", "p", **values)
    result = CHECK.check(comment, Context(now=0.0))
    assert all(r.action is Action.REJECT and r.check == "validation" for r in result.reasons)
    return [r.code for r in result.reasons]


def test_a_complete_comment_passes() -> None:
    assert codes() == []


@pytest.mark.parametrize("name", ["", "   ", "\u3000", "\u200b", " \u200b\u2060 "])
def test_a_blank_name_is_rejected_after_normalisation(name: str) -> None:
    assert codes(author_name=name) == ["name_missing"]


def test_a_name_of_full_width_letters_is_a_real_name() -> None:
    assert codes(author_name="ＡＮＮ") == []


@pytest.mark.parametrize("name", ["Ann\x00", "A\x1bnn", "An\u200bn"])
def test_a_name_with_control_or_invisible_characters_is_rejected(name: str) -> None:
    assert codes(author_name=name) == ["name_invalid"]


def test_a_missing_email_is_rejected() -> None:
    assert codes(author_email="  ") == ["email_missing"]


@pytest.mark.parametrize("email", ["ann", "ann@", "@example.org", "ann@@example.org", "ann@exa mple.org"])
def test_a_malformed_email_is_rejected_without_repeating_it(email: str) -> None:
    comment = Comment("c", "p", "Ann", email, "Bonjour")
    (reason,) = CHECK.check(comment, Context(now=0.0)).reasons
    assert reason.code == "email_invalid"
    assert email.strip("@") not in reason.message or len(email.strip("@")) < 3


def test_an_empty_comment_is_rejected() -> None:
    assert codes(content=" \n ") == ["content_missing"]


@pytest.mark.parametrize("content", ["\u3000", "\u00a0\u2003", " \u2028 "])
def test_a_comment_of_wide_or_unusual_spaces_only_is_empty(content: str) -> None:
    assert codes(content=content) == ["content_missing"]


@pytest.mark.parametrize("content", ["a", "7 ", "\u0301", "\u00a8", "\u200b", " ok", "Ａ"])
def test_a_comment_with_any_mark_letter_or_digit_is_not_empty(content: str) -> None:
    assert codes(content=content) == []


@given(st.text(max_size=12))
def test_the_emptiness_of_a_comment_and_a_name_is_that_of_its_normal_form(text: str) -> None:
    found = codes(author_name=text or "Ann", content=text)
    assert ("content_missing" in found) == (unicodedata.normalize("NFKC", text).strip() == "")
    assert ("name_invalid" in found) == (
        bool(text) and visible(nfkc(text)) != "" and any(unicodedata.category(c)[0] == "C" for c in nfkc(text))
    )


def test_every_problem_is_reported_not_just_the_first() -> None:
    assert codes(author_name="", author_email="", content="") == ["name_missing", "content_missing", "email_missing"]


def test_scrub_removes_the_address_and_its_parts_from_a_message() -> None:
    message = scrub(
        "The domain name mail.example.org does not exist for jean.dupont@mail.example.org",
        "jean.dupont@mail.example.org",
    )
    assert "example.org" not in message and "jean.dupont" not in message


def deliverability(monkeypatch: pytest.MonkeyPatch, failure: BaseException) -> list[str]:
    import dns.resolver
    from email_validator import EmailUndeliverableError

    from worker.checks import validation

    def fake(*args: object, **kwargs: object) -> None:
        raise EmailUndeliverableError("The domain name example.org does not exist.") from failure

    monkeypatch.setattr(validation, "validate_email_deliverability", fake)
    monkeypatch.setattr(validation, "_resolver", lambda timeout_s: dns.resolver.Resolver(configure=False))
    check = ValidationCheck(check_deliverability=True, dns_timeout_s=0.5)
    comment = Comment("c", "p", "Ann", "ann@example.org", "Bonjour")
    return [r.code for r in check.check(comment, Context(now=0.0)).reasons]


def test_a_domain_that_does_not_exist_is_rejected_when_deliverability_is_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import dns.resolver

    assert deliverability(monkeypatch, dns.resolver.NXDOMAIN()) == ["email_undeliverable"]


def test_a_dns_timeout_is_no_proof_of_a_bad_address(monkeypatch: pytest.MonkeyPatch) -> None:
    import dns.exception

    assert deliverability(monkeypatch, dns.exception.Timeout()) == []


def _library_problem(email: str) -> str | None:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        return scrub(str(exc), email)
    return None


@pytest.mark.parametrize(
    "email",
    ["ann@example.org", "Ann.Lee+news@Mail.Example.CO.UK", "a_b-c@x1.io", "x@123.com", "y@a-b.example.org"],
)
def test_a_plain_address_is_known_good_without_asking_email_validator(email: str) -> None:
    assert plain_address(email)
    assert _library_problem(email) is None


@pytest.mark.parametrize(
    "email",
    [
        "x@localhost",
        "x@printer.local",
        "x@example.test",
        "x@example.invalid",
        "x@10.in-addr.arpa",
        "x@123.456",
        "x@xn--bcher-kva.example",
        "x@ab--cd.example",
        "x@-a.org",
        "x@a-.org",
        "x..y@example.org",
        ".x@example.org",
        "x.@example.org",
        "x@example..org",
        "x@example.org.",
        "é@example.org",
        "x@exämple.org",
        '"x"@example.org',
        "Ann <ann@example.org>",
        "x" * 65 + "@example.org",
        "x@" + "a" * 64 + ".org",
        "x@example",
        "x@@example.org",
        "x@" + ("a" * 60 + ".") * 5 + "org",
        "x@exa_mple.org",
    ],
)
def test_anything_else_is_left_to_email_validator(email: str) -> None:
    assert not plain_address(email)


@given(st.text(alphabet="abXY09._+-@é", max_size=40))
def test_a_plain_address_is_one_that_email_validator_accepts(email: str) -> None:
    if plain_address(email):
        assert _library_problem(email) is None
    assert syntax_problem(email) == _library_problem(email)


@pytest.mark.parametrize(
    "email", ["reader-at-example.org", "a@b", "x@localhost", "Élodie@exämple..fr", "bob@example.org"]
)
def test_the_remembered_verdict_is_the_library_one_and_never_holds_the_address(email: str) -> None:
    assert syntax_problem(email) == _library_problem(email)
    assert syntax_problem(email) == _library_problem(email)  # from the cache now
    assert email not in (syntax_problem(email) or "")
