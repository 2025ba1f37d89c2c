"""Where a decision's evidence sits in a comment's text: spans for the queue page to highlight (pure, no I/O)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from worker.models import JSON, Reason
from worker.spam.urls import find_links
from worker.text import fold

_TERM_CODES = {"blocklist": "blocklist", "moderation_key": "moderation_key"}


@dataclass(frozen=True, slots=True, order=True)
class Highlight:
    """A half-open ``[start, end)`` range of the content, what kind of evidence it is, and the term found."""

    start: int
    end: int
    kind: str
    term: str

    def to_dict(self) -> dict[str, JSON]:
        """Return the highlight as a JSON-ready mapping."""
        return {"start": self.start, "end": self.end, "kind": self.kind, "term": self.term}


def _folded_with_positions(content: str) -> tuple[str, list[int]]:
    """Return the folded content and, per folded character, the index of the original character it came from."""
    parts: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(content):
        folded = fold(ch)
        parts.append(folded)
        origin.extend([i] * len(folded))
    return "".join(parts), origin


def find_term(content: str, term: str) -> list[tuple[int, int]]:
    """Return the spans of ``term`` in ``content`` as whole words, case and accents ignored."""
    words = fold(term).split()
    if not words:
        return []
    folded, origin = _folded_with_positions(content)
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, words)) + r"(?!\w)")
    return [(origin[m.start()], origin[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def _links(content: str) -> Iterable[Highlight]:
    start = 0
    for link in find_links(content):
        at = content.find(link.text, start)
        if at < 0:
            continue
        start = at + len(link.text)
        yield Highlight(at, start, "link", link.host)


def _abuse_terms(content: str, terms: JSON) -> Iterable[Highlight]:
    """The words and word pairs that weigh most in the abuse score, at the spans its evidence gives."""
    for term in terms if isinstance(terms, list) else []:
        span = term.get("span") if isinstance(term, dict) else None
        if isinstance(span, list) and len(span) == 2 and 0 <= int(span[0]) < int(span[1]) <= len(content):
            yield Highlight(int(span[0]), int(span[1]), "abuse", str(term.get("text", "")))


def highlights(content: str, reasons: Iterable[Reason]) -> list[Highlight]:
    """Return the evidence to highlight in ``content``: profane and abusive words, links, word-list terms.

    A profane word is marked wherever it occurs (its evidence gives the first span and the form written);
    links are marked when a reason counts them; terms of the word lists wherever they occur as whole words.
    """
    found: set[Highlight] = set()
    for reason in reasons:
        evidence = reason.evidence
        if evidence.get("field", "content") != "content":
            continue
        if reason.check == "profanity":
            word = str(evidence.get("word", ""))
            written = str(evidence.get("match") or word)
            span = evidence.get("span")
            if isinstance(span, list | tuple) and len(span) == 2:
                start, end = int(span[0]), int(span[1])
                if 0 <= start < end <= len(content):
                    found.add(Highlight(start, end, "profanity", word))
            for start, end in find_term(content, written):
                found.add(Highlight(start, end, "profanity", word))
        elif reason.check == "abuse":
            found.update(_abuse_terms(content, evidence.get("terms")))
        elif reason.code in _TERM_CODES and evidence.get("term"):
            term = str(evidence["term"])
            for start, end in find_term(content, term):
                found.add(Highlight(start, end, _TERM_CODES[reason.code], term))
        elif reason.code == "too_many_links" or (reason.check == "spam" and reason.code == "spam_score"):
            found.update(_links(content))
    return sorted(found)
