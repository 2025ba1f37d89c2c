"""A reader warning others about a scam they met: the scam's words reported, not its offer.

Readers tell what reached them ("I got a WhatsApp message from a fake Booking", "j'ai reçu un SMS de
l'assurance maladie, c'est une arnaque") and warn ("beware", "don't click", "attention arnaque"). They name
the scam's app, brand, family and bait, and give no way to reach anyone: a scammer's comment must give
one (a number, an address, a link, "contact him", "je le recommande"), or it earns nothing. So a comment
that names a scam as such, warns or reports what it received, and reaches nobody, has the signals of what
it reports (:data:`REPORTED`) set aside, and a messenger named with no number or handle is no contact;
what it talks of (crypto, pills, dating: the scam's topic) weighs :data:`TOPIC_SHARE` of its weight, as a
reader's news of a scam does (:mod:`worker.spam.hearsay`): nothing is sold where nobody can be reached. Those
topics are what the warning warns of, not a sale: the warning still counts as a reader's (the ``reader`` signal).
Calling a thing a scam ("it's a scam", "c'est une arnaque"), asking others to report it, and telling what
a scam cost someone ("my sister … lost 200 dollars") are warnings too; so is naming the trap's shape (a pyramid, a
Ponzi, returns guaranteed, a fee asked first, "too good to be true") with "beware", "warning", "PSA", and so are,
without the word, money lost to someone ("my nephew lost $2,000 to a guy on Telegram") and the trick named by what it
does ("don't fall for it", "ne tombez pas dans le panneau") with a warning ("report these accounts"), and so are the
office told by what it never does ("the IRS never calls asking for gift cards"), the harm told as marks tell it
("can't withdraw anything", "got blocked", "lost his savings") and a scam said to go round ("going around", "are all
over the dating apps") or the accounts called out ("the recovery experts here are scammers too").
A phone number is a way to reach someone, unless the comment, after the number, tells readers not to call,
answer or pay it, or to block or report it: then it is the scam's number, quoted so that readers know it (a
premium-rate line so refused is the scam's too, not the writer's earnings); and the
scam's message quoted between quotation marks ("« … appelez le 01 … »") asks nothing of readers: its "call" and
"contact" are the scam's words reported, not the writer's.
The "recovery expert" testimonial ("I was scammed too, until Mr X got my money back, write to him") still
reaches someone and keeps every signal.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import replace

from worker.spam import alarm
from worker.spam.classifier import Weighing
from worker.spam.evidence import Signal
from worker.spam.hearsay import reaches, said_unnegated
from worker.spam.messenger import gives_handle
from worker.spam.phones import find_phones
from worker.spam.phrases import compile_phrases, unjoined

REPORTED = frozenset(
    {
        "scam_family", "support_line", "brand_support", "phishing", "call_to_action", "counterfeit", "testimonial",
        "engagement_bait",
    }
)  # fmt: skip
"""Signals of the scam a warning reports: its family, the brand it usurps, its bait, its call to click; and the
warning's own "please share" or "ne partagez pas" (:mod:`worker.spam.alarm`)."""
TOPIC_SHARE = 0.5
"""Share of their weight the topics of a scam warned of keep (its crypto, its pills, its dating site)."""

