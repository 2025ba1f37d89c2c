"""A creator pointing readers at their own cover, remix or channel is self-promotion; a fan telling of one is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.own_work import own_work
from worker.spam.signals import WEIGHTS
from worker.text import fold

PROMOTERS = (
    "I recorded a ukulele cover of this last night, give it a listen and tell me if it's any good",
    "We just released a metal version of this chorus, go hear it, you won't regret it",
    "Check out the slowed remix I posted this morning, took me hours",
    "I make reaction videos to every new single, come see on my channel",
    "I've just started a small music channel, all original songs",
    "J'ai enregistré une reprise au violon de ce morceau, dites-moi ce que vous en pensez",
    "Je fais des remix de tous les tubes de l'été, allez écouter sur ma chaîne",
    "J'ai lancé ma chaîne hier, que des covers au piano",
)
"""The writer's own work, with an ask to go and see it (or a channel opened, which asks of itself)."""

FANS = (
    "I recorded a ukulele cover of this for my grandad's birthday and he cried",
    "My brother made a remix of this for his wedding, everyone danced",
    "The slowed remix on the official channel is my favourite version, go listen",
    "I made my kids watch the video and now they dance every morning",
    "I made a version of the script that also runs on Windows, thanks for the tutorial",
    "J'ai fait une reprise de cette chanson à la fête de l'école, les parents ont adoré",
    "Ma version préférée reste le live acoustique, allez l'écouter sur la chaîne officielle",
)
"""Fans and readers telling of a cover, a remix or a version they made or like, asking nobody to go and hear theirs."""


@pytest.mark.parametrize("content", PROMOTERS)
def test_a_creator_pointing_readers_at_their_own_work_is_own_work_and_held(content: str) -> None:
    assert own_work(fold(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", FANS)
def test_a_fan_telling_of_a_cover_or_remix_without_asking_for_a_visit_is_no_own_work(content: str) -> None:
    assert own_work(fold(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE


def test_own_work_names_the_work_and_the_ask_as_evidence() -> None:
    found = own_work(fold("I recorded a ukulele cover of this, give it a listen"), WEIGHTS)
    assert found is not None and found.weight == WEIGHTS["own_work"]
    assert found.evidence == {"work": "i recorded a ukulele cover", "ask": "give it a listen"}


def test_a_channel_opened_is_an_ask_of_itself() -> None:
    found = own_work(fold("I just launched a cooking channel"), WEIGHTS)
    assert found is not None and "ask" not in found.evidence


def test_the_self_promoters_own_excuse_is_the_ask_of_a_cover() -> None:
    content = "not trying to self promote but we did a jazz cover of this and it came out ok"
    assert own_work(fold(content), WEIGHTS) is not None
    assert action(content) is not Action.APPROVE
