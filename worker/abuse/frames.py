"""Frames: insults (English and French), harassment and dehumanising hate made of everyday words, read as constructions.

The model weighs words, and the English model (:mod:`worker.abuse.english`) weighs swearing: "I'll keep posting
until you leave", "everyone go to her profile", "they are vermin" hold neither, and the English model's low score
pulls them down. (Threats in everyday words, "you'll regret this", "I know where you live", are the threat finder's:
:mod:`worker.abuse.threats`.) A frame here is one of:

- **harassment**: pursuit promised until the reader gives up ("I'll keep replying until you leave"), new
  accounts against blocking ("I'll just make another account"), no escape ("you can't hide from me"), a crowd
  sent at someone's accounts ("everyone go to her Instagram", "flood his inbox"), an address or number given out
  or found ("her address is 14…", "here's his number", "I've got your address");
- **insult**: a put-down said of the reader that ends its clause ("you are a child", "you're completely clueless",
  "y'all are spineless", "you sound like a toddler", "what a clown you are"): words that are everyday elsewhere
  ("a child of the eighties", "useless at parking", "a joke teller", "you're a troll?" asks); in French too ("t'es
  qu'un minable", "vous êtes une honte", "pitoyable que vous êtes", "bande de guignols", "espèce de bouffon"; not "un
  score minable", "une bande de gamins");
- **dehumanising hate**: a group said to be vermin, a disease or not human ("they are parasites", "those people
  are a plague"), to breed like animals, or to be wiped out.

Not a frame when quoted or reported ("she read out 'watch your back'", "saying immigrants are vermin is…": the
words are someone else's) nor denied ("refugees aren't parasites": the construction leaves no room for "not").
A frame found makes the check take the English model's log-odds as no lower than 0 (absent swearing says nothing
about these) and add the policy's ``frame`` share; it names the category and is shown as evidence, with its span.
Read on the comment folded (:func:`worker.profanity.normalise.fold_text`), whose offsets are the comment's own;
only a comment holding one of the frames' anchor words is read by their patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from worker.abuse.speech import REPORTING, quoted, reported, word_set
from worker.profanity.normalise import fold_text

_YOU = "(?:you|u)"
_YOUR = "(?:your|ur)"
_I_WILL = "(?:i ll|ill|i will|i m going to|im going to|i am going to|i m gonna|im gonna|we ll|we will)"
_ACCOUNTS = "(?:account|accounts|username|usernames|profile|profiles|name|names)"
_PAGES = (
    "(?:profile|page|account|instagram|facebook|twitter|tiktok|photos|pictures|feed|inbox|mentions|dms|blog|channel"
    "|number|email)"
)
_VERMIN = (
    "(?:animals|vermin|parasites|cockroaches|roaches|rats|insects|locusts|leeches|savages|subhuman|sub human"
    "|subhumans|filth|scum|apes|a plague|a disease|a virus|a cancer|a tumour|a tumor|an infestation|a lower race"
    "|a lesser breed|not human|not even human|less than human|human trash|human garbage|human rubbish)"
)
_GROUP = "(?:they|them|these|those|all|every|the lot of them)"
_PUT_DOWNS = (
    "child baby toddler joke clown disgrace embarrassment failure waste troll parasite leech fraud phony phoney sheep"
    " simpleton halfwit dimwit nitwit nobody shill snowflake crybaby brat muppet weasel snake trash garbage rubbish"
    " filth scum worm lowlife degenerate creep coward parrot puppet"
)
"""Nouns that insult the reader they are said of ("you are a child", "you're trash"), everyday words elsewhere."""
_PUT_DOWN_NOUNS = _PUT_DOWNS.replace(" ", "|").replace("|waste|", "|waste of (?:space|oxygen|air|skin)|")
_PUT_DOWN_ADJECTIVES = (
    "clueless brainless delusional deluded pathetic worthless useless hopeless spineless gutless dense ignorant"
    " brainwashed unhinged deranged despicable pitiful laughable insufferable childish gullible illiterate"
)
"""Adjectives that insult the reader they are said of ("you're clueless"), everyday words elsewhere."""
_PUT_DOWN_WORDS = f"{_PUT_DOWNS} {_PUT_DOWN_ADJECTIVES}"
_READER_IS = (
    "(?:you are|you re|youre|you r|u r|ur|y all are|y all|yall are|yall|you guys are|you lot are|you people are)"
)
_BEFORE_PUT_DOWN = (
    "(?:(?:just|such|so|really|truly|clearly|obviously|completely|totally|utterly|absolutely|honestly|seriously"
    "|nothing but|nothing more than|a|an|the|one|complete|total|typical|utter|absolute|little|sad|real|proper"
    "|walking|still|only|always|literally|actually|very|pretty|quite|all) ){0,4}"
)
_RABAIS = (
    "minable minables pitoyable pitoyables pathetique pathetiques clown clowns guignol guignols bouffon bouffons pantin"
    " pantins mouton moutons parasite parasites rigolo rigolos tocard tocards incapable incapables ignorant ignorante"
    " ignorants lache laches vipere pourriture pourritures dechet dechets plaie tache naze nazes boulet girouette vendu"
    " vendue vendus psychopathe cingle cinglee tare taree tares honte"
)
"""French put-downs said of the reader ("t'es qu'un minable", "vous êtes une honte", "pitoyable que vous êtes") or of
a crowd ("bande de guignols"), everyday words elsewhere ("un score minable", "une tache sur la nappe")."""
_RABAIS_CHILD = "gamin gamine gamins bebe"
"""Put-downs said of the reader only: "bande de gamins" is as often a group of children."""
_FR_READER_IS = "(?:t es|tu es|tes|vous etes)"
_FR_BEFORE = (
    "(?:(?:vraiment|juste|qu un|qu une|qu|rien qu un|rien qu une|un|une|des|tellement|trop|completement|totalement"
    "|grave|sale|pauvre|gros|grosse|petit|petite|sacre|sacree|vrai|vraie|franchement|bien) ){0,3}"
)
_CLAUSE_ENDS = (
    r"(?=\s*(?:[.!,;:)\n\"»]|$|(?:and|lol|haha|lmao|who|because|but|mate|pal|buddy|dude|bro|et|va|mdr|ptdr)"
    r"(?![a-z0-9])))"
)
"""Where a put-down must end its clause: "you are a child of the eighties", "you're useless at parking" or "you are
a joke teller" describe, and a question ("you're a troll?") asks."""

