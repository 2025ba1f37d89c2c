"""Threats: violence promised, foretold or wished to the reader in the speaker's own voice, English and French.

The model scores words; a threat is a construction, and the same verbs are everyday words outside it. A
threat here is one of:

- **promised**: the speaker (or someone the speaker calls on) will act, with a violent verb whose object is
  the reader: "I'll kill you", "gonna slit your throat", "someone should shoot you", "je vais te tuer",
  "on va te retrouver", "je te crèverai";
- **foretold**: the reader's death or beating told as coming: "you're gonna die", "you'll get shot",
  "tu vas crever", "t'es un homme mort";
- **wished**: "hope you die", "you deserve to die", "j'espère que tu crèves", "crève !", "va mourir";
- **suicide urged**: "kill yourself", "kys", "va te pendre", "suicide-toi";
- **known whereabouts**: "we know where you live", "on sait où tu habites";
- **intimidation**: a warning with no violent verb, aimed at the reader and ending its clause: "this is your last
  warning", "I'll be waiting for you outside", "I'm coming for you", "t'es prévenu", "je t'attends à la sortie",
  "tu vas me le payer"; a place, a time or an object after it is everyday ("je viens te chercher à la gare").

What tells a threat from an everyday use of its verb:

- the object is the reader ("you", "your throat", "te", "t'"), not a thing ("kill the process", "the bug that
  killed my build") nor the speaker ("this joke killed me", "he said he'd kill me");
- the speaker makes it: words between quotation marks, or after someone else's verb of speech ("he told her
  'I will find you'"), are reported (:mod:`worker.abuse.speech`), and a question asks rather than promises
  ("do you think I'd hurt you?");
- nothing denies it: the construction has no room for a negation ("I'd never hurt you", "I won't kill you",
  "je vais pas te tuer", "don't kill yourself over it"), and the speaker does not deny saying it ("I'd never say
  you'll pay for this", "je n'ai jamais dit que tu vas le payer");
- the verb is not in an everyday frame: a second object ("shoot you an email", "find you a link", "je vais te
  retrouver le lien"), a game ("beat you at chess", "te défoncer à FIFA"), somewhere to meet ("I'll find you
  at the station", "je vais te retrouver au café demain"), an idiom ("die laughing", "crever de chaud", "je
  suis crevé").

Every rule is read on the comment folded (:func:`worker.profanity.normalise.fold_text`), whose offsets are
those of the comment as written, so a threat's span can be shown to a moderator.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from worker.abuse.features import words
from worker.abuse.speech import REPORTING, blanked, quoted, reported, word_set
from worker.profanity.normalise import fold_text

_CLOSE = r"[.!?,;:\n\"”»)]|$"
"""What ends a clause: its punctuation, a closing quotation mark or bracket, the end of the comment."""
_S = r"[\s'-]+"
"""Between two words: spaces, an apostrophe ("t'égorger") or a hyphen ("pends-toi")."""


def _rx(source: str) -> str:
    """Return ``source`` with each space made a word separator (:data:`_S`) and each ``'`` optional."""
    return source.replace("'", "'?").replace(" ", _S)


def _rule(first: str, source: str) -> re.Pattern[str]:
    """Compile a rule that can only start at one of the characters ``first`` (a character class's content).

    The lookahead lets the engine skip every other place of the comment at once, four times faster than
    trying each alternative of the rule there.
    """
    return re.compile(f"(?=[{first}])(?:{source})")


def _any(*items: str) -> str:
    return "(?:" + "|".join(items) + ")"


# --- English
_EN_SPEAKER = _any(
    r"\b(?:i|we)(?: just| really| literally| seriously| honestly| definitely)? (?:will|shall|would|gonna|finna|wanna"
    r"|want to|need to|have to|got to|gotta)",
    r"\b(?:i ll|i d|we ll|we d|ill|id|imma|ima|i ma|i mma)",
    r"\b(?:i m|im|i am|we re|we are) (?:gonna|going to|finna|about to|bout to|fixing to)",
    r"\b(?:i m|im|i am|we re|we are) (?:not afraid|not scared|ready|willing|prepared|tempted|dying) to",
    r"\b(?:i|we)(?: d| would) (?:love|like|be happy|be glad) to",
    r"\b(?:i|we) (?:won t|wouldn t|will not|would not) hesitate to",
    r"\b(?:i|we) (?:can t|cant|cannot) wait to",
    r"\b(?:someone|somebody|some1) (?:will|should|needs to|ought to|has to|gotta|is gonna|is going to)",
    r"(?:^|[.!,;:\n]\s*)(?:gonna|going to|finna)",  # "gonna slit your throat": the speaker left out
)
"""Who acts, and that they will or would gladly: the speaker, or someone the speaker calls on; no room for a
negation of the act ("I won't hesitate to" affirms it)."""
_EN_PAD = r"(?: (?:fucking|fuckin|fkn|literally|personally|just|really|actually|definitely|come|go|come and|go and))?"
_EN_FLESH = r"(?:throat|neck|head|face|skull|brains?|legs?|arms?|knees?|teeth|jaw|guts|eyes)"
"""Parts of a body: "slit his throat" harms a person, whoever they are; "break her heart" does not."""
_EN_BODY = _any(
    _EN_FLESH,
    r"ass|butt|family|kids?|children|mother|mom|mum|momma|mama|dad|father|wife|husband|girl|girlfriend|boyfriend",
    r"son|daughter|sister|brother|dog|cat|house|car",
)
_EN_YOU = _any(r"you(?: all| guys)?", r"u", r"ya", r"y'all", r"yall", r"yourself", r"yourselves")
_EN_YOUR = r"(?:your|ur|yo)(?: [a-z]+)? " + _EN_BODY
"""The reader's body, kin or things, one word allowed before ("your whole family", "your bitch ass")."""
_EN_THEIR = r"(?:his|her|their|this [a-z]+|that [a-z]+|dat [a-z]+)(?: [a-z]+)? " + _EN_FLESH
"""Someone else's body: "I'll slit his throat", "wanna break that guy's neck" (folded: "that guy s neck")."""
_EN_READER = word_set("you u ya y yall yourself yourselves")
"""First words of an object that is the reader themself, not a part of them."""
_EN_HARM = _any(
    r"kill|murder|stab|strangle|choke|behead|decapitate|slaughter|butcher|rape|hang|lynch|gut|skin|torture",
    r"slap|punch|hurt|shoot|burn|cut|end|smack|bash|knife|shank|murk|merk|stomp|curb stomp",
    r"beat|whoop|kick|break|smash|snap|rip|slit|knock|fuck|mess|blow|beat the shit out of|put a bullet in",
)
"""Violent verbs; :func:`_everyday` tells apart those said of other things ("beat you at chess")."""
_EN_BODY_ONLY = word_set("kick break smash snap rip slit blow")
"""Verbs that harm the reader only as "your throat", "your neck" ("break you" is not said; "kick you out" is)."""
_EN_GAMES = word_set("beat whoop kick smash murder")
"""Verbs said of games as often as of fights: not a threat before "at", "in", "on" or "to" ("beat you at chess")."""
_GAME_AFTER = ("at", "in", "on", "to")
"""Words after "you" that make a verb of :data:`_EN_GAMES` a game."""
_EN_SECOND_OBJECT = word_set("a an the some this that these those my our his her their another any")
"""A second object makes the reader the one who gets something: "shoot you an email", "cut you a slice"."""
_EN_PARTICLES = {
    "cut": word_set("off in some slack loose"),
    "hang": word_set("out up"),
    "shoot": word_set("over down"),
    "slap": word_set("with"),
    "torture": word_set("with"),
}
"""Words after "you" that make the verb an everyday one: "cut you off", "hang you out to dry"."""
_EN_NEEDS = {"fuck": word_set("up"), "mess": word_set("up"), "knock": word_set("out")}
"""Words the verb needs after "you" to harm: "fuck you up" (not "fuck you"), "knock you out" (not "knock you up")."""
_EN_NOT_ON_BODY = word_set("fuck mess")
"""Verbs that are no harm on a part of someone ("fuck your mom" is an insult, "mess your hair up" nothing)."""
_EN_IDIOM = re.compile(r"\s+with\s+(?:kindness|love|kisses|hugs|compliments|questions|puns|paperwork)\b")

