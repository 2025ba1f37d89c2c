"""The combined score: classifier log-odds and signal weights through a logistic, and thresholds to actions."""

from __future__ import annotations

import pytest

from worker.models import Action
from worker.spam.classifier import sigmoid
from worker.spam.evidence import Signal
from worker.spam.score import Thresholds, Weights, combine, topics_alone


def test_no_evidence_at_all_gives_the_bias_alone() -> None:
    score = combine(0.0, [], Weights(bias=0.0, words_alone=0.0))
    assert score.score == pytest.approx(0.5)


def test_signals_add_their_weights_to_the_log_odds() -> None:
    score = combine(0.0, [Signal("links", 1.5), Signal("money", 0.5)], Weights(bias=-1.0))
    assert score.logit == pytest.approx(1.0)


def test_the_classifier_is_scaled_and_capped() -> None:
    weights = Weights(bias=0.0, model_weight=0.5, model_cap=4.0, words_alone=0.0)
    assert combine(2.0, [], weights).logit == pytest.approx(1.0)
    assert combine(100.0, [], weights).logit == pytest.approx(2.0)
    assert combine(-100.0, [], weights).logit == pytest.approx(-2.0)


def test_the_score_stays_within_zero_and_one_for_extreme_evidence() -> None:
    assert 0.0 <= combine(-1e6, [Signal("known_author", -1e6)]).score <= combine(1e6, [Signal("x", 1e6)]).score <= 1.0


def test_scores_below_flag_at_approve_from_flag_at_hold_and_from_reject_at_reject() -> None:
    thresholds = Thresholds(flag_at=0.5, reject_at=0.9)
    assert thresholds.action(0.49) is Action.APPROVE
    assert thresholds.action(0.5) is Action.FLAG
    assert thresholds.action(0.89) is Action.FLAG
    assert thresholds.action(0.9) is Action.REJECT


def test_thresholds_out_of_order_are_refused() -> None:
    with pytest.raises(ValueError, match="flag_at"):
        Thresholds(flag_at=0.9, reject_at=0.5)


def test_the_score_without_links_leaves_out_link_signals_and_the_classifiers_link_share() -> None:
    signals = [Signal("links", 2.0), Signal("link_markup", 2.0), Signal("money", 1.0)]
    score = combine(3.0, signals, Weights(bias=-1.0, model_weight=0.5), model_link_logit=2.0)
    assert score.logit == pytest.approx(-1.0 + 1.5 + 5.0)
    assert score.without_links == pytest.approx(sigmoid(-1.0 + 0.5 + 1.0 - 0.5))  # money alone is no sale


def test_links_alone_hold_and_rejection_needs_the_score_without_links_to_reach_flag_at() -> None:
    thresholds = Thresholds(flag_at=0.5, reject_at=0.9)
    assert thresholds.action(0.99, without_links=0.49) is Action.FLAG
    assert thresholds.action(0.99, without_links=0.5) is Action.REJECT
    links_only = combine(0.0, [Signal("links", 5.0), Signal("link_markup", 5.0)], Weights(bias=-1.0))
    assert links_only.score > 0.99 and thresholds.decide(links_only) is Action.FLAG
    with_words = combine(0.0, [Signal("links", 5.0), Signal("self_promotion", 2.0)], Weights(bias=-1.0))
    assert thresholds.decide(with_words) is Action.REJECT


def test_a_business_handed_to_the_readers_holds_but_rejects_only_when_the_rest_would_reject() -> None:
    thresholds = Thresholds(flag_at=0.5, reject_at=0.9)
    assert thresholds.action(0.99, without_links=0.9, unaided=0.89) is Action.FLAG
    assert thresholds.action(0.99, without_links=0.9, unaided=0.9) is Action.REJECT
    handed = combine(0.0, [Signal("affiliate", 5.0), Signal("contact", 1.0)], Weights(bias=-1.0, words_alone=0.0))
    assert handed.score > 0.99 and handed.unaided == pytest.approx(sigmoid(0.0))
    assert thresholds.decide(handed) is Action.FLAG
    with_more = combine(0.0, [Signal("affiliate", 5.0), Signal("contact", 4.0)], Weights(bias=-1.0, words_alone=0.0))
    assert thresholds.decide(with_more) is Action.REJECT


