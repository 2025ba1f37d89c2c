"""A phone number that a reader passes on: a public service's or someone else's, not the writer's own line.

Readers give numbers to help each other ("the poison control line is 1-800-…", "le centre antipoison répond
au 01 40 …"); sellers give theirs to be called. A seller's trade shows around the number: a call to action,
a brand's support line, a trade, a scam family's words, a link, an address or an app to write to, "call us",
a premium-rate number (the call itself pays), a number written so that filters miss it, a testimonial
vouching for whoever answers ("I recommend him", "grâce à lui"), offers and prices. A lone number with none
of that, in a sentence of its own, is set aside: no ``contact`` signal, and the classifier's features of the
number (:data:`~worker.spam.features.PHONE_WORD`) weigh nothing. The spam check keeps the number when the
words around it would be held on their own (:meth:`worker.checks.spam.SpamCheck.check`).

An email address passed on the same way is set aside the same way (a guesthouse or a shelter with no website, a
club's secretary: "you book by writing to …@…"), unless the writer gives it as their own ("email me", "écrivez-moi"):
a seller's address is theirs, a reader passes on someone else's.
"""

from __future__ import annotations

import math
import re
from dataclasses import replace

from worker.spam.body_address import own_domain_address
from worker.spam.classifier import Weighing
from worker.spam.commerce import SUPPORTED_BRANDS
from worker.spam.evidence import Signal
from worker.spam.features import EMAIL_WORD, PHONE_WORD, is_link_feature
from worker.spam.helpline import MONEY_GIVEN, free_words_only
from worker.spam.job_done import without_bill, worked
from worker.spam.local_shop import local_pharmacy
from worker.spam.paid import amounts_only, pitched
from worker.spam.phones import find_phones, written_plainly
from worker.spam.phrases import compile_phrases, tokens, unjoined
from worker.spam.signals import STYLE_SIGNALS
from worker.spam.testimonial import PRACTITIONERS
from worker.spam.warning import names_the_scams_messenger, refuses, warns, without_messengers
from worker.text import fold

MIN_WORDS = 10
"""Words (of letters) a comment needs besides its number to pass it on: a sentence, not an advert or a title."""

