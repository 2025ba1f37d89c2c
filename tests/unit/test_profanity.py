"""The profanity check: evidence, spans, severities mapped to actions, languages, site lists."""

from __future__ import annotations

from pathlib import Path

import pytest

from worker.checks import profanity
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, Comment, mask
from worker.policy import Policy, Section

CONTEXT = Context(now=0.0)


def comment(content: str, language: str | None = None, email: str = "author@example.org") -> Comment:
    return Comment(id="c1", post_id="p1", author_email=email, content=content, language=language)


def run(content: str, language: str | None = None, section: Section | None = None):
    check = profanity.build(section or Section("profanity", {}, "test"))
    return check.check(comment(content, language), CONTEXT)


def words(content: str, language: str | None = None, section: Section | None = None) -> list[str]:
    return [reason.evidence["word"] for reason in run(content, language, section).reasons]


def test_the_check_keeps_its_name_and_interface():
    check = profanity.build(Section("profanity", {}, "test"))
    assert check.name == profanity.NAME == "profanity"
    assert run("hello there").check == "profanity"


def test_a_clean_comment_gives_no_reason_and_a_zero_score():
    result = run("What a lovely article, thank you for writing it.")
    assert result.reasons == ()
    assert result.score == 0.0
    assert result.censor == ()


def test_a_hit_reports_word_match_span_language_and_severity():
    text = "Well, FÜCK this."
    (reason,) = run(text).reasons
    assert reason.check == "profanity"
    assert reason.evidence == {
        "field": "content",
        "word": "fuck",
        "match": "FÜCK",
        "span": [6, 10],
        "language": "en",
        "severity": "strong",
        "count": 1,
    }
    start, end = reason.evidence["span"]
    assert text[start:end] == "FÜCK"


def test_spans_point_into_the_original_text_despite_invisible_characters():
    text = "oh \u200bf\u200bu\u200bc\u200bk you, and merde"
    result = run(text)
    masked = mask(text, result.censor)
    assert "merde" not in masked
    assert [text[s:e] for s, e in result.censor] == ["f\u200bu\u200bc\u200bk", "merde"]


def test_every_occurrence_is_censored_but_reported_once_with_a_count():
    result = run("shit, shit and more shit")
    (reason,) = result.reasons
    assert reason.evidence["count"] == 3
    assert len(result.censor) == 3
    assert mask("shit, shit and more shit", result.censor) == "****, **** and more ****"


def test_severities_map_to_the_default_actions():
    assert run("merde alors").reasons[0].action is Action.CENSOR
    assert run("you motherfucker").reasons[0].action is Action.FLAG
    assert run("what a faggot").reasons[0].action is Action.REJECT


def test_severity_actions_come_from_the_policy_section():
    section = Section("profanity", {"action_mild": "flag", "action_strong": "reject", "action_slur": "flag"}, "t")
    assert run("merde alors", section=section).reasons[0].action is Action.FLAG
    assert run("you motherfucker", section=section).reasons[0].action is Action.REJECT
    assert run("what a faggot", section=section).reasons[0].action is Action.FLAG


def test_an_unknown_action_is_a_config_error_naming_the_key():
    with pytest.raises(ConfigError, match=r"profanity\.action_slur"):
        profanity.build(Section("profanity", {"action_slur": "delete"}, "t"))


def test_the_score_follows_the_worst_severity():
    assert run("merde").score == pytest.approx(0.4)
    assert run("merde, connard").score == pytest.approx(0.7)
    assert run("merde, sale bougnoule").score == pytest.approx(1.0)
    assert all(0.0 <= run(t).score <= 1.0 for t in ("", "fuck", "nigger nigger"))


def test_messages_read_well_and_never_hold_the_email():
    email = "fuck.you@example.org"
    result = profanity.build(Section("profanity", {}, "t")).check(comment("fuck you all", email=email), CONTEXT)
    (reason,) = result.reasons
    assert reason.message == "Strong profanity (English): “fuck you”."
    assert email not in reason.message
    assert email not in str(reason.evidence)


def test_retard_is_a_delay_in_a_french_comment():
    assert words("Le train a du retard, je suis en retard pour le travail.") == []


def test_retard_is_a_slur_in_an_english_comment():
    assert words("You are such a retard, honestly.") == ["retard"]


def test_the_comment_language_field_decides_when_the_text_is_too_short_to_tell():
    assert words("retard !", language="fr") == []
    assert words("retard !", language="en") == ["retard"]
    assert words("retard !", language="fr-CA") == []


