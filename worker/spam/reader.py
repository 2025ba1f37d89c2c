"""What readers write under a tutorial or an article: questions, code, errors, thanks to the author, scam warnings,
sources cited.

These are the comments a site exists for, and the ones a spam check shaped on video comments holds
by mistake ("I got an error when…", "how can I…", a pasted stack trace, "Thanks Anna!"). The ``reader``
signal weighs against spam, and only when nothing commercial is in the comment: a question next to a
phone number or a scam family's words is still spam (:func:`worker.spam.signals.detect` decides).

A link is cited as a source when the comment says whose page it is or what it holds ("the council's minutes
are here", "source:", "d'après le communiqué"): a reader backs what they say; a link spammer promotes a page
as theirs or their client's ("visit our site", "check out", "our experts") and so never attributes it. A reader's
"my" is their household's or their story's ("my son finally got it", "ma fille a suivi la recette du blog de…"); only
a page, a work or a business called the writer's own ("my channel", "mon blog", "my new song") is promoted.
A source cited by its publisher's name, which the link's domain spells ("Ars Technica tested it, link to the
review: arstechnica.com/…", "60 Millions … le comparatif : 60millions-mag.com/…"), is a second kind: the reader
says whose page it is, the page says the same. A platform's name (YouTube, Facebook...) is nobody's; a business
named with its link and nothing cited is an SEO footer, and counts for nothing.

A link cited as a source is not promoted, so what the classifier learned of promoted links (the word standing for a
link, its neighbours "site <link>", "sur <link>", the pieces of an unknown host: a video spammer's "check my channel
<link>") does not apply to it: :func:`without_cited_links` sets those features aside. The ``links`` signal stays: a
link is still a link, and the words around it must not be a spammer's on their own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import replace

from worker.models import JSON
from worker.spam.classifier import Weighing
from worker.spam.commerce import COMPLIMENTS
from worker.spam.evidence import Signal, grow
from worker.spam.features import is_link_feature
from worker.spam.phrases import compile_phrases, unjoined, words
from worker.spam.urls import Link, find_links, registered_domain
from worker.spam.warning import warns
from worker.text import fold, is_latin1

_QUESTION_START = compile_phrases(
    (
        "how", "what", "why", "where", "when", "which", "who", "can", "could", "is", "are", "does", "do", "did",
        "should", "would", "will", "has", "have", "any", "anyone", "anybody", "is there", "comment", "pourquoi",
        "est ce que", "est-ce que", "quelqu un", "quelqu'un", "quel", "quelle", "quels", "quelles", "ou", "peut on",
        "peut-on", "faut il", "faut-il", "y a t il", "y a-t-il", "combien",
    )
)  # fmt: skip
_ASKING = compile_phrases(
    (
        "how can i", "how do i", "how to", "can anyone", "can someone", "could you", "can you explain", "any idea",
        "any ideas", "i wonder", "i was wondering", "does anyone", "is it possible", "is there a way", "what if",
        "i'm trying to", "i am trying to", "i tried", "help me understand", "quelqu'un sait", "quelqu un sait",
        "savez vous", "savez-vous", "est il possible", "est-il possible", "comment faire", "j'ai essaye",
        "j ai essaye", "je n'arrive pas", "je n arrive pas", "une idee", "pourriez vous", "pourriez-vous",
    )
)  # fmt: skip
_ERROR = compile_phrases(
    (
        "error", "errors", "exception", "traceback", "stack trace", "failed", "fails", "failing", "not working",
        "doesn't work", "does not work", "didn't work", "won't work", "crash", "crashes", "crashed", "warning",
        "undefined", "null", "segmentation fault", "permission denied", "not found", "timeout", "timed out",
        "erreur", "ne marche pas", "ne fonctionne pas", "plante", "message d'erreur", "message d erreur", "bug",
        "bugs", "debug", "stuck",
    )
)  # fmt: skip

# A page attributed to someone else, or named for what it holds: a source cited, not a page promoted.
_CITING = compile_phrases(
    (
        "source", "sources", "according to", "study", "the study", "published", "report", "minutes",
        "press release", "announcement", "advisory", "recall", "notice", "figures", "statistics", "abstract",
        "the paper", "s site", "s page", "s website", "s own", "s blog", "d apres", "selon",
        "etude", "publie", "publiee", "publies", "publiees", "rapport", "compte rendu", "communique", "avis de",
        "rappel", "chiffres", "statistiques", "resume", "site de l", "site du", "site de la", "page de l",
        "page du", "page de la", "blog de", "son blog", "leur site",
        # what a reader names the page for: a paper's article, a broadcast, a petition, a thread, a recipe, a law
        "the article", "article by", "petition", "thread", "recipe", "guidance", "explains", "link to the",
        "l article", "cet article", "un article", "article de", "article du", "reportage", "enquete", "replay",
        "emission", "podcast", "video de", "video du", "chaine de", "chaine du", "petition", "recette",
        "fil", "forum", "lien vers", "le lien", "voir", "voyez", "le texte", "texte de loi", "arrete", "arret de",
        "deliberation", "jugement", "explique", "expliquent", "guide", "notice", "faq",
        # whose page it is ("their site", "son site"), what its owner put up there, what the page is for
        "their site", "their website", "their page", "his site", "her site", "its site", "son site", "sa page",
        "leur page", "posted", "put up", "the official", "officiel", "officielle", "mis en ligne", "consultable",
        "the recall", "the rules", "the programme", "the program", "the schedule", "the timetable", "the calendar",
        "tour dates", "highlights", "the review", "the interview", "the consultation", "planning application",
        "le reglement", "le programme", "le calendrier", "le pdf", "la notice", "la fiche", "le comparatif",
        "l interview", "l entretien", "dont je parlais", "dont on parlait", "la consultation", "enquete publique",
        # a publisher who told of it, where the reader read or saw it, the page a reader answers a question with
        "talked about it", "reported on", "reported it", "covered it", "official", "says", "shows", "confirms",
        "indique", "montre", "confirme",
        "video on", "video about", "found this on", "found it on", "read it on", "read this on",
        "to answer your question", "in answer to", "you asked about", "the one i used",
        "en a parle", "en ont parle", "en parlait", "en parle aussi", "en a fait un article", "video sur",
        "trouve ca sur", "trouve ceci sur", "trouve cela sur", "lu ca sur", "lu sur",
        "pour repondre a", "en reponse a", "tu demandais", "vous demandiez", "celle que j ai utilisee",
        "celui que j ai utilise",
    )
)  # fmt: skip
# The writer speaking for the page's owner ("our experts", "notre site"): a page promoted, whatever it cites.
# A page told as what changed the writer's life is a testimonial's, pitched ("la vidéo qui a changé ma vie").
_OWNER = compile_phrases(
    (
        "our", "ours", "mine", "notre", "nos", "changed my life", "change my life", "changes my life",
        "a change ma vie", "change ma vie", "changer ma vie", "changera ta vie", "changera votre vie",
    )
)  # fmt: skip
# Or calling a page, a work or a business their own ("my channel", "my new song", "mon blog de cuisine", "ma boutique").
# A reader's "my" is mostly their household's or their story's ("my son finally got it", "ma version du gâteau"), which
# says nothing of whose the page is.
_MY_PAGE = re.compile(
    r"(?<!\w)(?:my|mon|ma|mes)(?:\s+\w+){0,2}?\s+(?:"
    r"site|website|web site|blog|channel|page|shop|store|company|business|firm|agency|video|music|song|track|album|"
    r"cover|work|profile|account|link|article|post|review|recipe|app|book|ebook|podcast|guide|course|services?|products?|"
    r"chaine|boutique|entreprise|societe|agence|cabinet|musique|chanson|morceau|travail|profil|compte|lien|billet|"
    r"recette|appli|application|livre|formation|produits?"
    r")s?(?!\w)"
)


# A trade's words in a link's host ("credit-rapide.example", "bestdeals-shop.example"): a domain bought to sell,
# whatever the words around it cite. Long words anywhere, as domains join them ("generiques-pascher"); short ones as
# a piece of their own between dots or hyphens ("shop.", "-credit"), not inside another ("essex"). Not the page's
# path: a reader's cited page is named for its topic ("anil.org/pret-taux-zero", "/comparatif-credit-immobilier").
_SELLING_ADDRESS = re.compile(
    r"casino|poker|viagra|cialis|pharma|backlink|crypto|bitcoin|forex|cheap|pascher|discount|acheter|voyant|"
    r"marabout|gratuit|(?<![a-z0-9])(?:bets?|seo|loans?|credits?|prets?|pills?|porn|xxx|sex|dating|promos?|deals?|"
    r"buy|shop|store|boutique|achat|free|trading|slots?)(?![a-z0-9])"
)


def _sells(link: Link) -> bool:
    """Tell whether a link's host names a trade."""
    return _SELLING_ADDRESS.search(fold(link.host)) is not None


