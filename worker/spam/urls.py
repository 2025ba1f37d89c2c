"""Finding links in text: full URLs, ``www.`` hosts and bare domains with a common top-level domain."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

# Bare domains ("mysite.com/page") only count with a TLD from this list, so that "e.g." or "lol.haha" do not.
# "example" is the TLD reserved for documentation (RFC 2606): an operator trying the check, a test, or a hand-written
# data set stands a real site in with it ("shop.example"), which is read as the .com it stands for.
_TLDS = (
    "com|net|org|info|biz|io|co|me|tv|ru|xyz|top|club|online|site|shop|store|live|link|click|fr|de|uk|us|ly|gl"
    "|cc|tk|ml|ga|cf|gq|pw|ws|in|be|ch|ca|eu|es|it|nl|pl|br|cn|pro|vip|win|bid|loan|app|dev|blog|news|to|gg|gd|am|fm"
    "|example"
)


def _by_first_letter(words: str) -> str:
    """Return the alternation ``words`` ("com|net|...") grouped by first letter: at each place one group is tried
    (its letter), not every word."""
    groups: dict[str, list[str]] = {}
    for word in words.split("|"):
        groups.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items())


_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"'\])\u200b-\u200d\ufeff]+"
    rf"|(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_by_first_letter(_TLDS)})(?![\w-])(?:/[^\s<>\"'\])\u200b-\u200d\ufeff]*)?",
    re.IGNORECASE,
)
# The syntax of HTML, BBCode and Markdown links: tags (with the target inside) and the Markdown target.
_MARKUP_SYNTAX = re.compile(
    r"<a\s[^>]*>|</a\s*>|\[(?:url|link)(?:=[^\]\s]*)?\]|\[/(?:url|link)\]|\]\(\s*(?:https?://|www\.)[^)\s]*\s*\)",
    re.IGNORECASE,
)
# A whole link written as markup, its target and its label: (href, label) pairs in HTML, BBCode, Markdown.
_MARKUP_LINK = re.compile(
    r"<a\s[^>]*?href\s*=\s*[\"']?(?P<href>[^\"'\s>]+)[^>]*>(?P<label>.*?)</a\s*>"
    r"|\[url=(?P<bb_href>[^\]\s]+)\](?P<bb_label>.*?)\[/url\]"
    r"|\[(?P<md_label>[^\]\n]*)\]\(\s*(?P<md_href>(?:https?://|www\.)[^)\s]+)\s*\)",
    re.IGNORECASE | re.DOTALL,
)


# Every link holds "://", "www." or a dot and a listed TLD: a text without any has none (the usual case),
# which one quick search tells without trying the bare-domain pattern at every word. The search starts on
# the dot and looks behind it for "www", so that it jumps from one dot to the next.
_MAY_LINK = re.compile(rf"\.(?:(?<=www\.)|(?:{_by_first_letter(_TLDS)})(?![\w-]))", re.IGNORECASE)
_CLOSING = ".,;:!?"
"""Punctuation that ends the sentence around a link, not the link ("see www.lemonde.fr, page 3")."""
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?([^/:?#]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Link:
    """A link found in text: the text as written, and its host in lower case without ``www.``."""

    text: str
    host: str


def host_of(url: str) -> str:
    """Return the lower-case host of ``url`` without ``www.`` (empty when there is none)."""
    match = _HOST.match(url.strip())
    return match.group(1).lower().rstrip(".") if match else ""


def is_bare_name(link: Link) -> bool:
    """Tell whether a link is a site's bare name ("Hardware.fr"), as readers name a site: no scheme, "www." nor page."""
    return "/" not in link.text and link.text[:4].lower() != "www."


@lru_cache(maxsize=1024)
def every_link(text: str) -> tuple[Link, ...]:
    """Return every link of ``text`` as written, in order, a site's bare name included (cached)."""
    if "://" not in text and not _MAY_LINK.search(text):
        return ()
    return tuple(Link(url, host_of(url)) for m in _URL.finditer(text) if (url := m.group().rstrip(_CLOSING)))


@lru_cache(maxsize=1024)
def find_links(text: str) -> tuple[Link, ...]:
    """Return the links of ``text``, in order (cached: several signals look at the same text).

    A site's bare name next to a link into that site ("the forum of Hardware.fr: https://forum.hardware.fr/…")
    names the link's site: one link, not two.
    """
    found = every_link(text)
    if len(found) < 2:
        return found
    pages = [link.host for link in found if not is_bare_name(link)]
    return tuple(link for link in found if not (is_bare_name(link) and any(host_under(h, link.host) for h in pages)))


def replace_markup(text: str, replacement: str) -> str:
    """Return ``text`` with the syntax of each link written as markup (tags, targets) replaced by ``replacement``."""
    if "<" not in text and "[" not in text and "]" not in text:
        return text  # every piece of link markup starts on one of them: the usual text holds none
    return _MARKUP_SYNTAX.sub(f" {replacement} ", text)


def replace_markup_links(text: str, keep: Callable[[str], bool]) -> str:
    """Return ``text`` with each link written as markup whose target ``keep`` refuses replaced by its label."""

    def label_or_link(match: re.Match[str]) -> str:
        href = match.group("href") or match.group("bb_href") or match.group("md_href")
        if keep(href):
            return match.group()
        return f" {match.group('label') or match.group('bb_label') or match.group('md_label') or ''} "

    if "<" not in text and "[" not in text:
        return text  # each link written as markup starts on one of them: the usual text holds none
    return _MARKUP_LINK.sub(label_or_link, text)


def registered_domain(host: str) -> str:
    """Return the last two labels of ``host`` (three under two-letter second levels such as ``co.uk``)."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def host_under(host: str, site: str) -> bool:
    """Tell whether ``host`` is ``site`` or one of its subdomains."""
    return host == site or host.endswith("." + site)


def host_under_any(host: str, hosts: frozenset[str]) -> bool:
    """Tell whether ``host`` is one of ``hosts`` or under one, as ``any(host_under(host, h) for h in hosts)``: its own
    suffixes that start on a dot are looked up, a few instead of one test per host."""
    suffix = host
    while True:
        if suffix in hosts:
            return True
        dot = suffix.find(".")
        if dot < 0:
            return False
        suffix = suffix[dot + 1 :]
