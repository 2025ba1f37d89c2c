"""Put-downs said of the reader in everyday words ("you are a child", "you're clueless", "you sound like a toddler",
"t'es qu'un minable", "pitoyable que vous êtes", "bande de guignols") are a frame of insult (worker/abuse/frames.py):
held with their span and category; the same words describing, asked, reported, quoted or denied are not."""

from __future__ import annotations

import pytest

from worker.abuse import facts as fact
from worker.abuse.features import words
from worker.abuse.frames import frames
from worker.abuse.model import AbuseModel
from worker.checks.abuse import AbuseCheck
from worker.checks.base import Context
from worker.models import Action, Comment


def found(text: str) -> list[tuple[str, str]]:
    """Return (kind, text) of each frame ``text`` makes."""
    return [(f.kind, f.text) for f in frames(text, words(text))]


@pytest.mark.parametrize(
    ("text", "frame"),
    [
        ("You are a child.", "You are a child"),
        ("Honestly, you're completely clueless and everyone here knows it.", "you're completely clueless"),
        ("you sound like a spoilt toddler.", "you sound like a spoilt toddler"),
        ("You're trash.", "You're trash"),
        ("What a clown you are", "What a clown you are"),
        ("ur a waste of space lol", "ur a waste of space"),
        ("Y'all are spineless, every one of you.", "Y'all are spineless"),
        ("If you believe that, you are brainwashed.", "you are brainwashed"),
        ("T'es qu'un minable.", "T'es qu'un minable"),
        ("Vous êtes une honte, franchement.", "Vous êtes une honte"),
        ("Pitoyable que vous êtes !", "Pitoyable que vous êtes"),
        ("Bande de guignols, rentrez chez vous.", "Bande de guignols"),
        ("Espèce de bouffon, va.", "Espèce de bouffon"),
        ("t'es vraiment un gros tocard mdr", "t'es vraiment un gros tocard"),
    ],
)
def test_a_put_down_said_of_the_reader_is_an_insult_frame_with_its_text(text: str, frame: str) -> None:
    assert found(text) == [("insult", frame)]


@pytest.mark.parametrize(
    "text",
    [
        "You are a child of the eighties, like me.",
        "You're useless at parking, but so am I.",
        "you are a joke teller at heart",
        "You're a troll?",
        "He said you're a coward.",
        'She wrote "you are trash" on the wall and got banned.',
        "You are not a child, you can decide for yourself.",
        "You're a genius, thank you!",
        "You sound like a child I used to teach, she asked the same thing.",
        "What a joke the referee was.",
        "The trash goes out on Tuesday, you are welcome to use our bin.",
        "Un score minable pour l'équipe ce week-end.",
        "Une bande de gamins a repeint le préau.",
        "Tu es nul en maths, comme moi au lycée.",
        "T'es pas un minable, t'as juste perdu.",
        "Il a dit « t'es qu'un minable » et il est parti.",
        "C'est une honte pour le pays, cette réforme.",
        "Vous êtes une honte pour la profession ?",
        "Tu es une tache de peinture sur cette photo, je te reconnais.",
    ],
)
def test_the_same_words_describing_asking_reporting_quoting_or_denying_are_not_frames(text: str) -> None:
    assert found(text) == []


def test_a_put_down_lifts_a_plain_worded_comment_past_flag_at_as_an_insult() -> None:
    zero = Context(0.0, {fact.MODEL: AbuseModel(0.0, {}, {}, {})})
    text = "Honestly you are a child."
    [held] = AbuseCheck(english=0.0).check(Comment(id="c1", post_id="p1", content=text), zero).reasons
    assert held.action is Action.FLAG and held.evidence["category"] == "insult"
    first = held.evidence["terms"][0]
    assert text[slice(*first["span"])] == first["text"] == "you are a child"