def _cites(text: str) -> dict[str, JSON]:
    """Return the words citing a linked page as someone else's source (``source``) and the publisher's name that its
    domain spells (``named``), empty when there is no link, nothing cited, the writer speaks for the page's owner or
    a link's host names a trade."""
    links = find_links(text)
    if not links:
        return {}
    for link in links:  # a page's own address names nothing: a spammer's slug cites no one ("/emission/...")
        text = text.replace(link.text, " ")
    if any(map(_sells, links)):
        return {}  # the link's host names a trade ("bestdeals-shop.example", "credit-rapide.example"): it sells
    joined = unjoined(fold(text))
    if _OWNER.search(joined) is not None or _MY_PAGE.search(joined) is not None:
        return {}
    citing = _CITING.search(joined)
    if citing is None:
        return {}  # a business named with its link and nothing cited is the SEO footer ("Acme Plumbing: acme.com")
    kinds: dict[str, JSON] = {"source": citing.group()}
    named = _named(text, [link.host for link in links])
    if named is not None:
        kinds["named"] = named
    return kinds


# Hosts where anyone opens a page: their name is the platform's, not the page owner's ("on YouTube: youtube.com/…").
_PLATFORMS = frozenset(
    {
        "youtube", "youtu", "facebook", "fb", "instagram", "twitter", "x", "tiktok", "twitch", "reddit", "pinterest",
        "linkedin", "medium", "substack", "wordpress", "blogspot", "tumblr", "soundcloud", "spotify", "google",
        "amazon", "ebay", "etsy", "bit", "t", "linktr", "telegram", "whatsapp", "discord", "vimeo", "dailymotion",
    }
)  # fmt: skip
_NAME_WORD = re.compile(r"[\w’']+")
_NAME_WORDS = 5
"""Words in a row a publisher's name may have ("Le Quotidien du médecin")."""
_NAME_SHARE = 0.6
"""Share of the domain's name the words must spell: "60 Millions" for 60millions-mag.com, not "cuisine" alone."""


