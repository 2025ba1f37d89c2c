"""Diet-pill and supplement scams, in English and French: a product's name, bare or with an offer.

The trade sells a pill under a brand shaped on a diet's name ("Keto Tone", misspelt "Keytones", "Keto
Burn", "Slim Keto"), an ingredient with a reputation (garcinia cambogia, forskolin, raspberry ketone), or
a promise ("male enhancement", "testosterone booster", "gélules minceur", "brûleur de graisse"). Its
comments are the name alone (a rule probe, or a page's keyword), the name as the author's, or the name
with an offer: a price, a free trial, "order now", the "official website", a link; and promises such as
"lose weight fast", "perte de poids rapide", "sans régime".

Readers of recipe and health blogs talk about keto, ketones and diets all day, and about the pills they
tried ("I tried garcinia, it did nothing"): a diet is no product, a product named in a sentence about the
writer, a question or a doubt is a reader's, and a price then is what the reader paid. So a product
counts alone only when the comment is bare (a brand shape with no one speaking in it, or nothing but
ingredient names), and with a price or a promise only when nothing doubts; the seller's own words (order,
official website, free trial, click here) and a way to reach it count whatever is said around them.
"""

from __future__ import annotations

from collections.abc import Mapping

from worker.models import JSON, Comment
from worker.spam.evidence import Signal
from worker.spam.phrases import compile_phrases, tokens, unjoined
from worker.spam.urls import find_links
from worker.text import fold

_KETO_BRAND_WORDS = (
    "tone", "tones", "burn", "burner", "bhb", "slim", "advanced", "blast", "genix", "trim", "shred", "acv",
)  # fmt: skip
BRANDS = (
    # the keto pill brands' shapes, run together and misspelt too
    *(f"keto {word}" for word in _KETO_BRAND_WORDS),
    "ketotone", "ketotones", "ketoburn", "ketoslim", "ketogenix", "keytone", "keytones", "key tones", "slim keto",
    "slimketo", "trim keto", "advanced keto", "instant keto", "bhb keto", "bhb ketones", "bhb salts", "acv keto",
)  # fmt: skip
"""Brand shapes of keto pills: no diet and no food, only a product is called so."""
INGREDIENTS = (
    # a keto product by its form: a recipe may make gummies, a pill is sold
    "keto pills", "keto pill", "keto diet pills", "keto diet pill", "keto gummies", "keto gummy", "keto capsules",
    "keto gelules", "keto pilules", "acv gummies",
    "garcinia", "garcinia cambogia", "cambogia", "forskolin", "raspberry ketone", "raspberry ketones",
    "male enhancement", "testosterone booster", "testosterone boosters", "cbd gummies", "hemp gummies",
    "gelules minceur", "pilules minceur", "capsules minceur", "comprimes minceur", "fat burner", "fat burners",
    "fat burning pills", "diet pills", "diet pill", "weight loss pills", "weight loss supplement",
    "weight loss supplements", "appetite suppressant", "bruleur de graisse", "bruleurs de graisse",
    "coupe faim", "green coffee bean extract",
)  # fmt: skip
"""Products the trade sells under their own name, which readers name too when they tried or doubt them."""
_STRONG_BARE = frozenset(BRANDS)
"""Names that alone make a bare comment an advert even with a few words around them."""
_PRODUCTS = compile_phrases((*BRANDS, *INGREDIENTS))

