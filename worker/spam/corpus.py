"""Labelled comments: parsing JSON lines that carry ``label``, and the project's own seed corpus."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from importlib.resources import files

from worker.models import Comment
from worker.spam.classifier import Label, ModelState

SEED_FILE = "data/seed.jsonl"


@dataclass(frozen=True, slots=True)
class LabelledComment:
    """A comment and what it is, spam or ham."""

    comment: Comment
    label: Label
    dated: bool = False
    """Whether the row gave its time (``submitted_at``): then rows are ordered by it, else by their place."""


class CorpusError(ValueError):
    """Raised when a line of labelled JSON is not a labelled comment; names the line."""

    def __init__(self, line_number: int, problem: str) -> None:
        super().__init__(f"line {line_number}: {problem}")
        self.line_number = line_number


def _text(data: dict[str, object], name: str, line_number: int, *, default: str = "") -> str:
    value = data.get(name, default)
    if value is None:
        return default
    if not isinstance(value, str):
        raise CorpusError(line_number, f"{name} must be a string")
    return value


def _time(data: dict[str, object], line_number: int) -> float | None:
    value = data.get("submitted_at")
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip())
        except ValueError:
            pass
        else:
            return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()
    problem = "submitted_at must be seconds since 1970 or an ISO 8601 time such as 2015-05-28T21:39:52"
    raise CorpusError(line_number, problem)


def parse_row(data: object, line_number: int = 1) -> LabelledComment:
    """Turn one decoded JSON object (``content``, ``label`` and optional comment fields) into a row."""
    if not isinstance(data, dict):
        raise CorpusError(line_number, "expected a JSON object")
    try:
        label = Label(str(data.get("label", "")).strip().lower())
    except ValueError:
        raise CorpusError(line_number, "label must be 'spam' or 'ham'") from None
    url = _text(data, "author_url", line_number) or None
    when = _time(data, line_number)
    comment = Comment(
        id=_text(data, "id", line_number, default=f"row-{line_number}"),
        post_id=_text(data, "post_id", line_number, default="evaluation"),
        author_name=_text(data, "author_name", line_number),
        author_email=_text(data, "author_email", line_number),
        content=_text(data, "content", line_number),
        author_url=url,
        language=_text(data, "language", line_number) or None,
        permalink=_text(data, "permalink", line_number) or None,
        submitted_at=when or 0.0,
    )
    return LabelledComment(comment, label, dated=when is not None)


def parse_lines(lines: Iterable[str]) -> list[LabelledComment]:
    """Parse JSON lines of labelled comments, skipping blank lines; every row gives its time, or none does."""
    rows: list[LabelledComment] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(number, f"invalid JSON: {exc.msg}") from None
        row = parse_row(data, number)
        if rows and row.dated != rows[0].dated:
            raise CorpusError(number, "submitted_at must be given on every line or on none")
        rows.append(row)
    return rows


@cache
def seed_rows() -> tuple[LabelledComment, ...]:
    """Return the seed corpus shipped in the package: English and French comments the project wrote."""
    text = files("worker.spam").joinpath(SEED_FILE).read_text(encoding="utf-8")
    return tuple(parse_lines(text.splitlines()))


def learn_all(rows: Iterable[LabelledComment], base: ModelState | None = None) -> ModelState:
    """Return a copy of ``base`` (or an empty model) that learned every row."""
    model = base.copy() if base is not None else ModelState()
    for row in rows:
        c = row.comment
        model.learn(c.content, row.label, author_name=c.author_name, author_url=c.author_url)
    return model


@cache
def seed_model() -> ModelState:
    """Return the model trained on the seed corpus, built once per process; copy it before learning."""
    return learn_all(seed_rows())
