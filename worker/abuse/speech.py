"""Who says the words of a comment: words between quotation marks, and words reported after a verb of speech.

Shared by the context step (:mod:`worker.abuse.context`: an insult quoted or reported in order to condemn it)
and the threat finder (:mod:`worker.abuse.threats`: a threat quoted or reported is not made by the speaker).
Both read the comment folded (:func:`worker.profanity.normalise.fold_text`), which keeps every offset.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

REPORT_WINDOW = 8
"""Words before a word within which a verb or noun of speech makes it reported."""
QUOTES = frozenset("«“\"'‘")
"""Characters that open a quotation; a comment without any has nothing quoted."""
_QUOTED = re.compile(
    r"«[^»]{1,300}»|“[^”]{1,300}”|\"(?=[^\s?!.,;:])[^\"]{1,300}(?<=[^\s])\"|'(?<![a-z0-9]')[^'\n]{1,300}'(?![a-z0-9])|‘[^’]{1,300}’"
)
"""A quotation. Each alternative starts with its opening mark ("'" tests the character before it after it), so the
engine jumps from one mark to the next instead of trying the five at every place."""


def word_set(*groups: str) -> frozenset[str]:
    """Return the words of the space-separated ``groups``."""
    return frozenset(w for g in groups for w in g.split())


REPORTING = word_set(
    # English: verbs and nouns of speech, and of being called something
    "call called calling calls labelled labeled branded dubbed nicknamed told tell said says saying wrote",
    "writes written shouted shout yelled yelling screamed tweeted posted chanted chanting word words term",
    "terms slur slurs names insult insults insulted abuse",
    # French (folded: no accents)
    "traite traiter traitee traites traitees traitait traitent traitant qualifie qualifiee qualifies qualifier",
    "appele appelee appeler appelait appelle surnomme crie criait criaient hurle ecrit ecrire ecrivait dit",
    "dire disait disent lance lancait lu lit lire mot mots terme termes insulte insultes injure injures",
    "propos tweete",
)
FIRST_PERSON = word_set("i ill we je j nous")
"""The speaker as the one who speaks ("I will call them…", "je l'ai traité de…"): a use, not a report."""


def quoted(folded: str) -> list[tuple[int, int]]:
    """Return the spans of the quotations of a folded text (« … », “ … ”, "…", '…'), quotation marks included."""
    if not any(map(folded.__contains__, QUOTES)):  # a search per mark, not a set look-up per character
        return []
    return [m.span() for m in _QUOTED.finditer(folded)]


def blanked(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """Return ``text`` with the spans blanked (same length): what is quoted, or a reported word, which does not
    condemn itself ("calling someone a racist")."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def reported(before: Sequence[str], verbs: frozenset[str] = REPORTING) -> bool:
    """Tell whether the nearest verb or noun of speech (of ``verbs``) in the words ``before`` a word is said by
    someone else than the speaker.

    The nearest one governs the word: in "nobody said a word when I called him…" it is "called", said by "I".
    """
    window = before[-REPORT_WINDOW:]
    for i in range(len(window) - 1, -1, -1):
        if window[i] in verbs:
            return not FIRST_PERSON.intersection(window[max(0, i - 4) : i])
    return False
