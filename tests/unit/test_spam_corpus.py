"""The seed corpus ships inside the package and trains the out-of-the-box model."""

from __future__ import annotations

from collections import Counter

from worker.spam.classifier import Label
from worker.spam.corpus import seed_model, seed_rows


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
