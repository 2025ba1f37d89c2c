"""A price that rose, told as news: a reader's figures, not goods for sale.

Readers follow what things cost ("le sac est passé de 1 200 € à 1 600 € en trois ans", "the same trainers went up
from £90 to £120", "les prix du luxe explosent"); a seller tells the price a reader would pay now, never what it
used to be years ago, or cuts it ("passé de 120 € à 39 €": the was-now pitch). So a price told rising from one sum to
a higher one, or prices said to rise, is a shopper's comparison, where a copied brand's shop words ("prix", "sac")
count no more than at a chain that sells the genuine goods (:mod:`worker.spam.retailers`): only a seller's words
(outlet, replica, "pas cher") do.
"""

from __future__ import annotations

import re

_SUM = r"(?:[$€£]\s?\d[\d.,]*(?:\s\d{3})*|\d[\d.,]*(?:\s\d{3})*\s?(?:[$€£]|euros?|pounds?|dollars?))"
_MOVED = re.compile(
    rf"(?<!\w)(?:est passe|est passee|sont passes|sont passees|a augmente|ont augmente|went up|has gone up|"
    rf"have gone up|rose|jumped|increased)\s+(?:de|from)\s+({_SUM})\s+(?:a|to)\s+({_SUM})"
)
# Prices said to rise ("les prix du luxe explosent", "prices of trainers keep going up", "la hausse des prix").
_RISING = re.compile(
    r"(?<!\w)(?:prix(?:\s+\w+){0,3}\s+(?:explosent|s envolent|flambent|ont double|augmentent)"
    r"|prices(?:\s+\w+){0,3}\s+(?:have doubled|keep going up|are going up|have gone up|are rising|keep rising)"
    r"|hausse des prix|price rises|price hikes)(?!\w)"
)


def _value(amount: str) -> float:
    """Return the number a written sum says ("1 200 €" 1200, "£3.50" 3.5, "13,49 €" 13.49)."""
    digits = re.sub(r"[^\d.,]", "", amount)
    cents = re.search(r"[.,](\d{1,2})$", digits)
    whole = digits[: cents.start()] if cents else digits
    return float(re.sub(r"\D", "", whole) or 0) + (float(f"0.{cents.group(1)}") if cents else 0.0)


def price_moved(unjoined_folded: str) -> bool:
    """Tell whether unjoined folded text tells of a price that rose from one sum to a higher one, or of prices rising
    (a price cut, "passé de 120 € à 39 €", is a seller's was-now pitch)."""
    moved = _MOVED.search(unjoined_folded)
    if moved is not None and _value(moved.group(2)) > _value(moved.group(1)):
        return True
    return _RISING.search(unjoined_folded) is not None