def _core(host: str) -> str:
    """Return a host's registered name without its top-level domain, letters and digits only ("60millionsmag")."""
    domain = registered_domain(host)
    name = domain.split(".")[0]
    return "".join(ch for ch in fold(name) if ch.isalnum())


def _named(text: str, hosts: list[str]) -> str | None:
    """Return the capitalised name in ``text`` (links taken out) that spells a linked page's domain, None if none."""
    cores = [core for core in map(_core, hosts) if len(core) >= 3 and core not in _PLATFORMS]
    if not cores:
        return None
    found = list(_NAME_WORD.finditer(text))
    for i, first in enumerate(found):
        if not (first.group()[0].isupper() or first.group()[0].isdigit()):
            continue  # a name starts with a capital ("Ars Technica", "BBC") or a figure ("60 Millions")
        spelled = ""
        for word in found[i : i + _NAME_WORDS]:
            spelled += "".join(ch for ch in fold(word.group()) if ch.isalnum())
            for core in cores:
                if len(spelled) >= max(3, _NAME_SHARE * len(core)) and spelled in core:
                    return text[first.start() : word.end()]
    return None


def _at_word_start(words: tuple[str, ...]) -> str:
    """Return a pattern of ``words`` (of letters) matching where a word starts, the edge checked after a letter."""
    # A pattern starting with a look-behind is tried at every position of a text; one starting with a set of
    # letters jumps from one of them to the next. Words are grouped by their first letter (only one group can
    # match at one place), each group keeping its words' order.
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(re.escape(word[1:]))
    body = "|".join(f"(?<={first})(?:{'|'.join(rests)})" for first, rests in groups.items())
    return rf"[{''.join(groups)}](?<!\w.)(?:{body})"