# Naming the thing as a scam, or the harm it did.
_SCAM = compile_phrases(
    (
        "scam", "scams", "scammer", "scammers", "scammed", "fake", "fakes", "phishing", "fraud", "fraudulent",
        "fraudster", "fraudsters", "stole", "stolen", "hacked", "arnaque", "arnaques", "arnaquer", "arnaqueur",
        "arnaqueurs", "arnaquee", "escroc", "escrocs", "escroquerie", "escroqueries", "faux", "fausse", "fausses",
        "frauduleux", "frauduleuse", "hameconnage", "pirate", "piratee", "vole", "volee", "voler", "pig butchering",
        # someone passing for another: a bank, an office, a courier
        "claiming", "pretending to be", "posing as", "impersonating", "se faisant passer", "se fait passer",
        "soi disant", "so called",
        # the trap's shape named: a pyramid, returns promised, a fee asked first ("beware of anyone offering
        # guaranteed returns", "méfiez-vous des prêts avec frais d'avance")
        "pyramid scheme", "ponzi", "pyramide de ponzi", "systeme pyramidal", "too good to be true",
        "trop beau pour etre vrai", "upfront fee", "upfront fees", "frais d avance", "guaranteed returns",
        "rendement garanti", "rendements garantis",
        # the trick named by what it does to its marks ("don't fall for it", "ne vous faites pas avoir")
        "fall for it", "fall for this", "fall for that", "fall for them", "fall for these", "fall for those",
        "tomber dans le panneau", "tombez pas dans le panneau", "vous faites pas avoir", "te fais pas avoir",
        # the impersonation told by what the real office never does ("the IRS never calls asking for gift cards",
        # "la CAF ne demande jamais vos codes"), and the payment no office takes
        "never calls", "never call you", "never asks", "never ask for", "will never ask", "will never call",
        "would never ask", "would never call", "never texts", "never emails", "n appelle jamais",
        "n appellent jamais", "ne demande jamais", "ne demandent jamais", "ne vous demandera jamais",
        "ne vous appellera jamais", "n envoie jamais", "payment in gift cards", "pay in gift cards",
        "paid in gift cards", "paiement en cartes cadeaux", "payer en cartes cadeaux", "numero surtaxe",
        "numeros surtaxes", "premium rate number",
        # the harm told as the scam's marks tell it: the money stuck, the seller gone
        "can t withdraw", "cannot withdraw", "couldn t withdraw", "never got it back", "never saw it again",
        "never heard back", "never heard from them", "got blocked", "blocked me", "blocked him", "blocked her",
        "lost his savings", "lost her savings", "lost their savings", "lost my savings", "lost our savings",
        "impossible de retirer", "jamais revu", "plus jamais eu de nouvelles", "l a bloque", "m a bloque",
        "perdu ses economies", "perdu mes economies", "perdu nos economies", "y a laisse", "y ont laisse",
        "y a perdu", "y ont perdu", "never came", "never arrived", "never showed up", "never delivered",
        "n est jamais venu", "n est jamais venue", "n est jamais arrive", "jamais recu", "jamais recus",
        "charlatan", "charlatans", "conman", "con man", "con artist", "con artists", "took that too",
        "took my money", "took his money", "took her money", "took our money", "took their money",
        "ont pris mon argent", "ont pris son argent", "ont garde l argent",
        # the payment no seller asks for: store cards bought for a caller ("buy $400 in Google Play cards")
        "google play cards", "itunes cards", "steam cards", "apple gift cards", "cartes google play",
        "cartes itunes", "coupons pcs", "coupon pcs", "tickets pcs", "recharges transcash", "coupons neosurf",
    )
)  # fmt: skip
# Money lost to someone ("my nephew lost $2,000 to a guy on Telegram", "elle a perdu 1 500 € avec un conseiller"):
# the harm told, as a scam's victim or their family tell it. A sum with its currency, so that a diet's "lost 10
# pounds" or a match "lost 2 to 1" is none.
_LOST_TO = re.compile(
    r"\b(?:lost|perdu)\s(?:about\s|nearly\s|almost\s|over\s|more than\s|pres de\s|plus de\s|environ\s)?"
    r"(?:(?:[$£€]|usd|eur)\s?\d[\d\s.,]*k?|\d[\d\s.,]*k?\s?(?:[$£€]|usd|eur|euros?|dollars?|bucks|quid)(?!\w))"
    r"\s*(?:to|avec|a cause d|sur|chez|dans)\b"
)
# Warning others, or telling what reached the writer or lost them something.
_WARNING = compile_phrases(
    (
        "beware", "be careful", "watch out", "heads up", "don t click", "do not click", "never click", "don t pay",
        "do not pay", "never pay", "don t answer", "do not answer", "don t reply", "do not reply", "don t fall",
        "don t give", "never give", "i got a", "i got an", "i got the", "we got a", "i received", "we received",
        "i was sent", "i lost", "we lost", "he lost", "she lost", "lost my", "lost his", "lost her", "lost our",
        "lost their", "tout perdu", "i almost", "i nearly", "attention", "mefiez vous",
        "mefiez", "prudence", "ne cliquez", "ne payez", "ne repondez", "ne donnez", "ne tombez", "j ai recu",
        "nous avons recu", "on a recu", "on m a", "j ai perdu", "nous avons perdu", "il a perdu", "elle a perdu",
        "j ai failli", "j ai eu un", "j ai eu une",
        # calling it a scam, asking others to report it, telling what it cost someone
        "is a scam", "are a scam", "was a scam", "are scams", "it s a scam", "report him", "report her",
        "report them", "report it", "and lost", "got scammed", "est une arnaque", "sont une arnaque",
        "sont des arnaques", "c est une arnaque", "c etait une arnaque", "signalez", "a perdu", "et perdu",
        "s est fait arnaquer",
        # telling others not to call the number back, or to warn their own
        "don t call", "don t ring", "do not call", "never call", "hang up", "ne rappelez", "n appelez pas",
        "n appelez jamais", "raccrochez", "warn your", "prevenez", "she almost", "he almost", "elle a failli",
        "il a failli", "almost paid", "nearly paid", "almost sent", "nearly sent", "almost gave", "nearly gave",
        "almost clicked", "nearly clicked", "a failli", "ont failli", "avoid it", "avoid them", "stay away",
        "steer clear", "evitez", "fuyez", "alert", "alerte",
        "warning", "psa", "mise en garde",
        # telling that it goes round, what it did to someone, or calling out the accounts ("X are scammers too")
        "going around", "are all over", "are everywhere", "making the rounds", "circulating", "qui circule",
        "circulent", "got a call", "got a text", "got an email", "got a message", "received a call", "a recu un",
        "ont recu un", "don t trust", "never trust", "ne faites pas confiance", "ne faites jamais confiance",
        "the hard way", "a ses depens", "are scammers", "are all scammers", "are fake", "are all fake",
        "was a scammer", "was also a scammer", "is a scammer", "is also a scammer", "were scammers",
        "were also scammers", "are also scammers", "etait un escroc", "etait aussi un escroc",
        "sont des escrocs", "sont des arnaqueurs", "sont des charlatans", "are charlatans", "are frauds", "reported",
        "are ponzi", "is a ponzi", "are pyramid", "is a pyramid", "est un ponzi", "sont des ponzi",
        "c est une pyramide",
        # the elders the trick calls ("the 'refund department' called my mom")
        "called my mom", "called my mum", "called my dad", "called my mother", "called my father", "called my parents",
        "called my grandma", "called my grandmother", "called my grandpa", "called my grandfather", "called my nan",
        "called my neighbor", "called my neighbour", "a appele ma mere", "a appele mon pere", "a appele mes parents",
        "a appele ma grand mere", "a appele mon grand pere", "a appele ma voisine", "a appele mon voisin",
        "ont appele ma mere", "ont appele mon pere", "ont appele ma grand mere", "ont appele mon grand pere",
        # asking readers to report the accounts, not only "it"
        "report these", "report those", "report this account", "report that account", "report the account",
        "report the accounts", "report this profile", "report the profile", "signalez ces", "signalez ce compte",
        "signalez ce profil", "signalez les comptes",
        # telling that the writer reported it ("I reported the account", "je l'ai signalé")
        "i reported", "we reported", "reported the account", "reported the profile", "j ai signale",
        "je l ai signale", "je les ai signales", "on l a signale", "nous l avons signale",
    )
)  # fmt: skip


