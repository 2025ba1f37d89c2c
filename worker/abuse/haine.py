"""French hate against groups made of everyday words, read as constructions: dehumanising comparisons and expulsion.

The model weighs words, and the words of this hate are everyday ones ("rats", "cafards", "retournent", "chez eux",
"remplacement") that a comment about a cellar, a kitchen or a trip home uses too. What makes the hate is that a
group of people is said to be vermin, or to be sent away, in the speaker's own voice:

- **a group said to be vermin or not human**: "ces migrants sont des rats", "ils sont comme des cafards", "ces gens
  là ne sont que de la vermine", "cette vermine de gauchistes", "ces rats d'immigrés", "une invasion de
  clandestins", "ils se reproduisent comme des lapins", "ils pullulent comme des rats";
- **a people to be sent away**: "qu'ils retournent chez eux", "qu'on les renvoie tous dans leur pays", "renvoyez-les
  au bled", "dehors les musulmans";
- **the slogans of that programme**: "remigration", "le grand remplacement" said as a fact or a call ("la
  remigration maintenant", "le grand remplacement est en marche").

Not read: the animals themselves ("les rats du grenier", "des cafards dans la cuisine", "des rats de laboratoire"),
a comment that names the slogan to condemn or explain it ("la théorie du grand remplacement", "parler de
remigration, c'est…", "le fantasme du grand remplacement"), and any of these quoted or reported ("il a dit qu'ils
devaient retourner chez eux", "« qu'ils retournent chez eux », a-t-il crié": :mod:`worker.abuse.speech`) or
denied ("personne n'est de la vermine", "ils ne sont pas des rats").

A construction found is a :class:`worker.abuse.frames.Frame` of kind ``hate``: the check treats it as a frame (its
share added, its span and category shown) and holds it by itself, as a threat: it scores at least the policy's
``hate``. Read on the comment folded (:func:`worker.profanity.normalise.fold_text`), whose offsets are the comment's
own; only a comment holding one of the anchor words is read by the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from worker.abuse.frames import Frame
from worker.abuse.speech import REPORTING, quoted, reported, word_set
from worker.profanity.normalise import fold_text

KIND = "hate"

_VERMIN = (
    "rats cafards blattes cancrelats cloportes vermine vermines parasites sangsues nuisibles singes macaques hommes"
    " humains"
)
"""Vermin a group of people is called when it is dehumanised ("ce sont des cafards", "de la vermine"; "sous-hommes" is
anchored on its second word: "sous" is in most French comments)."""
_PLAGUE = (
    "sauvages betes animaux bestiaux cancer gangrene peste virus plaie infection invasion horde hordes criquets"
    " sauterelles poux punaises"
)
"""Words that dehumanise a group named as people ("les migrants sont une invasion") and are everyday of anything
else ("les bouchons, c'est une plaie", "ces joueurs sont des bêtes")."""
_VERMIN_PATTERN = "(?:rats|cafards|blattes|cancrelats|cloportes|vermines?|parasites|sangsues|nuisibles|singes|macaques"
_VERMIN_PATTERN += "|sous hommes|sous humains)"
_PLAGUE_PATTERN = "(?:" + _PLAGUE.replace(" ", "|") + ")"
_PEOPLE = (
    "migrants immigres immigrants etrangers clandestins refugies exiles musulmans musulmanes islamistes arabes"
    " noirs negres juifs roms gitans tsiganes africains maghrebins bougnoules bicots chinois asiatiques turcs"
    " algeriens marocains tunisiens senegalais maliens afghans syriens tchetchenes albanais roumains gauchistes"
    " fachos ecolos socialistes communistes macronistes insoumis fonctionnaires politiciens politicards journalistes"
    " flics bobos parisiens boomers feministes homos homosexuels gays lesbiennes pedes trans chretiens cathos"
    " catholiques assistes banlieusards racailles"
)
"""Groups of people hate names: a comparison with vermin is hate when said of them, not of the animals."""
_PEOPLE_PATTERN = "(?:" + _PEOPLE.replace(" ", "|") + "|gens|gens la)"
_LITERAL = (
    "rat souris cafard blatte pigeons moustiques mouches frelons guepes chiens chats sangliers insectes lapins renards"
    " taupes fourmis termites mulots loirs rongeurs cave caves grenier greniers cuisine cuisines cellier egout egouts"
    " poubelle poubelles jardin potager grange etable poulailler laboratoire labo bibliotheque piege pieges"
    " deratisation desinsectisation raticide mort aux"
)
"""Animals and the places they are found in earnest ("les rats du grenier", "des cafards dans la cuisine"): a
sentence holding one speaks of the animals (``rats`` and ``cafards`` themselves are the constructions' words)."""
_BE = "(?:ne |n )?(?:sont|seront|restent|resteront|etaient|est|sera)"
_SO = (
    "(?:(?:que|rien que|juste|tous|toutes|comme|vraiment|pire que|de vrais|de vraies|des vrais|de veritables"
    "|veritablement|clairement|litteralement) )*"
)
_A = "(?:des|de la|de|d|une|un|du)"
_HOME = (
    "(?:chez eux|chez elles|dans leur pays|dans leurs pays|dans leur pays d origine|au bled|dans leur bled"
    "|dans leurs bleds|d ou ils viennent|d ou elles viennent|en afrique|dans leur desert|dans leur jungle"
    "|dans leurs grottes|dans leur grotte|de l autre cote de la mediterranee)"
)
"""Where a people is told to go: the comment sends them back to where it thinks they come from."""
_END = r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$))"
"""The clause ends here: punctuation, an emoji or the end of the comment, after spaces at most."""

