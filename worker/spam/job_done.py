"""A job done for the writer and what it cost them: a customer's bill, not a tradesman's price list.

Readers who pass on their plumber's, florist's or electrician's number tell what was done and what it cost ("he
fixed my leaking stopcock for £60", "il a réparé ma fuite pour 80 €", "le fleuriste a fait toutes les fleurs du
mariage pour 450 €", "he rewired our house for a fair price") or what the booking came to ("j'ai appelé le …, c'était
10 € l'heure"): a job past, told with its doer's verb in the past and the sum right after "for" or "pour". A seller
prices the jobs to come ("all jobs from £30", "dépannage à partir de 49 €", "for only £60") in the present or the
imperative, which this reading never matches.
"""

from __future__ import annotations

import re

_AMOUNT = r"(?:[$€£]\s?\d[\d.,]*(?:\s?k)?|\d[\d.,]*(?:\s\d{3})*\s?(?:[$€£]|euros?|pounds?|dollars?|quid|k\b))"
_FAIR = (
    r"(?:a (?:fair|good|decent|reasonable|very fair|very reasonable) price"
    r"|un (?:prix|tarif) (?:honnete|correct|raisonnable|tres correct|tres honnete))"
)
# What a healer, a marabout or a "credit repair" man claims to have mended: a life, a couple, a score, no one's thing.
_NOT_A_THING = (
    r"(?!\s*(?:\w+\s+)?(?:couple|mariage|marriage|relationship|relation|vie|life|credit|mari|husband|wife|femme|foyer|"
    r"chance|luck|love|amour|heart|coeur|ex|family|famille|boyfriend|girlfriend|score|debts?|dettes?|account|compte|"
    r"problems?|probleme|problemes|souci|soucis|issues?)\b)"
)
# The doer's past: an auxiliary with a tradesman's verb ("il a réparé", "ils nous ont refait", "he fixed"), or the
# preterite of English after its doer or before the writer's thing ("rewired our kitchen", "fitted the boiler").
_DONE_FR = (
    r"(?:a|ont|avait|avaient|m a|nous a|m ont|nous ont)\s+"
    r"(?:repare|reparee|refait|refaite|fait|pose|posee|installe|installee|change|changee|remplace|remplacee|"
    r"debouche|revise|revisee|repeint|repeinte|carrele|cable|depanne|livre|livree|monte|montee|taille|elague|"
    r"ramone|entretenu|nettoye|soude|isole|vidange|raccorde)"
    rf"{_NOT_A_THING}"
)
_DONE_EN = (
    r"(?:fixed|repaired|rewired|replaced|fitted|installed|serviced|unblocked|mended|plastered|tiled|painted|"
    r"redid|did|sorted|cleaned|swept|pruned|delivered|rebuilt|re ?roofed|re ?plumbed|re ?tiled)"
    r"\s+(?:my|our|the|his|her|all|both|a|an|it|mine|us|me|everything|them)\b"
    rf"{_NOT_A_THING}"
)
_BILLED = re.compile(
    rf"(?<!\w)(?:{_DONE_FR}|{_DONE_EN})(?:\W+\w+){{0,10}}?\W+(?:for|pour)\s+(?:{_AMOUNT}|{_FAIR})"
    # what the writer got a thing for ("j'ai eu un Meursault à 35 €", "we got ours for £40")
    rf"|(?<!\w)(?:j ai eu|on a eu|nous avons eu|i got|we got)(?:\W+\w+){{0,6}}?\W+(?:a|pour|for|at)\s+(?:{_AMOUNT})"
    # what the booking or the bill came to, told in the past ("c'était 10 € l'heure", "it came to £80")
    rf"|(?<!\w)(?:c etait|ca m a fait|ca nous a fait|ca nous est revenu a|it was|it came to|came to|the bill was)\s+"
    rf"(?:{_AMOUNT})"
)
# The jobs' doer who counts as served: a craft's verb with its doer's past and the writer's thing, with or without a
# sum ("he fixed my leaking stopcock", "il a réparé ma fuite", "le magasin m'a réparé mon moulinet"). "Fait" and
# "changé" are left to the bill: a healer "a fait revenir" a partner and "changed my life".
_WORKED = re.compile(
    r"(?<!\w)(?:(?:he|she|they|who)\s+"
    r"(?:fixed|repaired|rewired|replaced|fitted|installed|serviced|unblocked|mended|plastered|tiled|painted|"
    rf"redid|rebuilt)\s+(?:my|our|the|all|both|it|everything)(?!\w){_NOT_A_THING}"
    r"|(?:il|elle|ils|elles|qui|m|nous)\s+(?:m |nous )?(?:a|ont)\s+"
    r"(?:repare|reparee|refait|refaite|pose|posee|installe|installee|remplace|remplacee|debouche|revise|revisee|"
    r"repeint|repeinte|carrele|cable|depanne|ramone|raccorde|regle|reglee|recousu|recousue|ajuste|ajustee)\s+"
    r"(?:ma|mon|mes|notre|nos|la|le|les|l|toute|tout|tous))"
    rf"(?!\w){_NOT_A_THING}"
)


def billed(text: str) -> bool:
    """Tell whether unjoined folded text tells of a job done for the writer with what it cost them, or what their
    booking came to, in the past."""
    return _BILLED.search(text) is not None


def worked(text: str) -> bool:
    """Tell whether unjoined folded text tells of a tradesman's job done on the writer's thing, in the past."""
    return _WORKED.search(text) is not None or billed(text)


def without_bill(text: str) -> str:
    """Return unjoined folded text without its job's bill, so that its price words read as no seller's."""
    return _BILLED.sub(" ", text)
