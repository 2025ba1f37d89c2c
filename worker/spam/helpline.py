"""A national helpline's short number said free ("le 3919 est gratuit"): what the call costs, no money talked of.

France gives its public lines short numbers (3919 for women facing violence, 119 for children in danger, 3114 against
suicide, 115 for a shelter, 116 006 for victims), which no seller has and which are too short to be read as phone
numbers. "Gratuit" next to one tells what calling it costs: a ``money`` signal raised by free words alone is set
aside, unless money is handed out (a grant, a prize: the bait of a scam dressed as an office).
"""

from __future__ import annotations

import re

from worker.spam.evidence import Signal
from worker.spam.phrases import compile_phrases

FREE_OF_CHARGE = frozenset({"for free", "gratuit", "gratuitement"})
"""The ``money`` phrases that say a public line costs nothing."""
# Money handed out, which a grant or prize scam dressed as a public office promises "for free": there the free
# words are its bait, not what a public line costs.
MONEY_GIVEN = compile_phrases(
    (
        "money", "cash", "grant", "grants", "funds", "payout", "pays out", "prize", "refund", "argent", "subvention",
        "subventions", "aide financiere", "prime", "versement", "fonds", "remboursement", "cheque",
    )
)  # fmt: skip
# A short public number named as a number ("le 3919", "au 119", "appelez le 116 006"), not a sum nor a year.
_SHORT_LINE = re.compile(
    r"(?<!\w)(?:le|au|du|call|dial|ring|on)\s(?:3\d{3}|11[5-9]|116\s?\d{3})(?!\w|[.,]\d|\s?(?:€|eur\b|euros?\b|%|ans\b))"
)


def free_words_only(signal: Signal, folded: str) -> bool:
    """Tell whether ``signal`` is ``money`` raised by free words alone ("gratuit"), with no money handed out."""
    phrases = signal.evidence.get("phrases")
    if signal.name != "money" or not isinstance(phrases, list) or not phrases:
        return False
    return FREE_OF_CHARGE.issuperset(phrases) and MONEY_GIVEN.search(folded) is None


def weigh(signals: list[Signal], folded: str) -> list[Signal]:
    """Return ``signals`` without a ``money`` signal of free words alone when a national helpline is named."""
    if not any(s.name == "money" for s in signals) or _SHORT_LINE.search(folded) is None:
        return signals
    return [s for s in signals if not free_words_only(s, folded)]
