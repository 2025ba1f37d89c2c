"""A neighbourhood pharmacy named as the owner of the number a reader passes on: a shop, not pills for sale.

Readers pass on their pharmacy's number ("la pharmacie du centre livre les personnes âgées, il suffit d'appeler le
05 56 …"): a pharmacy in France is a counter in a street, reached on the landline of its area (01 to 05). Pharmacy
spam sells pills by name or without a prescription ("Cialis sans ordonnance", "pharmacie en ligne"), online or by
messenger, from a mobile or a paid line. So when the ``pharmacy`` signal's only word is the shop's ("pharmacie",
"pharmacy"), the shop is named as a place of the neighbourhood ("la pharmacie du village", "de garde") and the one
number is a French landline, the pharmacy is the number's owner, as a town hall is.
"""

from __future__ import annotations

import re

from worker.spam.evidence import Signal
from worker.spam.phones import find_phones
from worker.spam.phrases import compile_phrases

_SHOP_WORDS = frozenset({"pharmacie", "pharmacy"})
"""The ``pharmacy`` phrases that name the shop and nothing sold there."""
_LOCAL = compile_phrases(
    (
        "pharmacie du centre", "pharmacie du village", "pharmacie du quartier", "pharmacie de mon quartier",
        "pharmacie de notre quartier", "pharmacie du bourg", "pharmacie de la place", "pharmacie de la gare",
        "pharmacie de la mairie", "pharmacie du marche", "pharmacie de garde", "pharmacie d a cote",
        "pharmacie du coin", "pharmacie de la rue", "pharmacie de l avenue", "pharmacie de ma rue",
        "pharmacie de mon village", "local pharmacy", "village pharmacy", "pharmacy on the high street",
        "pharmacy in the village", "pharmacy round the corner", "pharmacy around the corner",
    )
)  # fmt: skip
_LANDLINE = re.compile(r"(?:0|33)[1-5]\d{8}")
"""A French geographic number, national or with the country code: a line of an area, not a mobile nor a paid line."""


def local_pharmacy(text: str, folded: str, signals: list[Signal]) -> bool:
    """Tell whether the ``pharmacy`` signal of ``text`` (``folded``: unjoined folded) names only a neighbourhood's
    pharmacy reached on a French landline, its one number."""
    pharmacy = next((s for s in signals if s.name == "pharmacy"), None)
    phrases = pharmacy.evidence.get("phrases") if pharmacy is not None else None
    if not isinstance(phrases, list) or not phrases or not _SHOP_WORDS.issuperset(phrases):
        return False
    if _LOCAL.search(folded) is None:
        return False
    phones = find_phones(text)
    return len(phones) == 1 and _LANDLINE.fullmatch(phones[0].digits) is not None
