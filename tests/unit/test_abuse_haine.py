"""French hate against groups in everyday words (worker/abuse/haine.py) and what the abuse check does with it: a frame
of category ``hate``, its span shown first, held by itself at the policy's ``hate`` floor, never a rejection."""

from __future__ import annotations

import pytest

from tests.helpers import LEANS_CLEAN as SILENT
from worker.abuse.features import words
from worker.abuse.haine import ANCHORS, haine
from worker.checks.abuse import DEFAULT_FLAG_AT, DEFAULT_HATE_HARASSMENT, AbuseCheck, build
from worker.errors import ConfigError
from worker.models import Action, Comment
from worker.policy import Policy

HATE = [
    ("Ces migrants sont des rats, ils envahissent tout.", "Ces migrants sont des rats"),
    ("Franchement ces gens-là ne sont que de la vermine.", "ces gens-là ne sont que de la vermine"),
    ("Ils sont comme des cafards, on ne s'en débarrasse jamais.", "Ils sont comme des cafards"),
    ("Ce sont des parasites, rien d'autre.", "Ce sont des parasites"),
    ("Les musulmans sont une invasion, point final.", "Les musulmans sont une invasion"),
    ("Les Roms sont des sauvages.", "Les Roms sont des sauvages"),
    ("Cette vermine de gauchistes a encore tout bloqué.", "Cette vermine de gauchistes"),
    ("Encore ces rats d'immigrés au pied de l'immeuble.", "ces rats d'immigrés"),
    ("Une invasion de clandestins, voilà ce qu'on vit.", "Une invasion de clandestins"),
    ("Cette vermine n'a rien à faire ici.", "Cette vermine"),
    ("Ces sous-hommes ne méritent rien.", "Ces sous-hommes"),
    ("Ils se reproduisent comme des lapins pour toucher les aides.", "se reproduisent comme des lapins"),
    ("Ils pullulent comme des rats dans nos villes.", "pullulent comme des rats"),
    ("Qu'ils retournent chez eux, on n'en veut pas.", "Qu'ils retournent chez eux"),
    ("Qu'ils retournent tous dans leur pays !", "Qu'ils retournent tous dans leur pays"),
    ("Qu'on les renvoie tous au bled.", "Qu'on les renvoie tous au bled"),
    ("Ces clandestins, qu'on les renvoie tous.", "qu'on les renvoie tous"),
    ("Renvoyez-les chez eux, tous.", "Renvoyez-les chez eux"),
    ("Dehors les musulmans !", "Dehors les musulmans"),
    ("Les bougnoules dehors.", "Les bougnoules dehors"),
    ("Remigration maintenant.", "Remigration"),
    ("Le grand remplacement est en marche, réveillez-vous.", "grand remplacement"),
]
"""(comment, the construction read in it) for French hate the model's words may miss."""
LEFT_ALONE = [
    # the animals themselves
    "Les rats du grenier ont rongé les câbles, ce sont des nuisibles.",
    "Il y a des cafards dans la cuisine de la cantine, ce sont des blattes germaniques.",
    "Des rats de laboratoire ont servi à l'étude.",
    "Le grenier est plein de vermine, il faut appeler la dératisation.",
    "Les lapins se reproduisent très vite, le jardin est envahi.",
    # everyday words of the constructions
    "Les bouchons sur la rocade, c'est une plaie.",
    "Ces joueurs sont des bêtes physiques, quel match.",
    "Les enfants sont malades, ils rentrent chez eux ce soir.",
    "Les supporters sont repartis chez eux après le match.",
    "Qu'on les renvoie devant le tribunal, ces élus corrompus.",
    "On est restés dehors toute la soirée, il faisait bon.",
    # counter-speech, reports, quotes and denials
    "Parler de remigration, c'est reprendre le vocabulaire de l'extrême droite.",
    "La théorie du grand remplacement est un fantasme complotiste.",
    "Le grand remplacement est un mythe, les chiffres de l'Insee le montrent.",
    "Il a dit qu'ils devaient retourner chez eux, c'est inacceptable.",
    "« Qu'ils retournent chez eux », a crié un manifestant, la police l'a interpellé.",
    "Le député a déclaré que les migrants sont des parasites, il sera poursuivi.",
    "Personne n'est de la vermine, quelle que soit son origine.",
    "Non, les migrants ne sont pas des rats.",
    "Ceux qui comparent les migrants à des cafards oublient l'histoire.",
    "Des tags « remigration » ont été peints sur la mosquée.",
]
"""Comments near the constructions that make none of them."""


