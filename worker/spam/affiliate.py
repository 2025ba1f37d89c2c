"""A business handed to the readers: the trade of referral and affiliate commissions, in a reader's voice.

A paid poster, or the owner, writes as a satisfied customer ("we used Greaves Heating, they charged less than the
big firms") and what it is paid for is the reader who then buys: so the comment hands the business over. A discount
code of the poster's own ("code LAURA15", "SOPHIE20 pour -20%"), a referral that credits the poster ("tell them Jake
sent you", "appelez-les de ma part"), the business's social handle ("on insta @petalandvine"), or the business's
name, trade word and all, signing the comment ("Toitures Lemoine") hand it over by themselves: a reader has no code
nor commission to pass on. An ask to go and reach it ("look them up", "give them a call", "contactez-les"), a number,
a link, a person to ask for, or the author's name met in the comment are what readers pass on too, of a helpline or
their mechanic ("call them on 0800 ...", "ask for Pete"): these need beside them the business's ad copy (a free quote
or survey, unbeatable prices, no hidden fees, lightning fast) or the pitch's close ("you won't regret it", "je vous
les conseille"), or, for the author's name, another such sign. Each further sign adds half again, up to twice.

Cheap for everyday comments: each sign is looked for only where a quick look finds what it needs. The phrase lists
are tried only on texts holding their key words, a code only where a word of discounts is (told from the text's key
words), a handle only where "@" is, a local number only where one is, and the author's name only where its words are.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.models import JSON
from worker.spam.anchor_name import LEGAL_FORMS, TRADES
from worker.spam.digits import latin1_digits
from worker.spam.evidence import Signal, grow
from worker.spam.phrases import compile_phrases, key_words, tokens, unjoined, watched
from worker.text import fold

_CODE = re.compile(r"[A-Z](?<![\w-].)[A-Z]{3,}[0-9]{1,3}(?![\w-])")
"""A discount code as affiliates are handed theirs: a word in capitals and a number (ROSE10, LAURA15, NOEL5). Its
look-behind comes after its first capital, so that a search jumps from one capital to the next."""
_CODE_WORDS = watched(
    {"code", "codes", "coupon", "voucher", "promo", "discount", "off", "reduc", "reduction", "remise", "rabais"}
)
"""Words of discounts, one of which (or "%") a code needs beside it: told from a text's key words in one look."""
_REFERRAL = re.compile(
    r"(?<!\w)(?:tell|say|mention)\s+(?:(?:them|him|her|that)\s+){0,2}\w+\s+sent\s+you(?!\w)"
    r"|(?<!\w)mention\s+(?:that\s+)?you\s+saw\s+(?:this|it|me)(?!\w)"
)
"""A referral in English: "tell them Jake sent you", "mention you saw this" (a reader's "I sent you" is none)."""
_ON_MY_BEHALF = re.compile(
    r"(?<!\w)(?:appel\w*|contact\w*|dites|dis|dire|venez|viens|allez|passez|demande\w*|ecrivez|ecris)\s+"
    r"(?:\S+\s+){0,4}?de\s+ma\s+part(?!\w)"
)
"""A referral in French: "appelez-les de ma part", "dites que vous venez de ma part" (not "merci de ma part")."""
_REFERRED_BY_NAME = re.compile(
    r"(?<!\w)(?:[Aa]sk for|[Aa]sking for|[Dd]emande|[Dd]emandez|[Dd]emander)\s+"
    r"(?:(?:Mr|Mrs|Ms|M\.|Mme)\s+)?[A-ZÀ-Ý][a-zà-ÿ]{2,}"
)
"""A named person to ask for ("ask for Phil", "demandez Stéphane"): readers name their mechanic so too, so it needs
ad copy beside it, as a number does."""
_HANDLE = re.compile(
    r"(?<!\w)(?:insta|instagram|tiktok|facebook|fb)\W+(?:\w+\W+){0,3}?@[\w.]{3,}|@[\w.]{3,}\s+(?:on|sur)\s+"
    r"(?:insta|instagram|tiktok|facebook)(?!\w)",
    re.IGNORECASE,
)
"""A business's social handle given with the network it is on ("they're on insta @petalandvine")."""
_REACH = compile_phrases(
    (
        "look them up", "look him up", "look her up", "search them up", "search for them", "look into them",
        "give them a call", "give him a call", "give her a call", "give them a ring", "give them a try",
        "give them a go", "call them", "ring them", "reach out to them", "contact them", "check them out",
        "go see them", "get a quote from", "get in touch with them", "book through", "book direct",
        "book your visit", "worth checking out", "worth a look", "go check them out",
        "appelez les", "appelle les", "appeler de ma part", "contactez les", "contacte les", "les contacter",
        "les appeler", "essayez les", "allez voir leur site", "allez y les yeux fermes", "renseignez vous",
        "se renseigner", "prenez rendez vous", "reservez en direct", "ils vendent en ligne", "je les commande sur",
        "foncez", "allez voir",
    )
)  # fmt: skip
"""An ask to go and reach a business."""
_PHONE_LINE = re.compile(
    r"(?<!\w)(?:call|ring|phone|text|on|at|au)\s+(?:them\s+|him\s+|her\s+)?(?:on\s+|at\s+)?\d{3}[-. ]\d{4}(?!\d)"
)
"""A local number handed over ("call 555-0171", "ring 555-0143"), too short for the contact signal's reading."""
_SHORT_NUMBER = re.compile(r"\d\d\d[-. ]\d{4}")
"""The number :data:`_PHONE_LINE` ends with, a pattern starting on a digit: it jumps from one digit to the next."""
_COPY = compile_phrases(
    (
        "free consultation", "free quote", "free survey", "free estimate", "free shipping",
        "free # minute call", "free to download", "devis gratuit", "diagnostic gratuit",
        "simulation gratuitement", "simulation gratuite", "gratuite en plus", "unbeatable", "imbattable",
        "imbattables", "defiant toute concurrence", "no hidden fees", "aucun frais cache", "lifetime guarantee",
        "garantie a vie", "livraison offerte", "next day delivery", "livraison en #h", "livres en #h",
        "delivered in two days", "best prices", "au meilleur prix", "le meilleur prix", "lowest rate",
        "cheapest rate", "le tarif le plus bas", "100% satisfied", "100% satisfaite", "100% satisfait", "5 stars",
        "5 etoiles", "under budget", "moins que prevu", "for half the price", "pour moitie prix", "a moitie prix",
        "way cheaper than", "bien moins cher que", "charged less than", "saved me thousands", "fait economiser",
        "j economise", "saving about", "sans engagement", "game changer", "finished ahead of schedule",
        "delais respectes", "lightning fast", "super fast", "fast turnaround", "very affordable", "tres abordables",
        "affordable packages", "formules abordables", "prix mini", "on time and",
    )
)  # fmt: skip
"""Ad copy: what a business's own advert claims of it (a free first step, unbeatable prices, no hidden fees)."""
_COMMEND = compile_phrases(
    (
        "recommend them", "can t recommend them enough", "you won t regret it", "you ll thank me",
        "you ll be glad you did", "je vous les conseille", "je les recommande", "vous ne le regretterez pas",
        "vous me remercierez", "vous ne serez pas decus",
    )
)  # fmt: skip
"""The close of a pitch: the business commended to the readers, or a promise to those who go."""
_BY_ITSELF = frozenset({"code", "referral", "handle", "business_signed"})
"""Signs no reader has to give: they hand the business over by themselves."""
_HANDING = _BY_ITSELF | {"reach", "number", "link", "signed", "ask_for"}
"""Signs that hand the business over; all but those above are what a reader passes on of a helpline or a garage
too ("call them on 0800 ...", "ask for Pete"): they need ad copy or the pitch's close beside them."""
_BACKING = frozenset({"copy", "commend"})
_TRADE_WORDS = TRADES | LEGAL_FORMS
_NAME_WORD = re.compile(r"[A-ZÀ-Ý]\w{3,}")
_WORDS = re.compile(r"\w+")
_NAME_STOP = frozenset({"From", "Chef", "Maman", "Papa", "Mama", "Dad", "Mum", "Mom", "The", "Mrs", "Miss"})


