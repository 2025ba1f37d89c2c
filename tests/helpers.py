"""Test data written by the project, and small helpers, shared by the tests."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

from worker.abuse import facts as fact
from worker.abuse.model import AbuseModel
from worker.checks.abuse import AbuseCheck
from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment, Reason


def sample_comments(count: int, tag: str = "c") -> list[dict[str, object]]:
    """Comments written for the tests: mostly fine, some without a name, with a bad email or two links."""
    comments: list[dict[str, object]] = []
    for i in range(count):
        comment: dict[str, object] = {
            "id": f"{tag}-{i}",
            "post_id": f"post-{i % 7}",
            "author_name": f"Lectrice {i}",
            "author_email": f"reader{i}@example.org",
            "content": f"Merci pour cet article, numéro {i} ! Très clair.",
        }
        if i % 10 == 3:
            comment["author_name"] = "   "
        elif i % 10 == 5:
            comment["author_email"] = f"reader{i}-at-example.org"
        elif i % 10 == 7:
            comment["content"] = f"Voir https://a.example/{i} et https://b.example/{i}"
        comments.append(comment)
    return comments


def expected_status(comment: dict[str, object]) -> str:
    """The status that the shipped policy gives a comment of :func:`sample_comments`."""
    if not str(comment["author_name"]).strip() or "@" not in str(comment["author_email"]):
        return "rejected"
    return "flagged" if "https://" in str(comment["content"]) else "approved"


def run_check(tmp_path: Path, comments: list[dict[str, str]], *flags: str) -> list[dict[str, Any]]:
    """Run ``moderation check`` on ``comments`` (written as JSON lines) with ``flags``; return its JSON rows."""
    from worker.cli import main  # here, not at the top: benchmarks import this module for its data alone

    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(c) + "\n" for c in comments), encoding="utf-8")
    out = io.StringIO()
    assert main(["check", str(source), *flags], out=out) == 0
    return [json.loads(line) for line in out.getvalue().splitlines()]


def spam_action(content: str, author_name: str = "Claire") -> Action:
    """Return what the spam check as shipped does with a comment of ``content``: its gravest reason's action."""
    result = SpamCheck().check(Comment(id="c", post_id="p", author_name=author_name, content=content), Context(now=0.0))
    return max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)


NO_WORDS = Context(0.0, {fact.MODEL: AbuseModel(0.0, {}, {}, {})})
"""A shared abuse model that weighs no word (score 0.5 alone): what moves a comment is a frame or a threat."""


LEANS_CLEAN = Context(0.0, {fact.MODEL: AbuseModel(-4.0, {}, {}, {})})
"""A shared abuse model that weighs no word and leans clean (0.02 alone): only a threat's or a frame's floor holds."""


def abuse_with_no_words(text: str, checker: AbuseCheck) -> tuple[float | None, list[Reason]]:
    """Return the score and the reasons of ``checker`` for ``text`` with the abuse model that weighs no word."""
    result = checker.check(Comment(id="c1", post_id="p1", content=text), NO_WORDS)
    return result.score, list(result.reasons)


def jsonl_rows(path: Path) -> list[dict[str, Any]]:
    """Return every line of a JSON-lines data file, decoded."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def assert_rows_have_fields(rows: list[dict[str, Any]], fields: set[str], at_least: int) -> None:
    """Assert at least ``at_least`` rows, each a JSON object with exactly ``fields`` (a failure names its line)."""
    assert len(rows) >= at_least
    for number, row in enumerate(rows, start=1):
        assert isinstance(row, dict) and set(row) == fields, number


def assert_non_blank_and_unique(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> None:
    """Assert each row's ``fields`` are non-blank strings and no two rows hold the same content (case-folded)."""
    for row in rows:
        for field in fields:
            assert isinstance(row[field], str) and row[field].strip(), (field, row["content"])
    contents = [row["content"].strip().casefold() for row in rows]
    assert len(set(contents)) == len(contents)
