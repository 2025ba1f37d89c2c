"""A phone number a reader passes on (a public service's, another's) is no contact offered; a seller's stays one."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.phones import find_phones, surcharged, written_plainly


def action(content: str) -> Action:
    result = SpamCheck().check(Comment(id="c", post_id="p", author_name="Irene", content=content), Context(now=0.0))
    return max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)


@pytest.mark.parametrize(
    "content",
    (
        "If your dog ate chocolate, the animal poison line answers at 1-888-426-4435 day and night, they were kind.",
        "For anyone in the same spot: the consumer office takes reports at 1-877-555-0142, it took me ten minutes.",
        "Pour un enfant qui a avalé un médicament, le centre antipoison de Lyon répond au 04 72 11 69 11, gardez-le.",
    ),
)
def test_a_public_number_passed_on_to_other_readers_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a brand's support line and toll-free words: the tech-support trade
        "Epson printer customer support toll free 1-8OO-555-0147 for any issue with your printer at home today",
        # offers and prices
        "Switch before Friday and keep your old handset, the latest offers are at 0800 555 0142 for any reader.",
        # the writer's own line
        "If your printer keeps going offline after the update, our team fixes it at 1-877-555-0142 any day.",
        # a premium-rate number: the call itself pays
        "Je n'arrivais pas à joindre ma banque, ce numéro m'a mis en relation tout de suite : 08 92 68 01 23.",
        # a testimonial vouching for whoever answers
        "After my husband left I was lost, then Doctor Ade brought him back, I recommend him: +234 803 555 0142.",
        # digits spaced one by one, to slip past filters
        "If your printer keeps going offline after the last update, the fix is quick: ring 1-8-7-7-5-5-5-0-1-4-2.",
        # a title, not a sentence
        "night bus home from the airport, 0113 496 0142",
    ),
)
def test_a_number_with_a_sellers_trade_around_it_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The town hall set up a hotline for the storm damage, I rang it this morning at 01 23 45 67 89 and they came.",
        "L'office de tourisme répond aux questions des visiteurs, on les joint au 01 23 45 67 80 avant de partir.",
        # a public line is free, and readers say so
        "Pour les encombrants il faut appeler la mairie au 02 34 56 78 90, c'est gratuit sur rendez-vous le mardi.",
        # "our" and "we" of the reader's household or town, not of a business
        "For anyone struggling, the crisis line in our county is 1-800-555-0177, free and open all night, call them.",
        "We called the consulate when my wife lost her passport, the night line is +1 555 870 2231, they were kind.",
    ),
)
def test_a_public_bodys_number_passed_on_with_its_call_and_our_household_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a business's "we", told by what it offers and who answers
        "We fix every printer brand the same day, our technicians answer at 1-877-555-0142 for any reader here.",
        "Nous réparons tous les ordinateurs à domicile, nos techniciens répondent au 01 23 45 67 89 tous les jours.",
        # a grant scam dressed as a public office: money handed out "for free"
        "Good news for everyone: the town hall grant office pays out money for free, ring them at 1-888-555-0121.",
        "La mairie offre une aide financière gratuitement à tous, appelez le service des aides au 09 55 55 44 33.",
        # a support scam naming a public office
        "The city hall hotline for your printer issues is toll free, call 1-888-555-0147 for help with any brand.",
    ),
)
def test_a_sellers_number_dressed_as_a_public_bodys_or_a_households_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("number", "charged"),
    (
        ("08 92 70 12 34", True),
        ("+33 8 99 23 45 67", True),
        ("09061 701461", True),
        ("0871 750 7711", True),
        ("1-900-555-0142", True),
        ("01 40 05 48 48", False),
        ("09 70 12 45 78", False),
        ("0800 123 456", False),
        ("1-877-555-0142", False),
        ("+44 20 7946 0958", False),
    ),
)
def test_premium_rate_lines_are_told_from_ordinary_and_free_ones(number: str, charged: bool) -> None:
    (phone,) = find_phones(f"call {number} today")
    assert surcharged(phone.digits) is charged


@pytest.mark.parametrize(
    ("number", "plain"),
    (
        ("1-877-555-0142", True),
        ("+1 (844) 555-0171", True),
        ("04 72 11 69 11", True),
        ("1-8OO-555-0147", False),
        ("0-8-9-2-1-4-5-7-1-2", False),
        ("321-987-4.2.4.2", False),
    ),
)
def test_a_number_written_to_slip_past_filters_is_not_written_plainly(number: str, plain: bool) -> None:
    (phone,) = find_phones(f"call {number} today")
    assert written_plainly(phone) is plain


@pytest.mark.parametrize(
    "content",
    (
        "A text told me to call 1-888-555-0142 about an unpaid road toll. It's fake, the agency confirmed it, so "
        "don't call it back.",
        "J'ai reçu un faux SMS de l'assurance maladie disant d'appeler le 01 89 45 67 12 pour ma carte. Ne rappelez "
        "pas, c'est une arnaque.",
    ),
)
def test_a_scams_number_quoted_in_a_readers_warning_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a warning that vouches for whoever answers: the recovery scam's trade
        "Beware of fake brokers, I lost my savings to them until I called Mr Adams at +1 555 013 4099, I "
        "recommend him.",
        # a warning told by the business that answers
        "Beware of fake repairers and scams out there: our technicians answer at 1-877-555-0142 for any printer.",
        # the same bait and number with no warning
        "A locked account is easy to fix: call Microsoft support at 1-888-555-0190 and ask for the account team.",
    ),
)
def test_a_number_in_a_warning_that_vouches_sells_or_warns_of_nothing_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "If you need the vet out of hours in our area, ring 020 7946 0321, they came at midnight for our cat.",
        "Vol annulé : appelez la compagnie au 09 69 36 12 34 plutôt que l'agence, ils m'ont remboursée en une semaine.",
        "Ring the supermarket's customer care on 0800 505 555, they refunded my whole order when the eggs were broken.",
    ),
)
def test_a_business_number_a_customer_passes_on_with_how_it_served_them_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The furniture store's customer service number is 0800 555 0123, I called them and they sent the screws for "
        "free.",
        "J'ai appelé le service client du magasin de meubles au 09 69 55 20 06, ils m'ont renvoyé les vis "
        "gratuitement.",
    ),
)
def test_a_customer_passing_on_a_shops_customer_service_number_that_served_them_for_free_is_approved(
    content: str,
) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # one man's gift after the call: a marabout's or a healer's testimonial
        "I called Dr Zuma on +234 803 555 0100 and he sent me the herbs for free, my husband came back.",
        "J'ai appelé Maître Kofi au 07 55 12 34 98, il m'a envoyé le talisman gratuitement, mon mari est revenu.",
        # a brand that support scams usurp, named by its support line's words
        "I called the HP printer support number 1-800-555-0147 and they fixed my printer for free, it worked for me.",
    ),
)
def test_a_free_service_told_of_one_man_or_of_a_usurped_brands_support_line_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the support scam's fake customer: a support line's words stay
        "I called the HP printer support number 1-800-555-0147 and they fixed my printer, it worked for me.",
        "My flight was cancelled, I called the Delta reservation number 1-866-555-0143 and they rebooked me.",
        # an advert's promises: any hour, any problem, at once
        "Locked out? Ring 020 7946 0321 any time, they came instantly for me and fixed it, 24/7 for any problem.",
    ),
)
def test_a_customers_account_with_a_support_lines_words_or_an_adverts_promises_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Got a call from 0161 496 0123 saying my Amazon account was hacked and I needed to buy gift cards. Total "
        "scam, hang up if they call you.",
        "Le soi-disant marabout du 06 12 34 56 78 a pris 300 € à ma voisine pour un retour affectif. C'est un "
        "escroc, ne l'appelez pas.",
        "Scam alert: the loan company on 555 318 2290 asks for a fee before paying out. Real lenders never do. "
        "Don't pay them anything.",
    ),
)
def test_a_scams_number_that_a_warning_then_tells_readers_not_to_call_or_pay_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "J'ai reçu un SMS : « votre colis est retenu, appelez le 01 89 55 67 12 ». C'est faux, "
        "le transporteur me l'a confirmé. Ne rappelez pas.",
        "On m'a écrit « contactez-nous au 01 55 44 33 22 pour votre remboursement », c'est faux, ne rappelez pas.",
        'Got a voicemail saying "contact us on 0161 496 0123 about your tax refund". Fake, HMRC confirmed it. Do '
        "not call it back.",
    ),
)
def test_a_scams_message_quoted_as_received_asks_nothing_of_readers_and_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the quotation received, the writer's own ask outside it
        "J'ai reçu un SMS « colis retenu » : c'est faux, ne rappelez pas le 01 89 55 67 12, contactez-moi au "
        "06 55 12 34 98 pour un vrai suivi.",
    ),
)
def test_a_call_quoted_but_not_as_received_or_asked_outside_the_quotation_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the fake warning: the "fakes" refused first, then the "real" one's number
        "Attention aux faux marabouts, ne payez rien d'avance ! Le vrai grand marabout Koffi au 06 12 34 56 78 "
        "règle tous vos problèmes.",
        "Beware of fake recovery hackers, don't pay them upfront. The real one is Mr Adams at +1 555 013 4099, he "
        "got my bitcoin back.",
        "Scam warning: don't answer fake loan offers. Real private lender with 2% rate, call 555 318 2290 today.",
    ),
)
def test_a_fake_warning_refusing_the_fakes_before_its_own_number_is_rejected(content: str) -> None:
    assert action(content) is Action.REJECT


@pytest.mark.parametrize(
    "content",
    (
        "We stayed at a tiny B&B on the island run by a retired teacher, no website, you just email her at "
        "islandrooms@example.org to book.",
        "Le refuge cherche des familles d'accueil pour l'été, écrivez à benevoles@refuge-exemple.fr, ils répondent "
        "vite.",
    ),
)
def test_an_email_address_a_reader_passes_on_for_a_guesthouse_or_a_shelter_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the writer's own address
        "Great post. For more tips like this write to me at tipsdaily@example.com and I will send you my guide.",
        # money handed out to whoever writes
        "Les familles en difficulté peuvent recevoir une aide financière sans rien rembourser, écrivez simplement "
        "à entraide.familles@example.fr.",
        # work offered
        "Vous cherchez un emploi ? Une entreprise recrute en télétravail, envoyez votre CV à "
        "recrutement.maison@example.fr.",
    ),
)
def test_an_email_address_given_as_the_writers_own_or_for_money_or_work_offered_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The hiking club posts its walks in a WhatsApp group, message Paul on 07700 900 321 and he adds you.",
        "Le club de pétanque a un groupe WhatsApp, envoyez un message à Gérard au 06 55 43 21 09 pour être ajouté.",
    ),
)
def test_the_number_of_a_clubs_messenger_group_a_reader_passes_on_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # a group of earners or traders: money and trade words stay
        "Join the group of successful investors on WhatsApp, message our admin on +44 7700 900 123 to start earning.",
        # one person waiting for the reader, with no group
        "Message Anna on WhatsApp at +1 555 201 3344, she is waiting for you tonight.",
        # the writer's own line
        "There is a WhatsApp group for walkers, text me on 07700 900 321 and I add you.",
    ),
)
def test_a_messenger_number_for_money_for_one_person_or_the_writers_own_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "For tickets to the jazz festival call the box office at 555-777-0101, the online queue is a nightmare.",
        "Call your representative's office at 202-555-0177 and tell them what you think about the bill, it works.",
        "Pour les encombrants, appelez la mairie au 02 40 55 12 12, ils passent le premier mardi du mois.",
    ),
)
def test_a_readers_call_aimed_at_another_named_line_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Call the experts at 0800 555 0123 for any blocked drain, same day service.",
        "Call the best locksmith in town on 07700 900 456, he opens any door in minutes.",
        "Contact the agent at +44 7700 900 321 for the rental, the flat is still available at a good price.",
        "For a quick fix call the repair shop on 0161 555 0123, I recommend them.",
        "Call the airline's reservation desk at 1-866-555-0143 for cheap last-minute seats.",
    ),
)
def test_a_call_to_the_experts_the_best_a_seller_or_a_brands_support_desk_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The ASPCA poison hotline is 888-426-4435 if your dog eats something odd, it saved our puppy.",
        "The hotline for the election office is 1-866-555-0142 if your polling place changed this year.",
    ),
)
def test_a_public_bodys_or_a_charitys_hotline_passed_on_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Call the Yahoo mail hotline at 1-844-555-0190 for account recovery, 24/7.",
        "Helpline for all printer issues 1-800-555-0147, expert technicians answer at once.",
    ),
)
def test_a_usurped_brands_hotline_or_helpline_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Highly recommend our local electrician, he came out on a Sunday for the fuse box: 07700 900 482.",
        "Pour la fuite sous l'évier, je recommande notre plombier du village, Jean, 06 12 34 56 78, il est passé "
        "le soir même.",
    ),
)
def test_a_customer_recommending_the_tradesman_who_came_with_his_number_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the same recommendation and account of help, for whoever brings a partner or money back
        "Mon ex est revenu grâce au travail de Jean, il m'a aidé en trois jours, je le recommande : 06 12 34 56 78.",
        "J'avais perdu 5000 euros, Paul a tout récupéré, il m'a aidé, je le recommande vivement : 06 12 34 56 78.",
        "I lost my savings to a fake broker, then John came through and recovered it all, I recommend him: "
        "07700 900 482.",
        # vouching with no account of a service done
        "For a quick fix call the repair shop on 0161 555 0123, I recommend them.",
    ),
)
def test_a_recommendation_for_whoever_gets_money_or_a_partner_back_or_with_no_service_told_is_still_held(
    content: str,
) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Pour une odeur de gaz, le numéro d'urgence de GRDF est le 0 800 47 33 33, gratuit, jour et nuit, "
        "appelez-les sans attendre.",
        "Compteur qui fuit devant la maison : la régie des eaux a un numéro gratuit, le 09 69 32 35 52, appelez-les "
        "avant de payer un plombier.",
    ),
)
def test_a_water_or_gas_networks_free_line_passed_on_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Fuite d'eau ? Plombier disponible en urgence, appelez le 06 12 34 56 78, déplacement gratuit dans tout le "
        "département.",
        "Problème de compteur ? Le service des eaux agréé vous rappelle, appelez le 06 12 34 56 78, diagnostic "
        "gratuit et immédiat.",
    ),
)
def test_a_plumbers_free_call_out_or_a_network_aped_with_hype_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Si le 01 89 12 34 56 vous appelle pour un colis, c'est une arnaque, ma mère a rappelé et ça lui a coûté 15 €.",
        "If 202-555-0143 calls you saying it's the bank fraud team, it's a scam, my dad lost $900 to them.",
        "On a reçu un SMS « Votre compte Ameli est suspendu, appelez le 08 99 12 34 56 » : numéro surtaxé, n'appelez "
        "surtout pas.",
    ),
)
def test_a_scams_number_told_as_the_one_that_calls_or_a_surcharged_one_not_to_call_is_approved(content: str) -> None:
    assert action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Beware of fake psychics, the real one is Madame Irma, she calls you back at 08 99 12 34 56, 2,99 €/min.",
        "Voyance sérieuse par téléphone au 08 99 12 34 56, numéro surtaxé 2,99 €/min, attention places limitées.",
        "Attention aux faux marabouts ! Le vrai marabout Sossou vous appelle au 06 12 34 56 78, retour affectif "
        "garanti.",
    ),
)
def test_a_psychics_surcharged_line_or_the_real_marabout_who_calls_you_is_still_held(content: str) -> None:
    assert action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Il a réparé mon couple en trois jours, mon mari est revenu, appelez-le au 06 12 34 56 78.",
        "Grâce à lui j'ai retrouvé mon ex, contactez-le sur WhatsApp au +229 61 23 45 67.",
        "My husband came back after two days thanks to him, call him at +234 801 234 5678.",
    ),
)
def test_a_call_to_him_or_her_after_a_healers_fake_client_is_still_held(content: str) -> None:
    # "appelez-le au …" is "call him at …", not "call the …": its hyphen folds to a space before "le"
    assert action(content) is not Action.APPROVE
