"""The fourth set of other sites' comments (bench/data/site_comments_4.jsonl) is well formed; what the checks make of
them is for the benchmarks to measure, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_rows_have_fields, jsonl_rows

SITE_COMMENTS_4 = Path(__file__).resolve().parents[2] / "bench" / "data" / "site_comments_4.jsonl"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
SITES = {
    "photography_blog",
    "cycling_news",
    "beekeeping_forum",
    "personal_tech_help",
    "history_magazine",
    "running_marathon",
    "aquarium_hobby",
    "science_podcast",
    "small_business_blog",
    "genealogy_forum",
}


LANGUAGES = ("en", "fr")


def rows() -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(SITE_COMMENTS_4)


def test_every_line_is_a_json_object_with_exactly_the_set_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=360)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [("label", {"ham", "spam"}), ("language", set(LANGUAGES)), ("site", SITES), ("split", {"measure"})],
)
def test_each_field_holds_exactly_its_allowed_values_and_every_row_is_measured_only(
    field: str, allowed: set[str]
) -> None:
    assert {row[field] for row in rows()} == allowed


def test_texts_are_non_blank_kinds_are_lowercase_words_and_no_content_comes_twice() -> None:
    found = rows()
    blank = [(row["kind"], field) for row in found for field in ("content", "author_name") if not row[field].strip()]
    assert blank == []
    assert all(row["kind"].isidentifier() and row["kind"] == row["kind"].lower() for row in found)
    assert len({row["content"] for row in found}) == len(found)


def test_there_are_360_rows_half_english_half_french_two_thirds_legitimate() -> None:
    found = rows()
    assert len(found) == 360
    assert Counter(row["language"] for row in found) == {"en": 180, "fr": 180}
    assert Counter(row["label"] for row in found) == {"ham": 240, "spam": 120}


@pytest.mark.parametrize("site", sorted(SITES))
def test_each_site_has_12_legitimate_and_6_spam_comments_per_language(site: str) -> None:
    counts = Counter((row["language"], row["label"]) for row in rows() if row["site"] == site)
    assert counts == {(language, label): n for language in LANGUAGES for label, n in (("ham", 12), ("spam", 6))}
