"""The pure parts of the moderators' tools: evidence highlights, queue queries, verdict decisions, names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worker.errors import InvalidRequest
from worker.evidence import find_term, highlights
from worker.models import Action, Reason, Status
from worker.moderators import check_name, check_password, token_hash
from worker.queue import QueueQuery
from worker.verdicts import REJECT_REASONS, moderator_decision


def test_a_term_is_found_as_a_whole_word_whatever_its_case_and_accents() -> None:
    content = "Le CASINO en ligne, pas casinos; Casino En Ligne!"
    spans = find_term(content, "casino en ligne")
    assert [content[a:b] for a, b in spans] == ["CASINO en ligne", "Casino En Ligne"]
    summer = "Un Été chaud"
    assert [summer[a:b] for a, b in find_term(summer, "ete")] == ["Été"]


def test_highlights_mark_every_occurrence_of_a_profane_word_and_each_link() -> None:
    content = "Damn it, see https://spam.example/x then damn again"
    reasons = [
        Reason(
            "profanity",
            "mild",
            "Mild word",
            Action.CENSOR,
            {"field": "content", "word": "damn", "match": "Damn", "span": [0, 4]},
        ),
        Reason("spam", "too_many_links", "1 link", Action.FLAG, {"links": 1}),
    ]
    found = [(h.kind, content[h.start : h.end]) for h in highlights(content, reasons)]
    assert found == [("profanity", "Damn"), ("link", "https://spam.example/x"), ("profanity", "damn")]


def test_evidence_found_in_the_name_is_not_highlighted_in_the_text() -> None:
    reasons = [Reason("spam", "blocklist", "term", Action.REJECT, {"field": "author_name", "term": "casino"})]
    assert highlights("a casino here", reasons) == []


def test_a_query_from_text_parameters_is_typed_and_checked() -> None:
    query = QueueQuery.from_params({"tab": "all", "post": "42", "page": "2", "per_page": "50", "order": "newest"})
    assert (query.tab, query.post, query.page, query.per_page, query.order) == ("all", "42", 2, 50, "newest")
    assert query.facets() == ["post=42"]
    assert QueueQuery.from_params({"post": ""}).post is None


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"tab": "queued"}, "tab"),
        ({"order": "random"}, "order"),
        ({"page": "-1"}, "page"),
        ({"per_page": "1000"}, "per_page"),
        ({"post": "a b"}, "post"),
        ({"post": "été"}, "post"),
        ({"reason": "spam"}, "reason"),
        ({"author": "not-a-hash"}, "author"),
        ({"search": "x" * 201}, "search"),
        ({"cursor": "12"}, "cursor"),
        ({"limit": "3"}, "limit"),
    ],
)
def test_a_bad_query_parameter_is_named_in_the_error(params: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidRequest) as bad:
        QueueQuery.from_params(params)
    assert bad.value.field == field


def test_a_reject_verdict_takes_a_reason_from_the_list_and_keeps_the_note() -> None:
    decision = moderator_decision("reject", " ann ", "v1", 5.0, reason="off_topic", note="see rules")
    (reason,) = decision.reasons
    assert decision.status is Status.REJECTED and decision.decided_by == "ann"
    assert (reason.check, reason.code, reason.evidence) == ("moderator", "off_topic", {"note": "see rules"})
    assert REJECT_REASONS["off_topic"] in reason.message
    assert moderator_decision("spam", "ann", "v1", 5.0).reasons[0].code == "spam"


@pytest.mark.parametrize(
    ("args", "kwargs", "field"),
    [
        (("maybe", "ann"), {}, "verdict"),
        (("approve", "worker"), {}, "moderator"),
        (("approve", "  "), {}, "moderator"),
        (("approve", "ann"), {"reason": "off_topic"}, "reason"),
        (("reject", "ann"), {"reason": "ugly"}, "reason"),
        (("reject", "ann"), {"note": "x" * 5000}, "note"),
    ],
)
def test_a_bad_verdict_names_the_field(args: tuple[str, str], kwargs: dict[str, str], field: str) -> None:
    with pytest.raises(InvalidRequest) as bad:
        moderator_decision(*args, "v1", 1.0, **kwargs)
    assert bad.value.field == field


def test_moderator_names_and_passwords_are_checked_without_echoing_the_password() -> None:
    assert check_name("camille.d@site") == "camille.d@site"
    for bad in ("", "-x", "a:b", "a b", "x" * 65):
        with pytest.raises(InvalidRequest):
            check_name(bad)
    with pytest.raises(InvalidRequest) as short:
        check_password("hunter2")
    assert "hunter2" not in str(short.value)
    assert len(token_hash("mod_abc")) == 64 and token_hash("mod_abc") != token_hash("mod_abd")


def test_a_comment_is_indexed_by_post_author_and_the_workers_checks_and_reasons_only() -> None:
    from worker.models import Comment, Decision
    from worker.queue_index import facets

    comment = Comment(id="c-1", post_id="p/7", author_email="a@example.org")
    worker = Decision(
        Status.FLAGGED,
        (Reason("spam", "too_many_links", "m", Action.FLAG), Reason("spam", "spam_score", "m", Action.FLAG)),
        {},
        "v1",
        1.0,
    )
    assert facets(comment, worker, "abc") == [
        "",
        "post=p/7",
        "author=abc",
        "check=spam",
        "reason=spam/too_many_links",
        "reason=spam/spam_score",
    ]
    moderator = moderator_decision("reject", "ann", "v1", 2.0, reason="off_topic")
    assert facets(comment, moderator, None) == ["", "post=p/7"]


@given(
    st.dictionaries(
        st.sampled_from(["tab", "post", "reason", "page", "per_page", "cursor", "order", "author", "x"]),
        st.text(max_size=40),
    )
)
def test_any_text_parameters_give_a_query_or_an_error_naming_a_field_never_a_crash(params: dict[str, str]) -> None:
    try:
        query = QueueQuery.from_params(params)
    except InvalidRequest as exc:
        assert exc.field in params
    else:
        assert query.checked() is query
