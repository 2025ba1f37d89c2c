"""More of the shapes in which readers name a scam and warn others (read by :func:`worker.spam.warning.warns`).

Readers call the scam's people by the title they give themselves, in scare quotes ("the crypto 'account managers'",
"les « médiums »", "un « recruteur »"); name the scam by its kind, as the news and the public campaigns do
("arnaque au faux conseiller", "arnaque aux sentiments"); tell the harm as its marks tell it ("sent £900 before she
realised", "ils disparaissent", "ne peut plus rien retirer", "ma tante y a laissé 2 000 €", "someone cloned my
cousin's Facebook"); call the accounts out ("is a bot", "est un escroc", "= arnaque"); tell what the real office or no
honest lender does ("no bank asks", "aucun organisme sérieux", "Free ne démarche pas"); and pass the warning on
("please share", "ne partagez pas", "just so everyone knows", "pour info", "petit rappel"). They also point to where
scams are reported, whose mailboxes are named for it ("report@phishing.gov.uk", "phishing@paypal.com"): no scammer
is reached there. The fake warning says all this too, then vouches for "the real" one: that is still read by
:mod:`worker.spam.warning` (its ``_vouches``), which these readings do not change.
"""

from __future__ import annotations

import re

from worker.spam.phrases import compile_phrases, unjoined
from worker.spam.public_sites import is_public_site

