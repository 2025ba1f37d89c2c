"""The author's name read as the anchor text of a link: a trade and a selling word or a place, not a person.

On a blog the name field becomes the text of the link to the author's website, so an SEO spammer writes
the keyword it is paid to rank there ("Best Roofing Company Dallas", "Serrurier Paris 15", "Cheap NFL
Jerseys") under a stock compliment. People write a first name, a pseudonym, initials, "Dr. Smith",
"Maître Durand", or "Marie (boulangère)": a trade word alone is a job or a surname (Couvreur, Baker), so
the signal needs a trade word and a second sign (a selling word, a place, another trade word).

A diet pill's name is a keyword by itself ("Keto Tone", "Forskolin"), and so is a name run together from
a product or a brand and a commercial word ("garciniacambogiaforskolin", "bagprada", "cheapnikeshoes",
"rolexreplica"): it is read only when the whole of it splits into such words. A pseudonym run together
("bookworm77", "lemonadeguy", "marie_dupont", "nikefan") holds words of neither kind, or a brand alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.models import JSON, Comment
from worker.spam.commerce import COUNTERFEIT_BRANDS, FAMILIES, LUXURY_BRANDS, SUPPORT_WORDS, SUPPORTED_BRANDS
from worker.spam.evidence import Signal
from worker.spam.phrases import compile_phrases, tokens
from worker.spam.supplement import BRANDS as PILL_BRANDS
from worker.spam.supplement import INGREDIENTS as PILL_INGREDIENTS
from worker.spam.urls import find_links
from worker.text import fold

TRADES = frozenset(
    {
        "service", "services", "company", "companies", "agency", "agencies", "repair", "repairs", "solutions",
        "consulting", "consultants", "plumber", "plumbers", "plumbing", "locksmith", "locksmiths", "roofing",
        "roofers", "lawyer", "lawyers", "attorney", "attorneys", "dentist", "dentists", "dental", "movers", "moving",
        "seo", "marketing", "backlinks", "casino", "casinos", "poker", "betting", "loan", "loans", "payday",
        "mortgage", "mortgages", "insurance", "pharmacy", "pills", "viagra", "cialis", "replica", "replicas",
        "jerseys", "sneakers", "handbags", "essay", "essays", "escort", "escorts", "cleaning", "cleaners",
        "contractor", "contractors", "hvac", "electrician", "electricians", "remodeling", "renovation", "landscaping",
        "towing", "hosting", "rehab", "cbd", "vape", "realtor", "realtors", "storage", "removals", "plombier",
        "plombiers", "plomberie", "serrurier", "serruriers", "serrurerie", "toiture", "toitures", "avocats", "dentiste",
        "demenagement", "demenageur", "demenageurs", "credit", "credits", "pret", "prets", "rachat", "assurance",
        "assurances", "mutuelle", "agence", "entreprise", "societe", "depannage", "electricien", "chauffagiste",
        "vitrier", "nettoyage", "travaux", "voyance", "voyant", "marabout", "pharmacie", "referencement", "immobilier",
        "maillots", "climatisation", "isolation", "desinsectisation", "vtc", "carrosserie", "design", "restoration",
        "installation", "removal", "junk", "pest", "exterminator", "painting", "painters", "photography", "detailing",
        "limo", "rentals", "florist", "tutoring", "jersey", "nfl", "forex", "bitcoin", "crypto", "hacker", "hackers",
        "followers", "dissertation", "assignment", "homework", "writing", "kamagra", "tramadol", "xanax", "slots",
        "iptv", "peintre", "menuisier", "debouchage", "paysagiste", "fleuriste", "chauffage", "roofer", "mover",
        "consultant", "lender", "lending", "agent", "shoes", "boots", "bags", "handbag", "watches", "jordans", "nike",
        "uggs", "louboutin", "vuitton", "moncler", "longchamp", "rayban", "kors", "outlet", "flights", "hotels",
        "tickets", "cash", "debt", "consolidation", "trading", "diet", "keto", "supplement", "supplements",
        "enhancement", "transplant", "clinic", "botox", "detox", "development", "developers", "photographer",
        "videography", "wedding", "rental", "hire", "chaussures", "sac", "sacs", "montres", "vols", "billets",
        "medium", "affectif", "particuliers", "location", "vente", "cours", "formation", "coiffeur", "coiffure",
        "packers", "emprunteur", "conso", "remodel",
    }
)  # fmt: skip
"""Folded trade words an SEO client pays to rank; jobs that are also common surnames (Baker, Couvreur) are not."""

_SELLING = frozenset(
    {
        "cheap", "cheapest", "best", "top", "buy", "online", "discount", "discounts", "affordable", "pro", "pros",
        "professional", "emergency", "local", "certified", "licensed", "fast", "instant", "wholesale", "sale", "near",
        "cher", "chere", "meilleur", "meilleure", "meilleurs", "acheter", "achat", "ligne", "urgence", "urgent",
        "rapide", "professionnel", "promo", "free", "quality", "reliable", "trusted", "gratuit", "gratuite", "serieux",
    }
)  # fmt: skip
"""Folded words that sell: an anchor names its client with the words its customers search for."""

LEGAL_FORMS = frozenset({"llc", "ltd", "inc", "plc", "gmbh", "pty", "sarl", "eurl", "sasu"})
"""A company's legal form ("GreenLeaf Landscaping LLC", "Toitures Martin SARL"): a business signs so, not a person."""