def _code(text: str, folded: str) -> str | None:
    """Return a discount code in ``text`` with a word of discounts (or "%") beside it in ``folded``."""
    if "%" not in folded and _CODE_WORDS.isdisjoint(key_words(folded)):
        return None
    match = _CODE.search(text)
    return match.group() if match else None


def _phone_line(folded: str) -> bool:
    """Tell whether ``folded`` hands over a local number (:data:`_PHONE_LINE`), read only where such a number is."""
    digits = latin1_digits(folded)  # the usual case: seven digits counted rather than looked for at every position
    if digits is not None and len(digits) < 7:
        return False
    return _SHORT_NUMBER.search(folded) is not None and _PHONE_LINE.search(folded) is not None


def _signed(text: str, author_name: str) -> str | None:
    """Return the word of a business's name the author's name shares with the comment ("Toitures Lemoine")."""
    if len(author_name.split()) < 2:
        return None
    names: list[str] = [w for w in _NAME_WORD.findall(author_name) if w not in _NAME_STOP]
    if not any(map(text.__contains__, names)):
        return None  # the usual case, told without reading the text's words: none of the name's is in it at all
    present = frozenset(_WORDS.findall(text))
    return next((w for w in names if w in present), None)


def affiliate(
    text: str, folded: str, author_name: str, weights: Mapping[str, float], *, number: bool, link: bool
) -> Signal | None:
    """A business handed to the readers (``number``, ``link``: the comment gives a phone number or a link)."""
    words = unjoined(folded)
    signs: dict[str, JSON] = {}
    code = _code(text, folded)
    if code:
        signs["code"] = code
    referral = (_REFERRAL.search(words) if "sent you" in words or " saw " in words else None) or (
        _ON_MY_BEHALF.search(words) if "de ma part" in words else None
    )
    if referral:
        signs["referral"] = " ".join(referral.group().split())
    asked = _REFERRED_BY_NAME.search(text) if "ask" in folded or "demand" in folded else None
    if asked:
        signs["ask_for"] = " ".join(asked.group().split())
    handle = _HANDLE.search(text) if "@" in text else None
    if handle:
        signs["handle"] = True
    reach = _REACH.search(words)
    if reach:
        signs["reach"] = reach.group()
    if number or _phone_line(folded):
        signs["number"] = True
    if link:
        signs["link"] = True
    signed = _signed(text, author_name)
    if signed:
        in_trade = not _TRADE_WORDS.isdisjoint(tokens(fold(author_name)))
        signs["business_signed" if in_trade else "signed"] = signed
    handing = _HANDING & signs.keys()
    if not handing:
        return None
    for name, phrases in (("copy", _COPY), ("commend", _COMMEND)):
        found = phrases.search(words)
        if found:
            signs[name] = " ".join(found.group().split())
    if _BY_ITSELF.isdisjoint(handing) and _BACKING.isdisjoint(signs) and not ("signed" in handing and len(handing) > 1):
        return None
    return Signal("affiliate", grow(weights["affiliate"], len(signs), 3), signs)
