"""The second set of other sites' comments (bench/data/site_comments_2.jsonl) is well formed; what the checks make of
it is measured by bench/bench_spam.py and bench/bench_abuse.py, not tested here."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_non_blank_and_unique, assert_rows_have_fields, jsonl_rows

SITE_COMMENTS_2 = Path(__file__).resolve().parents[2] / "bench" / "data" / "site_comments_2.jsonl"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
SITES = {
    "cars",
    "pets",
    "books",
    "music",
    "politics_news",
    "real_estate",
    "education",
    "beauty_fashion",
    "tech_news",
    "local_events",
}
FIRST_SET_SITES = {
    "recipe",
    "gardening_diy",
    "travel",
    "regional_news",
    "sports_news",
    "parenting",
    "personal_finance",
    "health",
    "video_games",
}
HAM_KINDS = {
    "question",
    "thanks",
    "story",
    "disagreement",
    "rude",
    "short",
    "link",
    "phone",
    "price_brand",
    "scam_warning",
    "finance_talk",
    "quote",
}
SPAM_KINDS = {
    "seo",
    "link_drop",
    "fake_support",
    "loan",
    "marabout",
    "crypto_recovery",
    "casino",
    "pharmacy",
    "counterfeit",
    "work_from_home",
    "essay",
    "dating",
    "giveaway",
    "messaging",
}
FRENCH_ONLY_KINDS = {"marabout"}
EMAIL = re.compile(r"[\w.+-]+(?:@|\s*[(\[]at[)\]]\s*)([a-z0-9-]+(?:(?:\.|\s+dot\s+)[a-z0-9-]+)+)", re.IGNORECASE)
"""An e-mail address as written, plainly or disguised ("name (at) host dot net"); group 1 is its domain."""
RESERVED_DOMAINS = {"example.com", "example.net", "example.org"}


def rows() -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(SITE_COMMENTS_2)


def test_every_line_is_a_json_object_with_exactly_the_set_fields() -> None:
    assert_rows_have_fields(rows(), FIELDS, at_least=350)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [
        ("label", {"ham", "spam"}),
        ("language", {"en", "fr"}),
        ("site", SITES),
        ("kind", HAM_KINDS | SPAM_KINDS),
        ("split", {"measure"}),
    ],
)
def test_each_field_holds_only_its_allowed_values(field: str, allowed: set[str]) -> None:
    assert {row[field] for row in rows()} <= allowed


def test_no_kind_of_site_repeats_one_of_the_first_set() -> None:
    assert not SITES & FIRST_SET_SITES


def test_every_row_is_measured_only_so_nothing_is_tuned_on_it() -> None:
    assert all(row["split"] == "measure" for row in rows())


def test_content_kind_and_author_are_non_blank_strings_and_no_content_is_repeated() -> None:
    assert_non_blank_and_unique(rows(), ("content", "kind", "author_name"))


def test_ham_kinds_label_only_ham_and_spam_kinds_only_spam() -> None:
    for row in rows():
        assert row["kind"] in (HAM_KINDS if row["label"] == "ham" else SPAM_KINDS), row["content"]


def test_every_kind_is_present_in_both_languages_but_the_french_marabouts() -> None:
    found = rows()
    for kind in HAM_KINDS | SPAM_KINDS:
        languages = {row["language"] for row in found if row["kind"] == kind}
        assert languages == ({"fr"} if kind in FRENCH_ONLY_KINDS else {"en", "fr"}), kind


def test_every_site_has_both_labels_in_both_languages() -> None:
    found = rows()
    for site in SITES:
        pairs = {(row["label"], row["language"]) for row in found if row["site"] == site}
        assert pairs == {("ham", "en"), ("ham", "fr"), ("spam", "en"), ("spam", "fr")}, site


def test_languages_are_balanced_and_about_two_thirds_are_legitimate() -> None:
    found = rows()
    languages = Counter(row["language"] for row in found)
    assert abs(languages["en"] - languages["fr"]) <= len(found) // 10
    ham = sum(row["label"] == "ham" for row in found)
    assert 0.6 <= ham / len(found) <= 0.72


def test_french_is_typed_both_with_and_without_accents() -> None:
    french = [row["content"] for row in rows() if row["language"] == "fr"]
    accented = [text for text in french if re.search("[éèêàâçîôùû]", text)]
    assert 0 < len(accented) < len(french)


def test_every_email_address_is_at_a_reserved_example_domain_so_none_is_a_real_persons() -> None:
    found = [match for row in rows() for match in EMAIL.finditer(row["content"])]
    assert found, "the spam should carry e-mail addresses, disguised or not"
    for match in found:
        domain = re.sub(r"\s+dot\s+", ".", match.group(1).lower())
        assert domain in RESERVED_DOMAINS, match.group(0)
