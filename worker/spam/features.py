"""What the classifier sees of a comment: words, word pairs, name words and pieces of link hosts."""

from __future__ import annotations

import html
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from worker.spam.digits import first_digit, latin1_digits
from worker.spam.phones import find_phones
from worker.spam.reading import without_formatting
from worker.spam.urls import find_links, host_of, registered_domain, replace_markup
from worker.text import AsciiFast, fold, words

BUCKET_BITS = 20
"""Features are hashed into 2**BUCKET_BITS buckets, which bounds the model's size whatever it reads."""

_MASK = (1 << BUCKET_BITS) - 1
_HOST_GRAM_CHARS = 4
_DIGITS = re.compile(r"\d")
_NON_ZERO_DIGIT = re.compile(r"[^\D0]")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts on a word's edge: linear
PHONE_WORD = "phonenumber"
"""The word that stands for a phone number: its digits vary between copies of one spam, its presence does not."""
EMAIL_WORD = "emailaddress"
"""The word that stands for an email address, so that no part of one can become evidence."""

# A number: digits, with decimal or thousands marks, no word character before them. The look-behind comes
# after the first digit, so that Python's regular expressions jump from one digit to the next instead of
# trying every position of the text (as "\b\d+..." would).
_NUMBER = AsciiFast(r"\d(?<!\w\d)\d*(?:[.,]\d+)*\b")
_LATIN1_NUMBER = re.compile(r"[0-9](?<!\w\d)\d*(?:[.,]\d+)*\b")
"""The same for a Latin-1 text, whose only decimal digits are 0-9: the search jumps from one to the next without the
Unicode digit table looked up at every position (a French comment's accents make it no ASCII text)."""
HOST_GRAM = "g"
"""The kind of the features cut from link hosts: many per link, so the classifier averages them."""

LINK_WORD = "linkurl"
"""The word that stands for a link in the text the classifier reads."""

_LINK_KINDS = frozenset({"h", HOST_GRAM, "u"})
_REPLY_TO = re.compile(r"\s*(?:@\w+[\s,:;]*)+")
"""The handles a reply opens on: "@marie_l", "@Paul75, @jean :"."""

_PLACEHOLDER_NAMES = frozenset(
    {
        "anonymous", "anonyme", "anon", "anonym", "reader", "lecteur", "lectrice", "guest", "invite", "invitee",
        "visitor", "visiteur", "visiteuse", "user", "utilisateur", "utilisatrice", "unknown", "inconnu", "inconnue",
        "subscriber", "abonne", "abonnee", "commenter", "commentateur", "nobody", "personne", "someone", "quelqu",
        "un", "une", "a", "an", "the", "le", "la", "l", "fidele", "regular", "longtime", "long", "time", "old",
        "ancien", "ancienne", "local", "resident", "habitant", "habitante", "voisin", "voisine", "neighbour",
        "neighbor",
    }
)  # fmt: skip
"""Words of a name that a comment form fills in, or a reader picks, to give none ("Anonymous", "Un lecteur",
"Guest", "Une voisine"): a name made of them only says nothing of who wrote, so the classifier reads no name."""


# A time of day as the French write it ("17h", "9h", "18h30"): an hour of 0 to 23. Lenders and support lines
# answer "en 24h", "en 48h", "24h/24": a day or more, which keeps the shape "00h" ("24h/24" reads "00h", "00").
_TIME_OF_DAY = re.compile(r"([01]?\d|2[0-3])h(\d\d)?")
TIME_WORD = "0h"
"""The shape of a time of day ("17h", "9h"), whatever its digits: a reader's meeting or opening hours, not a delay."""


def _word(word: str) -> str:
    # Digits vary between copies of one spam (prices, phone numbers, years): their shape is what repeats.
    return word if word.isalpha() else _digit_shape(word)


def _digit_shape(word: str) -> str:
    """Return a word with digits in its shape: each digit as "0", a time of day as :data:`TIME_WORD` (+ "00")."""
    time = _TIME_OF_DAY.fullmatch(word) if "h" in word else None
    if time is not None:
        return TIME_WORD + ("00" if time[2] else "")
    return _DIGITS.sub("0", word)


def _shapes(text: str) -> list[str]:
    """Return the words of ``text`` with each digit as "0" (see :func:`_word`)."""
    found = words(text)
    folded = fold(text)  # cached: where the words were found
    digits = latin1_digits(folded)  # the usual case: its digits told by one translation, not a pattern's search
    if (not digits.strip(b"0")) if digits is not None else _NON_ZERO_DIGIT.search(folded) is None:
        return found  # the usual case: every digit of the words is in the text, and all are "0" already
    # A list, not a generator: a generator resumes once per word, and this runs on every word of every comment.
    return [w if w.isalpha() or w == "0" else _digit_shape(w) for w in found]


@dataclass(frozen=True, slots=True)
class Reading:
    """What the classifier reads of a comment before it is cut into features: words, name words, link hosts."""

    words: list[str]
    """The text's words in order, a link and a phone number each one word (see :func:`reading`)."""
    names: list[str]
    """The author name's words."""
    hosts: list[str]
    """The hosts of the links in the text and the name, then the website field's (may be empty)."""
    website: bool
    """Whether the website field is filled."""


