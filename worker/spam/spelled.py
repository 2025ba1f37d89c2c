"""Links spelled out so that a link filter misses them and a reader can still type them.

"mysite dot com", "mysite(dot)com", "mysite [.] com", "mysite . com", "www mysite com", "monsite point fr":
nobody spells an address out to be read more easily; a spammer does, to get it past filters that look
for links. A reader may name a famous site in passing ("I read it on twitter dot com", "cherche sur
google point fr"): such a site, or a reference (an encyclopedia, a government's site), promotes nobody
and is not counted. "Dot" and "point" are words too ("the dot com bubble", "un point net et précis",
"I code in dot net"), so the name before them must not be a little word, and only the endings that are
no word in English or French count.

A spelled-out link is a link, so on its own it holds a comment and never rejects it (it is one of the
link signals); but it is an evasion, not a reader's way of writing, so a question or a thank-you around
it does not make the comment a reader's (it is not in ``signals.NOT_COMMERCIAL``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from worker.spam.evidence import Signal
from worker.spam.site_links import is_reference
from worker.spam.urls import registered_domain

_ENDINGS = "com|net|org|info|biz|io|tv|ru|xyz|fr|uk|eu|cc|tk|ml|cf|gq|pw|ws"
_LABEL = r"(?>[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)"  # atomic: a name is never tried shorter
_SEPARATOR = r"(?:\s*[(\[{<]\s?(?:dot|point|\.)\s?[)\]}>]\s*|\s+(?:dot|point)\s+|\s+\.\s+)"
_MAX_LABELS = 4
"""Names of at most this many parts before the ending ("shop dot example dot co dot uk"), so a search stays linear."""
_NAME = rf"{_LABEL}(?:{_SEPARATOR}{_LABEL}){{0,{_MAX_LABELS - 1}}}"
_SPELLED = re.compile(rf"(?<![\w-])(?P<name>{_NAME}){_SEPARATOR}(?P<end>{_ENDINGS})(?![\w-])")
_AFTER_WWW = rf"(?:{_SEPARATOR}|\s+)"  # "www mysite com": after "www", a space is a dot too
_WWW = re.compile(rf"(?<![\w-])www{_AFTER_WWW}(?P<name>{_LABEL}){_AFTER_WWW}(?P<end>{_ENDINGS})(?![\w-])")
_PARTS = re.compile(_SEPARATOR)
# A dot spelled out is a word ("dot", "point") or a dot between spaces or in brackets: a text with none (the usual
# case) is told by substring searches and one search that starts on the dot. The first place where a spelled
# link may end ("dot", "point" or a dot, then an ending) is looked for then, and names only from within reach of it.
_DRESSED_DOT = re.compile(r"\.(?:(?<=\s\.)(?=\s)|(?<=[(\[{<]\.)|(?<=[(\[{<]\s\.))")
_END = re.compile(rf"(?:dot|point|\.)\s?[)\]}}>]?\s*(?:{_ENDINGS})(?![\w-])")
_REACH = 320
"""How far before its ending a spelled link may start: four long names and their spelled dots."""

LITTLE_WORDS = frozenset(
    {
        "a", "an", "the", "this", "that", "one", "my", "your", "our", "his", "her", "its", "their", "no", "every",
        "in", "on", "at", "to", "for", "with", "from", "by", "of", "and", "or", "but", "is", "was", "i", "you", "we",
        "le", "la", "les", "l", "un", "une", "du", "des", "de", "d", "au", "aux", "ce", "cet", "cette", "mon",
        "ton", "son", "notre", "votre", "leur", "en", "et", "ou", "sur", "par", "pour", "avec", "c", "est",
    }
)  # fmt: skip
"""Words before "dot" or "point" that make it a word ("a dot com", "un point net"), not a name's dot."""

NAMED_IN_PASSING = frozenset(
    {
        "twitter", "x", "google", "gmail", "facebook", "instagram", "youtube", "youtu", "tiktok", "linkedin",
        "reddit", "amazon", "ebay", "apple", "microsoft", "netflix", "spotify", "yahoo", "hotmail", "outlook",
        "msn", "bing", "paypal", "github", "wordpress", "blogger", "pinterest", "tumblr", "imdb", "twitch",
        "wikipedia", "leboncoin", "orange", "free", "laposte", "lemonde", "lefigaro", "bbc", "cnn", "nytimes",
        "asp", "vb", "ado",
    }
)  # fmt: skip
"""Famous sites readers name in passing ("twitter dot com"), and what ".NET" names ("ASP dot net"): no promotion."""


def _spelled(folded: str) -> Iterator[re.Match[str]]:
    if "dot" in folded or "point" in folded or _DRESSED_DOT.search(folded):
        end = _END.search(folded)
        if end is not None:
            yield from _SPELLED.finditer(folded, max(0, end.start() - _REACH))
    if "www" in folded:
        yield from _WWW.finditer(folded)


def spelled_hosts(folded: str, limit: int = 3) -> list[str]:
    """Return the first ``limit`` hosts spelled out in ``folded`` text ("site dot com": site.com), famous ones aside."""
    hosts: list[str] = []
    seen: set[str] = set()
    for match in _spelled(folded):
        labels = _PARTS.split(match.group("name"))
        host = ".".join([*labels, match.group("end")]).removeprefix("www.")
        if host in seen or labels[-1] in LITTLE_WORDS:
            continue
        seen.add(host)
        if registered_domain(host).split(".")[0] not in NAMED_IN_PASSING and not is_reference(host):
            hosts.append(host)
            if len(hosts) == limit:
                break
    return hosts


def spelled_link(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A link spelled out in words or with the dot dressed up: an evasion of link filters with no honest use."""
    hosts = spelled_hosts(folded)
    return Signal("spelled_link", weights["spelled_link"], {"hosts": hosts}) if hosts else None
