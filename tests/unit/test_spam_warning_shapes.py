"""A reader warns without the word "scam": money lost to someone, "don't fall for it", "report these accounts"."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.warning import warns
from worker.text import fold


@pytest.mark.parametrize(
    ("text", "warning"),
    (
        ("My nephew lost $2,000 to a crypto 'investment' guy on Telegram. Report these accounts.", True),
        ("Her neighbour lost 5k USD to a trader on Instagram, report those accounts", True),
        ("My uncle sent a man on WhatsApp 800 quid to double it. Don't fall for it.", True),
        ("Ma tante a perdu 1 500 € avec un conseiller sur Telegram, signalez ces comptes.", True),
        ("Il promettait de doubler la mise, ne tombez pas dans le panneau.", True),
        # a diet's pounds, a match's score, a loss told with no warning
        ("I lost 10 pounds to this diet, report these results to your doctor.", False),
        ("We lost 2 to 1 at home, report these refs to the league.", False),
        ("He lost $50 to the vending machine at the station yesterday.", False),
    ),
)
def test_money_lost_to_someone_or_a_trick_named_with_a_warning_is_a_warning(text: str, warning: bool) -> None:
    assert warns(fold(text)) is warning


@pytest.mark.parametrize(
    "content",
    (
        "My uncle lost £800 to a man on WhatsApp who promised to double it in a week. Don't fall for it.",
        "Someone messaged my mum on Telegram about bitcoin mining, she sent them 300 euros and never heard back. "
        "Don't fall for it.",
        "Un type sur WhatsApp promettait de doubler la mise en bitcoin, mon frère a perdu 2 000 €. "
        "Ne tombez pas dans le panneau.",
    ),
)
def test_a_family_members_loss_on_a_messenger_told_as_a_warning_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "I lost $40,000 to a fake broker until Mr Kevin Hart recovered everything in 48 hours. Contact him on "
        "Telegram @kevinrecovery, don't fall for other scammers.",
        "I lost $12,000 to crypto scammers, report these accounts and contact recoverywizard@example.com, he got "
        "my money back.",
        "Don't fall for fake brokers, invest with Mrs Linda and earn 20% weekly, WhatsApp +1 555 201 7788.",
    ),
)
def test_a_recovery_testimonial_or_a_broker_saying_the_same_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Heads up: the USCIS never calls asking for payment in gift cards. My neighbor almost paid $1,500 before "
        "her son stopped her.",
        "Les impôts n'appellent jamais pour demander un paiement en cartes cadeaux, ma voisine a failli payer 800 €.",
        "Les faux SMS Chronopost reviennent, ma fille a failli donner sa carte bancaire pour 2,99 € de frais de "
        "livraison.",
    ),
)
def test_an_office_that_never_calls_asking_for_money_or_a_near_miss_told_as_a_warning_is_approved(
    content: str,
) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The IRS never calls asking for gift cards, but our tax team does! Call us at 1-800-555-0199 for a free "
        "review.",
        "Bank of America will never ask for your PIN. For account help call our support line 1-888-555-0142 now.",
        "Les faux conseillers bancaires ont failli avoir ma mère, contactez plutôt Maître Dupont au 06 12 34 56 78 "
        "qui récupère vos fonds.",
    ),
)
def test_a_never_calls_warning_that_then_gives_its_own_line_or_a_recovery_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Be careful with those 'guaranteed 10% a month' crypto platforms on Instagram. A guy at work put in $5,000 "
        "and can't withdraw anything.",
        "Beware of anyone selling cheap concert tickets on Facebook, my cousin sent $250 via Cash App and got blocked.",
        "Romance scammers are all over the dating apps, my friend's dad sent $20k to a 'soldier overseas'.",
        "A 'recruiter' on WhatsApp offered me $300 a day to like YouTube videos. Obviously a scam, reported.",
        "Don't trust any investment advisor who contacts you first on Telegram. My brother-in-law learned that the "
        "hard way and lost his savings.",
        "My uncle got a call from someone pretending to be his grandson in jail who needed $3,000 bail in gift cards.",
        "The crypto 'recovery experts' in these comments are scammers too, they'll take another fee and disappear.",
    ),
)
def test_a_warning_telling_the_harm_that_it_goes_round_or_calling_out_the_accounts_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The other recovery experts in these comments are scammers, the only legit one is Mr Dave on Telegram "
        "@davehack.",
        "I couldn't withdraw my profits from the fake broker until Mrs Rose helped me recover it all, WhatsApp her "
        "+1 555 201 9988.",
        "Fake brokers are everywhere, I lost $30k before I met Agent Kim who got it back, email agentkim@example.com.",
    ),
)
def test_the_same_harm_told_to_bring_in_a_recovery_expert_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Méfiez-vous des placements en crypto promis à 20 % par mois, une collègue y a laissé 8 000 €.",
        "Les marabouts qui commentent ici sont des charlatans, ma tante a dépensé 2 000 € pour un retour affectif qui "
        "n'est jamais venu.",
    ),
)
def test_money_left_there_or_charlatans_called_out_in_a_french_warning_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Les autres marabouts ici sont des charlatans, le seul vrai marabout est Papa Kossi, appelez le "
        "+229 97 12 34 56.",
        "J'ai commandé sur un faux site, le colis n'est jamais arrivé, mais grâce à Maître Jean j'ai été remboursé, "
        "écrivez-lui jeanrecup@example.com",
    ),
)
def test_charlatans_called_out_before_the_real_one_or_a_parcel_never_come_before_a_recovery_is_still_held(
    content: str,
) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The 'Amazon refund department' called my mom and asked her to buy $400 in Google Play cards to 'reverse' a "
        "refund.",
        "My buddy paid a 'recovery service' $2,500 to get back the money he lost to a crypto site. They took that too.",
    ),
)
def test_store_cards_asked_of_an_elder_or_a_recovery_service_that_took_the_money_too_is_a_warning(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Sell your Google Play cards and iTunes cards for cash at the best rate, WhatsApp +1 555 201 6655.",
        "The fake brokers took my money, but Mr Harris recovered it in 2 days, he is legit, email "
        "harrisrecover@example.com",
        "Buy Google Play cards at 20% off, scam-free, called my friend and he got his in 5 minutes, visit "
        "cheapcards.example",
    ),
)
def test_store_cards_sold_or_a_loss_that_brings_in_a_recovery_expert_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE
