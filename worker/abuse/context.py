"""Context that is not abuse: the abusive words of a held comment mentioned, countered or reclaimed, not used.

The model scores words, not what the comment does with them. This step runs after it, only on a comment
it would hold, and reads the form of the sentences around the words that weigh most (their spans):

- ``quoted``: the words stand between quotation marks (« », “ ”, "…", '…');
- ``reported``: a verb or noun of speech comes shortly before them in their sentence ("he called me",
  "calling someone", "il m'a traité de", "le mot");
- ``condemned``: the comment condemns what it reports ("is unacceptable", "porter plainte", "racism");
- ``countered``: the comment answers a prejudice ("ce n'est pas parce que…", "does not make anyone a",
  "amalgames"), or denies the word of someone ("… are not terrorists", "… ne sont pas des voleurs");
- ``reclaimed``: the speaker names themself or their own group with the word ("as a queer woman", "en tant
  que… fier de l'être", "we call ourselves…", "on se traite de… entre nous");
- ``named``: the word is part of a name (a song, a group, a march), next to the noun that says so;
- ``criticism``: the only weighty words are mild judgements ("ridiculous", "nul") of a thing or of how
  someone did, not of the reader ("ridiculous policy", "this is ridiculous", "c'est nul").

Abusers quote too, and add "just saying": nothing is taken off when a weighty word outside quotes is
addressed to the reader ("you", "tu", "vous"), when the comment threatens in its own voice
(:mod:`worker.abuse.threats`, or the threat cues of :mod:`worker.abuse.categories`), or when it holds a
disclaimer ("no offense but", "je dis ça"). A mention alone takes nothing off; a mention that is condemned,
counter-speech, a reclaimed or named word, or criticism take off ``STRONG``. The cues found are the evidence
the moderator reads.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from worker.abuse.categories import ADDRESSED, category
from worker.abuse.speech import blanked, reported, word_set
from worker.abuse.speech import quoted as quotations
from worker.abuse.threats import threats
from worker.profanity.lexicon import DEFAULT_LANGUAGES, Severity, load_lexicon
from worker.profanity.normalise import fold_text

STRONG = 3.0
"""Log-odds taken off for a condemned mention, counter-speech, a reclaimed or named word, or criticism."""
NAME_WINDOW = 4
"""Words either side of a weighty word within which a naming noun ("song", "collectif") makes it named."""
LOOK_CHARS = 80
"""Characters either side of a weighty word that the step reads: enough for its windows, bounded per word."""
NEAR_CHARS = 48
"""Characters just before a weighty word where a denial or a self-naming that ends at the word is looked for."""

_SENTENCE = re.compile(r"[^.!?;\n]+")
_WORD = re.compile(r"[a-z0-9]+")
_ATTRIBUTED = re.compile(r"[^,.;!?]{0,40}, *(sings|sang|said|says|wrote|writes|chante|chantait|dit|disait|ecrit)\b")
_ADDRESSED = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in ADDRESSED})) + r"])\b(?:" + "|".join(sorted(ADDRESSED)) + r")\b"
)
"""A word addressed to the reader; the look-ahead on their first letters skips every other place at once."""


def _phrases(*items: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(items) + r")")


CONDEMNING = _phrases(
    r"not ok", r"unacceptable", r"inexcusable", r"crossed a line", r"apologi[sz]", r"banned", r"sanction",
    r"punish", r"report(ed)? (it|him|her|them|this)", r"complain", r"police", r"hate speech", r"racis",
    r"sexis", r"homophob", r"transphob", r"bigot", r"bully", r"bullied", r"harass", r"dehumani", r"cruel",
    r"hurtful", r"insulting", r"offensive", r"a threat", r"is wrong", r"used against", r"shame on", r"ashamed",
    r"suspend", r"fired", r"sacked", r"kicked out", r"thrown out", r"expelled", r"indign", r"disgrace",
    r"nobody (said|did|reacted)", r"no one (said|did|reacted)", r"took it seriously",
    r"inacceptable", r"inadmissible", r"intolerable", r"honte", r"honteu", r"scandaleu", r"plainte",
    r"signale", r"excuse", r"suspendu", r"exclu", r"renvoye", r"licencie", r"fait sortir", r"expulse",
    r"convoque", r"amende", r"condamne", r"main courante", r"enquete", r"justice", r"retract", r"investigat",
    r"harcel", r"une menace", r"c'est insulter", r"insultant", r"deshumani",
    r"blessant", r"n'a rien a faire", r"n'a pas sa place", r"n'ont pas leur place", r"pas normal",
    r"personne n'a (reagi|rien dit)", r"moderation", r"antisemit", r"xenophob", r"islamophob",
)  # fmt: skip
COUNTERING = _phrases(
    r"ce n'est pas parce qu", r"c'est pas parce qu", r"amalgame", r"les memes droits que", r"comme tout le monde",
    r"n'est pas une maladie", r"ne sont pas (un|une|des) (danger|menace|poids|fardeau|probleme|maladie)",
    r"ne (volent|menacent) (rien|personne)", r"does(n't| not) make (anyone|someone|them|him|her|people) (a|an)\b",
    r"the same rights as", r"like everyone else", r"like anyone else",
    r"(are|is)( not|n't) (a |an )?(threat|burden|danger|disease|illness)",
    r"(racisme|antisemitisme|homophobie|islamophobie|sexisme|xenophobie|transphobie|haine) n'a pas sa place",
    r"(racism|antisemitism|homophobia|islamophobia|sexism|xenophobia|transphobia|hatred) has no place",
)  # fmt: skip
COUNTERED_BY = (
    "parce qu", "amalgame", "memes droits que", "comme tout le monde", "n'est pas une maladie", "ne sont pas ",
    "ne volent ", "ne menacent ", " make ", "the same rights as", "one else", "threat", "burden", "danger", "disease",
    "illness", "n'a pas sa place", "has no place",
)  # fmt: skip
"""Pieces one of which every match of :data:`COUNTERING` holds: a comment with none of them (most) is not searched,
which tries each of its phrases at every word of the comment."""
SELF_FRAME = _phrases(r"as an? (proud )?$", r"i'?m an? proud $", r"i am an? proud $", r"en tant qu(e|')? ?$")
"""Self-identification just before the word ("as a …", "en tant que …"), which :data:`SELF_NAMED` completes."""
SELF_NAMED = re.compile(
    r" (woman|man|person|girl|guy|couple|femme|homme|personne|fille|mec) "
    r"| (fier|fiere|fiers|fieres) de l'etre| (with|and) pride| avec fierte"
)
"""Self-identification just after the word: "… woman", "… fier de l'être", "… with pride"."""
SELF_ALONE = _phrases(
    r"(call|calls|called|calling) (myself|herself|himself|themselves|ourselves|itself) (an? |the )?([a-z]+ )?$",
    r"(se|me|nous) (traite|traitent|traitons|surnomme|surnomment|surnommons|appelle|appellent|appelons) (de |d')?$",
    r"s'appellent (les )?$", r"s'appelle (les |la |le )?$",
)  # fmt: skip
"""The speaker's own group naming itself with the word: "we call ourselves …", "on se traite de …"."""
SELF_ALONE_BY = ("call", "trait", "surnomm", "appel")
"""Pieces one of which every match of :data:`SELF_ALONE` holds: the words before most weighty words hold none, and
are not searched (a search tries each of its phrases at every word)."""
IN_GROUP = re.compile(r" entre nous| (fier|fiere|fiers|fieres) de l'etre")
NAMING = word_set(
    "song songs sings sang lyrics album band group film movie book novel title show series march parade",
    "festival club collective magazine zine exhibition poem chanson chante album groupe livre roman titre",
    "serie emission marche festival collectif manifeste revue exposition poeme association mouvement",
)
CRITICAL = word_set(
    "ridiculous ridicule ridicules absurd absurde absurdes nul nulle nuls nulles terrible terribles awful",
    "dreadful pathetic pathetique lamentable lamentables disaster desastre catastrophe catastrophique worst",
    "pire mediocre useless inutile nonsense rubbish shambles farce joke incompetent incompetents incompetente",
    "incompetence bad mauvais mauvaise hideous hideux hideuse moche lazy",
    "paresseux paresseuse",
)
THINGS = word_set(
    "policy policies plan plans decision decisions idea ideas law laws bill budget article editorial report",
    "argument proposal project reform match game performance result results plan service system rule rules",
    "politique politiques decision projet loi lois reforme idee idees budget article edito rapport raisonnement",
    "proposition match resultat resultats service systeme regle regles mesure mesures gestion programme",
    "prestation design answer reponse review critique handling logic logique stadium stade film movie book",
    "livre serie episode ending fin logo site app update version government gouvernement council conseil",
    "mairie ministry ministere",
    "was were been ete etait etaient",
)
THING_SUBJECT = re.compile(
    r"\b(?:this|that|it|ca|c)[ ']?(?:is|was|s|est|etait)(?: (?:so|really|just|completely|totally|utterly|absolutely"
    r"|fucking|bloody|damn|vraiment|trop|tellement|completement|carrement|juste|franchement))* *$"
)
"""A judgement whose subject is "this", "that", "it" or "ça" ("this is ridiculous", "c'est nul"): of a thing or an
event, as a named thing is ("ridiculous policy"); not "this guy is", which names someone, nor "this is what…"."""
NEGATED = re.compile(
    r"\b(?:(?:are|is|were|was)(?: not|n't)(?: all)?(?: an?| the)?"
    r"|(?:ne |n')(?:sont|est|etait|etaient) (?:pas|plus)(?: tous| toutes)?(?: des| un| une| de| d'))"
    r" ?$"
)
"""A denial just before the word: counter-speech answers a prejudice by denying it of a group."""
NEGATED_BY = (" not", "n't", " pas", " plus")
"""Pieces one of which every match of :data:`NEGATED` holds: the words before most weighty words hold none, and are
not searched."""
BELONGING = word_set(
    "human humans people persons men women citizens welcome french english british american european",
    "humain humains humaine humaines personnes hommes femmes citoyens citoyennes bienvenus bienvenues",
    "francais francaise francaises europeens chez nous",
)
"""Words whose denial is hate, not counter-speech: "they are not human", "ils ne sont pas français"."""
DISCLAIMING = _phrases(
    r"just saying", r"no offen[cs]e", r"not (being )?racist but", r"i'?m not racist", r"je dis (ca|juste)",
    r"sans (vouloir )?(etre|paraitre) raciste", r"je ne suis pas raciste", r"je suis pas raciste",
    r"c'est (pas|pas du) (du )?racisme", r"sans vouloir (etre mechant|offenser)",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reading:
    """What the form of a comment says of its weighty words: the cues found, and the log-odds they take off."""

    cues: tuple[str, ...] = ()
    guard: str | None = None
    discount: float = 0.0


NOTHING = Reading()


def _region(span: tuple[int, int], regions: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """Return the first of the ``regions`` (quotations) that holds the span, else None."""
    start, end = span
    return next(((a, b) for a, b in regions if a <= start and end <= b), None)


class _Place(NamedTuple):
    """One weighty word in its sentence: the comment as written and folded, the word's span, its sentence's span, the
    sentence before and after the word (``LOOK_CHARS`` characters at most) and the word's folded words, each read once
    however many tests read them."""

    text: str
    folded: str
    start: int
    end: int
    sentence: tuple[int, int]
    lead: str
    tail: str
    words: list[str]


def _place(text: str, folded: str, span: tuple[int, int], sentences: Sequence[tuple[int, int]]) -> _Place:
    """Return the word at ``span`` in its sentence (one of ``sentences``; the span itself when in none)."""
    start, end = span
    sentence = next(((a, b) for a, b in sentences if a <= start < b), span)
    lead = folded[max(sentence[0], start - LOOK_CHARS) : start]
    tail = folded[end : min(sentence[1], end + LOOK_CHARS)]
    return _Place(text, folded, start, end, sentence, lead, tail, _WORD.findall(folded[start:end]))


def _named_in_quotes(folded: str, region: tuple[int, int]) -> bool:
    """Tell whether a quotation is a title after its naming noun ("the song 'X'")."""
    return bool(NAMING.intersection(_WORD.findall(folded[max(0, region[0] - 30) : region[0]])[-2:]))


def _named_in_text(place: _Place, before: list[str]) -> bool:
    """Tell whether an unquoted word is a capitalised name next to its naming noun (``before``: the folded words of
    its :attr:`_Place.lead`)."""
    start, end = place.start, place.end
    capitalised = place.text[start : start + 1].isupper() and not place.text[start:end].isupper()
    if not (capitalised and before):  # most words: the words around need not be read
        return False
    return bool(NAMING.intersection(before[-NAME_WINDOW:] + _WORD.findall(place.tail)[:NAME_WINDOW]))


def _mentioned(place: _Place, region: tuple[int, int] | None) -> tuple[str | None, bool]:
    """Return how the word is mentioned rather than used ("quoted" in ``region``, "reported" by someone, else None)
    and whether it is part of a name."""
    if region is not None:
        return "quoted", _named_in_quotes(place.folded, region)
    before = _WORD.findall(place.lead)
    attributed = bool(_ATTRIBUTED.match(place.folded, place.end))
    said = "reported" if reported(before) or attributed else None
    return said, attributed or _named_in_text(place, before)


def _reclaimed(place: _Place) -> bool:
    """Tell whether the speaker names themself or their own group with the word."""
    lead, tail = place.lead, place.tail + " "
    near = lead[-NEAR_CHARS:]  # the patterns end where the word starts: only the last characters can match
    # The matches at the tail's start first: a search tries every place of the lead.
    alone = any(map(near.__contains__, SELF_ALONE_BY)) and SELF_ALONE.search(near)
    return bool(IN_GROUP.match(tail) or alone or (SELF_NAMED.match(tail) and SELF_FRAME.search(near)))


def _criticism(place: _Place) -> bool:
    """Tell whether the word is a mild judgement of a thing or of how someone did ("ridiculous policy", "a été nul")."""
    if not CRITICAL.issuperset(place.words):
        return False
    if THINGS.intersection(_WORD.findall(place.lead)[-3:] + _WORD.findall(place.tail)[:2]):
        return True
    return bool(THING_SUBJECT.search(place.lead))


def _denied(place: _Place) -> bool:
    """Tell whether the word is what a sentence denies of someone ("… are not terrorists", "… ne sont pas des …"),
    unless it denies them their humanity or their place ("… are not human", "… ne sont pas français")."""
    near = place.lead[-NEAR_CHARS:]
    negated = any(map(near.__contains__, NEGATED_BY)) and NEGATED.search(near)
    return bool(negated) and not BELONGING.intersection(place.words)


def _denial(places: Sequence[_Place], charged: Sequence[tuple[int, int]]) -> bool:
    """Tell whether the comment denies a weighty word of someone and affirms no heavier one after it.

    "They are not terrorists, they are vermin" denies one word to assert a worse one: that is not counter-speech.
    ``places`` are heaviest first.
    """
    denied = [i for i, p in enumerate(places) if _denied(p)]
    if not denied or not _some(places, charged, _denied):
        return False
    heaviest, first = denied[0], min(places[i].start for i in denied)
    return all(i in denied for i, p in enumerate(places[:heaviest]) if p.start > first)


def _some(places: Sequence[_Place], charged: Sequence[tuple[int, int]], holds: Callable[[_Place], bool]) -> bool:
    """Tell whether some weighty word has the property, and every listed one among them too.

    Denials and self-naming concern one word of the comment, and the model weighs the group's name next to
    it as much: any weighty word may carry them, but a listed word without them still counts as used.
    """
    listed = _listed()
    found = False
    for place in places:
        if holds(place):
            found = True
        elif (place.start, place.end) in charged and not listed.isdisjoint(place.words):
            return False
    return found


def _guard(text: str, outside: str) -> str | None:
    """Return why nothing may be taken off a comment (``outside``: its text outside quotes): a disclaimer or a
    threat, made to the reader (:mod:`worker.abuse.threats`) or named by a cue word."""
    if DISCLAIMING.search(outside):
        return "disclaimer"
    if threats(text) or category(_WORD.findall(outside)) == "threat":
        return "threat"
    return None


@cache
def _listed() -> frozenset[str]:
    """Return the folded words the profanity lists hold as swear words or slurs in some language, and judgements."""
    words = load_lexicon(DEFAULT_LANGUAGES).words
    held = (w for w, severities in words.items() if any(s is not Severity.SAFE for s in severities.values()))
    return frozenset(held) | CRITICAL


def charged(folded: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans whose words are listed swear words, slurs or judgements, else the heaviest span alone.

    The model's weighty terms also hold words of the topic ("referee", "minister"); what the comment does
    with its charged words is what tells a mention from a use.
    """
    listed = _listed()
    found = [(a, b) for a, b in spans if listed.intersection(_WORD.findall(folded[a:b]))]
    return found or list(spans[:1])


def read(text: str, spans: Sequence[tuple[int, int]]) -> Reading:
    """Return what the form says of the comment's weighty words (``spans``: places in ``text``, heaviest first)."""
    if not spans:
        return NOTHING
    folded = fold_text(text)
    heavy, spans = spans, charged(folded, spans)
    quoted = quotations(folded)
    outside = blanked(folded, quoted)
    sentences = [m.span() for m in _SENTENCE.finditer(folded)]
    at = {span: _place(text, folded, span, sentences) for span in spans}
    regions = {span: _region(span, quoted) for span in spans}
    if any(regions[span] is None and _ADDRESSED.search(outside, *at[span].sentence) for span in spans):
        return Reading(guard="addressed")
    cues: set[str] = set()
    mentioned = criticism = True
    for span in spans:
        said, named = _mentioned(at[span], regions[span])
        if said:
            cues.add(said)
        else:
            mentioned = False
        if named:
            cues.add("named")
        criticism = criticism and _criticism(at[span])
    places = [at.get(span) or _place(text, folded, span, sentences) for span in heavy]
    if _denial(places, spans) or (any(map(outside.__contains__, COUNTERED_BY)) and COUNTERING.search(outside)):
        cues.add("countered")
    if mentioned and CONDEMNING.search(blanked(outside, spans)):
        cues.add("condemned")
    if _some(places, spans, _reclaimed):
        cues.add("reclaimed")
    if criticism:
        cues.add("criticism")
    if not cues & {"condemned", "countered", "reclaimed", "named", "criticism"}:
        return Reading(tuple(sorted(cues)))
    guard = _guard(text, outside)  # last: most comments held have no cue at all
    return Reading(tuple(sorted(cues)), guard, 0.0 if guard else STRONG)
