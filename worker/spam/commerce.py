"""Signals of link-less commercial spam, in English and French: what a spammer's trade makes them write.

Spam on blogs and news sites often carries no link at all: the spammer is paid by the call, not the
click. A tech-support scam names a brand next to "support number" and gives a phone number; a booking
scam gives an airline's "reservation number"; an SEO footer ends a generic compliment with a company
and a city; the well-known scam families (black-magic "specialists", marabouts, loans between
individuals, hackers for hire, counterfeit sneakers, streaming sites) each have their own words.
Every function here reads the folded text (see :func:`worker.text.fold`) with common disguises undone
(:func:`plain`), and returns signals with a name, a weight and the phrases seen as evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

from worker.models import JSON
from worker.spam.evidence import Signal, grow
from worker.spam.phones import Phone, find_phones, premium_line
from worker.spam.phrases import Phrases, compile_phrases, same_words, tokens, unjoined
from worker.spam.phrases import words as _words
from worker.spam.price_news import price_moved
from worker.spam.retailers import at_a_retailer
from worker.text import AsciiFast

_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"})
# A word that starts with a letter and holds digits or $ @ ("c01nb4s3"); "123movies" or "mp3" are left alone.
_MIXED = re.compile(r"(?<!\w)(?=[^\W\d_])(?=[\w$@]*[\d$@])[\w$@]{4,}(?!\w)")
_SPACED = re.compile(r"(?<!\w)(?:[^\W\d_][ .]){3,}[^\W\d_](?!\w)")
# A letter next to a digit, "$" or "@" (only whether there is one is read): the pattern starts on the digit,
# so that Python's regular expressions jump from one digit to the next instead of trying every position.
_DISGUISED_DIGIT = AsciiFast(r"[\d$@](?:(?<=[^\W\d_].)|[^\W\d_])")
# Runs of two or more of "@*~:", else runs of brackets and the like: the same, written to start on a set of
# characters (each branch checks the first one behind it) for the same reason.
_JOINERS = re.compile(r"[@*~:\[\](){}<>=_|](?:(?<=[@*~:])[@*~:]+|(?<=[\[\](){}<>*~=_|])[\[\](){}<>*~=_|]*)")
_SPACED_LETTERS = 3
"""Distinct one-letter words a text needs before spaced-out words are looked for ("a" and "i" are common)."""


_LETTERS_AND_DIGITS = bytes(
    ord("a") if chr(b).isalpha() else ord("0") if chr(b).isdigit() or chr(b) in "$@" else ord(" ") for b in range(128)
) + bytes(128)
"""For an ASCII text: its letters as "a", its digits, "$" and "@" as "0", any other character a space."""


def _letter_by_digit(folded: str) -> bool:
    """Tell whether a letter is next to a digit, "$" or "@", as :data:`_DISGUISED_DIGIT` finds one."""
    if not folded.isascii():
        return _DISGUISED_DIGIT.unicode.search(folded) is not None
    # The usual case: an ASCII text's letters and digits told apart by one translation, then two looks for a pair.
    marks = folded.encode("ascii").translate(_LETTERS_AND_DIGITS)
    return b"a0" in marks or b"0a" in marks


def _four_letters(folded: str) -> bool:
    """Tell whether four words in a row are one character each, as letters spaced out are (one look at the words)."""
    return b"\x01\x01\x01\x01" in bytes(map((1).__eq__, map(len, tokens(folded))))


@lru_cache(maxsize=256)
def undone(folded: str) -> tuple[tuple[str, str, str], ...]:
    """Return the disguised words of folded text: as written, as read, and how ("spaced letters"...) (cached)."""
    found: list[tuple[str, str, str]] = []
    if len([t for t in _words(folded) if len(t) == 1 and t.isalpha()]) >= _SPACED_LETTERS and _four_letters(folded):
        for match in _SPACED.finditer(folded):
            found.append((match.group(), match.group().replace(" ", "").replace(".", ""), "spaced letters"))
    if _letter_by_digit(folded):
        for match in _MIXED.finditer(folded):
            word = match.group()
            read = word.translate(_LEET)
            if read != word and sum(c.isalpha() for c in word) >= 3:
                found.append((word, read, "digits for letters"))
    return tuple(found)


def plain(folded: str) -> str:
    """Undo the disguises of folded text: letters spaced out ("h e l p"), digits for letters ("c01nb4s3")."""
    text = folded
    disguised = undone(folded)
    for written, read, _ in disguised:
        text = text.replace(written, read, 1)
    clear = " ".join(_JOINERS.sub(" ", text).split())
    if not disguised and "_" not in folded and clear != folded:
        same_words(clear, folded)  # joiners other than "_" and spaces are not in words: the same words
    return clear


def _key(phrase: str) -> str:
    return re.sub(r"[\s-]+", "", phrase)


# A phrase is folded; "#" stands for digits; a space matches any run of spaces; "-" is optional.
SUPPORT_LINE_PHRASES = (
    "support number", "support phone number", "support phone", "support contact number", "support helpline",
    "customer support number", "customer service number", "customer service phone number",
    "customer care number", "customer care phone number", "helpline number",
    "help desk number", "helpdesk number", "tech support number", "technical support number",
    "toll free", "tollfree", "toll free number", "contact number", "phone support", "support hotline",
    "hotline number", "reservation number", "reservations number", "booking number", "reservation phone number",
    "flight booking number", "ticket booking number", "password recovery number", "password reset number",
    "recovery phone number", "support 24/7", "24/7 support", "24x7 support", "24/7 helpline", "call now",
    "call us now", "call us at", "call us on", "dial now", "technical support phone", "tech support phone",
    "numero service client", "numero du service client", "numero de telephone service client",
    "numero de service client", "numero vert", "assistance telephonique", "joindre le service client",
    "contacter le service client",
)  # fmt: skip
"""Words that only a support or booking scam writes. Not "helpline" nor "hotline" alone: poison centres, charities,
unions and election offices run them, and readers pass them on; next to a brand that support scams usurp they are
still support words (:data:`SUPPORT_WORDS`, ``brand_support``)."""
_SUPPORT_LINE = compile_phrases(SUPPORT_LINE_PHRASES)
SUPPORTED_BRANDS = (
    # mail, software, devices, money apps and carriers that support scams name
    "gmail", "yahoo", "yahoo mail", "hotmail", "outlook", "aol", "aol mail", "msn", "windows live", "microsoft",
    "office 365", "quickbooks", "quicken", "turbotax", "norton", "mcafee", "avast", "kaspersky", "bitdefender",
    "webroot", "malwarebytes", "trend micro", "hp printer", "canon printer", "epson printer", "brother printer",
    "printer", "printers", "antivirus", "anti virus", "router", "icloud", "itunes", "apple id", "roku", "netflix",
    "hulu", "amazon prime", "alexa", "facebook", "instagram", "coinbase", "binance", "blockchain", "metamask",
    "trust wallet", "cash app", "cashapp", "paypal", "venmo", "zelle", "comcast", "xfinity", "verizon",
    "at&t", "att", "spectrum", "netgear", "linksys", "belkin", "garmin", "tomtom", "roadrunner", "sbcglobal",
    "bellsouth", "earthlink", "juno", "email", "e mail", "mail account", "wallet",
    # airlines and booking
    "airline", "airlines", "airways", "delta", "american airlines", "united airlines", "southwest", "jetblue",
    "spirit", "frontier", "alaska airlines", "lufthansa", "emirates", "air france", "british airways",
    "qatar airways", "expedia", "booking com", "flight", "flights",
    # French
    "imprimante", "orange", "sfr", "bouygues", "la poste", "ameli", "caf", "edf", "engie", "darty", "fnac",
    "cdiscount", "messagerie", "box internet", "compte",
)  # fmt: skip
"""Brands and products that support scams name (mail, software, devices, airlines...)."""
_BRANDS = compile_phrases(SUPPORTED_BRANDS)
SUPPORT_WORDS = (
    "support", "customer service", "customer care", "helpline", "help desk", "helpdesk", "phone number",
    "contact number", "toll free", "tech support", "technical support", "hotline", "service client",
    "numero", "telephone", "assistance", "reservation", "reservations", "booking", "contact",
)  # fmt: skip
"""Words of support and contact, read next to a brand."""
_SUPPORT_WORDS = compile_phrases(SUPPORT_WORDS)
_CALL_VERBS = (
    "call", "call us", "call me", "dial", "ring", "text", "sms", "whatsapp", "whats app", "contact", "contact us",
    "reach", "reach us", "appelez", "appelez nous", "appeler", "contactez", "contactez nous", "contactez le",
    "contacter", "joindre", "joignez", "telephonez", "composez",
)  # fmt: skip
# A noun ("their number", "leur numéro") is how readers pass a number on too: it makes a bare run of digits a
# phone number, but only a verb, or an advert's abbreviated label ("tel:", "ph:"), is a call to action.
_CALL_NOUNS = ("phone", "tel", "mobile", "number", "ph", "numero", "portable")
_CALL = compile_phrases(_CALL_VERBS + _CALL_NOUNS)
_ACTION = compile_phrases((*_CALL_VERBS, "tel :", "tel:", "ph :", "ph:", "mob :", "mob:"))
_CALL_GAP = 40
"""Characters between a call verb and the phone number it points to."""
_REPORTED_CALL = re.compile(
    r"(?:\b(?:i|we)(?:'ve|’ve| have)? (?:had|tried|kept trying) to|\bj['’ ]?ai (?:du|essaye d['’ ]?|tente d['’ ]?)"
    r"|\b(?:on a|nous avons) (?:du|essaye d['’ ]?))\s?$"
)
"""A writer telling of a call they had to make ("I had to call", "j'ai dû appeler"): a complaint or a tip, not an
advert, which never tells of its own calls."""

FAMILIES: Mapping[str, tuple[str, ...]] = {
    "black_magic": (
        "vashikaran", "vashi karan", "vasikaran", "vashikarn", "black magic", "love marriage specialist",
        "love problem solution", "love problem specialist", "love problem", "love spell", "love spells",
        "spell caster", "spell casters", "get your ex back", "get ex back", "lost love back", "bring back lost love",
        "astrologer", "astrology specialist", "molvi ji", "baba ji", "aghori", "tantrik", "kala jadu",
        "husband wife problem", "inter caste marriage", "intercaste marriage", "inter caste love", "intercast love",
        "voodoo", "love guru", "specialist baba", "specialist molvi", "all problem solution", "problem soluti",
        "hypnotism specialist", "vashikaran mantra",
    ),
    "marabout": (
        "marabout", "grand marabout", "voyant medium", "medium voyant", "grand medium", "voyant", "voyante",
        "voyance", "retour affectif", "retour de l etre aime", "retour de l'etre aime", "desenvoutement",
        "envoutement", "magie noire", "magie blanche", "puissant marabout", "travaux occultes",
    ),
    "private_loan": (
        "pret entre particuliers", "pret entre particulier", "preteur particulier", "preteur serieux",
        "offre de pret", "pret rapide", "pret serieux", "pret d argent", "pret d'argent", "financement rapide",
        "credit rapide", "credit entre particuliers", "loan offer", "loan lender", "private lender",
        "private loan lender", "urgent loan", "guaranteed loan", "apply for a loan", "loan company",
        "personal loan offer", "loan without collateral",
        # the lender of last resort's promise: money for those the banks turn away
        "interdit bancaire", "interdits bancaires", "fiche ficp", "fiches ficp", "fichee ficp", "fichees ficp",
        "fichage ficp", "fichage banque de france", "fiche banque de france", "fiches banque de france",
        "refuses par les banques", "refusees par les banques", "no credit check", "bad credit ok",
    ),
    "fund_recovery": (
        "hacker a louer", "hacker a engager", "hire a hacker", "hire hacker", "hacker for hire", "hackers for hire",
        "recuperation de fonds", "recuperer vos fonds", "recuperer votre argent", "recover your funds",
        "recover lost funds", "fund recovery", "funds recovery", "crypto recovery", "recover stolen crypto",
        "recover my lost", "recover your lost", "recovery expert", "recovery experts", "recovery hacker",
        "recovery hackers", "scam recovery",
        "recover scammed", "lost bitcoin recovery", "spy on your partner", "catch a cheating", "hack whatsapp",
        "ethical hacker",
        # money lost to a scam, which the "recovery" scam promises back
        "recuperer l argent perdu", "recuperer l'argent perdu", "recupere l argent perdu", "recupere l'argent perdu",
        "recuperer votre argent perdu", "recuperer vos fonds perdus", "recuperer mes fonds", "recupere vos fonds",
        "recuperer les fonds perdus", "recuperent vos fonds", "recuperons vos fonds", "recuperons votre argent",
    ),
    "credit_insurance": (
        "rachat de credit", "rachat de credits", "regroupement de credit", "regroupement de credits",
        "assurance pret", "assurance emprunteur pas chere", "assurance pas cher", "assurance pas chere",
        "mutuelle pas chere", "simulation rachat", "debt consolidation loan",
    ),
    "proadvisor": ("proadvisor", "pro advisor", "quickbooks support", "quickbooks error support"),
    "streaming": (
        "123movies", "fmovies", "putlocker", "gomovies", "soap2day", "yesmovies", "solarmovie", "primewire",
        "watch free movies", "watch movies online free", "watch full movie", "full movie free", "full movie online",
        "free movie download", "streaming gratuit", "film complet", "regarder film gratuit", "film gratuit",
        "telecharger film", "keygen", "serial key", "license key free", "activation key free", "crack download",
        "cracked version", "full version free", "mod apk", "apk mod", "iptv subscription", "free iptv", "iptv",
        "watch online free", "free download full",
        # software cracked and its keys given away
        "crack gratuit", "version crackee", "logiciel crack", "cle d activation gratuite", "cle d activation incluse",
        "cle d activation offerte", "activation key included", "kmspico",
        # the Indian film piracy sites and their wording
        "tamilrockers", "movierulz", "filmyzilla", "filmywap", "9xmovies", "vegamovies", "tamilyogi", "isaimini",
        "hindi dubbed movies", "dubbed movies download", "movies download", "movie download",
    ),
    "essay_mill": (
        "essay writing service", "write my essay", "do my homework", "assignment help", "dissertation writing",
        "cheap essays", "essay writers", "homework help service",
    ),
    "fake_documents": (
        "buy fake passport", "buy real passport", "driver license online", "drivers license online",
        "ielts certificate without exam", "counterfeit money", "buy documents", "ssd chemical", "undetectable notes",
    ),
}  # fmt: skip
"""Well-known scam families, each a list of its own words."""

_FAMILIES = compile_phrases(tuple(phrase for phrases in FAMILIES.values() for phrase in phrases))
_FAMILY_OF = {_key(phrase): name for name, phrases in FAMILIES.items() for phrase in phrases}
_PHONE_FAMILIES = compile_phrases(
    tuple(p for name in ("black_magic", "marabout", "private_loan", "fund_recovery") for p in FAMILIES[name])
)

COUNTERFEIT_BRANDS = (
    "nike", "air max", "air jordan", "jordan", "jordans", "yeezy", "ugg", "uggs", "louboutin", "moncler",
    "canada goose", "michael kors", "louis vuitton", "longchamp", "ray ban", "rayban", "oakley", "north face",
    "timberland", "abercrombie", "hollister", "hermes", "chanel", "gucci", "prada", "burberry", "pandora",
    "rolex", "omega", "tag heuer",
)  # fmt: skip
"""Brands whose counterfeits are sold in comment spam."""
_COUNTERFEIT_BRANDS = compile_phrases(COUNTERFEIT_BRANDS)
LUXURY_BRANDS = (
    "dior", "fendi", "balenciaga", "givenchy", "versace", "saint laurent", "bottega veneta", "goyard",
    "golden goose", "off white", "cartier", "hublot", "patek philippe", "audemars piguet", "breitling", "bvlgari",
)  # fmt: skip
"""More brands copied for comment spam, which fashion readers name with prices and shoes all day: they count
only with a seller's words (:data:`_SELLER_SHOP_WORDS`)."""
_LUXURY_BRANDS = compile_phrases(LUXURY_BRANDS)
# How copies are sold: grades of copy, factory prices, shipping anywhere.
_REPLICA_WORDS = (
    "aaa", "aaa quality", "aaa grade", "super clone", "super clones", "mirror quality", "mirror grade",
    "factory price", "factory prices", "prix d usine", "prix d'usine", "replique", "repliques", "replique parfaite",
    "worldwide shipping", "we sell", "nous vendons", "identique a l original", "identique a l'original",
    "same as original", "same as the original",
)  # fmt: skip
_SHOP_WORDS = compile_phrases(
    (
        "cheap", "cheapest", "pas cher", "pas chere", "sale", "for sale", "outlet", "replica", "replicas", "discount",
        "goedkoop", "billig", "gunstig", "soldes", "homme", "femme", "mens", "womens", "men's", "women's", "damen",
        "herren", "heren", "dames", "enfant", "kids", "baskets", "shoes", "chaussures", "schuhe", "online store",
        "online shop", "official site", "buy", "acheter", "prix", "price", "sneakers", "trainers", "boots",
        "handbags", "sac", "sacs", "watches", "montre", "montres", "wholesale", "free shipping", *_REPLICA_WORDS,
    )
)  # fmt: skip
# Shop words that only a seller writes: a buyer telling what they paid writes "price", "soldes" or "shoes" too.
_SELLER_SHOP_WORDS = compile_phrases(
    (
        "cheap", "cheapest", "pas cher", "pas chere", "for sale", "outlet", "replica", "replicas", "discount",
        "goedkoop", "billig", "gunstig", "online store", "online shop", "official site", "buy", "acheter",
        "wholesale", "free shipping", *_REPLICA_WORDS,
    )
)  # fmt: skip
# The writer telling of their own purchase ("I paid", "got them for", "j'ai acheté", "je les ai eues").
_BOUGHT = compile_phrases(
    (
        "i paid", "we paid", "i bought", "we bought", "got them for", "got it for", "got mine for", "i ordered",
        "j ai paye", "j ai achete", "on a paye", "on a achete", "nous avons paye", "nous avons achete",
        "je les ai eues", "je les ai eus", "je l ai eu", "je l ai eue", "je l ai payee", "je l ai paye",
    )
)  # fmt: skip
# Sneaker shops name a shoe by its colourway and model number ("Bred 11s", "Infrared 23 11s", "retro 4s").
_COLOURWAY = re.compile(
    r"(?<!\w)(?:bred|concord|gamma blue|infrared(?: \d+)?|aqua|space jam|cool grey|legend blue|columbia|cement|"
    r"playoffs?|fire red|oreo|taxi|retro|jordan|jordans|foamposite)s?\s+\d{1,2}s(?!\w)"
)

