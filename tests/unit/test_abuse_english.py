"""The English model: alt-profanity-check's probabilities without scikit-learn, and its share in the abuse check."""

from __future__ import annotations

import gzip
import json
import random
import re
from importlib import resources
from pathlib import Path

import pytest
from profanity_check import predict_prob

from worker.abuse import facts as fact
from worker.abuse.english import DEFAULT_WEIGHTS, EnglishModel, shipped_english
from worker.abuse.lessons import lesson
from worker.abuse.model import WeightsError, shipped_model
from worker.checks.abuse import AbuseCheck, build
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy

TEXTS = [
    "",
    "!!! ??? ...",
    "Thanks for the tutorial, it helped me fix my script.",
    "Shut up, nobody cares about your garbage opinion.",
    "idiot idiot idiot, you IDIOT",
    "What a pathetic loser, crawl back under your rock.",
    "I killed it at the gym today, the workout was brutal.",
    "L'İstanbul trip was great: café, naïve résumé, ÆØÅ and 東京 too.",
    "a b c d e f g",
    "snake_case_names and CamelCase and numbers 12 345 6789 count as words",
    "Quel abruti, retourne dans ta grotte.",
    "You are a disgrace and a waste of space, and your mother knows it.",
]
INSULT = "Shut up, nobody cares about your garbage opinion."


def comment(text: str, language: str | None = None) -> Comment:
    return Comment(id="c1", post_id="p1", content=text, language=language)


def test_the_english_model_gives_the_probabilities_of_alt_profanity_check() -> None:
    ours = [shipped_english().probability(text) for text in TEXTS]
    assert ours == pytest.approx([float(p) for p in predict_prob(TEXTS)], abs=1e-5)


def test_the_weights_file_and_its_licence_are_part_of_the_installed_package() -> None:
    data = resources.files("worker.abuse").joinpath("data")
    assert DEFAULT_WEIGHTS.samefile(str(data.joinpath("english.json.gz")))
    assert "MIT License" in data.joinpath("english.LICENSE").read_text(encoding="utf-8")


def test_the_weights_file_holds_single_words_never_sentences() -> None:
    with gzip.open(DEFAULT_WEIGHTS, "rt", encoding="utf-8") as f:
        words = json.load(f)["words"]
    assert len(words) < 20_000 and all(re.fullmatch(r"\w\w+", word) for word in words)


def test_the_evidence_names_the_words_that_weigh_with_their_spans() -> None:
    found = shipped_english().words(INSULT)
    assert found and found == sorted(found, key=lambda w: -w.log_odds)
    assert all(INSULT[w.start : w.end] == w.text and w.log_odds > 0 for w in found)
    assert "garbage" in [w.text for w in found] and "Thanks" not in [w.text for w in found]


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"not gzip at all", "cannot read"),
        (gzip.compress(b'{"format": 9}'), "format 9"),
        (gzip.compress(b'{"format": 1, "words": {"bad": [1.0]}, "calibrated": [[0, -1, 0]]}'), "IDF and 1 weights"),
        (gzip.compress(b'{"format": 1, "words": {}, "calibrated": []}'), "at least one calibrated SVM"),
    ],
)
def test_a_damaged_weights_file_is_refused_with_a_message_naming_it(tmp_path: Path, content: bytes, error: str) -> None:
    path = tmp_path / "english.json.gz"
    path.write_bytes(content)
    with pytest.raises(WeightsError, match=error) as raised:
        EnglishModel.load(path)
    assert str(path) in str(raised.value)


def test_an_english_insult_is_held_with_what_the_english_model_added_in_its_evidence() -> None:
    alone = AbuseCheck(english=0.0).check(comment(INSULT), Context(0.0))
    result = AbuseCheck().check(comment(INSULT), Context(0.0))
    [reason] = result.reasons
    assert reason.action is Action.FLAG and reason.evidence["english_model"] > 0
    assert result.score is not None and alone.score is not None and result.score > alone.score
    assert "garbage" in [t["text"] for t in reason.evidence["terms"]]