_EN_PROMISED = _rule(
    r"iwsgf.!,;:\n",
    _rx(rf"{_EN_SPEAKER}{_EN_PAD} (?P<verb>{_EN_HARM}) (?P<object>{_EN_YOUR}|{_EN_THEIR}|{_EN_YOU})\b")
    + "|"
    + _rx(rf"{_EN_SPEAKER}{_EN_PAD} (?:find|hunt) (?:{_EN_YOU})\b(?P<find>)"),
)
_EN_FORETOLD = _rule(
    r"uy",
    _rx(
        r"\b(?:you|u|ya)(?:'re| are| r)? (?:gonna|going to|finna|about to) (?P<die>die)\b"
        r"|\b(?:you|u)(?:'ll| will| shall) (?P<die2>die)\b"
        r"|\b(?:you|u)(?:'re| are| r|'ll be| will be)? (?:gonna |going to )?(?:be )?(?:a dead (?:man|woman|boy|girl)"
        r"|dead meat)\b"
        r"|\b(?:you|u)(?:'re| are| r|'ll| will)? (?:gonna |going to )?get (?P<die3>shot|stabbed|killed|murdered|raped"
        r"|jumped|merked|murked|lynched|hanged|beheaded)\b"
        r"|\byour days are numbered\b"
    ),
)
_EN_WISHED = _rule(
    r"hwuyjnpgd.!,;:\n",
    _rx(
        rf"\bhope (?:that )?(?:{_EN_YOU}|{_EN_YOUR}) (?:(?P<die>die|dies)|gets? (?:shot|stabbed|killed|murdered|raped"
        r"|hit by a (?:car|truck|bus|train)|cancer|aids))\b"
        rf"|\bwish (?:{_EN_YOU}) (?:were dead|was dead|would die|died)\b"
        r"|\b(?:you|u) (?:should|deserve to|need to|ought to|must) (?:(?P<die2>die)|be (?:shot|killed|hanged|raped"
        r"|lynched|murdered|stabbed|beheaded)|(?:kill|hang|shoot) yourself)\b"
        r"|(?:^|[.!,;:\n]\s*)(?:just |now |please |pls |plz )?(?:go )?(?:die in a (?:fire|hole|ditch)|drink bleach)\b"
    ),
)
_EN_SUICIDE = _rule(
    r"khsnog.!,;:\n", _rx(r"\b(?:kill|hang|shoot|neck|off) yourself\b|\bkys\b|(?:^|[.!,;:\n]\s*)go die\b")
)
_EN_NOT_URGED = re.compile(r"\b(?:don'?t|do not|never|not|didn'?t|won'?t|wouldn'?t|shouldn'?t)\W+(?:\w+\W+)?$")
"""A negation in the two words before "kill yourself" ("don't kill yourself over it")."""
_EN_DIE_TAIL = re.compile(rf"\s*(?:{_CLOSE}|(?:soon|tonight|today|tomorrow|slowly|painfully|bitch|now)\b)")
"""What may follow a foretold "die": the end of the clause, a time, a slur of address; not "of boredom"."""
_EN_DIE_NOT = re.compile(r"\s+(?:laughing|happy|happily|rich|old|peacefully|trying|your|ur|it|the|my|of old age)\b")
"""What makes a wished "die" no wish ("die laughing") or no die at all ("dye your hair", misspelt)."""
_EN_KIN = r"(?:your|ur) (?:[a-z]+ )?(?:kids?|children|son|daughter|wife|husband|family|mum|mom|mother|parents)"
"""The reader's kin, one word allowed before ("your little kids")."""
_EN_THINGS = r"(?:your|ur) (?:[a-z]+ )?(?:car|house|home|dog|cat|pets?|business|shop|store)"
"""The reader's things, one word allowed before ("your nice car"): "shame if something happened to your car"."""
_CLAUSE_START = r"(?:^|[.!,;:\n]\s*)"
"""The start of a clause: a warning said to the reader stands there ("Watch your back."), advice follows a word."""
_EN_THEN = r"(?=\s*(?:[.!?,;:\n\"”»)]|$|(?:when|tonight|from now on|out there|buddy|pal|mate|clown|bitch|punk|boy)\b))"
"""What may follow a warning: the clause's end, a time or a slur of address ("watch your back posture" is advice)."""
_EN_WARNED = _rule(
    r"wybsuiptoah.!,;:\n",
    _rx(
        rf"{_CLAUSE_START}(?:(?:you|u)(?:'d| had)? better |better |you should |u should )?"
        rf"(?:watch (?:your|ur) back|sleep with one eye open){_EN_THEN}"
        r"|\b(?:you|u)(?:'ll| will| are gonna| re gonna| are going to| re going to| r gonna) (?:"
        rf"regret (?:(?:writing|saying|posting|publishing) )?(?:this|that|it){_EN_THEN}"
        r"|regret (?:the day|ever|crossing me|messing with me|opening your mouth)"
        rf"|pay for (?:this|that|it|what you (?:did|wrote|said)){_EN_THEN})"
        rf"|\b(?:i|we)(?:'ll| will| re gonna| m gonna| are gonna| am going to| re going to) make (?:you|u) pay"
        rf"(?:{_EN_THEN}|(?= for (?:this|that|it|every|what)\b))"
        r"|\b(?:shame|pity) if (?:something|anything)(?: bad)? (?:happened|were to happen|was to happen|happens) to "
        rf"(?:you|u|{_EN_KIN}|{_EN_THINGS})\b"
        r"|\b(?:hope (?:that )?(?:you|u)|(?:you|u)(?:'ll| will| are gonna| re gonna| r gonna)) (?:get|got) what s"
        rf" coming(?: to (?:you|u|ya))?{_EN_THEN}(?!\s*,\s*(?:a|an|the|some|your)\b)"
        r"|\bhope (?:that )?(?:he|she|they) (?:dies|die|gets? (?:shot|stabbed|killed|murdered|raped|cancer|aids"
        rf"|hit by a (?:car|truck|bus|train))|rots? in (?:hell|prison|jail)|burns? in hell|chokes?){_EN_THEN}"
        r"|(?:^|[.!,;:\n]\s*)(?:just |now )?(?:hang (?:them|em|the lot of them) all"
        r"|string (?:them|em|him|her) (?:all )?up)"
        rf"(?: from (?:the nearest |a )?(?:lamp post|lamppost|lamp|tree))?{_EN_THEN}"
        r"|\b(?:you|u|he|she|they)(?: really| badly)? (?:need|needs|deserve|deserves) (?:a (?:good )?(?:slap|beating"
        rf"|smack)|a bullet|a punch in the (?:face|mouth)){_EN_THEN}"
        rf"|\b(?:we|i) know who (?:you|u) (?:are|really are){_EN_THEN}(?!\s*,\s*(?:you|u)\b)"
        rf"|\b(?:we|i)(?:'re| are|'m| am) watching (?:you|u){_EN_THEN}"
        r"|\bpeople like (?:you|u) (?:tend to |usually |always |often )?(?:end up|wind up|get found|turn up) (?:dead"
        rf"|in a ditch|in the river|in a river|in a body bag|face down|six feet under|in the morgue){_EN_THEN}"
        r"|\bhope (?:that )?(?:someone|somebody|some1) (?:shoots|stabs|kills|murders|rapes|strangles|runs over) "
        r"(?:you|u|ya)\b|\bhope (?:that )?(?:someone|somebody|some1) runs (?:you|u|ya) over\b"
        r"|\b(?:someone|somebody) (?:should|needs to|ought to|has to|gotta|should just) (?:shoot|hang|kill|lynch|stab"
        r"|murder|behead|put a bullet in|string up) (?:him|her|them|these people|those people|this (?:guy|man|woman"
        r"|journalist|reporter|writer|author|judge|politician|traitor|clown|idiot))\b"
        r"|\b(?:they|these people|those people|all of them|the lot of them|people like (?:you|him|her|them|that))"
        r"(?: all)? (?:should|deserve to|need to|ought to) (?:all )?be (?:lined up and )?(?:shot|hanged|lynched"
        r"|gassed|exterminated|strung up|killed)(?=\s*(?:[.!?,;:\n]|$|(?:dead|on sight|like dogs|at dawn|for)\b))"
    ),
)
"""Warnings and wishes without a violent verb on "you": "watch your back", "you'll regret this", "I'll make you pay",
"shame if something happened to your family", "hope you get what's coming to you", "people like you end up in a
ditch", "hope someone runs you over", "we know who you are", "we're watching you", "you need a good slap",
death wished to someone else ("I hope she gets cancer"), and calls for the death of a person
or group: "someone should shoot him", "they should all be lined up and shot"."""
_NO_OBJECT_AFTER = r"(?!\s*,\s*(?:the|this|that|these|those|a|an|ce|cet|cette|ces|le|la|les|un|une)\b)"
"""Not an object named after a comma: "you won't see it coming, the twist", "tu vas le payer cher, ce forfait"."""
_EN_ADDRESS = r"(?=\s*,?\s*(?:buddy|pal|mate|clown|bitch|punk|boy|traitor|loser|idiot|scum|coward)\b)"
"""A slur or name of address after a warning that alone is as often a joke ("spoilers ahead, you've been warned")."""
_EN_INTIMIDATION = _rule(
    r"tciywm",
    "(?:"
    + _rx(
        rf"\b(?:this is|that s|that was|consider this) (?:your|ur|my) (?:last|final|only) warning{_EN_THEN}"
        rf"|\b(?:you|u)(?:'ve| have) been warned{_EN_ADDRESS}|\bconsider (?:yourself|urself) warned{_EN_THEN}"
        rf"|\b(?:i|we)(?:'ll| will) be waiting (?:for (?:you|u|ya) )?(?:outside{_EN_THEN}"
        r"|when (?:you|u) (?:leave|get out|come out|step out|least expect it))"
        rf"|\b(?:you|u)(?: won't| will not| wont) (?:even )?see it coming{_EN_THEN}"
        rf"|\b(?:i|we)(?:'d| would) watch (?:my|our|your) (?:step|back|mouth) if i (?:were|was) (?:you|u){_EN_THEN}"
        rf"|\b(?:i'm|i am|we're|we are) (?:coming|comin) for (?:you|u|ya){_EN_THEN}"
    )
    + ")"
    + _NO_OBJECT_AFTER,
)
"""Intimidation: a warning that needs no violent verb, aimed at the reader and ending its clause ("this is your
last warning", "I'll be waiting for you outside", "you won't see it coming", "I'm coming for you"); a place, a time
or an object after it makes it everyday ("coming for you at 6 to pick you up", "last warning before the bridge
closes")."""
_EN_KNOWN = _rule(
    r"iw",
    _rx(
        rf"\b(?:i|we) (?:know|knows|found out|find out) where (?:you|u|ya|{_EN_KIN}) (?:live|lives|sleep|sleeps|work"
        r"|works|stay|stays|park|go to school|goes to school)\b"
    ),
)

