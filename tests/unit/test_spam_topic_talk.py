"""A topic talked about by a person weighs nothing; a topic in ad copy or in an offer keeps its weight."""

from __future__ import annotations

import pytest

from worker.models import Comment
from worker.spam.signals import TOPIC_SIGNALS, detect
from worker.spam.topic_talk import talked
from worker.text import fold


def _topic_weights(content: str) -> dict[str, float]:
    found = detect(Comment(id="c", post_id="p", author_name="Claire", content=content), {})
    return {s.name: s.weight for s in found if s.name in TOPIC_SIGNALS}


@pytest.mark.parametrize(
    "content",
    (
        "My uncle took out three payday loans last winter and he is still paying them off. Please don't borrow "
        "from those lenders, ask your bank first.",
        "I think the casino ads during football matches should be banned, my nephew bets every weekend now.",
        "Is it true that the pension fund lost money on cryptocurrency last year?",
        "Mon voisin a perdu ses économies dans les paris sportifs, je trouve que ces publicités devraient être "
        "interdites.",
        "Beware of sites promising you can earn $500 a day with bitcoin, it is a scam, I lost 300 dollars.",
        "Le musée est gratuit le premier dimanche du mois, j'y emmène mes enfants à chaque fois.",
    ),
)
def test_a_topic_a_person_talks_about_with_nothing_offered_weighs_nothing(content: str) -> None:
    assert talked(fold(content))
    weights = _topic_weights(content)
    assert weights
    assert all(weight == 0.0 for weight in weights.values())


@pytest.mark.parametrize(
    "content",
    (
        "Keto Burn Ultra Slim Capsules",
        "You can get free casino spins every day from an amazing site, I use it all the time.",
        "I make $400 a day from home trading bitcoin with this app.",
        "Films et séries en streaming VF gratuit, tous les épisodes sans inscription",
        "Has anyone tried the new crypto platform? I doubled my savings in a month.",
        "I got my 2 BTC back thanks to a recovery expert, what a relief.",
        "Des abonnés gratuits pour ta chaîne, moi j'en ai eu mille en une semaine.",
        "Scam warnings everywhere, but I trade with Anna's group and make $900 a week, no scam at all.",
    ),
)
def test_a_topic_in_ad_copy_or_next_to_an_offer_keeps_its_weight(content: str) -> None:
    assert not talked(fold(content))
    assert any(weight > 0.0 for weight in _topic_weights(content).values())


def test_a_person_talking_next_to_a_link_keeps_the_topics_weight_for_the_link_may_be_the_sale() -> None:
    content = "I think this is the best casino around: https://casino-example.test"
    assert talked(fold(content))
    assert _topic_weights(content)["gambling"] > 0.0
