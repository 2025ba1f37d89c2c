"""A name run together from a product or brand and a commercial word is a keyword; a run-together pseudonym is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.anchor_name import keyword_name
from worker.spam.signals import WEIGHTS

PSEUDONYMS = (
    "marie_dupont", "bookworm77", "lemonadeguy", "nikefan", "jordan_smith", "JordanLee", "pradalover", "gucci",
    "Rolex", "omegaman", "shopgirl", "watchdog", "bestbuyer", "cheapskate", "onlinegamer", "pandora_box",
    "hermes_the_cat", "sunglassesatnight", "dietcoke_addict", "ketomom", "KetoKaren", "lowcarbdad", "raspberrypi",
    "coffeebean", "greenteafan", "uggboots_girl", "jeanpierre", "petitemaman", "lecteur_du_matin", "chanelledupuis",
    "momof3", "Tom Baker", "Marc-Antoine", "la_bricoleuse", "salesforcedev", "storemanager", "diet_and_run",
    "purejoy", "dealwithit", "orderofthephoenix", "outletdesign", "bagpipe_player", "watchmaker_jules",
)  # fmt: skip
"""Pseudonyms readers run together or join with "_": names, hobbies, things they like, a brand they are a fan of."""

PRODUCT_NAMES = (
    "garciniacambogiaforskolin", "bagprada", "cheapnikeshoes", "rolexreplica", "guccibags", "replicarolex",
    "louisvuittonoutlet", "monclerjacketsuk", "uggbootsoutlet", "michaelkorsbags", "keytones", "ketotone",
    "forskolinextract", "cheap_jordans_shoes", "raybansunglasses", "nikeairmaxpascher", "sacslongchampsoldes",
)  # fmt: skip
"""Names the trade runs together: a product or a copied brand, and what a shop calls it."""


def comment(author_name: str, content: str = "Nice post.") -> Comment:
    return Comment(id="c", post_id="p", author_name=author_name, content=content)


@pytest.mark.parametrize("name", PSEUDONYMS)
def test_a_run_together_pseudonym_is_no_keyword(name: str) -> None:
    assert keyword_name(comment(name), WEIGHTS) is None


@pytest.mark.parametrize("name", PRODUCT_NAMES)
def test_a_product_or_brand_run_together_with_a_shop_word_is_a_keyword(name: str) -> None:
    signal = keyword_name(comment(name), WEIGHTS)
    assert signal is not None
    assert signal.evidence.get("joined") or signal.evidence.get("diet_pill") or signal.evidence.get("trade")


def test_the_evidence_names_the_words_run_together() -> None:
    signal = keyword_name(comment("cheapnikeshoes"), WEIGHTS)
    assert signal is not None
    assert signal.evidence == {"joined": ["cheap", "nike", "shoes"]}


@pytest.mark.parametrize("name", ("bagprada", "garciniacambogiaforskolin", "rolexreplica"))
def test_a_product_name_over_a_body_that_says_nothing_is_held_not_rejected(name: str) -> None:
    assert spam_action("", author_name=name) is Action.FLAG
    assert spam_action("Spam spam spam", author_name=name) is not Action.APPROVE


@pytest.mark.parametrize("name", ("bookworm77", "marie_dupont", "lemonadeguy"))
def test_a_pseudonym_over_a_short_comment_is_approved(name: str) -> None:
    assert spam_action("Thanks, this worked for me.", author_name=name) is Action.APPROVE