_ACCOUNT_WORDS = "account accounts username usernames profile profiles name names"
_ENDS = r"(?=\s*(?:[.!;:)\n\"»]|,\s*(?:just|so|now|go|get|and|not|you|u|mate|pal|buddy|love|sweetheart)\b|$))"
"""Where a line aimed at the reader ends (its punctuation, the comment's end, or a comma before an order or a name of
address): "nobody wants you here to fail" and "back to the kitchen to check the oven" go on."""
_ADDRESS = "(?:woman|love|sweetheart|sweetie|darling|hun|honey|luv|little lady|lady|girl|sweetcheeks)"
_ORDER_START = (
    r"(?:^|(?<=[.!?,;:\n])\s*)(?:(?:just|now|so|then|please|pls|and|you should|u should|why don t you) ){0,2}"
)
"""Where an order to the reader starts: the start of a clause, a softener or two before it."""
_TARGETS = (
    "(?:immigrants|migrants|refugees|asylum seekers|muslims|moslems|jews|blacks|mexicans|foreigners|illegals|gays"
    "|trans people|gypsies|roma|travellers|arabs|africans|asians|these people|those people)"
)
"""Groups hate names, as it names them ("they" alone is as often politicians, bankers or a football club's owners)."""
_TARGET_WORDS = (
    "immigrants migrants refugees seekers muslims moslems jews blacks mexicans foreigners illegals gays trans gypsies"
    " roma travellers arabs africans asians people"
)
_CRIMES = (
    "(?:criminals|rapists|terrorists|thieves|paedophiles|pedophiles|murderers|drug dealers|groomers|scroungers"
    "|invaders|savages|freeloaders|leeches)"
)
_CRIME_WORDS = (
    "criminals rapists terrorists thieves paedophiles pedophiles murderers dealers groomers scroungers invaders"
    " savages freeloaders leeches"
)
_HOMES = (
    "(?:where (?:you|u|they) came from|where (?:you|u|they) belong|(?:to )?(?:your|ur|their) (?:own )?(?:country"
    "|countries|homeland|homelands|land|continent|jungle|desert|cave|caves|village|shithole|shithole country)"
    "|to (?:africa|mexico|pakistan|india|china|syria|somalia|the middle east|the desert|the jungle))"
)
_DENIED = frozenset({"no", "not", "never", "isn", "aren", "myth", "nobody", "noone"})
"""A word just before a hate frame, in its clause, that denies it: "there is no migrant invasion", "not all
immigrants are…"."""
_VERMIN_WORDS = (
    "animals vermin parasites cockroaches roaches rats insects locusts leeches savages subhuman sub subhumans filth"
    " scum apes plague disease virus cancer tumour tumor infestation lower lesser human"
)
_SOURCES: tuple[tuple[str, str, str, str], ...] = (
    (
        "insult",
        _PUT_DOWN_WORDS,
        "yuw",
        rf"{_READER_IS} {_BEFORE_PUT_DOWN}(?:{_PUT_DOWN_NOUNS}|{_PUT_DOWN_ADJECTIVES.replace(' ', '|')}){_CLAUSE_ENDS}"
        r"|(?:you are|you re|youre|you r|u r) (?:a |an |such a |such an |an absolute |a complete |a total )?"
        r"(?:disgrace|embarrassment|discredit) to (?:your|the|this|our|all|every) (?:[a-z]+ ){0,2}"
        r"(?:profession|journalism|paper|newspaper|trade|country|humanity|human race|site|species|party|family)"
        rf"{_CLAUSE_ENDS}"
        rf"|(?:you|u) (?:sound|act|write|talk|behave|argue|post|type) like (?:a|an|some) (?:[a-z]+ ){{0,2}}"
        rf"(?:{_PUT_DOWN_NOUNS}){_CLAUSE_ENDS}|what an? (?:[a-z]+ )?(?:{_PUT_DOWN_NOUNS}) (?:you|u) are",
    ),
    (
        "insult",
        f"{_RABAIS} {_RABAIS_CHILD}",
        "tvebmpcgrilnhdso",
        rf"{_FR_READER_IS} {_FR_BEFORE}(?:{_RABAIS.replace(' ', '|')}|{_RABAIS_CHILD.replace(' ', '|')}){_CLAUSE_ENDS}"
        rf"|(?:{_RABAIS.replace(' ', '|')}) que (?:tu es|t es|vous etes|tu fais|vous faites)"
        rf"|(?:espece|bande) (?:de|d) (?:gros |sales? |petits? |vieux )?(?:{_RABAIS.replace(' ', '|')})",
    ),
    ("harassment", "address", "iw", rf"(?:i|we) (?:ve|have) (?:got|found) (?:{_YOUR}|her|his) (?:home )?address"),
    ("harassment", "until", "iw", rf"{_I_WILL} keep (?:[a-z0-9]+ ){{1,6}}until (?:you|u|she|he|her|him)"),
    (
        "harassment",
        _ACCOUNT_WORDS,
        "iw",
        rf"{_I_WILL} (?:just|always|simply) (?:make|create|open) (?:a |another )?(?:new|another|fresh|different)"
        rf" {_ACCOUNTS}|{_I_WILL} (?:just |always )?(?:come|be) back with (?:a |another )?(?:new|fresh|different)"
        rf" {_ACCOUNTS}",
    ),
    (
        "harassment",
        _ACCOUNT_WORDS,
        "k",
        rf"keep (?:coming back|making) (?:[a-z0-9]+ ){{0,2}}(?:new |fresh |other )?{_ACCOUNTS}",
    ),
    (
        "harassment",
        "rid escape hide find",
        "ci",
        rf"can t (?:get rid of|escape|hide from) me|i (?:will )?always find {_YOU}",
    ),
    (
        "harassment",
        "everyone everybody guys folks yall y let lets",
        "egfyl",
        r"(?:everyone|everybody|guys|folks|y all|yall|let s all|lets all) (?:[a-z0-9]+ ){0,3}"
        rf"(?:go|pop|head|hop|get|send|flood|report) (?:[a-z0-9]+ ){{0,3}}(?:her|his|their) (?:[a-z0-9]+ )?{_PAGES}",
    ),
    (
        "harassment",
        "flood spam fill bombard swamp",
        "fsb",
        r"(?:flood|spam|fill|bombard|swamp) (?:her|his|their) (?:inbox|mentions|dms|phone|page|email)",
    ),
    (
        "harassment",
        "address number email phone",
        "h",
        r"(?:her|his) (?:home |work |mobile |phone )?(?:address|number) is (?:[a-z]+ ){0,2}[0-9]+"
        r"|here s (?:her|his) (?:home |work |real )?(?:address|number|email|phone)",
    ),
    (
        "harassment",
        "wants likes needs welcome",
        "nyu",
        rf"(?:nobody|no one|noone) (?:here |on here |around here )?(?:wants|likes|needs) {_YOU}"
        rf"(?: (?:here|around|around here|on here|on this (?:site|thread|board|forum|page)))?{_ENDS}"
        rf"|{_READER_IS} not welcome (?:here|on this (?:site|thread|board|forum|page)){_ENDS}",
    ),
    (
        "harassment",
        "favour favor cares",
        "dn",
        r"do (?:us|everyone|everybody|the world|the rest of us|humanity) (?:all )?a favou?r and (?:(?:disappear|die"
        rf"|leave|go away|quit|retire|shut up|log off|get lost|jump|stop writing|stop posting|resign){_ENDS}"
        r"|never (?:write|post|comment|come back|return|show your face))"
        r"|(?:nobody|no one|noone) (?:here )?cares (?:what|about what) (?:you|u) (?:think|say|write|believe|reckon)"
        rf"{_ENDS}",
    ),
    (
        "harassment",
        "kitchen sandwich",
        "gbwsgfym.!?,;:\n",
        rf"{_ORDER_START}(?:go |get )?back (?:to|in|into) (?:the|your|ur) kitchen"
        rf"(?: (?:where (?:you|u|women|she) belongs?|{_ADDRESS}))?{_ENDS}"
        rf"|(?:women|woman|girls|females|she|you|u) (?:belongs?|should stay|should be) in the kitchen{_ENDS}"
        rf"|{_ORDER_START}(?:go |now )?make me a sandwich(?: {_ADDRESS})?{_ENDS}",
    ),
    (
        "harassment",
        "sure fired sacked struck",
        "iw",
        rf"{_I_WILL} make sure (?:that )?(?:everyone|everybody|the whole (?:world|internet|town|street|country|site)"
        r"|all your (?:[a-z]+ )?|your (?:boss|employer|editor|family|wife|husband|kids|neighbours|neighbors|friends"
        r"|colleagues|readers)) (?:knows?|finds? out|hears?|sees?|reads?) (?:what (?:you|u) (?:did|wrote|said|posted"
        rf"|are|really are)|who (?:you|u) (?:are|really are)|where (?:you|u) live){_ENDS}"
        rf"|{_I_WILL} (?:get|have) {_YOU} (?:fired|sacked|struck off)",
    ),
    (
        "hate",
        "deport deported expel expelled back",
        "dekstaw",
        r"(?:deport|expel) (?:them|em|these people|those people) all|(?:deport|expel) (?:all of them|the lot of them"
        r"|the lot|every last one of them|every one of them)"
        rf"|(?:send|ship|kick|throw) (?:them|em|these people|those people) (?:all )?(?:back|out) {_HOMES}"
        r"|(?:they|them|these people|those people|all|every) (?:[a-z0-9]+ ){0,3}(?:should|must|need to|ought to)"
        r" all be (?:deported|sent back|shipped back|expelled)",
    ),
    (
        "hate",
        "back",
        "gjnpaytwsm.!?,;:\n",
        rf"{_ORDER_START}go back {_HOMES}{_ENDS}"
        rf"|(?:they|these people|those people|{_TARGETS}) (?:should|must|need to|ought to|can) (?:all )?go back"
        rf" {_HOMES}{_ENDS}",
    ),
    (
        "hate",
        f"invasion invading hordes horde swarms swarm {_CRIME_WORDS}",
        "imrafjbgtlpsech",
        rf"{_TARGETS} (?:are|re) (?:an |a )?(?:invasion|invading|invaders)|(?:migrant|muslim|islamic|immigrant"
        r"|refugee|foreign) invasion|invasion of (?:migrants|immigrants|refugees|muslims|foreigners|illegals)"
        rf"|{_TARGETS} (?:are|re) (?:all|mostly|nothing but|just) (?:[a-z]+ )?{_CRIMES}"
        r"|(?:hordes|horde|swarms|swarm) of (?:migrants|immigrants|refugees|muslims|foreigners|illegals|asylum seekers)"
        rf"|(?:every|each) (?:single |last )?one of (?:them|those people|these people) is an? (?:[a-z]+ )?"
        r"(?:criminal|rapist|terrorist|thief|paedophile|pedophile|murderer|drug dealer|groomer|scrounger|invader)",
    ),
    (
        "hate",
        "taking swarming infesting overrunning outbreeding replacing belong",
        "tieamrfjbgaslpd",
        rf"(?:they|{_TARGETS}) (?:are |re )?(?:taking over|swarming|infesting|overrunning|outbreeding|replacing)"
        r" (?:(?:into|across|all over) )?(?:our (?:[a-z]+ )?(?:country|countries|towns|cities|streets|schools"
        r"|neighbourhoods|neighborhoods|land|nation|culture|women)|this country|white people|europe|britain|america"
        rf"|england|france|us{_ENDS})"
        rf"|{_TARGETS} (?:don t|do not|dont) belong (?:here|in (?:this|our|a civilised|a civilized|any) (?:[a-z]+ )?"
        rf"(?:country|countries|society|nation|town|city)){_ENDS}",
    ),
    (
        "hate",
        _VERMIN_WORDS,
        "tae",
        rf"{_GROUP} (?:[a-z0-9]+ ){{0,3}}(?:are|re|is) (?:just |nothing but |all |like |literally )?{_VERMIN}",
    ),
    (
        "hate",
        "breed exterminated wiped eradicated gassed sterilised sterilized cleansed purged",
        "btae",
        rf"breed like (?:rats|rabbits|cockroaches|flies|vermin)|{_GROUP} (?:[a-z0-9]+ ){{0,3}}(?:should|must|need to"
        r"|ought to|deserve to) (?:all )?be (?:exterminated|wiped out|eradicated|gassed|sterilised|sterilized"
        r"|cleansed|purged)",
    ),
)
"""(kind, anchor words, first letters, pattern) of each frame: the pattern, written on folded words with single
spaces between them (see :func:`_compiled`), is tried only on a comment holding one of its anchor words, and only
where one of its first letters stands (the engine skips to the next such place at once)."""