# --- French
_FR_SPEAKER = _any(
    r"\b(?:je |j |j)(?:vais|vai|veux)(?: venir| aller)?",
    r"\b(?:on|nous) (?:va|vas|veut|allons|voulons)",
    r"\b(?:quelqu'un|qqn) (?:va|devrait|doit)",
)
_FR_PAD = r"(?: (?:bien|tellement|personnellement|direct|vraiment|moi meme))?"
_FR_YOU = r"(?:te |vous |t )"
"""The reader as object: "te", "vous", "t'" (the apostrophe is a separator)."""
_FR_HARM = _any(
    r"tuer|buter|egorger|saigner|crever|tabasser|frapper|cogner|bruler|pendre|violer|etrangler|decapiter|noyer",
    r"achever|massacrer|defoncer|demolir|eclater|exploser|fumer|enterrer|defigurer|lyncher|poignarder|flinguer",
    r"casser|peter|planter",
)
"""Violent verbs, infinitive; their future ("je te tuerai") adds "ai", "a" or "ons" to it."""
_FR_HARM_PHRASE = _any(
    r"casser (?:la gueule|les dents|la tete|les jambes|la figure|les genoux)",
    r"peter (?:la gueule|les dents|la tete|les genoux)",
    r"eclater (?:la gueule|la tete)",
    r"faire la peau|trouer la peau|refaire le portrait|regler ton compte|regler son compte",
    r"(?:mettre|coller|loger) une balle|ouvrir la gorge|trancher la gorge|couper la gorge",
    r"planter un couteau|faire bouffer tes dents|faire manger tes dents",
)
"""Verbs that are violent only with their object ("casser la gueule", not "casser les prix")."""
_FR_PHRASE_ONLY = word_set("casser peter planter")
"""Verbs that harm the reader only in :data:`_FR_HARM_PHRASE` ("je vais te planter là" stands the reader up)."""
_FR_GAMES = word_set("defoncer demolir eclater exploser massacrer fumer enterrer achever saigner noyer")
"""Verbs said of games (or of money, work) as often as of fights: not a threat before "à", "au", "en", "sur",
"sous" ("te défoncer à FIFA", "te saigner à blanc", "te noyer sous les chiffres")."""
_FR_PROMISED = _rule(
    r"jonq",
    _rx(rf"{_FR_SPEAKER}{_FR_PAD} {_FR_YOU}(?P<verb>{_FR_HARM_PHRASE}|{_FR_HARM})\b")
    + "|"
    + _rx(rf"\b(?:je|j|on|nous) {_FR_YOU}(?P<verb2>{_FR_HARM})(?:ai|a|ons)\b")
    + "|"
    + _rx(rf"\b(?:je|j|on|nous) {_FR_YOU}ferai la peau\b")
    + "|"
    + _rx(
        rf"(?:{_FR_SPEAKER}{_FR_PAD} {_FR_YOU}(?:re)?trouver|\b(?:je|j|on|nous) {_FR_YOU}(?:re)?trouver(?:ai|a|ons))\b"
    )
    + "(?P<find>)",
)
_FR_END = re.compile(rf"\s*(?:{_CLOSE}|(?:sale|espece|connard|connasse|salope|batard|ordure|pourriture|enfoire)\b)")
"""The end of the clause or a slur of address: "je vais te retrouver, sale …", not "… au café"."""
_FR_DIE_TAIL = re.compile(
    r"\s*(?:cher|pour ca|pour tout|bientot|ce soir|demain|comme un chien|comme un rat"
    r"|pour ce que (?:tu|vous) (?:as|avez)(?:\s+\w+)?\s+(?:fait|ecrit|dit|publie|poste))\b"
)
"""What else may follow a foretold "crever", "payer": "tu vas payer cher", not "tu vas payer combien"."""
_FR_FORETOLD = _rule(
    r"tv",
    _rx(
        r"\b(?:tu vas|tu va|t'vas|tvas|vous allez) (?P<die>crever|mourir|souffrir|payer|y passer)\b"
        r"|\b(?:tu|vous) (?P<die2>creveras|mourras|paieras|payeras|creverez|mourrez|paierez)\b"
        r"|\b(?:tu vas|tu va|vous allez) (?:te|vous) faire (?:tuer|buter|egorger|defoncer|violer|tabasser|planter"
        r"|fumer|descendre|lyncher|poignarder|flinguer)\b"
        r"|\b(?:t es|tu es|vous etes) (?:un homme mort|une femme morte|des hommes morts)\b"
        r"|\b(?:t es|tu es|vous etes) (?P<dead>morts?)(?=\s*(?:[.!,;:\n]|$))"
    ),
)
_FR_WISHED = _rule(
    r"jtvimaebolqc.!,;:\n",
    _rx(
        r"\b(?:j'espere|jespere|je souhaite|je veux) (?:bien )?(?:que )?(?:tu|vous) (?:vas |allez )?"
        r"(?P<die>creves?|crever|crevent|creviez|meures?|mourir|mouriez|te fasses (?:tuer|buter|violer|egorger))\b"
        r"|\bje (?:te|vous) souhaite de (?P<die2>crever|mourir)\b"
        r"|\b(?:tu merites|vous meritez|tu devrais|vous devriez|tu dois|vous devez) (?:de )?"
        r"(?P<die3>crever|mourir|te pendre|te suicider|te tuer|vous pendre|vous suicider)\b"
        r"|\bil faut que tu (?P<die4>creves|meures)\b"
        r"|(?:^|[.!,;:\n]\s*)(?:(?:mais|alors|et|ben|bah|oh|allez) )?(?:que tu (?P<die5>creves)|(?:va|vas|allez) "
        r"(?P<die6>crever|mourir|te pendre|te tuer|te suicider|vous pendre|te jeter sous un train"
        r"|te jeter d'un pont))\b"
        r"|(?:^|[.!,;:\n]\s*)(?:(?:mais|alors|et|ben|bah|oh|allez|va|vas y|va donc) )?(?P<imperative>creve|crevez)\b"
    ),
)
_FR_DIE_NOT = re.compile(r"\s+(?:de|d'|du|des|a la tache|au boulot|au travail|en montee)\b")
"""What makes "crever", "mourir" an idiom: "crever de chaud", "mourir de rire", "souffrir en montée"."""
_FR_IMPERATIVE_TAIL = re.compile(
    r"\s*(?:[.!,;:\n]|$|(?:sale|espece|connard|connasse|salope|batard|ordure|pourriture|charogne|enfoire|fdp"
    r"|toi|vous|tous|toutes|en enfer|la bouche ouverte|la gueule ouverte|lentement)\b)"
)
"""What may follow a bare "crève": the end of the clause or whom it is said to; "crevé, je rentre" is tired."""
_FR_THEN = (
    r"(?=\s*(?:[.!?,;:\n\"”»)]|$|(?:sale|espece|connard|connasse|salope|batard|ordure|pourriture|enfoire|mon gars"
    r"|mon pote|crois moi|tu verras|je te le promets?)\b))"
)
"""What may follow a warning: the clause's end or whom it is said to; "on se retrouvera au café" is a date."""
_FR_INTIMIDATION = _rule(
    r"cmtvodfnjq.!,;:\n",
    "(?:"
    + _rx(
        rf"\b(?:c'est|c est|ceci est) (?:mon|ton|votre|le) (?:dernier|ultime) avertissement{_FR_THEN}"
        rf"|\b(?:t'es|t es|tu es|tes) (?:prevenu|prevenue){_FR_THEN}"
        r"|\b(?:dommage|bete) qu'(?:il|y) (?:(?:t|te|vous) arrive (?:quelque chose|un malheur|un accident)"
        r"|arrive (?:quelque chose|un malheur|un accident) (?:a|aux) (?:toi|vous|(?:ta|ton|tes|votre|vos) [a-z]+)\b)"
        rf"|\b(?:je|j|on) (?:t|te|vous) attends? (?:a la sortie|dehors|en bas){_FR_THEN}"
        rf"|\bon se (?:retrouvera|reverra){_FR_THEN}"
        rf"|\b(?:tu|vous) (?:ne |n )?(?:le |l )?(?:verras|verrez) (?:rien|pas) venir{_FR_THEN}"
        rf"|{_CLAUSE_START}(?:ne )?(?:dors|dormez) (?:que |qu )?(?:d'un|d'1|avec un) (?:oeil|oil)(?: ouvert)?{_FR_THEN}"
        rf"|{_CLAUSE_START}(?:fais|faites) gaffe a (?:toi|vous){_FR_THEN}"
        rf"|\b(?:tu vas|tu va|t vas|vous allez) (?:me |nous )?le payer(?: cher| tres cher)?{_FR_THEN}"
        rf"|\b(?:tu|vous) (?:me |nous )?le (?:paieras|payeras|paierez|payerez)(?: cher| tres cher)?{_FR_THEN}"
        rf"|\b(?:tes|vos) jours sont comptes{_FR_THEN}"
        rf"|\b(?:je viens|j'viens|on vient|je vais venir|on va venir|je vais aller|on va aller) (?:te|vous) chercher"
        rf"{_FR_THEN}"
    )
    + ")"
    + _NO_OBJECT_AFTER,
)
"""Intimidation in French: "c'est mon dernier avertissement", "t'es prévenu", "ce serait dommage qu'il arrive
quelque chose à ta famille", "je t'attends à la sortie", "on se retrouvera", "tu ne verras rien venir", "dors que
d'un œil", "fais gaffe à toi", "tu vas le payer", "tes jours sont comptés", "je viens te chercher"; a place or a time
after it makes it everyday ("je viens te chercher à la gare", "on se retrouvera au café")."""
_FR_SUICIDE = _rule(r"pstfj", _rx(r"\b(?:pends toi|suicide toi|tue toi|flingue toi|jette toi sous un train)\b"))
_FR_KNOWN = _rule(
    r"jno",
    _rx(
        r"\b(?:je sais|on sait|nous savons|je connais|on connait) (?:ou (?:tu|vous) (?:habites|vis|dors|travailles"
        r"|habitez|vivez|dormez|travaillez)|ton adresse|votre adresse)\b"
    ),
)

