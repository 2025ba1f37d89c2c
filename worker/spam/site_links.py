"""Links into the site itself: to the page the comment is on (its ``permalink``) or to one of the site's own hosts.

Readers point at the page they comment on ("the best part is at 3:40", "as the third paragraph says")
and at the site's other articles. Such links promote nobody, so the spam check reads a comment with
them taken out: a link written as markup keeps its label ("3:40"), a bare address goes. Other checks
see the comment as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlsplit

from worker.models import Comment
from worker.spam.urls import find_links, host_of, replace_markup_links


@dataclass(frozen=True, slots=True)
class _Page:
    host: str
    path: str
    query: frozenset[tuple[str, str]]


def _page(url: str) -> _Page | None:
    url = html.unescape(url.strip())
    if not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE):
        url = "http://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = host_of(parts.netloc.rpartition("@")[2])
    if not host:
        return None
    host = _MIRRORS.sub("", host.partition(":")[0])
    query = frozenset(parse_qsl(parts.query))
    if host in _SHORT_VIDEO_HOSTS and parts.path.strip("/"):  # youtu.be/ID is youtube.com/watch?v=ID
        return _Page("youtube.com", "/watch", query | {("v", parts.path.strip("/"))})
    return _Page(host, parts.path.rstrip("/"), query)


_MIRRORS = re.compile(r"^(?:www|m|mobile)\.")
_SHORT_VIDEO_HOSTS = frozenset({"youtu.be"})


def _under(host: str, own: str) -> bool:
    return host == own or host.endswith("." + own)


@dataclass(frozen=True, slots=True)
class SiteLinks:
    """Which links lead into the site: ``own_hosts`` (subdomains included) and each comment's permalink."""

    own_hosts: frozenset[str] = frozenset()

    @classmethod
    def of(cls, hosts: Iterable[str]) -> SiteLinks:
        """Build from host names as an operator writes them (``example.org``, ``https://www.example.org/``)."""
        return cls(frozenset(h for h in (host_of(x) for x in hosts) if h))

    def is_internal(self, url: str, permalink: str | None) -> bool:
        """Tell whether ``url`` leads to the comment's own page (any fragment or extra query) or an own host."""
        page = _page(url)
        if page is None:
            return False
        if any(_under(page.host, own) for own in self.own_hosts):
            return True
        target = _page(permalink) if permalink else None
        return target is not None and (
            page.host == target.host and page.path == target.path and target.query <= page.query
        )

    def strip(self, comment: Comment) -> Comment:
        """Return the comment with its links into the site taken out of the content (markup keeps its label)."""
        if not (self.own_hosts or comment.permalink) or "." not in comment.content:
            return comment
        content = replace_markup_links(comment.content, lambda href: not self.is_internal(href, comment.permalink))
        for link in find_links(content):
            if self.is_internal(link.text, comment.permalink):
                content = content.replace(link.text, " ", 1)
        return comment if content == comment.content else replace(comment, content=content)