class Frame(NamedTuple):
    """A frame found in a comment: its kind (``harassment`` or ``hate``), its text and its span as written."""

    kind: str
    text: str
    start: int
    end: int


def _compiled(kind: str, anchors: str, first: str, source: str) -> tuple[str, frozenset[str], re.Pattern[str]]:
    """Return the frame's kind, anchor words and pattern, each space of ``source`` made any run of characters that
    are not letters or digits ("you'll" is "you ll"), with word ends on both sides."""
    body = source.replace(" ", "[^a-z0-9]+")
    return kind, word_set(anchors), re.compile(rf"(?=[{first}])(?<![a-z0-9])(?:{body})(?![a-z0-9])")


_FRAMES = tuple(_compiled(*frame) for frame in _SOURCES)
ANCHORS = frozenset().union(*(anchors for _, anchors, _ in _FRAMES))
"""Folded words one of which every frame holds: a comment with none of them is not read by the patterns."""
_WORD = re.compile(r"[a-z0-9]+")
_CLAIMED = REPORTING | word_set("claim claims claimed idea notion myth lie lies narrative trope rhetoric theory")
"""Verbs and nouns of speech, and the nouns that put a claim at a distance: "the claim that migrants are taking over
our towns is false", "the myth that they breed like rabbits"."""