def test_a_french_comment_is_scored_without_the_english_model() -> None:
    text = "Quel abruti, retourne dans ta grotte avec tes idées."
    with_it, without = (AbuseCheck(english=e).check(comment(text), Context(0.0)) for e in (0.5, 0.0))
    assert with_it.score == without.score
    assert all("english_model" not in r.evidence for r in with_it.reasons)


def test_a_comment_without_telling_words_is_english_only_when_its_hint_says_so() -> None:
    text = "Moron."
    unknown, hinted = (AbuseCheck().check(comment(text, hint), Context(0.0)) for hint in (None, "en"))
    assert unknown.score == AbuseCheck(english=0.0).check(comment(text), Context(0.0)).score
    assert hinted.score is not None and unknown.score is not None and hinted.score > unknown.score


def test_the_english_model_helps_to_hold_but_never_rejects_on_its_own() -> None:
    text = "Only a complete moron would write something this stupid."
    [reason] = AbuseCheck().check(comment(text), Context(0.0)).reasons
    assert reason.evidence["score"] >= AbuseCheck().reject_at
    assert reason.action is Action.FLAG  # the project's model alone is not near certain


def test_the_policy_sets_the_english_share_and_refuses_a_negative_one() -> None:
    assert build(Policy.from_mapping({}).section("abuse")).english == 0.5
    assert build(Policy.from_mapping({"abuse": {"english": 0}}).section("abuse")).english == 0
    with pytest.raises(ConfigError, match=r"abuse\.english.*-1"):
        build(Policy.from_mapping({"abuse": {"english": -1}}).section("abuse"))


def test_an_approval_teaches_enough_that_the_check_english_model_included_lets_the_text_through() -> None:
    check, model = AbuseCheck(), shipped_model()
    target = check.flag_at / 2
    offset = check.english_added(INSULT)
    assert offset > 0 and check.check(comment(INSULT), Context(0.0)).reasons
    taught = model.with_lessons(lesson(model, INSULT, abusive=False, target=target, offset=offset), 1)
    result = check.check(comment(INSULT), Context(0.0, {fact.MODEL: taught}))
    assert not result.reasons and result.score is not None and result.score < target
    short = model.with_lessons(lesson(model, INSULT, abusive=False, target=target), 1)  # the model alone
    assert check.check(comment(INSULT), Context(0.0, {fact.MODEL: short})).reasons


def test_an_abusive_lesson_makes_the_check_reject_the_text_even_where_the_english_model_disagrees() -> None:
    text = "People like them should go back where they came from, all of them."
    check, model = AbuseCheck(), shipped_model()
    offset = check.english_added(text)
    assert offset < 0
    taught = model.with_lessons(lesson(model, text, abusive=True, target=check.reject_at, offset=offset), 1)
    [reason] = check.check(comment(text), Context(0.0, {fact.MODEL: taught})).reasons
    assert reason.action is Action.REJECT


def test_a_latin1_text_gives_the_tokens_of_the_pattern_and_single_characters_only_besides() -> None:
    from worker.abuse.english import _tokens

    pattern = re.compile(r"\w\w+")
    latin1 = [chr(code) for code in range(256)]
    rng = random.Random(5)
    for text in ["".join(rng.choices(latin1 + [" "] * 20, k=rng.randint(0, 30))) for _ in range(3000)] + TEXTS:
        assert [t for t in _tokens(text) if len(t) > 1] == pattern.findall(text.lower()), text


def test_a_latin1_texts_words_between_spaces_give_the_spans_its_lowered_text_gives_every_token() -> None:
    from worker.abuse.english import _spaced_spans, _spans, _tokens, _words_between_spaces

    latin1 = [chr(code) for code in range(256)]
    rng = random.Random(8)
    texts = ["".join(rng.choices(latin1 + [" "] * 20, k=rng.randint(0, 40))) for _ in range(3000)]
    texts += [" ".join(rng.choices(["ab", "AB", "abab", "ab_", "Ab1", "aBa", "ab.ab"], k=8)) for _ in range(1000)]
    for text in texts + [t for t in TEXTS if max(t, default=" ") <= "\xff"]:
        spaced = _words_between_spaces(text)
        assert spaced is not None
        for word in set(_tokens(text)):
            assert _spaced_spans(spaced, word) == _spans(text.lower(), word), (text, word)
