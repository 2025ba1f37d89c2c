"""A link spelled out to slip past link filters is spam's; a famous site named in passing, or "dot" as a word, isn't."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.signals import detect
from worker.spam.spelled import spelled_hosts
from worker.text import fold


def comment(content: str) -> Comment:
    return Comment(id="c", post_id="p", author_name="Sam", content=content)


def signals(text: str) -> dict[str, dict[str, object]]:
    return {s.name: dict(s.evidence) for s in detect(comment(text), {})}


def action(text: str) -> Action:
    result = SpamCheck().check(comment(text), Context(now=0.0))
    return max(
        (r.action for r in result.reasons),
        key=[Action.APPROVE, Action.FLAG, Action.REJECT].index,
        default=Action.APPROVE,
    )


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("Every album of the year, free, at tunes-vault dot com", "tunes-vault.com"),
        ("Watches at half price: cheapwatches(dot)net", "cheapwatches.net"),
        ("All the coupons are on promo-deals [.] org", "promo-deals.org"),
        ("Order tonight from bestpills . xyz and save", "bestpills.xyz"),
        ("Find it at www bargainhub com before it sells out", "bargainhub.com"),
        ("Rendez-vous sur mesbonsplans point fr pour en profiter", "mesbonsplans.fr"),
        ("Tout est expliqué sur credit-facile point com", "credit-facile.com"),
        ("The rest is on shop dot dealsgalore dot co dot uk", "shop.dealsgalore.co.uk"),
        ("Write to jane(at)fastloans{dot}net today", "fastloans.net"),
    ],
)
def test_a_spelled_out_link_is_found_with_its_host(text: str, host: str) -> None:
    assert signals(text)["spelled_link"] == {"hosts": [host]}


@pytest.mark.parametrize(
    "text",
    [
        "I saw the whole interview on youtube dot com last night.",
        "Ma sœur a tout vérifié sur google point fr avant de signer.",
        "Don't believe everything people post on twitter dot com.",
        "The page on wikipedia dot org gives the same dates.",
        "Le formulaire est sur impots point gouv point fr depuis lundi.",
    ],
)
def test_a_famous_site_or_a_reference_named_in_passing_is_not_counted(text: str) -> None:
    assert "spelled_link" not in signals(text)


@pytest.mark.parametrize(
    "text",
    [
        "My uncle lost his savings when the dot com bubble burst.",
        "At work I write web services in dot net, and I like it.",
        "Il a fait un point net et précis sur le budget.",
        "Bon point ça, je n'y avais pas pensé.",
        "There is a red dot in the corner of the screen after the update.",
        "Final score was 3 . The net result is a draw.",
    ],
)
def test_dot_and_point_as_words_are_no_link(text: str) -> None:
    assert spelled_hosts(fold(text)) == []


def test_a_spelled_out_link_alone_is_held_even_among_a_readers_words() -> None:
    text = "Nice tutorial, the full version of this tool is at toolzone dot net"
    assert action(text) is Action.FLAG
    assert action(text.replace("toolzone dot net", "the vendor's page")) is Action.APPROVE


def test_a_spelled_out_link_alone_is_never_rejected() -> None:
    text = "FREE download, full version, no survey, unlimited gems and coins!!! gemhack dot com"
    assert "spelled_link" in signals(text)
    assert action(text) is Action.FLAG


@pytest.mark.parametrize(
    "text",
    ["Same story all over twitter dot com this morning.", "Cherche sur google point fr, tu trouveras."],
)
def test_a_reader_naming_a_famous_site_in_passing_is_approved(text: str) -> None:
    assert action(text) is Action.APPROVE


def test_a_question_does_not_make_a_spelled_out_link_a_readers_comment() -> None:
    text = "Got error 0x80070005 at step 3, how can I fix it? I found a guide at fixitfast dot net"
    assert "reader" not in signals(text)
    assert action(text) is Action.FLAG
    assert action(text.replace("at fixitfast dot net", "somewhere")) is Action.APPROVE


def test_each_host_is_named_once_and_three_at_most() -> None:
    text = "deals dot net, " * 500 + "gifts (dot) org, promo [.] com, more-deals point fr"
    assert spelled_hosts(fold(text)) == ["deals.net", "gifts.org", "promo.com"]
