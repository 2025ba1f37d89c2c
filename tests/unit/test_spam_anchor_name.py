"""A name that is an SEO anchor (a trade with a selling word or a place) holds a compliment; a person's name never."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.anchor_name import keyword_name
from worker.spam.signals import WEIGHTS, detect

PEOPLE = (
    "Marie", "Marie D.", "papa_de_3", "JP from Lyon", "Anonymous", "un lecteur", "Dr. Smith", "Maître Durand",
    "Me Laurent Girard", "Jean-Baptiste Morel", "Anne-Sophie L.", "J. R. Tolkien fan", "Marie (boulangère)",
    "Paul, avocat", "Sophie, dentiste à Nantes", "Tom Baker", "Jacques Couvreur", "Sarah Mason", "Kim Seo-yeon",
    "Seo Ji-woo", "Nina 🌸", "🎸 Luc 🎸", "Grand-mère Odette", "Lucas_92", "Élise de Paris", "Maman de Léo",
    "Paris Hilton fan", "Austin Moving On", "Camille (prof de SVT)", "Dr Aïcha Benali", "La Team Rando 🥾",
    "Mike the plumber", "Hugo L", "Anna K.", "Old Sailor", "the best dad", "Pierre-Yves, 56 ans", "Yann Le Goff",
    "Léa B. (Lille)", "un pro du vélo", "Chloé 💕 Paris", "Coach Karim", "Captain Crunch",
)  # fmt: skip
"""Names people write: first names, initials, pseudonyms, titles (a French lawyer is "Maître" or "Me"), emojis."""

ANCHORS = (
    "Best Roofing Company Dallas", "Cheap NFL Jerseys", "Serrurier Paris 15", "Rachat de crédit pas cher",
    "Plombier urgence Lyon", "buy viagra online", "Payday Loans Near Me", "Emergency Locksmith Houston",
    "Affordable Movers Toronto", "Top SEO Agency London", "Web Design Company India", "Avocats divorce Marseille",
    "Dentiste Paris 75011", "Déménagement pas cher Bordeaux", "Assurance auto en ligne", "Cheap Essay Writing Service",
    "Online Casino Canada", "Replica Watches Sale", "Escort Paris 16", "Water Damage Restoration Miami",
    "Garage Door Repair Phoenix", "Dépannage plomberie 24/7", "Meilleur prêt rapide", "Pest Control Services Sydney",
    "Best Personal Injury Lawyer Chicago", "Pharmacie en ligne pas cher", "Carpet Cleaning Melbourne",
    "Buy Instagram Followers", "Agence marketing Toulouse", "Nettoyage bureaux Lille 59000", "Electricien pas cher",
    "Towing Service Near Me",
)  # fmt: skip
"""Anchors as the trade writes them: what a client pays to rank for, in English and French."""


def comment(author_name: str, content: str = "Very helpful, thanks for sharing!") -> Comment:
    return Comment(id="c", post_id="p", author_name=author_name, content=content)


def action(author_name: str, content: str) -> Action:
    result = SpamCheck().check(comment(author_name, content), Context(now=0.0))
    return max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)


@pytest.mark.parametrize("name", PEOPLE)
def test_a_persons_name_pseudonym_or_self_description_is_no_keyword(name: str) -> None:
    assert keyword_name(comment(name), WEIGHTS) is None


@pytest.mark.parametrize("name", ANCHORS)
def test_a_trade_with_a_selling_word_a_place_or_another_trade_is_a_keyword(name: str) -> None:
    found = keyword_name(comment(name), WEIGHTS)
    assert found is not None
    assert found.weight == WEIGHTS["keyword_name"]
    assert found.evidence


def test_the_evidence_names_the_trade_the_selling_words_and_the_place() -> None:
    found = keyword_name(comment("Best Roofing Company Dallas"), WEIGHTS)
    assert found is not None
    assert found.evidence == {"trade": ["company", "roofing"], "selling": ["best"], "place": "dallas"}
    found = keyword_name(comment("Serrurier Paris 15"), WEIGHTS)
    assert found is not None
    assert found.evidence == {"trade": ["serrurier"], "place": "paris"}


def test_a_scam_familys_words_or_a_brand_with_support_words_sell_on_their_own() -> None:
    found = keyword_name(comment("Grand Marabout Sékou"), WEIGHTS)
    assert found is not None
    assert found.evidence == {"family": "grand marabout"}
    found = keyword_name(comment("Gmail Help Desk"), WEIGHTS)
    assert found is not None
    assert found.evidence == {"brand": "gmail", "support": "help desk"}
    assert keyword_name(comment("Fmovies"), WEIGHTS) is not None
    assert keyword_name(comment("Gmail fan"), WEIGHTS) is None
    assert keyword_name(comment("Orange"), WEIGHTS) is None


def test_a_number_is_a_place_only_after_the_trade_and_not_right_on_it() -> None:
    assert keyword_name(comment("Serrurier 75015 rapide"), WEIGHTS) is not None
    assert keyword_name(comment("Plombier 3000 ans"), WEIGHTS) is None
    assert keyword_name(comment("2 Plombiers"), WEIGHTS) is None


def test_a_self_description_with_a_selling_word_is_still_an_anchor() -> None:
    assert keyword_name(comment("Marie, serrurier à Paris"), WEIGHTS) is None
    assert keyword_name(comment("Marie (serrurier pas cher)"), WEIGHTS) is not None


def test_one_word_a_long_sentence_or_a_link_in_the_name_is_left_to_others() -> None:
    assert keyword_name(comment("Plombier"), WEIGHTS) is None
    long_name = "I am the best plumber in the whole city of Lyon and proud"
    assert keyword_name(comment(long_name), WEIGHTS) is None
    assert keyword_name(comment("Best Plumber www.plumb-dallas.com"), WEIGHTS) is None
    assert "link_in_name" in {s.name for s in detect(comment("Best Plumber www.plumb-dallas.com"), {})}


@pytest.mark.parametrize(
    "content",
    [
        "Very helpful, thanks for sharing!",
        "Super article, merci beaucoup pour le partage.",
        "Great post, I learned a lot from it. Keep up the good work!",
        "Article très intéressant, bonne continuation.",
    ],
)
@pytest.mark.parametrize("name", ["Best Roofing Company Dallas", "Serrurier Paris 15", "Cheap NFL Jerseys"])
def test_a_stock_compliment_under_an_anchor_name_is_held_not_rejected(name: str, content: str) -> None:
    assert action("Claire", content) is Action.APPROVE
    assert action(name, content) is Action.FLAG


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("Marie (boulangère)", "Je fais la même recette depuis des années, ajoutez une pincée de sel."),
        ("Maître Durand", "Attention, le délai de prescription est de cinq ans et non de trois."),
        ("Dr. Smith", "Great summary. One caveat: the dose differs for children."),
        ("papa_de_3", "Merci pour l'astuce, ça marche aussi avec des enfants en bas âge."),
    ],
)
def test_people_who_say_what_they_do_are_not_held(name: str, content: str) -> None:
    assert action(name, content) is Action.APPROVE
