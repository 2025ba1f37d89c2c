"""Quality of the profanity check on labelled comments, next to better-profanity 0.7.0.

Run from the project root:  .venv/bin/python bench/bench_profanity_quality.py [--data ../shared/data]

The shared sets (see their README) label insults, toxicity or obscenity, not profanity, so this
prints exactly what it measures:
- "flagged among toxic": share of comments labelled insult/toxic/hostile/obscene that the check
  reports at all (a word list cannot reach 100%: many insults hold no listed word);
- "flagged among clean": share of comments labelled clean that the check reports, i.e. the
  false-positive rate *upper bound* (the Kaggle set labels profanity without insult as clean).
It also prints recall on the project's own disguised words (tests/unit/test_profanity_evasion.py)
and on every listed word written plainly in a sentence. The shared data are read, never copied;
only counts and listed words are printed. Exits 0 with a message when the folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from worker.checks.profanity import matcher_for  # noqa: E402
from worker.profanity import Hit, Severity  # noqa: E402
from worker.profanity.normalise import fold_text  # noqa: E402

Labelled = list[tuple[str, bool]]
"""(comment, labelled toxic) pairs."""


_ESCAPES = re.compile(r"(?:\\x[0-9a-fA-F]{2})+|\\u[0-9a-fA-F]{4}|\\[ntr'\"\\]")
_PLAIN = {"\\n": "\n", "\\t": "\t", "\\r": "\r", "\\'": "'", '\\"': '"', "\\\\": "\\"}


def _unescaped(match: re.Match[str]) -> str:
    escaped = match.group(0)
    if escaped.startswith("\\x"):  # a run of byte escapes: UTF-8 when it reads as such, else Latin-1
        raw = bytes.fromhex(escaped.replace("\\x", ""))
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")
    if escaped.startswith("\\u"):
        return chr(int(escaped[2:], 16))
    return _PLAIN[escaped]


def kaggle_text(raw: str) -> str:
    """Return a comment of the Kaggle insults set as written: its quotes and (doubly) escaped characters undone."""
    text = raw.strip()
    if len(text) >= 2 and text[0] == text[-1] == '"':
        text = text[1:-1]
    for _ in range(2):  # the set escapes some comments twice ("\\\\xc2\\\\xa0")
        text = _ESCAPES.sub(_unescaped, text)
    return text.replace("\xa0", " ")


def insults_en(data: Path) -> Labelled:
    """Kaggle insults: Insult 1 = toxic."""
    with (data / "insults_en" / "train.csv").open(encoding="utf-8", newline="") as f:
        return [(kaggle_text(row["Comment"]), row["Insult"] == "1") for row in csv.DictReader(f)]


def hateday_fr(data: Path) -> Labelled:
    """HateDay French tweets: label 1 = toxic."""
    with (data / "toxic_fr" / "HateDay-french.csv").open(encoding="utf-8", newline="") as f:
        return [(row["content"], row["label"] == "1") for row in csv.DictReader(f)]


def mlma_fr(data: Path) -> Labelled:
    """MLMA French: sentiment "normal" only = clean, without "normal" = hostile, both = dropped."""
    rows: Labelled = []
    with (data / "toxic_fr" / "fr_dataset.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            labels = set(row["sentiment"].split("_"))
            if labels == {"normal"}:
                rows.append((row["tweet"], False))
            elif "normal" not in labels:
                rows.append((row["tweet"], True))
    return rows


def jigsaw_obscene(data: Path) -> Labelled:
    """Jigsaw sample: obscene = toxic here (the closest label to profanity); toxic 0 = clean."""
    rows: Labelled = []
    with (data / "jigsaw_sample" / "test_examples.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["obscene"] == "1":
                rows.append((row["comment_text"], True))
            elif row["toxic"] == "0":
                rows.append((row["comment_text"], False))
    return rows


DATASETS: dict[str, tuple[str, Callable[[Path], Labelled], str]] = {
    "insults_en": ("en", insults_en, "insult"),
    "jigsaw_sample": ("en", jigsaw_obscene, "obscene"),
    "toxic_fr/HateDay": ("fr", hateday_fr, "toxic"),
    "toxic_fr/MLMA": ("fr", mlma_fr, "hostile"),
}


def legitimate_comments(data: Path) -> dict[str, list[str]]:
    """Comments labelled legitimate (ham) in the spam sets: real everyday text, not labelled for profanity."""
    youtube = []
    for path in sorted((data / "youtube_spam").glob("*.csv")):
        with path.open(encoding="utf-8") as handle:
            youtube += [row["CONTENT"] for row in csv.DictReader(handle) if row["CLASS"] == "0"]
    sms = []
    with (data / "sms_spam" / "SMSSpamCollection.tsv").open(encoding="utf-8") as handle:
        sms = [row[1] for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE) if row[0] == "ham"]
    return {"youtube_spam ham": youtube, "sms_spam ham": sms}


def as_written(hit: Hit) -> bool:
    """True when the hit is the listed word written plainly (no leetspeak, mask, glue or stretch)."""
    return " ".join(fold_text(hit.match).split()) == hit.word


def rates(flag: Callable[[str], bool], rows: Labelled) -> tuple[float, float, int, int]:
    """Return (share of toxic flagged, share of clean flagged, toxic count, clean count)."""
    toxic = [text for text, bad in rows if bad]
    clean = [text for text, bad in rows if not bad]
    hit_toxic = sum(1 for text in toxic if flag(text))
    hit_clean = sum(1 for text in clean if flag(text))
    return hit_toxic / max(len(toxic), 1), hit_clean / max(len(clean), 1), len(toxic), len(clean)


def own_sets() -> Iterator[tuple[str, float, int]]:
    """Yield (name, recall, cases) on the project's own disguised words and plainly written words."""
    from test_profanity_evasion import DISGUISED, INNOCENT

    matcher = matcher_for()
    cases = [(text, word) for group in DISGUISED.values() for text, word in group if word is not None]
    found = sum(1 for text, word in cases if word in [h.word for h in matcher.scan(text)])
    yield "project's disguised forms (tests)", found / len(cases), len(cases)
    innocent = [text for group in INNOCENT.values() for text in group]
    flagged = sum(1 for text in innocent if matcher.scan(text))
    yield "project's innocent look-alikes flagged (tests)", flagged / len(innocent), len(innocent)
    lexicon = matcher.lexicon
    templates = (
        ("en", "Honestly, you are such a {} and everyone knows it."),
        ("fr", "Franchement, t'es qu'un {} et tout le monde le sait."),
    )
    for lang, template in templates:
        words = [w for w, t in lexicon.words.items() if t.get(lang) not in (None, Severity.SAFE)]
        found = sum(1 for w in words if any(h.word == w for h in matcher.scan(template.format(w))))
        yield f"every listed {lang} word written plainly in a sentence", found / len(words), len(words)


