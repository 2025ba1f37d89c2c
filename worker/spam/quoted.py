"""An ask quoted as what others write ("ceux qui disent « abonnez-vous à ma chaîne »"): a fan's complaint, no ask.

Fans under a video complain of the self-promoters by quoting them: "people who write 'sub to my channel' under
every song", "ceux qui mettent « abonnez-vous » partout". The words quoted are the promoters', not the writer's, so
the phrasing of self-promotion and engagement bait is read in the rest of the comment only. A quote counts only when
a verb of saying or a "like"/"genre" introduces it: a promoter's own ask in quotes ("my song 'Lumière' is out") is
still read.
"""

from __future__ import annotations

import re

_QUOTE = re.compile(
    r"(?:(?<=\s)'(?=\S)[^'\n]{2,80}(?<=\S)'(?![a-z])|\"[^\"\n]{2,80}\"|«[^»\n]{2,80}»|“[^”\n]{2,80}”|‘[^’\n]{2,80}’)"
)
_FRAME = re.compile(
    r"(?<!\w)(?:say|says|said|saying|write|writes|wrote|writing|comment|comments|commenting|post|posts|posting|"
    r"beg|begs|begging|spam|spams|spamming|asking|ask|like|dire|disent|dit|disant|ecrivent|ecrit|ecrire|mettent|"
    r"postent|repetent|reclament|demandent|genre|style|type|du genre|des)\s*:?\s*$"
)
_SPACED_APOSTROPHE = re.compile(r"'(?<=\s')")
"""A straight single quote after a space, as :data:`_QUOTE`'s opens (an apostrophe within a word is none): the quote
looked for first, so that the search jumps from one to the next rather than trying every space."""
_BEFORE = 30
"""Characters before a quote where the verb that introduces it is looked for."""


def may_quote(folded: str) -> bool:
    """Tell whether folded text may hold a quote (:data:`_QUOTE`): the apostrophe of "don't" opens none."""
    if any(mark in folded for mark in '"«“‘'):
        return True
    return "'" in folded and _SPACED_APOSTROPHE.search(folded) is not None  # a straight one opens after a space


def unquoted(folded: str) -> str:
    """Return folded text with the quotes that report what others write blanked out (the same text when none)."""
    if not may_quote(folded):
        return folded
    text = folded
    for quote in _QUOTE.finditer(folded):
        if _FRAME.search(folded, max(0, quote.start() - _BEFORE), quote.start()):
            text = text[: quote.start()] + " " * (quote.end() - quote.start()) + text[quote.end() :]
    return text
