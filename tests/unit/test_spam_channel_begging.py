"""Asking for subscribers and clicks in the video sites' other words is self-promotion; talking about it is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.phrases import matches
from worker.text import fold

BEGGING = (
    ("sub 4 sub? reply and I'll do it", "self_promotion"),
    ("click on my name for the best prank videos", "self_promotion"),
    ("Be my first subscriber, I post every Sunday", "self_promotion"),
    ("I have a YouTube channel about fishing, not many views yet", "self_promotion"),
    ("Sorry for the self promo but my band needs listeners", "self_promotion"),
    ("Petite youtubeuse ici, je poste des vlogs chaque mercredi", "self_promotion"),
    ("Désolé pour la pub, mais ma mixtape sort vendredi", "self_promotion"),
    ("Suscríbete a mi canal de música, subo videos cada semana", "self_promotion"),
    ("Free followers for everyone who likes this, I send them tonight", "seo"),
    ("Des abonnés gratuits pour tout le monde, ça vous tente ?", "seo"),
)
"""Owners of channels asking for subscribers, clicks and listeners, and the sellers of free followers."""

TALK = (
    "Every music video now has ten comments begging for subs, it's exhausting",
    "Who actually clicks on these self-promo comments?",
    "She thanked her first subscribers in the description, so sweet",
    "My first concert was this tour, I was nine",
    "The channel has 40 million subscribers and still replies to comments",
    "Les youtubeurs qui font de la pub sous chaque clip, vous êtes lourds",
)
"""Fans talking about channels, subscribers and self-promotion."""


@pytest.mark.parametrize(("content", "topic"), BEGGING)
def test_asking_for_subscribers_and_clicks_in_other_words_is_caught(content: str, topic: str) -> None:
    assert matches(topic, fold(content))
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", TALK)
def test_fans_talking_about_subscribers_and_self_promotion_are_approved(content: str) -> None:
    assert action(content) is Action.APPROVE