# A fake warning pointing to "the real one": the recovery and trading trades' way to be reached after warning of the
# others ("beware of fake hackers, the only real one is on Telegram", "le seul vrai marabout est sur WhatsApp").
_VOUCHING = compile_phrases(
    (
        "the real one", "the only real", "the only legit", "only legit", "legit hacker", "legit hackers",
        "legit expert", "legit one", "legit recovery", "legit trader", "real hacker", "genuine hacker", "only trust",
        "helped me recover", "recovered it all", "recovered all my", "i trade with", "trading with", "join the",
        "join our", "join my", "le seul vrai", "la seule vraie", "le seul fiable", "la seule fiable", "vrai hacker",
        "vrai marabout", "vrai expert", "m a aide a recuperer", "m a aidee a recuperer", "rejoignez", "rejoins",
    )
)  # fmt: skip


# "The real <thing> is at / est sur <place>": where the fake warning sends readers instead.
_REAL_ONE_AT = re.compile(
    r"(?<!\w)(?:the real|the genuine|le vrai|la vraie|les vrais|les vraies)(?:\s\w+){0,3}\s"
    r"(?:is at|is on|are at|are on|lives at|est sur|est a|sont sur|se trouve sur|se trouvent sur)(?!\w)"
)


def _vouches(folded: str) -> bool:
    """Tell whether folded text asks to be reached or vouches for someone, a "real one" after a warning too."""
    text = unjoined(folded)
    return (
        reaches(folded)
        or _VOUCHING.search(text) is not None
        or _REAL_ONE_AT.search(text) is not None
        or alarm.vouches(folded)
    )


