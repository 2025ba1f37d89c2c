"""Sexual remarks aimed at a person, English and French, read as constructions of everyday words.

The model weighs words, and the words of a sexual remark are mostly everyday ones ("show", "send", "wearing",
"bonne", "poil") or ones health, news and fiction use too ("tits", "naked", "rape"). What makes the remark is who
it is aimed at, the reader, the author or a person in the article, and what it does with them:

- **the body as an object**: a sexual body part praised, called on or shown ("nice tits", "look at that ass",
  "show us your boobs", "get your kit off", "she should show more skin"; "beaux nichons", "montre tes seins",
  "elle devrait montrer plus de peau"), the person said to be for sex ("she's so fuckable", "t'es bonne",
  "la présentatrice est bonnasse") or to arouse the speaker ("she makes me hard", "tu me fais bander");
- **a proposition**: the speaker's wish to have sex with them ("I'd bang her", "I'd tap that", "je te prendrais
  bien", "j'aimerais te voir à poil"), to see them naked ("I'd love to see you naked", "à poil !"), a request
  for nudes ("send nudes", "envoie-moi des photos de toi nue"), "what are you wearing?", "sit on my face",
  "wanna fuck?", "suce-moi", "viens dans mon lit";
- **rape "jokes" and sexual contempt**: "she deserves to be raped", "she needs a good dicking", "she needs to get
  laid", "elle mérite de se faire violer", "une mal baisée", and a career said to be bought with sex ("she slept
  her way to the top", "elle a couché pour avoir le poste", "promotion canapé").

Not a remark: sex education, health, fiction, a compliment without sexual words ("she's beautiful", "sexy car",
"the photos were stunning"), and the same constructions quoted or reported ("the court heard he told her to send
nudes", "he wrote 'nice tits' under her photo": :mod:`worker.abuse.speech`, with the verbs a report of harassment
uses: asked, texted, messaged…) or denied in the words before them ("never send nudes to strangers", "ne montre
pas tes seins"). Each construction is narrow where its words are everyday: "nice rack" (a bike's), "great ass of
himself", "tu es bonne en maths", "je te prendrai à la gare", "chien à poil ras" are not read.

A remark found is a :class:`worker.abuse.frames.Frame` of kind ``sexual``: the check treats it as it treats the
frames (the English model's pull-down cancelled, the policy's ``frame`` share added, its span and category shown;
it never rejects by itself) and holds it by itself, as a threat: it scores at least the policy's ``sexual``.
Read on the comment folded (:func:`worker.profanity.normalise.fold_text`), whose
offsets are the comment's own; only a comment holding one of the anchor words is read by the patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from worker.abuse.frames import Frame
from worker.abuse.speech import REPORTING, quoted, reported, word_set
from worker.profanity.normalise import fold_text

KIND = "sexual"

# --- pieces, written on folded words with single spaces (each becomes any run of non-word characters)
_END = r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$))"
"""The clause ends here: punctuation, an emoji or the end of the comment, after spaces at most."""
_WANT = (
    "(?:i d|id|i would|i wanna|i want to|i d love to|i would love to|i d like to|i would like to|would love to"
    "|would like to|wanna|i d so|i would so|i d totally|i would totally|i d definitely|i would definitely"
    "|i d still|i would still|would still|would totally|would definitely|i d happily|i d gladly)"
)
"""The speaker's wish or readiness ("I'd", "I want to", "would totally"): not a plan or a threat ("I'll")."""
_OBJECT = "(?:her|him|you|u|ya)"
_BODY = "(?:tits|titties|titty|boobs|boobies|knockers|nipples|cleavage|bulge|pussy)"
_REAR = "(?:ass|arse|butt|booty|bum)"
_SEES = (
    "(?:naked|nude|undressed|topless|in (?:a |your |ur |her |some )?(?:bikini|thong|lingerie|panties|underwear"
    "|nothing|g string)|out of (?:those|that|your|ur|her|his) clothes|on (?:your|ur|her|his) knees|in my bed"
    "|into my bed|into bed)"
)
_WORK = "(?:job|role|part|promotion|position|seat|post|contract|show|gig)"
_SHE = "(?:she|he|you|u)"
_BONNE_AFTER = (
    r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$)|[^a-z0-9]+(?:toi|ma (?:belle|cherie)|meuf|hein|grave|de ouf|en vrai"
    r"|quand meme|sa mere|sur (?:cette|ta|la|ces|tes|les) (?:photo|photos|video))(?![a-z0-9]))"
)
"""What may follow "bonne" in "t'es bonne": the clause's end or a word of address ("t'es bonne toi"), not a field
("tu es bonne en maths", "bonne à rien", "bonne cuisinière")."""
_PERSON_FR = (
    "(?:journaliste|presentatrice|meuf|nana|fille|prof|ministre|deputee|chanteuse|actrice|blonde|brune|rousse"
    "|serveuse|voisine|miss|avocate|policiere|joueuse|autrice|auteure|animatrice|secretaire|infirmiere)"
)
_BOOBS_FR = "(?:seins|nichons|nibards|loches|lolos|miches|fesses|tetons|chatte|foufoune|bite|queue)"

