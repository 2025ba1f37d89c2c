"""Swearing aimed at no one: the listed swear words whose weight the abuse check sets aside.

"Holy shit, what a goal", "this is fucking ridiculous", "putain de bus encore en retard": the swear words weigh
heavily in both models, but they curse a thing, an event or oneself, and swearing is the profanity check's
business (the policy's ``action_mild``, ``action_strong``). The abuse check is for insults, threats, harassment, hate
and sexual remarks, so it sets aside the weight of these words (:func:`unaimed_swearing`) when nothing in the comment
is aimed at a person or a group:

- no second person ("you", "your", "u", "tu", "t'", "te", "vous", "ton", "ta", "tes", "espèce de"), hence never
  "fuck you", "ta gueule", "va te faire foutre";
- no one pointed at in a sentence that swears: a third person or a person named by a noun ("he", "they", "this
  author", "ce mec", "these people"), nor a swear word made a verb with someone as object ("fuck the lot of them");
- no insult nor slur, no other listed word (the profanity lists' words that are not expletives: "asshole",
  "connard", "fils de pute"), no phrase of the lists that aims ("piece of shit", "fuck off"), no cue of a category
  (:mod:`worker.abuse.categories`: "idiot", "vermin", "kill");
- no threat nor frame (the caller's: it does not ask then).

The words set aside are :data:`EXPLETIVES` that the profanity lists hold as mild or strong: swear words that curse,
not words that name a person ("fuck", "shit", "merde", "putain", not "bitch", "connard").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import pairwise

from worker.abuse.categories import ADDRESSED, category
from worker.abuse.speech import word_set
from worker.profanity.lexicon import DEFAULT_LANGUAGES, Severity, load_lexicon
from worker.profanity.normalise import fold_text

_CANDIDATES = (
    "fuck fucks fucking fuckin fucken fucked fuckery fuk effing motherfucking motherfuckin shit shits shitty shite"
    " shitting bullshit horseshit jackshit batshit apeshit shitshow shitstorm crap damn goddamn goddamned goddammit"
    " godamn goddam piss pissed pissing wtf bollocks"
    " merde merdes merdique merdiques putain putains ptn ptain bordel bordelique chier chiant chiante chiants chiantes"
    " chiasse emmerde emmerdes emmerder emmerdent emmerdement emmerdements foutu foutue foutus foutues fout connerie"
    " conneries saloperie saloperies tabarnak tabarnac calisse esti osti ostie"
)
"""Swear words that curse rather than name a person; only those the profanity lists hold count (:func:`expletives`)."""
SECOND_PERSON = ADDRESSED | frozenset({"yourself", "yourselves", "yours", "ya", "yall", "vos", "espece"})
"""Words that address the reader (folded; "t" only as French "t'", :func:`_addressed`)."""
_ENGLISH_T = word_set(
    "don can isn won didn doesn wasn aren ain shouldn couldn wouldn haven hasn hadn weren mustn needn shan"
)
"""Words before a "t" that make it English ("don't"), not the French "t'" of "t'es"."""
PERSONS = word_set(
    "he him his himself she her hers herself they them their theirs themselves everyone everybody anyone whoever"
    " man men guy guys woman women girl girls boy boys lady people person folk folks bloke chap dude"
    " author writer journalist journalists reporter reporters editor columnist ref referee player players manager"
    " coach owner minister ministers president politician politicians mp mps mayor leader leaders"
    " il elle ils elles lui eux celui celle ceux celles mec mecs gars type types nana nanas meuf meufs femme femmes"
    " homme hommes gens auteur auteure journaliste journalistes ministre ministres president presidente maire"
    " arbitre joueur joueurs entraineur politicien politiciens politiques depute deputes elu elus",
)
"""Words that point at a person or a group of people (folded)."""
_IMPERSONAL = word_set("y faut fait pleut parait semble reste manque suffit")
"""Words after "il" that make it impersonal ("il y a", "il faut", "il pleut"): no one is pointed at."""
INSULTS = word_set(
    "scum scumbag scumbags trash loser losers muppet muppets pig pigs rat rats clowns hypocrite hypocrites liar"
    " liars traitor traitors coward cowards degenerate degenerates creep creeps lowlife lowlifes idiote idiotes"
    " menteur menteurs menteuse traitre traitres lache laches minables guignols tocard tocards naze nazes boulet"
    " vendu vendus escroc escrocs",
)
"""Insult nouns the category cues and the profanity lists lack: a swear word next to one insults someone."""
_AIMING_VERBS = word_set("fuck emmerde emmerder emmerdent")
"""Swear words used as verbs whose object is aimed at ("fuck the lot of them", "j'emmerde les écolos")."""
_NOT_OBJECTS = word_set("it this that me my yeah yes no sake s ca de d vraiment grave")
"""Words after such a verb that are no one: "fuck it", "fuck this", "fuck me", "ça m'emmerde de…"."""
_AS_NOUN = word_set("the a for no what")
"""Words before "fuck" that make it a noun, not a verb with an object: "what the fuck", "for fuck's sake"."""
_UNAIMED_PHRASES = frozenset({"bull shit", "bloody hell", "fais chier", "faire chier", "je m en fous"})
"""Phrases of the profanity lists that hold a swear word and aim at no one."""
_SENTENCE = re.compile(r"[^.!?;\n]+")
_WORD = re.compile(r"[a-z0-9]+")


@cache
def expletives() -> frozenset[str]:
    """Return the swear words that curse (:data:`_CANDIDATES`) that the profanity lists hold as mild or strong."""
    listed = load_lexicon(DEFAULT_LANGUAGES).words
    return frozenset(
        w for w in _CANDIDATES.split() if any(s in (Severity.MILD, Severity.STRONG) for s in listed.get(w, {}).values())
    )


@cache
def _other_listed() -> frozenset[str]:
    """Return the folded words the profanity lists hold in some language that are not expletives (insults, slurs)."""
    words = load_lexicon(DEFAULT_LANGUAGES).words
    held = (w for w, severities in words.items() if any(s is not Severity.SAFE for s in severities.values()))
    return frozenset(held) - expletives()


@cache
def _aiming_phrases() -> tuple[str, ...]:
    """Return the phrases of the profanity lists that hold a swear word and aim it ("piece of shit", "fuck off")."""
    swear = expletives()
    phrases = load_lexicon(DEFAULT_LANGUAGES).phrases
    return tuple(sorted(p for p in phrases if p not in _UNAIMED_PHRASES and not swear.isdisjoint(p.split())))


def unaimed_swearing(text: str, found: Sequence[str], innocent: frozenset[str] = frozenset()) -> frozenset[str]:
    """Return the swear words of a comment (``found``: its folded words) that aim at no one, else nothing.

    Nothing when the comment holds no expletive (most comments) or aims somewhere: see the module's list.
    ``innocent``: the words innocent in its language ("con" in English), which are no insult there.
    """
    swear = expletives()
    if swear.isdisjoint(found) or _aims(text, found, innocent, swear):
        return frozenset()
    return swear.intersection(found)


def _aims(text: str, found: Sequence[str], innocent: frozenset[str], swear: frozenset[str]) -> bool:
    """Tell whether a comment that swears aims at someone: addressed, an insult, a listed word or phrase that aims, a
    swear word with an object, a cue of a category, or someone pointed at where it swears."""
    if _addressed(found):
        return True
    if category([w for w in found if w != "t"] if "t" in found else found) is not None:  # each "t" English here
        return True
    # The comment's listed words first (a few), then those innocent or swearing set aside: not the whole list copied.
    if _other_listed().intersection(found) - innocent - swear or not INSULTS.isdisjoint(found):
        return True
    joined = f" {' '.join(found)} "
    if any(f" {p} " in joined for p in _aiming_phrases()) or _object_aimed(found):
        return True
    return not PERSONS.isdisjoint(found) and _pointed(text, swear)


def _addressed(found: Sequence[str]) -> bool:
    """Tell whether a word addresses the reader: "you", "ton", the French "t'" (not the "t" of "don't")."""
    if SECOND_PERSON.isdisjoint(found):
        return False
    if "t" not in found or not SECOND_PERSON.difference({"t"}).isdisjoint(found):
        return True
    return any(word == "t" and (i == 0 or found[i - 1] not in _ENGLISH_T) for i, word in enumerate(found))


def _object_aimed(found: Sequence[str]) -> bool:
    """Tell whether a swear word is a verb with someone as its object ("fuck the lot of them", "fuck off")."""
    if _AIMING_VERBS.isdisjoint(found):
        return False
    for i, (word, after) in enumerate(pairwise(found)):
        if word in _AIMING_VERBS and after not in _NOT_OBJECTS and (i == 0 or found[i - 1] not in _AS_NOUN):
            return True
    return False


def _pointed(text: str, swear: frozenset[str]) -> bool:
    """Tell whether a sentence that swears points at a person ("he", "ce mec", "these people"; not "il y a")."""
    for sentence in _SENTENCE.findall(fold_text(text)):
        said = _WORD.findall(sentence)
        if swear.isdisjoint(said):
            continue
        for i, word in enumerate(said):
            if word in PERSONS and not (word == "il" and i + 1 < len(said) and said[i + 1] in _IMPERSONAL):
                return True
    return False