_PLACES = frozenset(
    {
        "dallas", "houston", "austin", "miami", "chicago", "boston", "denver", "phoenix", "atlanta", "seattle",
        "vegas", "orlando", "tampa", "london", "manchester", "toronto", "sydney", "melbourne", "dubai", "delhi",
        "mumbai", "nyc", "brooklyn", "texas", "florida", "california", "paris", "lyon", "marseille", "toulouse",
        "nice", "nantes", "bordeaux", "lille", "strasbourg", "montpellier", "rennes", "grenoble", "bruxelles",
        "geneve", "montreal", "idf", "angeles", "diego", "francisco", "york", "calgary", "vancouver", "brisbane",
        "perth", "auckland", "singapore", "bangalore", "noida", "gurgaon", "lahore", "karachi", "leeds", "birmingham",
        "glasgow", "dublin", "ottawa", "toulon", "rouen", "reims", "dijon", "angers", "metz", "brest", "caen",
        "limoges", "perpignan", "versailles", "lausanne", "liege", "quebec", "usa", "uk", "canada", "australia",
        "india", "france", "belgique", "suisse",
    }
)  # fmt: skip
"""Folded cities and regions local SEO is sold for; a number after the trade (a district, a postcode) is one too."""

_FAMILY = compile_phrases(tuple(phrase for phrases in FAMILIES.values() for phrase in phrases))
_PILL = compile_phrases((*PILL_BRANDS, *PILL_INGREDIENTS))


def _joined_words(phrases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(phrase.replace(" ", "") for phrase in phrases)


_PILLS = _joined_words((*PILL_BRANDS, *PILL_INGREDIENTS)) | {"garcinia", "cambogia", "forskolin"}
"""Diet pills as one word: each is a product's name alone."""
_COPIED = _joined_words((*COUNTERFEIT_BRANDS, *LUXURY_BRANDS))
"""Brands whose copies are sold, as one word: a brand alone is a fan's name, with a commercial word a shop's."""
_COMMERCIAL = frozenset(
    {
        "cheap", "cheapest", "buy", "sale", "sales", "outlet", "replica", "replicas", "fake", "discount", "shop",
        "store", "online", "official", "wholesale", "shoes", "shoe", "sneakers", "trainers", "bag", "bags", "handbag",
        "handbags", "purse", "purses", "watch", "watches", "jersey", "jerseys", "boots", "jacket", "jackets", "coat",
        "coats", "sunglasses", "belt", "belts", "jewelry", "bracelet", "bracelets", "pills", "diet", "review",
        "reviews", "price", "prices", "deal", "deals", "order", "uk", "usa", "pascher", "sac", "sacs", "chaussures",
        "montre", "montres", "soldes", "prix", "acheter", "pilules", "gelules", "extract", "pure", "capsules",
    }
)  # fmt: skip
"""Words a shop or a pill's page runs together with what it sells ("cheapnikeshoes", "forskolinextract")."""
_PIECES = _PILLS | _COPIED | _COMMERCIAL
_LONGEST_PIECE = max(map(len, _PIECES))
_HEADS = frozenset(piece[:3] for piece in _PIECES)
"""The first three letters of each word a run-together name may start with: a name starting otherwise cannot split."""
_MAX_JOINED = 40
"""Letters at most of a name read as words run together (longer ones are not names people type)."""
_BRAND = compile_phrases(SUPPORTED_BRANDS)
_SUPPORT = compile_phrases((*SUPPORT_WORDS, "help", "setup", "desk"))  # a name has no room for "support number"
_ROUND_THE_CLOCK = re.compile(r"24\s*/\s*7|24\s*h?\s*/\s*24|7\s*j?\s*/\s*7")
_SELF_DESCRIBED = re.compile(r"[(,]")
_MIN_WORDS, _MAX_WORDS = 2, 7


def _place(after: tuple[str, ...]) -> str | None:
    """Return the place named from a trade word on, if any: a known city, a district or a postcode."""
    for i, word in enumerate(after):
        if word in _PLACES or (i > 0 and word.isdigit() and len(word) in (1, 2, 5)):
            return word
    return None


def _split(letters: str) -> list[str] | None:
    """Return ``letters`` split into the fewest words of :data:`_PIECES`, or None when they do not split."""
    best: list[list[str] | None] = [[]] + [None] * len(letters)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - _LONGEST_PIECE), end):
            before, known = best[start], best[end]
            if before is not None and letters[start:end] in _PIECES and (known is None or len(before) + 1 < len(known)):
                best[end] = [*before, letters[start:end]]
    return best[-1]


