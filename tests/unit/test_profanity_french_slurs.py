"""French slurs in the forms people write them: feminine, plural, several words; their innocent look-alikes pass."""

from __future__ import annotations

import pytest

from worker.checks.profanity import matcher_for
from worker.profanity import Severity

SLURS = {
    "homophobic and transphobic": ["Sales pédés", "une gouine", "ces tarlouzes", "sale pédale", "sale trav", "fiottes"],
    "ethnic and racist": ["les négresses", "sale juive", "sales musulmanes", "youpines", "ritales", "sale gitane"],
    "ableist": ["quelle mongolienne", "espèce de mongol", "les gogols", "trisos", "sale handicapée", "sale autiste"],
}
SEXIST = ["sale pute", "sales chiennes", "mal baisée", "poufiasses", "sale morue"]
INNOCENT = [
    "ma chienne est malade",
    "la pédale du vélo est cassée",
    "l'empire mongol",
    "une tapette à mouches",
    "la morue aux pommes de terre",
    "une personne handicapée",
    "les personnes trisomiques",
]


def worst(text: str) -> Severity | None:
    hits = matcher_for().scan(text, "fr")
    return max((h.severity for h in hits), key=lambda s: s.rank, default=None)


@pytest.mark.parametrize(("family", "text"), [(f, t) for f, texts in SLURS.items() for t in texts])
def test_every_family_of_french_slurs_is_rejected_in_every_form(family: str, text: str) -> None:
    assert worst(text) is Severity.SLUR, family


@pytest.mark.parametrize("text", SEXIST)
def test_french_sexist_insults_are_held(text: str) -> None:
    assert worst(text) is Severity.STRONG


@pytest.mark.parametrize("text", INNOCENT)
def test_the_innocent_bare_words_of_several_word_slurs_pass(text: str) -> None:
    assert worst(text) is None
