"""A local council's line and a public service that helped are passed on; a scammer called out is a warning."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.warning import warns
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        "Our parish council runs a free bulky waste collection every spring, call 01632 960118 to get on the list.",
        "The district council has a free home energy check this winter, ring 01632 960557 and they book a visit.",
    ),
)
def test_a_local_councils_line_passed_on_with_its_call_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


def test_a_public_service_that_helped_the_writer_passes_its_number_on() -> None:
    text = "Citizens Advice answered on 0808 223 1133 when my landlord kept the deposit. They helped me with the form."
    assert spam_action(text) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a council named by a seller's fake notice: an offer with a price
        "Council approved cheap loft clearance, our team removes everything, best prices, call 01632 960118 today.",
        # a recovery hacker vouched for: "they helped" of the trade fake clients vouch for
        "They helped me recover my lost bitcoin from a fake broker, contact the recovery team on 0808 223 1133.",
    ),
)
def test_a_sellers_line_dressed_as_help_is_not_approved(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The so-called recovery guy who messaged my uncle was also a scammer.",
        "That hacker on Twitter is a scammer, he took my friend's money.",
    ),
)
def test_a_scammer_called_out_is_a_warning(content: str) -> None:
    assert warns(fold(content))


def test_a_hacker_vouched_for_is_no_warning() -> None:
    assert not warns(fold("The hacker who recovered my crypto was brilliant, he got it all back."))
