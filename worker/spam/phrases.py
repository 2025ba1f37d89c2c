"""Spam phrasing in English and French, by topic, matched on whole words of folded (lower-case, accent-free) text.

Every phrase is written folded; a space matches any run of spaces, ``$`` and ``€`` match themselves,
and ``#`` matches one or more digits. Each topic becomes one signal with its own weight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from types import MappingProxyType

from worker.spam import alternation
from worker.spam.alternation import Alternation
from worker.text import AsciiFast

_TOPICS: dict[str, tuple[str, ...]] = {
    "self_promotion": (
        # English
        "check out my", "check my", "checkout my", "check out our", "visit my", "visit our", "subscribe to my",
        "sub to my", "subscribe to me", "subscribe", "my channel", "my youtube", "our channel", "my new video",
        "my latest video", "my video", "my videos", "my music", "my new song", "my mixtape", "my page", "my website",
        "my site", "my blog", "my profile", "my shop", "my store", "my instagram", "my twitter", "my facebook",
        "my tiktok", "follow me", "add me", "join my", "watch my", "listen to my", "support me", "sub4sub",
        "sub for sub", "small youtuber", "new youtuber", "upcoming artist", "aspiring rapper", "go to my", "see my",
        "look at my", "hit the subscribe", "check this out", "check out this", "check it out", "check me out",
        "sub me", "sub to me", "follow for follow", "follow 4 follow", "like for like", "like 4 like", "f4f", "l4l",
        "s4s", "read my book", "my ebook", "my playlist", "look up my", "new to youtube", "if i get # subscribers",
        "if i get # subs", "subscribers by tomorrow", "sucscribe", "subcribe", "subscibe", "suscribe", "i need subs",
        "sub back", "download now", "install now",
        # a channel's owner asking for clicks and subscribers in other words
        "sub 4 sub", "subscribe 4 subscribe", "click my name", "click on my name", "click my profile",
        "click on my profile", "click my picture", "click on my picture", "i have a channel",
        "i have a youtube channel", "i have a small channel", "my first subscriber", "my first subscribers",
        "subscribers please", "subs please", "take a look at my", "have a look at my", "take a look at this video",
        "have a look at this video", "search my name", "google my name", "search my channel", "search for my channel",
        # the self-promoter's own excuse, never a fan's complaint about them ("who reads these self-promo comments")
        "not to self promote", "not trying to self promote", "don't mean to self promote", "sorry for the self promo",
        "sorry for self promo", "sorry for the self promotion", "shameless plug", "shameless self promo",
        "shameless self promotion",
        # French
        "abonnez vous", "abonne toi", "abonnez-vous", "abonne-toi", "ma chaine", "notre chaine", "mon site", "ma page",
        "mon blog", "mon profil", "ma boutique", "allez voir ma", "allez voir mon", "venez voir", "passez sur ma",
        "passez sur mon", "regardez ma", "regardez mon", "suivez moi", "suivez-moi", "ma derniere video",
        "ma nouvelle video", "ma video", "mes videos", "ma musique", "mon nouveau son", "mon instagram",
        "jetez un oeil", "faites un tour sur",
        "petit youtubeur", "petite youtubeuse", "youtubeur debutant", "youtubeuse debutante", "nouveau youtubeur",
        "nouvelle youtubeuse", "un abonnement me ferait", "desole pour la pub", "desolee pour la pub",
        "cliquez sur mon nom", "cliquez sur mon profil", "mon premier abonne", "mes premiers abonnes",
        # Spanish and Portuguese, which the video sites' self-promoters write under any video
        "mi canal", "suscribete", "suscribanse", "suscribirse a mi", "subscribirse a mi", "meu canal",
        "inscreva se", "se inscrevam",
        # the same asks for a profile, a first release or a subscription in a giveaway's rules
        "mi perfil", "meu perfil", "link en mi bio", "link na bio", "hice un cover", "hice un remix", "fiz um cover",
        "fiz um remix", "lancei minha", "mi primer sencillo", "mi nuevo sencillo", "cantora iniciante",
        "cantor iniciante", "se suscriban", "se inscrever no canal", "follow my journey", "drop a follow",
        "my spotify", "my artist page", "petit createur", "petite creatrice", "un petit abonnement",
        "link in my bio", "link in bio", "go find me", "come find me", "allez ecouter mon", "allez ecouter ma",
        "chanteuse debutante", "chanteur debutant",
    ),
    "engagement_bait": (
        "please like", "pls like", "plz like", "like this comment", "like my comment", "like if", "thumbs up",
        "give me a like", "give it a like", "share this", "please share", "share my", "help me reach", "help me get",
        "help me grow", "so everyone can see", "so more people can see", "to the top", "get this to",
        # a vote asked for oneself; "they'll vote for anyone" is politics
        "ayudenme a llegar", "ayudame a llegar", "me ajudem a chegar", "me ajuda a chegar",
        "vote for me", "vote for my", "vote for us", "vote for our", "vote for this", "please vote", "vote now",
        "like this photo", "like this picture", "like this pic", "like this poster",
        "like this page", "like my page", "like my photo", "like and subscribe", "like and share",
        "likez", "laissez un like",
        "mettez un like",
        "un petit like", "un pouce bleu", "partagez", "faites tourner", "votez pour moi", "votez pour nous",
        "votez pour mon", "votez pour ma", "votez pour notre",
    ),
    "money": (
        "make money", "making money", "earn money", "earn $", "earning", "earn up to", "per day", "a day from home",
        "per week", "per hour", "per month", "from home", "work from home", "extra income", "monthly income",
        "get paid", "paid to", "cash", "free money", "easy money", "gift card", "gift cards", "giftcard", "giftcards",
        "free leads", "generate leads", "on autopilot", "on auto pilot",
        "itunes code", "itunes codes", "psn code", "psn codes",
        "free codes", "free robux", "free vbucks", "free v bucks", "giveaway", "ganhe dinheiro", "gane dinero",
        "free iphone", "free gift", "100% free", "for free", "$#", "# $", "#$", "investment", "invest",
        "passive income", "limited offer", "discount", "% off", "loan", "loans", "credit score", "get rich",
        "millionaire", "financial freedom", "gagner de l'argent", "gagner de l argent", "gagnez", "argent facile",
        "revenu passif", "revenus passifs", "revenu complementaire", "travail a domicile", "depuis chez vous",
        "depuis chez soi", "par jour", "par semaine", "par mois", "€#", "# €", "#€", "gratuit", "gratuitement",
        "carte cadeau", "cartes cadeaux", "offre limitee", "promo", "code promo", "reduction", "devenir riche",
        "liberte financiere",
    ),
    "crypto": (
        "bitcoin", "bitcoins", "btc", "crypto", "cryptocurrency", "ethereum", "eth", "usdt", "binance", "forex",
        "trading", "trader", "nft", "nfts", "airdrop", "blockchain", "mining", "signals", "altcoin",
        # a wallet alone is the one in a pocket (a minister's "portefeuille" too): the trade names a crypto one
        "crypto wallet", "wallet address", "connect your wallet",
        "cryptomonnaie", "cryptomonnaies", "crypto-monnaie", "minage", "portefeuille crypto", "adresse de portefeuille",
    ),
    "pharmacy": (
        "viagra", "cialis", "levitra", "pharmacy", "pills", "weight loss", "lose weight", "diet pills",
        "no prescription", "without prescription", "online pharmacy", "tramadol", "xanax", "male enhancement", "keto",
        "cbd",
        # "supplement" alone is also the French "supplément", an extra charge ("sans supplément"): the trade's is a pill
        "dietary supplement", "dietary supplements", "natural supplement", "natural supplements", "herbal supplement",
        "herbal supplements", "health supplement", "health supplements", "supplement pills", "this supplement",
        "our supplement", "our supplements", "buy supplements",
        "pharmacie", "sans ordonnance", "perdre du poids", "minceur", "pilules", "maigrir", "complement alimentaire",
    ),
    "seo": (
        "seo", "backlink", "backlinks", "rank your website", "google ranking", "traffic to your", "website traffic",
        "first page of google", "guest post", "link building", "web design services", "digital marketing",
        "marketing services", "our services", "buy followers", "buy views", "buy likes", "cheap followers",
        "real followers", "grow your channel", "promote your channel", "promote your", "referencement",
        "premiere page de google", "acheter des abonnes", "acheter des vues", "agence web", "nos services",
        "augmentez votre", "booster votre",
        "free subscribers", "free followers", "free subs", "free views", "free likes", "abonnes gratuits",
        "vues gratuites", "followers gratuits", "likes gratuits",
    ),
    "gambling": (
        "casino", "poker", "betting", "slots", "jackpot", "roulette", "bookmaker", "sportsbook", "paris sportifs",
        "machines a sous",
    ),
    "adult": (
        "hot singles", "single women", "sexy girls", "sexy singles", "dating", "meet girls", "webcam", "xxx videos",
        "xxx video", "free xxx", "porn",
        "nude", "nudes", "hookup", "site de rencontre", "rencontres coquines", "celibataires", "coquine", "coquines",
        "plan cul",
    ),
    "phishing": (
        "verify your account", "account suspended", "click here", "click the link", "click on the link", "claim your",
        "you have won", "you've won", "congratulations you", "log in to", "confirm your", "password", "limited time",
        "act now", "dm me", "message me", "inbox me", "contact me", "cliquez ici", "cliquez sur le lien",
        "verifiez votre compte", "vous avez gagne", "felicitations vous", "reclamez", "confirmez votre",
        "compte suspendu", "mot de passe", "contactez moi", "contactez-moi", "ecrivez moi", "ecrivez-moi",
        "envoyez moi un message", "envoie moi un message", "ecrivez moi en mp", "contactez moi en mp",
    ),
}  # fmt: skip


def _piece(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        escaped = re.escape(word).replace(r"\#", r"\d+").replace("#", r"\d+")
        escaped = escaped.replace(r"\-", r"[\s-]?")
        parts.append(escaped)
    return r"\s*".join(parts) if any(ch in phrase for ch in "$€%") else r"\s+".join(parts)


_TOKEN = re.compile(r"\w+")
_TOKENS = AsciiFast(r"\w+")
_DIGIT = AsciiFast(r"\d")
_READ_MAX = 64
"""Texts whose words :func:`tokens` keeps: the few texts of the comment being checked."""
_Read = tuple[tuple[str, ...], frozenset[str], frozenset[str]]
"""A text's words in order, their set, and those of them that are the key word of some phrase list."""
_READ: dict[str, _Read] = {}
_KEYS: frozenset[str] = frozenset()
"""The key words of every phrase list compiled: a text's words among them are few, most often none."""


