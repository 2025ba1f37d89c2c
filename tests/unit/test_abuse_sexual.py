"""Sexual remarks aimed at a person, English and French (worker/abuse/sexual.py), and what the abuse check does with
them: a frame of category ``sexual``, its span shown first, the policy's ``frame`` share added, never a rejection."""

from __future__ import annotations

import math

import pytest

from tests.helpers import LEANS_CLEAN as SILENT
from tests.helpers import abuse_with_no_words as check
from worker.abuse.features import words
from worker.abuse.sexual import ANCHORS, sexual
from worker.checks.abuse import DEFAULT_FLAG_AT, DEFAULT_SEXUAL, AbuseCheck, build
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy


def found(text: str) -> list[str]:
    """Return the text of each sexual remark ``text`` makes."""
    remarks = sexual(text, words(text))
    assert all(r.kind == "sexual" and text[r.start : r.end] == r.text for r in remarks)
    return [r.text for r in remarks]


REMARKS = [
    # English: the body as an object
    ("Nice tits, shame about the opinions.", "Nice tits"),
    ("Look at those boobs lol, who cares what she says", "Look at those boobs"),
    ("show us your tits love", "show us your tits"),
    ("Get your kit off for the lads!", "Get your kit off"),
    ("She should show more skin if she wants views.", "show more skin"),
    ("Great ass on the one in the red dress.", "Great ass"),
    ("Her boobs look so juicy in that picture.", "Her boobs look so juicy"),
    ("Honestly she's so fuckable.", "she's so fuckable"),
    ("Her voice makes me so hard every morning.", "Her voice makes me so hard"),
    # English: propositions and requests
    ("I'd bang her, never mind the article.", "I'd bang her"),
    ("would totally tap that", "would totally tap that"),
    ("Send nudes pls", "Send nudes"),
    ("hey author, send me some nude pics", "send me some nude pics"),
    ("What are you wearing right now?", "What are you wearing"),
    ("I'd like to see you naked, writer lady.", "I'd like to see you naked"),
    ("Come sit on my face and tell me about climate policy.", "sit on my face"),
    ("you wanna fuck or what", "you wanna fuck"),
    ("I'd love to bend her over that desk.", "bend her over"),
    # English: rape "jokes" and sexual contempt
    ("Someone like her deserves to be raped, just saying.", "her deserves to be raped"),
    ("She needs a good dicking to calm down.", "She needs a good dicking"),
    ("The author clearly needs to get laid.", "The author clearly needs to get laid"),
    ("We all know she slept her way to the top.", "slept her way to"),
    ("She was asking for it dressed like that.", "She was asking for it dressed"),
    # French: le corps comme objet
    ("T'es bonne toi, c'est tout ce que je retiens.", "T'es bonne"),
    ("Franchement la présentatrice est trop bonne.", "la présentatrice est trop bonne"),
    ("Beaux nichons, article nul.", "Beaux nichons"),
    ("Montre-nous tes seins au lieu de parler.", "Montre-nous tes seins"),
    ("Elle devrait montrer un peu plus de peau.", "Elle devrait montrer un peu plus de peau"),
    ("Tu me fais trop bander.", "Tu me fais trop bander"),
    # French: propositions et demandes
    ("Suce-moi au lieu d'écrire.", "Suce-moi"),
    ("Je te prendrais bien, ma belle.", "Je te prendrais bien"),
    ("J'aimerais te voir à poil.", "te voir à poil"),
    ("À poil la journaliste !", "À poil la journaliste"),
    ("Envoie-moi des photos de toi nue.", "Envoie-moi des photos de toi nue"),
    ("Viens t'asseoir… non, assieds-toi sur ma bouche.", "assieds-toi sur ma bouche"),
    ("Ça te dit qu'on couche ensemble ?", "Ça te dit qu'on couche"),
    ("Tu portes quoi ce soir ?", "Tu portes quoi ce soir"),
    # French: viol « pour rire » et mépris sexuel
    ("Elle a couché pour avoir le poste, tout le monde le sait.", "Elle a couché pour avoir"),
    ("Promotion canapé, évidemment.", "Promotion canapé"),
    ("Elle mérite de se faire violer.", "Elle mérite de se faire violer"),
    ("Encore une mal baisée qui donne des leçons.", "mal baisée"),
]
"""Sexual remarks aimed at a person, each with the text of the remark."""


