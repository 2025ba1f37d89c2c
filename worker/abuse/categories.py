"""Which kind of abuse a comment is, where its words tell: threat, hate, sexual, insult or harassment.

The model scores abuse as one thing; the category is read afterwards from the project's own cue list
(``data/categories.txt``, folded words and phrases) and from the comment's form: cue words of a threat
win over hate, hate over sexual, and an abusive comment addressed to someone ("you", "tu", "t'es") with
no other cue is an insult, or harassment when it repeats itself at someone. Otherwise no category is
claimed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path

from worker.abuse.features import Token

CATEGORIES_FILE = Path(__file__).with_name("data") / "categories.txt"
ORDER = ("threat", "hate", "sexual", "insult", "harassment")
ADDRESSED = frozenset({"you", "your", "youre", "u", "ur", "tu", "t", "te", "toi", "ton", "ta", "tes", "vous", "votre"})
"""Words of a comment addressed to a person, English and French (folded; ``t'es`` gives ``t``)."""


@cache
def cues(path: Path = CATEGORIES_FILE) -> dict[str, str]:
    """Return the cue list: folded word or phrase -> category."""
    found: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        phrase, _, category = line.rpartition(" ")
        if category not in ORDER or not phrase.strip():
            raise ValueError(f"{path}, line {number}: expected 'word-or-phrase category' ({', '.join(ORDER)})")
        found[" ".join(phrase.split())] = category
    return found


def category(found: Sequence[Token], slur: bool = False) -> str | None:
    """Return the category of an abusive comment of these tokens (``slur``: the profanity lists found one)."""
    table = cues()
    words = [t.word for t in found]
    seen: set[str] = {"hate"} if slur else set()
    longest = max((phrase.count(" ") + 1 for phrase in table), default=0)
    for size in range(1, longest + 1):
        for i in range(len(words) - size + 1):
            kind = table.get(" ".join(words[i : i + size]))
            if kind is not None:
                seen.add(kind)
    for kind in ORDER[:3]:
        if kind in seen:
            return kind
    addressed = sum(1 for w in words if w in ADDRESSED)
    if "insult" in seen or addressed:
        return "harassment" if addressed >= 4 and len(set(words)) < len(words) / 2 else "insult"
    return None
