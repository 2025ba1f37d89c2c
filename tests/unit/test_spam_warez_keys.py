"""Software cracked and its activation keys given away are the warez sites' trade; a reader's warning is not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action as action
from worker.models import Action
from worker.spam.commerce import scam_family
from worker.spam.signals import WEIGHTS
from worker.text import fold

WAREZ = (
    "Pack Office 2019 avec crack gratuit et clé d'activation offerte, téléchargement direct",
    "Logiciel crack pour tous les montages vidéo, version crackée sans pub",
    "Get Windows activated forever with KMSpico, activation key included in the zip",
)
"""Cracked software and keys offered, as warez sites write it."""

READERS = (
    "Un logiciel piraté m'a coûté mon disque dur, achetez vos licences, ce n'est pas si cher",
    "Where do I type the activation key? The installer never asked me for it",
    "Ma clé d'activation Windows était sur un autocollant sous le portable",
)
"""Readers speaking of pirated software and of their own keys."""


@pytest.mark.parametrize("content", WAREZ)
def test_cracked_software_and_keys_given_away_are_a_scam_family_and_held(content: str) -> None:
    found = scam_family(fold(content), WEIGHTS)
    assert found is not None and found.evidence["families"] == ["streaming"]
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize("content", READERS)
def test_readers_speaking_of_pirated_software_and_their_own_key_are_approved(content: str) -> None:
    assert scam_family(fold(content), WEIGHTS) is None
    assert action(content) is Action.APPROVE
