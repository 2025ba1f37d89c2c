"""A testimonial vouching for a practitioner, with a way to reach them: the marabouts' and "recovery" hackers' trade.

"Grâce au grand maître Koffi mon mari est revenu, contactez-le", "Thanks to Dr Osagie my wife came back,
WhatsApp +234…": the spammer writes as a grateful client so that readers get in touch. A reader thanks
people too ("grâce à la grève", "thanks to the author"), but names no healer, lender or hacker, and gives
no one's number or address: the signal needs all three.
"""

from __future__ import annotations

from collections.abc import Mapping

from worker.models import JSON
from worker.spam.evidence import Signal
from worker.spam.phrases import compile_phrases, unjoined

_VOUCHING = compile_phrases(
    (
        "thanks to", "thank you", "i recommend", "i highly recommend", "i testify", "i want to testify",
        "he helped", "she helped", "contact him", "contact her", "grace a", "grace au", "merci au", "merci a",
        "je recommande", "je le recommande", "je la recommande", "je vous le recommande", "je vous la recommande",
        "je temoigne", "il m a aide", "il m a aidee", "elle m a aide", "elle m a aidee", "contactez le",
        "contactez la", "ecrivez lui", "swear by", "swears by", "ne jure que par", "ne jurent que par",
    )
)  # fmt: skip
PRACTITIONERS = (
        "dr", "doctor", "prophet", "baba", "priest", "spell caster", "spiritual healer", "healer", "herbalist",
        "psychic", "lender", "hacker", "recovery expert", "mr", "mrs", "maitre", "grand maitre",
        "maitre spirituel", "marabout", "voyant", "voyante", "medium", "professeur", "papa", "guerisseur",
        "preteur", "preteuse", "hacker ethique", "mme", "madame", "monsieur", "lady", "dame",
)  # fmt: skip
"""Who a client's testimonial names: a healer, a lender, a hacker, a "doctor" or a "Mr"."""
_PRACTITIONER = compile_phrases(PRACTITIONERS)


def testimonial(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A client's thanks or recommendation naming a practitioner (asked only of a comment giving a contact)."""
    text = unjoined(folded)
    vouching = _VOUCHING.search(text)
    practitioner = _PRACTITIONER.search(text) if vouching else None
    if vouching is None or practitioner is None:
        return None
    evidence: dict[str, JSON] = {"vouching": vouching.group(), "practitioner": practitioner.group()}
    return Signal("testimonial", weights["testimonial"], evidence)
