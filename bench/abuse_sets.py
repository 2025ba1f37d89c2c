"""The labelled abuse sets of ../shared/data, read in place (never copied), and their fixed train/test split.

Shared by ``scripts/train_abuse.py`` (which learns from the training part of the sets whose licence allows
it) and ``bench/bench_abuse.py`` (which measures on the held-out part of those and on every other set).
The split depends on the text alone (a hash of its folded words), so a retweet or a copy of a held-out
text is held out too and no score is ever reported on a text the model was trained on.
"""

from __future__ import annotations

import csv
import hashlib
import html
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.bench_profanity_quality import Labelled, hateday_fr, insults_en, mlma_fr  # noqa: E402
from worker.abuse.features import tokens  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "data"
TEST_SHARE = 5
"""One text in TEST_SHARE is held out of training (by the hash of its words)."""

_MASKS = re.compile(r"\bURL\b|^RT\b|\bRT\b(?= @)")


def clean(text: str) -> str:
    """Undo the sets' HTML escapes and drop their link and retweet markers (comments hold neither)."""
    return _MASKS.sub(" ", html.unescape(text))


def davidson_en(data: Path) -> Labelled:
    """Davidson et al.: hate speech or offensive language (class 0 or 1) = abusive, "neither" (2) = clean."""
    with (data / "abuse_en" / "labeled_data.csv").open(encoding="utf-8", newline="") as f:
        return [(clean(row["tweet"]), row["class"] in ("0", "1")) for row in csv.DictReader(f)]


def olid_en(data: Path) -> Labelled:
    """OLID training set: OFF = offensive, NOT = not."""
    with (data / "abuse_en" / "olid-training-v1.0.tsv").open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f, delimiter="\t")
        next(rows)
        return [(clean(row[1]), row[2] == "OFF") for row in rows if len(row) >= 3]


def jigsaw_toxic(data: Path) -> Labelled:
    """Jigsaw sample: any of toxic, severe_toxic, obscene, threat, insult, identity_hate = abusive."""
    labels = ("toxic", "severe_toxic", "obscene", "threat", "insult", "identity_hate")
    with (data / "jigsaw_sample" / "test_examples.csv").open(encoding="utf-8", newline="") as f:
        return [(row["comment_text"], any(row[k] == "1" for k in labels)) for row in csv.DictReader(f)]


@dataclass(frozen=True, slots=True)
class LabelledSet:
    """One labelled set: its language, loader, licence, and whether the model may learn from part of it."""

    name: str
    language: str
    load: Callable[[Path], Labelled]
    licence: str
    trainable: bool


SETS: tuple[LabelledSet, ...] = (
    LabelledSet("abuse_en/Davidson", "en", davidson_en, "MIT", trainable=True),
    LabelledSet("abuse_en/OLID", "en", olid_en, "CC BY 4.0", trainable=True),
    LabelledSet("insults_en/Kaggle", "en", insults_en, "unclear: measuring only", trainable=False),
    LabelledSet("jigsaw_sample", "en", jigsaw_toxic, "CC0, 101 rows: measuring only", trainable=False),
    LabelledSet("toxic_fr/HateDay", "fr", hateday_fr, "MIT", trainable=True),
    LabelledSet("toxic_fr/MLMA", "fr", mlma_fr, "MIT", trainable=True),
)


def held_out(text: str) -> bool:
    """True when ``text`` belongs to the test part of its set (decided by its folded words alone)."""
    key = " ".join(t.word for t in tokens(text)).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:4], "big") % TEST_SHARE == 0


def split(rows: Labelled) -> tuple[Labelled, Labelled]:
    """Return (train, test) parts of a set."""
    train: Labelled = []
    test: Labelled = []
    for row in rows:
        (test if held_out(row[0]) else train).append(row)
    return train, test
