"""Signals of spam: pure functions of a comment (and of facts known about it), each with a name and a weight.

A weight is in nats of log-odds: :mod:`worker.spam.score` adds the weights of the signals found to the
classifier's log-odds. Evidence never holds the author's email: at most its domain.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import islice
from types import MappingProxyType
from typing import Any

from disposable_email_domains import blocklist as _disposable_domains

from worker.models import JSON, Comment
from worker.spam import commerce, disguise, favour, hearsay, helpline, lesson, messenger, paid, reach, spelled, warning
from worker.spam import facts as fact
from worker.spam.affiliate import affiliate
from worker.spam.anchor_name import keyword_name
from worker.spam.asked_pitch import asked_pitch
from worker.spam.evidence import Signal, grow
from worker.spam.filler import filler
from worker.spam.identity import email_domain
from worker.spam.own_work import own_work
from worker.spam.phrases import TOPICS, matches, tokens, topics_in
from worker.spam.phrases import words as _words
from worker.spam.pitch import business_pitch
from worker.spam.quoted import unquoted
from worker.spam.reader import reader
from worker.spam.reading import shown
from worker.spam.spoken_phone import spoken_phones
from worker.spam.supplement import diet_pill
from worker.spam.testimonial import testimonial
from worker.spam.topic_talk import weigh as talked_of
from worker.spam.urls import find_links, host_of, is_bare_name, registered_domain
from worker.text import fold

WEIGHTS: Mapping[str, float] = MappingProxyType(
    {
        "links": 1.6,  # for one link; each further link adds half as much again, up to three
        "link_only": 1.2,
        "referral_link": 1.0,
        "link_markup": 2.0,
        "shortener": 1.5,
        "link_in_name": 2.5,
        "keyword_name": 2.5,  # the name as a link's anchor text, as link_in_name: alone it holds, never rejects
        "website": 0.4,
        "website_suspicious": 1.5,
        "contact": 1.5,
        "self_promotion": 2.2,
        "engagement_bait": 1.8,
        "money": 1.5,
        "crypto": 1.5,
        "pharmacy": 2.0,
        "seo": 2.0,
        "gambling": 2.0,
        "adult": 2.0,
        "phishing": 1.5,
        "shouting": 0.6,
        "repetition": 0.6,
        "disposable_email": 1.5,
        "blocklist": 4.0,
        "moderation_key": 1.5,
        "known_author": -3.0,
        "campaign": 1.5,  # for one earlier copy; each further copy adds half as much again, up to five
        "support_line": 1.5,
        "brand_support": 0.8,
        "call_to_action": 1.0,
        "premium_rate": 1.5,  # the call itself pays its owner: no reader passes such a line on
        "scam_family": 2.5,
        "diet_pill": 2.5,
        "business_pitch": 1.5,
        "counterfeit": 2.0,
        "company_footer": 1.8,
        "reader": -1.0,  # for one kind (question, code, error, thanks by name); each further kind adds half
        "filler": 1.5,
        "disguised": 2.0,
        "mixed_script": 1.0,
        "spelled_link": 2.5,  # an evasion: held among a tutorial's words, yet a link, so alone it never rejects
        "testimonial": 1.0,
        "own_work": 2.2,  # as self_promotion: the writer's cover, remix or channel, with an ask to go and see it
        "affiliate": 2.5,  # a business handed to the readers (code, referral, ask, number...); each further sign: half
    }
)
"""The default weight of each signal, in nats of log-odds."""

NOT_COMMERCIAL = frozenset(
    {"links", "link_only", "referral_link", "website", "brand_support", "crypto", "shouting", "repetition",
     "engagement_bait", "known_author", "disposable_email", "reader"}
)  # fmt: skip
"""Signals that leave a reader's comment a reader's comment: any other one means something is sold."""

TOPIC_SIGNALS = frozenset({"money", "crypto", "pharmacy", "seo", "gambling", "adult"})
"""Signals of what a comment talks about: readers talk about money, pills and porn too, spammers sell them."""

STYLE_SIGNALS = frozenset({"shouting", "repetition", "filler", "mixed_script"})
"""Signals of how a comment is written, which say nothing of a sale."""

HEARSAY_TALK = frozenset({"scam_family", "support_line", "brand_support"})
"""Signals of a scam's trade that a reader's talk names too, when it gives no way to reach anyone."""

EVASION_SIGNALS = frozenset({"disguised", "spelled_link"})
"""Signals of a trade word or a link written so as to slip past filters: the words around it vouch for nothing."""

LINK_SIGNALS = frozenset(
    {"links", "link_only", "link_markup", "shortener", "link_in_name", "keyword_name", "website", "website_suspicious",
     "spelled_link"}
)  # fmt: skip
"""Signals about where a comment points (or the name its link shows), not what it says: they hold, never reject."""

NEVER_REJECT_SIGNALS = frozenset({"affiliate"})
"""Signals that may hold a comment for a moderator but never decide its rejection (it is rejected only when the score
without them would reject it): a business handed to the readers in a customer's voice, which a reader who loves a
shop comes close to (:mod:`worker.spam.affiliate`)."""

SHORTENERS = frozenset(
    {
        "bit.ly",
        "tinyurl.com",
        "goo.gl",
        "t.co",
        "ow.ly",
        "is.gd",
        "buff.ly",
        "rebrand.ly",
        "cutt.ly",
        "shorturl.at",
        "tiny.cc",
        "bitly.com",
        "rb.gy",
        "v.gd",
        "t.ly",
        "s.id",
        "linktr.ee",
        "tr.im",
        "lnkd.in",
        "qrco.de",
        "adf.ly",
        "shorte.st",
        "bc.vc",
    }
)
_CHEAP_TLDS = frozenset(
    {
        "xyz",
        "top",
        "click",
        "loan",
        "win",
        "bid",
        "tk",
        "ml",
        "ga",
        "cf",
        "gq",
        "pw",
        "ws",
        "icu",
        "buzz",
        "cam",
        "rest",
        "monster",
        "work",
    }
)
_SPAM_HOST_WORDS = re.compile(
    r"casino|viagra|cialis|pills?|pharma|seo|backlink|loans?|crypto|bitcoin|porn|xxx|bet\d*|cheap"
)
_MARKUP = re.compile(r"<a\s[^>]*href|\[url[=\]]|\[link[=\]]|\[[^\]\n]+\]\(\s*(?:https?://|www\.)", re.IGNORECASE)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")  # starts on a word's edge: linear
_APPS = ("whatsapp", "whats app", "telegram", "t.me", "wa.me", "wechat", "kik", "skype", "snapchat", "viber")
_MESSENGERS = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, _APPS))})(?!\w)")
_MAY_BE_CAPITAL = re.compile(r"[A-Z\x80-\U0010ffff]")
_MAY_BE_LETTER = re.compile(r"[A-Za-z\x80-\U0010ffff]")
_LATIN1_CAPITALS = bytes(code for code in range(256) if chr(code).isupper())
_LATIN1_LETTERS = bytes(code for code in range(256) if chr(code).isalpha())
_CHAR_RUN = re.compile(r"(\S)\1\1\1\1+")  # as "(\S)\1{4,}", which Python's regular expressions try more slowly
_WORD = re.compile(r"\w+")
_MIN_SHOUT_LETTERS = 15
_LINK_ONLY_WORDS = 3
_EMPTY_LINK = re.compile(r"(?<![\w/])https?://(?![^\s<>\"'])", re.IGNORECASE)
"""A scheme with no address after it."""
_POINTING = re.compile(r"(?:>>|[=-]+>|[→⇒➔➜➡👉])[>\s\ufe0f]*(?:https?://|www\.)", re.IGNORECASE)
"""Arrows pointing at a link (">>>> http://", "==> www.", "👉 https://"), as adverts point at what to click."""
_REFERRAL = re.compile(
    r"[?&;](ref|r|aff|affid|affiliate|affiliateid|referral|referrer|invite|invitecode|promo|partner|tag)=[\w-]{3,}",
    re.IGNORECASE,
)


def links(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """Links in the text: more links, more weight."""
    found = find_links(comment.content)
    if not found:
        return None
    hosts = sorted({link.host for link in found})[:5]
    return Signal("links", grow(weights["links"], len(found), 3), {"count": len(found), "hosts": hosts})


def link_only(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """A link with next to nothing around it: it says nothing to a reader and only asks for the click.

    Arrows and filler (">>>>", "==>", "👉") are no words; a scheme left with no address after it ("http://", a
    link the form stripped or the spammer's template left empty) is the link all the same.
    """
    found = find_links(comment.content)
    rest = comment.content
    if found:
        for link in found:
            rest = rest.replace(link.text, " ")
    elif "://" in rest and _EMPTY_LINK.search(rest):
        rest = _EMPTY_LINK.sub(" ", rest)
    else:
        return None
    words = len(list(islice(_WORD.finditer(rest), _LINK_ONLY_WORDS + 1)))  # the words past the limit are not read
    if words > _LINK_ONLY_WORDS:
        return None
    evidence: dict[str, JSON] = {"words": words}
    if not found:
        evidence["empty"] = True
    pointed = _POINTING.search(comment.content) is not None
    if pointed:
        evidence["pointed"] = True
    return Signal("link_only", grow(weights["link_only"], 1 + pointed, 2), evidence)


def referral_link(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """A link carrying a referral or affiliate code: whoever posts it is paid for each visitor who signs up."""
    for link in find_links(comment.content):
        match = _REFERRAL.search(link.text)
        if match:
            return Signal("referral_link", weights["referral_link"], {"host": link.host, "parameter": match.group(1)})
    return None


def link_markup(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """HTML, BBCode or Markdown link markup, which people typing a comment rarely write."""
    match = _MARKUP.search(comment.content) if "<" in comment.content or "[" in comment.content else None
    return Signal("link_markup", weights["link_markup"], {"markup": match.group()[:20]}) if match else None


def shortener(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """Links through URL shorteners, which hide where they lead."""
    hosts = sorted({link.host for link in find_links(comment.content) if link.host in SHORTENERS})
    return Signal("shortener", weights["shortener"], {"hosts": hosts}) if hosts else None


def link_in_name(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """A link in the author's name, a classic of SEO spam."""
    found = find_links(comment.author_name)
    return Signal("link_in_name", weights["link_in_name"], {"hosts": [f.host for f in found][:3]}) if found else None


def website(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> list[Signal]:
    """The website field: a little weight when filled, more when its domain looks bought for spam."""
    host = host_of(comment.author_url or "")
    if not host:
        return []
    domain = registered_domain(host)
    found = [Signal("website", weights["website"], {"domain": domain})]
    tld = domain.rpartition(".")[2]
    if tld in _CHEAP_TLDS or host in SHORTENERS or _SPAM_HOST_WORDS.search(host):
        found.append(Signal("website_suspicious", weights["website_suspicious"], {"domain": domain}))
    return found


def contact(comment: Comment, weights: Mapping[str, float] = WEIGHTS, phones: int | None = None) -> Signal | None:
    """Email addresses (spelled out too), phone numbers or messaging apps: spam wants to be contacted elsewhere."""
    text = shown(comment.content)
    folded = fold(text)
    emails = (len(_EMAIL.findall(text)) if "@" in text else 0) + reach.spelled_emails(folded)
    if phones is None:
        phones = len(commerce.phones(text, commerce.plain(folded)))
    phones += reach.app_numbers(folded)
    apps = sorted(set(_MESSENGERS.findall(folded))) if any(map(folded.__contains__, _APPS)) else []
    if apps and not (emails or phones) and not messenger.asks_through(folded):
        apps = []  # a messenger named in passing ("just maps and WhatsApp") reaches nobody
    if not (emails or phones or apps):
        return None
    kinds = bool(emails) + bool(phones) + bool(apps)
    # Counts only: an address in the text may be the author's own, which must never be published.
    return Signal("contact", grow(weights["contact"], kinds, 3), {"emails": emails, "phones": phones, "apps": apps})


# How often, not how much: "trois fois par semaine", "twice per day", "2 comprimés par jour" are a routine or a dose,
# and "30 km par semaine", "10 hours per week" a runner's distance or a worker's hours, where the trade's "per day"
# follows what it pays ("$300 per day", "500 € par semaine").
_HOW_OFTEN = re.compile(
    r"(?<!\w)(?:fois|times|once|twice|comprimes?|gelules?|tablets?|capsules?|seances?|sessions?|km|kilometres?|"
    r"kilometers?|miles?|heures?|hours?|minutes?|pages?|litres?|liters?|pas|steps)\s+(?:par|per)\s+"
    r"(?:jour|semaine|mois|day|week|month)(?!\w)"
)


_ASKING_TOPICS = frozenset({"self_promotion", "engagement_bait"})
"""Topics of an ask to the readers, which a fan quoting the promoters does not make (:func:`unquoted`)."""


def phrasing(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> list[Signal]:
    """One signal per topic of spam phrasing (promotion, money, crypto, ...) found in the text or the name."""
    content, name = fold(comment.content), fold(comment.author_name)
    if " par " in content or " per " in content:
        content = _HOW_OFTEN.sub(" ", content)
    found = []
    in_content, in_name = topics_in(content), topics_in(name)  # a topic in neither has no match in it
    asked = unquoted(content) if not in_content.isdisjoint(_ASKING_TOPICS) else content
    for topic in TOPICS:
        if topic not in in_content and topic not in in_name:
            continue
        read = asked if topic in _ASKING_TOPICS else content
        phrases = matches(topic, read) if topic in in_content else []
        if topic in in_name:
            phrases += [p for p in matches(topic, name) if p not in phrases]
        if phrases:
            found.append(Signal(topic, grow(weights[topic], len(phrases), 3), {"phrases": phrases[:3]}))
    return found


def _capitals_and_letters(text: str, enough: float) -> tuple[int, int]:
    """Return how many capitals and letters ``text`` holds (letters 0 when it holds fewer capitals than ``enough``)."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        # Capitals and letters past Latin-1 are looked at one by one (A-Z and a-z are ASCII's only ones).
        capitals = sum(map(str.isupper, _MAY_BE_CAPITAL.findall(text)))
        if capitals < enough:
            return capitals, 0  # too few letters, or too few of them capitals: the letters need not be counted
        return capitals, sum(map(str.isalpha, _MAY_BE_LETTER.findall(text)))
    # The usual case: a Latin-1 text's capitals, then letters, deleted in one pass each and counted.
    capitals = len(raw) - len(raw.translate(None, _LATIN1_CAPITALS))
    return capitals, (len(raw) - len(raw.translate(None, _LATIN1_LETTERS)) if capitals >= enough else 0)


def shouting(comment: Comment, weights: Mapping[str, float] = WEIGHTS, ratio: float = 0.7) -> Signal | None:
    """Mostly capital letters over a text long enough for that to mean something."""
    capitals, letters = _capitals_and_letters(comment.content, ratio * _MIN_SHOUT_LETTERS)
    if letters < _MIN_SHOUT_LETTERS:
        return None
    caps = capitals / letters
    return Signal("shouting", weights["shouting"], {"caps_ratio": round(caps, 2)}) if caps >= ratio else None


def _char_run(text: str) -> re.Match[str] | None:
    """Return the first run of five or more of one character but a space, as ``_CHAR_RUN.search`` does.

    The pattern is tried at every position of the text; a Latin-1 text (nearly every comment) is first told to
    hold no five equal characters in a row at all, from the bytes where it equals itself one character on
    (those of ``xor`` are zero there): four such in a row are five equal characters.
    """
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return _CHAR_RUN.search(text)
    size = len(raw) - 1
    if size < 4:
        return None  # no room for five characters
    same = int.from_bytes(raw[:-1], "big") ^ int.from_bytes(raw[1:], "big")
    return _CHAR_RUN.search(text) if b"\0\0\0\0" in same.to_bytes(size, "big") else None


def repetition(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """A character typed five times or more in a row, or one word making up much of a long text."""
    run = _char_run(comment.content)
    folded = fold(comment.content)
    # The words of two letters or more, and how many of them are distinct, counted from the text's words and their
    # set (one-letter words left out) without building either.
    found, distinct = tokens(folded), _words(folded)
    counted = len(found) - list(map(len, found)).count(1)
    repeats = counted - (len(distinct) - list(map(len, distinct)).count(1))  # a word that comes n times makes n - 1
    top_word, top_count = "", 0
    if counted >= 8 and repeats >= 3 and (repeats + 1) / counted >= 0.3:  # else no word can come that often
        top_word, top_count = Counter(w for w in found if len(w) > 1).most_common(1)[0]
    repeated_word = top_count >= 4 and top_count / counted >= 0.3
    if not (run or repeated_word):
        return None
    evidence: dict[str, JSON] = {}
    if run:
        evidence["run"] = run.group()[:10]
    if repeated_word:
        evidence["word"], evidence["times"] = top_word, top_count
    weight = weights["repetition"] * ((run is not None) + repeated_word)
    return Signal("repetition", weight, evidence)


@cache
def _is_disposable(domain: str) -> bool:
    labels = domain.split(".")
    return any(".".join(labels[i:]) in _disposable_domains for i in range(len(labels) - 1))


def disposable_email(comment: Comment, weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """An address at a throwaway-mail domain (list from the ``disposable-email-domains`` package)."""
    domain = email_domain(comment.author_email)
    if not domain or not _is_disposable(domain):
        return None
    return Signal("disposable_email", weights["disposable_email"], {"domain": domain})


@dataclass(frozen=True, slots=True)
class WordList:
    """A configured list of folded terms (blocklist, moderation keys) as one whole-word pattern over folded text.

    The pattern is tried at every position of a text; a term that starts with a word can only match where the
    text holds that word whole, so a text holding none of the terms' first words (the usual case) is answered
    by one set look-up.
    """

    pattern: re.Pattern[str]
    first_words: frozenset[str] | None
    """The word each term starts with; None when some term starts with something else (the pattern is then tried)."""

    @classmethod
    def of_terms(cls, terms: Iterable[str]) -> WordList | None:
        """Return the list of ``terms`` as written in the policy (folded here, spaces matching any run), or None."""
        folded = sorted({fold(t).strip() for t in terms if t.strip()}, key=len, reverse=True)
        if not folded:
            return None
        body = "|".join(r"\s+".join(map(re.escape, term.split())) for term in folded)
        return cls.of(re.compile(rf"(?<!\w)(?:{body})(?!\w)"), folded)

    @classmethod
    def of(cls, pattern: re.Pattern[str], terms: Iterable[str]) -> WordList:
        """Return the list of ``terms`` (folded, as ``pattern`` matches them whole, first words before any mark)."""
        starts = [_WORD.match(term) for term in terms]
        firsts = frozenset(m.group() for m in starts if m is not None) if all(starts) else None
        return cls(pattern, firsts)

    def search(self, folded: str) -> re.Match[str] | None:
        """Return the first term in ``folded`` text, as ``pattern.search`` does."""
        if self.first_words is not None and self.first_words.isdisjoint(_words(folded)):
            return None
        return self.pattern.search(folded)


def word_list(
    name: str, pattern: WordList | None, comment: Comment, weights: Mapping[str, float] = WEIGHTS
) -> Signal | None:
    """A term of a configured list (blocklist, moderation keys) in the content, name or website, on whole words."""
    if pattern is None:
        return None
    fields = {"content": comment.content, "author_name": comment.author_name, "author_url": comment.author_url or ""}
    for field_name, value in fields.items():
        match = pattern.search(fold(value))
        if match:
            return Signal(name, weights[name], {"field": field_name, "term": match.group()})
    return None


def known_author(facts: Mapping[str, Any], weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """The author already has an approved comment (a fact the store looks up by keyed email hash)."""
    return Signal("known_author", weights["known_author"]) if facts.get(fact.KNOWN_AUTHOR) is True else None


def campaign(facts: Mapping[str, Any], weights: Mapping[str, float] = WEIGHTS) -> Signal | None:
    """Other authors or addresses posted this text, or nearly, shortly before."""
    copies = facts.get(fact.DUPLICATES, 0)
    if not isinstance(copies, int) or isinstance(copies, bool) or copies < 1:
        return None
    return Signal("campaign", grow(weights["campaign"], copies, 5), {"earlier_copies": copies})


_ONE: tuple[Callable[[Comment, Mapping[str, float]], Signal | None], ...] = (
    links,
    link_only,
    referral_link,
    link_markup,
    shortener,
    link_in_name,
    keyword_name,
    shouting,
    repetition,
    disposable_email,
)
_MANY: tuple[Callable[[Comment, Mapping[str, float]], list[Signal]], ...] = (website, phrasing)


def _uncommercial(found: list[Signal]) -> bool:
    """Tell whether nothing is sold: no commercial signal, or money talked of with neither link nor contact."""
    names = {s.name for s in found}
    return names <= NOT_COMMERCIAL or ("money" in names and names <= (NOT_COMMERCIAL - LINK_SIGNALS) | {"money"})


def detect(comment: Comment, facts: Mapping[str, Any], weights: Mapping[str, float] = WEIGHTS) -> list[Signal]:
    """Return every signal found in the comment and its facts (the configured word lists excepted)."""
    found = [s for detector in _ONE if (s := detector(comment, weights)) is not None]
    for many in _MANY:
        found.extend(many(comment, weights))
    text = shown(comment.content)  # words and numbers as a reader sees them; links keep their markup above
    folded = fold(text)
    trade, numbers = commerce.detect(text, folded, weights)
    found.extend(trade)
    found.extend(disguise.detect(text, folded, weights))
    spelled_out = spelled.spelled_link(folded, weights)
    if spelled_out is not None:
        found.append(spelled_out)
    pitched = business_pitch(folded, weights) or asked_pitch(folded, weights)
    if pitched is not None:
        found.append(pitched)
    promoted = own_work(folded, weights)
    if promoted is not None:
        found.append(promoted)
    padded = filler(text, weights)
    if padded is not None:
        found.append(padded)
    reached = contact(comment, weights, len(numbers) + spoken_phones(folded))
    if reached is not None:
        found.append(reached)
        vouched = testimonial(folded, weights)
        if vouched is not None:
            found.append(vouched)
    named = affiliate(
        text,
        folded,
        comment.author_name,
        weights,
        number=reached is not None and bool(reached.evidence["phones"]),
        link=any(s.name == "links" for s in found),
    )
    pill = diet_pill(comment, weights, reached is not None, folded)
    found.extend(s for s in (named, pill) if s is not None)
    found.extend(s for s in (known_author(facts, weights), campaign(facts, weights)) if s is not None)
    heard = hearsay.weigh(found, folded, TOPIC_SIGNALS | STYLE_SIGNALS, TOPIC_SIGNALS)
    names_only = any(s.name == "links" for s in heard) and all(is_bare_name(k) for k in find_links(comment.content))
    reported = warning.weigh(heard, folded, LINK_SIGNALS, TOPIC_SIGNALS, names_only=names_only)
    # A warning, or talk of a scam's trade, that reaches nobody: its topics and trade words are what it talks of.
    talk: frozenset[str] = frozenset()
    if heard is not found:
        talk = NOT_COMMERCIAL | TOPIC_SIGNALS | HEARSAY_TALK
    elif reported is not heard:
        talk = NOT_COMMERCIAL | TOPIC_SIGNALS
    found = favour.weigh(paid.weigh(helpline.weigh(reported, folded), folded, LINK_SIGNALS), folded)
    found = lesson.weigh(found, folded, TOPIC_SIGNALS, STYLE_SIGNALS)
    found = talked_of(found, folded, TOPIC_SIGNALS, STYLE_SIGNALS)  # a person talking of a topic sells nothing
    if _uncommercial(found) or (talk and {s.name for s in found} <= talk):
        asked = reader(comment.content, fold(comment.content), weights)  # code tags are a reader's sign
        if asked is not None:
            found.append(asked)
    return found
