"""A business pitching itself in a comment: "our company provides ...", "notre agence accompagne ...".

SEO comment spam does not always end on a footer with a place ("Top SEO company in Delhi"): as often it
thanks the author in stock words and then speaks as the business it is paid for, in the first person
plural, offering a service ("Our company provides carpet cleaning across Melbourne", "Our firm offers the
best immigration consulting", "on propose des tarifs imbattables", "notre agence accompagne les PME").
Readers speak of their company too ("our team hit the same bug", "notre entreprise est passée au
télétravail"), but do not offer its services to the other readers: the signal needs the business's voice
offering something, with a selling word next to it (best, affordable, free quote, devis gratuit, tarifs,
a service area...), and no question asked of the author; it weighs half again after a stock compliment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.models import JSON
from worker.spam.commerce import COMPLIMENTS
from worker.spam.evidence import Signal, grow
from worker.spam.phrases import compile_phrases, key_words, unjoined, watched

_BUSINESS = (
    r"company|firm|agency|team|business|clinic|store|shop|services|service|products|experts|specialists|"
    r"professionals|technicians|writers|consultants|plans|packages|prices|rates|courses|"
    r"entreprise|societe|agence|equipe|cabinet|boutique|magasin|produits|formations|prestations|artisans|"
    r"techniciens|tarifs|experts|consultants"
)
_OFFERING = (
    r"provide|provides|offer|offers|specialise|specialises|specialize|specializes|deliver|delivers|guarantee|"
    r"guarantees|can help|will help|helps|is available|are available|covers|serve|serves|"
    r"propose|proposent|offre|offrent|accompagne|accompagnent|intervient|interviennent|realise|realisent|garantit|"
    r"garantissent|est specialisee|est specialise|sont specialises|sont eligibles|est eligible|couvre"
)
_WHAT = (
    r"services?|solutions|quotes?|estimates?|packages|plans|rates|prices|courses|training|consulting|repairs?|"
    r"cleaning|installation|delivery"
)
_VOICE = re.compile(
    rf"\b(?:our|notre|nos)\s+(?:\w+\s+){{0,2}}(?:{_BUSINESS})\s+(?:\w+\s+){{0,5}}?(?:{_OFFERING})\b"
    r"|\bwe\s+(?:specialise|specialize)\s+in\b"
    rf"|\bwe\s+(?:offer|provide|deliver|guarantee)\s+(?:\w+\s+){{0,5}}?(?:{_WHAT})\b"
    r"|\bwe\s+are\s+(?:a|an|the)\s+(?:leading|top|best|trusted|professional|certified|licensed|reliable|"
    r"premier|local)\b"
    r"|\b(?:nous|on)\s+(?:proposons|propose|offrons|accompagnons|intervenons|realisons|garantissons|"
    r"sommes\s+(?:specialises|une\s+agence|une\s+entreprise|un\s+cabinet|une\s+societe))\b"
)
_VOICE_WORDS = watched(
    {
        "provide", "provides", "offer", "offers", "specialise", "specialises", "specialize", "specializes",
        "deliver", "delivers", "guarantee", "guarantees", "help", "helps", "available", "covers", "serve", "serves",
        "propose", "proposent", "offre", "offrent", "accompagne", "accompagnent", "intervient", "interviennent",
        "realise", "realisent", "garantit", "garantissent", "specialisee", "eligibles",
        "eligible", "couvre", "proposons", "offrons", "accompagnons", "intervenons", "realisons", "garantissons",
        "leading", "top", "best", "trusted", "professional", "certified", "licensed", "reliable", "premier",
        "local", "sommes",
    }
)  # fmt: skip
"""The words one of which the business's voice needs (its verb, or what "we are a ..." calls itself)."""
_SUBJECTS = watched({"our", "notre", "nos", "we", "nous", "on"})
"""The words one of which every match of :data:`_VOICE` opens on, each a whole word of the text."""
_COMPLIMENT = compile_phrases(
    (
        *COMPLIMENTS, "good article", "wonderful article", "useful article", "wonderful post", "helpful post",
        "awesome blog", "great read", "good read", "nice read", "nice info", "valuable information",
        "really informative", "thanks for this", "thank you for this", "really useful", "very helpful",
        "such a helpful", "helpful guide", "great guide", "useful tips", "great tips", "i appreciate your effort",
        "loved this", "superbe article", "bel article", "super interessant", "merci pour ces conseils",
        "merci beaucoup", "tres utile", "article complet", "j adore ce blog", "merci pour cette", "merci", "thanks",
        "thank you", "great", "awesome",
    )
)  # fmt: skip
"""Stock compliments (:data:`~worker.spam.commerce.COMPLIMENTS`) and the thanks a pitch opens on."""
_SELLING = compile_phrases(
    (
        "best", "top rated", "leading", "affordable", "cheap", "cheapest", "free quote", "free estimate", "quote",
        "discount", "% off", "contact us", "call us", "book online", "visit our", "our website", "free audit",
        "meilleur", "meilleure", "meilleurs", "devis", "devis gratuit", "tarifs", "tarif", "prix", "pas cher",
        "pas chere", "imbattable", "imbattables", "contactez nous", "nous contacter", "notre site", "cpf",
        "sur devis", "gratuitement", "24h 24", "7j 7", "24 7", "across", "partout en", "toute la region",
    )
)  # fmt: skip
_OPENING = 80
"""Characters of the comment's start where a stock compliment is looked for."""


def business_pitch(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A business offering its services in the first person with a selling word, more after a stock compliment."""
    held = key_words(folded)  # its words among both sets (watched)
    if "?" in folded or _VOICE_WORDS.isdisjoint(held) or _SUBJECTS.isdisjoint(held):
        return None  # the usual case: no verb of the business's voice, or no one speaking, told by looks at the words
    text = unjoined(folded)
    voice = _VOICE.search(text)
    if voice is None:
        return None
    selling = _SELLING.search(text)
    if selling is None:
        return None  # "our company offers unlimited leave": a reader's employer, nothing sold to the readers
    evidence: dict[str, JSON] = {"voice": " ".join(voice.group().split())[:60], "selling": selling.group()}
    compliment = _COMPLIMENT.search(text[:_OPENING])
    if compliment is not None:
        evidence["after"] = compliment.group()
    return Signal("business_pitch", grow(weights["business_pitch"], 1 + (compliment is not None), 2), evidence)
