"""Find listed words in a comment: fold once, split into tokens, look each distinct token up once.

The common case, a clean comment, costs one ``str.translate``, one ``findall`` and two set
operations, all in C: tokens already known to be clean are skipped with a set difference, and
only tokens never seen before go through the slow evasion forms of :mod:`worker.profanity.forms`.
Offsets in the folded text are offsets in the original (see :mod:`worker.profanity.normalise`).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass

from worker.profanity import forms
from worker.profanity.language import guess_language
from worker.profanity.lexicon import Lexicon, Severity
from worker.profanity.normalise import IGNORABLE, fold_text

_WORD_CHARS = r"\w@$*#!|+€£¡\x7f"
TOKEN = re.compile(rf"[{_WORD_CHARS}]+(?:[-.][{_WORD_CHARS}]+)*")
"""A written word, with look-alike symbols and masks, and its hyphen- or dot-joined parts."""
# Single letters in a row with 1-3 separators between them: "f u c k", "f . u . c . k".
SPACED = re.compile(r"(?<![a-z0-9@$\x7f])[a-z0-9@$](?:[\s.\-_*/|~+,:]{1,3}[a-z0-9@$](?![a-z0-9@$\x7f])){2,}")
_SPACED_LETTER = re.compile(r"[a-z0-9@$]")
_PARTS = re.compile(r"[^-._]+")
_ALNUM_RUN = re.compile(r"[^\W_]+")
_EDGE = "!|+*#-._"
MAX_SPACED_LETTERS = 30
DEFAULT_CACHE_SIZE = 200_000
"""Distinct tokens remembered per process (clean and not): bounded, so memory is too."""

_TRAILING_PUNCTUATION = ("", ".", ",", "!", "?", "!!", "...", ";", ":", ")", '"', "'")

# Spelt-out words show as single characters between spaces ("f u c k", "f . u . c . k") or as a
# letter and a separator each ("f. u. c. k"): both gates below are C-level, so the slower SPACED
# pattern only runs on the few comments that pass one of them.
_ONE_BY_ONE = b"\x01\x01\x01"
_LETTER_AND_SEPARATOR = frozenset(c + s for c in "abcdefghijklmnopqrstuvwxyz0123456789@$" for s in ".-_*/|~+,:")


def _may_be_spaced(words: list[str], chunks: set[str]) -> bool:
    """True when three single characters in a row, or two letter-and-separator words, appear."""
    try:
        if _ONE_BY_ONE in bytes(map(len, words)):
            return True
    except ValueError:  # a chunk of 256 characters or more: let the pattern decide
        return True
    return len(chunks & _LETTER_AND_SEPARATOR) >= 2


Part = tuple[int, int, str]
"""``(start, end, key)``: a listed word found inside a token, offsets relative to the token."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One listed word in a comment: where (in the original text), which word, how bad."""

    start: int
    end: int
    word: str
    match: str
    language: str
    severity: Severity


_AROUND_NUMBER = "()[]{}<>\"',;:?.-"
"""Characters that a chunk's token pattern (:data:`TOKEN`) never reads at its edges: punctuation around a number."""


def _number_only(chunk: str, listed: Container[str]) -> bool:
    """True when ``chunk`` is ASCII digits, maybe in brackets or punctuation, that no list holds: it finds nothing."""
    digits = chunk.strip(_AROUND_NUMBER)
    return digits.isdigit() and digits.isascii() and digits not in listed


def _occurrences(folded: str, chunk: str) -> list[int]:
    """Return where ``chunk`` stands as a whole whitespace-separated chunk of ``folded``."""
    found = []
    at = folded.find(chunk)
    while at != -1:
        end = at + len(chunk)
        if (at == 0 or folded[at - 1].isspace()) and (end == len(folded) or folded[end].isspace()):
            found.append(at)
        at = folded.find(chunk, at + 1)
    return found


def _anchors(phrases: tuple[str, ...]) -> frozenset[str]:
    """Return the longest word of each phrase, bare and with trailing punctuation: one must be present."""
    longest = {max(p.split(), key=len) for p in phrases}
    return frozenset(word + mark for word in longest for mark in _TRAILING_PUNCTUATION)