_LATIN1_TOKEN_BYTES = bytes(b if chr(b).isalnum() or b == 95 else 32 for b in range(256))
"""For a Latin-1 text: the characters of ``\\w`` (letters, digits, numbers and "_") kept, any other a space."""


def _split(text: str) -> tuple[str, ...]:
    """Return the ``\\w+`` runs of ``text``."""
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return tuple(_TOKENS.findall(text))
    # A Latin-1 text's words (an ASCII one's, and a French comment's as written) are what lies between spaces once
    # every other character is one: a translation and a split, several times cheaper than the pattern's matches.
    return tuple(raw.translate(_LATIN1_TOKEN_BYTES).decode("latin-1").split())


def _read(text: str) -> _Read:
    read = _READ.get(text)
    if read is None:
        found = _split(text)
        held = frozenset(found)
        read = _keep(text, (found, held, held & _KEYS))
    return read


def _keep(text: str, read: _Read) -> _Read:
    if len(_READ) >= _READ_MAX:
        _READ.pop(next(iter(_READ), ""), None)  # the oldest; another thread may have taken it already
    _READ[text] = read
    return read


def same_words(text: str, source: str) -> None:
    """Note that ``text`` has the words of ``source`` (a caller that knows it spares a second reading)."""
    _keep(text, _read(source))