# The writer speaking for a business ("our experts", "call us", "notre équipe", "contactez-nous") or selling
# ("latest offers", "best price", "prix cassés"): a number given so is a seller's line. A seller's "we" is a
# business's, told by what it offers or who answers ("we fix", "our technicians", "nous proposons"); a reader's
# is their household's ("we called them", "our county", "nous avons appelé"), which passes numbers on too.
_SELLER = compile_phrases(
    (
        "our team", "our experts", "our expert", "our technicians", "our agents", "our staff", "our company",
        "our services", "our service", "our number", "our line", "our helpline", "our hotline", "our office",
        "our shop", "our store", "our customers", "our clients", "our website", "our site", "our prices",
        "our products", "our offer", "our offers", "our specialists", "our engineers", "our support",
        "our professionals", "our agency", "we offer", "we provide", "we fix", "we repair", "we sell", "we deliver",
        "we guarantee", "we specialise", "we specialize", "we are available", "we re available", "we are experts",
        "we are the", "we re the", "we will fix", "we ll fix", "we can fix", "we buy", "we install",
        "call us", "contact us", "reach us", "text us", "email us", "write to us", "notre equipe", "nos equipes",
        "nos experts", "notre expert", "nos techniciens", "nos conseillers", "notre societe", "notre entreprise",
        "notre service", "nos services", "notre numero", "notre ligne", "notre standard", "notre boutique",
        "notre magasin", "notre site", "nos prix", "nos produits", "nos clients", "notre agence", "notre cabinet",
        "nos offres", "notre offre", "nos specialistes", "nous proposons", "nous offrons", "nous reparons",
        "nous vendons", "nous livrons", "nous garantissons", "nous sommes disponibles", "nous sommes des",
        "nous sommes specialises", "nous intervenons", "nous depannons", "nous rachetons", "nous achetons",
        "nous installons", "nous contacter", "contactez nous", "appelez nous", "joignez nous", "ecrivez nous",
        "offer", "offers", "price", "prices", "deals", "discount", "for sale", "buy", "order now", "cheap", "promo",
        "offre", "offres", "prix", "promotion", "remise", "soldes", "pas cher", "tarif", "tarifs", "devis",
        # cheapness as a superlative ("le réparateur le moins cher de Paris", "the cheapest in town")
        "le moins cher", "la moins chere", "les moins chers", "les moins cheres", "the cheapest",
        "commandez", "achetez",
        # work offered: the job scam's ad ("we are hiring, send your CV to …", "recrute en télétravail")
        "hiring", "recruiting", "send your cv", "send your resume", "apply now", "recrute", "recrutons",
        "recrutement", "envoyez votre cv", "envoyez vos cv", "postulez",
    )
)  # fmt: skip
# A buyer's offer ("we put in an offer", "on a fait une offre"): a reader buying a house, whose agent's or notary's
# number follows, not a seller's "offer". A seller asks for one ("make an offer", "faites une offre") or makes it
# ("nous vous faisons une offre"), which stay the seller's.
_BUYER_OFFER = compile_phrases(
    (
        "put in an offer", "put an offer in", "put an offer on", "made an offer", "offer was accepted",
        "offer was rejected", "offer was refused", "offer has been accepted", "offer got accepted", "fait une offre",
        "offre a ete acceptee", "offre a ete refusee", "offre acceptee",
    )
)  # fmt: skip
# A customer's verdict on the bill once the work is done ("n'a pas abusé sur le prix", "devis respecté au centime",
# "didn't overcharge us"): the price and the quote of a job past, which a seller's "prix" and "devis gratuit" pitch.
_BILL_KEPT = compile_phrases(
    (
        "pas abuse sur le prix", "pas abuse sur les prix", "devis respecte", "devis a ete respecte",
        "a respecte le devis", "a respecte son devis", "ont respecte le devis", "didn t overcharge",
        "did not overcharge",
        "never overcharged", "stuck to the quote", "stuck to his quote", "stuck to their quote",
        # the price the job was told it would cost, and kept ("a réparé la chaudière au prix annoncé", "charged what he
        # quoted"), and the other quotes it beat ("moitié moins que les autres devis")
        "au prix annonce", "au prix convenu", "au prix prevu", "prix annonce", "what he quoted", "what she quoted",
        "what they quoted", "les autres devis", "deux autres devis", "other quotes", "the other quotes",
    )
)  # fmt: skip
# Volunteers sought ("la banque alimentaire recrute des bénévoles", "recruiting volunteers"): no work offered for pay,
# which a job scam's "recrute" is; the hiring word goes, whatever else is said stays.
_VOLUNTEERS_SOUGHT = compile_phrases(
    (
        "recrute des benevoles", "recrutent des benevoles", "recrutons des benevoles", "recrute des volontaires",
        "recrutement de benevoles", "recruiting volunteers", "hiring volunteers",
    )
)  # fmt: skip
# A testimonial vouching for whoever answers the number: the trade of marabouts, "recovery experts" and lenders. A
# reader recommends their plumber or garage too, and tells what was done for them ("je recommande notre plombier, il
# est passé le soir même"): the vouching goes with that number unless the trade named is a testimonial's (a healer,
# a hacker, a lender, a "doctor" or "Mr" bringing money or a partner back), which the spammer's clients vouch for.
_VOUCHING = compile_phrases(
    (
        "recommend", "recommended", "thanks to", "he helped", "she helped", "they helped", "contact him",
        "contact her", "recommande", "recommandee", "grace a lui", "grace a elle", "grace a eux", "contactez le",
        "contactez la", "il m a aide", "il m a aidee", "elle m a aide", "elle m a aidee",
    )
)  # fmt: skip


