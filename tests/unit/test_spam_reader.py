"""A reader's comment: code is told by its marks, keywords, calls, file names and paths; thanks go to a name."""

from __future__ import annotations

import pytest

from tests.helpers import spam_action
from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.corpus import seed_model
from worker.spam.features import is_link_feature
from worker.spam.reader import reader, without_cited_links
from worker.spam.signals import WEIGHTS
from worker.text import fold


def kinds(text: str) -> dict[str, object]:
    found = reader(text, fold(text), WEIGHTS)
    return dict(found.evidence) if found is not None else {}


@pytest.mark.parametrize(
    "text",
    (
        "use `pip install x` here",
        "then def main(): runs",
        "I wrote import os; and it broke",
        "SELECT name FROM users;",
        "it calls self.read(x) first",
        "see settings.yaml for that",
        "end of line {",
        "echo $HOME now",
        "the file is in /etc/hosts",
        "my files\n~/notes",
        "x => y",
    ),
)
def test_code_is_told_by_its_marks_keywords_calls_file_names_and_paths(text: str) -> None:
    assert kinds(text).get("code") is True


@pytest.mark.parametrize(
    "text",
    (
        "a definite answer (at last)",
        "the function of this " + "word " * 12 + "(far away)",
        "undef(x) is not a keyword",
        "I had it at home/etc",
        "merci beaucoup pour cet article",
    ),
)
def test_prose_with_brackets_or_words_like_keywords_is_not_code(text: str) -> None:
    assert "code" not in kinds(text)


def test_thanks_go_to_a_name_written_after_a_greeting_at_a_word_start() -> None:
    assert kinds("Thanks to all, and thanks Anna!").get("thanks") == "Anna"
    assert "thanks" not in kinds("ohi Bob, nothing")
    assert "thanks" not in kinds("thanks Everyone")


@pytest.mark.parametrize(
    ("text", "name"),
    (
        ("Super article, bravo Julie !", "Julie"),
        ("cheers,Tom", "Tom"),
        ("Bonjour, merci Élodie pour la recette", None),  # the name's first letter is no A-Z
        ("bravo, à la rédaction", None),
        ("Thanks Anna", None),  # the greetings are written in lower case
        ("ohi Bob and thx! Karim", "Karim"),
        ("Well done: hi, hi Sam", "Sam"),
        ("Bravo Paul", None),
    ),
)
def test_a_greeting_is_read_only_in_texts_holding_one_of_its_words_and_finds_the_same_names(
    text: str, name: str | None
) -> None:
    assert kinds(text).get("thanks") == name


@pytest.mark.parametrize(
    "text",
    (
        "The full minutes are online, the vote is on page 12: https://records.example.org/minutes.pdf",
        "Source for those numbers: https://stats.example.org/2024 , they used the old method.",
        "Le compte rendu du conseil est en ligne : https://archives.example.org/cr.pdf",
        "D'après le communiqué du CHU (https://chu.example.org/actus) l'essai a été arrêté.",
        "L'article du journal régional sur le même sujet : https://journal.example.org/2024/03/pont",
        "Voir aussi le reportage de la télé locale : https://tv.example.org/replay/usine",
        "La pétition contre la fermeture est là : https://petitions.example.org/p/maternite",
        "Il y a un fil sur le forum du quartier avec des photos : https://forum.example.org/t/881",
        "Here's the petition against closing the library: https://petitions.example.org/p/library",
    ),
)
def test_a_link_cited_as_someone_elses_source_is_a_readers_sign(text: str) -> None:
    assert kinds(text).get("source")


@pytest.mark.parametrize(
    "text",
    (
        "Great article, more tips here: https://tips.example.com",
        "According to our experts the best rates are at https://rates.example.com",
        "Source of my recipes: https://my-kitchen.example.com",
        "Selon notre agence, le meilleur taux est sur https://taux.example.com",
        "The study says so, see the abstract.",
        "Voir aussi mon blog de cuisine : https://cuisine.example.com",
        "Please join me and share it https://tv.example.org/source/emission?id=342",
    ),
)
def test_a_link_promoted_as_the_writers_own_or_no_link_at_all_cites_nothing(text: str) -> None:
    assert "source" not in kinds(text)