@lru_cache(maxsize=256)
def unjoined(folded: str) -> str:
    """Return folded text with apostrophes and hyphens as spaces, as phrases are written ("contactez-le", "m'a").

    Cached: the warning, hearsay, testimonial and passed-on readings each ask for the comment's.
    """
    if "'" not in folded and "-" not in folded and "’" not in folded:
        return folded  # none to replace: told by three quick looks
    text = folded.replace("'", " ").replace("-", " ").replace("’", " ")
    if text != folded:
        same_words(text, folded)  # apostrophes, hyphens and spaces are in no word: the same words
    return text


def tokens(text: str) -> tuple[str, ...]:
    """Return the words (``\\w+`` runs) of ``text`` in order (cached: several signals read the same few texts)."""
    read = _READ.get(text)  # the usual case looked up here: a call less for each of the many readers of a text
    return (read if read is not None else _read(text))[0]


def words(text: str) -> frozenset[str]:
    """Return the distinct words of ``text`` (cached: every phrase list asks about the same few texts)."""
    read = _READ.get(text)  # as in :func:`tokens`
    return (read if read is not None else _read(text))[1]


def key_words(text: str) -> frozenset[str]:
    """Return the distinct words of ``text`` that are key words (a phrase list's, or :func:`watched`): few, most often
    none, so that a reading tells at once whether a text holds any of its words (cached with :func:`words`)."""
    read = _READ.get(text)  # as in :func:`tokens`
    return (read if read is not None else _read(text))[2]