# Telling readers not to call, answer or pay the number, or to block or report it: the number is the scam's,
# quoted so that readers know it ("hang up", "don't answer him", "bloquez-le", "ne l'appelez pas").
_REFUSING = compile_phrases(
    (
        "don t call", "do not call", "never call", "don t ring", "don t answer", "do not answer", "don t reply",
        "do not reply", "don t pay", "do not pay", "never pay", "hang up", "block it", "block the number",
        "block them", "report it", "report the number", "report them", "report and block", "block and report",
        "never give them", "don t give them", "ne leur donnez", "ne rappelez", "ne l appelez", "ne les appelez",
        "n appelez pas", "n appelez jamais", "n appelez surtout pas", "ne repondez", "ne payez", "raccrochez",
        "bloquez", "signalez",
        # the number reported or forwarded where scams are ("forwarded to 7726", "signalé sur Bloctel")
        "signale", "j ai signale", "reported it", "reported to", "forwarded to", "forwarded it", "transfere au",
        "transfere a", "deleted", "supprime", "poubelle",
    )
)  # fmt: skip

# Being told to stay on the line is the scam's own script ("ne raccrochez pas", "don't hang up"), not a refusal.
_HOLD_ON = compile_phrases(
    (
        "ne raccrochez pas", "ne raccrochez surtout pas", "ne raccrochez jamais", "don t hang up", "do not hang up",
        "never hang up",
    )
)  # fmt: skip


# A message quoted whole between quotation marks ("j'ai reçu un SMS : « votre colis est bloqué, appelez le … »"),
# told as received just before: the scam's words as they reached the writer, not what the writer asks of readers.
_QUOTED = re.compile(r"«[^«»]{1,300}»|“[^“”]{1,300}”|\"[^\"]{1,300}\"")
_RECEIVED = compile_phrases(
    (
        "saying", "says", "said", "reading", "read", "text", "texts", "sms", "message", "messages", "email",
        "e mail", "mail", "voicemail", "letter", "popup", "pop up", "disant", "dit", "disait", "texto", "courriel",
        "lettre", "recu", "received", "got", "wrote", "written", "ecrit", "ecrivait",
        # the scam's replies under posts, quoted ("the accounts that reply 'contact Dr X'", "qui répondent « … »")
        "reply", "replies", "replying", "repond", "repondent", "commentent", "comment", "comments",
    )
)  # fmt: skip
_RECEIVED_REACH = 40
"""Characters before a quotation in which it is told as received ("a text saying", "un SMS :")."""


def _unquoted(folded: str) -> str:
    """Return folded text without the messages it quotes as received (« », “ ”, " ")."""
    if not any(map(folded.__contains__, '«“"')):
        return folded
    text = unjoined(folded)  # the same length: apostrophes and hyphens become spaces
    kept, start = [], 0
    for quote in _QUOTED.finditer(folded):
        if _RECEIVED.search(text[max(0, quote.start() - _RECEIVED_REACH) : quote.start()]) is not None:
            kept.append(folded[start : quote.start()])
            start = quote.end()
    return " ".join([*kept, folded[start:]])


def warns(folded: str) -> bool:
    """Tell whether folded text names a scam (or money lost to someone) and warns others or tells what reached (or
    cost) the writer."""
    text = unjoined(folded)
    if _SCAM.search(text) is None and not alarm.names(folded):
        lost = _LOST_TO.search(text) if "lost" in text or "perdu" in text else None  # its words: two quick looks
        if lost is None:
            return False
        # the loss told is no warning by itself ("he lost $50 to the machine"): the warning is in the rest
        text = f"{text[: lost.start()]} {text[lost.end() :]}"
    return _WARNING.search(text) is not None or _REFUSING.search(text) is not None or alarm.warns(text)


def refuses(folded: str) -> bool:
    """Tell whether folded text names a scam and, after its phone number, tells readers not to call, answer or pay
    it, or to block it: the scam's number, told first. A fake warning refuses the "fakes" first, then gives the
    "real" one's number."""
    text = unjoined(folded)  # the same length: apostrophes and hyphens become spaces
    if _SCAM.search(text) is None and not alarm.names(folded):
        return False
    phones = find_phones(folded)
    start = folded.find(phones[0].text) if phones else -1
    if start < 0:
        return False
    end = start + len(phones[0].text)
    if _CALLER.match(text, end) is not None or _CALLED_FROM.search(text[max(0, start - _CALLER_REACH) : start]):
        return True  # the number that calls the readers is the scam's, not one to call
    held_on = [(hold.start(), hold.end()) for hold in _HOLD_ON.finditer(text)]
    return any(
        match.start() >= end and not any(a <= match.start() < b for a, b in held_on)
        for match in _REFUSING.finditer(text)
    )


