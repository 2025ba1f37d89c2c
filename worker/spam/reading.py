"""A comment as its reader sees it: HTML tags out, entities decoded, and letters dressed up as other letters.

Comments may arrive as HTML (WordPress lets readers write a few tags; other platforms send their
rendered HTML). A reader sees neither the tags nor the entities, so the signals that read words and
numbers read :func:`shown` text: ``<p>Call 1-844…</p>`` is "Call 1-844…", and a word split by an
empty tag (``sup<b></b>port``) is one word again. Link signals still read the markup, where the
targets are.

Spammers also write a word with letters of other scripts that look Latin (Cyrillic "о", Greek "ρ",
Cherokee "Ꮲ") or with styled letters (mathematical bold, fullwidth, small capitals), so that a
filter looking for the word does not see it while a reader does. :func:`disguised_words` finds such
words and reads them as a reader would.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache

from worker.text import fold, is_latin1

# Tags of HTML as comments carry it; any other "<word ...>" is text ("x<y and z>w" stays).
_TAGS = (
    "a|abbr|acronym|b|big|blockquote|br|center|cite|code|dd|del|div|dl|dt|em|font|h[1-6]|hr|i|img|ins|kbd|li|mark"
    "|ol|p|pre|q|s|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul"
)
_TAG = re.compile(rf"<(/?)({_TAGS})(?:\s[^<>]*)?/?>|<!--.{{0,500}}?-->", re.IGNORECASE | re.DOTALL)
_BLOCKS = frozenset({"blockquote", "br", "dd", "div", "dl", "dt", "hr", "li", "ol", "p", "pre", "table", "td", "th",
                     "tr", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "img"})  # fmt: skip
"""Tags that end a line or stand for something (an image) as a reader sees it; others join what they split."""


def _untag(match: re.Match[str]) -> str:
    name = (match.group(2) or "").lower()
    return "\n" if name in _BLOCKS else ""


def without_formatting(content: str) -> str:
    """Return ``content`` without its formatting tags (``<p>``, ``<br />``, ``<b>``...); links and images stay."""
    return _TAG.sub(_unformat, content) if "<" in content else content


def _unformat(match: re.Match[str]) -> str:
    name = (match.group(2) or "").lower()
    return match.group() if name in ("a", "img") else _untag(match)


@lru_cache(maxsize=256)
def shown(content: str) -> str:
    """Return the text a reader sees of ``content``: HTML tags out (their text kept), entities decoded."""
    if "<" not in content and "&" not in content:
        return content
    return html.unescape(_TAG.sub(_untag, content)) if "<" in content else html.unescape(content)


# Letters of other scripts that look like Latin ones, as they are after folding (Cherokee folds to capitals).
_FOREIGN = {
    # Cyrillic
    "а": "a", "в": "b", "г": "r", "е": "e", "з": "3", "к": "k", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ь": "b", "ѕ": "s", "і": "i", "ј": "j", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "һ": "h", "ӏ": "l", "ү": "y",
    # Greek
    "α": "a", "β": "b", "γ": "y", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w",
    # Cherokee
    "Ꭺ": "a", "Ᏼ": "b", "Ꮯ": "c", "Ꭰ": "d", "Ꭼ": "e", "Ꮐ": "g", "Ꮋ": "h", "Ꭵ": "i", "Ꭻ": "j", "Ꮶ": "k",
    "Ꮮ": "l", "Ꮇ": "m", "Ꮲ": "p", "Ꭱ": "r", "Ꮪ": "s", "Ꭲ": "t", "Ꮩ": "v", "Ꮃ": "w", "Ꮤ": "w", "Ꭹ": "y",
    "Ꮓ": "z",
    # Armenian
    "օ": "o", "ս": "u", "ց": "g", "հ": "h", "ո": "n",
}  # fmt: skip
# Latin letters that are not the plain ones: small capitals and phonetic letters used as styled text.
_STYLED = {
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ɢ": "g", "ʜ": "h", "ɪ": "i", "ᴊ": "j", "ᴋ": "k", "ʟ": "l",
    "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ʀ": "r", "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y",
    "ᴢ": "z", "ɑ": "a", "ɡ": "g", "ɩ": "i", "ı": "i", "ȷ": "j", "ɼ": "r", "ɾ": "r", "ʂ": "s",
}  # fmt: skip
_LOOKALIKE = str.maketrans({**_FOREIGN, **_STYLED})
_FIRST_STYLED = min("\U0001d400", "\uff21", *_STYLED)
"""The first character that :func:`_styled` may accept."""
_FOREIGN_LETTERS = frozenset(_FOREIGN)
_FIRST_DISGUISE = min(
    [_FIRST_STYLED] + [chr(c) for c in range(0x80, ord(_FIRST_STYLED)) if _FOREIGN_LETTERS.intersection(fold(chr(c)))]
)
"""The first character that may be part of a disguise: a text without any from here on holds none (most do)."""
_MAY_DISGUISE = re.compile(f"[{_FIRST_DISGUISE}-\U0010ffff]")
_NON_ASCII_LETTER = re.compile(r"[^\x00-\x7f\W]")
"""A letter or digit beyond ASCII (a joiner or a byte-order mark, not a letter, does not count)."""
_WORD_END = re.compile(r"\w*")


def _non_ascii_words(text: str) -> list[str]:
    """Return the words holding a letter beyond ASCII, in one pass (a regex around the letter would backtrack)."""
    found: list[str] = []
    end = 0
    for match in _NON_ASCII_LETTER.finditer(text):
        if match.start() < end:
            continue  # a further letter of the word just taken
        start = match.start()
        while start > end and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        word_end = _WORD_END.match(text, match.start())
        end = word_end.end() if word_end else match.end()
        found.append(text[start:end])
    return found


_MIN_MIXED_LETTERS = 4
"""Letters a word needs before mixed scripts in it count: formulas ("ρgh", "2πr") are short."""


def _styled(ch: str) -> bool:
    # Mathematical alphanumerics, fullwidth forms and the styled Latin letters above.
    return 0x1D400 <= ord(ch) <= 0x1D7FF or 0xFF21 <= ord(ch) <= 0xFF5A or ch in _STYLED


@dataclass(frozen=True, slots=True)
class Disguise:
    """A word written with look-alike letters: as a reader reads it, and how it was disguised."""

    word: str
    how: str
    """``mixed scripts`` (Latin with look-alike letters of another script) or ``styled letters``."""


@lru_cache(maxsize=256)
def disguised_words(text: str) -> tuple[Disguise, ...]:
    """Return the words of ``text`` written with look-alike letters of other scripts or styled ones, read plainly."""
    if text.isascii() or is_latin1(text) or not _MAY_DISGUISE.search(text):  # Latin-1 holds none: told faster
        return ()
    found: list[Disguise] = []
    for token in _non_ascii_words(text):
        folded = fold(token)
        foreign = sum(map(_FOREIGN_LETTERS.__contains__, folded))
        latin = sum("a" <= ch <= "z" for ch in folded) if foreign else 0
        if foreign and latin and foreign + latin >= _MIN_MIXED_LETTERS:
            found.append(Disguise(folded.translate(_LOOKALIKE), "mixed scripts"))
        elif max(token) >= _FIRST_STYLED and any(_styled(ch) for ch in token):  # most words hold none that far on
            found.append(Disguise(folded.translate(_LOOKALIKE), "styled letters"))
    return tuple(found)
