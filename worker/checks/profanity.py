"""Profanity: English and French swear words, insults and slurs, however they are spelt.

The matching lives in :mod:`worker.profanity`; this module reads the policy's ``[profanity]``
section, maps each severity to an action and turns hits into reasons, spans and a score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, CheckResult, Comment, Reason
from worker.policy import Section
from worker.profanity import Hit, Matcher, Severity, SiteWords
from worker.profanity.lexicon import DEFAULT_LANGUAGES, WordsFileError, load_lexicon, parse_exceptions, read_site_file

NAME = "profanity"

DEFAULT_ACTIONS: Mapping[Severity, Action] = {
    Severity.MILD: Action.CENSOR,
    Severity.STRONG: Action.FLAG,
    Severity.SLUR: Action.REJECT,
}
SCORES: Mapping[Severity, float] = {Severity.MILD: 0.4, Severity.STRONG: 0.7, Severity.SLUR: 1.0}
_CODES = {Severity.MILD: "mild_profanity", Severity.STRONG: "strong_profanity", Severity.SLUR: "slur"}
_LABELS = {Severity.MILD: "Mild profanity", Severity.STRONG: "Strong profanity", Severity.SLUR: "Slur"}
_LANGUAGE_NAMES = {"en": "English", "fr": "French"}


_NO_SITE_WORDS = SiteWords()


@cache
def matcher_for(languages: tuple[str, ...] = DEFAULT_LANGUAGES, site: SiteWords = _NO_SITE_WORDS) -> Matcher:
    """Return the matcher of a configuration, built once per process."""
    return Matcher(load_lexicon(languages, site))


@dataclass(frozen=True, slots=True)
class ProfanityCheck:
    """Finds listed words with their spans and asks for the action of their severity."""

    matcher: Matcher = field(default_factory=matcher_for)
    actions: Mapping[Severity, Action] = field(default_factory=lambda: dict(DEFAULT_ACTIONS))
    name: str = NAME

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return one reason per distinct word (content, then name), every span to censor, and a score in [0, 1]."""
        hits = self.matcher.scan(comment.content, comment.language)
        # In a name only strong words and slurs count: mild ones are also first names ("Dick") and nicknames.
        in_name = [
            hit
            for hit in (self.matcher.scan(comment.author_name, comment.language) if comment.author_name else [])
            if hit.severity.rank >= Severity.STRONG.rank
        ]
        if not hits and not in_name:
            return CheckResult(NAME, (), score=0.0)
        reasons = [*self._reasons(hits, "content"), *self._reasons(in_name, "author_name")]
        score = max(SCORES[hit.severity] for hit in (*hits, *in_name))
        return CheckResult(NAME, tuple(reasons), score=score, censor=tuple((hit.start, hit.end) for hit in hits))

    def _reasons(self, hits: list[Hit], where: str) -> list[Reason]:
        first: dict[tuple[str, str], Hit] = {}
        counts: dict[tuple[str, str], int] = {}
        for hit in hits:
            first.setdefault((hit.word, hit.language), hit)
            counts[hit.word, hit.language] = counts.get((hit.word, hit.language), 0) + 1
        return [self._reason(hit, counts[key], where) for key, hit in first.items()]

    def _reason(self, hit: Hit, count: int, where: str) -> Reason:
        language = _LANGUAGE_NAMES.get(hit.language, hit.language)
        times = f", {count} times" if count > 1 else ""
        place = " in the name" if where == "author_name" else ""
        message = f"{_LABELS[hit.severity]}{place} ({language}): “{hit.word}”{times}."
        evidence = {
            "field": where,
            "word": hit.word,
            "match": hit.match,
            "span": [hit.start, hit.end],
            "language": hit.language,
            "severity": hit.severity.value,
            "count": count,
        }
        action = self.actions[hit.severity]
        if where == "author_name" and action is Action.CENSOR:
            action = Action.FLAG  # the public view masks the content only: a moderator decides about a name
        return Reason(NAME, _CODES[hit.severity], message, action, evidence)


def _paths(section: Section, key: str) -> tuple[Path, ...]:
    """Return the files a list key names, relative ones taken from the policy file's folder."""
    paths = []
    for value in section.strings(key):
        path = Path(value)
        if not path.is_absolute() and section.base_dir is not None:
            path = section.base_dir / path
        paths.append(path)
    return tuple(paths)


def site_words(section: Section, default_language: str) -> SiteWords:
    """Read the site's words files and exceptions named by the section."""
    try:
        files = tuple(read_site_file(path, default_language) for path in _paths(section, "extra_words_files"))
    except WordsFileError as exc:
        raise ConfigError(
            f"{section.name}.extra_words_files", str(exc), "unreadable words file", section.source
        ) from None
    exceptions = list(section.strings("exceptions"))
    for path in _paths(section, "exceptions_files"):
        try:
            exceptions.extend(parse_exceptions(path.read_text(encoding="utf-8")))
        except OSError as exc:
            raise ConfigError(
                f"{section.name}.exceptions_files", str(path), f"cannot read: {exc.strerror}", section.source
            ) from None
    return SiteWords(files, tuple(exceptions))


def build(section: Section) -> ProfanityCheck:
    """Build the check from the policy's ``[profanity]`` section."""
    languages = tuple(lang.lower() for lang in section.strings("languages", DEFAULT_LANGUAGES))
    if not languages:
        raise ConfigError(f"{section.name}.languages", [], "expected at least one language", section.source)
    actions = {
        severity: section.action(f"action_{severity.value}", action) for severity, action in DEFAULT_ACTIONS.items()
    }
    return ProfanityCheck(matcher_for(languages, site_words(section, languages[0])), actions)