@pytest.mark.parametrize(("text", "remark"), REMARKS)
def test_sexual_remarks_aimed_at_a_person_are_read_with_their_text(text: str, remark: str) -> None:
    assert found(text)[:1] == [remark]


LOOK_ALIKES = [
    # sex education, health, news of an assault
    "Teens are often pressured to send nudes; talk to your kids about it.",
    "Never send nudes to someone you met online.",
    "The court heard he sent her explicit photos and asked her to send nudes.",
    "He texted her 'send nudes' forty times, the report says.",
    "She told the jury he had said she should show more skin.",
    "Self-examination of your breasts once a month catches lumps early.",
    "Running with my huge boobs hurts my back, any sports bra tips?",
    "Me shaking my sexy ass at my cousin's wedding, no regrets.",
    "Après une mammographie, les seins peuvent être sensibles quelques jours.",
    "Ne montre pas tes seins à un inconnu sur internet, c'est du chantage assuré.",
    "Il lui demandait d'envoyer des photos d'elle nue, selon l'enquête.",
    "Saying 'nice tits' to a colleague is harassment, full stop.",
    # compliments and everyday uses of the same words
    "She's beautiful and her speech was brilliant.",
    "Sexy car, shame about the mileage.",
    "The photos were stunning, especially the sunset.",
    "Nice rack, where did you buy it? My bikes need one.",
    "He made a great ass of himself at the hearing.",
    "That was a big ass truck parked on the pavement.",
    "What are you wearing to the wedding?",
    "I'd bang my head against the wall if I read this again.",
    "I'd tap into the savings before borrowing.",
    "Block me if you want, I'd hit the road anyway.",
    "I wanna see you in court, not on Twitter.",
    "The dress shows more skin than the school allows, says the head teacher.",
    "Tu es bonne en maths, aide-moi pour l'exercice.",
    "Elle est bonne, cette tarte aux pommes.",
    "Je te prendrai à la gare demain à huit heures.",
    "Cette maison, je la prendrais bien pour les vacances.",
    "Notre chien à poil ras perd beaucoup moins de poils.",
    "Envoyez-nous des photos de vos plats pour le concours !",
    "Il a couché le bébé pour avoir un peu de calme.",
    "Le canapé du salon est à vendre.",
    "Promotion canapé-lit ce week-end chez le marchand de meubles.",
    "He was asking for it after that tackle, straight red.",
    "I'd hit it out of the park with that pitch.",
    "Tu portes quoi pour le mariage de samedi ?",
    "Montre-nous tes photos de vacances !",
    "Les militantes ont montré leurs seins devant l'Assemblée pour protester.",
    "Ce projet m'excite pas du tout.",
    "Je t'aime, mon amour, à ce soir.",
    "Le roman parle de sexualité et de consentement avec finesse.",
]
"""Texts with a remark's words that make none."""


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_sex_education_news_quotes_denials_and_everyday_look_alikes_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_comment_without_an_anchor_word_is_not_read_by_the_patterns() -> None:
    assert "tits" in ANCHORS
    assert sexual("nice tits", ["thanks", "for", "the", "article"]) == []


@pytest.mark.parametrize(
    ("text", "remark"), [("Great article. Send nudes pls", "Send nudes"), ("Franchement t'es bonne.", "t'es bonne")]
)
def test_a_sexual_remark_is_held_with_category_sexual_and_its_span_first(text: str, remark: str) -> None:
    score, reasons = check(text, AbuseCheck(english=0.0, frame=2.0))
    [held] = reasons
    first = held.evidence["terms"][0]
    shown = (held.action, held.evidence["category"], first["text"], text[slice(*first["span"])], first["log_odds"])
    assert shown == (Action.FLAG, "sexual", remark, remark, 2.0)
    assert score is not None and score > DEFAULT_FLAG_AT