# The scam named by its kind ("arnaque au faux conseiller", "arnaque à la carte Vitale", "arnaque aux sentiments"):
# both naming and warning, as a headline is.
_KIND = compile_phrases(("arnaque au", "arnaque a la", "arnaque a l", "arnaque aux", "arnaques au", "arnaques aux"))
# The harm as the scam's marks tell it, and the scam's people called by what they do.
_HARM = compile_phrases(
    (
        "escroquer", "escroque", "escroquee", "escroques", "escroquees", "bot", "bots", "cloned", "clone", "clonee",
        "spoof", "spoofed", "spoofing", "spoofent", "usurpent", "usurpe", "usurpation", "before she realised",
        "before he realised", "before i realised", "before they realised", "before she realized", "before he realized",
        "before i realized", "before they realized", "avant de se rendre compte", "avant de comprendre",
        "disparaissent", "disparaitront", "disappear with", "disappeared with", "vanished with", "disparu avec",
        "got nothing back", "got nothing", "plus rien retirer", "rien pu retirer", "ne peut plus retirer",
        "envoles", "envolee", "envolees", "bidon", "pipeau", "bogus", "rip off", "ripoff", "ripped off", "robots",
        "jamais revenu", "jamais revenue", "never came back", "s est fait avoir", "se sont fait avoir",
        "me suis fait avoir", "s est fait rouler", "got conned", "was conned", "were conned", "got done",
    )
)  # fmt: skip
# Warning others in more words: care, calling the accounts out, the honest one told by what it never does, and the
# warning passed on.
_WARNS = compile_phrases(
    (
        "careful with", "careful of", "be wary", "wary of", "mefiance", "se mefier", "faites gaffe", "don t send",
        "do not send", "never send", "n envoyez", "please share", "share this", "pass it on", "spread the word",
        "faites passer", "faites tourner", "ne partagez pas", "don t share", "do not share", "is a bot", "are bots",
        "est un bot", "sont des bots", "c est un bot", "est un escroc", "est une escroc", "c est un escroc",
        "est un arnaqueur", "is a scammer", "is a fraud", "is fake", "est un faux", "est une fausse",
        "just so everyone knows", "fyi", "pour info", "petit rappel", "sachez que", "no bank", "no legit",
        "no legitimate", "no real", "no genuine", "aucune banque", "aucun organisme", "ne demarche pas",
        "ne demarchent pas", "doesn t cold call", "don t cold call", "ne fait pas de porte a porte",
        "s est fait escroquer", "se sont fait escroquer", "y a laisse", "y ont laisse", "pour un service gratuit",
        "for a free service", "want your money", "veulent votre argent", "veulent juste votre argent", "signale",
        "c est bidon", "c etait bidon", "c est du vent", "c est du pipeau", "is bogus", "are bogus", "rip off",
        "ripoff", "ripped off", "sont des robots", "ignorez les", "ignore them", "ne versez", "never transfer",
        "don t transfer", "never wire", "don t wire", "ne virez", "plainte", "police report", "verifiez",
        "always check", "check before", "s est fait avoir", "se sont fait avoir", "me suis fait avoir", "got conned",
        "was conned",
        # the safe way told, and the warning carried to the family ("talk to your older relatives")
        "always log in", "always go through", "always use", "passez toujours par", "toujours passer par",
        "talk to your", "tell your parents", "tell your mum", "tell your mom", "tell your dad", "tell your family",
        "parlez en", "parlez en a", "parlez en autour de vous", "prevenez vos",
    )
)  # fmt: skip
# A role or a bait in scare quotes after a word ("the crypto 'account managers'", "un « recruteur »"): the writer
# doubts the title. Straight quotes count only off a word's edge, so that "don't ... isn't" is no quotation.
_SCARE_QUOTED = re.compile(
    r"\w[\s,]+(?:«\s*[a-z0-9][a-z0-9' -]{1,30}?\s*»|“[a-z0-9][a-z0-9' -]{1,30}?”|\"[a-z0-9][a-z0-9' -]{1,30}?\""
    r"|(?<!\w)'[a-z0-9][a-z0-9 -]{1,30}?'(?!\w))"
)
_SCARE_WORDS = 3
"""Words at most in a quotation read as a title doubted, not a message quoted."""
# Readers told not to do what the scam asks, in the imperative ("Don't pay anything", "N'envoyez jamais", "ne
# cliquez surtout pas"): the scam's asks only, for the trade says "don't hesitate", "don't miss", "n'hésitez pas".
_FORBIDS = re.compile(
    r"(?<!\w)(?:don t|do not|never)\s+(?:click|pay|call|answer|reply|respond|send|give(?!\s+up)|share|trust|believe|"
    r"transfer|wire|buy|open|download|install|sign|scan|fall|let|confirm|enter)(?!\w)"
    r"|(?<!\w)n(?:e)?\s+(?:vous\s+|leur\s+|lui\s+|les\s+|le\s+|la\s+)?(?:cliquez|payez|appelez|rappelez|repondez|"
    r"envoyez|donnez|partagez|croyez|virez|versez|achetez|ouvrez|telechargez|installez|signez|scannez|communiquez|validez|"
    r"faites)\s+(?:pas|jamais|surtout|rien|plus|aucun)(?!\w)"
)
# Where scams are reported ("forwarded it to 7726", "signalé sur Pharos", "reported to Action Fraud"): nobody reports a
# thing they sell, so naming the channel names the scam, and tells readers where to go.
_CHANNELS = compile_phrases(
    (
        "7726", "33700", "action fraud", "actionfraud", "reportfraud", "report fraud", "the ftc", "ftc", "ic3",
        "anti fraud centre", "antifraud centre", "centre antifraude", "signal spam", "pharos", "cybermalveillance",
        "17cyber", "perceval", "thesee", "bloctel", "phishing initiative", "report phishing", "trading standards",
        "citizens advice scams", "safe browsing",
    )
)  # fmt: skip
# A verdict on the thing, which both names it a scam and warns ("c'est bidon", "is nonsense", "ne sont jamais vrais").
_VERDICT = compile_phrases(
    (
        "c est bidon", "c etait bidon", "c est du vent", "c est du pipeau", "is bogus", "are bogus", "is nonsense",
        "are nonsense", "never true", "never real", "jamais vrai", "jamais vrais", "jamais vraie", "jamais vraies",
        "not real", "isn t real", "aren t real", "c est un piege", "est un piege", "un piege", "a trap", "is a trap",
        "of the scam", "part of the scam", "partie de l arnaque", "known scam", "classic scam",
        "arnaque classique", "arnaque connue", "escroquerie connue", "a con", "is a con", "same gang",
        "meme bande", "prey on", "preys on", "s attaquent aux", "gens desesperes", "personnes vulnerables",
        "vulnerable people", "desperate people", "exploitation",
    )
)  # fmt: skip
# The harm told as its marks tell it: money or a deposit gone ("took my deposit and vanished", "Lost £450",
# "4 500 € d'acompte perdus").
_GONE = compile_phrases(
    (
        "took my deposit", "took our deposit", "took the deposit", "took my money", "took our money", "vanished",
        "disappeared", "a empoche", "ont empoche", "empoche", "a disparu", "ont disparu", "site disparu",
        "jamais arrive", "jamais arrivee", "never arrived", "never came", "compte vide", "emptied", "vide son compte",
        "vide mon compte", "acompte perdu", "acompte perdus", "d acompte perdus",
    )
)  # fmt: skip
_LOST_SUM = re.compile(
    r"(?<!\w)(?:lost|perdu|perdus|perdue|perdues|gone)\s(?:about\s|nearly\s|almost\s|over\s|pres de\s|plus de\s)?"
    r"(?:[$£€]\s?\d[\d\s.,]*k?|\d[\d\s.,]*k?\s?(?:[$£€]|euros?|dollars?|quid)(?!\w))"
    r"|\d[\d\s.,]*\s?(?:[$£€]|euros?)\s(?:d acompte\s)?(?:perdus|envoles|gone)"
)
# "X = arnaque", "= scam": the thing equated with a scam.
_EQUALS = re.compile(r"=\s*(?:scam|scams|arnaque|arnaques|escroquerie|fraud|fake)(?!\w)")