# A public service named as the number's owner: an emergency, a poison centre, an embassy, a charity, a child's
# or a victim's line, a town's or a state's office. Its number is passed on with "call" and "helpline" too,
# which a seller's line also has, so there a call to action and a support line's words go with the number;
# so do "free" and "gratuit", which a public line is; what else the comment says stays.
_PUBLIC_SERVICE = compile_phrases(
    (
        "poison control", "poison centre", "poison center", "poisons centre", "embassy", "consulate", "charity",
        "emergency services", "ambulance", "police", "fire brigade", "samaritans", "crisis line", "suicide",
        "child protection", "victim support", "debt advice", "citizens advice", "town hall", "city hall",
        "the council", "council s", "county council", "city council", "tourist office", "tourist information",
        # the councils readers call their own ("our local council", "the parish council") and their leisure centres
        "local council", "parish council", "town council", "district council", "borough council", "leisure centre",
        "visitor centre", "visitor center", "public library", "the library", "school office", "post office",
        "centre antipoison", "centre anti poison", "antipoison", "ambassade", "consulat", "association", "samu",
        "pompiers", "gendarmerie", "enfance en danger", "aide aux victimes", "mairie", "hotel de ville",
        "prefecture", "sous prefecture", "communaute de communes", "communaute d agglomeration",
        "conseil departemental", "conseil regional", "office de tourisme", "syndicat d initiative", "mediatheque",
        "bibliotheque", "maison de quartier", "centre social", "banque de france", "sos amitie",
        "secretariat du college", "secretariat de l ecole", "secretariat du lycee",
        # a town's own services, which lend and host for free ("la ludothèque municipale prête les jeux gratuitement")
        "municipal", "municipale", "municipaux", "ludotheque",
        # the charities that feed, clothe and house, whose volunteers' coordinators readers pass on
        "food bank", "food banks", "red cross", "salvation army", "restos du coeur", "restos du cœur",
        "secours populaire", "secours catholique", "croix rouge", "banque alimentaire", "emmaus",
        # the federations of anglers and sports, public-interest bodies that issue permits and licences
        "federation de peche", "federation departementale", "federation francaise", "aappma",
        # the water and gas networks' public lines, free to call for a leak in the street
        "water board", "gas emergency", "national grid", "service des eaux", "regie des eaux",
        "compagnie des eaux", "syndicat des eaux", "urgence gaz", "urgence securite gaz", "enedis", "grdf",
    )
)  # fmt: skip
# A neighbourhood's notice: an animal or a thing lost or found, a fête, a club's or a choir's sign-up, volunteers or
# a carpool wanted. Its organiser's or its owner's number is given to be called ("if you see her please call …",
# "inscriptions auprès de Martine au …", "appelez Pierre au …"), so the call goes with the number; a seller's line
# has its trade around it, a marabout's or a lender's fake client vouches for the trade (:data:`_VOUCHED_TRADES`).
_LOST_OR_FOUND = compile_phrases(
    (
        "lost", "missing", "found", "last seen", "went missing", "has gone missing", "straying", "perdu", "perdue",
        "perdus", "perdues", "trouve", "trouvee", "trouves", "disparu", "disparue", "egare", "egaree", "vu pour la",
        "vue pour la",
    )
)  # fmt: skip
_LOST_THING = compile_phrases(
    (
        "dog", "cat", "puppy", "kitten", "tabby", "collie", "terrier", "spaniel", "labrador", "tortoise", "parrot",
        "rabbit", "budgie", "ferret", "horse", "pony", "microchipped", "collar", "keys", "key", "wallet", "purse",
        "handbag", "backpack", "glasses", "ring", "bracelet", "necklace", "phone", "bike", "teddy", "scarf",
        "passport", "chien", "chienne", "chat", "chatte", "chiot", "chaton", "tigre", "tortue", "perroquet",
        "lapin", "furet", "cheval", "poney", "puce", "tatoue", "collier", "cles", "trousseau", "portefeuille",
        "porte monnaie", "sac", "sac a dos", "lunettes", "bague", "alliance", "gourmette", "telephone", "velo",
        "doudou", "peluche", "echarpe", "passeport",
    )
)  # fmt: skip
_GATHERING = compile_phrases(
    (
        "school fete", "summer fete", "village fete", "the fete", "jumble sale", "car boot", "bake sale", "raffle",
        "tombola", "fundraiser", "bring and buy", "street party", "open day", "quiz night", "choir", "rehearsal",
        "rehearsals", "volunteers", "volunteer", "carpool", "car pool", "lift share", "residents association",
        "residents association", "neighbourhood watch", "neighborhood watch", "pta", "sign up", "signing up",
        "vide grenier", "vide greniers", "brocante", "kermesse", "fete de l ecole", "fete du village",
        "fete de quartier", "fete des voisins", "comite des fetes", "loto", "concours de belote", "chorale",
        "repetition", "repetitions", "benevoles", "benevole", "covoiturage", "amicale", "portes ouvertes",
        "inscriptions", "inscription", "s inscrire", "vous inscrire", "inscrivez vous", "repas des anciens",
        "conseil de quartier", "comite de quartier", "parents d eleves", "apel", "battue",
        # a town's free show, fair or ceremony, told with where to ask ("renseignements au …")
        "concert", "concerts", "carol service", "christmas market", "craft fair", "summer fair", "parade",
        "public meeting", "remembrance", "fanfare", "spectacle", "exposition", "marche de noel", "fete de la musique",
        "forum des associations", "reunion publique", "ceremonie", "commemoration", "bal populaire", "feu d artifice",
        # a free class for the neighbourhood, in a hall or a park ("cours de yoga gratuit à la salle des fêtes")
        "yoga class", "yoga classes", "tai chi", "qi gong", "gym douce", "cours de yoga", "cours de gym",
        "cours de danse", "salle des fetes", "salle polyvalente", "village hall", "church hall", "community centre",
        "community center", "open to all", "everyone welcome", "ouvert a tous", "ouvert a toutes",
        # a club taking newcomers, whose first session is free to try ("le club accueille les nouveaux, premier essai
        # gratuit, appelez Jean-Paul au …")
        "accueille les nouveaux", "nouveaux adherents", "nouveaux membres", "debutants bienvenus", "premier essai",
        "seance d essai", "new members", "beginners welcome", "taster session", "come and try",
        # an amateur club named as the number's owner ("le club d'astronomie organise des soirées, appelez Gérard au …")
        "le club", "du club", "au club", "un club", "club de", "club d", "the club", "club secretary", "clubhouse",
    )
)  # fmt: skip


