"""Spam: too many links, blocklisted words (reject) and moderation keys (hold), as WordPress does."""

from __future__ import annotations

import re
from dataclasses import dataclass

from worker.checks.base import Context
from worker.models import Action, CheckResult, Comment, Reason
from worker.policy import Section
from worker.text import fold

NAME = "spam"
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"']+|<a\s[^>]*href", re.IGNORECASE)


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile phrases into one whole-word pattern over folded text."""
    folded = sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not folded:
        return None
    body = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in folded)
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@dataclass(frozen=True, slots=True)
class SpamCheck:
    """Counts links and matches the blocklist and moderation keys on whole words."""

    links_hold_at: int = 2
    blocklist: re.Pattern[str] | None = None
    moderation_keys: re.Pattern[str] | None = None
    name: str = NAME

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return the reasons found and a score in [0, 1]."""
        reasons = []
        links = len(_LINK.findall(comment.content))
        if self.links_hold_at and links >= self.links_hold_at:
            reasons.append(
                Reason(NAME, "too_many_links", f"{links} links (held from {self.links_hold_at}).", Action.FLAG, {"links": links})
            )
        fields = {"content": comment.content, "author_name": comment.author_name, "author_url": comment.author_url or ""}
        for pattern, code, action in (
            (self.blocklist, "blocklist", Action.REJECT),
            (self.moderation_keys, "moderation_key", Action.FLAG),
        ):
            if pattern is None:
                continue
            for field_name, value in fields.items():
                match = pattern.search(fold(value))
                if match:
                    message = f"The {field_name.replace('_', ' ')} holds a {code.replace('_', ' ')} term."
                    reasons.append(Reason(NAME, code, message, action, {"field": field_name, "term": match.group()}))
                    break
        score = max((1.0 if r.action is Action.REJECT else 0.5 for r in reasons), default=0.0)
        return CheckResult(NAME, tuple(reasons), score=score)


def build(section: Section) -> SpamCheck:
    """Build the check from the policy's ``[spam]`` section."""
    return SpamCheck(
        links_hold_at=section.integer("links_hold_at", 2),
        blocklist=_phrase_pattern(section.strings("blocklist") + section.words_file("blocklist_file")),
        moderation_keys=_phrase_pattern(section.strings("moderation_keys") + section.words_file("moderation_keys_file")),
    )
