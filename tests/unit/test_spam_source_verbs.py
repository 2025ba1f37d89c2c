"""A reader cites a page by what it says or shows, or as the official one; the trade's "official store" still sells."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action


@pytest.mark.parametrize(
    "content",
    (
        "Decanter's vintage chart says 2015 was excellent in Burgundy: https://www.decanter.com/wine-reviews/vintage-chart/",
        "Official competition rules are on the RFU site: https://www.englandrugby.com/participation/playing/rules . "
        "Section 9 covers it.",
        "Official fishing dates are on the club site: https://www.lakeside-anglers.org.uk/dates . Opens 16 June.",
    ),
)
def test_a_page_cited_by_what_it_says_or_as_the_official_one_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Great post! This site shows how I made $5,000 a month from home: https://easycash-home.example/join",
        "Nice article, the official store is here: https://www.luxury-replica-bags.example",
        "This video shows the best way to earn money online: https://bit.ly/3xYz12",
        "Official site for the best essay writing service: https://essaywriters-pro.example",
        "Check out the official page, it shows how to get free followers: https://followers-free.example",
    ),
)
def test_a_page_pitched_as_official_or_as_showing_a_gain_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