def main() -> int:
    """Print the quality figures; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--bp-sample", type=int, default=300, help="comments per set for better-profanity (slow)")
    args = parser.parse_args()

    for name, recall, count in own_sets():
        print(f"{name:52} {recall:7.1%}  of {count}")
    if not args.data.is_dir():
        print(f"\nNo labelled data at {args.data}: skipping the shared sets (see ../shared/data/README.md).")
        return 0

    from better_profanity import profanity as better

    matcher = matcher_for()
    print(
        f"\n{'set':18} {'lang':4} {'label':8} {'toxic':>6} {'clean':>6}  {'check: toxic / clean flagged':>28}  sample"
    )
    for name, (lang, load, label) in DATASETS.items():
        rows = load(args.data)
        ours = rates(lambda text: bool(matcher.scan(text)), rows)
        sample = random.Random(7).sample(rows, min(args.bp_sample, len(rows)))
        ours_sample = rates(lambda text: bool(matcher.scan(text)), sample)
        theirs = rates(better.contains_profanity, sample)
        print(
            f"{name:18} {lang:4} {label:8} {ours[2]:6} {ours[3]:6}  {ours[0]:13.1%} / {ours[1]:6.2%}     "
            f"bp {theirs[0]:6.1%} / {theirs[1]:6.2%}, check {ours_sample[0]:6.1%} / {ours_sample[1]:6.2%} "
            f"(n={len(sample)})"
        )
        clean_hits = [matcher.scan(text) for text, bad in rows if not bad]
        disguised = sum(1 for hits in clean_hits if hits and not all(as_written(h) for h in hits))
        words = Counter(h.word for hits in clean_hits for h in hits)
        if words:
            print(
                f"{'':18} clean flagged only for listed words as written: "
                f"{sum(1 for hits in clean_hits if hits) - disguised}, through an evasion form: {disguised}"
            )
            print(f"{'':18} words in 'clean' comments: {', '.join(f'{w} {n}' for w, n in words.most_common(12))}")
    print("\nLegitimate comments of the spam sets (everyday English text; profanity in them is not labelled):")
    for name, texts in legitimate_comments(args.data).items():
        scans = [matcher.scan(text) for text in texts]
        words = Counter(h.word for hits in scans for h in hits)
        flagged = sum(1 for hits in scans if hits)
        print(f"{name:18} {len(texts):6} comments, flagged {flagged / len(texts):6.2%}; words found:")
        print(f"{'':18} {', '.join(f'{w} {n}' for w, n in words.most_common(20))}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
