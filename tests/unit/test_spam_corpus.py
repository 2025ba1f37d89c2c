"""The seed corpus ships inside the package and trains the out-of-the-box model."""

from __future__ import annotations

import math
from collections import Counter
from importlib.resources import files

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.classifier import Label
from worker.spam.corpus import parse_lines, seed_model, seed_rows


def test_the_seed_has_a_few_hundred_spam_and_ham_comments_in_english_and_french() -> None:
    rows = seed_rows()
    kinds = Counter((r.label, r.comment.language) for r in rows)
    assert len(rows) >= 300
    for label in Label:
        for language in ("en", "fr"):
            assert kinds[(label, language)] >= 30, (label, language)


def test_the_seed_model_learned_every_seed_comment() -> None:
    documents = seed_model().documents
    assert sum(documents.values()) == len(seed_rows())


def test_the_seed_model_tells_obvious_spam_from_obvious_ham_in_both_languages() -> None:
    model = seed_model()
    assert model.score("subscribe to my channel for free gift cards") > 0.9
    assert model.score("abonnez-vous à ma chaîne") > 0.9
    # Stock compliments open SEO spam too: the words alone lean to ham, they do not settle it.
    assert model.score("great article, thanks for writing it") < 0.25
    assert model.score("merci pour cet article") < 0.1


def test_the_shipped_blog_seed_is_what_its_generator_writes() -> None:
    from importlib.resources import files

    from worker.spam import seed_blog

    shipped = files("worker.spam").joinpath("data/seed_blog.jsonl").read_text(encoding="utf-8")
    assert shipped == seed_blog.render()


def test_the_blog_seed_has_hundreds_of_spam_and_legitimate_comments_in_english_and_french() -> None:
    from worker.spam import seed_blog

    rows = list(seed_blog.rows())
    kinds = Counter((r["label"], r["language"]) for r in rows)
    assert kinds["ham", "en"] + kinds["ham", "fr"] >= 300 and kinds["spam", "en"] + kinds["spam", "fr"] >= 200
    assert min(kinds.values()) >= 60
    assert len({r["content"] for r in rows}) == len(rows)


def test_each_language_of_the_seed_keeps_the_ham_to_spam_ratio_of_the_whole_seed() -> None:
    # Every word's weight is measured from the seed's ratio of legitimate to spam comments, whatever its
    # language: rows of one language added at another ratio move the scores of every other language.
    rows = seed_rows()
    kinds = Counter((r.label, r.comment.language) for r in rows)
    whole = math.log(sum(r.label is Label.HAM for r in rows) / sum(r.label is Label.SPAM for r in rows))
    for language in ("en", "fr"):
        ratio = math.log(kinds[Label.HAM, language] / kinds[Label.SPAM, language])
        assert abs(ratio - whole) <= 0.07, (language, ratio, whole)


def test_a_french_reader_about_her_bank_is_approved_and_a_loan_offer_in_the_same_words_is_not() -> None:
    def action(content: str) -> Action:
        result = SpamCheck().check(Comment(id="c", post_id="p", author_name="Lucie", content=content), Context(now=0.0))
        return max((r.action for r in result.reasons), key=lambda a: a.rank, default=Action.APPROVE)

    assert action("Ma banque m'a bloqué le compte sans explication, j'ai attendu deux mois pour mon argent.") is (
        Action.APPROVE
    )
    assert action("Prêt entre particuliers sans frais, argent sur votre compte en 24h, contactez-moi.") is not (
        Action.APPROVE
    )


def test_the_topics_seed_has_hundreds_of_readers_and_spam_in_english_and_french() -> None:
    text = files("worker.spam").joinpath("data/seed_topics.jsonl").read_text(encoding="utf-8")
    rows = parse_lines(text.splitlines())
    kinds = Counter((r.label, r.comment.language) for r in rows)
    assert kinds[Label.HAM, "en"] + kinds[Label.HAM, "fr"] >= 400
    assert kinds[Label.SPAM, "en"] + kinds[Label.SPAM, "fr"] >= 250
    assert min(kinds.values()) >= 100
    assert len({r.comment.content for r in rows}) == len(rows)