_NEAR = 4
"""Words either side of a rule's trigger word where its companion word must stand (see :data:`_CUES`)."""
_EN_READER_WORDS = word_set("you u ya y yall yourself yourselves your ur yo")
_EN_FLESH_WORDS = word_set("throat neck head face skull brain brains leg legs arm arms knee knees teeth jaw guts eyes")
_EN_HARM_WORDS = word_set(
    "kill murder stab strangle choke behead decapitate slaughter butcher rape hang lynch gut skin torture slap punch",
    "hurt shoot burn cut end smack bash knife shank murk merk stomp beat whoop bullet find hunt",
)
"""Verbs of :data:`_EN_HARM` said to the reader or to a part of a body (and "bullet": "put a bullet in")."""
_EN_BODY_WORDS = _EN_FLESH_WORDS | word_set(
    "ass butt family kid kids children mother mom mum momma mama dad father wife husband girl girlfriend boyfriend",
    "son daughter sister brother dog cat house car",
)
_FR_FUTURES = "tuer buter egorger saigner crever tabasser frapper cogner bruler pendre violer etrangler trouver"
_FR_FUTURES += " retrouver"
_FR_HARM_WORDS = word_set(
    "tuer buter egorger saigner crever tabasser frapper cogner bruler pendre violer etrangler decapiter noyer achever",
    "massacrer defoncer demolir eclater exploser fumer enterrer defigurer lyncher poignarder flinguer casser peter",
    "planter peau portrait regler balle gorge couteau dents trouver retrouver ferai",
    *(f"{verb}ai {verb}a {verb}ons" for verb in _FR_FUTURES.split()),
)
_CUES: tuple[tuple[re.Pattern[str], frozenset[str], frozenset[str] | None], ...] = (
    (_EN_PROMISED, _EN_HARM_WORDS, _EN_READER_WORDS | _EN_FLESH_WORDS),
    (_EN_PROMISED, _EN_BODY_ONLY, _EN_BODY_WORDS),
    (_EN_PROMISED, word_set("fuck mess"), word_set("up")),
    (_EN_PROMISED, word_set("knock"), _EN_FLESH_WORDS | word_set("out")),
    (
        _EN_FORETOLD,
        word_set("die dead shot stabbed killed murdered raped jumped merked murked lynched hanged beheaded numbered"),
        word_set("you u ya your ur"),
    ),
    (_EN_WISHED, word_set("die dies dead shot stabbed killed murdered raped hanged cancer aids"), _EN_READER_WORDS),
    (_EN_WISHED, word_set("hit"), word_set("car truck bus train")),
    (_EN_WISHED, word_set("yourself"), word_set("should deserve need ought must")),
    (_EN_WISHED, word_set("fire hole ditch"), word_set("die")),
    (_EN_WISHED, word_set("bleach"), None),
    (_EN_SUICIDE, word_set("yourself"), word_set("kill hang shoot neck off")),
    (_EN_SUICIDE, word_set("kys"), None),
    (_EN_SUICIDE, word_set("die"), word_set("go")),
    (_EN_KNOWN, word_set("where"), word_set("know knows found find")),
    (_EN_WARNED, word_set("back"), word_set("watch")),
    (_EN_WARNED, word_set("eye"), word_set("sleep")),
    (_EN_WARNED, word_set("regret"), word_set("you u")),
    (_EN_WARNED, word_set("pay"), word_set("you u")),
    (_EN_WARNED, word_set("shame pity"), word_set("happened happen happens")),
    (_EN_WARNED, word_set("hope"), word_set("someone somebody some1")),
    (_EN_WARNED, word_set("coming"), word_set("what")),
    (
        _EN_WARNED,
        word_set("dies die shot stabbed killed murdered raped cancer aids rot rots burn burns"),
        word_set("hope"),
    ),
    (_EN_WARNED, word_set("hang string"), word_set("all up")),
    (_EN_WARNED, word_set("slap beating smack bullet punch"), word_set("need needs deserve deserves")),
    (_EN_WARNED, word_set("know"), word_set("who")),
    (_EN_WARNED, word_set("watching"), word_set("re are m am")),
    (_EN_WARNED, word_set("dead ditch river bag face feet morgue"), word_set("end wind found turn")),
    (_EN_WARNED, word_set("shot hanged lynched gassed exterminated strung killed"), word_set("be")),
    (_EN_WARNED, word_set("shoot hang kill lynch stab murder behead bullet string"), word_set("someone somebody")),
    (_EN_INTIMIDATION, word_set("warning"), word_set("last final only")),
    (_EN_INTIMIDATION, word_set("warned"), word_set("been yourself urself")),
    (_EN_INTIMIDATION, word_set("waiting"), word_set("outside when")),
    (_EN_INTIMIDATION, word_set("coming comin"), word_set("see for")),
    (_EN_INTIMIDATION, word_set("step back mouth"), word_set("watch")),
    (_EN_WARNED, word_set("car house home dog cat pet pets business shop store"), word_set("happened happen happens")),
    (_FR_PROMISED, _FR_HARM_WORDS, word_set("te t vous")),
    (_FR_INTIMIDATION, word_set("avertissement"), word_set("dernier ultime")),
    (_FR_INTIMIDATION, word_set("prevenu prevenue"), word_set("es t tes")),
    (_FR_INTIMIDATION, word_set("dommage bete"), word_set("arrive")),
    (_FR_INTIMIDATION, word_set("attends attend"), word_set("sortie dehors bas")),
    (_FR_INTIMIDATION, word_set("retrouvera reverra"), word_set("se")),
    (_FR_INTIMIDATION, word_set("venir"), word_set("verras verrez")),
    (_FR_INTIMIDATION, word_set("oeil oil"), word_set("dors dormez")),
    (_FR_INTIMIDATION, word_set("gaffe"), word_set("toi vous")),
    (_FR_INTIMIDATION, word_set("payer paieras payeras paierez payerez"), word_set("le")),
    (_FR_INTIMIDATION, word_set("comptes"), word_set("jours")),
    (_FR_INTIMIDATION, word_set("chercher"), word_set("viens vient venir aller")),
    (
        _FR_FORETOLD,
        word_set(
            "crever mourir souffrir payer passer creveras mourras paieras payeras creverez mourrez paierez mort morts",
            "morte tuer buter egorger defoncer violer tabasser planter fumer descendre lyncher poignarder flinguer",
        ),
        word_set("tu vous t"),
    ),
    (
        _FR_WISHED,
        word_set("creves crever crevent creviez meure meures mourir mouriez fasses pendre suicider tuer jeter"),
        word_set("tu vous te va vas allez"),
    ),
    (_FR_WISHED, word_set("creve crevez"), None),
    (_FR_SUICIDE, word_set("pends suicide tue flingue jette"), word_set("toi")),
    (
        _FR_KNOWN,
        word_set("habites vis dors travailles habitez vivez dormez travaillez adresse"),
        word_set("sait sais savons connais connait"),
    ),
)
"""When each rule is worth running: one of its trigger words, with one of its companion words within
:data:`_NEAR` words (None: the trigger alone). A rule is many regular expressions tried at every place of
the comment; this keeps that to the few comments where it can match."""
_BY_WORD: dict[str, list[tuple[re.Pattern[str], frozenset[str] | None]]] = {}
for _pattern, _words, _near in _CUES:
    for _word in _words:
        _BY_WORD.setdefault(_word, []).append((_pattern, _near))
