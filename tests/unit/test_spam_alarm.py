"""Readers' scam warnings in more shapes (scare quotes, the scam's kind, the harm, the channels, a desk's mailbox), and
the fake warnings that end by recommending someone, which stay held."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.alarm import desk, only_desks
from worker.spam.alarm import warns as warns_in_more_words
from worker.spam.messenger import gives_handle
from worker.spam.warning import warns
from worker.text import fold


@pytest.mark.parametrize(
    "content",
    (
        # a title doubted in scare quotes, with the messenger the scam came by
        "Careful with the crypto 'account managers' on Telegram. They show you fake profits on a screen, then ask for "
        "a 'withdrawal tax'. My aunt paid twice and got nothing.",
        "Prudence avec les « coachs en trading » sur Telegram, mon cousin a perdu 4 000 € et ne peut plus rien "
        "retirer.",
        # the scam named by its kind, its message quoted
        "Arnaque au faux petit-fils sur WhatsApp : « Salut papi, nouveau numéro, tu peux m'avancer 900 € ? » Mon "
        "grand-père a rappelé le vrai, heureusement.",
        # the warning passed on, or not to be passed on
        "I work at a post office counter. Every week someone sends cash to a 'tax inspector' who phoned them. Tax "
        "offices never ask for cash. Please share.",
        "Non, Carrefour n'offre pas de bon de 300 € pour ses 60 ans. C'est une fausse page qui vole vos données. Ne "
        "partagez pas.",
        # an office's desk taking reports of scams
        "Warning about the gas 'refund' emails claiming to be from Ofgem offering £300 back. Ofgem doesn't email "
        "refunds. Report to report@phishing.gov.uk.",
        # the number told as the sender, a few words before it, and reported
        "Parcel scam text again this week from +44 7883 201557. Forwarded it to 7726.",
        # a verdict on the trade, the family's words only named
        "Les voyants qui laissent leur numéro sous les articles = arnaque. Aucun « retour affectif en 24h » n'existe.",
        "C'est bidon, ce genre de « voyance gratuite » finit toujours par un numéro surtaxé.",
    ),
)
def test_a_readers_warning_in_these_shapes_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        # the fake warning: "beware of fakes", then the "real" one to contact
        "Beware of fake hackers here, I lost $30,000 to them. The only legit one is Mr. Brian Recovery, he got it all "
        "back. WhatsApp +1 (347) 555-0182.",
        "Attention aux faux marabouts ! Le seul vrai c'est le grand maître Dossou, retour de l'être aimé en 72h. "
        "WhatsApp +229 97 55 01 23.",
        "Careful with the crypto 'account managers' on Telegram. I only trade with Mrs Claire now, 300% a month, "
        "message her @claire_signals.",
        "Arnaque au faux conseiller ? Moi aussi. Mais grâce au cabinet Cyber Droit j'ai tout récupéré. Écrivez-leur "
        "sur WhatsApp au +33 7 55 01 23 45.",
        "Please share: fake lenders everywhere. I got my loan from Mrs Helen Carter at 3%, email "
        "helencarterloans@gmail.com",
        # an address pointed at, or given to be reached, is the trade's
        "Don't let the scammers here fool you. For real instant loans with no credit check, visit "
        "quickcashloans24.com.",
        "Beware of fake recovery hackers. I got scammed but found a real one: certifiedfundsback.net got my money "
        "back, visit them.",
        "Watch out for fake loan sites. I got mine from fastcashnow24.com, check them out, approved in an hour.",
    ),
)
def test_a_fake_warning_that_recommends_someone_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("text", "warning"),
    (
        ("Careful with the 'recruiters' who ask for a training fee.", True),
        ("Free ne démarche pas, c'est un faux technicien.", True),
        ("Someone cloned my cousin's account, don't send anyone money.", True),
        # the trade's own imperatives, and a scam word with no warning
        ("N'hésitez pas à contacter Maître Koffi, il est sérieux.", False),
        ("Don't hesitate, don't miss this offer, never give up on love.", False),
        ("I watched a documentary about a fake painting last night.", False),
    ),
)
def test_a_warning_in_more_words_needs_the_scam_named_and_readers_warned(text: str, warning: bool) -> None:
    assert warns(fold(text)) is warning


def test_the_trades_imperatives_are_no_warning_by_themselves() -> None:
    assert not warns_in_more_words(fold("N'hésitez pas, ne ratez pas cette offre, don't wait."))


@pytest.mark.parametrize(
    ("local", "domain", "is_desk"),
    (
        ("report", "phishing.gov.uk", True),
        ("phishing", "paypal.com", True),
        ("contact", "service-public.fr", True),
        ("kevinrecovery", "gmail.com", False),
        ("helencarterloans", "gmail.com", False),
    ),
)
def test_a_desk_taking_reports_is_an_office_or_a_mailbox_named_for_reports(
    local: str, domain: str, is_desk: bool
) -> None:
    assert desk(local, domain) is is_desk


def test_one_writers_address_beside_a_desk_is_still_a_contact() -> None:
    assert only_desks("Forward it to report@phishing.gov.uk.")
    assert not only_desks("Forward to report@phishing.gov.uk, or email me at kevinrecovery@gmail.com")
    assert not only_desks("No address here.")


def test_a_warning_telling_the_safe_way_is_approved() -> None:
    content = "The fake 'PayPal refund' emails look real now, with your full name. Always log in through the app."
    assert spam_action(content) is Action.APPROVE


def test_a_loss_told_with_the_warning_carried_to_the_family_is_a_warning() -> None:
    assert warns(fold("My neighbour lost $9,000 to a man from a dating app. Talk to your older relatives."))
    assert not warns(fold("My neighbour lost $9,000 to a man from a dating app."))


def test_a_message_quoted_after_a_messengers_name_is_no_handle() -> None:
    assert not gives_handle(fold("Arnaque sur WhatsApp : « Salut papi, nouveau numéro »"))
    assert not gives_handle(fold('Got this on Telegram: "your account is locked"'))
    assert gives_handle(fold("Telegram: cryptojane, WhatsApp - jane.k"))