_EMAIL = re.compile(r"(?<![\w.+-])([\w.+-]+)@([\w-]+(?:\.[\w-]+)+)")
_DESKS = frozenset(
    {"phishing", "reportphishing", "report", "spoof", "abuse", "signalement", "spam", "reportspam", "fraud"}
)
"""Mailboxes' names that say they take reports of scams: a brand's or an office's, not a scammer's."""
_GOVERNMENT = (".gov", ".gouv.fr", ".gov.uk", ".police.uk", ".gc.ca", ".europa.eu")


_OPENS = re.compile(r"[\s,][«“\"']")
"""A quote opening after a space or a comma, as every one of :data:`_SCARE_QUOTED` does."""


def may_scare_quote(folded: str) -> bool:
    """Tell whether folded text may hold a title in scare quotes: a quote mark opened after a space or a comma."""
    if not any(map(folded.__contains__, "'\"«“")):
        return False  # the usual case: no quote mark at all, told by four quick looks
    return _OPENS.search(folded) is not None


def _scare_quoted(folded: str) -> bool:
    if not may_scare_quote(folded):
        return False
    return any(len(m.group().split()) - 1 <= _SCARE_WORDS for m in _SCARE_QUOTED.finditer(folded))


def names(folded: str) -> bool:
    """Tell whether folded text names a scam in one of these shapes: its kind, its harm, a title doubted."""
    text = unjoined(folded)
    return _named_and_warned(text, folded) or _HARM.search(text) is not None or _scare_quoted(folded)


def warns(folded: str) -> bool:
    """Tell whether folded text warns others in one of these shapes."""
    text = unjoined(folded)
    return (
        _named_and_warned(text, folded)
        or _WARNS.search(text) is not None
        or _GONE.search(text) is not None
        or _LOST_SUM.search(text) is not None
        or _FORBIDS.search(text) is not None
    )


def _named_and_warned(text: str, folded: str) -> bool:
    """The shapes that both name a scam and warn of it: its kind, where it is reported, a verdict, "= scam"."""
    return (
        _KIND.search(text) is not None
        or _CHANNELS.search(text) is not None
        or _VERDICT.search(text) is not None
        or ("=" in folded and _EQUALS.search(folded) is not None)
    )


def desk(local: str, domain: str) -> bool:
    """Tell whether an address (its part before and after the ``@``) is a desk taking reports of scams."""
    domain = domain.lower()
    public = ("." + domain).endswith(_GOVERNMENT) or is_public_site(domain)
    return public or local.lower() in _DESKS


def only_desks(text: str) -> bool:
    """Tell whether ``text`` holds email addresses and every one is a desk taking reports of scams."""
    found = _EMAIL.findall(text) if "@" in text else []
    return bool(found) and all(desk(local, domain) for local, domain in found)


# Vouching in more words: the trader the writer now trades with, the handle to write to ("I only trade with Mrs X,
# message her @x"). A fake warning ends there; a reader's warning reaches nobody.
_VOUCHES = compile_phrases(
    (
        "message her", "message him", "message them", "dm her", "dm him", "dm them", "text her", "text him",
        "write to her", "write to him", "follow her", "follow him", "trade with", "invest with", "investing with",
        "manages my", "managed my", "gere mon", "gere mes", "investis avec", "j investis avec", "je trade avec",
        "ecrivez lui", "ecrivez leur", "suivez le", "suivez la",
        # the money got back: the recovery trade's turn
        "a real one", "a legit one", "a genuine one", "got my money back", "got mine back", "got it all back",
        "got everything back", "recovered my", "recovered all", "recovered everything", "tout recupere",
        "recupere mon argent", "recupere mes fonds", "recupere tout",
    )
)  # fmt: skip


def vouches(folded: str) -> bool:
    """Tell whether folded text vouches for someone to write to or trade with, in one of these shapes."""
    return _VOUCHES.search(unjoined(folded)) is not None
