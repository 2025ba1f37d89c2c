"""The news and blog abuse set (bench/data/news_abuse.jsonl) is well formed; what the abuse and profanity checks make
of it is measured by bench/bench_abuse.py, not tested here."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_non_blank_and_unique, assert_rows_have_fields, jsonl_rows

NEWS_ABUSE = Path(__file__).resolve().parents[2] / "bench" / "data" / "news_abuse.jsonl"
FIELDS = {"label", "language", "site", "kind", "split", "content"}
ABUSE_KINDS = {"insult", "threat", "hate", "harassment", "sexual"}
OK_KINDS = {"counter_speech", "quote", "heated", "reclaimed", "civil", "profanity_not_aimed"}
EMAIL = re.compile(r"[\w.+-]+(?:@|\s*[(\[]at[)\]]\s*)[a-z0-9-]+(?:\.[a-z0-9-]+)+", re.IGNORECASE)


def rows() -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(NEWS_ABUSE)


def test_every_line_is_a_json_object_with_exactly_the_set_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=230)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [
        ("label", {"abuse", "ok"}),
        ("language", {"en", "fr"}),
        ("site", {"news", "blog", "forum"}),
        ("kind", ABUSE_KINDS | OK_KINDS),
        ("split", {"measure"}),
    ],
)
def test_each_field_holds_only_its_allowed_values(field: str, allowed: set[str]) -> None:
    assert {row[field] for row in rows()} <= allowed


def test_every_row_is_measured_only_so_nothing_is_tuned_on_it() -> None:
    assert all(row["split"] == "measure" for row in rows())


def test_content_is_a_non_blank_string_and_no_content_is_repeated() -> None:
    assert_non_blank_and_unique(rows(), ("content",))


def test_abuse_kinds_label_only_abuse_and_ok_kinds_only_ok() -> None:
    for row in rows():
        assert row["kind"] in (ABUSE_KINDS if row["label"] == "abuse" else OK_KINDS), row["content"]


def test_every_kind_and_every_site_is_present_in_both_languages() -> None:
    found = rows()
    for field, values in (("kind", ABUSE_KINDS | OK_KINDS), ("site", {"news", "blog", "forum"})):
        for value in values:
            assert {row["language"] for row in found if row[field] == value} == {"en", "fr"}, value


def test_languages_and_labels_are_about_half_and_half() -> None:
    found = rows()
    for field in ("language", "label"):
        counts = Counter(row[field] for row in found)
        assert len(counts) == 2 and max(counts.values()) - min(counts.values()) <= len(found) // 10, field


def test_no_row_carries_an_email_address() -> None:
    assert not [row["content"] for row in rows() if EMAIL.search(row["content"])]
