"""The project's French probe (bench/data/abuse_probe_fr.jsonl) is well formed: ordinary French reader comments of many
kinds and abusive ones as a counter-check, tune only, sharing no text with the seeds the model learns from; what the
checks make of it is printed by ``bench/bench_abuse.py --parts probe``, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from tests.helpers import assert_non_blank_and_unique, assert_rows_have_fields, jsonl_rows

ROOT = Path(__file__).resolve().parents[2]
PROBE = ROOT / "bench" / "data" / "abuse_probe_fr.jsonl"
FIELDS = {"label", "language", "kind", "split", "content"}
OK_KINDS = {
    "reaction", "question", "thanks", "disagreement", "anecdote", "correction", "joke", "colloquial", "quebec",
    "belgian", "no_accents", "typos", "politics", "police", "immigration", "religion", "prices", "sports",
    "neighbours", "near",
}  # fmt: skip
ABUSE_KINDS = {"insult", "threat", "hate", "harassment"}


def test_every_row_is_a_french_tune_row_with_exactly_the_probe_fields() -> None:
    rows = jsonl_rows(PROBE)
    assert_rows_have_fields(rows, FIELDS, at_least=200)
    assert {(r["language"], r["split"]) for r in rows} == {("fr", "tune")}
    assert_non_blank_and_unique(rows, ("label", "kind", "content"))


def test_every_kind_belongs_to_its_label_and_each_kind_has_several_rows() -> None:
    rows = jsonl_rows(PROBE)
    for row in rows:
        assert row["kind"] in {"ok": OK_KINDS, "abuse": ABUSE_KINDS}[row["label"]], row["content"]
    counted = Counter((r["label"], r["kind"]) for r in rows)
    assert min(counted.values()) >= 8 and len(counted) == len(OK_KINDS) + len(ABUSE_KINDS)


def test_the_probe_is_mostly_ordinary_comments_with_a_counter_check_of_abuse() -> None:
    counted = Counter(r["label"] for r in jsonl_rows(PROBE))
    assert counted["ok"] >= 150 and counted["abuse"] >= 60


def test_no_probe_text_is_one_the_model_learns_from() -> None:
    seeds = {r["content"].strip() for p in (ROOT / "scripts" / "data").glob("abuse_seed*.jsonl") for r in jsonl_rows(p)}
    assert not seeds & {r["content"].strip() for r in jsonl_rows(PROBE)}