# The number told as the one that calls ("si le 01 89 … vous appelle", "calls from 202-555-…"): the scam's line.
_CALLER = re.compile(
    r"\s*(?:vous appelle|vous a appele|m appelle|m a appele|nous appelle|nous a appele|t appelle|calls you|called me|"
    r"called us|calls me|keeps calling|is calling|kept calling)(?!\w)"
)
_CALLED_FROM = re.compile(
    r"(?<!\w)(?:call from|calls from|calling from|called from|texts from|text from|appel du|appels du|appelle du|"
    r"appellent du|sms du|(?:call|calls|text|texts|sms|message|messages)(?:\s\w+){1,3}\s(?:from|du|de))\s*$"
)
_CALLER_REACH = 40
"""Characters before a number in which it is told as the caller ("des appels du")."""


_LINKS = "links"
"""The signal of the links in the text, set aside in a warning when they are all bare site names."""
# Sending readers to a site ("visit", "check them out", "allez sur"): a bare name so pointed at is an address given.
_GO_THERE = compile_phrases(
    (
        "visit", "visit them", "visit it", "go to", "head to", "head over to", "check them out", "check it out",
        "got mine from", "got mine at", "i used", "visitez", "allez sur", "allez voir", "va sur", "rendez vous sur",
        "passez par", "j ai trouve le mien sur", "moi je passe par",
    )
)  # fmt: skip


_REACHING = frozenset({"contact", "premium_rate"})
"""Signals of a way to reach someone, set aside when the warning shows it is the scam's (:func:`_reaches_nobody`)."""


def _reaches_nobody(signal: Signal, refused: bool, handle: bool, desks: bool) -> bool:
    if signal.name == "contact":  # a messenger named alone is where the scam came from, not where to write
        if signal.evidence.get("apps") and handle:
            return False  # a handle given ("Telegram @kevin") is where to write, whatever the warning around it
        emails_reach = bool(signal.evidence.get("emails")) and not desks  # a desk taking reports reaches no scammer
        return not emails_reach and (refused or not signal.evidence.get("phones"))
    if signal.name == "premium_rate":
        return refused
    return True


def weigh(
    signals: list[Signal], folded: str, links: Iterable[str], topics: Iterable[str] = (), *, names_only: bool = False
) -> list[Signal]:
    """Return ``signals`` without those of the scam reported, and its ``topics`` weighed at :data:`TOPIC_SHARE`,
    when the comment warns and reaches nobody.

    ``links`` are the names of the signals of links: a link may lead to the scam itself, so they keep their weight
    (and hold the comment). But when every link is a site's bare name (``names_only``: no scheme, "www." nor page,
    "they sent me to secure-booking-pay.com"), the warning names the scam's site as it names its number: a name to
    recognise, which comment forms do not make a link, not an address given to visit; the ``links`` signal goes too,
    unless the comment sends readers there ("visit", "check them out", "allez sur").
    """
    talked = frozenset(topics)
    if not any(s.weight > 0 and (s.name in REPORTED or s.name in _REACHING or s.name in talked) for s in signals):
        return signals
    named = frozenset(links)
    refused, handle, desks = refuses(folded), gives_handle(folded), alarm.only_desks(folded)
    if (
        not all(s.name in named or _reaches_nobody(s, refused, handle, desks) for s in signals)
        or not warns(folded)
        or _vouches(_unquoted(folded))
    ):
        return signals
    named_only = names_only and not said_unnegated(_GO_THERE, unjoined(folded))  # not "don't visit"
    return [
        replace(s, weight=s.weight * TOPIC_SHARE) if s.name in talked else s
        for s in signals
        if s.name not in REPORTED and s.name not in _REACHING and not (named_only and s.name == _LINKS)
    ]


MESSENGERS = frozenset({"whatsapp", "telegram", "wechat", "kik", "skype", "snapchat", "viber", "signal"})
"""Messengers' names as the classifier reads them (one word each)."""
_MESSENGER = compile_phrases(("whatsapp", "whats app", "telegram", "wechat", "kik", "skype", "snapchat", "viber"))


def names_the_scams_messenger(folded: str, signals: list[Signal]) -> bool:
    """Tell whether a warning that reaches nobody names the messenger the scam came by ("a guy on Telegram").

    Its ``contact`` signal was set aside (:func:`weigh`): the messenger is where the scam wrote from, not where to
    write.
    """
    if any(s.name == "contact" for s in signals) or _MESSENGER.search(folded) is None:
        return False
    return warns(folded) and not _vouches(_unquoted(folded))


def without_messengers(weighing: Weighing) -> Weighing:
    """Return the classifier's weighing without the features naming a messenger."""
    kept = tuple(w for w in weighing.weighed if MESSENGERS.isdisjoint(w[1].partition(":")[2].split()))
    return replace(weighing, logit=math.fsum(w for w, _ in kept), weighed=kept)
