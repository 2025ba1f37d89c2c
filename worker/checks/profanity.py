"""Profanity: whole-word matches against better-profanity's English word list."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from worker.checks.base import Context
from worker.models import Action, CheckResult, Comment, Reason
from worker.policy import Section
from worker.text import fold

NAME = "profanity"
_WORD = re.compile(r"\w+", re.UNICODE)


@cache
def english_words() -> frozenset[str]:
    """Return better-profanity's word list, loaded once per process from the installed package."""
    text = files("better_profanity").joinpath("profanity_wordlist.txt").read_text(encoding="utf-8")
    return frozenset(fold(line.strip()) for line in text.splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class ProfanityCheck:
    """Finds listed words, with their spans, and asks for the policy's action."""

    action: Action = Action.FLAG
    words: frozenset[str] = frozenset()
    name: str = NAME

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return one reason per distinct word found, and the spans to censor."""
        text = comment.content
        spans = []
        found: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            word = fold(match.group())
            if word in self.words:
                spans.append((match.start(), match.end()))
                found.setdefault(word, [match.start(), match.end()])
        reasons = tuple(
            Reason(NAME, "profanity", f"Profanity: {word!r}.", self.action, {"word": word, "span": span, "language": "en"})
            for word, span in found.items()
        )
        return CheckResult(NAME, reasons, score=1.0 if reasons else 0.0, censor=tuple(spans))


def build(section: Section) -> ProfanityCheck:
    """Build the check from the policy's ``[profanity]`` section."""
    return ProfanityCheck(action=section.action("action", Action.FLAG), words=english_words())