TRIGGERS = frozenset(_BY_WORD)
"""Words one of which every threat holds (folded): a comment with none of them is not read further."""
_REPORTING = REPORTING | word_set(
    "threatened threatening threatens texted messaged replied menace menacait menacee menaces menacer repondu"
)
"""Verbs of speech, and of threatening: "he threatened her: I will find you" reports a threat."""
_CLAUSE_END = re.compile(r"[.!?\n]")
_SAID_NOT = re.compile(
    r"(?:\b(?:never|not|nobody|no one|noone|don'?t|didn'?t|won'?t|wouldn'?t|doesn'?t|isn'?t|wasn'?t|aren'?t)"
    r"[\s'-]+(?:[a-z]+[\s'-]+)?(?:say|says|saying|said|tell|tells|telling|told|suggest|suggests|suggesting|suggested"
    r"|claim|claims|claiming|claimed|mean|means|meaning|meant|imply|implying|implied|write|writing|wrote|written"
    r"|threaten|threatening|threatened)"
    r"|\b(?:jamais|pas|personne)[\s'-]+(?:[a-z]+[\s'-]+)?(?:dit|dis|dire|ecrit|ecris|ecrire|pretendu|menace)"
    r"|\b(?:dit|dis|dirais|dirai|ecrit|ecris|pretends) (?:pas|jamais|nulle part))"
    r"(?:[\s'-]+(?:you|u|anyone|anybody|him|her|them|that|que|qu))*[\s'-]*$"
)
"""A denied speech act of the speaker just before the words: "I'd never say you'll pay for this", "I'm not saying
you'll regret it", "je n'ai jamais dit que tu vas le payer", "je dis pas que…": the threat is mentioned, not made
(each rule's construction already leaves no room for a negation inside it: "you won't pay")."""
_BUT = re.compile(r"\b(?:but|mais|though|just saying)\b")
"""After a denied warning, what says it all the same: "I'm not saying you'll regret this, but…", "je dis pas que tu
vas le payer, mais…" (the "but" of a veiled threat)."""
_WORD = re.compile(r"[a-z0-9]+")
_YOUR = re.compile(r"(?:your|ur|yo)\W")
_LEAD = ".!?,;:\n \t"
"""What a rule that starts at a clause's beginning may match before the threat's first word."""