# A seller's own words: a reader who tried a pill does not write them.
_SELLER = compile_phrases(
    (
        "order now", "order today", "order yours", "order here", "rush my order", "rush your order", "place your order",
        "order from the official", "official website", "official site", "official store", "buy now", "buy here",
        "where to buy", "free trial", "trial offer", "risk free", "claim your", "get yours", "click here",
        "limited offer", "limited stock", "stocks are limited", "only today", "today only", "special offer",
        "free bottle", "free bottles", "bottles free", "money back guarantee", "shark tank", "dragons den",
        "site officiel", "commandez", "commandez maintenant", "commander maintenant", "commandez ici",
        "essai gratuit", "offre speciale", "offre limitee", "livraison offerte", "livraison gratuite",
        "satisfait ou rembourse", "cliquez ici", "notre site", "our website", "visit our",
    )
)  # fmt: skip
# A price, a purchase, a promotion: a seller's, or what a reader paid.
_OFFER = compile_phrases(
    (
        "buy", "order", "price", "prices", "pricing", "discount", "sale", "promo", "% off", "$#", "# $", "#$", "€#",
        "# €", "#€", "bottle", "bottles", "free shipping", "for free", "reviews", "acheter", "achetez", "commander",
        "prix", "promotion", "reduction", "gratuit", "livraison", "offre",
    )
)  # fmt: skip
# The trade's promises.
_PROMISE = compile_phrases(
    (
        "lose weight fast", "lose weight quickly", "lose # pounds", "lose # lbs", "lose # kg", "lost # pounds in",
        "lost # lbs in", "lost # kg in", "burn fat fast", "melt fat", "melts fat", "belly fat", "without diet",
        "without dieting", "without exercise", "no diet", "no exercise", "weight loss formula", "fat burning",
        "boost your metabolism", "perte de poids rapide", "perdre du poids rapidement", "perdre du poids vite",
        "maigrir vite", "maigrir rapidement", "sans regime", "sans effort", "sans sport", "perdez # kilos",
        "perdez # kg", "# kilos en # jours", "# kg en # jours", "graisse du ventre", "bruler les graisses",
    )
)  # fmt: skip
# A doubt, a verdict, a question: a reader telling what a pill did not do, or asking about it.
_DOUBT = compile_phrases(
    (
        "did nothing", "does nothing", "do nothing", "doesn t work", "don t work", "didn t work", "does not work",
        "did not work", "never worked", "never work", "not work", "no effect", "useless", "waste", "scam", "scams",
        "fake", "rip off", "ripoff", "hype", "marketing", "placebo", "no evidence", "any evidence", "study",
        "studies", "dangerous", "beware", "avoid", "careful", "wary", "doubt", "myth", "spam", "ads",
        "can t", "cannot", "impossible", "arnaque", "arnaques", "aucun effet", "rien fait", "ne marche pas",
        "ne marchent pas", "n a pas marche", "inutile", "dangereux", "mefiez", "etude", "etudes", "n existe pas",
        "mythe", "pub", "pubs", "attention",
    )
)  # fmt: skip
_PERSON = frozenset(
    {
        "i", "me", "my", "mine", "we", "our", "us", "you", "your", "im", "ive", "je", "j", "moi", "mon", "ma",
        "mes", "nous", "notre", "nos", "vous", "votre", "vos", "tu", "toi", "ton", "ta", "tes",
    }
)  # fmt: skip
"""Words of someone speaking: a bare advert has none, a reader's sentence almost always one."""
_FILLER_WORDS = frozenset({"and", "with", "plus", "et", "avec", "the", "le", "la", "les", "de", "du", "des", "a", "&"})
_BARE_WORDS = 12
"""Words at most, besides the product's, of a comment that is a brand shape alone."""


def _bare(text: str, names: list[str]) -> bool:
    """Tell whether a comment is its product names and little else: no one speaking, nothing asked."""
    if "?" in text:
        return False
    rest = text
    for name in names:
        rest = rest.replace(name, " ")
    words = [w for w in tokens(rest) if w not in _FILLER_WORDS]
    if not _PERSON.isdisjoint(words):
        return False
    if any(name in _STRONG_BARE for name in names):
        return len(words) <= _BARE_WORDS
    return not words


def diet_pill(
    comment: Comment, weights: Mapping[str, float], reached: bool = False, folded: str | None = None
) -> Signal | None:
    """A diet pill or supplement named bare, or with a seller's words, a price or a promise (see the module).

    ``reached``: the comment gives a contact (a number, an address, a messenger), read as a seller's words; a
    link is one too, unless the comment doubts (a reader citing a study). ``folded``: the comment's text as
    shown, folded (the caller's, whose words are already read), else its content folded here.
    """
    if folded is None:
        folded = fold(comment.content)
    if not _PRODUCTS.search(folded):
        return None
    text = unjoined(folded)
    names = list(dict.fromkeys(" ".join(m.group().split()) for m in _PRODUCTS.finditer(text)))
    evidence: dict[str, JSON] = {"products": list(names[:3])}
    seller = [" ".join(m.group().split()) for m in _SELLER.finditer(text)]
    doubt = _DOUBT.search(text) is not None or "?" in text
    if seller or reached or (not doubt and find_links(comment.content)):
        evidence["offer"] = list(dict.fromkeys(seller))[:3] or ["contact" if reached else "link"]
        return Signal("diet_pill", weights["diet_pill"], evidence)
    if doubt:
        return None
    promised = [" ".join(m.group().split()) for m in _PROMISE.finditer(text)]
    speaking = not _PERSON.isdisjoint(tokens(text))  # a price then is what the writer paid, not an offer
    offered = [] if speaking else [" ".join(m.group().split()) for m in _OFFER.finditer(text)]
    sold = promised + offered
    if sold:
        evidence["offer"] = list(dict.fromkeys(sold))[:3]
        return Signal("diet_pill", weights["diet_pill"], evidence)
    return Signal("diet_pill", weights["diet_pill"], evidence) if _bare(text, names) else None