# What a club's or a choir's members pay to belong ("cotisation 40 € l'année", "8 € l'entrée", "membership £20 a
# year"): dues told in its notice, not a price pitched. A seller's words (:data:`_SELLER`) still keep the number.
_DUES = compile_phrases(
    (
        "cotisation", "cotisations", "adhesion", "l entree", "entree libre", "participation aux frais",
        "membership", "subs", "annual fee", "par an", "l annee", "par saison", "la saison", "a year", "per year",
    )
)  # fmt: skip


def _dues(folded: str, signals: list[Signal]) -> frozenset[str]:
    """Return ``{"money"}`` when a notice's money is amounts alone told as its members' dues, else nothing."""
    if _DUES.search(folded) is None or not any(s.name == "money" and amounts_only(s) for s in signals):
        return frozenset()
    return frozenset({"money"})


def notice(folded: str) -> bool:
    """Tell whether unjoined folded text is a neighbourhood's notice: a thing or an animal lost or found, a
    gathering, its sign-up or its volunteers (none of the trades whose fake clients vouch for them named)."""
    if _VOUCHED_TRADES.search(folded) is not None:
        return False
    lost = _LOST_OR_FOUND.search(folded) is not None and _LOST_THING.search(folded) is not None
    return lost or _GATHERING.search(folded) is not None