def found(text: str) -> list[str]:
    """Return the text of each construction ``text`` makes, checking its kind and span."""
    made = haine(text, words(text))
    assert all(f.kind == "hate" and text[f.start : f.end] == f.text for f in made)
    return [f.text for f in made]


@pytest.mark.parametrize(("text", "construction"), HATE)
def test_french_hate_in_everyday_words_is_read_with_its_text(text: str, construction: str) -> None:
    assert construction in found(text)


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_animals_everyday_words_counter_speech_reports_quotes_and_denials_are_left_alone(text: str) -> None:
    assert found(text) == []


def test_a_comment_without_an_anchor_word_is_not_read_by_the_patterns() -> None:
    assert "vermine" in ANCHORS
    assert haine("cette vermine", ["merci", "pour", "l", "article"]) == []


def silent(text: str, checker: AbuseCheck = AbuseCheck(english=0.0)) -> tuple[float | None, list[Action]]:  # noqa: B008
    """Return the score and the actions of ``checker`` for ``text`` with a model that scores it clean."""
    result = checker.check(Comment(id="c1", post_id="p1", content=text), SILENT)
    return result.score, [r.action for r in result.reasons]


@pytest.mark.parametrize(("text", "construction"), HATE)
def test_french_hate_is_held_by_itself_though_the_model_scores_its_words_clean(text: str, construction: str) -> None:
    score, actions = silent(text)
    assert actions == [Action.FLAG] and score == pytest.approx(DEFAULT_HATE_HARASSMENT), construction


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_the_look_alikes_are_not_held_when_the_model_scores_their_words_clean(text: str) -> None:
    score, actions = silent(text)
    assert actions == [] and score is not None and score < DEFAULT_FLAG_AT


def test_held_french_hate_shows_its_construction_first_with_category_hate() -> None:
    result = AbuseCheck(english=0.0).check(Comment(id="c1", post_id="p1", content="Remigration maintenant."), SILENT)
    [held] = result.reasons
    first = held.evidence["terms"][0]
    assert (held.action, held.evidence["category"], first["text"]) == (Action.FLAG, "hate", "Remigration")


def test_french_hate_held_at_its_floor_never_rejects() -> None:
    _, actions = silent(
        "Remigration maintenant.", AbuseCheck(english=0.0, flag_at=0.5, reject_at=0.6, hate_harassment=0.9)
    )
    assert actions == [Action.FLAG]


def test_the_policy_sets_the_hate_floor_and_zero_leaves_the_frame_share_alone() -> None:
    off = build(Policy.from_mapping({"abuse": {"hate_harassment": 0, "english": 0}}).section("abuse"))
    assert off.hate_harassment == 0 and silent("Remigration maintenant.", off)[1] == []
    assert build(Policy.from_mapping({}).section("abuse")).hate_harassment == DEFAULT_HATE_HARASSMENT == DEFAULT_FLAG_AT
    with pytest.raises(ConfigError, match="hate_harassment"):
        build(Policy.from_mapping({"abuse": {"hate_harassment": 1.5}}).section("abuse"))


def test_no_frame_share_means_no_french_hate_reading() -> None:
    assert silent("Remigration maintenant.", AbuseCheck(english=0.0, frame=0.0))[1] == []


def test_a_comment_whose_words_tell_english_is_not_read_by_the_french_constructions() -> None:
    text = "The party wants remigration and talks of a great replacement, which is the same old lie."
    assert found(text) == ["remigration"]  # the pattern alone would read it
    assert silent(text, AbuseCheck())[1] == []
    assert silent("Remigration maintenant.", AbuseCheck())[1] == [Action.FLAG]
