"""A public body's or a club's number passed on with an address at its own domain is its two lines; an address at a
mail provider, or a trade beside them, keeps the contact."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.body_address import own_domain_address


@pytest.mark.parametrize(
    "content",
    (
        "Pour le permis de pêche, la fédération de pêche répond au 02 38 71 90 14 ou à contact@peche45.fr, "
        "très réactifs.",
        "La mairie prend les inscriptions au repas des anciens au 03 29 64 11 80 ou par mail à accueil@ville-bar.fr.",
        "Le club d'échecs cherche des joueurs pour son équipe, appelez le 04 75 31 62 08 ou écrivez à "
        "bureau@echecs-valence.fr.",
    ),
)
def test_a_bodys_number_and_its_own_domains_address_passed_on_are_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # an address at a mail provider
        "La fédération de pêche répond au 02 38 71 90 14 ou à federation.peche45@gmail.com pour vos permis.",
        # a loan offered beside a body's name
        "L'association accorde des prêts entre particuliers, appelez le 06 58 44 12 90 ou écrivez à "
        "aide@pret-solidaire.org.",
        # the writer's own lines
        "Contactez-moi au 06 12 34 56 78 ou à jean@mon-depannage.fr pour la mairie ou pour vous.",
    ),
)
def test_a_providers_address_a_trade_or_the_writers_own_lines_are_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "own"),
    (
        ("ecrivez a contact@peche45.fr", True),
        ("ecrivez a federation@gmail.com", False),
        ("a@club.fr ou b@club.fr", False),
        ("pas d adresse", False),
    ),
)
def test_an_own_domains_address_is_one_address_at_no_mail_provider(text: str, own: bool) -> None:
    assert own_domain_address(text) is own