def _phrase_pattern(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    """Compile phrases into one pattern over folded text, words separated by anything but letters."""
    if not phrases:
        return None
    body = "|".join(r"[\W_]+".join(map(re.escape, p.split())) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


class Matcher:
    """Finds a lexicon's words in comments; build once per lexicon, then call :meth:`scan`."""

    def __init__(self, lexicon: Lexicon, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self.lexicon = lexicon
        self._stretch_index = forms.build_stretch_index(lexicon)
        self._mask_index = forms.build_mask_index(lexicon)
        self._phrases = _phrase_pattern(tuple(lexicon.phrases))
        self._phrase_anchors = _anchors(tuple(lexicon.phrases))
        self._exception_phrases = _phrase_pattern(lexicon.exception_phrases)
        self._exception_anchors = _anchors(lexicon.exception_phrases)
        self._default = lexicon.languages[0] if lexicon.languages else "en"
        self._cache_size = cache_size
        self._clean: set[str] = set()
        self._dirty: dict[str, tuple[Part, ...]] = {}
        self._tokens: dict[str, tuple[Part, ...]] = {}

    def scan(self, text: str, language: str | None = None) -> list[Hit]:
        """Return the listed words of ``text`` in order; ``language`` is the comment's, if known."""
        folded = fold_text(text)
        words = folded.split()
        chunks = set(words)
        dirty = {chunk: parts for chunk in chunks - self._clean if (parts := self._parts(chunk))}
        spaced = _may_be_spaced(words, chunks)
        phrased = self._phrases is not None and not self._phrase_anchors.isdisjoint(chunks)
        if not (dirty or spaced or phrased):
            return []
        found: list[tuple[int, int, str]] = []
        for chunk, parts in dirty.items():
            for at in _occurrences(folded, chunk):
                found.extend((at + start, at + end, key) for start, end, key in parts)
        if spaced:
            found.extend(self._spaced(folded))
        if phrased and self._phrases is not None:
            found.extend((m.start(), m.end(), _phrase_key(m.group())) for m in self._phrases.finditer(folded))
        if not found:
            return []
        if self._exception_phrases is not None and not self._exception_anchors.isdisjoint(chunks):
            found = self._drop_excepted(folded, found)
        lang = guess_language(chunks, self.lexicon.stopwords, language, self._default)
        return self._resolve(text, found, lang)

    def language_of(self, text: str, language: str | None = None) -> str:
        """Return the language :meth:`scan` would read ``text`` in."""
        return guess_language(set(fold_text(text).split()), self.lexicon.stopwords, language, self._default)

    def _parts(self, chunk: str) -> tuple[Part, ...]:
        """Return the listed words inside a whitespace-separated ``chunk``, cached; clean chunks join the clean set."""
        parts = self._dirty.get(chunk)
        if parts is not None:
            return parts
        if _number_only(chunk, self.lexicon.words):  # "(42)", "2024,": each new, never listed, not worth remembering
            return ()
        parts = tuple(
            (m.start() + start, m.start() + end, key)
            for m in TOKEN.finditer(chunk)
            for start, end, key in self._token_parts(m.group())
        )
        if len(self._clean) + len(self._dirty) < self._cache_size:
            if parts:
                self._dirty[chunk] = parts
            else:
                self._clean.add(chunk)
        return parts

    def _token_parts(self, token: str) -> tuple[Part, ...]:
        """Return :meth:`_classify_token` of ``token``, cached: a new chunk is often known tokens in a new order or
        with new punctuation (a link's "https" and host, "word," beside "word")."""
        parts = self._tokens.get(token)
        if parts is None:
            if _number_only(token, self.lexicon.words):
                return ()
            parts = self._classify_token(token)
            if len(self._tokens) < self._cache_size:
                self._tokens[token] = parts
        return parts

    def _classify_token(self, token: str) -> tuple[Part, ...]:
        if IGNORABLE not in token:
            return self._classify_visible(token)
        kept = [i for i, c in enumerate(token) if c != IGNORABLE]
        visible = "".join(token[i] for i in kept)
        return tuple((kept[s], kept[e - 1] + 1, key) for s, e, key in self._classify_visible(visible))

    def _classify_visible(self, token: str) -> tuple[Part, ...]:
        start, end = 0, len(token)
        while start < end and token[start] in _EDGE:
            start += 1
        while end > start and token[end - 1] in _EDGE:
            end -= 1
        core = token[start:end]
        if not core:
            return ()
        pieces = [(m.start(), m.group()) for m in _PARTS.finditer(core)]
        if len(pieces) > 1:
            joined = "".join(piece for _, piece in pieces)
            if joined in self.lexicon.exceptions:  # cul-de-sac
                return ()
            key = self.key_of(joined)
            if key is not None:
                return ((start, end, key),)
            return tuple(
                (start + offset + s, start + offset + e, key)
                for offset, piece in pieces
                for s, e, key in self._classify_piece(piece)
            )
        return tuple((start + s, start + e, key) for s, e, key in self._classify_piece(core))

    def _classify_piece(self, piece: str) -> tuple[Part, ...]:
        key = self.key_of(piece)
        if key is not None:
            return ((0, len(piece), key),)
        if piece.isalnum():
            return ()
        # "fuck!you", "@bitch": symbols that are punctuation after all; split on them
        runs = [m for m in _ALNUM_RUN.finditer(piece) if len(m.group()) > 1]
        if len(runs) == 1 and runs[0].group() == piece:
            return ()
        return tuple((m.start(), m.end(), key) for m in runs if (key := self.key_of(m.group())) is not None)

    def key_of(self, word: str) -> str | None:
        """Return the lexicon word that ``word`` (one folded token, no separators) stands for."""
        lexicon = self.lexicon
        if word in lexicon.exceptions:
            return None
        if word in lexicon.words:
            return word
        if len(word) < forms.MIN_EVADED_LENGTH or forms.is_number(word):
            return None
        if word.isalpha():
            return self._evaded_letters(word)
        key = forms.masked(word, lexicon, self._mask_index)
        for variant in () if key else forms.leet_variants(word, lexicon):
            if variant in lexicon.exceptions:
                break
            if variant.isalpha():
                key = variant if variant in lexicon.words else self._evaded_letters(variant)
                if key:
                    break
        return key

    def _evaded_letters(self, word: str) -> str | None:
        lexicon = self.lexicon
        key = forms.stretched(word, lexicon, self._stretch_index) or forms.glued(word, lexicon)
        key = key or forms.swapped(word, lexicon)
        return None if key is None or key in lexicon.exceptions else key

    def _spaced(self, folded: str) -> list[tuple[int, int, str]]:
        """Return listed words spelt out letter by letter: f u c k, c - o - n - n - a - r - d."""
        found = []
        for run in SPACED.finditer(folded):
            letters = [(m.start() + run.start(), m.group()) for m in _SPACED_LETTER.finditer(run.group())]
            letters = letters[:MAX_SPACED_LETTERS]
            i = 0
            while i < len(letters):
                # longest spelt word starting at letter i, e.g. "i f u c k" -> "fuck"
                for j in range(len(letters), i + 2, -1):
                    key = self.key_of("".join(c for _, c in letters[i:j]))
                    if key is not None:
                        found.append((letters[i][0], letters[j - 1][0] + 1, key))
                        i = j - 1
                        break
                i += 1
        return found

    def _drop_excepted(self, folded: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        assert self._exception_phrases is not None
        spans = [(m.start(), m.end()) for m in self._exception_phrases.finditer(folded)]
        return [f for f in found if not any(s <= f[0] and f[1] <= e for s, e in spans)]

    def _resolve(self, text: str, found: list[tuple[int, int, str]], language: str) -> list[Hit]:
        """Give each find its language and severity; drop innocent readings and overlaps."""
        hits: list[Hit] = []
        found.sort(key=lambda f: (f[0], f[0] - f[1]))
        last_end = -1
        for start, end, key in found:
            if start < last_end:
                continue
            reading = self._reading(key, language)
            if reading is None:
                continue
            lang, severity = reading
            hits.append(Hit(start, end, key, text[start:end], lang, severity))
            last_end = end
        return hits

    def _reading(self, key: str, language: str) -> tuple[str, Severity] | None:
        """Return (language, severity) of ``key`` for a comment in ``language``; None when innocent."""
        table = self.lexicon.words.get(key) or self.lexicon.phrases.get(key)
        if not table:
            return None
        severity = table.get(language)
        if severity is not None:
            return None if severity is Severity.SAFE else (language, severity)
        for lang in self.lexicon.languages:
            severity = table.get(lang)
            if severity is not None and severity is not Severity.SAFE:
                return lang, severity
        return None


def _phrase_key(matched: str) -> str:
    return " ".join(_ALNUM_RUN.findall(matched))
