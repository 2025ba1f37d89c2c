"""A price the writer paid: a buyer's amount, not a seller's.

Readers tell what things cost them ("I paid $35 for it", "the repair cost me 60 €", "j'ai payé 89 € mon
abonnement", "on a acheté la toiture 1 200 euros"); a seller names the price a reader would pay, and an
earnings scam the money a reader would make ("I earn $500 a day from home"). So when the writer says they
paid, bought or were charged, or put the money aside ("I put $100 a month into an index fund", "je mets 80 € par
mois sur un fonds"), and the comment's only money words are amounts (and "a month", which a bill
has too), those amounts weigh nothing: the ``money`` signal is dropped. Any word of earning, an offer, a
loan or a gift keeps it, and so does a link (a testimonial's "I paid 29 € for this box, it halves my bill:
<link>" points to where to pay it); every other signal stays: a recovery scam's "I paid $300 to a hacker,
call him" still has its number, its scam family and its vouching.

Money given back to the writer as a customer (cashback, a refund: "my card gave me $312 back"), the work a tradesman
did for them and its price ("le garage m'a changé l'embrayage pour 650 €"), what they ordered, and a loan they took
("our credit union gave us a car loan at 5.9% APR") are a customer's figures too, unless the writer vouches for
someone or gives a way to reach the lender.

What a thing costs, told as news or a comparison ("le nouveau iPhone coûte 1 229 €", "3,20 € contre 5,90 € en
pharmacie", "costs $25 at the hardware store instead of $40"), is a reader's figure too; a seller pitches it
("only", "ne coûte que", "à partir de", "order", "abonnez-vous") or gives a number or an address to buy it from,
and then the ``money`` signal stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from worker.spam.evidence import Signal
from worker.spam.hearsay import reaches
from worker.spam.job_done import billed
from worker.spam.phrases import compile_phrases, unjoined

# The writer (or their household) paying: the amounts are theirs as a buyer.
_PAID = compile_phrases(
    (
        "i paid", "we paid", "i pay", "we pay", "i spent", "we spent", "i bought", "we bought", "cost me",
        "costs me", "cost us", "costs us", "charged me", "charged us", "i was charged", "we were charged",
        "my bill", "our bill", "j ai paye", "on a paye", "nous avons paye", "je paie", "je paye", "on paie",
        "on paye", "nous payons", "m a coute", "nous a coute", "me coute", "nous coute", "j ai achete",
        "on a achete", "nous avons achete", "i ordered", "we ordered", "j ai commande", "on a commande",
        "nous avons commande", "j ai depense", "on a depense", "m a facture", "on m a facture",
        "ma facture", "notre facture",
        # the work done for the writer, and its price ("le garage m'a changé l'embrayage pour 650 €", "he fixed it
        # for $90"): a customer's bill
        "m a change", "m a repare", "m a remplace", "m a installe", "nous a change", "nous a repare",
        "nous a remplace", "nous a installe", "fixed it for", "fixed mine for", "did it for", "did the job for",
        "replaced it for", "repaired it for", "est venu chez nous", "est venu chez moi", "est passe chez nous",
        "est passe chez moi",
        # the writer's own thing serviced ("le réparateur l'a révisée pour 45 €", "il a révisé ma chaudière pour
        # 120 €"): a customer's bill too, told of the thing rather than of the writer
        "l a revise", "l a revisee", "l a repare", "l a reparee", "l a regle", "l a reglee", "l a debouche",
        "a revise ma", "a revise mon", "a repare ma", "a repare mon", "a debouche mon", "a debouche ma",
        # or putting it aside: the writer's own savings ("I put $100 a month into an index fund", "j'ai mis 200 €
        # sur mon livret A"), which a pitch of earnings tells with its returns
        "i put", "we put", "started putting", "i save", "we save", "i saved", "we saved", "i set aside",
        "j ai mis", "on a mis", "nous avons mis", "je mets", "on met", "je verse", "j ai verse", "on verse",
        "j epargne", "on epargne", "mis de cote", "je mets de cote",
        # or saved on a bill ("j'ai économisé 5 400 € sur mon assurance de prêt"): a customer's figure, which an
        # advert promises in the imperative ("économisez jusqu'à…")
        "j ai economise", "on a economise", "nous avons economise",
        # or a public benefit the writer was entitled to ("j'y avais droit : 180 € par mois"), which an advert
        # promises to the reader ("vous avez droit à…")
        "j y avais droit", "j y ai droit", "on y a droit", "on y avait droit", "nous y avions droit",
        "i was entitled to", "i m entitled to", "we were entitled to",
    )
)  # fmt: skip
# Money given back to the writer as a customer (cashback, a refund, a rebate: "my card gave me $312 back", "on m'a
# remboursé 40 €"): what they spent coming back, not money earned. Both a receiving in the first person and the word
# of money coming back are needed: "get $50 back" alone is an advert's.
_RECEIVED = compile_phrases(
    (
        "gave me", "gave us", "gives me", "gives us", "i got", "we got", "i get", "we get", "got me", "got us",
        "refunded me", "refunded us", "m a rembourse", "m ont rembourse", "nous a rembourse", "nous ont rembourse",
        "j ai ete rembourse", "j ai ete remboursee", "on a ete rembourses", "on m a rendu", "j ai recupere",
        "on a recupere",
        # a refund obtained for the writer, by them or by the consumers' association they wrote to ("ils ont obtenu le
        # remboursement de 240 €"): the word of money coming back is needed too
        "j ai obtenu", "on a obtenu", "nous avons obtenu", "ils ont obtenu", "elle a obtenu", "il a obtenu",
    )
)  # fmt: skip
_BACK = compile_phrases(
    (
        "back", "cashback", "cash back", "refund", "refunded", "rebate", "rebates", "rembourse", "remboursee",
        "rembourses", "remboursement", "rendu",
    )
)  # fmt: skip
# A loan the writer (or their household) took from a lender they name ("our credit union gave us a car loan at 5.9%",
# "la banque nous a accordé un prêt à 3,1 %"): a borrower's terms, not a lender's offer. A lender's testimonial gives
# a way to reach them, and then the ``money`` signal stays.
_BORROWED = compile_phrases(
    (
        "gave us a", "gave me a", "we got a", "i got a", "we took out", "i took out", "took out a", "our mortgage",
        "my mortgage", "our car loan", "my car loan", "my student loan", "our loan", "my loan", "nous a accorde",
        "m a accorde", "j ai obtenu", "on a obtenu", "nous avons obtenu", "j ai emprunte", "on a emprunte",
        "nous avons emprunte", "notre pret", "mon pret", "notre credit", "mon credit",
    )
)  # fmt: skip
_LOAN_WORDS = frozenset({"loan", "loans", "pret", "prets"})
# Words of :data:`_EARNED` that name no earnings: the writer's own loan by its possessive ("sur la durée de mon
# prêt", "our loan"), what they borrowed and not a loan offered; and France's internet operator Free named as the
# business a customer deals with ("un litige avec Free", "chez Free", "Free Mobile").
_NOT_EARNINGS = compile_phrases(
    (
        "my loan", "our loan", "my mortgage", "our mortgage", "mon pret", "notre pret", "mes prets", "nos prets",
        "mon credit", "notre credit", "avec free", "chez free", "de free", "par free", "free mobile", "freebox",
    )
)  # fmt: skip
# Money made, offered or given, which a buyer's amount does not say: an earnings, loan or giveaway pitch.
_EARNED = compile_phrases(
    (
        "earn", "earned", "earning", "earnings", "income", "profit", "profits", "returns", "make money", "made $#",
        "per day", "a day", "a week", "per week", "from home", "loan", "loans", "invest", "investment", "free",
        "gagne", "gagner", "gagnez", "revenu", "revenus", "benefice", "benefices", "rapporte", "par jour",
        "par semaine", "pret", "prets", "investir", "placement", "gratuit", "gratuitement",
    )
)  # fmt: skip
# What a thing costs, told as news or a comparison ("le nouveau iPhone coûte 1 229 €", "Netflix passe à 13,49 €",
# "the same shampoo is $3.20 at the supermarket"): a reader's figures, unless pitched as a bargain ("only costs",
# "ne coûte que", "à partir de") or with a way to buy (a link, a number, an address).
_COSTS = compile_phrases(
    (
        "costs", "cost", "is priced at", "went up to", "goes up to", "rose to", "is now", "coute", "coutent",
        "passe a", "passent a", "est a", "sont a", "augmente", "a augmente", "est passe a", "est passee a",
        "contre", "au lieu de", "instead of", "compared to",
    )
)  # fmt: skip
_PITCH = compile_phrases(
    (
        "only", "just", "starting at", "from only", "as low as", "ne coute que", "ne coutent que", "seulement",
        "a partir de", "pour seulement", "offre", "offer", "promo", "deal", "deals", "order", "buy", "commandez",
        "commander", "achetez", "abonnez", "subscribe", "sign up",
    )
)  # fmt: skip
_AMOUNT = re.compile(r"^(?:[$€£]\s?\d+|\d+\s?[$€£])$")
_PERIODS = frozenset({"per month", "par mois"})
"""Money phrases a bill has too ("$35 a month", "13,49 par mois"): a buyer's when the writer says they pay."""