def reading(content: str, author_name: str = "", author_url: str | None = None) -> Reading:
    """Return what the classifier reads of a comment; the author's email is never part of it."""
    if content.lstrip().startswith("@"):
        # A reply opens on the handles of the readers it answers ("@marie_l @Paul75 d'accord"): names, which say
        # nothing of spam, as an author's name says nothing (a handle given to be contacted comes later: "Telegram
        # @x").
        content = _REPLY_TO.sub("", content, count=1)
    numbers = find_phones(content)  # on the text as written: cached, other signals read the same
    # An address becomes one placeholder word, so that no part of it can become evidence.
    if "@" in content:
        content = _EMAIL.sub(f" {EMAIL_WORD} ", content)
    links = find_links(content)
    # Formatting is no word ("<br />" is not "br"); link markup is a link: a tag (its target inside) is one link word.
    content = replace_markup(without_formatting(content), LINK_WORD)
    # Words as a reader sees them: "I&#39;m" is "I'm", not "I", a number and "m".
    content = html.unescape(content)
    for link in links:
        # A link is one word for the text around it: its own pieces are random ids, not language.
        content = content.replace(link.text, f" {LINK_WORD} ", 1)
    for phone in numbers:
        if phone.loose:
            continue  # a bare run of digits may be an error code or an id: it stays a number
        content = content.replace(phone.text, f" {PHONE_WORD} ", 1)
    # A number is one word whatever its value ("2,000,000 views" and "$5000" alike): "0", already in its shape.
    tokens = _shapes(_numbers_as_zero(content))
    hosts = [link.host for link in (*links, *find_links(author_name))]
    if author_url:
        hosts.append(host_of(author_url))
    return Reading(tokens, _name_words(author_name), hosts, bool(author_url))


def _numbers_as_zero(content: str) -> str:
    """Return ``content`` with each number (:data:`_NUMBER`) as " 0 "."""
    start = first_digit(content)
    if start == 0:
        return _NUMBER.of(content).sub(" 0 ", content)  # beyond Latin-1, or a digit first
    if start == len(content):
        return content  # no digit: no number
    # Numbers start on a digit: the text before the first one (but the character its look-behind reads) is left as is.
    pattern = _NUMBER.ascii if content.isascii() else _LATIN1_NUMBER
    return content[: start - 1] + pattern.sub(" 0 ", content[start - 1 :])


def _name_words(author_name: str) -> list[str]:
    """Return the words of an author's name the classifier reads: none when it is a placeholder (see
    :data:`_PLACEHOLDER_NAMES`)."""
    found = words(author_name)
    if _PLACEHOLDER_NAMES.issuperset(found):
        return []
    return [_word(w) for w in found]


def host_features(hosts: list[str]) -> set[str]:
    """Return the features of link hosts: each one's registered domain and the pieces of it (empty hosts skipped)."""
    found: set[str] = set()
    for host in hosts:
        if not host:
            continue
        domain = registered_domain(host)
        found.add(f"h:{domain}")
        padded = f".{fold(domain)}."
        grams = (padded[i : i + _HOST_GRAM_CHARS] for i in range(len(padded) - _HOST_GRAM_CHARS + 1))
        found.update(f"{HOST_GRAM}:{gram}" for gram in grams)
    return found


def word_feature(word: str) -> str:
    """Return the feature of one word of the text."""
    return f"w:{word}"


def pair_feature(pair: tuple[str, str]) -> str:
    """Return the feature of two words in a row of the text."""
    return f"b:{pair[0]} {pair[1]}"


def features(content: str, author_name: str = "", author_url: str | None = None) -> set[str]:
    """Return the distinct features of a comment; the author's email is never among them."""
    read = reading(content, author_name, author_url)
    tokens = read.words
    found = set(map(word_feature, tokens))
    found.update(map(pair_feature, pairwise(tokens)))
    found.update([f"n:{w}" for w in read.names])
    if read.website:
        found.add("u:website")
    found |= host_features(read.hosts)
    return found


def is_link_feature(feature: str) -> bool:
    """Tell whether a feature comes from a link or the website field rather than from the words around them."""
    kind, _, value = feature.partition(":")
    return kind in _LINK_KINDS or (kind in ("w", "b") and LINK_WORD in value.split())


@lru_cache(maxsize=1 << 16)
def bucket(feature: str) -> int:
    """Return the feature's bucket: a CRC-32, stable across processes unlike ``hash`` (common words cached)."""
    return zlib.crc32(feature.encode("utf-8")) & _MASK


_SHOWN_AS = {"w": "", "b": "", "n": "name:", "h": "link:", "g": "link~"}
"""How evidence writes a feature of each kind: this before its value (the website field is a phrase of its own)."""


def display(feature: str) -> str:
    """Return a feature as a reader would write it in evidence."""
    kind, _, value = feature.partition(":")
    shown_as = _SHOWN_AS.get(kind)
    if shown_as is not None:
        return shown_as + value
    return "has website" if kind == "u" else feature