_DIGIT_S = AsciiFast(r"s(?<=\ds)")
"""An "s" after a digit ("11s"): the "s" looked for first, which the search jumps to."""

_KINDS = (
    r"company|companies|agency|agencies|services?|service provider|solutions?|institute|training|academy|"
    r"consultants?|consultancy|firm|clinic|experts?|packers and movers|movers|developers?|specialists?|"
    r"dealers?|suppliers?|manufacturers?|classes|coaching|course|courses|hospital|centre|center|shop|store|"
    r"designers|lawyers|attorneys|contractors|astrologer"
)
_TRADES = (
    r"seo|web design|website design|web development|digital marketing|online marketing|social media marketing|"
    r"app development|software development|mobile app|interior design|real estate|property|cleaning|plumbing|"
    r"plumber|locksmith|roofing|dentist|dental|hair transplant|ivf|physiotherapy|printing|logo design|"
    r"essay writing|car rental|taxi|travel agency|visa|immigration|tuition|packers|movers|escort|call girls?|"
    r"cctv|pest control|ac repair|laptop repair|mobile repair|astrologer|astrology|marketing|web hosting|hosting"
)
_FOOTER = re.compile(
    rf"(?:(?:best|top|leading|no \d|number one|#\d|affordable|cheap|professional|trusted|reliable|expert|top rated|"
    rf"top \d+)\s+)?(?:[\w&'-]+\s+){{0,4}}(?:{_KINDS})\s+(?:in|at|near|from)\s+[\w-]+(?:\s+[\w-]+){{0,2}}$"
)
_FOOTER_FR = re.compile(
    r"(?:meilleure?s?|top|n ?°? ?1|pas chere?s?|professionnel(?:le)?s?|)\s*(?:[\w'-]+\s+){0,3}"
    r"(?:agence|entreprise|societe|cabinet|plombier|serrurier|demenageur|demenagement|formation|ecole|consultant|"
    r"expert|artisan|couvreur|electricien|vitrier|nettoyage|traiteur|garage|clinique|dentiste|avocat|"
    r"referencement|seo|creation de site|site internet)\s+(?:[\w'-]+\s+){0,3}(?:a|sur|en)\s+[\w-]+(?:\s+\d+)?$"
)
# "La meilleure agence immobilière de Nice", "le meilleur serrurier de Lyon": "de" names a place only after a lead
# word, as a reader's "l'agence immobilière de mon quartier" or "une agence de Nice" does not sell.
_FOOTER_FR_OF = re.compile(
    r"(?:meilleure?s?|top|n ?°? ?1|numero 1)\s+(?:[\w'-]+\s+){0,3}"
    r"(?:agence|entreprise|societe|cabinet|plombier|serrurier|demenageur|ecole|consultant|expert|artisan|couvreur|"
    r"electricien|vitrier|traiteur|garage|clinique|dentiste|avocat|centre)\s+(?:[\w'-]+\s+){0,2}(?:de|d')\s*[\w-]+$"
)
_TRADE = re.compile(rf"(?<!\w)(?:{_TRADES})(?!\w)")
_PLACES = frozenset({"in", "at", "near", "from", "a", "sur", "en", "de"})
_TAGLINE_WORDS = 10
"""Words a tagline after the company's clause has at most ("safe house shifting at affordable rates")."""
_PERSON = frozenset(
    {"i", "me", "my", "we", "us", "it", "they", "he", "she", "you", "je", "j", "nous", "il", "elle", "ils", "c"}
)
"""A clause after the company's that someone speaks in tells a story, not a tagline ("it took 8 months")."""
"""The words before a place in both footer patterns, each a word between spaces."""
_PLACE_WORD = re.compile(r"[\w-]+")
_SENTENCE_ENDS = ".!?\n"
_SENTENCES = re.compile(rf"[{_SENTENCE_ENDS}]+")
COMPLIMENTS = (
    "great post", "nice post", "great article", "nice article", "very informative", "informative post",
    "informative article", "thanks for sharing", "thank you for sharing", "keep it up", "keep sharing",
    "nice blog", "great blog", "useful information", "very useful", "really helpful", "i really enjoyed",
    "well written", "good post", "awesome post", "excellent post", "great content", "nice information",
    "great information", "good information", "merci pour cet article", "super article", "tres bon article",
    "article tres interessant", "merci pour le partage", "tres interessant", "bon article", "excellent article",
)  # fmt: skip
"""The stock compliments SEO comments open or close on."""
_COMPLIMENT = compile_phrases(COMPLIMENTS)
_FOOTER_MAX_WORDS = 10
_FOOTER_MAX_CHARS = 160


