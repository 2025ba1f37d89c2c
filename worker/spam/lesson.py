"""A loss the writer tells as their own lesson ("I lost 3k on Bitcoin, lesson learned"): a reader's story, no pitch.

Crypto and money talked of alone already weigh half (:func:`worker.spam.score.topics_alone`). A reader who lost
money on a coin, a stock or a bet and tells what it taught them sells nothing and reaches no one; the recovery
trade tells a loss too, but to bring a "hacker" or an "expert" in: it gives a way to reach them, vouches ("thanks
to", "until I found") or tells the money got back. So when a comment's only signs are topics, the writer tells a
loss of their own with a lesson drawn from it, and none of that is there, its topics weigh nothing.
"""

from __future__ import annotations

from dataclasses import replace

from worker.spam.evidence import Signal
from worker.spam.hearsay import reaches
from worker.spam.phrases import compile_phrases, unjoined

_OWN_LOSS = compile_phrases(
    (
        "i lost", "we lost", "lost my", "lost our", "j ai perdu", "on a perdu", "nous avons perdu", "j ai tout perdu",
    )
)  # fmt: skip
_LESSON = compile_phrases(
    (
        "lesson learned", "lesson learnt", "learned my lesson", "learnt my lesson", "learned the hard way",
        "learnt the hard way", "the hard way", "never again", "my own fault", "my fault", "my mistake", "lecon retenue",
        "j ai retenu la lecon", "j ai compris la lecon", "ca m a servi de lecon", "plus jamais", "a mes depens",
        "ma faute", "mon erreur", "j ai appris",
    )
)  # fmt: skip
# The recovery trade's turn: someone found who got the money back.
_RECOVERED = compile_phrases(
    (
        "until i found", "until i met", "until i came across", "got it back", "got my money back", "got my funds back",
        "got everything back", "recovered", "recovery", "recover", "hacker", "expert", "jusqu a ce que",
        "recupere", "recuperer", "recuperation", "hackeur", "pirate",
    )
)  # fmt: skip


def recovered(text: str) -> bool:
    """Tell whether unjoined folded text tells the recovery trade's turn: someone found who got the money back."""
    return _RECOVERED.search(text) is not None


def lesson(folded: str) -> bool:
    """Tell whether folded text tells the writer's own loss as a lesson, with nobody reached nor money recovered."""
    text = unjoined(folded)
    return (
        _OWN_LOSS.search(text) is not None
        and _LESSON.search(text) is not None
        and _RECOVERED.search(text) is None
        and not reaches(text)
    )


def weigh(signals: list[Signal], folded: str, topics: frozenset[str], quiet: frozenset[str]) -> list[Signal]:
    """Return ``signals``, its ``topics`` weighing nothing when a loss is told as a lesson and every other signal is
    ``quiet`` (style: nothing sold)."""
    if not any(s.weight > 0 and s.name in topics for s in signals):
        return signals
    if any(s.weight > 0 and s.name not in topics | quiet for s in signals) or not lesson(folded):
        return signals
    return [replace(s, weight=0.0) if s.name in topics else s for s in signals]
