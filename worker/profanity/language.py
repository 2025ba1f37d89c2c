"""A cheap language guess: count the distinct stopwords of each language among a comment's tokens."""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

CONFIDENT_AT = 3
"""Stopwords the leading language needs (and twice the runner-up's) to overrule a given language."""


def primary(tag: str | None) -> str | None:
    """Return the primary subtag of a language tag: ``fr-CA`` -> ``fr``."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-", 1)[0].strip().lower() or None


def guess_language(
    tokens: AbstractSet[str], stopwords: Mapping[str, frozenset[str]], hint: str | None, default: str
) -> str:
    """Return the comment's language: a confident guess, else the hint, else any guess, else ``default``.

    ``hint`` is the comment's own ``language`` field; sites often set it per site rather than per
    comment, so a comment that is clearly in another language overrules it.
    """
    counts = sorted(((len(tokens & words), lang) for lang, words in stopwords.items()), reverse=True)
    best_count, best = counts[0] if counts else (0, default)
    runner_up = counts[1][0] if len(counts) > 1 else 0
    hint = primary(hint)
    if hint is not None and hint in stopwords:
        confident = best_count >= CONFIDENT_AT and best_count >= 2 * runner_up
        return best if confident else hint
    if best_count > runner_up:
        return best
    return hint or default
