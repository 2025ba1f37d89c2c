"""Public bodies off the government zones and newspapers' news desks are references; their readers' corners,
broadcasters' whole sites and look-alike hosts are not."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.models import Action
from worker.spam.public_sites import is_public_site
from worker.spam.site_links import is_reference


@pytest.mark.parametrize(
    "url",
    (
        "https://www.service-public.fr/particuliers/vosdroits/F10864",
        "https://www.ameli.fr/assure/remboursements",
        "ansm.sante.fr/informations-de-securite/rappel",
        "https://www.lemonde.fr/planete/article/2024/05/14/secheresse_6233012_3244.html",
        "https://france3-regions.francetvinfo.fr/bretagne/usine.html",
        "https://www.theguardian.com/uk-news/2024/mar/12/tram",
        "https://www.npr.org/2024/03/12/1237/city-council-votes-on-transit",
        "https://news.sky.com/story/flood-defences-13090",
        "https://www.franceinfo.fr/societe/logement/loyers.html",
        "https://www.radio-canada.ca/nouvelle/2061/hausse-des-tarifs",
    ),
)
def test_a_public_bodys_or_a_newspapers_page_is_a_reference(url: str) -> None:
    assert is_reference(url)


@pytest.mark.parametrize(
    "url",
    (
        "https://blogs.mediapart.fr/someone/blog/120324/my-shop",
        "https://lecercle.lesechos.fr/tribune/credit",
        "https://www.rtbf.be/tv/emission/auditions?id=3",
        "https://www.france.tv/emissions/casting",
        "https://lemonde.fr.example/offre",
        "https://service-public-fr.example/aides",
        "https://monlemonde.fr/article",
        "https://www.sky.com/deals/broadband",
        "https://abc.go.com/shows/contest",
    ),
)
def test_a_readers_blog_a_broadcasters_show_page_or_a_look_alike_host_is_not_one(url: str) -> None:
    assert not is_reference(url)


def test_a_subdomain_counts_only_under_the_listed_domain_itself() -> None:
    assert is_public_site("www2.insee.fr") and not is_public_site("fakeinsee.fr")


@pytest.mark.parametrize(
    "content",
    (
        "Tout est expliqué sur service-public.fr : https://www.service-public.fr/particuliers/vosdroits/F10864 , "
        "le plafond a été relevé en janvier.",
        "Le Figaro dit exactement l'inverse https://www.lefigaro.fr/actualite-france/la-ville-renonce-au-tramway",
    ),
)
def test_a_comment_citing_a_public_body_or_a_newspaper_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


def test_a_newspapers_link_next_to_a_shops_link_is_still_held() -> None:
    content = (
        "Le Monde en parle https://www.lemonde.fr/article/credit.html , prêt rapide sans justificatif ici "
        "https://pret-rapide.example"
    )
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "The FCA keeps a warning list of clone firms: https://www.fca.org.uk/consumers/warning-list-unauthorised-firms "
        "check it before you invest.",
        "MoneyHelper has a free pension guide, https://www.moneyhelper.org.uk/en/pensions-and-retirement , worth a "
        "read before you invest.",
    ),
)
def test_a_reader_citing_a_money_regulators_page_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


def test_a_look_alike_of_a_money_regulator_is_no_reference() -> None:
    assert not is_reference("https://fca-refunds.co.uk/claim") and not is_reference("https://fca.org.uk.example/")


@pytest.mark.parametrize(
    "content",
    (
        "Pour signaler : les SMS au 33700, les mails frauduleux sur signal-spam.fr, et cybermalveillance.gouv.fr pour "
        "l'aide aux victimes.",
        "Les mails de faux colis, je les transfère sur signal-spam.fr depuis deux ans, ça marche.",
    ),
)
def test_a_reader_sending_others_where_scams_are_reported_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize("host", ("signal-spam-recuperation.com", "phishing-initiative-aide.fr", "my33700.fr"))
def test_a_look_alike_of_a_reporting_site_is_no_public_site(host: str) -> None:
    assert not is_public_site(host)
