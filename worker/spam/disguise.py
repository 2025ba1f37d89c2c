"""Words disguised so that a filter misses them and a reader does not: look-alike letters, spaced or leet letters.

Nobody types "ꜱᴜᴘᴘᴏʀᴛ", "ṦÚῥᏢộɼ𝘵", "h e l p d e s k" or "c01nb4s3" to be read more easily; a spammer
does, to get a word past filters that look for it. Styled letters and letters spaced out are also
how people stress a word ("𝓵𝓸𝓿𝓮 this", "S O  G O O D"), so a disguise counts only when the word it
hides is one of the spam trade's own (``disguised``: a brand that support scams name, a support or
contact word, a scam family's, a word of money, crypto, pharmacy, SEO, gambling or adult spam).
Latin letters mixed in one word with look-alikes of another script (``mixed_script``) have no such
honest use, so they count whatever the word, with less weight.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import chain

from worker.models import JSON
from worker.spam import commerce
from worker.spam.evidence import Signal
from worker.spam.phrases import phrases_of
from worker.spam.reading import disguised_words

_TRADE_TOPICS = ("money", "crypto", "pharmacy", "seo", "gambling", "adult")
_MIN_TRADE_LETTERS = 4
"""Shorter words ("btc", "seo", "sms") are spelled out or spaced for other reasons too."""


def _single_words(phrases: tuple[str, ...]) -> set[str]:
    return {p.replace("-", "") for p in phrases if re.fullmatch(r"[a-z-]+", p) and len(p) >= _MIN_TRADE_LETTERS}


TRADE_WORDS = frozenset(
    set().union(
        _single_words(commerce.SUPPORT_LINE_PHRASES),
        _single_words(commerce.SUPPORTED_BRANDS),
        _single_words(commerce.SUPPORT_WORDS),
        _single_words(commerce.COUNTERFEIT_BRANDS),
        _single_words(tuple(chain.from_iterable(commerce.FAMILIES.values()))),
        *(_single_words(phrases_of(topic)) for topic in _TRADE_TOPICS),
    )
)
"""The single words of the trade's phrase lists: a disguise that hides one of them is spam's."""


def detect(text: str, folded: str, weights: Mapping[str, float]) -> list[Signal]:
    """Return ``disguised`` for a trade word written so as to dodge filters, else ``mixed_script`` for mixed scripts."""
    words = [(d.word, d.how) for d in disguised_words(text)]
    words += [(read, how) for _, read, how in commerce.undone(folded)]  # spaced letters, digits for letters
    if not words:
        return []
    trade = [(word, how) for word, how in words if word in TRADE_WORDS]
    if trade:
        evidence: dict[str, JSON] = {"words": [w for w, _ in trade[:3]], "how": sorted({h for _, h in trade})}
        return [Signal("disguised", weights["disguised"], evidence)]
    mixed: list[JSON] = [word for word, how in words if how == "mixed scripts"][:3]
    return [Signal("mixed_script", weights["mixed_script"], {"words": mixed})] if mixed else []
