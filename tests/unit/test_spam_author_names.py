"""A reader's pseudonym or a name met once leans neither way; a name met in several spam rows still does."""

from __future__ import annotations

import pytest

from worker.spam.classifier import Label, ModelState
from worker.spam.corpus import seed_model
from worker.spam.features import features


def _name_features(author_name: str) -> set[str]:
    return {f for f in features("Thanks for the article.", author_name) if f.startswith("n:")}


@pytest.mark.parametrize(
    "name", ("Anonymous", "Anonyme", "Reader", "A reader", "Un lecteur", "Une lectrice", "Guest", "Invité", "Visitor")
)
def test_a_placeholder_name_gives_the_classifier_no_name_to_read(name: str) -> None:
    assert _name_features(name) == set()


def test_a_name_with_a_trade_beside_a_placeholder_word_is_read_whole() -> None:
    assert _name_features("Psychic Reader") == {"n:psychic", "n:reader"}


@pytest.mark.parametrize("name", ("Anonymous", "Anonyme", "Reader", "Lecteur", "Guest", "Invité", "Karen", "Karim"))
def test_the_seed_model_does_not_lean_to_spam_for_a_readers_pseudonym_or_first_name(name: str) -> None:
    model = seed_model()
    text = "I tried the recipe last night and it worked."
    assert model.weigh(text, author_name=name).logit <= model.weigh(text, author_name="").logit


def test_a_name_met_in_one_spam_row_weighs_nothing_and_in_two_it_weighs_towards_spam() -> None:
    model = ModelState()
    model.learn("Thanks, lovely post about the garden.", Label.HAM, author_name="Irene")
    model.learn("Cheap pills, best price today.", Label.SPAM, author_name="Pillbox")
    once = model.weigh("Nice", author_name="Pillbox")
    assert all(feature != "n:pillbox" for _, feature in once.weighed)
    model.learn("Cheap pills again, order now.", Label.SPAM, author_name="Pillbox")
    twice = model.weigh("Nice", author_name="Pillbox")
    assert dict((feature, odds) for odds, feature in twice.weighed)["n:pillbox"] > 0