_SOURCES: tuple[tuple[str, str, str], ...] = (
    (
        # a group is vermin: "ces migrants sont des rats", "ils sont comme des cafards", "c'est de la vermine",
        # "les musulmans sont une invasion"
        f"{_VERMIN} {_PLAGUE}",
        "iectl",
        rf"(?:ils |elles |(?:tous |toutes )?ces (?:[a-z]+ ){{1,3}}?){_BE} {_SO}{_A} {_VERMIN_PATTERN}"
        rf"|(?:c est|ce sont|c etait|c etaient) {_SO}{_A} {_VERMIN_PATTERN}"
        rf"|(?:(?:tous |toutes )?(?:ces|les) {_PEOPLE_PATTERN} (?:[a-z]+ ){{0,2}}?|ces gens la ){_BE} {_SO}{_A}"
        rf" (?:{_VERMIN_PATTERN}|{_PLAGUE_PATTERN})",
    ),
    (
        # vermin of a group: "cette vermine de gauchistes", "ces rats d'immigrés", "une invasion de clandestins"; the
        # words only ever said of people: "cette vermine", "ces sous-hommes"
        f"{_VERMIN} {_PLAGUE}",
        "cseu",
        rf"(?:ces|cette|cet|sale|sales|une|un) (?:{_VERMIN_PATTERN}|{_PLAGUE_PATTERN}) (?:de|d) (?:[a-z]+ )?"
        rf"{_PEOPLE_PATTERN}|(?:ces|cette|cet|sale|sales|de la|les) (?:vermines?|sous hommes|sous humains|cancrelats)",
    ),
    (
        # breeding and swarming like animals: "ils se reproduisent comme des lapins", "ils pullulent comme des rats"
        "reproduisent pullulent grouillent multiplient",
        "srpgm",
        r"(?:se reproduisent|pullulent|grouillent|se multiplient) comme (?:des|de la) (?:lapins|rats|cafards|mouches"
        r"|vermine|animaux|betes|lapines|insectes|sauterelles|criquets)",
    ),
    (
        # a people sent back: "qu'ils retournent chez eux", "qu'on les renvoie tous dans leur pays"
        "retournent degagent repartent renvoie renvoyez renvoyons expulse expulsez expulsons reexpedie",
        "qre",
        rf"qu (?:ils|elles) (?:retournent|degagent|repartent)(?: tous| toutes| vite)? {_HOME}"
        rf"|qu on les (?:renvoie|expulse|reexpedie)(?: tous| toutes)?(?: {_HOME}| dans (?:les|des) (?:bateaux|avions"
        rf"|charters)|{_END})|(?:renvoyez|renvoyons|expulsez|expulsons) les(?: tous| toutes)? {_HOME}",
    ),
    (
        # "dehors les musulmans", "les bougnoules dehors"
        "dehors",
        "dl",
        rf"dehors (?:les|tous les|ces) {_PEOPLE_PATTERN}|les {_PEOPLE_PATTERN} (?:dehors|hors de france)",
    ),
    (
        # the slogans said as a fact or a call: "remigration maintenant", "le grand remplacement est en marche"
        "remigration remplacement",
        "rg",
        r"remigration|grand remplacement",
    ),
)
"""(anchor words, first letters, pattern) of each construction, written on folded words with single spaces between
them (see :func:`_compiled`): tried only on a comment holding one of its anchor words."""

