"""The comment contract: what is refused at submission, naming the field, and what is let through."""

from __future__ import annotations

import pytest

from worker.contract import Limits, parse_comment, parse_json
from worker.errors import InvalidComment

LIMITS = Limits()
GOOD = {"post_id": "p1", "author_name": "Zoé", "author_email": "zoe@example.fr", "content": "Bravo"}


def refused_field(payload: object) -> str:
    with pytest.raises(InvalidComment) as info:
        parse_comment(payload, LIMITS, now=1.0)
    return info.value.field


def test_a_good_comment_is_parsed_with_every_field() -> None:
    comment = parse_comment({**GOOD, "id": "c-1", "language": "fr", "ip": "192.0.2.1"}, LIMITS, now=5.0)
    assert (comment.id, comment.post_id, comment.author_name, comment.language) == ("c-1", "p1", "Zoé", "fr")
    assert comment.submitted_at == 5.0


def test_the_page_a_comment_was_posted_on_is_kept_as_its_permalink() -> None:
    comment = parse_comment({**GOOD, "permalink": "https://example.fr/billet-42"}, LIMITS, now=1.0)
    assert comment.permalink == "https://example.fr/billet-42"


def test_a_comment_without_an_id_gets_a_fresh_one() -> None:
    first = parse_comment(GOOD, LIMITS, now=1.0)
    second = parse_comment(GOOD, LIMITS, now=1.0)
    assert first.id and first.id != second.id


def test_a_numeric_post_id_is_accepted_as_text() -> None:
    assert parse_comment({**GOOD, "post_id": 42}, LIMITS, now=1.0).post_id == "42"


def test_a_comment_without_a_post_is_refused_naming_post_id() -> None:
    assert refused_field({k: v for k, v in GOOD.items() if k != "post_id"}) == "post_id"


@pytest.mark.parametrize("payload", [[], "text", 3, None])
def test_a_payload_that_is_not_an_object_is_refused(payload: object) -> None:
    assert refused_field(payload) == "comment"


@pytest.mark.parametrize(
    ("field", "value"),
    [("content", 3.5), ("author_name", ["a"]), ("author_email", {"a": 1}), ("post_id", True), ("ip", 1.5)],
)
def test_a_field_of_the_wrong_type_is_refused_naming_it(field: str, value: object) -> None:
    assert refused_field({**GOOD, field: value}) == field


@pytest.mark.parametrize(
    ("field", "size"),
    [("author_name", 246), ("author_email", 101), ("author_url", 201), ("content", 65_526), ("permalink", 513)],
)
def test_a_field_over_the_wordpress_limit_is_refused_naming_it(field: str, size: int) -> None:
    assert refused_field({**GOOD, field: "a" * size}) == field


def test_content_is_limited_in_bytes_not_characters() -> None:
    assert parse_comment({**GOOD, "content": "é" * 32_762}, LIMITS, now=1.0)
    assert refused_field({**GOOD, "content": "é" * 32_763}) == "content"


def test_an_unknown_field_is_refused_so_a_typo_is_not_silently_ignored() -> None:
    assert refused_field({**GOOD, "author_mail": "x@example.org"}) == "author_mail"


def test_an_id_with_spaces_is_refused() -> None:
    assert refused_field({**GOOD, "id": "a b"}) == "id"


@pytest.mark.parametrize(
    "comment_id",
    ["_Ugw3xK-9", "-Qm9Zk_b", "Ugx_a-b", "disqus:12345", "a?b#c%d&e", "~x!", "x" * 128, "page/review", "\"'<>"],
)
def test_an_id_of_printable_ascii_from_a_real_system_is_accepted(comment_id: str) -> None:
    comment = parse_comment({**GOOD, "id": comment_id, "post_id": comment_id}, LIMITS, now=1.0)
    assert (comment.id, comment.post_id) == (comment_id, comment_id)


@pytest.mark.parametrize(
    "comment_id", ["", "x" * 129, "a\tb", "a\nb", "a\x00b", "a\x7fb", "ab\n", "caf\u00e9", "a\u200bb"]
)
def test_an_id_that_is_empty_too_long_or_holds_control_or_non_ascii_characters_is_refused(comment_id: str) -> None:
    with pytest.raises(InvalidComment) as info:
        parse_comment({**GOOD, "id": comment_id}, LIMITS, now=1.0)
    assert info.value.field == "id"
    assert "printable ASCII" in info.value.message


def test_an_unpaired_surrogate_is_refused_instead_of_crashing_later() -> None:
    assert refused_field({**GOOD, "content": "bad \ud800 text"}) == "content"


def test_a_blank_name_and_a_bad_email_are_not_refused_at_submission() -> None:
    comment = parse_comment({**GOOD, "author_name": " ", "author_email": "nope"}, LIMITS, now=1.0)
    assert comment.author_email == "nope"


def test_a_missing_name_and_email_are_left_to_background_validation() -> None:
    comment = parse_comment({"post_id": "p", "content": "hi"}, LIMITS, now=1.0)
    assert (comment.author_name, comment.author_email) == ("", "")


def test_text_that_is_not_json_is_refused_with_a_clear_error() -> None:
    with pytest.raises(InvalidComment) as info:
        parse_json("{not json", LIMITS, now=1.0)
    assert info.value.field == "comment" and "not valid JSON" in info.value.message


def test_the_error_for_a_long_email_does_not_repeat_the_address() -> None:
    email = "x" * 95 + "@example.org"
    with pytest.raises(InvalidComment) as info:
        parse_comment({**GOOD, "author_email": email}, LIMITS, now=1.0)
    assert email not in str(info.value)