def _found(pattern: Phrases, text: str, limit: int = 3) -> list[str]:
    seen: list[str] = []
    for match in pattern.finditer(text):
        phrase = " ".join(match.group().split())
        if phrase not in seen:
            seen.append(phrase)
            if len(seen) == limit:
                break
    return seen


def phones(text: str, folded: str) -> list[Phone]:
    """Return the phone numbers of ``text``: written as such, or bare runs of digits next to a call word."""
    found = list(find_phones(text))
    if any(p.loose for p in found) and not (_CALL.search(folded) or _SUPPORT_WORDS.search(folded)):
        keep_loose = _PHONE_FAMILIES.search(folded) is not None
        return [p for p in found if not p.loose or keep_loose]
    return found


def support_line(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """Words that only a support or booking scam writes: "support number", "toll free", "numéro service client"."""
    phrases = _found(_SUPPORT_LINE, folded)
    return (
        Signal("support_line", grow(weights["support_line"], len(phrases), 2), {"phrases": phrases})
        if phrases
        else None
    )


def brand_support(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A brand or product that support scams name, next to support words ("gmail ... customer service")."""
    for brand in _BRANDS.finditer(folded):
        window = folded[max(0, brand.start() - 40) : brand.end() + 40]
        support = _SUPPORT_WORDS.search(window)
        if support:
            evidence: dict[str, JSON] = {"brand": " ".join(brand.group().split()), "support": support.group()}
            return Signal("brand_support", weights["brand_support"], evidence)
    return None


def call_to_action(clear: str, weights: Mapping[str, float], numbers: list[Phone]) -> Signal | None:
    """A call verb ("call", "dial", "contactez", "WhatsApp") or a label ("tel:") right before a phone number.

    Both the verb and the number after it are looked for in ``clear`` (:func:`plain` text): its offsets are not
    the comment's, whose runs of spaces it collapses.
    """
    if not numbers:
        return None
    for verb in _ACTION.finditer(clear):
        if _REPORTED_CALL.search(clear, max(0, verb.start() - 24), verb.start()):
            continue
        after = clear[verb.end() : verb.end() + _CALL_GAP]
        if find_phones(after) or re.search(r"\d{3}", after):
            return Signal("call_to_action", weights["call_to_action"], {"verb": verb.group()})
    return None


def premium_rate(text: str, weights: Mapping[str, float]) -> Signal | None:
    """A premium-rate number (France's 081/082/089, the UK's 09/084/087, 900): the call itself pays its owner.

    Such a line is the trade of psychics, chat lines and "prize" claims: it is given to be called, and readers
    have no public service's number to pass on there. A bare run of digits counts in its national form
    ("09061701461"), which a premium line's exact prefix and length make a number; with a bare country code in
    front it may as well be an id.
    """
    lines: list[JSON] = []
    count = 0
    for phone in find_phones(text):
        line = premium_line(phone.digits) if not phone.loose or phone.digits.startswith("0") else None
        if line is not None:
            count += 1
            if line not in lines:
                lines.append(line)
    return Signal("premium_rate", weights["premium_rate"], {"count": count, "lines": lines}) if count else None


def scam_family(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """The words of a well-known scam family: black magic, marabouts, loans, hackers, streaming sites..."""
    phrases: list[JSON] = []
    families: list[JSON] = []
    for phrase in _found(_FAMILIES, folded, 3):
        phrases.append(phrase)
        family = _FAMILY_OF.get(_key(phrase))
        if family is not None and family not in families:
            families.append(family)
    if not phrases:
        return None
    return Signal(
        "scam_family", grow(weights["scam_family"], len(phrases), 2), {"families": families, "phrases": phrases[:3]}
    )


def counterfeit(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """Counterfeit goods: a brand they copy with shop words ("nike air max pas cher"), or a sneaker colourway.

    A buyer telling what they paid ("I got the Nike ones for 85 in the sales"), or where they saw the price (a chain
    that sells the genuine goods: :func:`worker.spam.retailers.at_a_retailer`), or how its price moved
    (:func:`worker.spam.price_news.price_moved`), names a brand and a price too:
    there only a seller's words ("replica", "outlet", "pas cher", "AAA quality", "super clone") count, as they
    always do for the luxury brands that fashion readers talk of (:data:`LUXURY_BRANDS`).
    """
    colourway = _COLOURWAY.search(folded) if _DIGIT_S.search(folded) else None  # "11s": no "s" after a digit, none
    if colourway:
        return Signal("counterfeit", weights["counterfeit"], {"phrases": [colourway.group()]})
    brand = _COUNTERFEIT_BRANDS.search(folded)
    shop = _SHOP_WORDS.search(folded) if brand else None
    if shop is not None:
        told = unjoined(folded)
        if _BOUGHT.search(told) is not None or at_a_retailer(told) or price_moved(told):
            shop = _SELLER_SHOP_WORDS.search(folded)
    if brand is None or shop is None:
        brand = _LUXURY_BRANDS.search(folded)
        shop = _SELLER_SHOP_WORDS.search(folded) if brand else None
    if brand and shop:
        return Signal("counterfeit", weights["counterfeit"], {"phrases": [brand.group(), shop.group()]})
    return None


def _bare_sentence(sentence: str) -> str:
    return sentence.strip(" ,;:-")


def _last_sentence(folded: str) -> str:
    """Return the last sentence of ``folded`` that is not empty once bare (as :data:`_SENTENCES` splits it)."""
    last = _bare_sentence(folded[max(map(folded.rfind, _SENTENCE_ENDS)) + 1 :])  # the usual case: after the last mark
    return last or next((s for s in map(_bare_sentence, reversed(_SENTENCES.split(folded))) if s), "")


def _footer(last: str) -> re.Match[str] | None:
    """Return the footer that ``last`` (a sentence or its first clause) ends on, a company and a place, if any."""
    place = last.split()
    if len(place) > _FOOTER_MAX_WORDS or len(last) > _FOOTER_MAX_CHARS:
        return None  # a footer is short; a long run of letters would make the patterns below backtrack
    if _PLACES.isdisjoint(place[-4:-1]) or not _PLACE_WORD.fullmatch(place[-1]):
        return None  # the patterns end on "in", "at", "a", "en", "de"... and one to three words: none here
    return _FOOTER.search(last) or _FOOTER_FR.search(last) or _FOOTER_FR_OF.search(last)


def company_footer(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """The last sentence names a trade and a place ("Top SEO company in Delhi"), often after a stock compliment,
    or does so before a tagline ("Leading movers in Pune, safe shifting at affordable rates")."""
    last = _last_sentence(folded)
    if not last:
        return None
    footer = _footer(last)
    if footer is None and "," in last:
        company, _, tagline = last.partition(",")
        footer = _footer(company.strip())  # most clauses end on no place: told before the tagline's words are read
        if footer is not None and len(tagline.split()) <= _TAGLINE_WORDS and _PERSON.isdisjoint(tokens(tagline)):
            last = company.strip()
        else:
            footer = None
    if footer is None:
        return None
    sentences = [s for s in map(_bare_sentence, _SENTENCES.split(folded)) if s]
    if not (_TRADE.search(last) or footer.group().split()[0] in _LEADS or len(sentences) > 1):
        return None  # a trade, a lead word or a sentence before it makes it a footer
    evidence: dict[str, JSON] = {"footer": " ".join(footer.group().split())[:60]}
    compliment = _COMPLIMENT.search(" ".join(sentences[:-1]))
    weight = weights["company_footer"]
    if compliment:
        evidence["after"] = compliment.group()
        weight *= 1.5
    return Signal("company_footer", weight, evidence)


_LEADS = frozenset(
    {"best", "top", "leading", "affordable", "cheap", "professional", "trusted", "meilleur", "meilleure"}
)


def detect(text: str, folded: str, weights: Mapping[str, float]) -> tuple[list[Signal], list[Phone]]:
    """Return the commercial signals of a text (folded as given), and the phone numbers it holds."""
    clear = plain(folded)
    numbers = phones(text, clear)
    found = [
        s
        for s in (
            support_line(clear, weights),
            brand_support(clear, weights),
            call_to_action(clear, weights, numbers),
            premium_rate(text, weights),
            scam_family(clear, weights),
            counterfeit(clear, weights),
            company_footer(folded, weights),
        )
        if s is not None
    ]
    return found, numbers
