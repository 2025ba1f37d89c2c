"""Readers of other sites talk of money, warn of scams, point at public bodies and pass on helplines: not spam.

Each kind is tested both ways: a reader's comment is approved, the spammer's look-alike still held or rejected.
"""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam import facts as fact
from worker.spam.corpus import seed_model
from worker.spam.signals import detect
from worker.spam.site_links import is_reference
from worker.spam.warning import refuses, warns
from worker.text import fold


def action(content: str) -> Action:
    context = Context(now=0.0, facts={fact.MODEL: seed_model()})
    result = SpamCheck().check(Comment(id="c", post_id="p", author_name="Camille", content=content), context)
    return max((reason.action for reason in result.reasons), key=list(Action).index, default=Action.APPROVE)


READERS = (
    # money talked of, nothing offered
    "I took a debt consolidation loan last year and the interest was lower than my three credit cards together.",
    "Is it true that checking your credit score makes it drop?",
    "Does looking at my own credit score lower it? My bank app shows it every month and I never know.",
    "Mon score de crédit a baissé après une simple demande de prêt, c'est normal ?",
    "I still hold a little bitcoin from years ago, never sold it, I mostly forgot it was there.",
    "Nous avons renégocié notre crédit immobilier l'an dernier et gagné presque un point de taux.",
    "Je ne suis pas d'accord, le bitcoin reste un pari : n'y mettez jamais plus que ce que vous pouvez perdre.",
    # a scam reported or warned of
    "I got a WhatsApp message posing as the hotel site, asking me to pay my room again. Don't click, it's a scam.",
    "Attention arnaque : j'ai reçu un SMS soi-disant de ma mutuelle pour un remboursement, ne cliquez pas.",
    "Un faux conseiller m'a promis 12 % par an sans risque, c'était évidemment une arnaque et j'ai tout perdu.",
    "My son clicked on a free skins offer and lost his game account, the site stole his password.",
    "On m'a appelé de la part de ma banque pour valider un virement, c'était une arnaque, raccrochez tout de suite.",
    "Beware of the fake visa sites, I almost paid three times the official fee before I noticed.",
    # a public body's page
    "The health service page explains the symptoms well: https://www.nhs.uk/conditions/chickenpox/",
    "Tout est expliqué sur la page des impôts https://www.impots.gouv.fr/particulier/questions",
    "The agency's checklist helped us a lot before the trip: https://travel.state.gov/content/travel.html",
)
SPAM = (
    "Need a loan? We offer loans at 2% to everyone, contact us on WhatsApp +44 7700 900123",
    "I lost everything to a fake broker until Mr James, the best crypto investment manager, got it back. "
    "Write to him on WhatsApp +1 415 555 0134",
    "J'ai été arnaqué par un faux site, heureusement grâce à Maître Paul j'ai tout récupéré, écrivez-lui sur WhatsApp.",
    "For any Booking problem call the support number 1-888-555-0199 available 24/7",
    "Buy cheap viagra online no prescription https://pharma-cheap.xyz/viagra",
    "How can I get a loan with bad credit? I found the answer here https://easyloan-now.net/apply",
    "Besoin d'un prêt rapide sans justificatif ? Faites votre demande sur https://pret-facile-24.net",
    "Beware of fake shops! Buy genuine cheap Nike shoes only here www.nikeoutlet-sale.top",
)


@pytest.mark.parametrize("content", READERS)
def test_a_reader_talking_of_money_warning_of_a_scam_or_pointing_at_a_public_body_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize("content", SPAM)
def test_the_spammers_look_alike_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "warning"),
    (
        ("I got a text from a fake courier, don't pay anything", True),
        ("j'ai reçu un faux mail des impôts", True),
        ("méfiez-vous, c'est une arnaque", True),
        ("watch out for scammers selling tickets", True),
        ("the scam was on the news yesterday", False),
        ("I got a new phone last week", False),
        ("attention, promotion exceptionnelle ce week-end", False),
    ),
)
def test_a_warning_names_a_scam_and_warns_or_tells_what_reached_the_writer(text: str, warning: bool) -> None:
    assert warns(fold(text)) is warning


@pytest.mark.parametrize(
    ("url", "public"),
    (
        ("https://www.nhs.uk/conditions/flu/", True),
        ("https://www.met.police.uk/advice", True),
        ("https://www.who.int/news-room", True),
        ("https://www.india.gov.in/topics", True),
        ("https://www.gob.mx/tramites", True),
        ("https://www.ch.ch/fr/", False),
        ("https://nhs-pharmacy-online.com/pills", False),
        ("https://gov-refund.uk/claim", False),
        ("https://students.example.edu/~shop/pills", False),
    ),
)
def test_only_domains_that_only_public_bodies_can_register_are_references(url: str, public: bool) -> None:
    assert is_reference(url) is public


