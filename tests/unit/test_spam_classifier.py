"""The classifier: learning is count increments, scoring is naive Bayes, and the state round-trips as flat counts."""

from __future__ import annotations

import re

import pytest

from worker.spam import features as features_module
from worker.spam.classifier import BITS_FIELD, Label, ModelState
from worker.spam.features import bucket, display, features, is_link_feature


def trained() -> ModelState:
    model = ModelState()
    for text in ("buy cheap pills now", "cheap pills online", "win money now"):
        model.learn(text, Label.SPAM)
    for text in ("lovely song", "great article thanks", "thanks for the song"):
        model.learn(text, Label.HAM)
    return model


def test_learning_returns_one_increment_per_feature_plus_the_document_count() -> None:
    delta = ModelState().increments("cheap pills", Label.SPAM)
    assert delta["docs:spam"] == 1
    assert {f"spam:{bucket(f)}" for f in features("cheap pills")} <= set(delta)
    assert all(value == 1 for value in delta.values())


def test_a_feature_repeated_in_one_comment_counts_once() -> None:
    assert ModelState().increments("spam spam spam", "spam")[f"spam:{bucket('w:spam')}"] == 1


def test_unlearning_removes_exactly_what_learning_added() -> None:
    model = trained()
    before = model.to_fields()
    model.learn("cheap watches", Label.SPAM)
    model.learn("cheap watches", Label.SPAM, times=-1)
    assert model.to_fields() == before


def test_applying_the_increments_of_another_worker_gives_the_same_model() -> None:
    here, there = trained(), trained()
    delta = here.learn("free crypto signals", Label.SPAM)
    there.apply(delta)
    assert here.to_fields() == there.to_fields()


def test_spammy_text_scores_above_one_half_and_ordinary_text_below() -> None:
    model = trained()
    assert model.score("cheap pills") > 0.5 > model.score("great song")


def test_an_empty_model_says_one_half() -> None:
    assert ModelState().score("anything at all") == 0.5


def test_the_explanation_names_the_words_that_weighed_most() -> None:
    verdict = trained().explain("cheap pills and a song", top=2)
    assert {c.feature for c in verdict.top} <= {"cheap", "pills", "cheap pills", "song"}
    assert len(verdict.top) == 2


def test_a_model_that_learns_after_scoring_scores_with_what_it_learned() -> None:
    model = trained()
    before = model.score("cheap watches")  # remembered odds must not outlive the counts they came from
    model.learn("cheap watches", Label.SPAM, times=3)
    assert model.score("cheap watches") > before
    assert model.score("cheap watches") == ModelState(model.to_fields()).score("cheap watches")


def test_scores_are_the_same_whether_a_model_scored_other_texts_before_or_not() -> None:
    warm, cold = trained(), trained()
    for text in ("great song", "cheap pills now", "buy a song online"):
        warm.explain(text)
    assert warm.explain("cheap song online", top=3) == cold.explain("cheap song online", top=3)


def test_the_state_round_trips_through_flat_string_and_bytes_mappings() -> None:
    model = trained()
    fields = model.to_fields()
    as_redis_strings = {k: str(v) for k, v in fields.items()}
    as_redis_bytes = {k.encode(): str(v).encode() for k, v in fields.items()}
    for copy in (ModelState.from_fields(fields), ModelState.from_fields(as_redis_strings)):
        assert copy.to_fields() == fields
    assert ModelState.from_fields(as_redis_bytes).to_fields() == fields
    assert ModelState.from_fields(fields).score("cheap pills") == model.score("cheap pills")


def test_every_field_and_value_is_a_string_and_an_integer() -> None:
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in trained().to_fields().items())


def test_a_model_hashed_with_other_bits_is_refused() -> None:
    with pytest.raises(ValueError, match="bits"):
        ModelState.from_fields({BITS_FIELD: 12})


def test_the_document_counts_follow_learning() -> None:
    assert trained().documents == {Label.SPAM: 3, Label.HAM: 3}


def test_an_email_address_in_the_text_leaves_no_trace_in_the_features() -> None:
    found = features("write to jane.doe@example.org now")
    assert not any("jane" in f or "example" in f for f in found)


def test_the_verdict_tells_the_share_of_the_log_odds_owed_to_links() -> None:
    model = ModelState()
    for n in range(5):
        model.learn(f"win money now https://prize{n}.example.xyz", Label.SPAM)
        model.learn("lovely song thanks", Label.HAM)
    linked = model.explain("lovely song https://prize9.example.xyz")
    words_only = model.explain("lovely song")
    assert linked.link_logit > 1.0
    assert linked.logit - linked.link_logit == pytest.approx(words_only.logit)
    assert words_only.link_logit == 0.0


def test_link_features_are_told_apart_from_the_words_around_them() -> None:
    found = features("nice https://shop.example.com here", author_url="https://me.example.org")
    linked = {f for f in found if is_link_feature(f)}
    assert {"w:linkurl", "b:nice linkurl", "b:linkurl here", "h:example.com", "u:website"} <= linked
    assert {"w:nice", "w:here"} == found - linked


def test_link_markup_reads_as_the_link_it_is_not_as_words() -> None:
    for text in ('<a href="https://v.example.com/w?t=1">1:20</a> wow', "[url=https://v.example.com]1:20[/url] wow"):
        words = {f for f in features(text) if f.startswith("w:")}
        assert words == {"w:linkurl", "w:0", "w:wow"}, text


def test_html_entities_are_read_as_the_characters_they_stand_for() -> None:
    assert features("I&#39;m here &amp; there") == features("I'm here & there")
    assert "w:0" not in features("don&#39;t")


def test_formatting_tags_are_no_words_for_the_classifier() -> None:
    assert "w:br" not in features("Super video<br />and <p>more</p>")
    assert {"w:video", "w:and", "w:more"} <= features("Super video<br />and <p>more</p>")


def test_evidence_writes_each_kind_of_feature_as_a_reader_would() -> None:
    shown = [display(f) for f in ("w:cheap", "b:cheap pills", "n:bob", "u:website", "h:example.com", "g:.exa")]
    assert shown == ["cheap", "cheap pills", "name:bob", "has website", "link:example.com", "link~.exa"]
    assert display("x:unknown kind") == "x:unknown kind"


def test_features_that_weigh_the_same_are_listed_by_name() -> None:
    model = ModelState()
    model.learn("zulu yankee xray whiskey victor", Label.SPAM)
    top = model.explain("zulu yankee xray whiskey victor", top=4).top
    assert len({c.log_odds for c in top}) == 1
    assert [c.feature for c in top] == ["whiskey victor", "xray whiskey", "yankee xray", "zulu yankee"]


def test_numbers_are_found_where_a_word_boundary_pattern_finds_them() -> None:
    before = re.compile(r"\b\d+(?:[.,]\d+)*\b")  # the pattern as first written
    texts = ("x2 2x 2,000,000 views, $5000, 3.14 and 1.2.3", "a1.5 _12 12_ 12a é3 3é", "١٢٣ ٤,٥ ²3 3² 12.", "", "7")
    for text in texts:
        assert features_module._NUMBER.sub(" 0 ", text) == before.sub(" 0 ", text), text
