"""A premium-rate number is a spammer's trade (the call itself pays); readers who warn of such lines are not held."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.phones import premium_line
from worker.spam.signals import WEIGHTS, detect


def comment(content: str) -> Comment:
    return Comment(id="c", post_id="p", author_name="Odile", content=content)


def action(content: str) -> Action:
    result = SpamCheck().check(comment(content), Context(now=0.0))
    return max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)


def premium(content: str) -> dict[str, object] | None:
    signal = next((s for s in detect(comment(content), {}) if s.name == "premium_rate"), None)
    return None if signal is None else {"weight": signal.weight, **signal.evidence}


@pytest.mark.parametrize(
    ("digits", "line"),
    (
        ("0892701234", "France 089"),
        ("33812345678", "France 081"),
        ("09061701461", "UK 09"),
        ("449061701461", "UK 09"),
        ("08717507711", "UK 087"),
        ("19005550142", "North America 900"),
        ("0800123456", None),
        ("0809401401", None),
        ("0612345678", None),
        ("447700900123", None),
        ("18775550142", None),
    ),
)
def test_a_premium_rate_line_is_named_by_where_it_is_and_its_prefix(digits: str, line: str | None) -> None:
    assert premium_line(digits) == line


@pytest.mark.parametrize(
    "content",
    (
        "Pour savoir s'il reviendra, appelez ma voyance au 08 99 23 45 67, réponse en direct.",
        "Ton avenir amoureux en une minute : 0 892 68 01 23",
        "You have been picked for a £500 shopping voucher, ring 09061 701461 to collect it",
        "Bored tonight? Real people waiting on 0871 750 7711",
        "For your lucky numbers this week dial 1-900-555-0142",
        # in a sentence as a reader would write it: not set aside as a number passed on
        "My sister swears by the lady on 0906 170 1461, she told her about the new job months before it came up.",
        "Le soir où j'ai douté, la dame du 08 99 23 45 67 a tout vu de ma situation, sans que je dise rien.",
    ),
)
def test_a_premium_rate_number_offered_to_be_called_is_held_or_rejected(content: str) -> None:
    assert premium(content) is not None
    assert action(content) is not Action.APPROVE


def test_the_signal_names_the_line_and_never_repeats_the_number() -> None:
    found = premium("Appelez vite le 08 99 23 45 67 ou le 08 92 68 01 23, voyance en direct.")
    assert found == {"weight": WEIGHTS["premium_rate"], "count": 2, "lines": ["France 089"]}
    assert "23 45 67" not in str(found) and "0899234567" not in str(found)


def test_a_bare_run_of_digits_is_a_premium_line_only_in_its_national_form() -> None:
    assert premium("to win the hamper text back or ring 09061701461 before friday") is not None
    assert premium("the refund reference 449061701461 is on the letter they sent me") is None


@pytest.mark.parametrize(
    "content",
    (
        # ordinary, free and shared-cost numbers are not premium-rate lines
        "The council's free advice line is 0800 123 456, they sorted my heating grant in a week.",
        "Pour la déclaration, le service des impôts répond au 0 809 401 401, j'ai eu quelqu'un vite.",
        # a prefix talked about, no number given
        "Attention, ne rappelez jamais un numéro en 0899 qui vous laisse un message : c'est surtaxé.",
        "Anything starting 09 in the UK costs a fortune per minute, never ring back a missed call from one.",
    ),
)
def test_ordinary_numbers_and_warnings_about_premium_lines_give_no_premium_signal_and_are_approved(
    content: str,
) -> None:
    assert premium(content) is None
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "My gran got her pension sorted after ringing the office on 0845 606 0265, worth a try for anyone stuck.",
        "The train company only has 0871 200 4950 for refunds, which is a disgrace for a public service.",
        "Pour les allocations, la CAF répond au 0 810 25 14 10, il faut juste être patient le lundi matin.",
    ),
)
def test_a_reader_passing_on_a_service_rate_number_is_held_at_most_never_rejected(content: str) -> None:
    assert premium(content) is not None
    assert action(content) is not Action.REJECT
