"""The three writers' stealth promotion sets (bench/data/stealth_promo_w1..w3.jsonl) are well formed; what the spam
check makes of them is measured by bench/bench_spam.py, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.helpers import assert_non_blank_and_unique, assert_rows_have_fields, jsonl_rows

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
KINDS = {"stealth_promo": "spam", "reader_mentions_business": "ham", "ordinary": "ham"}
SIZES = {
    "w1": {"stealth_promo": 60, "reader_mentions_business": 80},
    "w2": {"stealth_promo": 50, "reader_mentions_business": 70, "ordinary": 30},
    "w3": {"stealth_promo": 50, "reader_mentions_business": 70, "ordinary": 30},
}


@pytest.mark.parametrize("writer", sorted(SIZES))
def test_each_writers_set_has_the_seven_fields_on_every_row(writer: str) -> None:
    assert_rows_have_fields(jsonl_rows(DATA / f"stealth_promo_{writer}.jsonl"), FIELDS, sum(SIZES[writer].values()))


@pytest.mark.parametrize("writer", sorted(SIZES))
def test_each_writers_set_is_all_tune_rows_whose_label_follows_their_kind(writer: str) -> None:
    rows = jsonl_rows(DATA / f"stealth_promo_{writer}.jsonl")
    assert {row["split"] for row in rows} == {"tune"}
    assert all(KINDS[row["kind"]] == row["label"] for row in rows)
    assert Counter(row["kind"] for row in rows) == SIZES[writer]


@pytest.mark.parametrize("writer", sorted(SIZES))
def test_each_writers_set_is_half_english_half_french_in_every_kind(writer: str) -> None:
    rows = jsonl_rows(DATA / f"stealth_promo_{writer}.jsonl")
    by_kind = Counter((row["kind"], row["language"]) for row in rows)
    assert all(by_kind[kind, "en"] == by_kind[kind, "fr"] == size // 2 for kind, size in SIZES[writer].items())


@pytest.mark.parametrize("writer", sorted(SIZES))
def test_each_writers_set_has_no_blank_field_nor_repeated_comment(writer: str) -> None:
    assert_non_blank_and_unique(jsonl_rows(DATA / f"stealth_promo_{writer}.jsonl"), ("site", "content", "author_name"))
