"""A trade signed with a company's legal form, or as "pros", is a business's anchor; a person's name is not."""

from __future__ import annotations

import pytest

from worker.models import Comment
from worker.spam.anchor_name import keyword_name
from worker.spam.signals import WEIGHTS


def comment(author_name: str) -> Comment:
    return Comment(id="c", post_id="p", author_name=author_name, content="Great tips, thanks for sharing!")


@pytest.mark.parametrize(
    "name",
    ("GreenLeaf Landscaping LLC", "Toitures Martin SARL", "Apex Roofing Ltd", "Swift Movers Inc.",
     "Kitchen Remodel Pros", "Nettoyage Dubois EURL"),
)  # fmt: skip
def test_a_trade_signed_with_a_legal_form_or_as_pros_is_a_keyword(name: str) -> None:
    assert keyword_name(comment(name), WEIGHTS) is not None


@pytest.mark.parametrize(
    "name",
    ("Inès Martin", "Lincoln Ltd fan", "Sarl", "Mike the plumber", "The Pros and Cons guy", "Marie (coiffeuse)",
     "Tom from the LLC", "Prosper Inc", "Jacques Couvreur"),
)  # fmt: skip
def test_a_legal_form_or_pros_without_a_trade_is_a_persons_name(name: str) -> None:
    assert keyword_name(comment(name), WEIGHTS) is None
