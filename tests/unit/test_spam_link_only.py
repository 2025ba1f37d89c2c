"""A link with nothing but arrows or filler around it asks only for the click, even when its address is empty."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action, Comment
from worker.spam.signals import WEIGHTS, link_only


def comment(content: str) -> Comment:
    return Comment(id="c", post_id="p", author_name="Claire", content=content)


@pytest.mark.parametrize("content", (">>>> http://", "Hello\n\n>>>>  http://", "==> https://", "👉 http://", "http://"))
def test_a_scheme_left_without_its_address_is_a_link_with_nothing_around_it(content: str) -> None:
    signal = link_only(comment(content), WEIGHTS)
    assert signal is not None
    assert signal.evidence["empty"] is True


@pytest.mark.parametrize("content", (">>>> http://", "Nice\n\n>>>>  http://", "Voir ici >>> https://", "👉👉 http://"))
def test_arrows_pointing_at_an_empty_link_are_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


def test_arrows_pointing_at_a_link_weigh_more_than_the_link_alone() -> None:
    pointed = link_only(comment(">>> http://promo.example/x"), WEIGHTS)
    plain = link_only(comment("http://promo.example/x"), WEIGHTS)
    assert pointed is not None and plain is not None
    assert pointed.evidence.get("pointed") is True and "pointed" not in plain.evidence
    assert pointed.weight > plain.weight


@pytest.mark.parametrize(
    "content",
    (
        "Should the config say http:// or https:// for the proxy, now that the certificate is installed?",
        "The docs write the scheme as http:// in every example, which confused me for an hour.",
        "Temperature > 30 => https tends to time out here, any idea why the handshake is that slow?",
        "a -> b -> c, then the loop closes",
    ),
)
def test_a_scheme_named_in_a_sentence_is_no_link_only_comment(content: str) -> None:
    assert link_only(comment(content), WEIGHTS) is None
    assert spam_action(content) is Action.APPROVE