@pytest.mark.parametrize(
    "content",
    (
        "En cas de perte de passeport, appelez l'ambassade au +33 1 23 45 67 89, ils ont une permanence le week-end.",
        "Si vous êtes surendetté, Crésus est une association gratuite, appelez le 03 88 23 45 67.",
        "If you lose your passport abroad, call the embassy on +44 20 7946 0321, someone is on duty all weekend.",
    ),
)
def test_a_public_services_number_passed_on_with_a_call_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Booking helpline: call 1-888-555-0199 for any change to your reservation, open all night.",
        "Visa urgent ? Appelez notre service ambassade au 01 23 45 67 89, dossier traité en 24h.",
        "The embassy never answers, call Mr Ade at +234 803 555 0100, he gets visas in two days, I recommend him.",
    ),
)
def test_a_sellers_line_dressed_as_a_public_service_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("content", "asks"),
    (
        ("Why did my bank refuse the loan when my salary went up?", True),
        ("Mon assurance est passée de 40 € à 55 € par mois, est-ce normal ?", True),
        ("Why wait for your bank? Get the loan today at https://fast-loan-now.net", False),
    ),
)
def test_a_question_about_money_is_a_readers_question_unless_it_links_away(content: str, asks: bool) -> None:
    found = detect(Comment(id="c", post_id="p", author_name="Camille", content=content), {})
    assert any(s.name == "reader" for s in found) is asks


@pytest.mark.parametrize(
    ("text", "warning"),
    (
        ("WhatsApp messages from a 'new number' asking for money are a scam", True),
        ("ces messages du « nouveau numéro » de votre fils sont une arnaque", True),
        ("classic pig butchering, report him", True),
        ("arnaque classique, signalez-le", True),
        ("those are fake pharmacies, my sister got chalk pills and lost 200 dollars", True),
        ("a scam is a big word for a slow delivery", False),
        ("I lost my keys and found them in the car", False),
    ),
)
def test_calling_a_thing_a_scam_asking_to_report_it_or_telling_its_cost_is_a_warning(text: str, warning: bool) -> None:
    assert warns(fold(text)) is warning


def test_the_topics_of_a_scam_a_person_warns_of_weigh_nothing_when_nobody_can_be_reached() -> None:
    # Halved as a warning's talk (hearsay), then nothing: a person speaks and offers nothing (topic_talk).
    text = "A man on a dating app kept selling me his crypto trading platform. Classic pig butchering, report him."
    weights = {s.name: s.weight for s in detect(Comment(id="c", post_id="p", author_name="Ana", content=text), {})}
    assert weights["crypto"] == 0.0
    assert weights["adult"] == 0.0


@pytest.mark.parametrize(
    "content",
    (
        "WhatsApp messages from 'your daughter with a new number' asking for money are a scam. Ring her old one.",
        "Les messages WhatsApp « maman j'ai changé de numéro, envoie de l'argent » sont une arnaque, rappelez-le.",
    ),
)
def test_a_warning_naming_the_messenger_a_scam_came_by_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Beware of scammers! I was scammed too, but Mr Kevin the hacker recovered my USDT. Reach him on Telegram "
        "@kevin_example.",
        "This broker is a scam, report it, and recover your bitcoin with Alex: WhatsApp +1 555 014 7788.",
        "Attention arnaque, signalez-les ! Moi j'ai récupéré mes bitcoins grâce à Max, écrivez-lui sur Telegram.",
        "Beware of Ponzi brokers with upfront fees! Real guaranteed returns with Mr Dan, WhatsApp +1 555 014 7788.",
    ),
)
def test_a_recovery_testimonial_dressed_as_a_warning_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "warning"),
    (
        ("beware of anyone offering guaranteed returns on WhatsApp, report and block", True),
        ("méfiez-vous des prêts avec frais d'avance dans les commentaires", True),
        ("don't fall for those earn-from-home posts, it's a pyramid scheme", True),
        ("PSA: that investment manager is a ponzi, my cousin lost his savings", True),
        ("warning: that trading app promises guaranteed returns", True),
        ("mise en garde : ce placement, c'est trop beau pour être vrai", True),
        ("watch out for the second verse, it's the best part", False),
        ("beware of the dog, says the sign on their gate", False),
    ),
)
def test_naming_a_traps_shape_a_pyramid_returns_promised_or_a_fee_first_is_a_warning(text: str, warning: bool) -> None:
    assert warns(fold(text)) is warning


