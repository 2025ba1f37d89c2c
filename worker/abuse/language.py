"""Which language a comment is in, and which of its words are innocent in that language.

The profanity lists mark words that are innocent in one language although another's list holds them
("retard" is a delay in French, "con" a trick in English). The abuse model shares its words between
English and French, so such a word, in a comment of the language where it is innocent, adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from worker.profanity.language import guess_language
from worker.profanity.lexicon import DEFAULT_LANGUAGES, Lexicon, Severity, load_lexicon

DEFAULT_LANGUAGE = "en"


@cache
def _lexicon() -> Lexicon:
    return load_lexicon(DEFAULT_LANGUAGES)


def told_language(words: Iterable[str], hint: str | None = None) -> str:
    """Return the language a comment of these folded words tells by its own words, else by its ``hint``, else "".

    Unlike :func:`language_of`, a comment with no telling words (a name, a slur alone) is given no language
    unless its hint says one: the abuse check's English model reads only a comment that reads as English.
    """
    # The words that are a stopword somewhere count as all of them would: a language counts its stopwords only.
    return guess_language(_stopwords().intersection(words), _lexicon().stopwords, hint, "")


@cache
def _stopwords() -> frozenset[str]:
    """Return the words that are a stopword in some language."""
    return frozenset().union(*_lexicon().stopwords.values())


def language_of(words: Iterable[str], hint: str | None = None) -> str:
    """Return the language of a comment of these folded words (``hint``: the comment's own ``language``)."""
    return told_language(words, hint) or DEFAULT_LANGUAGE


@cache
def innocent_anywhere() -> frozenset[str]:
    """Return the words innocent in at least one language."""
    return frozenset().union(*(innocent(language) for language in _lexicon().stopwords))


@cache
def slurs() -> frozenset[str]:
    """Return the folded single words that the profanity lists hold as slurs in some language."""
    return frozenset(word for word, severities in _lexicon().words.items() if Severity.SLUR in severities.values())


@cache
def innocent(language: str) -> frozenset[str]:
    """Return the folded words that the profanity lists mark innocent (``safe``) in ``language``."""
    return frozenset(word for word, severities in _lexicon().words.items() if severities.get(language) is Severity.SAFE)
