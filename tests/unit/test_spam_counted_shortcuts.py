"""Signals counted from what a comment's reading already holds give what counting afresh gives."""

from __future__ import annotations

import pytest

from worker.spam import site_links

_HOSTS = ("example.org", "docs.example.org", "x.example.org", "org", "example", "wikipedia.org", "a..b", ".example.org")


@pytest.mark.parametrize(
    "host",
    ("example.org", "www.example.org", "a.b.example.org", "badexample.org", "example.org.evil", "fr.wikipedia.org",
     "x..example.org", "a..b", "b", "", ".", "example.orgx", "wikipedia.org"),
)  # fmt: skip
def test_a_host_under_one_of_many_is_told_by_its_suffixes_as_by_testing_each(host: str) -> None:
    for size in range(len(_HOSTS) + 1):
        hosts = frozenset(_HOSTS[:size])
        assert site_links._under_any(host, hosts) == any(site_links._under(host, own) for own in hosts)