def pitched(text: str) -> bool:
    """Tell whether unjoined folded text pitches a price as a bargain or asks to buy ("only", "ne coûte que",
    "à partir de", "commandez")."""
    return _PITCH.search(text) is not None


def amounts_only(signal: Signal) -> bool:
    """Tell whether a ``money`` signal's phrases are amounts alone (and the periods a bill has)."""
    phrases = signal.evidence.get("phrases")
    if not isinstance(phrases, list) or not phrases:
        return False
    return all(isinstance(p, str) and (_AMOUNT.match(p) is not None or p in _PERIODS) for p in phrases)


def _received_back(text: str) -> bool:
    """Tell whether unjoined folded text tells of money given back to the writer (cashback, a refund, a rebate), and
    vouches for nobody ("thanks to Dr X I got $4,000 back": a recovery testimonial)."""
    return _RECEIVED.search(text) is not None and _BACK.search(text) is not None and not reaches(text)


def _borrowed(money: Signal, signals: list[Signal], text: str) -> bool:
    """Tell whether ``money`` is a loan the writer says they took, its amounts and rate, with no way to reach the
    lender and no other money word."""
    phrases = money.evidence.get("phrases")
    if not isinstance(phrases, list) or not any(p in _LOAN_WORDS for p in phrases):
        return False
    if not all(isinstance(p, str) and (p in _LOAN_WORDS or _AMOUNT.match(p) or p in _PERIODS) for p in phrases):
        return False
    if any(s.name == "contact" for s in signals) or reaches(text):
        return False
    return _BORROWED.search(text) is not None