@pytest.mark.parametrize(
    "content",
    (
        "The full council minutes are here, the vote on the new bridge is on page 12: "
        "https://records.example.org/2024-03.pdf",
        "Voici le communiqué original du CHU, le journaliste a oublié les effets secondaires : "
        "https://chu.example.org/actus/essai",
        "Le journal du dimanche dit exactement l'inverse, voir l'article : https://journal.example.org/tramway",
    ),
)
def test_a_comment_citing_a_source_by_link_is_approved(content: str) -> None:
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "According to our experts, you will find the best personal loans at https://loans.example.com/best",
        "Source: I order my pills here for 80% less, no prescription: https://pills.example.com",
        "Selon nos experts, le meilleur crédit est sur https://credit.example.com/taux",
        "Voir aussi l'article : viagra et cialis sans ordonnance, livraison discrète https://pilules.example.com",
    ),
)
def test_a_link_dressed_as_a_source_that_sells_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "L'association a mis le programme en ligne : https://asso-quartier.example/programme-2024",
        "Voici la vidéo dont je parlais : https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    ),
)
def test_a_link_to_what_its_owner_put_up_or_to_the_page_talked_about_is_a_cited_source_and_approved(
    content: str,
) -> None:
    assert kinds(content).get("source")
    assert spam_action(content) is Action.APPROVE


def test_a_link_to_a_planning_application_is_read_as_a_cited_source() -> None:
    # Read as a source, yet still held with the model's smoothing at 2: the unknown host and the word
    # "application" weigh more than the reader's sign (see SMOOTHING in worker/spam/classifier.py).
    content = (
        "The council's planning application is here, objections close Friday: https://planning.council.example/0456"
    )
    assert kinds(content).get("source")


@pytest.mark.parametrize(
    "content",
    (
        "Notre programme est mis en ligne, inscrivez-vous vite : https://formation-rapide.example/programme",
        "The official site for cheap loans with no credit check: https://loans-fast.example/apply",
    ),
)
def test_a_link_put_up_by_the_writers_own_business_or_selling_is_still_held(content: str) -> None:
    assert spam_action(content) is not Action.APPROVE


@pytest.mark.parametrize(
    ("content", "name"),
    (
        ("Ars Technica tested it, link to the review: https://arstechnica.com/gadgets/2024/03/phone-review/", "Ars"),
        ("60 Millions a comparé les box, lien vers le comparatif : https://www.60millions-mag.com/2024/05/box", "60"),
        ("Le Quotidien du médecin a repris l'étude : https://www.lequotidiendumedecin.fr/etude-2024", "Le Quotidien"),
    ),
)
def test_a_source_cited_by_its_publishers_name_that_the_link_spells_is_named(content: str, name: str) -> None:
    named = kinds(content).get("named")
    assert isinstance(named, str) and named.startswith(name)


def test_a_source_cited_by_its_publishers_name_is_approved_where_the_citation_alone_was_held() -> None:
    assert spam_action("Wired tested it, link to the review: https://www.wired.com/review/phone-2024/") is (
        Action.APPROVE
    )


@pytest.mark.parametrize(
    "content",
    (
        # a business named with its link, nothing cited: the SEO footer
        "Great post! Acme Plumbing does this at a fair price: https://acmeplumbing.com",
        # a platform's name is not the page owner's
        "Link to the interview on YouTube: https://www.youtube.com/watch?v=abc123",
        # a descriptive word of a spammer's slug, not a name
        "Voir l'article sur la cuisine de saison : https://cuisine-de-saison.example/recettes",
        # the writer's own page
        "My review of it is on Tech Corner, link to the review: https://techcorner.example/review",
    ),
)
def test_a_business_a_platform_a_slugs_word_or_the_writers_own_page_is_not_named(content: str) -> None:
    assert "named" not in kinds(content)


@pytest.mark.parametrize(
    "content",
    (
        "The safety notice is on the regulator's site: https://recalls.example.org/notice/88 , check the model number "
        "on yours.",
        "Le rappel a été publié par le fabricant sur son site (https://fabricant.example/rappel-2024), vérifiez le "
        "numéro de lot.",
        "The figures are in the ministry's report, check page 4: https://stats.example.org/report-2024",
        "D'après le rapport de l'agence de l'eau, voir page 12 : https://agence-eau.example/rapport/2024",
    ),
)
def test_a_cited_source_is_approved_though_the_classifier_learned_promoted_links_around_it(content: str) -> None:
    # The seed model weighs "site <link>", "check" and an unknown host as a video spammer's; cited, the link is not his.
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "content",
    (
        "Merci pour cet article très intéressant ! J'ai trouvé d'autres conseils sur https://conseils-maison.example/astuces",
        "Very informative article. The official guide is here: https://official-guide.example",
    ),
)
def test_a_link_cited_after_a_stock_compliment_keeps_its_link_evidence(content: str) -> None:
    assert kinds(content).get("source")
    assert spam_action(content) is Action.FLAG


