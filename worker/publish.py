"""What is safe to put in a page: a comment's content as sanitised HTML, and its author's website as a web link.

Comments arrive as text that may hold HTML (WordPress lets readers use a few tags). A web app that
inserts ``content`` into a page as HTML would run whatever script a spammer wrote; ``content_html``
keeps only WordPress's comment tags (``$allowedtags``), links only to ``http``/``https`` and marked
``nofollow ugc`` (as WordPress marks comment links), and escapes everything else (via ``nh3``).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

TAGS = frozenset(
    {"a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong"}
)
"""The tags WordPress allows in comments."""
ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "acronym": {"title"},
    "del": {"datetime"},
}
"""Their attributes: WordPress's, less ``cite``, a URL that the sanitiser does not check (never ``style``
nor event handlers)."""
LINK_REL = "nofollow ugc noopener noreferrer"
_SCHEMES = frozenset({"http", "https"})
_HOST_LIKE = re.compile(r"^[\w.-]+\.[a-z]{2,}(?:[/?#:]|$)", re.IGNORECASE)


def content_html(text: str) -> str:
    """Return ``text`` as HTML safe to insert in a page: allowed tags kept, the rest escaped or dropped."""
    return nh3.clean(
        text,
        tags=set(TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        clean_content_tags={"script", "style"},
        link_rel=LINK_REL,
        url_schemes=set(_SCHEMES),
    )


def web_link(url: str | None) -> str | None:
    """Return the author's website as an ``http(s)`` address with a host, or None (``javascript:`` and the like)."""
    if not url or not url.strip():
        return None
    url = url.strip()
    if "://" not in url and _HOST_LIKE.match(url):
        url = "http://" + url  # as WordPress does with "example.org"
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname or any(ch.isspace() for ch in url):
        return None
    return url
