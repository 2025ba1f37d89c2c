"""Links that promote nobody: into the site itself (its page, its own hosts) or to a reference.

Readers point at the page they comment on ("the best part is at 3:40", "as the third paragraph says")
and at the site's other articles. Under a tutorial or an article they also point at references: an
encyclopedia, a government's page, a language's or a tool's documentation, a bug in a code forge.
Nobody can buy a page there to sell from, so such links promote nobody either, and the spam check reads
a comment with them taken out: a link written as markup keeps its label ("3:40"), a bare address goes.
What the comment says still counts (a phone number, a trade's words, another link). Other checks see
the comment as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from worker.models import Comment
from worker.spam.public_sites import is_public_site
from worker.spam.urls import every_link, host_of, host_under_any, replace_markup_links


@dataclass(frozen=True, slots=True)
class _Page:
    host: str
    path: str
    query: frozenset[tuple[str, str]]


@lru_cache(maxsize=1024)
def _page(url: str) -> _Page | None:
    """Return the host, path and query of ``url`` as links are compared (cached: a comment's permalink is read for
    each of its links, and a link by two checks of it)."""
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


REFERENCE_HOSTS = frozenset(
    {
        # encyclopedias
        "wikipedia.org", "wiktionary.org", "wikimedia.org", "wikidata.org",
        # standards, languages and tools: their own documentation
        "w3.org", "ietf.org", "rfc-editor.org", "developer.mozilla.org", "python.org", "php.net", "ruby-lang.org",
        "rust-lang.org", "go.dev", "nodejs.org", "learn.microsoft.com",
        "docs.microsoft.com", "support.microsoft.com", "developer.apple.com", "support.apple.com",
        "developer.android.com", "developer.wordpress.org", "codex.wordpress.org", "kernel.org", "gnu.org",
        "debian.org", "ubuntu.com", "ubuntu-fr.org", "archlinux.org", "fedoraproject.org", "postgresql.org",
        "sqlite.org", "docs.docker.com", "kubernetes.io", "gimp.org", "libreoffice.org",
        # questions and answers, moderated by their own community
        "stackoverflow.com", "stackexchange.com", "superuser.com", "serverfault.com", "askubuntu.com",
    }
)  # fmt: skip
"""Hosts (subdomains included) of references that nobody can buy a page on to sell from. Not the hosts where
anyone opens a page in a minute (hosted documentation, blogs): spammers do, to borrow a name."""
CODE_FORGES = frozenset({"github.com", "gitlab.com", "codeberg.org", "bitbucket.org"})
"""Code forges: anyone opens a project there in a minute, so only a link into a project's work counts."""
FORGE_PLACES = frozenset(
    {"issues", "pull", "pulls", "merge_requests", "discussions", "wiki", "releases", "blob", "tree", "commit", "src"}
)
"""Where in a project readers point (a bug, a change, a line of code); a promoter links the project's front page."""
GOVERNMENT_SUFFIXES = (
    ".gov", ".mil", ".int", ".gouv.fr", ".gov.uk", ".nhs.uk", ".police.uk", ".gc.ca", ".gouv.qc.ca", ".europa.eu",
    ".admin.ch", ".gov.au", ".govt.nz",
)  # fmt: skip
"""Domains only a public body registers under ("irs.gov", "impots.gouv.fr", "nhs.uk", "who.int"): their
registries check who asks, so a spammer cannot open a page there. Not ".edu" nor ".ac.uk": universities
host their students' and clubs' pages, and spammers plant pages on them."""
_GOVERNMENT_ZONE = re.compile(r"\.(?:gov|gouv|gob|govt)\.[a-z]{2}$")
"""A country's zone for its government ("gov.in", "gouv.ci", "gob.mx"), which only public bodies register in."""


def is_reference(url: str) -> bool:
    """Tell whether ``url`` leads to a reference: an encyclopedia, official documentation, a government's site."""
    page = _page(url)
    if page is None:
        return False
    if page.host in CODE_FORGES:  # owner/project/<place>/..., GitLab's owner/project/-/<place>/...
        parts = [part for part in page.path.split("/") if part and part != "-"]
        return len(parts) > 3 and parts[2] in FORGE_PLACES
    host = "." + page.host
    if host.endswith(GOVERNMENT_SUFFIXES) or _GOVERNMENT_ZONE.search(host) or is_public_site(page.host):
        return True
    return host_under_any(page.host, REFERENCE_HOSTS)


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
        if host_under_any(page.host, self.own_hosts):
            return True
        target = _page(permalink) if permalink else None
        return target is not None and (
            page.host == target.host and page.path == target.path and target.query <= page.query
        )

    def promotes_nobody(self, url: str, permalink: str | None) -> bool:
        """Tell whether ``url`` leads into the site (see :meth:`is_internal`) or to a reference."""
        return self.is_internal(url, permalink) or is_reference(url)

    def strip(self, comment: Comment) -> Comment:
        """Return the comment with its links into the site and to references taken out (markup keeps its label)."""
        if "." not in comment.content:
            return comment
        permalink = comment.permalink
        content = replace_markup_links(comment.content, lambda href: not self.promotes_nobody(href, permalink))
        for link in every_link(content):  # a site's name too: it goes with its link
            if self.promotes_nobody(link.text, permalink):
                content = content.replace(link.text, " ", 1)
        return comment if content == comment.content else replace(comment, content=content)
