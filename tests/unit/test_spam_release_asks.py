"""A creator announcing their release or asking for subscribers in Spanish, Portuguese, English or French is
self-promotion; a fan speaking of the artist's release, their family's cover or their favourite version is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.own_work import own_work
from worker.spam.signals import WEIGHTS
from worker.text import fold

PROMOTERS = (
    "Hice un remix de esta canción, está en mi perfil, denme su opinión",
    "Ayúdenme a llegar a 500 suscriptores, subo música cada semana",
    "Fiz um cover dessa música no piano, passa no meu perfil",
    "Sou cantor iniciante, lancei minha primeira música ontem, escutem por favor",
    "Me ajudem a chegar a 1000 inscritos, posto toda semana",
    "my harp version of this is up now, go hear it and like if you enjoy it",
    "My debut single just came out, stream it on Spotify and hit follow",
    "I'm starting a small music channel, first video is up, would love your support",
    "Support small artists! I post a new remix every friday",
    "Concert tickets giveaway, link in my bio, ends tonight",
    "Je suis chanteur débutant, allez écouter mon premier single",
    "Un petit abonnement pour un petit créateur, je fais des montages de clips",
    "J'ai repris cette chanson à la guitare, dites-moi ce que vous en pensez",
)
"""The video sites' self-promotion in the words it takes on big music videos."""

FANS = (
    "Mi hermano hizo un cover de esta canción en la escuela, quedó precioso",
    "Esta canción llegó a mil millones de vistas, merecido",
    "Meu irmão fez um cover no violão e ficou lindo",
    "Her debut single came out in 2012 and it is still my favourite",
    "The acoustic version on their official channel is my favourite version",
    "I'm starting to learn this song on guitar, the chords are easy",
    "I post this video every year on my friend's birthday, it's our song",
    "La version live de la chanson est sortie sur la chaîne officielle",
    "Mon frère a repris cette chanson au mariage de ma sœur, tout le monde a pleuré",
)
"""Fans speaking of the artist's release, their family's cover or their own habits."""


@pytest.mark.parametrize("content", PROMOTERS)
def test_a_creator_announcing_their_release_or_asking_for_subscribers_is_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", FANS)
def test_a_fan_speaking_of_a_release_or_a_familys_cover_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    ("my harp version of this is up now, go hear it", "My first EP just came out, stream it on all platforms"),
)
def test_a_release_of_the_writers_own_announced_with_an_ask_is_their_own_work(content: str) -> None:
    assert own_work(fold(content), WEIGHTS) is not None


@pytest.mark.parametrize(
    "content", ("My favourite version of this is out on vinyl now", "My first album of theirs came out in 2009")
)
def test_a_fans_favourite_version_or_album_out_is_not_their_own_work(content: str) -> None:
    assert own_work(fold(content), WEIGHTS) is None
