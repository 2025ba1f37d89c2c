"""Labelled comments: parsing JSON lines that carry ``label``, and the project's own seed corpus."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
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


def parse_row(data: object, line_number: int = 1) -> LabelledComment:
    """Turn one decoded JSON object (``content``, ``label`` and optional comment fields) into a row."""
    if not isinstance(data, dict):
        raise CorpusError(line_number, "expected a JSON object")
    try:
        label = Label(str(data.get("label", "")).strip().lower())
    except ValueError:
        raise CorpusError(line_number, "label must be 'spam' or 'ham'") from None
    url = _text(data, "author_url", line_number) or None
    comment = Comment(
        id=_text(data, "id", line_number, default=f"row-{line_number}"),
        post_id=_text(data, "post_id", line_number, default="evaluation"),
        author_name=_text(data, "author_name", line_number),
        author_email=_text(data, "author_email", line_number),
        content=_text(data, "content", line_number),
        author_url=url,
        language=_text(data, "language", line_number) or None,
    )
    return LabelledComment(comment, label)


def parse_lines(lines: Iterable[str]) -> list[LabelledComment]:
    """Parse JSON lines of labelled comments, skipping blank lines; order is kept (oldest first)."""
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(number, f"invalid JSON: {exc.msg}") from None
        rows.append(parse_row(data, number))
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