def test_a_clearly_english_comment_overrules_a_french_language_field():
    assert words("you are such a retard and you know it", language="fr") == ["retard"]


def test_con_and_bite_are_french_insults_but_english_words():
    assert words("Quel con, celui-là, il est vraiment con.") == ["con"]
    assert words("The pros and cons of a con man's bite.") == []
    assert words("Il m'a montré sa bite, c'est dégoûtant.") == ["bite"]


def test_english_swearing_in_a_french_comment_is_still_found():
    (reason,) = run("Franchement, fuck le gouvernement et ses lois.").reasons
    assert reason.evidence["language"] == "en"


def test_french_profanity_without_accents_is_found():
    assert words("espece d'encule de batard") == ["encule", "batard"]


def test_the_policy_languages_key_can_drop_french(tmp_path: Path):
    section = Section("profanity", {"languages": ["en"]}, "t")
    assert words("connard", section=section) == []
    assert words("fuck", section=section) == ["fuck"]


def test_a_site_adds_words_and_a_language_through_a_words_file(tmp_path: Path):
    (tmp_path / "words").mkdir()
    (tmp_path / "words" / "es.txt").write_text(
        "# Spanish words of this site\nlanguage: es\nstopwords: el la los que de y es\n"
        "gilipollas strong\ncabrón slur\n",
        encoding="utf-8",
    )
    section = Section("profanity", {"extra_words_files": ["words/es.txt"]}, "policy.toml", base_dir=tmp_path)
    result = run("Eres un gilipollas y un cabron", section=section)
    assert [(r.evidence["word"], r.evidence["language"], r.action) for r in result.reasons] == [
        ("gilipollas", "es", Action.FLAG),
        ("cabron", "es", Action.REJECT),
    ]


def test_a_number_a_site_lists_is_found_in_brackets_or_punctuation(tmp_path: Path):
    (tmp_path / "codes.txt").write_text("22 strong\n", encoding="utf-8")
    section = Section("profanity", {"extra_words_files": ["codes.txt"]}, "t", base_dir=tmp_path)
    assert words("Call (22) or 22, not 223", section=section) == ["22"]
    assert run("Call (22) or 22, not 223", section=section).censor == ((6, 8), (13, 15))


def test_numbers_find_nothing_and_are_not_remembered_as_clean_words():
    matcher = profanity.Matcher(profanity.load_lexicon())
    assert matcher.scan("Bravo (2024) 73rd [12]. 1,5 -7- merci") == []
    assert matcher._clean.isdisjoint({"(2024)", "[12].", "-7-"})
    assert {"bravo", "merci", "73rd", "1,5"} <= matcher._clean


def test_the_tokens_of_a_new_chunk_are_remembered_and_found_again_in_other_chunks_but_numbers_are_not():
    matcher = profanity.Matcher(profanity.load_lexicon())
    assert matcher.scan("see https://a.example/2024") == []
    assert {"https", "a.example"} <= matcher._tokens.keys()
    assert "2024" not in matcher._tokens
    first = matcher.scan("shit, really")
    again = matcher.scan("so (shit) again")
    assert [(h.start, h.end, h.word) for h in first] == [(0, 4, "shit")]
    assert [(h.start, h.end, h.word) for h in again] == [(4, 8, "shit")]


def test_a_site_words_file_can_change_a_builtin_severity(tmp_path: Path):
    (tmp_path / "mild.txt").write_text("fuck mild\n", encoding="utf-8")
    section = Section("profanity", {"extra_words_files": ["mild.txt"]}, "t", base_dir=tmp_path)
    assert run("fuck", section=section).reasons[0].action is Action.CENSOR


def test_a_site_exception_silences_a_word_and_its_disguises(tmp_path: Path):
    (tmp_path / "ok.txt").write_text("# our forum says damn a lot\ndamn\n", encoding="utf-8")
    section = Section("profanity", {"exceptions": ["shit"], "exceptions_files": ["ok.txt"]}, "t", base_dir=tmp_path)
    assert words("damn, shit, sh1t and shiiit", section=section) == []
    assert words("fuck", section=section) == ["fuck"]


def test_a_site_exception_phrase_protects_only_that_phrase(tmp_path: Path):
    section = Section("profanity", {"exceptions": ["Bob the Dick"]}, "t", base_dir=tmp_path)
    assert words("Bob the Dick is our mascot", section=section) == []
    assert words("what a dick", section=section) == ["dick"]