@pytest.mark.parametrize(
    "text",
    (
        "a call from amazon customer service at 1-844-555-0123 about my account, a scam: never give them codes",
        "un faux conseiller de la banque au 01 23 45 67 89, une arnaque : ne leur donnez jamais vos codes",
        "that scam line 1-844-555-0123, report and block",
    ),
)
def test_telling_readers_never_to_give_a_scams_number_anything_or_to_report_and_block_it_refuses_it(
    text: str,
) -> None:
    assert refuses(fold(text))


def test_a_warning_of_guaranteed_returns_on_a_messenger_is_not_rejected() -> None:
    content = (
        "Beware of anyone offering guaranteed returns on crypto on WhatsApp, my uncle lost $4,000 to one of them. "
        "Report and block."
    )
    assert action(content) is not Action.REJECT


@pytest.mark.parametrize(
    "content",
    (
        "Attention, j'ai reçu un SMS : « votre colis est bloqué, appelez le 08 99 12 34 56 ». C'est une arnaque, "
        "ne rappelez pas.",
        "Arnaque en cours : un faux livreur appelle depuis le 08 99 12 34 56, ne rappelez surtout pas ce numéro.",
        "Beware: scammers claiming to be from your bank call from 0906 123 4567. Hang up and block the number.",
    ),
)
def test_a_premium_rate_number_a_warning_tells_readers_not_to_call_is_the_scams_and_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Méfiez-vous des faux marabouts, le seul vrai c'est Maître Kofi au 08 99 12 34 56, appelez-le.",
        "Voyance par téléphone au 08 99 12 34 56, ne raccrochez pas avant la fin, résultats garantis, arnaque "
        "impossible.",
        "Psychic readings on 0906 123 4567, don't hang up before the end, no scam, real results.",
    ),
)
def test_a_premium_rate_line_given_as_the_real_one_or_with_dont_hang_up_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "text",
    (
        "voyance au 08 99 12 34 56, ne raccrochez pas, c'est pas une arnaque",
        "scam free line 0906 123 4567, don't hang up",
    ),
)
def test_being_told_to_stay_on_the_line_is_no_refusal_of_the_number(text: str) -> None:
    assert not refuses(fold(text))


def test_a_reader_telling_the_money_they_put_into_bitcoin_is_approved() -> None:
    assert (
        action(
            "J'ai investi 2 000 € en bitcoin il y a deux ans, j'ai fait un petit bénéfice mais je n'y remettrai "
            "pas plus."
        )
        is Action.APPROVE
    )


def test_the_same_money_and_bitcoin_with_a_number_to_write_to_is_still_held() -> None:
    assert (
        action(
            "J'ai investi 2 000 € en bitcoin il y a deux ans, j'ai fait un gros bénéfice, écrivez-moi sur "
            "WhatsApp au 06 12 34 56 78."
        )
        is not Action.APPROVE
    )


@pytest.mark.parametrize(
    "content",
    (
        "The websites that sell Ozempic without a prescription are fake pharmacies. My aunt got sugar pills and "
        "lost 90 dollars.",
        "Méfiez-vous des sites qui vendent du Viagra sans ordonnance, ce sont des faux, mon voisin a payé 60 euros "
        "pour rien.",
    ),
)
def test_a_scam_warning_that_reaches_nobody_is_a_readers_warning_whatever_topic_it_warns_of(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the same warning with a shop to write to: the fake warning that sells
        "The websites that sell Ozempic without a prescription are fake pharmacies, order the real pills from my "
        "supplier on WhatsApp +44 7700 900 123.",
        "Méfiez-vous des sites qui vendent du Viagra sans ordonnance, ce sont des faux, le vrai est ici : "
        "https://pharma-direct.example/viagra",
    ),
)
def test_the_same_warning_with_a_way_to_reach_a_seller_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "pharmacy"),
    (
        ("Le petit-déjeuner est servi sans supplément jusqu'à 11 h, on a adoré l'hôtel.", False),
        ("Le vin est en supplément mais le menu vaut le détour.", False),
        ("This natural supplement melts belly fat in a week, order now.", True),
        ("Les pilules minceur et compléments alimentaires sont en promo.", True),
    ),
)
def test_an_extra_charge_in_french_is_no_pill_but_the_trades_supplement_is(text: str, pharmacy: bool) -> None:
    found = {s.name for s in detect(Comment(id="c", post_id="p", author_name="Ana", content=text), {})}
    assert ("pharmacy" in found) is pharmacy
