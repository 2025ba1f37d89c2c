"""The abuse model's everyday seeds written by the project (scripts/data/abuse_seed_fr.jsonl in French,
scripts/data/abuse_seed_en2.jsonl in English) are well formed and share no text with another seed nor with the sets
the checks are measured on; what training on them does is measured by bench/bench_abuse.py, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_rows_have_fields, jsonl_rows

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "scripts" / "data"
FIELDS = {"label", "language", "kind", "content"}
ABUSE_KINDS = {"insult", "threat", "hate", "harassment", "sexual"}
SEEDS = {
    "abuse_seed_fr.jsonl": (
        "fr",
        {
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
            "neighbourhood",
            "police",
            "prices",
            "reader",
            "counter",
        },
    ),
    "abuse_seed_en2.jsonl": ("en", {"profanity", "heated", "ideas", "groups", "report", "everyday"}),
}
"""Each seed with kinds: its language and the kinds of its acceptable rows."""
ALL_SEEDS = ("abuse_seed.jsonl", "abuse_seed_en.jsonl", *SEEDS)


def rows(name: str) -> list[dict[str, Any]]:
    """Return every row of the seed ``name``, decoded."""
    return jsonl_rows(DATA / name)


@pytest.mark.parametrize("name", SEEDS)
def test_every_line_is_a_json_object_with_exactly_the_seed_fields(name: str) -> None:
    assert_rows_have_fields(rows(name), FIELDS, at_least=300)


@pytest.mark.parametrize("name", SEEDS)
def test_every_row_has_an_allowed_label_and_the_seed_s_language(name: str) -> None:
    assert {row["label"] for row in rows(name)} <= {"ok", "abuse"}
    assert {row["language"] for row in rows(name)} == {SEEDS[name][0]}


@pytest.mark.parametrize("name", SEEDS)
def test_every_kind_belongs_to_its_label(name: str) -> None:
    for row in rows(name):
        assert row["kind"] in (ABUSE_KINDS if row["label"] == "abuse" else SEEDS[name][1]), row["content"]


def test_the_french_seed_is_mostly_acceptable_comments() -> None:
    counted = Counter(row["label"] for row in rows("abuse_seed_fr.jsonl"))
    assert counted["ok"] > 2 * counted["abuse"] > 0


def test_the_english_seed_holds_every_kind_of_abuse_and_aimless_swearing_as_acceptable() -> None:
    found = {(row["label"], row["kind"]) for row in rows("abuse_seed_en2.jsonl")}
    assert {("abuse", kind) for kind in ABUSE_KINDS} <= found
    assert ("ok", "profanity") in found


@pytest.mark.parametrize("name", SEEDS)
def test_no_text_appears_twice_or_in_another_project_seed(name: str) -> None:
    texts = [row["content"].strip() for row in rows(name)]
    assert len(set(texts)) == len(texts)
    others = {row["content"].strip() for other in ALL_SEEDS if other != name for row in rows(other)}
    assert not others & set(texts)


@pytest.mark.parametrize("name", SEEDS)
def test_no_text_is_one_the_checks_are_measured_on(name: str) -> None:
    measured = {
        row["content"].strip() for path in (ROOT / "bench" / "data").glob("*.jsonl") for row in jsonl_rows(path)
    }
    assert not measured & {row["content"].strip() for row in rows(name)}
