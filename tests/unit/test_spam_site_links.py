"""Links into the site itself (the comment's own page, the site's own hosts) are not links for the spam check."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.checks.base import Context
from worker.checks.spam import SpamCheck, build
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Section
from worker.spam.site_links import SiteLinks, is_reference
from worker.spam.urls import find_links

PAGE = "https://www.example.org/2026/11/article?p=42"


def comment(content: str, permalink: str | None = PAGE) -> Comment:
    return Comment(id="c", post_id="42", author_name="Ann", content=content, permalink=permalink)


@pytest.mark.parametrize(
    "url",
    [
        PAGE,
        "http://example.org/2026/11/article/?p=42",
        "https://www.example.org/2026/11/article?p=42#comment-7",
        "https://www.example.org/2026/11/article?p=42&amp;t=3m40s",
        "www.example.org/2026/11/article?utm=x&p=42",
    ],
)
def test_a_link_to_the_comments_own_page_is_internal_whatever_its_scheme_fragment_or_extra_query(url: str) -> None:
    assert SiteLinks().is_internal(url, PAGE)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.example.org/2026/11/other-article?p=42",
        "https://www.example.org/2026/11/article?p=43",
        "https://www.example.org/2026/11/article",
        "https://example.org.evil.top/2026/11/article?p=42",
        "https://evil.top/?u=https://www.example.org/2026/11/article?p=42",
    ],
)
def test_a_link_to_another_page_or_host_is_not_internal(url: str) -> None:
    assert not SiteLinks().is_internal(url, PAGE)


def test_own_hosts_cover_their_subdomains_and_are_written_as_operators_write_them() -> None:
    site = SiteLinks.of(["https://www.Example.org/", "  "])
    assert site.own_hosts == frozenset({"example.org"})
    assert site.is_internal("https://blog.example.org/any/page", None)
    assert not site.is_internal("https://notexample.org/", None)


def test_markup_to_the_page_keeps_its_label_and_a_bare_address_to_it_goes() -> None:
    text = (
        'Best part <a href="http://www.example.org/2026/11/article?p=42&amp;t=3m40s">3:40</a>, '
        "see [this](https://example.org/2026/11/article?p=42#c2) and https://www.example.org/2026/11/article?p=42 "
        "but buy at https://pills.top/now"
    )
    assert SiteLinks().strip(comment(text)).content.split() == [
        "Best", "part", "3:40", ",", "see", "this", "and", "but", "buy", "at", "https://pills.top/now",
    ]  # fmt: skip


def test_markup_to_elsewhere_is_left_as_written() -> None:
    text = '<a href="https://pills.top/">cheap</a> [url=http://casino.xyz]win[/url]'
    assert SiteLinks().strip(comment(text)).content == text


def test_without_a_permalink_or_own_hosts_a_comment_is_returned_as_it_is() -> None:
    original = comment("https://www.example.org/2026/11/article?p=42", permalink=None)
    assert SiteLinks().strip(original) is original


def test_the_spam_check_holds_two_links_elsewhere_but_not_two_links_to_the_page_itself() -> None:
    check = build(Section("spam", {}, "test"))
    to_page = comment(
        'Favourite bits: <a href="https://www.example.org/2026/11/article?p=42#t=1">here</a> and '
        '<a href="https://www.example.org/2026/11/article?p=42#t=2">there</a>'
    )
    elsewhere = comment(
        'Favourite bits: <a href="https://www.other.org/a">here</a> and <a href="https://www.other.org/b">there</a>'
    )
    assert check.check(to_page, Context(now=0.0)).reasons == ()
    assert "too_many_links" in {r.code for r in check.check(elsewhere, Context(now=0.0)).reasons}


def test_the_spam_check_does_not_count_links_to_the_sites_own_hosts() -> None:
    check = build(Section("spam", {"own_hosts": ["example.org"]}, "test"))
    text = "Related: https://www.example.org/a and https://www.example.org/b"
    assert check.check(comment(text, permalink=None), Context(now=0.0)).reasons == ()


def test_an_own_host_that_is_not_a_host_name_is_a_config_error_naming_it() -> None:
    with pytest.raises(ConfigError, match=r"spam\.own_hosts.*not a host"):
        build(Section("spam", {"own_hosts": ["not a host"]}, "test"))


@pytest.mark.parametrize(
    "url",
    [
        "https://en.wikipedia.org/wiki/Transistor",
        "https://docs.python.org/3/library/functools.html#functools.lru_cache",
        "https://www.impots.gouv.fr/particulier/questions",
        "https://www.irs.gov/retirement-plans",
        "https://stackoverflow.com/questions/231767",
        "github.com/someone/csv-merge/issues/12",
        "https://gitlab.com/group/project/-/merge_requests/7",
        "https://github.com/psf/requests/blob/main/src/requests/api.py#L14",
    ],
)
def test_an_encyclopedia_official_docs_a_government_a_q_and_a_site_or_a_projects_issue_or_code_is_a_reference(
    url: str,
) -> None:
    assert is_reference(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://someone.github.io/free-followers",
        "https://github.com/someone/free-robux-generator",
        "https://github.com/someone/free-robux-generator/",
        "https://cheap-essays.readthedocs.io/en/latest/",
        "https://wikipedia.org.cheap-pills.top/",
        "https://my-gov-loans.com/apply",
        "https://evil.top/?u=https://en.wikipedia.org/wiki/X",
    ],
)
def test_a_host_where_anyone_opens_a_page_or_that_borrows_a_references_name_is_not_one(url: str) -> None:
    assert not is_reference(url)


def test_the_spam_check_reads_a_reference_link_as_no_link_but_still_reads_the_rest() -> None:
    check = build(Section("spam", {}, "test"))
    reader = comment(
        "Pour les impôts, le site officiel est plus clair : https://www.impots.gouv.fr/particulier/questions"
    )
    stripped = SiteLinks().strip(reader)
    assert "impots.gouv.fr" not in stripped.content and "site officiel" in stripped.content
    two = comment("See https://en.wikipedia.org/wiki/A and https://en.wikipedia.org/wiki/B", permalink=None)
    assert check.check(two, Context(now=0.0)).reasons == ()
    sold = comment("Docs: https://docs.python.org/3/ and cheap pills at https://pills.top/now https://pills.top/more")
    assert "too_many_links" in {r.code for r in check.check(sold, Context(now=0.0)).reasons}


def test_a_sites_bare_name_next_to_a_link_into_it_is_one_link_and_two_sites_are_two() -> None:
    named = "Il y a un fil sur le forum de Hardware.fr : https://forum.hardware.fr/hfr/sujet_1056789_1.htm"
    assert [link.host for link in find_links(named)] == ["forum.hardware.fr"]
    two = "Voyez Bricoleurs.com et ce fil : https://www.forum-bricolage.example/fissure-t4567.html"
    assert [link.host for link in find_links(two)] == ["bricoleurs.com", "forum-bricolage.example"]


def test_a_comment_naming_the_site_it_links_to_is_not_held_for_two_links() -> None:
    content = "Il y a un fil sur le forum de Hardware.fr avec les pannes : https://forum.hardware.fr/hfr/sujet_1.htm"
    result = SpamCheck().check(Comment(id="c", post_id="p", content=content), Context(now=0.0))
    assert "too_many_links" not in {r.code for r in result.reasons}


def test_a_sites_bare_name_does_not_count_towards_too_many_links_but_two_addresses_do() -> None:
    named = "Sur le forum de Bricoleurs.com quelqu'un a eu la même fissure : https://forum-bricolage.example/t4567"
    two = "Same crack here: https://forum-bricolage.example/t4567 and https://diy-walls.example/cracks"

    def codes(content: str) -> set[str]:
        return {
            r.code for r in SpamCheck().check(Comment(id="c", post_id="p", content=content), Context(now=0.0)).reasons
        }

    assert "too_many_links" not in codes(named)
    assert "too_many_links" in codes(two)


@pytest.mark.parametrize(
    ("text", "host"),
    (
        ("Voir www.lemonde.fr, page 3.", "lemonde.fr"),
        ("As the BBC says (https://www.theguardian.com/uk-news/2024/tram).", "theguardian.com"),
        ("Read it here: https://www.npr.org/2024/03/12/transit!", "npr.org"),
    ),
)
def test_the_punctuation_that_ends_a_sentence_is_not_part_of_its_link(text: str, host: str) -> None:
    (link,) = find_links(text)
    assert link.host == host and not link.text.endswith((",", ".", "!", ")"))


@pytest.mark.parametrize(
    "content",
    (
        "Tout est sur www.service-public.fr, onglet aides au logement.",
        "Source : www.insee.fr, tableau 4.",
        "It's all on www.theguardian.com, front page.",
    ),
)
def test_a_comment_citing_a_public_site_before_a_comma_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE
