"""Which kind of abuse a comment is, where its words tell: threat, hate, sexual, insult or harassment.

The model scores abuse as one thing; the category is read afterwards from the project's own cue list
(``data/categories.txt``, folded words and phrases) and from the comment's form: a threat made to the
reader (found by :mod:`worker.abuse.threats`, which the caller has run) or cue words of a threat win over
hate (as does a word the profanity lists hold as a slur), hate over sexual, and an abusive comment
addressed to someone ("you", "tu", "t'es") with no other cue is an insult, or harassment when
it repeats itself at someone. Otherwise no category is claimed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import compress, count
from pathlib import Path

from worker.abuse.language import slurs

CATEGORIES_FILE = Path(__file__).with_name("data") / "categories.txt"
ORDER = ("threat", "hate", "sexual", "insult", "harassment")
ADDRESSED = frozenset({"you", "your", "youre", "u", "ur", "tu", "t", "te", "toi", "ton", "ta", "tes", "vous", "votre"})
"""Words of a comment addressed to a person, English and French (folded; ``t'es`` gives ``t``)."""


@cache
def cues(path: Path = CATEGORIES_FILE) -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Return the cue list by first word: word -> [(the phrase's words, category), ...]."""
    found: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        phrase, _, category = line.rpartition(" ")
        if category not in ORDER or not phrase.strip():
            raise ValueError(f"{path}, line {number}: expected 'word-or-phrase category' ({', '.join(ORDER)})")
        words = tuple(phrase.split())
        found.setdefault(words[0], []).append((words, category))
    return found


def category(words: Sequence[str], *, threat: bool = False) -> str | None:
    """Return the category of an abusive comment of these folded words (``threat``: it makes a threat)."""
    if threat:
        return "threat"
    table = cues()
    seen: set[str] = set() if slurs().isdisjoint(words) else {"hate"}
    if not table.keys().isdisjoint(words):  # most comments start no cue: no need to look at each word
        for i in compress(count(), map(table.__contains__, words)):  # the words that start a cue only
            for phrase, kind in table[words[i]]:
                if tuple(words[i : i + len(phrase)]) == phrase:
                    seen.add(kind)
    for kind in ORDER[:3]:
        if kind in seen:
            return kind
    addressed = sum(map(ADDRESSED.__contains__, words))
    if "insult" in seen or addressed:
        return "harassment" if addressed >= 4 and len(set(words)) < len(words) / 2 else "insult"
    return None
