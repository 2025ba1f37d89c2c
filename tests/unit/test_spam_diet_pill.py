"""Diet-pill and supplement scams are caught by name, offer or author name; readers talking of diets are not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action, Comment
from worker.spam.signals import WEIGHTS, detect
from worker.spam.supplement import diet_pill

READERS = (
    # a keto or low-carb recipe blog
    "Is this recipe keto friendly? I'd like to make it for my husband, he has been on keto since March.",
    "I swapped the sugar for erythritol and it came out great, perfect for keto.",
    "Does this fit keto macros if I leave out the honey?",
    "My ketones were at 1.5 this morning after three days on this meal plan.",
    "Keto worked for me for a year, then I went back to a normal diet and kept most of the weight off.",
    "Made the keto gummy bears from your recipe with gelatin and lemon juice, the kids loved them.",
    "Can I use almond flour instead of coconut flour? Trying to keep it low carb.",
    "Great recipe, we eat pure keto at home and this is now a staple.",
    "Ketones, electrolytes and water: the three things nobody tells you about in the first week.",
    # a health blog: supplements named by readers, doubting or asking
    "I tried garcinia cambogia for two months and it did nothing at all.",
    "Garcinia did nothing for me, save your money and walk every day instead.",
    "My sister takes forskolin for her asthma, is it safe with this tea?",
    "Raspberry ketones are a scam, there is no serious study behind them.",
    "My doctor said testosterone boosters are mostly zinc and marketing.",
    "Has anyone tried CBD gummies for sleep? I am wary of the dosage.",
    "Diet pills never worked for me, cutting sugar did.",
    "I bought a bottle of garcinia for $40 at the pharmacy and it did nothing, a waste of money.",
    "The article says male enhancement ads are the most common spam on health sites, which matches what I see.",
    "Is there any evidence that keto gummies do anything? They look like candy with a label.",
    # French readers
    "J'ai essayé le régime cétogène pendant trois mois, j'ai perdu 6 kilos mais c'était dur.",
    "Est-ce que cette recette est compatible avec un régime keto ?",
    "Les brûleurs de graisse, c'est de l'arnaque, seule l'alimentation compte.",
    "Le gingembre est un brûleur de graisse naturel selon ma naturopathe, vous confirmez ?",
    "J'ai pris des gélules minceur l'an dernier, aucun effet à part sur mon porte-monnaie.",
    "Moi j'ai maigri sans régime, juste en marchant tous les jours avec le chien.",
    "Une perte de poids rapide sans régime, ça n'existe pas, il faut être patient.",
    "Merci pour cette recette de cookies keto, ma fille est diabétique et elle a adoré.",
)
"""Readers of recipe and health blogs who talk about keto, ketones, diets and the supplements they tried."""

SPAM = (
    # the name alone, as a bare comment or with filler around it
    "Keto Tone",
    "keytones",
    "Garcinia Cambogia Forskolin",
    "Keto Burn Diet Pills",
    "Slim Keto Advanced Weight Loss",
    # the name with an offer, a price, an order or a link
    "Keto Gummies: where to buy at the lowest price? Order from the official website today.",
    "Ketotone reviews: does it really work? Rush your order here http://keto-tone-offer.example/buy",
    "Forskolin extract helps you lose weight fast without diet or exercise. Claim your free trial bottle now!",
    "Garcinia Cambogia pure extract, 60% HCA, only $39 a bottle, free shipping, buy now",
    "CBD Gummies for pain and anxiety, 50% off today only at the official site",
    "Male enhancement pills that really work, order now and get 2 bottles free",
    "Testosterone booster for men, limited offer, click here to get yours: www.t-boost-max.example",
    "I lost 14 kg in a month with Keto Tone, order yours on the official website, stocks are limited!",
    "Raspberry ketone plus: lose 10 pounds in 2 weeks, order today",
    # French
    "Perte de poids rapide sans régime ni sport : découvrez nos gélules minceur naturelles, commandez sur le site "
    "officiel",
    "Brûleur de graisse puissant, perdez 10 kilos en 30 jours, prix promo 29 € seulement",
    "Gélules minceur Keto : essai gratuit, livraison offerte, commandez maintenant",
    "Maigrir vite sans régime grâce au Garcinia Cambogia, offre spéciale sur notre site",
)
"""Diet-pill spam as the trade writes it, in English and French."""


def _comment(content: str, author_name: str = "Claire") -> Comment:
    return Comment(id="c", post_id="p", author_name=author_name, content=content)


@pytest.mark.parametrize("content", READERS)
def test_a_reader_talking_of_diets_or_the_pills_they_tried_is_not_a_diet_pill_advert(content: str) -> None:
    assert diet_pill(_comment(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize("content", SPAM)
def test_a_diet_pill_named_bare_or_offered_is_caught(content: str) -> None:
    assert diet_pill(_comment(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


def test_the_signal_names_its_product_and_what_sells_it() -> None:
    signal = diet_pill(_comment("Keto Gummies, 50% off today, visit the official website"), WEIGHTS)
    assert signal is not None
    assert signal.name == "diet_pill"
    assert signal.evidence["products"] == ["keto gummies"]
    assert signal.evidence["offer"] == ["official website"]


def test_the_diet_pill_signal_is_part_of_the_spam_signals() -> None:
    names = {s.name for s in detect(_comment("Keto Tone Diet Pills"), {})}
    assert "diet_pill" in names


def test_a_keto_blog_readers_pseudonym_is_not_a_product_name() -> None:
    for name in ("KetoMom", "keto_karen", "LowCarbLife", "Marie la cétogène", "ketogenic dad"):
        assert action("Made it tonight, delicious and so easy!", author_name=name) is Action.APPROVE


@pytest.mark.parametrize("name", ("keytones", "Keto Tone", "garciniacambogiaforskolin", "Forskolin Extract"))
def test_a_diet_pill_as_the_author_name_holds_a_comment_that_says_nothing(name: str) -> None:
    assert action("Nice post.", author_name=name) is not Action.APPROVE
