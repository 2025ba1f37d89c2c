"""The other sites' comments (bench/data/site_comments.jsonl) are well formed; what the checks make of them is
measured by bench/bench_spam.py and bench/bench_abuse.py, not tested here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_rows_have_fields, jsonl_rows

SITE_COMMENTS = Path(__file__).resolve().parents[2] / "bench" / "data" / "site_comments.jsonl"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
SITES = {
    "recipe",
    "gardening_diy",
    "travel",
    "regional_news",
    "sports_news",
    "parenting",
    "personal_finance",
    "health",
    "video_games",
}
FRENCH_ONLY = {"regional_news"}


def rows() -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(SITE_COMMENTS)


def test_every_line_is_a_json_object_with_exactly_the_set_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=250)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [("label", {"ham", "spam"}), ("language", {"en", "fr"}), ("site", SITES), ("split", {"measure"})],
)
def test_each_field_holds_only_its_allowed_values(field: str, allowed: set[str]) -> None:
    assert {row[field] for row in rows()} <= allowed


def test_every_row_is_measured_only_so_nothing_is_tuned_on_it() -> None:
    assert all(row["split"] == "measure" for row in rows())


def test_content_kind_and_author_are_non_blank_strings_and_no_content_is_repeated() -> None:
    found = rows()
    for row in found:
        for field in ("content", "kind", "author_name"):
            assert isinstance(row[field], str) and row[field].strip(), (field, row["content"])
        assert row["kind"] == row["kind"].strip().lower() and " " not in row["kind"]
    contents = [row["content"] for row in found]
    assert len(set(contents)) == len(contents)


def test_every_site_has_both_labels_and_both_languages_but_the_french_regional_news() -> None:
    found = rows()
    for site in SITES:
        of_site = [row for row in found if row["site"] == site]
        assert {row["label"] for row in of_site} == {"ham", "spam"}, site
        languages = {"fr"} if site in FRENCH_ONLY else {"en", "fr"}
        assert {row["language"] for row in of_site} == languages, site
