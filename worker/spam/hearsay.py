"""Talk of a scam that gives no way to reach anyone: a reader's news or warning, not the scam itself.

A marabout, a private lender, a "recovery" hacker or a support line is paid by whoever gets in touch, so
their comment gives a way to: a number, an address, a link, a messenger, or at least "write to me",
"call us", an offer in the first person ("nous accordons des prêts"), a testimonial ("je le recommande").
A reader reporting a trial or warning others ("c'est une arnaque, ne les contactez pas") names the same
words and gives none: there the family's and the support line's words weigh :data:`SHARE` of their weight,
and so do the topics it talks of ("a debt consolidation loan" is the money a reader had, not one offered). Such talk
is a reader's: their question or thanks counts as one (the ``reader`` signal), as where nothing is sold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from worker.spam.evidence import Signal
from worker.spam.phrases import Phrases, compile_phrases, unjoined

SHARE = 0.5
"""Share of their weight the words of a scam keep when the comment gives no way to reach anyone."""

REACHED_FAMILIES = frozenset(
    {"black_magic", "marabout", "private_loan", "fund_recovery", "credit_insurance", "fake_documents", "proadvisor"}
)
"""Scam families paid by whoever gets in touch (streaming sites and essay mills are their own address)."""

_TALK = frozenset({"support_line", "brand_support"})

# The writer's own bank, adviser or insurer named as who offered it ("le rachat de crédit proposé par ma banque",
# "my bank offered to consolidate"): debt consolidation and borrower's insurance are what banks sell, which the
# ``credit_insurance`` family apes from a broker's line. A customer's account of their own bank's product, reaching
# nobody, is no talk of the scam at all: its words weigh nothing.
_OWN_BANK = compile_phrases(
    (
        "ma banque", "notre banque", "mon banquier", "ma banquiere", "mon conseiller", "ma conseillere",
        "mon assureur", "notre assureur", "my bank", "our bank", "my bank s", "my insurer", "our insurer",
        "my adviser", "my advisor",
    )
)  # fmt: skip

# Asking to be reached, offering in the first person, or vouching for someone: what only the trade writes.
_REACH = compile_phrases(
    (
        "contact me", "contact us", "contact him", "contact her", "contact them", "email me", "mail me",
        "write to me", "write me", "write to us", "text me", "message me", "dm me", "reach me", "reach out",
        "get in touch", "call me", "call us", "we offer", "i offer", "we provide", "i provide", "we give",
        "i give", "we lend", "i lend", "i recommend", "i testify", "thanks to", "giving loans", "offering loans",
        "contactez", "contactez moi", "contactez nous", "contactez le", "contactez la", "contactez les",
        "contacter", "ecrivez", "ecrivez moi", "ecrivez nous", "ecrivez lui", "ecrivez leur", "appelez",
        "appelez moi", "appelez nous", "joignez", "envoyez moi", "cherchez les", "je propose", "nous proposons",
        "j accorde", "nous accordons", "je prete", "nous pretons", "je finance", "nous financons",
        "j offre", "nous offrons", "je vous aide", "nous vous aidons", "je recommande", "je vous recommande",
        "je le recommande", "je la recommande", "je vous le recommande", "je vous la recommande", "je temoigne",
        "grace a", "grace au",
    )
)  # fmt: skip
_NEGATION = re.compile(r"(?<!\w)(?:ne|n|don t|dont|do not|never|jamais|not)(?:\s+\w+)?\s*$")
"""A negation just before the words ("ne les contactez pas", "don't contact them"): a warning, not an ask."""


def said_unnegated(phrases: Phrases, text: str) -> bool:
    """Tell whether one of ``phrases`` is in ``text`` (unjoined) with no negation just before it."""
    return any(_NEGATION.search(text, 0, match.start()) is None for match in phrases.finditer(text))


def reaches(folded: str) -> bool:
    """Tell whether folded text asks to be reached, offers in the first person or vouches for someone."""
    return said_unnegated(_REACH, unjoined(folded))


def _talk(signal: Signal) -> bool:
    if signal.name == "scam_family":
        families = signal.evidence.get("families")
        return isinstance(families, list) and bool(families) and REACHED_FAMILIES.issuperset(map(str, families))
    return signal.name in _TALK


def weigh(signals: list[Signal], folded: str, others: Iterable[str], topics: Iterable[str] = ()) -> list[Signal]:
    """Return ``signals``, the words of a scam weighed at :data:`SHARE` when nothing else reaches anyone (at nothing
    when they are a bank's product told of the writer's own bank: :data:`_OWN_BANK`).

    ``others`` are the names of signals that say nothing of a way to reach anyone (topics, style); the
    ``topics`` among them (money, crypto...) are talk too then, and weigh :data:`SHARE` with the scam's words.
    """
    if not any(s.weight > 0 and _talk(s) for s in signals):
        return signals
    quiet = frozenset(others)
    if any(s.weight > 0 and not _talk(s) and s.name not in quiet for s in signals) or reaches(folded):
        return signals
    talked = frozenset(topics)
    share = 0.0 if _own_banks_product(signals, folded) else SHARE
    return [
        replace(s, weight=s.weight * share) if s.weight > 0 and (_talk(s) or s.name in talked) else s for s in signals
    ]


def _own_banks_product(signals: list[Signal], folded: str) -> bool:
    """Tell whether the scam's words are only the ``credit_insurance`` family's, told of the writer's own bank."""
    families = {f for s in signals if s.name == "scam_family" for f in s.evidence.get("families") or ()}
    talk = {s.name for s in signals if s.weight > 0 and _talk(s)}
    if families != {"credit_insurance"} or talk != {"scam_family"}:
        return False
    return _OWN_BANK.search(unjoined(folded)) is not None