def _buyers_amounts(signals: list[Signal], text: str) -> bool:
    """Tell whether the amounts of unjoined folded text are a buyer's: paid, given back, or a cost told as news."""
    # the loan's own words blanked, when the text holds them (a look at its words: most texts do not)
    kept = _NOT_EARNINGS.pattern.sub(" ", text) if _NOT_EARNINGS.search(text) is not None else text
    if _EARNED.search(kept) is not None:
        return False
    if _PAID.search(text) is not None or _received_back(text) or billed(text):
        return True
    if _COSTS.search(text) is None or _PITCH.search(text) is not None:
        return False
    return not any(s.name == "contact" for s in signals)  # a price with a number or an address to buy it from


def weigh(signals: list[Signal], folded: str, links: Iterable[str]) -> list[Signal]:
    """Return ``signals`` without ``money`` when its phrases are amounts the writer says they paid or got back, what
    a thing costs told as news or a comparison (no bargain pitched, no number or address to buy from), or a loan
    they took, and no link (``links``: the names of the link signals) shows where to pay them."""
    money = next((s for s in signals if s.name == "money"), None)
    if money is None:
        return signals
    named = frozenset(links)
    if any(s.name in named for s in signals):
        return signals
    text = unjoined(folded)
    buyers = _buyers_amounts(signals, text) if amounts_only(money) else _borrowed(money, signals, text)
    return [s for s in signals if s is not money] if buyers else signals
