"""A topic talked about by a person, or a thing offered: what a topic alone weighs.

Money, crypto, pills, bets or porn with no other sign of spam (no link, contact, call to action, trade phrasing)
weigh half (:func:`worker.spam.score.topics_alone`): a spammer must give a way to buy, yet ad copy alone (a product's
name as a title, "streaming VF gratuit", "you can get free codes") still pitches something. A reader talking about
the topic pitches nothing: they speak as themselves ("I", "my brother", "je", "ma banque"), give an opinion ("I
think", "à mon avis", "should"), ask, or warn ("it's a scam", "méfiez-vous"). Ad copy has nobody speaking, or
speaks to the reader of an offer: a thing to get ("you can get", "vous pouvez gagner", "get your free…"), free and a
thing ("free gift codes", "films gratuits"), money made, won or guaranteed, an app or a platform, or an order to buy,
try or download. So when a person talks and nothing is offered, the topics alone weigh nothing; otherwise they keep
their share. A warning may quote an offer ("a platform that guaranteed 30% a month, a scam") and is still talk; but
the trade's own turn is never a warning's, even a fake one's: the writer's earnings ("I trade with X and make $900 a
week"), a way to reach someone or a vouching (:func:`worker.spam.hearsay.reaches`), money recovered by someone
(:func:`worker.spam.lesson.recovered`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from worker.spam.evidence import Signal
from worker.spam.hearsay import reaches
from worker.spam.lesson import recovered
from worker.spam.phrases import unjoined
from worker.spam.warning import warns

# The writer speaking as themselves (first person singular: a household's or a story's "we" is a firm's too), in
# folded text: "j'" and "m'" by their apostrophe, as a lone letter is an initial, a size or a unit.
_PERSON = re.compile(r"(?<!\w)(?:(?:i|me|my|myself|je|moi|mon|ma|mes)(?!\w)|[jm]['’](?=\w))")
# A question asked: a mark after a word, not one standing for a lost character ("-?3 per week").
_QUESTION = re.compile(r"\w ?\?(?!\w)")
# An opinion, a warning, a doubt: what a person says of a topic, never what ad copy says of its product.
_OPINION = re.compile(
    r"(?<!\w)(?:i think|think|believe|opinion|imho|imo|should|shouldn t|beware|scam|scams|ripoff|rip off|at least|"
    r"pense|crois|mon avis|devrait|devraient|faudrait|mefiez|arnaque|arnaques|escroquerie|au moins)(?!\w)"
)
# An offer made to the reader: a thing to get, free and a thing, an order to buy, try or download.
_OFFER = re.compile(
    r"(?<!\w)(?:"
    r"you (?:can|could|will|ll|may) (?:now |also |easily )?(?:get|earn|make|win|receive|claim|buy|order|download|watch|"
    r"stream|enjoy|try)|"
    r"get (?:your|a|an|the) (?:own |first )?free|free (?:gift|trial|sample|download|codes?|cards?|bonus|spins?|"
    r"vouchers?|ringtones?|streaming|access|shipping|delivery|membership|ebook|account|subscribers|followers|likes|"
    r"views|coins|robux|iphone|cash)|for free|100 ?% free|"
    r"(?:vous pouvez|vous pourrez|tu peux|tu pourras) (?:maintenant |aussi |facilement )?(?:obtenir|gagner|recevoir|"
    r"commander|acheter|telecharger|regarder|profiter|essayer)|"
    # a thing and "gratuit" after it ("abonnés gratuits", "streaming VF gratuit"), not a thing said to be free
    r"(?!(?:est|sont|etait|etaient|reste|restent|devient|soit|sera|seront|serait|tout|completement|totalement)\s)"
    r"\w{2,} (?:complets? )?gratuite?s?|gratuit et|gratuitement et|sans inscription|"
    # money made: an earnings testimonial's, which speaks as a person of the money a reader would make
    r"earn|earns|earned|earning|earnings|income|profits?|make money|made \$?\d|per day|a day|per week|from home|"
    r"gagne|gagner|gagnez|revenus?|par jour|par semaine|depuis chez|"
    # winnings, a pill without its prescription, a price pitched low, returns guaranteed
    r"won|win|wins|winning|winnings|jackpot|remporte|gains|without (?:a )?prescription|no prescription|"
    r"sans ordonnance|cheap|cheapest|discount|pas cher|moins cher|lowest price|best price|meilleur prix|guaranteed|"
    r"garanti|garantie|garantis|doubled|double your|"
    # a product pitched by what it is: an app, a platform, a bot
    r"app|apps|appli|application|platform|platforms|plateforme|plateformes|bot|bots|"
    # the trade's calls: text or reply with a word, to a number
    r"(?:text|txt|reply|send) \w+ to|"
    r"(?:buy|order|try|download|claim|grab|shop|achetez|commandez|essayez|telechargez|profitez|gagnez|obtenez)"
    r" (?:now|today|it|yours|here|maintenant|aujourd hui|des maintenant|ici|le|la|les|votre|vos|your)"
    r")(?!\w)"
)

# The writer's own earnings, told in the first person: the testimonial's, never a warning's (a warning tells a loss).
_EARNS = re.compile(
    r"(?<!\w)(?:(?:i|we|and) (?:now |easily |already )?"
    r"(?:make|made|earn|earned|profit|profited|got|get|receive|received) "
    r"(?:over |about |around |up to |at least )?[$\u00a3\u20ac]? ?\d|"
    r"(?:je|j|nous|on) (?:ai |a |avons )?(?:gagne|gagnons|touche|touchons|empoche)(?:\s+\w+){0,2} \d)"
)


def talked(folded: str) -> bool:
    """Tell whether folded text is a person talking (as themselves, an opinion, a question, a warning) with nothing
    offered to the reader."""
    text = unjoined(folded)
    if reaches(text) or recovered(text) or _EARNS.search(text) is not None:
        return False  # the trade's own turn, which a fake warning ends on ("…I trade with X and make $900 a week")
    if _OFFER.search(text) is not None and not warns(folded):
        return False  # an offer, unless a warning quotes it
    return _QUESTION.search(text) is not None or _PERSON.search(folded) is not None or _OPINION.search(text) is not None


def weigh(signals: list[Signal], folded: str, topics: frozenset[str], quiet: frozenset[str]) -> list[Signal]:
    """Return ``signals``, its ``topics`` weighing nothing when a person talks of them, nothing is offered and every
    other signal is ``quiet`` (style: nothing sold)."""
    if not any(s.weight > 0 and s.name in topics for s in signals):
        return signals
    if any(s.weight > 0 and s.name not in topics | quiet for s in signals) or not talked(folded):
        return signals
    return [replace(s, weight=0.0) if s.name in topics else s for s in signals]
