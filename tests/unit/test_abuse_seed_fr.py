"""The abuse model's French everyday seed (scripts/data/abuse_seed_fr.jsonl) is well formed and shares no text with
the sets the checks are measured on; what training on it does is measured by bench/bench_abuse.py, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_rows_have_fields, jsonl_rows

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "scripts" / "data" / "abuse_seed_fr.jsonl"
FIELDS = {"label", "language", "kind", "content"}
OK_KINDS = {
    "heated",
    "strong_ideas",
    "colloquial",
    "groups_civil",
    "sports",
    "politics",
    "service",
    "blog_pets",
    "blog_books",
    "blog_realestate",
    "blog_misc",
}
ABUSE_KINDS = {"insult", "threat", "hate", "harassment", "sexual"}


def rows() -> list[dict[str, Any]]:
    """Return every row of the seed, decoded."""
    return jsonl_rows(SEED)


def test_every_line_is_a_json_object_with_exactly_the_seed_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=300)


@pytest.mark.parametrize(("field", "allowed"), [("label", {"ok", "abuse"}), ("language", {"fr"})])
def test_every_row_has_an_allowed_value(field: str, allowed: set[str]) -> None:
    assert {row[field] for row in rows()} <= allowed


def test_every_kind_belongs_to_its_label() -> None:
    for row in rows():
        assert row["kind"] in (ABUSE_KINDS if row["label"] == "abuse" else OK_KINDS), row["content"]


def test_the_seed_is_mostly_acceptable_comments() -> None:
    counted = Counter(row["label"] for row in rows())
    assert counted["ok"] > 2 * counted["abuse"] > 0


def test_no_text_appears_twice_or_in_another_project_seed() -> None:
    texts = [row["content"].strip() for row in rows()]
    assert len(set(texts)) == len(texts)
    others = {
        row["content"].strip()
        for name in ("abuse_seed.jsonl", "abuse_seed_en.jsonl")
        for row in jsonl_rows(SEED.with_name(name))
    }
    assert not others & set(texts)


def test_no_text_is_one_the_checks_are_measured_on() -> None:
    measured = {
        row["content"].strip() for path in (ROOT / "bench" / "data").glob("*.jsonl") for row in jsonl_rows(path)
    }
    assert not measured & {row["content"].strip() for row in rows()}
