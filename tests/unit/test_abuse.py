"""The abuse check: its features, its fast scoring against the plain dot product, evidence, lessons, policy."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from worker.abuse.categories import category
from worker.abuse.features import (
    aimed,
    char_count,
    char_ngram_list,
    char_ngrams,
    counts,
    features,
    innocent_words,
    spans,
    tokens,
    words,
)
from worker.abuse.lessons import lesson
from worker.abuse.model import AbuseModel, WeightsError, shipped_model, sigmoid
from worker.checks.abuse import AbuseCheck, build
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy

CONTEXT = Context(0.0)
INSULT = "You are a complete idiot and everybody here knows it."
KIND = "Thanks for the clear explanation of the new timetable."


def comment(content: str) -> Comment:
    return Comment(id="c1", post_id="p1", content=content)


def toy_model() -> AbuseModel:
    return AbuseModel(-1.0, {"idiot": 3.0, "you": 0.5}, {"you idiot": 1.0}, {"dio": 0.2, "<th": -0.1})


def test_tokens_are_folded_words_whose_spans_point_at_the_words_as_written() -> None:
    text = "@bob Tu es un CONNÂRD!! https://x.example/a www.y.fr #idiot"
    found = tokens(text)
    assert [t.word for t in found] == ["tu", "es", "un", "connard", "idiot"]
    assert [text[t.start : t.end] for t in found] == ["Tu", "es", "un", "CONNÂRD", "idiot"]


def test_disguised_letters_fold_onto_the_same_word() -> None:
    assert [t.word for t in tokens("іdіоt")] == ["idiot"]  # Cyrillic look-alikes


def test_char_ngrams_mark_the_ends_of_the_word_and_their_count_is_known_without_making_them() -> None:
    assert list(char_ngrams("abc")) == ["<ab", "abc", "bc>", "<abc", "abc>", "<abc>"]
    for word in ("a", "abc", "idiot", "x" * 60):
        assert char_count(word) == len(list(char_ngrams(word)))


def test_the_pieces_of_a_word_of_any_length_cut_as_a_list_are_those_the_generator_yields_in_its_order() -> None:
    for length in range(40):
        word = "".join(chr(ord("a") + i % 26) for i in range(length))
        assert char_ngram_list(word) == list(char_ngrams(word))
        assert char_count(word) == len(list(char_ngrams(word)))


def test_features_count_words_pairs_and_pieces_scaled_by_the_square_root_of_their_total() -> None:
    raw = counts(["you", "idiot"])
    assert raw["w:you"] == raw["w:idiot"] == raw["b:you idiot"] == 1
    assert raw["c:<id"] == 1
    scaled = features("you idiot")
    total = sum(raw.values())
    assert scaled["w:idiot"] == pytest.approx(1 / math.sqrt(total))


def test_the_fast_score_equals_the_dot_product_of_the_features_with_the_weights_plus_the_aimed_share() -> None:
    model = shipped_model()
    assert model.aimed > 0
    for text in (INSULT, KIND, "T'es vraiment qu'un abruti", "a", ""):
        plain = model.bias
        for name, value in features(text).items():
            table = {"w": model.words, "b": model.pairs, "c": model.chars}[name[0]]
            plain += table.get(name[2:], 0.0) * value
        found = words(text)
        total = sum(counts(found).values())
        for i in aimed(found):
            weight = model.words.get(found[i], 0.0) + sum(model.chars.get(g, 0.0) for g in char_ngrams(found[i]))
            plain += model.aimed * max(weight, 0.0) / math.sqrt(total)
        assert model.log_odds(words(text)) == pytest.approx(plain)
        assert words(text) == [t.word for t in tokens(text)]
        assert model.probability(text) == pytest.approx(sigmoid(plain))


def test_the_words_aimed_at_a_person_are_those_near_you_tu_or_t_es_but_not_after_don_t() -> None:
    def near(text: str) -> list[str]:
        found = words(text)
        return [found[i] for i in aimed(found)]

    assert near("Honestly you are a complete idiot, all of them say") == ["honestly", "are", "a", "complete", "idiot"]
    assert near("I will kill you") == ["will", "kill"]
    assert near("T'es vraiment qu'un abruti") == ["vraiment", "qu", "un", "abruti"]
    assert near("Don't worry, the weather is fine") == []
    assert near("Your article is clear") == []  # possessives name the reader in calm comments too


def test_espece_aims_at_the_reader_as_the_vocative_espece_de_but_not_as_a_species_or_a_kind() -> None:
    def near(text: str) -> list[str]:
        found = words(text)
        return [found[i] for i in aimed(found)]

    assert near("Espèce de crétin, lis l'article") == ["de", "cretin", "lis", "l"]
    assert near("Cette espèce de papillon est protégée") == []
    assert near("Une espèce d'orchidée rare") == []
    assert near("On paie en espèces") == []


def test_a_word_aimed_at_a_person_weighs_more_than_the_same_word_said_of_no_one() -> None:
    plain = toy_model()
    aiming = AbuseModel(plain.bias, plain.words, plain.pairs, plain.chars, aimed=0.5)
    assert aiming.log_odds(words("what an idiot")) == pytest.approx(plain.log_odds(words("what an idiot")))
    assert aiming.log_odds(words("you idiot")) > plain.log_odds(words("you idiot"))
    assert aiming.log_odds(words("you thorough")) == pytest.approx(plain.log_odds(words("you thorough")))  # weight < 0
    term = aiming.explain("you idiot").terms[0]
    assert term.text == "idiot" and term.log_odds == pytest.approx(1.5 * plain.explain("you idiot").terms[0].log_odds)


def test_explain_gives_the_heaviest_terms_first_with_spans_of_the_text_as_written() -> None:
    text = "Honestly, YOU idiot."
    explained = toy_model().explain(text)
    assert explained.terms[0].text == "idiot"
    for term in explained.terms:
        assert text[term.start : term.end] == term.text
        assert term.log_odds > 0
    assert "YOU idiot" in [t.text for t in explained.terms]  # the word pair, spanning both words


def test_the_shipped_model_holds_an_insult_and_passes_a_kind_comment() -> None:
    check = AbuseCheck()
    insult = check.check(comment(INSULT), CONTEXT)
    assert insult.reasons and insult.reasons[0].action is Action.FLAG
    evidence = insult.reasons[0].evidence
    assert evidence["category"] == "insult"
    assert any(term["text"] == "idiot" and INSULT[slice(*term["span"])] == "idiot" for term in evidence["terms"])
    kind = check.check(comment(KIND), CONTEXT)
    assert kind.reasons == () and kind.score is not None and kind.score < 0.1


def test_a_score_from_reject_at_rejects() -> None:
    check = AbuseCheck(flag_at=0.1, reject_at=0.5)
    result = check.check(comment(INSULT), CONTEXT)
    assert result.reasons[0].action is Action.REJECT
    assert "rejected from 0.50" in result.reasons[0].message


def test_categories_come_from_cue_words_threat_first_then_hate_then_sexual_then_insult() -> None:
    assert category(words("these people should be shot, idiots")) == "threat"
    assert category(words("il faut les tuer")) == "threat"
    assert category(words("ces gens sont de la vermine")) == "hate"
    assert category(words("encore un bougnoule")) == "hate"  # a slur of the profanity lists
    assert category(words("t'es qu'un crétin")) == "insult"
    assert category(words("you you you you go away go away")) == "harassment"
    assert category(words("the weather is nice")) is None


def test_the_shared_model_from_the_facts_is_used_unless_lessons_are_off() -> None:
    taught = shipped_model().with_lessons({"w:timetable": 100.0}, lessons=1)
    context = Context(0.0, {"abuse.model": taught})
    assert AbuseCheck().check(comment(KIND), context).reasons
    assert not AbuseCheck(learned=False).check(comment(KIND), context).reasons


def test_a_lesson_moves_the_text_to_its_target_and_no_further_than_needed() -> None:
    model = shipped_model()
    before = model.probability(KIND)
    deltas = lesson(model, KIND, abusive=True, target=0.9)
    after = model.with_lessons(deltas, 1).probability(KIND)
    assert before < 0.1 < 0.9 < after < 0.99
    assert lesson(model, KIND, abusive=False, target=0.3) == {}  # already on that side: nothing to learn
    undo = lesson(model, INSULT, abusive=False, target=0.3)
    assert 0.2 < model.with_lessons(undo, 1).probability(INSULT) < 0.3  # aimed words: the step follows their slope
    assert model.with_lessons(undo, 1).aimed == model.aimed


def test_weights_of_another_format_or_not_numbers_are_refused_with_a_clear_error() -> None:
    with pytest.raises(WeightsError, match="format"):
        AbuseModel.from_mapping({"format": 99, "bias": 0})
    with pytest.raises(WeightsError, match="'w' must map features to numbers"):
        AbuseModel.from_mapping({"format": 1, "bias": 0, "w": {"a": "x"}})
    with pytest.raises(WeightsError, match="'aimed' must be a number from 0"):
        AbuseModel.from_mapping({"format": 1, "bias": 0, "aimed": -1})
    assert AbuseModel.from_mapping({"format": 1, "bias": 0}).aimed == 0.0  # files from before it: no share


def test_policy_thresholds_are_read_and_checked() -> None:
    policy = Policy.from_mapping({"abuse": {"flag_at": 0.7, "reject_at": 0.9, "learned": False, "refresh_s": 5}})
    check = build(policy.section("abuse"))
    assert (check.flag_at, check.reject_at, check.learned, check.refresh_s) == (0.7, 0.9, False, 5.0)
    with pytest.raises(ConfigError, match=r"abuse.reject_at"):
        build(Policy.from_mapping({"abuse": {"flag_at": 0.7, "reject_at": 0.5}}).section("abuse"))
    with pytest.raises(ConfigError, match=r"abuse.flag_at"):
        build(Policy.from_mapping({"abuse": {"flag_at": "high"}}).section("abuse"))
    with pytest.raises(ConfigError, match=r"abuse.refresh_s"):
        build(Policy.from_mapping({"abuse": {"refresh_s": -1}}).section("abuse"))


def test_a_word_innocent_in_the_comments_language_adds_nothing_but_counts_in_the_other() -> None:
    french = "Le train avait encore du retard ce matin."
    english = "What a retard."
    assert "retard" in innocent_words(words(french))
    assert "retard" not in innocent_words(words(english))
    explained = shipped_model().explain(french, top=20)
    assert "retard" not in [t.text for t in explained.terms]
    assert "retard" in [t.text for t in shipped_model().explain(english).terms]
    assert "w:retard" not in features(french) and "w:retard" in features(english)


def test_the_queue_page_highlights_the_abuse_terms_at_their_spans() -> None:
    from worker.evidence import highlights

    result = AbuseCheck().check(comment(INSULT), CONTEXT)
    marked = [h for h in highlights(INSULT, result.reasons) if h.kind == "abuse"]
    assert marked and marked[0].term == "idiot"
    assert all(INSULT[h.start : h.end] == h.term for h in marked)


def test_damaged_shipped_weights_stop_the_build_with_an_error_naming_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "weights.json.gz"
    broken.write_bytes(b"not gzip")
    monkeypatch.setattr("worker.checks.abuse.shipped_model", lambda: AbuseModel.load(broken))
    with pytest.raises(ConfigError, match=r"weights\.json\.gz: cannot read the abuse weights"):
        build(Policy.from_mapping({}).section("abuse"))


def test_terms_that_weigh_the_same_are_named_in_the_comment_s_order() -> None:
    text = "idiot, what an idiot"
    terms = toy_model().explain(text).terms
    assert [(t.text, t.start) for t in terms[:2]] == [("idiot", 0), ("idiot", 15)]
    assert terms[0].log_odds == terms[1].log_odds


def test_a_comment_is_weighed_per_word_and_per_pair_and_an_innocent_word_only_pairs() -> None:
    model = toy_model()
    found = ["you", "idiot"]
    weighed = model.weigh(found)
    assert weighed.words == [model.word_weight("you"), model.word_weight("idiot")]
    assert weighed.pairs == [1.0]
    assert weighed.log_odds == model.log_odds(found)
    innocent = model.weigh(found, frozenset({"idiot"}))
    assert innocent.words == [model.word_weight("you"), 0.0] and innocent.pairs == [1.0]
    assert innocent.features == weighed.features - char_count("idiot") - 1


def test_the_spans_of_the_first_words_only_are_those_of_all_the_words_cut_short() -> None:
    for text in ("@bob you are a total IDIOT, see https://x.example", "plain words and nothing else"):
        assert spans(text) == [(t.start, t.end) for t in tokens(text)]
        assert spans(text, 2) == spans(text)[:2]
        assert spans(text, 99) == spans(text)


def test_a_comment_holding_none_of_a_readings_words_is_not_read_by_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import worker.checks.abuse as check_module

    def not_asked(*args: object) -> None:
        raise AssertionError("a reading was asked although none of its words is in the comment")

    for name in ("frames", "sexual", "haine", "threats", "innocent_words", "unaimed_swearing"):
        monkeypatch.setattr(check_module, name, not_asked)
    comment = Comment(id="c", post_id="p", content="Great article about the new tram line, thanks for the charts.")
    assert AbuseCheck().check(comment, Context(now=0.0)).score is not None


def test_the_words_the_readings_are_gated_on_hold_every_readings_own_words() -> None:
    from worker.abuse import frames, haine, sexual, threats
    from worker.abuse.language import innocent_anywhere
    from worker.abuse.swearing import expletives
    from worker.checks.abuse import _cues

    readings = (frames.ANCHORS, sexual.ANCHORS, haine.ANCHORS, threats.TRIGGERS, innocent_anywhere(), expletives())
    assert all(words <= _cues() for words in readings)