_SOURCES: tuple[tuple[str, str, str, str], ...] = (
    # English: the speaker would have sex with them
    (
        "bang shag screw fuck smash rail plow plough motorboat grope undress spank finger tap hit",
        "iwd",
        rf"{_WANT} (?:bang|shag|fuck|smash|rail|plow|plough|motorboat|grope|undress|spank|finger) {_OBJECT}"
        r"(?! (?:up|over|off|around|away|out|in the|with)(?![a-z0-9]))"
        rf"|{_WANT} (?:bang|tap|hit|smash|screw) (?:her|him|that|dat|it){_END}",
        "",
    ),
    ("bend eat", "be", rf"bend {_OBJECT} over(?! backwards)|eat {_OBJECT} out(?! (?:of|at|for|on|tonight|in)\b)", ""),
    (
        "naked nude undressed topless bikini thong lingerie panties underwear nothing string clothes knees bed",
        "iwcshyu",
        rf"(?:{_WANT}|can t wait to|cant wait to) (?:see|watch|get|have) {_OBJECT} {_SEES}"
        rf"|{_SHE} (?:would|d|will) look (?:even |much |so |way )?(?:better|good|great|hot|hotter|sexier) (?:naked|nude"
        r"|topless|without (?:clothes|any clothes|her top|a top|that top|a bra|her bra)|in (?:a )?(?:bikini|thong"
        r"|lingerie|underwear|nothing))",
        "",
    ),
    # English: the body as an object
    (
        "tits titties titty boobs boobies knockers nipples cleavage bulge pussy kit top bra clothes panties knickers",
        "nghsjplmwfbcrtadk",
        rf"(?:nice|great|sweet|hot|sexy|perfect|juicy|lovely|amazing|massive|huge|big|perky|fantastic|gorgeous"
        r"|delicious|tasty|luscious|bouncy|what (?:nice|great|big|huge|a pair of)|nice pair of|great pair of"
        r"|look at (?:those|them|her|his|that|dem)|check out (?:those|them|her|his|that|dem)"
        r"|love (?:those|her|your|ur|them|dem)|show (?:us |me )?(?:your|ur|her|those|them|some|more|dem)"
        r"|flash (?:us |me )?(?:your|ur|her|those|them|some)"
        r"|(?:suck|lick|squeeze|grab|fondle|grope|motorboat|play with|bite) (?:those|them|her|your|ur|dem))"
        rf" {_BODY}|(?:get|got|getting|put|take|took|taking) (?:your|ur|her|them|those|the|dem) (?:tits|titties"
        r"|boobs|boobies|kit|top|bra|clothes|panties|knickers) (?:out|off)(?! (?:of|the)\b)",
        "my our",
    ),
    (
        "ass arse butt booty bum",
        "nhspjfglcad",
        r"(?:nice|hot|sexy|perfect|juicy|fine|great|amazing|lovely|look at (?:that|her|his|dat)"
        r"|check out (?:that|her|his|dat)|love (?:that|her|your|ur|dat)|show (?:us |me )?(?:your|ur|that|her|dat)"
        rf"|(?:grab|squeeze|spank|slap|grope|lick) (?:that|her|your|ur|dat)) {_REAR}"
        r"(?![^a-z0-9]*(?:kick|whoop|hat|load|backward|crack)|[^a-z0-9]+of(?![a-z0-9]))",
        "my our",
    ),
    (
        "tits titties boobs boobies knockers nipples ass arse butt booty cleavage bulge body legs",
        "yuhtd",
        rf"(?:your|ur|her|his|those|them|dem|that) (?:{_BODY[3:-1]}|{_REAR[3:-1]}|body|legs) (?:look|looks|looking|are"
        r"|is|re|s) (?:so |really |very |fucking |damn |soo+ )?(?:hot|sexy|fuckable|bangable|juicy|delicious|tasty"
        r"|bouncy|perky|lickable|edible)(?![a-z0-9])",
        "",
    ),
    (
        "skin cleavage flesh",
        "s",
        r"show (?:us |me )?(?:a (?:little |bit )?|a little bit )?(?:more|some) (?:skin|cleavage|flesh)",
        "that which to who dresses clothes outfits tops",
    ),
    (
        "fuckable bangable shaggable rapeable doable milf dilf smokeshow",
        "shyu",
        rf"{_SHE} (?:is|s|re|are|looks|look|looking) (?:so |very |totally |pretty |definitely |fucking |damn |such )?"
        r"(?:fuckable|bangable|shaggable|rapeable|doable|a milf|milf|a dilf|dilf|a smokeshow)(?![a-z0-9])",
        "",
    ),
    (
        "hard horny wet",
        "shyu",
        r"(?:she|he|you|u|her|his|your|ur) (?:[a-z]+ )?(?:makes|make|made|gets|get|got|getting) me"
        r" (?:so |really |rock |fucking |all )?(?:hard|horny|wet|rock hard)(?! (?:to|of|with|from|in|through|at)\b)",
        "",
    ),
    # English: propositions and requests
    (
        "nudes noods nude naked tit boob pics dick",
        "s",
        r"send (?:me |us )?(?:some |your |ur |more |a few |a |the )?(?:nudes|noods|naked (?:pics|photos|pictures"
        r"|selfies)|nude (?:pics|photos|pictures|selfies)|nude|tit (?:pics|photos)|boob (?:pics|photos)|dick pics?"
        r"|pics of (?:your|ur) (?:tits|boobs|body|ass|butt))(?![a-z0-9])",
        "to who that they people kids teens teenagers girls boys students women men which them children minors",
    ),
    (
        "wearing",
        "w",
        r"what (?:are|r|re) (?:you|u|ya) wearing(?=[^a-z0-9]*(?:[^a-z0-9\s']|$)|[^a-z0-9]+(?:right now|rn|now"
        r"|tonight|babe|baby|sexy|hun|under (?:there|that|it)|underneath)(?![a-z0-9]))",
        "",
    ),
    (
        "face dick cock balls knees",
        "srcbg",
        r"sit on my (?:face|dick|cock)|ride my (?:face|dick|cock)|suck my (?:dick|cock|balls)|(?:suck|blow) me off"
        r"|choke on my (?:dick|cock)|(?:get|go) on (?:your|ur) knees (?:for me|and suck)",
        "",
    ),
    (
        "fuck bang shag screw smash sex sleep hook naked pants knickers panties bed moan",
        "yushlwigm",
        r"(?:you|u|ya|she|he) (?:wanna|want to|wants to|down to) (?:fuck|bang|shag|screw|smash|have sex|sleep with me"
        r"|hook up with me|get naked)(?! (?:around|up|over|off|with (?:the|this|that|it))\b)"
        r"|(?:let s|lets) (?:fuck|bang|shag|have sex|get naked)(?! (?:around|up|over|off|it|this|that)\b)"
        r"|(?:i|we) (?:want|wanna|need|d like|would like|d love|would love) (?:to )?(?:have sex with|sleep with)"
        rf" {_OBJECT}|get (?:in|into) (?:your|ur|her|his) (?:pants|knickers|panties)"
        rf"|make {_OBJECT} (?:moan|scream my name|cum|squirt)",
        "",
    ),
    # English: rape "jokes" and sexual contempt
    (
        "raped rape raping fucking dicking pounding shagging railing seeing laid asking begging dick cock",
        "shyuttiwdagm",
        r"(?:she|he|you|u|her|him|that bitch|this bitch|the bitch) (?:really |just |clearly |obviously )?(?:needs"
        r"|need|deserves|deserve|deserved|wants|want|should|ought to|would enjoy|d enjoy|would like|d like"
        r"|would love|d love|is begging|s begging|was begging|is asking|s asking|was asking|re begging) (?:to )?"
        r"(?:be |get |getting |being )?(?:raped|gang raped|gangraped|a good (?:raping|fucking|dicking|pounding"
        r"|shagging|seeing to|railing)|some (?:dick|cock))(?![a-z0-9])"
        r"|(?:i d|id|i would|i wanna|i want to|someone should|somebody should|someone needs to) (?:[a-z]+ )?"
        rf"rape {_OBJECT}(?![a-z0-9])"
        r"|(?:she|you|u) (?:was|were|is|re|s|are) (?:totally |clearly |obviously |basically |just |practically |so )?"
        r"(?:asking|begging) for it (?:dressed|dressing|wearing|in (?:that|those|a))"
        r"|dressed like that (?:she|you) (?:was|were|is|are|re|s) (?:asking|begging) for it"
        r"|(?:she|he|you|u|the author|the writer|this (?:woman|girl|guy|lady|chick|author|writer)) (?:really |clearly"
        r" |just |obviously |desperately )?(?:needs|need|should|ought to|gotta) (?:to )?(?:get laid|get (?:some|a good)"
        r" (?:dick|cock)|get fucked|get railed)(?![a-z0-9])",
        "",
    ),
    (
        "slept sleeping sleeps sucked fucked blew screwed shagged knees back couch",
        "sfbgeo",
        r"(?:slept|sleeping|sleeps|sucked|fucked|blew|screwed|shagged) (?:her|his|their) way (?:to|up|into|onto)"
        r"|(?:slept|sleeping|sleeps|shagged|fucked|screwed) with (?:the|her|his|a|some) (?:[a-z]+ )?(?:boss|producer"
        r"|director|editor|manager|professor|prof|president|minister|ceo|chairman|coach|judge|teacher)"
        rf" (?:to get|for) (?:the|that|her|his|a) {_WORK}"
        rf"|(?:got|get|gets|earned) (?:the|that|her|his) {_WORK} (?:on (?:her|his) (?:knees|back)|on the casting"
        rf" couch|by sleeping|by blowing|by sucking)|on (?:her|his) knees for (?:the|that|her|his) {_WORK}",
        "who",
    ),
    # French: le corps comme objet
    (
        "bonne bonnasse baisable bandante chaudasse",
        "tqeluci",
        r"(?:t es|tu es|t etais|tu etais|que t es) (?:trop |grave |vraiment |tellement |super |bien |hyper"
        rf" |vachement )?bonne{_BONNE_AFTER}"
        r"|(?:t es|tu es|t etais|tu etais|elle est|elle etait|quelle|une|cette|la|il est) (?:trop |grave |vraiment"
        r" |tellement |super |bien |hyper |vachement )?(?:bonnasse|baisable|bandante|bandant|chaudasse)(?![a-z0-9])"
        rf"|elle est (?:trop |grave |vraiment |tellement |super |bien )?bonne (?:la|cette) {_PERSON_FR}"
        rf"|(?:la|cette) {_PERSON_FR} (?:est|etait) (?:trop |grave |vraiment |tellement |super |bien |hyper )?"
        rf"bonne{_BONNE_AFTER}",
        "",
    ),
    (
        "seins nichons nibards loches lolos miches cul boule fessier fesses nichon",
        "bjsqg",
        r"(?:beaux|jolis|sacres|belle paire de|quelle paire de|jolie paire de|belles|jolies|quels|quelles|gros)"
        r" (?:nichons|nibards|loches|lolos|miches|nichon)(?![a-z0-9])"
        r"|(?:beaux|jolis|sacres|belle paire de|quelle paire de|jolie paire de|belles|jolies|quels|quelles)"
        r" (?:seins|fesses)(?![a-z0-9])"
        r"|(?:beau|joli|bon|sacre) (?:cul|boule|fessier)(?![a-z0-9]|[^a-z0-9]+de(?![a-z0-9]))",
        "",
    ),
    (
        "montre montres montrez montrer",
        "mtei",
        rf"montre(?:s|z)? (?:nous |moi )?(?:tes|vos|ton|ta) {_BOOBS_FR}(?![a-z0-9])"
        r"|(?:montre(?:s|z)? (?:nous |moi )?|(?:elle|il|tu) (?:devrait|devrais|pourrait|pourrais|doit|dois) (?:nous )?"
        r"montrer )(?:(?:un peu )?plus de|davantage de) (?:peau|decollete|cuisses|seins|fesses|poitrine)"
        rf"|(?:elle|il|tu) (?:devrait|devrais|pourrait|pourrais|doit|dois) (?:nous )?montrer (?:ses|son|sa|tes|ton|ta)"
        rf" {_BOOBS_FR}(?![a-z0-9])",
        "",
    ),
    (
        "bander mouiller excite excites excitez",
        "tevmi",
        r"(?:tu|elle|il|vous) me (?:fais|fait|faites) (?:trop |grave |vraiment |tellement )?(?:bander|mouiller)"
        r"|(?:tu|elle|vous) m excite(?:s|z)?(?! (?:pas|plus|de|avec|sur)\b)",
        "",
    ),
    # French: propositions et demandes
    (
        "suce suces sucez sucer couche coucher ecarte ecarter casserole bureau canape",
        "svetipq",
        r"suce(?:s|z)? (?:moi|nous|ma (?:bite|queue|teub))(?![a-z0-9])|(?:viens|venez) (?:me |nous )?(?:la )?sucer"
        r"|(?:elle|il|tu) (?:a|as|aurait|aurais) (?:du |d |surement |forcement |bien |encore )?(?:sucer|suce|couche"
        r"|coucher|ecarte les cuisses|ecarter les cuisses|passe sous le bureau|passer sous le bureau"
        r"|passe a la casserole|passer a la casserole) (?:avec (?:[a-z]+ ){1,3})?pour (?:[a-z]+)"
        r"|promotion canape(?![^a-z0-9]*lit)|promue? (?:par|grace a|sur|via) (?:le|la|un) canape(?![^a-z0-9]*lit)"
        r"|(?:elle|il) est passee? (?:par|sur) (?:le|la) (?:canape(?![^a-z0-9]*lit)|casserole)",
        "",
    ),
    (
        "prendrais sauterais baiserais boufferais lecherais kenerais niquerais tringlerais ramonerais troncherais"
        " culbuterais baiserai baiser sauter tringler ramoner troncher culbuter deshabiller voir",
        "j",
        r"(?:je|j) (?:te|t|vous) (?:prendrais|sauterais|baiserais|boufferais|lecherais|kenerais|niquerais) bien"
        r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$)|[^a-z0-9]+(?:en levrette|par derriere|moi|ma (?:belle|cherie)))"
        r"|(?:je|j) (?:te|t|la|vous) (?:baiserais|baiserai|tringlerais|ramonerais|troncherais|culbuterais|kenerais)"
        r"(?![a-z0-9])"
        r"|(?:je|j) (?:veux|voudrais|aimerais|reve de|kifferais) (?:te|t|la|vous) (?:baiser|sauter|tringler|ramoner"
        r"|troncher|culbuter|deshabiller|prendre en levrette)(?![a-z0-9])",
        "",
    ),
    (
        "poil nue nues string lingerie culotte tenue vetements",
        "tlvmfeaj",
        r"(?:te|t|la|vous) (?:voir|verrais|verrait|verrai|imagine|imaginer|imaginerais|imagines|mettre|foutre)"
        r" (?:bien |volontiers |plutot |direct )?(?:a poil|toute nue|nue|nues|en string|en petite tenue|en lingerie"
        r"|en sous vetements|sans culotte)(?! (?:de|du|des|pour)\b)"
        r"|(?:mets|mettez|fous|foutez) (?:toi|vous) (?:a poil|nue|nues|toute nue)"
        r"|(?:elle|il|tu) (?:devrait|devrais|pourrait|pourrais|doit|dois) (?:se|te) (?:mettre|foutre) (?:a poil|nue"
        r"|toute nue)",
        "",
    ),
    ("poil", "a", rf"a poil(?:{_END}| (?:la|le|les) {_PERSON_FR})", "*"),
    (
        "nudes nude noods photo photos pics selfies",
        "e",
        r"envoie(?:s|z)? (?:moi |nous )?(?:des |tes |vos |une |quelques |d autres |plus de |ta |ton )?(?:nudes|nude"
        r"|noods|(?:photos?|pics|selfies?) (?:de toi |de vous )?(?:nue?s?|a poil|sexy|coquines?|hot|osees?"
        r"|de (?:tes|vos) (?:seins|fesses|nichons|cul)|en (?:sous vetements|lingerie|string|culotte|petite tenue)"
        r"|ma belle|ma jolie|bebe|cherie|poupee|ma puce|beaute))(?![a-z0-9])",
        "",
    ),
    (
        "baiser coucher niquer baise couche lit bouche figure face bite queue teub portes culotte string",
        "tvcoqagmals",
        r"(?:tu |vous |t )?(?:veux|voulez|veut) (?:baiser|coucher avec moi|niquer|qu on baise|qu on couche"
        r"|venir dans mon lit)(?![a-z0-9])"
        r"|(?:ca te dit|ca vous dit) (?:de |d )?(?:qu on )?(?:baiser|coucher|baise|couche)(?![a-z0-9])"
        r"|viens (?:dans mon lit|sur ma (?:bite|queue|teub|bouche|figure))"
        r"|(?:assieds|assois|asseyez|assoies) (?:toi |vous )?sur ma (?:bouche|figure|face|bite|queue|teub)"
        r"|(?:grimpe|monte) sur ma (?:bite|queue|teub)"
        r"|(?:tu portes|vous portez) (?:quoi|quelle culotte|quel string)(?: (?:sous|ce soir|en dessous))?"
        r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$))|qu est ce que tu portes(?: sous| ce soir| en dessous)?"
        r"(?=[^a-z0-9]*(?:[^a-z0-9\s']|$))",
        "",
    ),
    # French: viol « pour rire » et mépris sexuel
    (
        "violer violee viole violes tringler troncher ramoner bite queue baise baisee baisees baises",
        "etclbmaqo",
        r"(?:elle|il|tu|cette (?:conne|salope|pute|meuf|chienne)) (?:merite|merites|meriterait|meriterais"
        r"|aurait besoin|a besoin|as besoin|cherche|cherches|cherchait|demande|demandes|demandait|veut|veux"
        r"|voudrait) (?:de |d |qu on )?(?:se faire |te faire |etre |d etre |la |le |te |l )?(?:violer|violee|viole"
        r"|tringler|troncher|ramoner)(?![a-z0-9])"
        r"|(?:lui|te|leur) faut (?:un|une) (?:bon|bonne) (?:bite|queue|coup de bite|baise)"
        r"|(?:a|as|ont) besoin d (?:une|un) (?:bonne |bon )?(?:bite|queue|coup de bite|baise)(?![a-z0-9])"
        r"|mal baise(?:e|es|s)?(?![a-z0-9])",
        "",
    ),
)
"""(anchor words, first letters, pattern, words after which it is not read) of each reading: the pattern, written on
folded words with single spaces between them (see :func:`_compiled`), is tried only on a comment holding one of its
anchor words, only where one of its first letters stands; ``*`` in the last field: only at a sentence's start."""

