"""The shipped abuse weights: found in the installed package, read once, and deciding as when they were trained.

When ``scripts/train_abuse.py`` writes new weights, update ``EXPECTED`` with what they say (and say why in the
commit): a change here without a retraining means the features or the scoring changed under the weights.
"""

from __future__ import annotations

from importlib import resources

import pytest

from worker.abuse.model import DEFAULT_WEIGHTS, AbuseModel, shipped_model
from worker.checks.abuse import DEFAULT_FLAG_AT

EXPECTED = [
    ("You are a complete idiot and everybody here knows it.", 0.9283),
    ("Thanks for the clear explanation of the new timetable.", 0.0106),
    ("T'es vraiment qu'un abruti, retourne jouer dans ton bac à sable.", 0.9981),
    ("Merci pour cet article très clair sur les horaires du bus.", 0.0034),
    ("Go back to your country, you vermin", 0.9819),
    ("Je ne suis pas d'accord avec l'auteur sur le marché du logement.", 0.0044),
]


def test_the_weights_file_is_part_of_the_installed_package() -> None:
    packaged = resources.files("worker.abuse").joinpath("data/weights.json.gz")
    assert packaged.is_file()
    assert DEFAULT_WEIGHTS.samefile(str(packaged))


def test_the_shipped_model_is_read_once_per_process() -> None:
    assert shipped_model() is shipped_model()


@pytest.mark.parametrize(("text", "probability"), EXPECTED)
def test_the_shipped_weights_decide_as_when_they_were_trained(text: str, probability: float) -> None:
    fresh = AbuseModel.load(DEFAULT_WEIGHTS)  # not the cached one: read from the file again
    assert fresh.probability(text) == pytest.approx(probability, abs=5e-4)
    assert (fresh.probability(text) >= DEFAULT_FLAG_AT) == (probability >= DEFAULT_FLAG_AT)


def test_the_shipped_weights_hold_words_and_short_pieces_never_sentences() -> None:
    model = shipped_model()
    assert all(" " not in word for word in model.words)
    assert all(pair.count(" ") == 1 for pair in model.pairs)
    assert all(len(piece) <= 5 for piece in model.chars)
    assert len(model.words) + len(model.pairs) + len(model.chars) <= 100_000