PASSING_ON = frozenset({"call_to_action", "support_line"})
"""Signals of a number given to be called, set aside with it when a public service is named as its owner."""
QUOTED_BAIT = frozenset({"call_to_action", "support_line", "brand_support"})
"""Signals of what a scam's message said ("call Microsoft support at…"), set aside with its number in a warning."""
# The writer telling how the business served them: a customer's account ("ring them, they came at midnight", "it
# worked for us", "je les ai appelés, ils m'ont remboursé"), whose call to action goes with the number. An advert
# speaks of what the reader will get; the support scam's fake customers ("I called HP support at…, they fixed
# it") keep their support line's words, which a customer passing on a shop's or a vet's number has no need of.
_SERVED = compile_phrases(
    (
        "i called", "i rang", "i phoned", "we called", "we rang", "we phoned", "worked for us", "worked for me",
        "they fixed", "refunded me", "refunded us", "rebooked me", "rebooked us", "sorted it", "they sorted",
        "sent me", "they sent", "they came", "they refunded", "they replaced", "they rebooked", "got my refund",
        "got a refund", "on hold", "they helped",
        "j ai appele", "je les ai appeles", "je l ai appele", "on a appele", "on les a appeles", "nous avons appele",
        "ca a marche", "ca marche", "ils m ont", "ils nous ont", "elle m a", "il m a", "m a rembourse",
        "m ont rembourse", "nous ont rembourses", "m a renvoye", "m ont renvoye", "m a remplace", "m ont remplace",
        "m a depanne", "m ont depanne", "ils sont venus", "il est venu",
        # the tradesman who came round: a plumber's or an electrician's customer
        "he came", "she came", "came round", "came over", "came out", "il est passe", "elle est passee",
        "ils sont passes", "elle est venue", "est intervenu", "sont intervenus",
        # told of the tradesman by name ("M. Ferreira est venu un dimanche pour une fuite")
        "est venu", "sont venus",
    )
)  # fmt: skip
# The same account told of a business ("they sent", "ils m'ont remboursé"), not of one person: a marabout's or a
# healer's fake customers tell of a man ("he sent me the herbs for free"), whose gift is the testimonial's bait.
_SERVED_BY_THEM = compile_phrases(
    (
        "they fixed", "they sorted", "they sent", "they came", "they replaced", "they refunded", "they rebooked",
        "ils m ont", "ils nous ont", "m ont rembourse", "nous ont rembourses", "m ont renvoye", "m ont remplace",
        "m ont depanne", "ils sont venus",
    )
)  # fmt: skip
# What a support scam's advert promises and a customer does not say: any hour, any problem, at once.
_HYPE = compile_phrases(
    (
        "24/7", "24x7", "24h/24", "7j/7", "24 hours", "round the clock", "toll free", "any issue", "any issues",
        "any problem", "all issues", "all problems", "instant", "instantly", "immediately", "right now", "call now",
        "24 heures", "tout probleme", "tous problemes", "tous vos problemes", "immediatement", "maintenant",
        "en quelques minutes", "in minutes",
    )
)  # fmt: skip
# A call aimed at someone the reader names as another's ("call the box office at…", "call your representative's
# office", "appelez la mairie au…"): a seller asks for a call to themselves ("call us", "call now", "call 0800…",
# "call Dr Obi"), or to a brand's support line, which its own signals keep.
_THIRD_PARTY_CALL = re.compile(
    r"(?<!\w)(?:call|ring|phone|contact|text|appelez|appeler|contactez|contacter|joignez|joindre|telephonez)"
    r"\s+(?:the|your|their|his|her|la|le|l|les|votre|vos|leur|leurs|sa|son|ses)\s+"
    r"(?!(?:number|numbers|line|hotline|helpline|numero|ligne|experts?|specialists?|best|meilleur|meilleure)\b)"
    # "appelez-le au 06…" folds to "appelez le au": "le" there is "him", the call the seller's own
    r"(?!(?:au|aux|a|sur|par|via|des|directement|vite|maintenant|tout|sans)\b)[a-z]"
)