class Threat(NamedTuple):
    """A threat found in a comment: its words as written and their span."""

    text: str
    start: int
    end: int


def threats(text: str, found: list[str] | None = None) -> list[Threat]:
    """Return the threats the comment makes in its own voice, in order (``found``: its folded words, when known,
    as :func:`worker.abuse.features.words` gives them).

    Most comments hold none of the :data:`TRIGGERS` words and cost one set look-up.
    """
    found = words(text) if found is None else found
    if TRIGGERS.isdisjoint(found):
        return []
    rules = _worth_running(found)
    if not rules:
        return []
    folded = fold_text(text)
    quotes = quoted(folded)
    # Quotations with words around them are someone else's; a comment that only reposts one (with mentions, links
    # at most) makes it its own.
    spoken = quotes if quotes and words(blanked(folded, quotes)) else []
    spans = []
    for rule in rules:
        for match in rule.finditer(folded):
            start, end = match.span()
            start = end - len(folded[start:end].lstrip(_LEAD))
            if _made(folded, match, start, spoken) and not _everyday(text, folded, match):
                spans.append((start, end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):  # "j'espère que tu vas crever" holds "tu vas crever": one threat
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [Threat(text[a:b], a, b) for a, b in merged]


def _worth_running(found: list[str]) -> list[re.Pattern[str]]:
    """Return the rules whose trigger word stands in the comment with a companion word near it."""
    rules: list[re.Pattern[str]] = []
    for word in TRIGGERS.intersection(found):
        cues = [(rule, near) for rule, near in _BY_WORD[word] if rule not in rules]
        i = -1
        while cues:
            try:
                i = found.index(word, i + 1)  # list.index: the comment's words are not looped over in Python
            except ValueError:
                break
            around = found[max(0, i - _NEAR) : i + _NEAR + 1]
            for cue in [c for c in cues if c[1] is None or not c[1].isdisjoint(around)]:
                rules.append(cue[0])
                cues.remove(cue)
    return rules


def _made(folded: str, match: re.Match[str], start: int, spoken: Sequence[tuple[int, int]]) -> bool:
    """Tell whether the speaker makes the threat: not quoted, not reported, not asked, not said to be unsaid."""
    end = match.end()
    if any(a <= start and end <= b for a, b in spoken):
        return False
    clause_end = _CLAUSE_END.search(folded, end)
    if clause_end and folded[clause_end.start()] == "?":
        return False
    sentence_start = max(folded.rfind(c, 0, start) for c in ".!?\n") + 1
    denied = _SAID_NOT.search(folded, max(sentence_start, start - 60), start)
    if denied and not _BUT.search(folded, end, clause_end.start() if clause_end else len(folded)):
        return False
    return not reported(_WORD.findall(folded[sentence_start:start]), _REPORTING)


def _group(match: re.Match[str], *names: str) -> str | None:
    """Return the first of the named groups that the match set, else None."""
    groups = match.groupdict()
    return next((groups[n] for n in names if groups.get(n) is not None), None)


def _everyday(text: str, folded: str, match: re.Match[str]) -> bool:
    """Tell whether what follows the match (and the verb itself) makes it an everyday use of its words."""
    rule, after = match.re, folded[match.end() :]
    following = _WORD.findall(after[:40])
    verb = _group(match, "verb", "verb2")
    if _group(match, "find") is not None:  # "I will find you", not "find you a link", "te retrouver au café"
        ends = _FR_END.match(after) or _EN_DIE_TAIL.match(after)
        everyday = not (ends or following[:1] in (["and"], ["et"], ["wherever"], ["anywhere"], ["down"]))
    elif _group(match, "die", "die2", "die3", "die4", "die5", "die6") is not None:
        everyday = _idiomatic_death(rule, after)
    elif _group(match, "imperative") is not None:  # "crève !", not "crevé, je rentre"
        tail = _FR_IMPERATIVE_TAIL.match(after) and not _FR_DIE_NOT.match(after)
        everyday = text[match.end() - 1] in "éÉ" or not tail
    elif rule is _EN_SUICIDE:  # "kill yourself", not "don't kill yourself over it"
        negated = _EN_NOT_URGED.search(folded[max(0, match.start() - 30) : match.start()])
        everyday = bool(negated) or following[:1] in (["laughing"], ["trying"], ["over"])
    elif rule is _EN_PROMISED and verb:
        obj = re.split(r"[\s'-]+", _group(match, "object") or "")
        everyday = _everyday_english(verb.split()[0], obj[0] in _EN_READER, after)
    elif rule is _FR_PROMISED and verb:
        first = verb.split()[0]
        game = first in _FR_GAMES and following[:1] in (["a"], ["au"], ["aux"], ["en"], ["sur"], ["sous"])
        everyday = (first in _FR_PHRASE_ONLY and verb == first) or game
    else:
        everyday = False
    return everyday


def _idiomatic_death(rule: re.Pattern[str], after: str) -> bool:
    """Tell whether a death foretold or wished is an idiom ("die laughing", "crever de chaud", "die one day")."""
    if _FR_DIE_NOT.match(after) or _EN_DIE_NOT.match(after):
        return True
    if rule is _EN_FORETOLD or rule is _FR_FORETOLD:  # foretold: "you're gonna die", not "… die one day"
        return not (_EN_DIE_TAIL.match(after) or _FR_END.match(after) or _FR_DIE_TAIL.match(after))
    return False


def _everyday_english(verb: str, to_you: bool, after: str) -> bool:
    """Tell whether an English violent verb on a person is an everyday use ("shoot you an email")."""
    following = _WORD.findall(after[:40])
    nxt = following[0] if following else ""
    if _EN_IDIOM.match(after) or nxt in _EN_SECOND_OBJECT:
        return True
    if verb in _EN_GAMES and nxt in (_GAME_AFTER if to_you else ("at",)):
        return True  # "kick your ass at pool" is a game, "kick your teeth in" is not
    if verb == "beat" and to_you:  # "beat you" is a game unless "up", "to death", "to a pulp"
        everyday = not (nxt == "up" or following[:2] in (["to", "death"], ["to", "a"]))
    elif not to_you:  # "your throat", "his neck": the harm is named, unless the verb is no harm ("mess your hair up")
        everyday = verb in _EN_NOT_ON_BODY
    elif verb in _EN_BODY_ONLY:
        everyday = True
    elif verb in _EN_NEEDS:
        everyday = nxt not in _EN_NEEDS[verb]
    else:
        everyday = nxt in _EN_PARTICLES.get(verb, frozenset())
    return everyday