_NEGATIONS = word_set(
    "not never no nobody don dont won wont wouldn wouldnt shouldn shouldnt didn didnt doesn doesnt couldn mustn",
    "isn aren wasn cannot stop quit avoid ne n jamais arrete arretez arreter evitez eviter",
)
"""A word among the three before a remark that denies or forbids it ("never send nudes", "ne montre pas…")."""
_REPORTS = REPORTING | word_set(
    "say asked asks asking demanded demanding texted messaged emailed whispered joked commented replied heard",
    "testified alleged allegedly accused claimed claims admitted told reportedly quoted catcalled catcalling",
    "comment comments remark remarks message messages messaging text texts catcall catcalls phrase phrases",
    "demande demandait demandant ecrivait envoye envoyait repondu repondait accuse accusee accusait temoigne",
    "raconte racontait remarque remarques commentaire commentaires message messages",
)
"""Speech and report: the words of someone else's remark ("he texted her 'send nudes'", "the court heard…")."""
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE = re.compile(r"[.!?\n]")


def _compiled(anchors: str, first: str, source: str, after: str) -> tuple[frozenset[str], re.Pattern[str], str]:
    """Return the reading's anchor words, pattern (each space of ``source`` made any run of characters that are not
    letters or digits, with word ends on both sides) and the words after which it is not read."""
    body = source.replace(" ", "[^a-z0-9]+")
    return word_set(anchors), re.compile(rf"(?=[{first}])(?<![a-z0-9])(?:{body})(?![a-z0-9])"), after