# What a support scam's fake customer says was fixed ("the Microsoft technician repaired my computer for free"): the
# brands that support scams name, and the computer that remote "repairs" take over.
_USURPED = compile_phrases(
    (*SUPPORTED_BRANDS, "computer", "pc", "laptop", "ordinateur", "ordi", "portable", "windows", "mac", "macbook")
)


def _served(folded: str) -> bool:
    """Tell whether the writer tells how a business served them, or what a tradesman did on their thing (and what it
    cost: :mod:`worker.spam.job_done`), of no trade whose fake clients vouch for it."""
    return _SERVED.search(folded) is not None or _job_done(folded)


def _job_done(folded: str) -> bool:
    """Tell whether a tradesman's or a shop's job on the writer's thing is told, by no trade that fake clients vouch
    for nor a brand that support scams usurp."""
    return worked(folded) and _VOUCHED_TRADES.search(folded) is None and _USURPED.search(folded) is None


def _passing_on(folded: str, signals: list[Signal]) -> frozenset[str]:
    """Return the names of the signals that go with a public service's number named in ``folded`` text, with a
    scam's number that a reader quotes to warn others ("I got a text to call 0800…, it's fake, don't ring it"),
    the call to action, the support line's words and the free service of a customer passing on a business's number
    ("ring them at…, they came at midnight", "their customer service number…, they sent the screws for free"), or
    a reader's call aimed at another's line ("call the box office at…")."""
    passed = frozenset(s.name for s in signals if s.name in PASSING_ON or free_words_only(s, folded))
    if passed and (_PUBLIC_SERVICE.search(folded) or notice(folded)):
        # a neighbour's notice (a lost pet, a fête) is nobody's support line: only a public service's keeps it
        passed |= _dues(folded, signals)
        return passed if _PUBLIC_SERVICE.search(folded) else passed - {"support_line"}
    quoted = frozenset(s.name for s in signals if s.name in QUOTED_BAIT)
    if quoted and warns(folded):
        return quoted
    if _HYPE.search(folded) is not None:
        return frozenset()
    if not _served(folded):
        if "call_to_action" in quoted and quoted.isdisjoint({"support_line", "brand_support"}):
            return frozenset({"call_to_action"}) if _THIRD_PARTY_CALL.search(folded) else frozenset()
        return frozenset()
    # A customer tells what the business did for them, for free too ("they sent the screws for free"); a support
    # line's words go with its number unless a brand that support scams usurp is named by them: that is the support
    # scam's fake customer ("I called the HP printer support number…, they fixed it").
    by_them = _SERVED_BY_THEM.search(folded) is not None or _job_done(folded)
    served = {s.name for s in signals if s.name == "call_to_action" or (by_them and free_words_only(s, folded))}
    if "brand_support" not in quoted:
        served |= {s.name for s in signals if s.name == "support_line"}
    return frozenset(served)


def _address_feature(feature: str) -> bool:
    return not _ADDRESS_WORDS.isdisjoint(feature.partition(":")[2].split())


_ADDRESS_WORDS = frozenset({PHONE_WORD, EMAIL_WORD})
# The writer giving their own address: what a seller asks ("email me", "écrivez-moi"), and a reader need not write.
_OWN_ADDRESS = compile_phrases(
    (
        "email me", "e mail me", "mail me", "write to me", "write me", "contact me", "message me", "reach me",
        "my email", "my address", "my mail", "ecrivez moi", "ecris moi", "contactez moi", "contacte moi",
        "envoyez moi", "mon mail", "mon adresse", "mon email", "mon e mail",
    )
)  # fmt: skip


