"""The public view is safe to put in a page: sanitised HTML content and only web links as the author's site."""

from __future__ import annotations

import pytest

from worker.models import Comment, Decision, Status, public_view
from worker.publish import content_html, web_link


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("a < b & c > d", "a &lt; b &amp; c &gt; d"),
        ("<b>bold</b> and <em>em</em>", "<b>bold</b> and <em>em</em>"),
        ("<script>alert(1)</script>after", "after"),
        ("<img src=x onerror=alert(1)>", ""),
        ('<p style="color:red" onclick="x()">para</p>', "para"),
        ('<q cite="javascript:alert(1)">quoted</q>', "<q>quoted</q>"),
    ],
)
def test_content_html_keeps_wordpress_comment_tags_and_nothing_that_runs(text: str, html: str) -> None:
    assert content_html(text) == html


def test_links_in_content_html_go_only_to_the_web_and_are_marked_nofollow_ugc() -> None:
    assert content_html('<a href="https://example.org/a" onmouseover="x()">here</a>') == (
        '<a href="https://example.org/a" rel="nofollow ugc noopener noreferrer">here</a>'
    )
    assert "href" not in content_html('<a href="javascript:alert(1)">click</a>')
    assert "href" not in content_html('<a href="data:text/html,x">click</a>')


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://camille.example/blog", "https://camille.example/blog"),
        ("camille.example", "http://camille.example"),
        ("  http://camille.example  ", "http://camille.example"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>x</script>", None),
        ("ftp://files.example", None),
        ("//camille.example", None),
        ("http://", None),
        ("", None),
        (None, None),
    ],
)
def test_the_authors_website_is_published_only_as_an_http_link_with_a_host(url: str | None, link: str | None) -> None:
    assert web_link(url) == link


def test_the_public_view_gives_masked_text_and_the_same_as_safe_html() -> None:
    comment = Comment("c1", "p1", "Ann", "ann@example.org", "<b>well</b> damn <script>x()</script>",
                      author_url="javascript:alert(document.cookie)")  # fmt: skip
    decision = Decision(Status.APPROVED, (), {}, "v1", 2.0, censor=((12, 16),))
    view = public_view(comment, Status.APPROVED, decision)
    assert view["content"] == "<b>well</b> **** <script>x()</script>"
    assert view["content_html"] == "<b>well</b> **** "
    assert view["author_url"] is None