# Code, told by any of: marks ("```", "<code>", "=>", "::"...), `inline code`, a keyword with a bracket or an
# operator after it, a call ("x.read(") or a file name ("app.py"), a line ending on "{", "}" or ";", shell
# variables and prompts, system paths. Each pattern starts on a character, not on a look-behind.
_CODE_MARKS = ("```", "<code>", "<pre>", "=>", "->", "::", "$(", "${")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_KEYWORDS = (
    "def", "class", "import", "return", "function", "const", "let", "var", "public", "void", "sudo", "pip", "npm",
    "git", "docker", "kubectl", "SELECT", "FROM",
)  # fmt: skip
_KEYWORD_GAP = 40
_KEYWORD_CODE = re.compile(rf"(?:{_at_word_start(_KEYWORDS)})\b[^\n]{{0,{_KEYWORD_GAP}}}?[(){{}};=$]")
_KEYWORD_MARKS = "(){};=$"
_KEYWORD_ENDS = 8
"""Up to this many brackets or signs, the keyword is looked for just before each (a text has few, mostly)."""
_DOTTED_CODE = re.compile(
    r"\.(?:(?<=[\w\])]\.)[a-z_]\w*\(|(?<=\w\.)"
    r"(?:py|js|ts|java|go|rb|php|cs|cpp|h|sh|yml|yaml|json|toml|xml|html|css|sql|ini|conf)\b)"
)
_LINE_END_CODE = re.compile(r"[{};][ \t]*$", re.MULTILINE)
_SHELL_CODE = re.compile(r"\$[A-Z_]{2,}|^[ \t]*\$ ", re.MULTILINE)
_PATH_CODE = re.compile(r"/(?<!\S/)(?:usr|etc|var|home)|~(?<!\S~)/|C(?<!\SC):\\")  # after a space or a line start
_GREETINGS = (
    "thanks", "thank you", "thx", "cheers", "great work", "nice work", "well done", "merci", "bravo", "bien joue",
    "hi", "hello", "hey", "bonjour", "salut",
)  # fmt: skip
_THANKS_NAME = re.compile(rf"(?:{_at_word_start(_GREETINGS)})[ ,!]+([A-Z][a-zà-ÿ]{{2,}})(?!\w)")
_GREETING_STARTS = frozenset(greeting.split()[0] for greeting in _GREETINGS)
"""The first word of each greeting: a greeting starts where a word does and ends before a space, a comma or a "!",
so a text that holds none of these as a whole word (most texts) greets nobody by name."""
_NOT_NAMES = frozenset(
    {
        "admin", "for", "again", "very", "you", "all", "everyone", "guys", "team", "sir", "dear", "buddy", "man",
        "bro", "this", "that", "the", "so", "much", "lot", "and", "beaucoup", "pour", "encore", "tous", "tout",
        "les", "monsieur", "madame", "author", "webmaster", "there", "friends", "folks",
    }
)  # fmt: skip


def _has_code(text: str) -> bool:
    """Tell whether ``text`` holds code: a mark, inline code, a keyword, a call, a file name, a path..."""
    # Each pattern is only searched when the text holds a character it needs: most texts hold none.
    return (
        any(map(text.__contains__, _CODE_MARKS))
        or ("`" in text and _INLINE_CODE.search(text) is not None)
        or _keyword_code(text)
        or ("." in text and _DOTTED_CODE.search(text) is not None)
        or (("{" in text or "}" in text or ";" in text) and _LINE_END_CODE.search(text) is not None)
        or ("$" in text and _SHELL_CODE.search(text) is not None)
        or (("/" in text or "C:" in text) and _PATH_CODE.search(text) is not None)
    )