def test_the_same_words_without_a_remark_are_not_held() -> None:
    score, reasons = check("Great article. Never send nudes to strangers.", AbuseCheck(english=0.0, frame=2.0))
    assert reasons == [] and score == 0.5


def test_a_sexual_remark_alone_never_rejects() -> None:
    _, reasons = check("I'd bang her.", AbuseCheck(english=0.0, frame=30.0, reject_at=0.99))
    assert [r.action for r in reasons] == [Action.FLAG]


def test_no_frame_share_means_no_sexual_reading() -> None:
    score, reasons = check("Send nudes pls", AbuseCheck(english=0.0, frame=0.0))
    assert reasons == [] and score == 0.5


def silent(text: str, checker: AbuseCheck = AbuseCheck(english=0.0)) -> tuple[float | None, list[Action]]:  # noqa: B008
    """Return the score and the actions of ``checker`` for ``text`` with a model that scores it clean."""
    result = checker.check(Comment(id="c1", post_id="p1", content=text), SILENT)
    return result.score, [r.action for r in result.reasons]


@pytest.mark.parametrize(("text", "remark"), REMARKS)
def test_a_sexual_remark_is_held_by_itself_though_the_model_scores_its_words_clean(text: str, remark: str) -> None:
    score, actions = silent(text)
    assert actions == [Action.FLAG] and score is not None and score >= DEFAULT_FLAG_AT, remark


@pytest.mark.parametrize(("text", "remark"), REMARKS)
def test_every_sexual_remark_is_held_by_the_default_check_with_the_shipped_models(text: str, remark: str) -> None:
    result = AbuseCheck().check(Comment(id="c1", post_id="p1", content=text), Context(0.0, {}))
    assert Action.FLAG in [r.action for r in result.reasons] or Action.REJECT in [r.action for r in result.reasons]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_the_look_alikes_are_not_held_when_the_model_scores_their_words_clean(text: str) -> None:
    score, actions = silent(text)
    assert actions == [] and score is not None and score < DEFAULT_FLAG_AT


def test_a_held_remark_shows_what_it_added_to_reach_the_floor_and_keeps_its_category() -> None:
    result = AbuseCheck(english=0.0).check(Comment(id="c1", post_id="p1", content="I'd bang her."), SILENT)
    [held] = result.reasons
    first = held.evidence["terms"][0]
    assert (held.evidence["category"], first["text"]) == ("sexual", "I'd bang her")
    assert first["log_odds"] == pytest.approx(math.log(DEFAULT_SEXUAL / (1 - DEFAULT_SEXUAL)) + 4.0, abs=0.01)
    assert result.score == pytest.approx(DEFAULT_SEXUAL)


def test_a_sexual_remark_held_at_its_floor_never_rejects() -> None:
    _, actions = silent("Send nudes pls", AbuseCheck(english=0.0, flag_at=0.5, reject_at=0.6, sexual=0.9))
    assert actions == [Action.FLAG]


def test_the_policy_sets_the_sexual_floor_and_zero_leaves_the_frame_share_alone() -> None:
    off = build(Policy.from_mapping({"abuse": {"sexual": 0, "english": 0}}).section("abuse"))
    assert off.sexual == 0 and silent("Send nudes pls", off)[1] == []
    assert build(Policy.from_mapping({}).section("abuse")).sexual == DEFAULT_SEXUAL == DEFAULT_FLAG_AT
    with pytest.raises(ConfigError, match="sexual"):
        build(Policy.from_mapping({"abuse": {"sexual": 1.5}}).section("abuse"))


def test_the_context_step_does_not_take_a_sexual_remark_below_its_floor() -> None:
    text = "Calling her a slut is unacceptable, they said. Still, I'd bang her."
    result = AbuseCheck().check(Comment(id="c1", post_id="p1", content=text), Context(0.0, {}))
    [held] = result.reasons
    assert held.evidence["context"]["discount"] > 0  # type: ignore[index]
    assert (held.action, held.evidence["category"], result.score) == (Action.FLAG, "sexual", DEFAULT_SEXUAL)
