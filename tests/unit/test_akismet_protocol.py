"""Akismet's protocol: key checks, the comment a form describes, and the answers to a decision."""

from __future__ import annotations

from worker.akismet.protocol import check_answer, comment_id, comment_payload, key_problem, language, post_id
from worker.models import Status

FORM = {
    "api_key": "k3y",
    "blog": "https://blog.example",
    "user_ip": "203.0.113.7",
    "comment_author": "Camille",
    "comment_author_email": "camille@example.fr",
    "comment_content": "Merci !",
    "permalink": "https://blog.example/billet-42",
    "blog_lang": "fr_fr, en",
}


def test_the_key_must_be_the_configured_one_and_a_blog_named() -> None:
    assert key_problem(FORM, "k3y") is None
    assert key_problem({**FORM, "api_key": "", "key": "k3y"}, "k3y") is None
    wrong = key_problem({**FORM, "api_key": "nope"}, "k3y")
    assert wrong is not None and (wrong.body, wrong.headers["X-akismet-debug-help"]) == ("invalid", "Invalid API key")
    no_blog = key_problem({**FORM, "blog": ""}, "k3y")
    assert no_blog is not None and no_blog.headers["X-akismet-debug-help"] == "Empty 'blog' value"
    off = key_problem(FORM, "")
    assert off is not None and off.body == "invalid" and "akismet_key" in off.headers["X-akismet-debug-help"]


def test_the_id_is_stable_keyed_and_reveals_neither_email_nor_ip() -> None:
    first = comment_id(FORM, "k3y")
    assert first == comment_id(dict(FORM), "k3y")
    assert first != comment_id(FORM, "other-key")
    assert first != comment_id({**FORM, "comment_content": "Merci !!"}, "k3y")
    assert first.startswith("akismet-") and "camille" not in first and "203.0.113.7" not in first


def test_the_post_is_the_permalink_when_it_is_a_usable_id_else_a_hash_of_it() -> None:
    assert post_id(FORM) == "https://blog.example/billet-42"
    assert post_id({"blog": "https://blog.example"}) == "https://blog.example"
    long = post_id({"permalink": "https://blog.example/" + "x" * 200})
    assert long.startswith("akismet-post-") and len(long) <= 128
    assert post_id({"permalink": "https://blog.example/café à la une"}).startswith("akismet-post-")


def test_the_form_becomes_a_comment_of_the_contract() -> None:
    payload = comment_payload(FORM, "k3y")
    assert payload["author_name"] == "Camille"
    assert payload["content"] == "Merci !"
    assert payload["ip"] == "203.0.113.7"
    assert payload["language"] == "fr"
    assert language("en-US") == "en" and language("") is None


def test_approved_is_false_held_is_true_and_rejected_is_true_with_discard() -> None:
    assert check_answer(Status.APPROVED, "c").body == "false"
    held = check_answer(Status.FLAGGED, "c")
    assert held.body == "true" and "X-akismet-pro-tip" not in held.headers
    rejected = check_answer(Status.REJECTED, "c")
    assert rejected.body == "true" and rejected.headers["X-akismet-pro-tip"] == "discard"
