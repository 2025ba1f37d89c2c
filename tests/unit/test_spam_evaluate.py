"""Evaluation: confusion counts, precision, recall, F1, shares of ham stopped, and the chronological 70/30 split."""

from __future__ import annotations

import re

import pytest

from worker.checks.spam import SpamCheck
from worker.models import Action, Comment
from worker.spam.classifier import Label
from worker.spam.corpus import CorpusError, LabelledComment, parse_lines
from worker.spam.evaluate import Report, evaluate, split_chronological
from worker.spam.score import Weights


def row(content: str, label: str, number: int = 0) -> LabelledComment:
    return LabelledComment(Comment(id=f"r{number}", post_id="p", content=content), Label(label))


def word_check() -> SpamCheck:
    """A check that only obeys its word lists: 'junk' rejects, 'maybe' holds, anything else passes."""
    return SpamCheck(
        learned=False,
        blocklist=re.compile(r"(?<!\w)junk(?!\w)"),
        moderation_keys=re.compile(r"(?<!\w)maybe(?!\w)"),
        weights=Weights(bias=-50.0),
        links_hold_at=0,
    )


def test_held_and_rejected_spam_are_caught_and_approved_spam_is_missed() -> None:
    rows = [row("junk", "spam"), row("maybe", "spam"), row("fine", "spam"), row("fine", "ham"), row("maybe", "ham")]
    report = evaluate(rows, check=word_check())
    assert (report.true_positives, report.false_negatives) == (2, 1)
    assert (report.false_positives, report.true_negatives) == (1, 1)
    assert report.precision == pytest.approx(2 / 3)
    assert report.recall == pytest.approx(2 / 3)
    assert report.f1 == pytest.approx(2 / 3)


def test_the_shares_of_ham_rejected_and_held_are_reported_apart() -> None:
    rows = [row("junk", "ham"), row("maybe", "ham"), row("maybe", "ham"), row("fine", "ham")]
    report = evaluate(rows, check=word_check())
    assert report.ham_share_rejected == pytest.approx(0.25)
    assert report.ham_share_held == pytest.approx(0.5)
    assert report.to_dict()["confusion"] == {
        "spam": {"approve": 0, "censor": 0, "flag": 0, "reject": 0},
        "ham": {"approve": 1, "censor": 0, "flag": 2, "reject": 1},
    }


def test_a_report_without_positives_has_zero_precision_recall_and_f1() -> None:
    report = Report({Label.SPAM: dict.fromkeys(Action, 0), Label.HAM: {**dict.fromkeys(Action, 0), Action.APPROVE: 3}})
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)


def test_the_split_trains_on_the_oldest_share_of_each_class_and_tests_on_the_newest() -> None:
    rows = [row(f"s{i}", "spam", i) for i in range(10)] + [row(f"h{i}", "ham", 10 + i) for i in range(5)]
    rows = [rows[i] for i in (0, 10, 1, 2, 11, 3, 4, 12, 5, 6, 13, 7, 8, 14, 9)]  # classes interleaved in time
    train, test = split_chronological(rows, 0.7)
    assert [r.comment.content for r in train] == ["s0", "h0", "s1", "s2", "h1", "s3", "s4", "h2", "s5", "s6"]
    assert [r.comment.content for r in test] == ["h3", "s7", "s8", "h4", "s9"]


def test_a_train_fraction_of_one_or_more_is_refused() -> None:
    with pytest.raises(ValueError, match="train_fraction"):
        split_chronological([], 1.0)


def test_with_a_train_fraction_only_the_newest_rows_are_tested_and_the_oldest_are_learned() -> None:
    rows = [row("junk", "spam", i) for i in range(10)] + [row("fine", "ham", i) for i in range(10)]
    report = evaluate(rows, 0.7, check=word_check())
    assert report.trained_rows == 14
    assert report.to_dict()["tested_rows"] == 6


def test_learning_the_training_rows_changes_what_the_default_check_says() -> None:
    spam_text = "zorblax quintessa frumple"
    rows = [row(spam_text, "spam", i) for i in range(20)] + [row("lovely day", "ham", i) for i in range(20)]
    assert evaluate(rows, 0.7).recall > evaluate(rows).recall


def test_json_lines_with_a_label_are_parsed_in_order_and_blank_lines_skipped() -> None:
    lines = [
        '{"content": "Buy now", "label": "spam", "author_name": "X", "author_url": "http://x.top"}',
        "",
        '{"content": "Merci", "label": "HAM"}',
    ]
    rows = parse_lines(lines)
    assert [(r.comment.content, r.label) for r in rows] == [("Buy now", Label.SPAM), ("Merci", Label.HAM)]
    assert rows[0].comment.author_url == "http://x.top"


def test_a_line_without_a_valid_label_names_its_line_number() -> None:
    with pytest.raises(CorpusError, match="line 2: label"):
        parse_lines(['{"content": "a", "label": "spam"}', '{"content": "b", "label": "maybe"}'])


def test_a_line_that_is_not_json_names_its_line_number() -> None:
    with pytest.raises(CorpusError, match="line 1: invalid JSON"):
        parse_lines(["{oops"])