@pytest.mark.parametrize(
    "content",
    (
        "Le programme complet est ici : https://www.applis-gratuites.example",
        "Les chiffres officiels sont ici : https://credit-facile.example/taux",
        "Les chiffres officiels sont ici : https://www.taux-credit.example/chiffres",
        "Found this on https://bestdeals-shop.example great prices",
    ),
)
def test_a_link_whose_host_names_a_trade_cites_nothing_and_is_held(content: str) -> None:
    assert "source" not in kinds(content)
    assert spam_action(content) is Action.FLAG


@pytest.mark.parametrize(
    "text",
    (
        "The Essex council's page on it: https://www.essex.example.gov.uk/roads/potholes",
        "The study on how readers interpret it: https://interpret.example.org/alphabet-2024",
        "La page de l'agence sur le prêt à taux zéro est à jour : https://agence-logement.example.org/pret-taux-zero",
    ),
)
def test_a_trades_short_word_inside_another_word_of_the_host_or_in_the_pages_path_does_not_sell(text: str) -> None:
    assert kinds(text).get("source")


def test_the_weighing_without_cited_links_keeps_only_the_words_around_them() -> None:
    weighing = seed_model().weigh("The notice is on the regulator's site: https://recalls.example.org/notice/88")
    assert weighing.link_logit != 0.0
    aside = without_cited_links(weighing)
    assert aside.link_logit == 0.0
    assert aside.weighed and not any(is_link_feature(feature) for _, feature in aside.weighed)
    assert aside.logit == pytest.approx(weighing.logit - weighing.link_logit)


def test_a_cited_source_from_an_author_who_fills_the_website_field_keeps_its_link_evidence() -> None:
    # The weighing mixes the website's host with the links' own: a promoter's site rides on the cited page.
    content = "The safety notice is on the regulator's site: https://recalls.example.org/notice/88 , check yours."
    comment = Comment(id="c", post_id="p", author_name="Claire", author_url="https://my-shop.example", content=content)
    result = SpamCheck().check(comment, Context(now=0.0))
    assert [r.action for r in result.reasons] == [Action.FLAG]
    assert spam_action(content) is Action.APPROVE


@pytest.mark.parametrize(
    "text",
    (
        "My husband found the council's page on it: https://council.example.org/bins/collections",
        "Ma fille a suivi la recette du blog de sa tante : https://cuisine-tante.example/tarte",
        "D'après le communiqué de la mairie, mes voisins aussi sont concernés : https://mairie.example.org/travaux",
    ),
)
def test_a_readers_my_for_their_household_leaves_a_cited_source_cited(text: str) -> None:
    assert kinds(text).get("source")


@pytest.mark.parametrize(
    "text",
    (
        "The review is on my site: https://reviews.example.com/phones",
        "Voir ma nouvelle chaîne, la vidéo sur ce sujet : https://video.example/c/astuces",
        "Source: my latest blog post https://blog.example.com/2024/tips",
        "La vidéo qui a changé ma vie, voir à partir de 2 minutes : https://revenus.example/video",
        "I also wrote about this: https://tips.example.com/2024/05/garden",
    ),
)
def test_a_page_the_writer_calls_their_own_or_says_changed_their_life_cites_nothing(text: str) -> None:
    assert "source" not in kinds(text)


@pytest.mark.parametrize(
    "content",
    (
        "Radio Nord en a parlé hier soir : https://www.radionord.example/infos/fermeture-usine-42",
        "The local paper talked about it last week: https://gazette.example.com/news/2024/bridge-closure",
        "J'ai trouvé ça sur https://www.astuces-maison.example/vinaigre-blanc , ça marche très bien.",
        "To answer your question, the pattern is here: https://knit-patterns.example/socks-basic",
        "Pour répondre à Julie, le formulaire est là : https://demarches.example.org/formulaire-b12",
        "The county museum has a short video on the old mill, my kids loved it: https://museum.example.org/mill",
    ),
)
def test_a_link_to_what_a_publisher_told_where_the_reader_found_it_or_that_answers_a_question_is_a_source(
    content: str,
) -> None:
    assert kinds(content).get("source")
    assert spam_action(content) is Action.APPROVE