def test_words_alone_need_surer_log_odds_than_words_next_to_a_sign_of_spam() -> None:
    weights = Weights(bias=-1.25, model_weight=0.25, words_alone=-0.5)
    assert combine(6.0, [], weights).score < 0.5  # words alone: log-odds 6 do not hold
    assert combine(7.0, [], weights).score >= 0.5  # from 7 they do
    assert combine(6.0, [Signal("contact", 0.01)], weights).score > 0.5  # any sign of a sale lifts the penalty
    assert combine(6.0, [Signal("known_author", -1.0)], weights).logit == pytest.approx(-1.25 + 1.5 - 1.0 - 0.5)


@pytest.mark.parametrize("no_sale", [["money"], ["crypto"], ["pharmacy"], ["money", "adult"]])
def test_words_next_to_a_topic_alone_need_the_surer_log_odds_of_words_alone(no_sale: list[str]) -> None:
    weights = Weights(bias=-1.25, model_weight=0.25, words_alone=-0.5)
    score = combine(6.0, [Signal(name, 0.4) for name in no_sale], weights)
    assert score.logit == pytest.approx(-1.25 + 1.5 + 0.4 * len(no_sale) - 0.5)


@pytest.mark.parametrize(
    "sign_of_a_sale", ["links", "contact", "call_to_action", "company_footer", "campaign", "shouting", "filler"]
)
def test_a_topic_next_to_a_sign_of_a_sale_or_a_style_lifts_the_penalty_of_words_alone(sign_of_a_sale: str) -> None:
    weights = Weights(bias=-1.25, model_weight=0.25, words_alone=-0.5)
    score = combine(6.0, [Signal("money", 0.75), Signal(sign_of_a_sale, 0.4)], weights)
    assert score.logit == pytest.approx(-1.25 + 1.5 + 0.75 + 0.4)


def test_the_score_without_links_counts_as_words_alone_when_only_links_weighed_for_spam() -> None:
    weights = Weights(bias=-1.0, model_weight=0.5, words_alone=-0.5)
    score = combine(4.0, [Signal("links", 2.0)], weights)
    assert score.logit == pytest.approx(-1.0 + 2.0 + 2.0)
    assert score.without_links == pytest.approx(sigmoid(-1.0 + 2.0 - 0.5))


def test_next_to_an_evasion_the_classifiers_ham_evidence_is_left_out_and_its_spam_evidence_kept() -> None:
    weights = Weights(bias=-1.0, model_weight=0.5, words_alone=0.0)
    assert combine(-8.0, [Signal("disguised", 2.0)], weights).logit == pytest.approx(-1.0 + 2.0)
    assert combine(4.0, [Signal("disguised", 2.0)], weights).logit == pytest.approx(-1.0 + 2.0 + 2.0)
    assert combine(-8.0, [Signal("money", 2.0)], weights).logit == pytest.approx(-1.0 - 4.0 + 2.0)


def test_a_spelled_link_leaves_out_the_ham_evidence_only_in_the_score_with_links() -> None:
    weights = Weights(bias=-1.0, model_weight=0.5, words_alone=0.0)
    score = combine(-8.0, [Signal("spelled_link", 2.5)], weights)
    assert score.logit == pytest.approx(-1.0 + 2.5)
    assert score.without_links == pytest.approx(sigmoid(-1.0 - 4.0))


def test_topic_signals_alone_keep_the_topic_share_of_their_weight() -> None:
    signals = [Signal("money", 1.5), Signal("shouting", 0.6), Signal("reader", -1.0)]
    weighed = topics_alone(signals, Weights(topic_alone=0.5))
    assert [s.weight for s in weighed] == [0.75, 0.6, -1.0]


def test_topics_alone_weigh_as_their_strongest_one_as_one_talk_of_money_and_crypto_is_one_topic() -> None:
    signals = [Signal("money", 1.5), Signal("crypto", 2.0), Signal("reader", -1.0)]
    weighed = topics_alone(signals, Weights(topic_alone=0.5))
    assert [(s.name, s.weight) for s in weighed] == [("money", 0.0), ("crypto", 1.0), ("reader", -1.0)]


def test_topics_next_to_a_sign_of_a_sale_each_weigh_in_full() -> None:
    signals = [Signal("money", 1.5), Signal("crypto", 2.0), Signal("contact", 1.5)]
    assert topics_alone(signals, Weights(topic_alone=0.5)) == signals


@pytest.mark.parametrize("sign_of_a_sale", ["links", "contact", "call_to_action", "self_promotion", "campaign"])
def test_topic_signals_weigh_in_full_next_to_a_sign_of_a_sale(sign_of_a_sale: str) -> None:
    signals = [Signal("pharmacy", 2.0), Signal(sign_of_a_sale, 1.0)]
    assert topics_alone(signals, Weights(topic_alone=0.5)) == signals