@pytest.mark.parametrize(
    "content",
    (
        "The pharmacy wanted $60 for my prescription until I asked for the generic.",
        "I sold my bitcoin too early and my brother still teases me about it.",
        "Our mortgage broker found us a better rate than our own bank.",
        "My personal loan is at 11% and I am paying it off early with my tax refund.",
        "Mon prêt immobilier est à 3,2 %, la banque n'a rien voulu négocier.",
        "Le medicament n'est plus rembourse, 9 euros la boite a la pharmacie.",
        "J'ai perdu 500 euros sur une crypto, leçon apprise.",
    ),
)
def test_the_seed_model_reads_a_readers_loans_medicines_and_crypto_as_legitimate(content: str) -> None:
    # Loan, prêt, pharmacy, bitcoin were words of spam only in the seed: the classifier held readers for them.
    assert seed_model().score(content) < 0.5


@pytest.mark.parametrize(
    "content",
    (
        "Bad credit? Get a personal loan today, no credit check, apply online now",
        "Buy cheap pills online without prescription, fast delivery",
        "Invest in bitcoin with my trader and earn 500 dollars a day, contact him on WhatsApp",
        "Prêt entre particuliers rapide et sérieux, contactez-moi par mail",
        "Achetez vos médicaments sans ordonnance, pharmacie en ligne pas chère",
        "Récupérez vos bitcoins perdus avec notre hacker éthique, écrivez-nous sur Telegram",
    ),
)
def test_the_seed_model_still_reads_loan_pill_and_crypto_offers_as_spam(content: str) -> None:
    assert seed_model().score(content) > 0.99


@pytest.mark.parametrize(
    "content",
    (
        "The garden centre on Mill Lane has the seedlings back in, their number is 01632 960 432, ask for Sue.",
        "La jardinerie de la rue du Moulin a de nouveau des plants, leur numéro est le 02 43 55 19 87, "
        "demandez Josiane.",
        "The B&B by the harbour has no website, you book by emailing the owner at harbour.rooms@example.net.",
        "Le gîte du port n'a pas de site, on réserve en écrivant à la propriétaire à gite.port@example.fr.",
    ),
)
def test_the_seed_model_reads_a_number_or_an_address_a_reader_passes_on_as_legitimate(content: str) -> None:
    # No reader of the seed gave a number: a phone number was a word of spam alone (log-odds 5.6), an address too.
    assert seed_model().score(content) < 0.5


@pytest.mark.parametrize(
    "content",
    (
        "Our technicians fix any boiler today, call 0800 555 0123 for a free quote.",
        "Nos techniciens réparent votre chaudière aujourd'hui, appelez le 01 55 44 12 90 pour un devis gratuit.",
        "Cheap rooms by the harbour, best price guaranteed, book with us at harbour.deals@example.net today.",
        "Earn 500 dollars a day from home, WhatsApp me at +1 555 201 3344",
    ),
)
def test_the_seed_model_still_reads_a_sellers_own_number_or_address_as_spam(content: str) -> None:
    assert seed_model().score(content) > 0.9


def test_the_reach_seed_has_readers_passing_on_numbers_and_addresses_and_sellers_giving_theirs() -> None:
    text = files("worker.spam").joinpath("data/seed_reach.jsonl").read_text(encoding="utf-8")
    rows = parse_lines(text.splitlines())
    kinds = Counter((r.label, r.comment.language) for r in rows)
    assert min(kinds[Label.HAM, language] for language in ("en", "fr")) >= 30
    assert min(kinds[Label.SPAM, language] for language in ("en", "fr")) >= 15
    assert len({r.comment.content for r in rows}) == len(rows)