def test_a_missing_site_file_is_a_config_error_naming_the_key(tmp_path: Path):
    section = Section("profanity", {"extra_words_files": ["nope.txt"]}, "t", base_dir=tmp_path)
    with pytest.raises(ConfigError, match="extra_words_files"):
        profanity.build(section)
    section = Section("profanity", {"exceptions_files": ["nope.txt"]}, "t", base_dir=tmp_path)
    with pytest.raises(ConfigError, match="exceptions_files"):
        profanity.build(section)


def test_a_words_file_with_a_bad_severity_is_a_config_error(tmp_path: Path):
    (tmp_path / "bad.txt").write_text("gilipollas high\n", encoding="utf-8")
    section = Section("profanity", {"extra_words_files": ["bad.txt"]}, "t", base_dir=tmp_path)
    with pytest.raises(ConfigError, match="line 1"):
        profanity.build(section)


def test_the_check_is_built_from_a_policy_through_the_registry():
    from worker.checks import build_checks

    policy = Policy.from_mapping({"checks": ["profanity"], "profanity": {"action_mild": "flag"}})
    (check,) = build_checks(policy)
    assert check.check(comment("merde"), CONTEXT).reasons[0].action is Action.FLAG


def test_the_matcher_is_built_once_per_configuration():
    first = profanity.build(Section("profanity", {}, "a"))
    second = profanity.build(Section("profanity", {"action_mild": "flag"}, "b"))
    assert first.matcher is second.matcher


def test_a_strong_word_in_the_author_name_holds_the_comment_without_masking_the_content() -> None:
    from worker.checks.base import Context
    from worker.checks.profanity import ProfanityCheck
    from worker.models import Action, Comment

    comment = Comment("c", "p", "FuckFace 2000", "x@example.org", "Bel article, merci.")
    result = ProfanityCheck().check(comment, Context(now=0.0))
    assert [(r.evidence["field"], r.action) for r in result.reasons] == [("author_name", Action.FLAG)]
    assert result.censor == ()


def test_a_first_name_that_is_also_a_mild_word_is_not_held() -> None:
    from worker.checks.base import Context
    from worker.checks.profanity import ProfanityCheck
    from worker.models import Comment

    comment = Comment("c", "p", "Dick Smith", "x@example.org", "Great article, thanks.")
    assert ProfanityCheck().check(comment, Context(now=0.0)).reasons == ()


@pytest.mark.parametrize(
    "text",
    ["Go home, honky.", "Nobody likes a wigga.", "He called them porch monkeys.", "Shut up, jungle bunny."],
)
def test_english_racial_slurs_missing_from_better_profanity_are_reported_as_slurs(text: str) -> None:
    [reason] = run(text).reasons
    assert reason.evidence["severity"] == "slur" and reason.action is Action.REJECT


@pytest.mark.parametrize(
    "text", ["Honky Tonk Women is a great song.", "We danced in a honky-tonk bar.", "The monkey sat on the porch."]
)
def test_a_music_genre_or_the_plain_words_of_a_slur_are_not_reported(text: str) -> None:
    assert run(text).reasons == ()


@pytest.mark.parametrize("text", ["Happy birthday my nicca.", "Look at those niccas.", "Them nigs again."])
def test_spellings_of_the_n_word_missing_from_better_profanity_are_reported_as_slurs(text: str) -> None:
    [reason] = run(text).reasons
    assert reason.evidence["severity"] == "slur" and reason.action is Action.REJECT


@pytest.mark.parametrize(
    "text", ["Shut up, hoe.", "He only talks about his hoes.", "Side hos everywhere.", "Typical white trash behaviour."]
)
def test_sexist_and_classist_slurs_are_held_for_a_moderator(text: str) -> None:
    [reason] = run(text).reasons
    assert reason.evidence["severity"] == "strong" and reason.action is Action.FLAG


@pytest.mark.parametrize(
    "text",
    [
        "I sharpened my garden hoe and weeded the beds.",
        "A Dutch hoe is easier on the back.",
        "Our Maine Coon sleeps all day.",
        "Those were the chinks in their armor.",
    ],
)
def test_a_garden_tool_a_cat_breed_or_an_idiom_holding_a_listed_word_is_not_reported(text: str) -> None:
    assert run(text).reasons == ()
