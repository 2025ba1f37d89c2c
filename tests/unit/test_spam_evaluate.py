"""Evaluation: confusion counts, precision, recall, F1, shares of ham stopped, and the chronological 70/30 split."""

from __future__ import annotations

import pytest

from worker.checks.base import Context
from worker.checks.spam import SpamCheck
from worker.models import Action, CheckResult, Comment
from worker.spam.classifier import Label
from worker.spam.corpus import CorpusError, LabelledComment, parse_lines
from worker.spam.evaluate import Report, evaluate, split_chronological
from worker.spam.score import Weights
from worker.spam.signals import WordList


def row(content: str, label: str, number: int = 0) -> LabelledComment:
    return LabelledComment(Comment(id=f"r{number}", post_id="p", content=content), Label(label))


def word_check() -> SpamCheck:
    """A check that only obeys its word lists: 'junk' rejects, 'maybe' holds, anything else passes."""
    return SpamCheck(
        learned=False,
        blocklist=WordList.of_terms(["junk"]),
        moderation_keys=WordList.of_terms(["maybe"]),
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


def test_rows_that_give_their_time_are_split_by_it_whatever_their_order_in_the_file() -> None:
    lines = [
        f'{{"content": "{label}{i}", "label": "{label}", "submitted_at": "2015-0{9 - i}-01T10:00:00"}}'
        for i in range(8)
        for label in ("spam", "ham")
    ]  # newest first, as one of the YouTube files lists its comments
    train, test = split_chronological(parse_lines(lines), 0.5)
    assert [r.comment.content for r in train] == ["spam7", "ham7", "spam6", "ham6", "spam5", "ham5", "spam4", "ham4"]
    assert {r.comment.content for r in test} == {f"{label}{i}" for i in range(4) for label in ("spam", "ham")}


def test_a_time_may_be_seconds_or_iso_8601_and_an_iso_time_without_zone_is_utc() -> None:
    rows = parse_lines(
        ['{"content": "a", "label": "ham", "submitted_at": 86400}',
         '{"content": "b", "label": "ham", "submitted_at": "1970-01-02T00:00:00"}',
         '{"content": "c", "label": "ham", "submitted_at": "1970-01-02T01:00:00+01:00"}']
    )  # fmt: skip
    assert [r.comment.submitted_at for r in rows] == [86400.0, 86400.0, 86400.0]
    assert all(r.dated for r in rows)


def test_a_time_that_is_not_a_time_names_its_line_and_the_accepted_forms() -> None:
    with pytest.raises(CorpusError, match="line 1: submitted_at must be seconds since 1970 or an ISO 8601 time"):
        parse_lines(['{"content": "a", "label": "ham", "submitted_at": "yesterday"}'])


def test_times_given_on_some_lines_and_not_others_are_refused_naming_the_first_line_that_differs() -> None:
    with pytest.raises(CorpusError, match="line 3: submitted_at must be given on every line or on none"):
        parse_lines(
            ['{"content": "a", "label": "ham", "submitted_at": 5}', "",
             '{"content": "b", "label": "spam"}']
        )  # fmt: skip


def test_a_labelled_line_may_give_the_page_it_was_posted_on() -> None:
    rows = parse_lines(['{"content": "a", "label": "ham", "permalink": "https://example.org/p/1"}'])
    assert rows[0].comment.permalink == "https://example.org/p/1"


class FixedScore:
    """A check that gives each comment the score written as its text, and never stops one."""

    name = "spam"

    def check(self, comment: Comment, context: Context) -> CheckResult:
        return CheckResult("spam", score=float(comment.content) if comment.content != "none" else None)


def test_scores_that_match_the_share_of_spam_so_scored_have_no_calibration_error() -> None:
    rows = [row("0.75", "spam"), row("0.75", "spam"), row("0.75", "spam"), row("0.75", "ham")]
    rows += [row("0.0", "ham")] * 4
    report = evaluate(rows, check=FixedScore())
    assert report.calibration_error == pytest.approx(0.0)
    bins = report.to_dict()["calibration"]
    assert isinstance(bins, list) and len(bins) == 10
    assert bins[7] == {"score_from": 0.7, "score_to": 0.8, "comments": 4, "spam_share": 0.75, "mean_score": 0.75}


def test_confident_scores_on_a_coin_toss_have_a_calibration_error_of_their_gap() -> None:
    rows = [row("0.95", "spam"), row("0.95", "ham"), row("1.0", "spam"), row("1.0", "ham")]
    report = evaluate(rows, check=FixedScore())
    assert report.calibration_error == pytest.approx(0.475)  # mean score 0.975, half of them spam
    assert report.to_dict()["calibration"][9]["comments"] == 4  # type: ignore[index,call-overload]


def test_a_check_without_a_score_leaves_calibration_out_of_the_report() -> None:
    report = evaluate([row("none", "spam"), row("none", "ham")], check=FixedScore())
    assert report.bins == () and report.calibration_error == 0.0
    assert report.to_dict()["calibration"] == []