def watched(found: Iterable[str]) -> frozenset[str]:
    """Return the words ``found`` as a set, each now a key word: :func:`key_words` tells which of them a text holds."""
    global _KEYS  # noqa: PLW0603 (readings watch their words at import, before texts are read)
    kept = frozenset(found)
    if not kept <= _KEYS:
        _KEYS = _KEYS | kept
        _READ.clear()  # texts read before knew fewer key words
    return kept


def _keys(phrase: str) -> set[str] | None:
    """Words one of which a text must hold for ``phrase`` to match: its longest word, also joined at hyphens.

    None when the phrase has no word of letters (only digits, "#", or symbols such as "$#").
    """
    words = [w for w in phrase.split() if _TOKEN.search(w.replace("#", ""))]
    if not words:
        return None
    longest = max(words, key=lambda w: len(max(_TOKEN.findall(w.replace("#", " ")), key=len)))
    pieces = _TOKEN.findall(longest.replace("#", " "))
    return {max(pieces, key=len)} | ({"".join(pieces)} if "-" in longest and "#" not in longest else set())


def _all_words(phrase: str) -> frozenset[str] | None:
    """Return every word a text must hold whole for ``phrase`` to match; None when that is not told by its words.

    Each ``\\w+`` run of a phrase is, in a match, bounded by a space, a mark of the phrase or the match's edges (which
    :data:`_WRAP` keeps off word characters): a word of the text. Not so for a hyphen (optional), ``#`` (digits) nor
    ``$``, ``€`` or ``%`` (whose phrases join their words by optional spaces).
    """
    if any(ch in phrase for ch in "-#$€%"):
        return None
    return frozenset(_TOKEN.findall(phrase))


_WRAP = r"(?<![\w$€])(?:{})(?![\w$€])"
_DIGIT_HEAD = r"\d"


def _head(phrase: str, piece: str) -> tuple[str, str] | None:
    """Split a phrase's piece into the pattern of its first character and the rest (None if it has no such start)."""
    if phrase[0] == "#":
        return _DIGIT_HEAD, r"\d*" + piece.removeprefix(r"\d+")  # "\d+" is "\d" then "\d*"
    first = re.escape(phrase[0])
    return (first, piece[len(first) :]) if phrase[0] != "-" and piece.startswith(first) else None


def _subset_pattern(pieces: list[str], heads: list[tuple[str, str] | None], ranks: list[int]) -> Alternation | None:
    """Compile pieces into a pattern with :data:`_WRAP`'s matches that starts on a set of characters (faster).

    Each piece is a capturing group of its own, ``ranks`` their places in the order of all the phrases.
    """
    known = [head for head in heads if head is not None]
    if len(known) < len(pieces):
        body = "|".join(f"({piece})" for piece in pieces)
        return Alternation(re.compile(_WRAP.format(body)), tuple(ranks)) if pieces else None
    # A pattern starting with a look-behind is tried at every position of a text; one starting with a set of
    # characters jumps from one of them to the next. So the look-behind comes after the first character, and
    # the pieces are grouped by it: at one place only one group can match (a digit goes with "\d"), and each
    # group keeps the pieces' order, so the matches are _WRAP's.
    digits = any(first == _DIGIT_HEAD for first, _ in known)
    groups: dict[str, list[tuple[str, int]]] = {}
    for (first, rest), rank in zip(known, ranks, strict=True):
        if digits and first != _DIGIT_HEAD and re.fullmatch(r"\d", first):
            groups.setdefault(_DIGIT_HEAD, []).append((f"((?<={first}){rest})", rank))
        else:
            groups.setdefault(first, []).append((f"({rest})", rank))
    if len(groups) == 1:
        body = "|".join(rest for rest, _ in next(iter(groups.values())))
    else:
        body = "|".join(f"(?<={first})(?:{'|'.join(rest for rest, _ in rests)})" for first, rests in groups.items())
    in_order = tuple(rank for rests in groups.values() for _, rank in rests)  # the capturing groups' order
    return Alternation(re.compile(rf"[{''.join(groups)}](?<![\w$€].)(?:{body})(?![\w$€])"), in_order)