def frames(text: str, found: Sequence[str]) -> list[Frame]:
    """Return the frames ``text`` makes in its own voice, in the order of :data:`_SOURCES` (``found``: its folded
    words, :func:`worker.abuse.features.words`, to skip the patterns when it holds no anchor word)."""
    if ANCHORS.isdisjoint(found):  # most comments
        return []
    held = ANCHORS.intersection(found)
    chosen = [(kind, pattern) for kind, anchors, pattern in _FRAMES if not anchors.isdisjoint(held)]
    folded = fold_text(text)
    made = []
    for kind, pattern in chosen:
        match = pattern.search(folded)
        if match is None:
            continue
        start, end = match.span()
        before = _WORD.findall(folded, 0, start)
        if any(a <= start < b for a, b in quoted(folded)) or reported(before, _CLAIMED):
            continue
        if kind == "hate" and _denied(folded, start):
            continue
        made.append(Frame(kind, text[start:end], start, end))
    return made


def _denied(folded: str, start: int) -> bool:
    """Tell whether one of the two words before ``start``, in its clause, denies what follows ("there is no migrant
    invasion", "not all immigrants are…"; not "they're not people, they're savages")."""
    clause = max(folded.rfind(c, 0, start) for c in ".!?,;:\n") + 1
    return not _DENIED.isdisjoint(_WORD.findall(folded, clause, start)[-2:])
