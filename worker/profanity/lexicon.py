"""The word lists: better-profanity's English list, the project's curated files and a site's own.

Every list is folded the way comments are (see :mod:`worker.profanity.normalise`) so that matching
is a dictionary lookup. Built once per process and per site configuration (``functools.cache``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from pathlib import Path

from worker.profanity import source
from worker.profanity.normalise import IGNORABLE, fold_text

DATA_DIR = Path(__file__).with_name("data")
DEFAULT_LANGUAGES = ("en", "fr")
MASKS = "*#"
"""Characters that hide a letter (``f*ck``, ``p#te``)."""

# Leetspeak better-profanity's map lacks; its own map is read from the installed package.
_EXTRA_LEET = {"!": "i", "|": "il", "+": "t", "8": "b", "9": "g", "6": "gb", "€": "e", "£": "l", "¡": "i"}
_SEPARATORS = re.compile(r"[-._\x7f]")
_PHRASE_WORD = re.compile(r"[^\W_]+")


class Severity(StrEnum):
    """How bad a word is; ``safe`` marks a word that is innocent in one language."""

    SAFE = "safe"
    MILD = "mild"
    STRONG = "strong"
    SLUR = "slur"

    @property
    def rank(self) -> int:
        """Order of badness, ``safe`` lowest."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.SAFE: 0, Severity.MILD: 1, Severity.STRONG: 2, Severity.SLUR: 3}


class WordsFileError(ValueError):
    """A words file has a line this module cannot read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class WordsFile:
    """A parsed words file: ``(text, language, severity)`` entries and stopwords per language."""

    entries: tuple[tuple[str, str, Severity], ...] = ()
    stopwords: tuple[tuple[str, frozenset[str]], ...] = ()


@dataclass(frozen=True, slots=True)
class SiteWords:
    """What a site adds through its policy: words files and exceptions (all hashable, for caching)."""

    files: tuple[WordsFile, ...] = ()
    exceptions: tuple[str, ...] = ()


def parse_words(text: str, *, language: str, origin: str) -> WordsFile:
    """Parse ``word-or-phrase [severity]`` lines and ``language:`` / ``stopwords:`` directives."""
    entries: list[tuple[str, str, Severity]] = []
    stopwords: dict[str, set[str]] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        head, colon, rest = line.partition(":")
        if colon and head.strip() in ("language", "stopwords"):
            if head.strip() == "language":
                language = rest.strip().lower()
                if not language.isalpha():
                    raise WordsFileError(f"{origin}, line {number}: language must be a code such as 'es'")
            else:
                stopwords.setdefault(language, set()).update(fold_text(rest).split())
            continue
        words = line.split()
        severity = Severity.STRONG
        if len(words) > 1 and words[-1].lower() in Severity.__members__.values():
            severity = Severity(words.pop().lower())
        elif len(words) > 1 and words[-1].lower() in ("low", "high", "medium"):
            raise WordsFileError(f"{origin}, line {number}: severity must be safe, mild, strong or slur")
        entries.append((" ".join(words), language, severity))
    return WordsFile(tuple(entries), tuple((lang, frozenset(words)) for lang, words in stopwords.items()))


def read_site_file(path: Path, language: str) -> WordsFile:
    """Read a site's words file; lines before any ``language:`` directive are in ``language``."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WordsFileError(f"{path}: cannot read: {exc.strerror}") from None
    return parse_words(text, language=language, origin=str(path))


def parse_exceptions(text: str) -> tuple[str, ...]:
    """Return the non-blank, non-comment lines of an exceptions file."""
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def leet_map(char_map: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Invert a letter -> look-alikes map into look-alike -> letters, masks and letters left out."""
    leet: dict[str, str] = {}
    for letter, looks in char_map.items():
        for look in looks:
            if look != letter and not look.isalpha() and look not in MASKS:
                leet[look] = leet.get(look, "") + letter
    for look, letters in _EXTRA_LEET.items():
        leet.setdefault(look, letters)
    return leet


def letter_swaps(char_map: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Return the letters better-profanity lets stand for another letter (``v`` for ``u``)."""
    swaps: dict[str, str] = {}
    for letter, looks in char_map.items():
        for look in looks:
            if look != letter and look.isalpha():
                swaps[look] = swaps.get(look, "") + letter
    return swaps


def word_key(text: str, leet: Mapping[str, str]) -> str:
    """Fold one list entry to the form a comment's token is looked up with."""
    folded = _SEPARATORS.sub("", fold_text(text)).strip(MASKS)
    if folded.isalpha():
        return folded
    return "".join(leet.get(c, c)[0] if not c.isdigit() or len(folded) > 1 else c for c in folded)


def phrase_key(text: str) -> str:
    """Fold a multi-word entry to its words joined by single spaces."""
    return " ".join(_PHRASE_WORD.findall(fold_text(text).replace(IGNORABLE, "")))


@dataclass(frozen=True, slots=True)
class Glue:
    """Known shapes of glued profanity: ``before* root after*`` (see ``data/glue.txt``)."""

    roots: frozenset[str] = frozenset()
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()


def parse_glue(text: str) -> Glue:
    """Parse the ``[roots]``, ``[before]`` and ``[after]`` sections of a glue file."""
    sections: dict[str, set[str]] = {"roots": set(), "before": set(), "after": set()}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
        elif line and current is not None:
            current.update(fold_text(line).split())
    return Glue(frozenset(sections["roots"]), frozenset(sections["before"]), frozenset(sections["after"]))


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Folded words and phrases with their severity per language, exceptions and evasion tables."""

    words: Mapping[str, Mapping[str, Severity]]
    phrases: Mapping[str, Mapping[str, Severity]]
    exceptions: frozenset[str]
    exception_phrases: tuple[str, ...]
    stopwords: Mapping[str, frozenset[str]]
    languages: tuple[str, ...]
    leet: Mapping[str, str]
    swaps: Mapping[str, str]
    glue: Glue
    priority: Mapping[str, int] = field(default_factory=dict)
    """Rank of each word when a mask leaves several candidates (common words first)."""

    def severity(self, key: str, language: str) -> Severity | None:
        """Return the severity of word or phrase ``key`` in ``language`` (None when unlisted)."""
        table = self.words.get(key) or self.phrases.get(key)
        return table.get(language) if table else None


def _data(name: str) -> str:
    return (DATA_DIR / name).read_text(encoding="utf-8")


@cache
def _builtin_files() -> tuple[WordsFile, ...]:
    """Return better-profanity's list then the project's files, in the order they override."""
    better = WordsFile(tuple((w, "en", Severity.STRONG) for w in source.wordlist()))
    return (
        better,
        parse_words(_data("en_severity.txt"), language="en", origin="en_severity.txt"),
        parse_words(_data("en_extra.txt"), language="en", origin="en_extra.txt"),
        parse_words(_data("fr.txt"), language="fr", origin="fr.txt"),
    )


_NO_SITE_WORDS = SiteWords()


@cache
def load_lexicon(languages: tuple[str, ...] = DEFAULT_LANGUAGES, site: SiteWords = _NO_SITE_WORDS) -> Lexicon:
    """Build the lexicon for ``languages`` from the built-in lists plus a site's additions."""
    char_map = source.char_map()
    leet = leet_map(char_map)
    glue = parse_glue(_data("glue.txt"))
    files = _builtin_files() + site.files
    enabled = list(languages)
    for words_file in site.files:
        enabled.extend(lang for _, lang, _ in words_file.entries if lang not in enabled)
    all_exceptions = parse_exceptions(_data("exceptions.txt")) + site.exceptions
    exception_words = frozenset(word_key(e, leet) for e in all_exceptions if len(e.split()) == 1)
    exception_phrases = tuple(sorted({phrase_key(e) for e in all_exceptions if len(e.split()) > 1}))

    words: dict[str, dict[str, Severity]] = {}
    phrases: dict[str, dict[str, Severity]] = {}
    stopwords: dict[str, set[str]] = {}
    order: list[str] = sorted(glue.roots)
    for words_file in files:
        for lang, stop in words_file.stopwords:
            stopwords.setdefault(lang, set()).update(stop)
        for text, lang, severity in words_file.entries:
            if lang not in enabled:
                continue
            word = text
            if len(text.split()) > 1:
                phrase = phrase_key(text)
                phrases.setdefault(phrase, {})[lang] = severity
                word = phrase.replace(" ", "")
            key = word_key(word, leet)
            if not key or key in exception_words:
                continue
            words.setdefault(key, {})[lang] = severity
            order.append(key)
    priority: dict[str, int] = {}
    for rank, key in enumerate(order):
        priority.setdefault(key, rank)
    return Lexicon(
        words={k: v for k, v in words.items() if any(s is not Severity.SAFE for s in v.values())},
        phrases={k: v for k, v in phrases.items() if k not in exception_phrases},
        exceptions=exception_words,
        exception_phrases=exception_phrases,
        stopwords={lang: frozenset(stop) for lang, stop in stopwords.items() if lang in enabled},
        languages=tuple(enabled),
        leet=leet,
        swaps=letter_swaps(char_map),
        glue=glue,
        priority=priority,
    )


def builtin_lexicon() -> Lexicon:
    """Return the lexicon with the built-in lists only, English and French."""
    return load_lexicon()