_READINGS = tuple(_compiled(*reading) for reading in _SOURCES)
ANCHORS = frozenset().union(*(anchors for anchors, _, _ in _READINGS))
"""Folded words one of which every reading holds: a comment with none of them is not read by the patterns."""


def sexual(text: str, found: Sequence[str]) -> list[Frame]:
    """Return the sexual remarks ``text`` aims at someone in its own voice, as frames of kind ``sexual``, one per
    reading that finds one (``found``: its folded words, :func:`worker.abuse.features.words`, to skip the patterns
    when it holds no anchor word)."""
    if ANCHORS.isdisjoint(found):  # most comments
        return []
    held = ANCHORS.intersection(found)
    chosen = [(pattern, after) for anchors, pattern, after in _READINGS if not anchors.isdisjoint(held)]
    folded = fold_text(text)
    quotes = quoted(folded)
    made = []
    for pattern, after in chosen:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if _aimed(folded, start, quotes, after):
                made.append(Frame(KIND, text[start:end], start, end))
                break
    return made


def _aimed(folded: str, start: int, quotes: Sequence[tuple[int, int]], after: str) -> bool:
    """Tell whether the remark starting at ``start`` is the speaker's: not quoted, reported, denied, nor after one
    of the words ``after`` ("*": anything before it in its sentence)."""
    if any(a <= start < b for a, b in quotes):
        return False
    sentence = max((m.end() for m in _SENTENCE.finditer(folded, 0, start)), default=0)
    before = _WORD.findall(folded, sentence, start)
    if not before:
        return True
    if after == "*" or (after and before[-1] in after.split()):
        return False
    near = before[-3:]
    if not _NEGATIONS.isdisjoint(near) or ("can", "t") in pairwise(near):
        return False
    return not reported(before, _REPORTS)