# A group that readers join through a messenger (a club's, a street's, the parents' of a class): its organiser's
# number is passed on to be added ("message Paul on WhatsApp at …, he adds you"). A messenger's spam is one person
# talking to one reader, who writes "WhatsApp me", "add me", "contact him".
_GROUP = compile_phrases(
    (
        "whatsapp group", "telegram group", "signal group", "group chat", "the group", "a group", "groupe whatsapp",
        "groupe telegram", "groupe signal", "un groupe", "le groupe", "boucle whatsapp",
    )
)  # fmt: skip
_OWN_LINE = compile_phrases(
    (
        "text me", "whatsapp me", "call me", "ring me", "add me", "message me", "contact me", "write to me",
        "write me", "dm me", "my number", "my whatsapp", "appelez moi", "ecrivez moi", "ecris moi", "ajoutez moi",
        "contactez moi", "contacte moi", "mon numero", "mon whatsapp",
    )
)  # fmt: skip


def _messenger_group(contact: Signal, folded: str) -> bool:
    """Tell whether a ``contact`` signal's messenger is how readers join a group, its one number the organiser's."""
    if not contact.evidence.get("apps") or contact.evidence.get("phones") != 1 or contact.evidence.get("emails"):
        return False
    return _GROUP.search(folded) is not None and _OWN_LINE.search(folded) is None


def _one_address(contact: Signal, folded: str, text: str) -> bool:
    """Tell whether a ``contact`` signal counts one phone number or one email address, and nothing else (or the
    messenger of a group, through that number, or a public body's or a club's number and address at its own
    domain: :func:`worker.spam.body_address.own_domain_address`)."""
    phones, emails = contact.evidence.get("phones"), contact.evidence.get("emails")
    if contact.evidence.get("apps"):
        return _messenger_group(contact, folded)
    if phones == 1 and emails == 1 and own_domain_address(fold(text)):
        return _PUBLIC_SERVICE.search(folded) is not None or notice(folded)
    return (phones == 1 and not emails) or (emails == 1 and not phones)


# Someone's going rate told by the reader who passes their number on ("Mme Ribeiro demande 12 € de l'heure, son numéro
# est le …", "he charges £40 an hour"): what that person asks, in the third person. A seller gives their own rate
# ("je prends", "nos tarifs", "dès 9 €"), and a fake client pitches it as a bargain ("il ne prend que 50 €").
_THEIR_RATE = re.compile(
    r"(?<!je )(?<!on )(?<!\w)(?:demande|demandent|prend|prennent|facture|facturent|charges|asks)\s+(?:\d|[$€£]\s?\d)"
)
_ONLY = compile_phrases(("ne demande que", "ne prend que", "ne facture que", "ne demandent que", "ne prennent que"))


def _their_rate(folded: str, signals: list[Signal]) -> bool:
    """Tell whether the comment's money is amounts alone, told as the going rate of the person whose number it
    passes on, not pitched."""
    if _THEIR_RATE.search(folded) is None or _ONLY.search(folded) is not None or pitched(folded):
        return False
    return any(s.name == "money" and amounts_only(s) for s in signals)


def _calling(folded: str, signals: list[Signal], contact: Signal, text: str) -> frozenset[str]:
    """Return the names of the signals that go with the number passed on (a group's call to write to it too, the
    sum a buyer offered, told with the agent's number, the going rate of whoever answers, told in the third person,
    and a neighbourhood pharmacy's name with its landline:
    :func:`worker.spam.local_shop.local_pharmacy`)."""
    if local_pharmacy(text, folded, signals):
        # a neighbourhood pharmacy's landline is passed on as a public service's, its name with it
        passed = frozenset(s.name for s in signals if s.name in PASSING_ON or free_words_only(s, folded))
        return passed | {"pharmacy"}
    calling = _passing_on(folded, signals)
    if _BUYER_OFFER.search(folded) is not None and any(s.name == "money" and amounts_only(s) for s in signals):
        calling |= {"money"}
    if _their_rate(folded, signals):
        calling |= {"money"}
    return calling | {"call_to_action"} if _messenger_group(contact, folded) else calling


