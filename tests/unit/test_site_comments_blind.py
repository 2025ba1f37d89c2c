"""The third to seventh sets of other sites' comments (bench/data/site_comments_3.jsonl, site_comments_4.jsonl,
site_comments_5.jsonl, site_comments_6.jsonl and site_comments_7.jsonl), each written blind to one recipe, are well
formed; what the checks make of them is measured by bench/bench_spam.py and bench/bench_abuse.py, not tested here."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import assert_rows_have_fields, jsonl_rows

DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
FIELDS = {"label", "language", "site", "kind", "split", "content", "author_name"}
SITES = {
    "site_comments_3.jsonl": {
        "programming_tutorial",
        "astronomy_news",
        "wedding_planning",
        "fishing_outdoors",
        "board_games",
        "career_advice",
        "diy_plumbing_electrics",
        "wine_food",
        "local_council",
        "cinema_tv",
    },
    "site_comments_4.jsonl": {
        "photography_blog",
        "cycling_news",
        "beekeeping_forum",
        "personal_tech_help",
        "history_magazine",
        "running_marathon",
        "aquarium_hobby",
        "science_podcast",
        "small_business_blog",
        "genealogy_forum",
    },
    "site_comments_5.jsonl": {
        "knitting_crafts",
        "national_daily",
        "mountain_hiking",
        "climate_energy",
        "motorbike_forum",
        "baking_blog",
        "language_learning",
        "homeschooling_forum",
        "football_fan_site",
        "farming_news",
    },
    "site_comments_6.jsonl": {
        "interior_design",
        "vegan_cooking",
        "chess_club",
        "tabletop_rpg",
        "sailing_blog",
        "jazz_classical_reviews",
        "economics_news",
        "tattoo_art",
        "retirement_forum",
        "birdwatching_blog",
    },
    "site_comments_7.jsonl": {
        "legal_advice_blog",
        "horse_riding_forum",
        "comics_manga_reviews",
        "solar_diy_energy",
        "caregivers_blog",
        "model_railway_club",
        "homebrewing_blog",
        "rugby_news",
        "student_life_forum",
        "mushroom_foraging",
    },
}
"""Each set's file and its ten kinds of sites."""
LANGUAGES = ("en", "fr")


@pytest.fixture(params=sorted(SITES))
def name(request: pytest.FixtureRequest) -> str:
    """The file name of one of the sets."""
    return str(request.param)


def rows(name: str) -> list[dict[str, Any]]:
    """Return every row of the file, decoded."""
    return jsonl_rows(DATA / name)


def test_every_line_is_a_json_object_with_exactly_the_set_fields(name: str) -> None:
    assert_rows_have_fields(rows(name), FIELDS, at_least=360)


@pytest.mark.parametrize(
    ("field", "allowed"),
    [("label", {"ham", "spam"}), ("language", set(LANGUAGES)), ("site", None), ("split", {"measure"})],
)
def test_each_field_holds_exactly_its_allowed_values_and_every_row_is_measured_only(
    name: str, field: str, allowed: set[str] | None
) -> None:
    assert {row[field] for row in rows(name)} == (SITES[name] if allowed is None else allowed)


def test_texts_are_non_blank_kinds_are_lowercase_words_and_no_content_comes_twice(name: str) -> None:
    found = rows(name)
    blank = [(row["kind"], field) for row in found for field in ("content", "author_name") if not row[field].strip()]
    assert blank == []
    assert all(row["kind"].isidentifier() and row["kind"] == row["kind"].lower() for row in found)
    assert len({row["content"] for row in found}) == len(found)


def test_there_are_360_rows_half_english_half_french_two_thirds_legitimate(name: str) -> None:
    found = rows(name)
    assert len(found) == 360
    assert Counter(row["language"] for row in found) == {"en": 180, "fr": 180}
    assert Counter(row["label"] for row in found) == {"ham": 240, "spam": 120}


@pytest.mark.parametrize(("name", "site"), [(name, site) for name, sites in SITES.items() for site in sorted(sites)])
def test_each_site_has_12_legitimate_and_6_spam_comments_per_language(name: str, site: str) -> None:
    counts = Counter((row["language"], row["label"]) for row in rows(name) if row["site"] == site)
    assert counts == {(language, label): n for language in LANGUAGES for label, n in (("ham", 12), ("spam", 6))}