def _joined(folded: str) -> dict[str, JSON]:
    """Return the words of a name run together from a product or brand and commercial words, if it is one."""
    letters = "".join(filter(str.isalpha, folded))  # no generator to resume once per character of every name
    if letters[:3] not in _HEADS or not letters.isascii() or len(letters) > _MAX_JOINED:
        return {}
    pieces = _split(letters)
    if pieces is None:
        return {}
    pills = [p for p in pieces if p in _PILLS]
    brands = [p for p in pieces if p in _COPIED]
    if pills or (brands and len(pieces) > 1 and any(p in _COMMERCIAL for p in pieces)):
        return {"joined": pieces[:5]}
    return {}


def _sold(folded: str) -> dict[str, JSON]:
    """Return what a name sells on its own: a scam family's words, a diet pill, a brand with support words
    ("Outlook Help"), or a product or brand run together with commercial words ("bagprada")."""
    family = _FAMILY.search(folded)
    if family:
        return {"family": family.group()}
    pill = _PILL.search(folded)
    if pill:
        return {"diet_pill": " ".join(pill.group().split())}
    brand = _BRAND.search(folded)
    support = _SUPPORT.search(folded) if brand else None
    if brand and support:
        return {"brand": brand.group(), "support": support.group()}
    return _joined(folded)


def _trade(folded: str, words: tuple[str, ...]) -> dict[str, JSON]:
    """Return a trade word with a second sign (a selling word or a legal form, a place after it, another trade
    word), if any."""
    trades = sorted({w for w in words if w in TRADES})
    if not trades:
        return {}
    selling = sorted(
        {w for w in words if w in _SELLING or w in LEGAL_FORMS}
        | ({"24/7"} if _ROUND_THE_CLOCK.search(folded) else set())
    )
    if not selling and _SELF_DESCRIBED.search(folded):
        return {}  # "Marie (boulangère)", "Jean, avocat à Lyon": a person saying what they do
    place = _place(words[min(words.index(t) for t in trades) :])
    if len(trades) + len(selling) + (place is not None) < 2:
        return {}
    evidence: dict[str, JSON] = {"trade": trades[:3]}
    if selling:
        evidence["selling"] = selling[:3]
    if place:
        evidence["place"] = place
    return evidence


def keyword_name(comment: Comment, weights: Mapping[str, float]) -> Signal | None:
    """The author's name is a search keyword: a scam family's, a brand's support, or a trade with a second sign."""
    if not comment.author_name or find_links(comment.author_name):
        return None  # a link in the name is link_in_name's
    folded = fold(comment.author_name)
    words = tokens(folded)
    if len(words) > _MAX_WORDS:
        return None
    evidence = _sold(folded) or (_trade(folded, words) if len(words) >= _MIN_WORDS else {})
    return Signal("keyword_name", weights["keyword_name"], evidence) if evidence else None