_DENIALS = word_set("pas jamais personne aucun aucune non plus")
"""Words before or inside a construction that deny it ("personne n'est de la vermine", "ils ne sont pas des rats");
"ne … que" affirms ("ils ne sont que des parasites")."""
_NAMED = word_set(
    "theorie theories these mythe mythes fantasme fantasmes complot complotiste complotistes concept idee notion",
    "slogan slogans discours rhetorique parler parle parlent parlait parlant evoquer evoque evoquent croire croient",
    "croit crois denoncer denonce denoncent condamne condamner pretendu pretendue soi disant appel appelait appelle",
    "appelaient appelant appeler promouvoir promeut defendre defend defendent defenseurs partisans adeptes tags tag",
    "vocabulaire langage expression contre sur",
)
"""Words before a slogan that name it rather than say it ("la théorie du grand remplacement", "parler de
remigration", "un meeting sur la remigration")."""
_REFUTED = word_set(
    "theorie mythe fantasme complot complotiste complotistes fausse faux infox intox fake absurde ridicule raciste",
    "racistes existe demontee demonte dementi imaginaire",
)
"""Words after a slogan in its sentence that refute it ("le grand remplacement est un mythe", "n'existe pas")."""
_REPORTS = REPORTING | word_set(
    "affirme affirmait affirmaient pretend pretendait declare declarait explique expliquait estime estimait",
    "accuse accusait accuses condamne condamnee scande scandait scandaient chante chantaient tague tagues",
    "slogan slogans commentaire commentaires tweet tweets compare comparait comparer comparent comparant",
)
"""Speech and report: someone else's words ("le député a déclaré…", "ceux qui comparent les migrants à…")."""
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"[.!?\n]")
_SLOGANS = len(_SOURCES) - 1


def _compiled(anchors: str, first: str, source: str) -> tuple[frozenset[str], re.Pattern[str]]:
    """Return the construction's anchor words and pattern, each space of ``source`` made any run of characters that
    are not letters or digits ("qu'ils" is "qu ils"), with word ends on both sides."""
    body = source.replace(" ", "[^a-z0-9]+")
    return word_set(anchors), re.compile(rf"(?=[{first}])(?<![a-z0-9])(?:{body})(?![a-z0-9])")


_READINGS = tuple(_compiled(*source) for source in _SOURCES)
ANCHORS = frozenset().union(*(anchors for anchors, _ in _READINGS))
"""Folded words one of which every construction holds: a comment with none of them is not read by the patterns."""
_LITERAL_WORDS = word_set(_LITERAL)


def haine(text: str, found: Sequence[str]) -> list[Frame]:
    """Return the French hate constructions ``text`` makes in its own voice, as frames of kind ``hate``, one per
    construction that finds one (``found``: its folded words, :func:`worker.abuse.features.words`)."""
    if ANCHORS.isdisjoint(found):  # most comments
        return []
    held = ANCHORS.intersection(found)
    folded = fold_text(text)
    quotes = quoted(folded)
    made = []
    for i, (anchors, pattern) in enumerate(_READINGS):
        if anchors.isdisjoint(held):
            continue
        for match in pattern.finditer(folded):
            start, end = match.span()
            if _said(folded, start, end, quotes, slogan=i == _SLOGANS):
                made.append(Frame(KIND, text[start:end], start, end))
                break
    return made


def _said(folded: str, start: int, end: int, quotes: Sequence[tuple[int, int]], *, slogan: bool) -> bool:
    """Tell whether the construction at ``start``-``end`` is the speaker's: not quoted, reported, denied, said of
    animals, nor (a slogan) named to discuss or refute it."""
    if any(a <= start < b for a, b in quotes):
        return False
    sentence = max((m.end() for m in _SENTENCE.finditer(folded, 0, start)), default=0)
    stop = _SENTENCE.search(folded, end)
    before = _WORD.findall(folded, sentence, start)
    inside = _WORD.findall(folded, start, end)
    after = _WORD.findall(folded, end, stop.start() if stop else len(folded))
    if not slogan and not _LITERAL_WORDS.isdisjoint(before + after):
        return False  # "les rats du grenier, ce sont des nuisibles", "des cafards dans la cuisine"
    if not _DENIALS.isdisjoint(before[-4:] + inside):
        return False
    if slogan and not (_NAMED.isdisjoint(before[-4:]) and _REFUTED.isdisjoint(after)):
        return False
    return not reported(before, _REPORTS)
