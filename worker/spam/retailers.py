"""A brand's goods seen or bought at a shop that sells the genuine ones: a shopper's comparison, not a copy for sale.

Counterfeit sellers sell from their own outlet, site or messenger, and never send readers to a chain that stocks
the real thing; a reader comparing prices names the chain ("les mêmes baskets Nike à 120 € chez Intersport", "Air
Max for $90 at Foot Locker"). Such a chain named after "chez" or "at" reads as the writer's purchase does in
:func:`worker.spam.commerce.counterfeit`: there only a seller's words (replica, outlet, "pas cher", AAA) count.
"""

from __future__ import annotations

from worker.spam.phrases import compile_phrases

_CHAINS = (
    "intersport", "decathlon", "go sport", "courir", "foot locker", "footlocker", "jd sports", "snipes", "zalando",
    "sarenza", "spartoo", "citadium", "la halle", "kiabi", "galeries lafayette", "tk maxx", "tj maxx",
    "sports direct", "nordstrom", "macy s", "kohl s", "dick s", "academy sports", "john lewis", "selfridges",
    "un bijoutier", "l horloger", "mon bijoutier", "mon horloger",
    # department stores, perfumeries, opticians and outdoor shops that sell the copied brands' genuine goods
    "harrods", "harvey nichols", "house of fraser", "debenhams", "bloomingdale s", "saks", "printemps",
    "le printemps", "bon marche", "le bon marche", "sephora", "nocibe", "marionnaud", "douglas", "boots",
    "superdrug", "krys", "optic 2000", "afflelou", "grand optical", "sunglass hut", "specsavers", "vision express",
    "schuh", "snowleader", "vieux campeur", "au vieux campeur", "le vieux campeur",
)  # fmt: skip
_AT_A_CHAIN = compile_phrases(
    (
        *(f"{at} {chain}" for at in ("chez", "at", "aux", "au") for chain in _CHAINS),
        *("en magasin", "in store", "in the shop", "au magasin", "dans le magasin"),
    )
)
"""A chain that sells the genuine goods, or a shop the writer walked into, as where the price was seen."""


def at_a_retailer(unjoined_folded: str) -> bool:
    """Tell whether unjoined folded text names where a price was seen: a chain selling the genuine goods, a shop."""
    return _AT_A_CHAIN.search(unjoined_folded) is not None
