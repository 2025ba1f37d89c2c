"""The tuning set of other sites' comments (bench/data/site_comments_tune.jsonl) is well formed; what the checks make
of it is measured by bench/bench_spam.py, not tested here."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_non_blank_and_unique, assert_rows_have_fields, jsonl_rows

SITE_COMMENTS_TUNE = Path(__file__).resolve().parents[2] / "bench" / "data" / "site_comments_tune.jsonl"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
SITES = {
    "town_news",
    "consumer_blog",
    "money_blog",
    "health_blog",
    "tech_blog",
    "home_blog",
    "travel_blog",
    "school_blog",
}
HAM_KINDS = {
    "phone",
    "source_link",
    "price_brand",
    "finance_talk",
    "topics_mixed",
    "household_we",
    "scam_warning",
    "counterfeit_talk",
    "recommendation",
    "reader_link",
}
SPAM_KINDS = {
    "fake_support",
    "loan",
    "crypto_recovery",
    "marabout",
    "pharmacy",
    "counterfeit",
    "seo",
    "testimonial",
    "link_drop",
}
LINK_KINDS = {"reader_link", "link_drop"}
"""Comments with a link, leaning French on purpose: the kind French readers were held for on another sites' set."""
EMAIL = re.compile(r"[\w.+-]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)", re.IGNORECASE)
URL_HOST = re.compile(r"(?:(?<=//)|(?<=[\s(])|^)(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})\b(?!@)", re.IGNORECASE)
"""A host as written: after ``//``, a space or a parenthesis, not before ``@`` (not a file name, nor a user)."""
RESERVED = re.compile(r"(?:^|\.)example(?:\.com|\.net|\.org)?$")
"""A reserved example domain (RFC 2606): example.com, .net, .org or the .example top-level domain."""
KNOWN_REAL = {"paypal.com"}
"""The one real address a reader names: where a brand asks its phishing to be reported."""
PUBLIC_REAL = {
    "20minutes.fr", "60millions-mag.com", "ac-rennes.fr", "ameli.fr", "anil.org", "sante.fr", "gouv.fr",
    "arstechnica.com", "banque-france.fr", "bbc.co.uk", "bbcgoodfood.com", "bordeaux.fr", "boursorama.com",
    "bricoleurs.net", "caf.fr", "ccomptes.fr", "cdc.gov", "change.org", "cnil.fr", "commentcamarche.net",
    "energie-info.fr", "courdecassation.fr", "wikipedia.org", "energysavingtrust.org.uk", "gov.uk",
    "doctissimo.fr", "hardware.fr", "ubuntu-fr.org", "moneysavingexpert.com", "france.tv", "francetvinfo.fr",
    "francebleu.fr", "geo.fr", "github.com", "grandlyon.com", "has-sante.fr", "info-retraite.fr", "insee.fr",
    "inserm.fr", "lefigaro.fr", "lemonde.fr", "leparisien.fr", "lequotidiendumedecin.fr", "lesechos.fr",
    "letudiant.fr", "liberation.fr", "ademe.fr", "lumni.fr", "marmiton.org", "meteofrance.com", "nejm.org",
    "nhs.uk", "numerama.com", "ouest-france.fr", "paris.fr", "quechoisir.org", "radiofrance.fr", "reddit.com",
    "registre-dematerialise.fr", "reuters.com", "routard.com", "rustica.fr", "santepubliquefrance.fr",
    "service-public.fr", "sncf-connect.com", "stackoverflow.com", "star.fr", "theguardian.com", "which.co.uk",
    "youtu.be", "youtube.com",
}  # fmt: skip
"""Real public, news, reference and video sites a legitimate reader links to (never in a spam row)."""


def rows() -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(SITE_COMMENTS_TUNE)


def test_every_line_is_a_json_object_with_exactly_the_set_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=250)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [
        ("label", {"ham", "spam"}),
        ("language", {"en", "fr"}),
        ("site", SITES),
        ("kind", HAM_KINDS | SPAM_KINDS),
        ("split", {"tune"}),
    ],
)
def test_each_field_holds_only_its_allowed_values(field: str, allowed: set[str]) -> None:
    assert {row[field] for row in rows()} <= allowed


def test_content_kind_and_author_are_non_blank_strings_and_no_content_is_repeated() -> None:
    assert_non_blank_and_unique(rows(), ("content", "kind", "author_name"))


def test_ham_kinds_label_only_ham_and_spam_kinds_only_spam() -> None:
    for row in rows():
        assert row["kind"] in (HAM_KINDS if row["label"] == "ham" else SPAM_KINDS), row["content"]


def test_every_kind_is_present_in_both_languages() -> None:
    found = rows()
    for kind in HAM_KINDS | SPAM_KINDS:
        assert {row["language"] for row in found if row["kind"] == kind} == {"en", "fr"}, kind


def test_languages_are_balanced_outside_the_link_kinds_and_about_seven_in_ten_are_legitimate() -> None:
    found = rows()
    languages = Counter((row["label"], row["language"]) for row in found if row["kind"] not in LINK_KINDS)
    assert languages["ham", "en"] == languages["ham", "fr"] and languages["spam", "en"] == languages["spam", "fr"]
    ham = sum(row["label"] == "ham" for row in found)
    assert 0.6 <= ham / len(found) <= 0.75


def test_the_link_kinds_lean_french() -> None:
    found = Counter((row["label"], row["language"]) for row in rows() if row["kind"] in LINK_KINDS)
    assert found["ham", "fr"] >= 3 * found["ham", "en"] > 0 and found["spam", "fr"] >= 3 * found["spam", "en"] > 0


def _public(host: str) -> bool:
    return any(host == site or host.endswith("." + site) for site in PUBLIC_REAL)


def test_every_email_address_and_link_is_at_a_reserved_example_domain_or_a_public_site_a_reader_cites() -> None:
    hosts = [
        (row["label"], match.group(1).lower())
        for row in rows()
        for pattern in (EMAIL, URL_HOST)
        for match in pattern.finditer(row["content"])
    ]
    assert hosts, "the comments should carry links and e-mail addresses"
    for label, host in hosts:
        assert RESERVED.search(host) or host in KNOWN_REAL or (label == "ham" and _public(host)), host