_BARE = ""
"""The group of the phrases without a word (digits or symbols), beside one group per key word (never empty)."""
_NOT_COMPILED = Alternation(re.compile(""), ())  # a sentinel of the cache's type: no group compiles to it


@dataclass(frozen=True, slots=True)
class Phrases:
    """A whole-word pattern over folded text that only tries the phrases whose key word the text holds.

    Python's regular expressions try every alternative at every position. A phrase can only match a
    text holding its longest word (its key), so a text is searched with the patterns of just the phrases
    whose key it holds (plus those without a word: digits or symbols), one pattern per key compiled once
    and kept, their matches merged as one pattern of them all would find them (:mod:`.alternation`); a
    text holding no key (the usual case) is answered by one set intersection. The phrases keep the full
    pattern's order (longest first), so the matches are the full pattern's.
    """

    pattern: re.Pattern[str]
    keys: frozenset[str]
    """A text must hold one of these words (each phrase's longest) for a phrase with a word to match."""
    digits: bool
    """Whether some phrase starts with digits ("#") or symbols: any text with a digit may match it."""
    always: bool
    """Whether some phrase has neither a word nor digits: every text may match it."""
    ordered: tuple[tuple[str, frozenset[str] | None], ...] = ()
    """Each phrase's pattern piece, longest phrase first, and its keys (None: digits or symbols only)."""
    heads: tuple[tuple[str, str] | None, ...] = ()
    """Each phrase's piece split into its first character (a pattern) and the rest, as :func:`_head` splits it."""
    needs: tuple[frozenset[str], ...] = ()
    """The characters each phrase of digits and symbols needs besides digits ("$#" needs "$")."""
    needed: tuple[str, ...] = ()
    """Characters one of which a text needs for any phrase of digits and symbols to match (empty: none needed)."""
    wholes: Mapping[str, tuple[frozenset[str], ...] | None] = field(default_factory=dict)
    """Per key, the words of each of its phrases (:func:`_all_words`): a text holding all of none of them cannot
    match the key's group, though it holds the key ("the" of "to the top"); None when some phrase's are not told."""
    _groups: dict[str, Alternation | None] = field(default_factory=dict, compare=False, repr=False)
    """The compiled pattern of each key's phrases (and of the phrases without a word, under :data:`_BARE`)."""

    def _for(self, text: str) -> list[Alternation]:
        """Return the patterns of the groups of phrases that may match ``text`` (none when none may)."""
        read = _READ.get(text)  # as in :func:`words`, inline: every phrase list of every signal asks
        _, held, keyed = read if read is not None else _read(text)
        bare = self.always or (self.digits and self.digit_phrases_may_match(text))
        if not bare and self.keys.isdisjoint(keyed):
            return []  # the usual case, told from the text's few key words rather than all its words
        wholes = self.wholes
        groups = [
            key
            for key in sorted(self.keys.intersection(keyed))
            if (needs := wholes.get(key)) is None or any(map(held.issuperset, needs))
        ]
        if bare:
            groups.append(_BARE)
        return [group for group in map(self._group, groups) if group is not None]

    def _group(self, key: str) -> Alternation | None:
        """Return the pattern of the phrases of one key (:data:`_BARE`: those without a word), compiled once."""
        found = self._groups.get(key, _NOT_COMPILED)  # one lookup: another thread may add to the cache meanwhile
        if found is not _NOT_COMPILED:
            return found
        chosen = [i for i, (_, keys) in enumerate(self.ordered) if (key in keys if keys else key == _BARE)]
        group = _subset_pattern([self.ordered[i][0] for i in chosen], [self.heads[i] for i in chosen], chosen)
        self._groups[key] = group
        return group

    def digit_phrases_may_match(self, text: str) -> bool:
        """Tell whether a phrase of digits and symbols may match ``text``: it holds digits and all that one needs."""
        if self.needed and not any(map(text.__contains__, self.needed)):
            return False  # the usual case, told in one look for each character
        return _DIGIT.search(text) is not None and any(all(ch in text for ch in need) for need in self.needs)

    def search(self, text: str) -> re.Match[str] | None:
        """Return the first match in ``text``, as :meth:`re.Pattern.search` does."""
        groups = self._for(text)
        if len(groups) == 1:
            return groups[0].pattern.search(text)
        return alternation.first(groups, text) if groups else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return the matches in ``text``, as :meth:`re.Pattern.finditer` does."""
        groups = self._for(text)
        if len(groups) == 1:
            return groups[0].pattern.finditer(text)
        return alternation.every(groups, text) if groups else iter(())

    def fullmatch(self, text: str) -> re.Match[str] | None:
        """Return a match of the whole of ``text``, as :meth:`re.Pattern.fullmatch` does."""
        return self.pattern.fullmatch(text)


def compile_phrases(phrases: tuple[str, ...]) -> Phrases:
    """Compile folded phrases (``#`` for digits, a space for any run of spaces) into one whole-word pattern."""
    global _KEYS  # noqa: PLW0603 (phrase lists are compiled at import: their keys are known before texts are read)
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(_piece(p) for p in ordered)
    keys: set[str] = set()
    digits = always = False
    pieces: list[tuple[str, frozenset[str] | None]] = []
    needs: list[frozenset[str]] = []
    for phrase in ordered:
        words = _keys(phrase)
        if words is not None:
            keys |= words
        elif "#" in phrase:
            digits = True
            needs.append(frozenset(ch for ch in phrase if not (ch.isspace() or ch in "#-")))
        else:
            always = True
        pieces.append((_piece(phrase), frozenset(words) if words is not None else None))
    heads = tuple(_head(phrase, piece) for phrase, (piece, _) in zip(ordered, pieces, strict=True))
    pattern = re.compile(_WRAP.format(body))
    needed = () if not all(needs) else tuple(sorted(set().union(*needs)))
    if not keys <= _KEYS:
        _KEYS = _KEYS | keys
        _READ.clear()  # texts read before knew fewer key words
    wholes: dict[str, tuple[frozenset[str], ...] | None] = {}
    for key in keys:
        told = [_all_words(p) for p, (_, words) in zip(ordered, pieces, strict=True) if words and key in words]
        wholes[key] = None if None in told else tuple(dict.fromkeys(w for w in told if w is not None))
    return Phrases(pattern, frozenset(keys), digits, always, tuple(pieces), heads, tuple(needs), needed, wholes)


TOPICS: Mapping[str, Phrases] = MappingProxyType({name: compile_phrases(p) for name, p in _TOPICS.items()})
"""One whole-word pattern per topic, over folded text."""


def _topic_index() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    by_key: dict[str, set[str]] = {}
    digits, always = set(), set()
    for name, phrases in TOPICS.items():
        for key in phrases.keys:
            by_key.setdefault(key, set()).add(name)
        if phrases.digits:
            digits.add(name)
        if phrases.always:
            always.add(name)
    return {k: frozenset(v) for k, v in by_key.items()}, frozenset(digits), frozenset(always)


_TOPICS_BY_KEY, _DIGIT_TOPICS, _ALWAYS_TOPICS = _topic_index()
_ALL_KEYS = frozenset(_TOPICS_BY_KEY)


def topics_in(folded: str) -> frozenset[str]:
    """Return the topics that may match ``folded``, from one look at its words instead of one per topic."""
    found = set(_ALWAYS_TOPICS)
    found.update(name for name in _DIGIT_TOPICS if TOPICS[name].digit_phrases_may_match(folded))
    for word in key_words(folded) & _ALL_KEYS:  # the key words of every topic are key words
        found |= _TOPICS_BY_KEY[word]
    return frozenset(found)


def matches(topic: str, folded: str, limit: int = 3) -> list[str]:
    """Return up to ``limit`` distinct phrases of ``topic`` found in ``folded`` text, in order."""
    found: list[str] = []
    for match in TOPICS[topic].finditer(folded):
        phrase = " ".join(match.group().split())
        if phrase not in found:
            found.append(phrase)
            if len(found) == limit:
                break
    return found


def phrases_of(topic: str) -> tuple[str, ...]:
    """Return the folded phrases of ``topic``, as written (``#`` for digits)."""
    return _TOPICS[topic]