def passes_on(text: str, signals: list[Signal]) -> bool:
    """Tell whether the comment's only sign of spam is one phone number or email address, in a sentence that passes
    it on."""
    contact = next((s for s in signals if s.name == "contact"), None)
    folded = unjoined(fold(text))  # "contactez-nous", "m'a aidé": the phrases' words
    if contact is None or not _one_address(contact, folded, text):
        return False
    if contact.evidence.get("emails") and (
        _OWN_ADDRESS.search(folded) is not None or MONEY_GIVEN.search(folded) is not None
    ):
        return False  # the writer's own address, or money handed out to whoever writes (a grant or prize scam)
    calling = _calling(folded, signals, contact, text)
    if any(s.weight > 0 and s.name not in STYLE_SIGNALS | calling and s is not contact for s in signals):
        return False
    if not all(map(written_plainly, find_phones(text))):
        return False
    if sum(t.isalpha() for t in tokens(text)) < MIN_WORDS:
        return False
    customers = without_bill(folded)
    for told in (_BUYER_OFFER, _BILL_KEPT, _VOLUNTEERS_SOUGHT):
        if told.search(customers) is not None:  # a look at the words first: most texts hold none of these
            customers = told.pattern.sub(" ", customers)
    return _SELLER.search(customers) is None and not _vouches_for_a_trade(folded)


# The trades whose fake clients vouch for them: the testimonial's practitioners, and what they promise to get back.
_VOUCHED_TRADES = compile_phrases(
    (
        *PRACTITIONERS, "loan", "loans", "pret", "prets", "credit", "invest", "investment", "trading", "bitcoin",
        "crypto", "funds", "fonds", "recover", "recovered", "recuperer", "recupere", "spell", "spells", "ex",
        "retour affectif", "envoutement", "lottery", "loterie", "hack", "hacked", "pirate", "financement", "money",
        "argent", "debt", "debts", "dette", "dettes", "lover", "amour", "love",
    )
)  # fmt: skip


def _vouches_for_a_trade(folded: str) -> bool:
    """Tell whether the writer vouches for whoever answers, unless as a customer the business served (and not of a
    trade that fake clients vouch for: :data:`_VOUCHED_TRADES`)."""
    if _VOUCHING.search(folded) is None:
        return False
    return not _served(folded) or _VOUCHED_TRADES.search(folded) is not None


def without_number(weighing: Weighing) -> Weighing:
    """Return the classifier's weighing without the features of the phone number or email address."""
    kept = tuple(w for w in weighing.weighed if not _address_feature(w[1]))
    links = math.fsum(log_odds for log_odds, f in weighing.weighed if _address_feature(f) and is_link_feature(f))
    return replace(weighing, logit=math.fsum(w for w, _ in kept), link_logit=weighing.link_logit - links, weighed=kept)


def _refused_number(text: str, signals: list[Signal]) -> bool:
    """Tell whether the comment's one number, plainly written, is a scam's that its warning told readers not to call
    (and so lost its ``contact`` signal)."""
    if any(s.name == "contact" for s in signals):
        return False
    phones = find_phones(text)
    return len(phones) == 1 and written_plainly(phones[0]) and refuses(fold(text))


def set_aside(
    text: str, signals: list[Signal], weighing: Weighing | None
) -> tuple[list[Signal], Weighing | None] | None:
    """Return the signals and the weighing without a number that a reader passes on, None when it is not one.

    A scam's number that a warning told readers not to call, or the messenger a warning says the scam came by, has
    already lost its ``contact`` signal (:func:`worker.spam.warning.weigh`): its features are then set aside from the
    weighing too.
    """
    if weighing is not None and _refused_number(text, signals):
        return signals, without_number(weighing)
    if weighing is not None and names_the_scams_messenger(fold(text), signals):
        return signals, without_messengers(weighing)
    if not passes_on(text, signals):
        return None
    contact = next(s for s in signals if s.name == "contact")
    calling = _calling(unjoined(fold(text)), signals, contact, text)
    kept = [s for s in signals if s.name != "contact" and s.name not in calling]
    return kept, without_number(weighing) if weighing is not None else None
