"""An advert that opens on a question to the readers about their own need, and answers it as a business.

"Need a visa fast? We get approvals in 7 days", "Injured in a truck accident? Our attorneys win you the compensation
you deserve", "Vous déménagez bientôt ? Nous nous chargeons de tout, devis gratuit": the question is the advert's hook,
and it would otherwise earn the ``reader`` signal that a question about the post earns. A reader asks about the post,
or others about it; an advertiser asks the readers about their need and answers in the business's voice ("we",
"our", "nous", "notre", "nos") with something sold (a free quote, a price, a booking, a guarantee). A reader
answering their own question with their household's story ("We did it with our son last year") tells of the past and
sells nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.models import JSON
from worker.spam.evidence import Signal, grow
from worker.spam.phrases import compile_phrases, key_words, unjoined, watched

_QUESTION_WORDS = 16
"""Words an advert's hook has at most ("Bad credit holding you back?")."""
_TO_OTHERS = compile_phrases(
    (
        "anyone", "anybody", "someone", "somebody", "any of you", "quelqu un", "vous savez", "the author", "article",
        "post", "recipe", "tutorial", "recette", "tuto", "billet",
    )
)  # fmt: skip
"""A question put to the other readers or about the post: a reader's."""
_VOICE = re.compile(r"^(?:(?:so|then|here|alors|ici)\s+)?(we|our|nous|notre|nos)\s+(\w+)")
_VOICES = watched({"we", "our", "nous", "notre", "nos"})
"""The voices of :data:`_VOICE`, each a whole word of the text where it matches."""
_PAST = re.compile(
    r"\w+ed|did|had|was|were|went|got|paid|bought|found|made|took|gave|spent|saw|tried|also|too|avons|etions"
)
"""A voice telling its own story ("we booked", "we did", "nous avons") rather than offering anything."""
_SELLING = compile_phrases(
    (
        "free quote", "free estimate", "free consultation", "free assessment", "free case review", "free inspection",
        "free trial", "free delivery", "quote today", "get your", "book a", "book your", "book online", "order now",
        "order today", "order online", "order tonight", "apply today", "apply now", "call us", "call now",
        "message us", "contact us", "contact our", "guaranteed", "guarantee", "money back", "no win no fee",
        "% off", "at prices", "low prices", "affordable", "same day", "overnight", "first page",
        "plagiarism free", "consultation gratuite", "devis gratuit", "gratuit", "gratuite", "offert", "offerte",
        "premier rendez vous", "prix reduit", "prix reduits", "a prix", "tarifs", "garanti", "garantie",
        "contactez nous", "premiere page", "sans engagement", "livraison rapide",
    )
)  # fmt: skip
_PRICE = re.compile(r"(?:[$£€]\s?\d|\d[\d,. ]*\s?(?:[$£€]|euros?|dollars?|pounds?)(?!\w))")
_SENTENCE = re.compile(r"[.!?\n]+")


def asked_pitch(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A question to the readers about their need, answered in a business's voice with something sold.

    Returned as ``business_pitch``, weighing as one after its hook: the same business speaking, its hook a question
    rather than a stock compliment.
    """
    mark = folded.find("?")
    if mark < 0 or _VOICES.isdisjoint(key_words(folded)):
        return None  # no question, or no business's voice to answer it: told before the question is read
    start = max(folded.rfind(end, 0, mark) for end in ".!\n") + 1
    question = unjoined(folded[start:mark]).strip()
    if not question or len(question.split()) > _QUESTION_WORDS or _TO_OTHERS.search(question):
        return None
    answer = unjoined(folded[mark + 1 :])
    for sentence in _SENTENCE.split(answer):
        voice = _VOICE.match(sentence.strip(" ,;:-"))
        if voice is None or (voice.group(1) in ("we", "nous") and _PAST.fullmatch(voice.group(2))):
            continue
        selling = _SELLING.search(answer) or _PRICE.search(answer)
        if selling is None:
            return None
        evidence: dict[str, JSON] = {
            "asked": " ".join(question.split())[:60],
            "voice": voice.group(),
            "selling": " ".join(selling.group().split()),
        }
        return Signal("business_pitch", grow(weights["business_pitch"], 2, 2), evidence)
    return None