def _keyword_code(text: str) -> bool:
    """Tell whether a keyword ("def", "import"...) comes with a bracket, ";", "=" or "$" after it on its line."""
    ends: list[int] = []
    for mark in _KEYWORD_MARKS:
        end = text.find(mark)
        while end >= 0:
            if len(ends) == _KEYWORD_ENDS:
                return _KEYWORD_CODE.search(text) is not None
            ends.append(end)
            end = text.find(mark, end + 1)
    # A keyword that such a character follows starts at most this far before it: search there only, once
    # over windows that overlap.
    reach = _KEYWORD_GAP + max(map(len, _KEYWORDS))
    start = stop = -1
    for end in sorted(ends):
        if stop < 0 or end - reach > stop:
            if stop >= 0 and _KEYWORD_CODE.search(text, start, stop) is not None:
                return True
            start = max(0, end - reach)
        stop = end + 1
    return stop >= 0 and _KEYWORD_CODE.search(text, start, stop) is not None


def _thanks_by_name(text: str, folded: str) -> str | None:
    # A greeting's first word is a whole word of the text; of its fold too when it is Latin-1, where nothing between
    # words folds to a letter: the folded text's words, read already, spare reading the text's.
    said = words(folded) if is_latin1(text) else words(text)
    if not any(map(text.__contains__, _GREETING_STARTS.intersection(said))):
        return (
            None  # told from the words (then as written: "Merci" greets no one), not by the pattern at each "t", "h"...
        )
    for match in _THANKS_NAME.finditer(text):
        if match.group(1).lower() not in _NOT_NAMES:
            return match.group(1)
    return None


def reader(text: str, folded: str, weights: Mapping[str, float]) -> Signal | None:
    """A question, code, an error, a thank-you to the author by first name, a scam warning or a source cited
    (negative weight)."""
    kinds: dict[str, JSON] = {}
    first = folded.strip().split(maxsplit=1)
    if "?" in text or _ASKING.search(folded) or (first and _QUESTION_START.fullmatch(first[0].strip(",.!"))):
        kinds["question"] = True
    if _has_code(text):
        kinds["code"] = True
    error = _ERROR.search(folded)
    if error:
        kinds["error"] = error.group()
    name = _thanks_by_name(text, folded)
    if name:
        kinds["thanks"] = name
    if warns(folded):
        kinds["warning"] = True
    kinds.update(_cites(text))
    if not kinds:
        return None
    return Signal("reader", grow(weights["reader"], len(kinds), 3), kinds)


# The stock compliment an SEO comment flatters the post with to get its link approved ("Merci pour cet article, voir
# aussi <link>", "Great article, the official guide is here: <link>"): its "article" is the post, not a source.
_COMPLIMENT = compile_phrases(
    (
        *COMPLIMENTS, "informative", "bravo pour cet article", "bravo pour l article", "merci pour l article",
        "merci pour votre article", "merci pour ce partage", "thanks for the article", "thanks for this article",
        "thank you for the article", "thank you for this article", "article tres complet", "tres bel article",
    )
)  # fmt: skip


def cites_a_source(text: str, signals: list[Signal]) -> bool:
    """Tell whether the ``reader`` signal among ``signals`` found a link cited as someone else's source, with no stock
    compliment to the post."""
    if not any(s.name == "reader" and s.evidence.get("source") for s in signals):
        return False
    return _COMPLIMENT.search(unjoined(fold(text))) is None


def without_cited_links(weighing: Weighing) -> Weighing:
    """Return the classifier's weighing without the features of the comment's links (cited, not promoted)."""
    kept = tuple(w for w in weighing.weighed if not is_link_feature(w[1]))
    return replace(weighing, logit=math.fsum(w for w, _ in kept), link_logit=0.0, weighed=kept)
