"""Work done for free, told by its customer or its volunteer: goodwill, not a free offer.

A seller promises readers something free ("get followers for free", "free quote, call now", "we fix any PC for
free"); a customer tells what a shop or a tradesman did for them at no charge ("he came back to fix a loose cable
for free", "the repair café fixed my toaster for free", "the wool shop winds skeins for free if you buy there"), and a
volunteer what they give ("I help people with their tax returns for free at the library").
The ``money`` signal raised by free words alone (:func:`worker.spam.helpline.free_words_only`) is dropped when the
work is named and nobody sells: no "we" (a business's), no way to reach anyone, and none of the trades whose fake
clients tell of a gift ("the herbalist sent me the herbs for free", "the hacker recovered my funds for free").
"""

from __future__ import annotations

from worker.spam.evidence import Signal
from worker.spam.helpline import free_words_only
from worker.spam.phrases import compile_phrases, unjoined
from worker.spam.testimonial import PRACTITIONERS

# The work a shop or a tradesman does on a customer's thing.
_WORK = compile_phrases(
    (
        "fix", "fixes", "fixed", "fixing", "repair", "repairs", "repaired", "mend", "mended", "replace", "replaced",
        "swap", "swapped", "adjust", "adjusted", "service", "serviced", "tune", "tuned", "sharpen", "sharpened",
        "wind", "winds", "wound", "patch", "patched", "sort", "sorted", "came back", "come back", "re fitted",
        "refitted", "reset", "true", "trued", "clean", "cleaned", "alter", "altered", "reparer", "repare", "reparee",
        "change", "remplace", "regle", "revenu", "revenue",
        # a volunteer's time, given free ("I help people with their tax returns for free at the library")
        "i help", "he helps", "she helps", "they help", "volunteer", "volunteers", "volunteering", "benevole",
        "benevoles", "benevolat", "j aide", "il aide", "elle aide",
    )
)  # fmt: skip
# A business speaking ("we fix", "our technicians"), a way to reach it, or a trade whose fake clients tell of gifts.
_SELLING = compile_phrases(
    (
        "we", "us", "our team", "our technicians", "our experts", "our engineers", "our company", "our services",
        "our shop", "our store", "nous", "notre equipe", "nos techniciens", "notre societe", "contact", "call",
        "whatsapp", "contactez", "appelez", *PRACTITIONERS, "spell", "herbs", "herbal", "funds", "loan", "crypto",
        "bitcoin", "recover", "recovered", "account", "followers", "download", "unlimited",
    )
)  # fmt: skip


def weigh(signals: list[Signal], folded: str) -> list[Signal]:
    """Return ``signals`` without a ``money`` signal of free words alone when a customer tells of work done for
    free, and nobody sells nor can be reached (no ``contact``)."""
    money = next((s for s in signals if s.name == "money"), None)
    if money is None or not free_words_only(money, folded) or any(s.name == "contact" for s in signals):
        return signals
    text = unjoined(folded)
    if _WORK.search(text) is None or _SELLING.search(text) is not None:
        return signals
    return [s for s in signals if s is not money]
