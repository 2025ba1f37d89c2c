"""Quality and cost of the abuse check, alone, with the profanity check and next to other tools, in one run.

Run from the project root:  .venv/bin/python bench/bench_abuse.py [--data ../shared/data] [--bp-sample 1000]
    [--parts news,context,probe,sites,sets,throughput,kinds,threats,agreement]

On every labelled set of ../shared/data (see bench/abuse_sets.py; for the sets the model learnt from, only
their held-out part, never a text it was trained on) it prints precision, recall and F1 of:
- ``abuse``: the abuse check holds or rejects it (score >= the default policy's ``flag_at``, after its
  context step);
- ``profanity``: the profanity check reports a listed word (censor, hold or reject);
- ``both``: either of the two (what the product does with both checks on; its cost is that of the
  profanity check, then the abuse check only when the first reported nothing);
- ``better-profanity`` 0.7.0 (on a sample of ``--bp-sample`` texts: it is slow), and
  ``alt-profanity-check`` where it is installed (``pip install alt-profanity-check``; English only), and how
  far the abuse check's English model (:mod:`worker.abuse.english`, exported from it) is from it.
The cost per comment of each is its CPU time on the same texts (one cold pass: caches fill as it goes;
better-profanity on its sample), then throughput on comments of 8 to 80 words (with and without the
abuse check's context step, :mod:`worker.abuse.context`) with the cost per word at 10, 20, 40 and 80
words (linear growth), the recall per kind of abuse where a set labels kinds, the comments read as
threats (:mod:`worker.abuse.threats`) per set, how many are labelled abusive and how many only the threat
holds, and the share held of the project's own comments that quote, counter or reclaim abuse without
being abusive, and of abusive look-alikes, in the part the context step was tuned on and in the part only
measured (bench/data/abuse_context.jsonl), the share held per kind of the project's French probe (bench/data/
abuse_probe_fr.jsonl, tune only: ordinary French reader comments of many kinds, low is right, and abusive ones, high is
right), and the share held of the legitimate comments of other sites
(bench/data/site_comments.jsonl and site_comments_2.jsonl to site_comments_7.jsonl, the third to the seventh
written by people who had not read the checks nor the earlier sets; all measured only), rude ones apart; and, on
the news and blog comments labelled for abuse (bench/data/news_abuse.jsonl, measured only: 240 comments, half
English, half French, written by someone who had not read the checks and committed before anything measured them),
precision, recall and F1 per language (better-profanity and alt-profanity-check too, on all its texts) and the share
held per kind: insults, threats, hate, harassment and sexual remarks (high is right), and counter-speech, reported
insults, heated talk, reclaimed words, civil talk of immigration, religion or crime and profanity aimed at no one (low
is right). The shared data are read, never copied
or printed. Skips the shared sets (saying so) when the folder is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.abuse_sets import DEFAULT_DATA, SETS, clean, held_out, split  # noqa: E402
from worker.checks import abuse, profanity  # noqa: E402
from worker.checks.base import Context  # noqa: E402
from worker.models import Action, CheckResult, Comment  # noqa: E402
from worker.policy import Policy  # noqa: E402

CONTEXT_FILE = ROOT / "bench" / "data" / "abuse_context.jsonl"
SITES_FILE = ROOT / "bench" / "data" / "site_comments.jsonl"
SITES_2_FILE = ROOT / "bench" / "data" / "site_comments_2.jsonl"
SITES_3_FILE = ROOT / "bench" / "data" / "site_comments_3.jsonl"
SITES_4_FILE = ROOT / "bench" / "data" / "site_comments_4.jsonl"
SITES_5_FILE = ROOT / "bench" / "data" / "site_comments_5.jsonl"
SITES_6_FILE = ROOT / "bench" / "data" / "site_comments_6.jsonl"
SITES_7_FILE = ROOT / "bench" / "data" / "site_comments_7.jsonl"
NEWS_ABUSE_FILE = ROOT / "bench" / "data" / "news_abuse.jsonl"
PROBE_FR_FILE = ROOT / "bench" / "data" / "abuse_probe_fr.jsonl"
Predict = Callable[[Sequence[str]], list[bool]]


def _comment(text: str) -> Comment:
    return Comment(id="bench", post_id="bench", content=text)


def checks() -> tuple[abuse.AbuseCheck, profanity.ProfanityCheck]:
    """Return both checks as the project's default policy builds them."""
    policy = Policy.load(ROOT / "config" / "policy.toml")
    return abuse.build(policy.section("abuse")), profanity.build(policy.section("profanity"))


def project_predictors() -> dict[str, Predict]:
    """Return the project's predictors: ``abuse`` (held), ``profanity`` (a listed word reported), ``both``."""
    abuse_check, profanity_check = checks()
    context = Context(0.0)

    def by_abuse(text: str) -> bool:
        return _held(abuse_check.check(_comment(text), context))

    def by_profanity(text: str) -> bool:
        return bool(profanity_check.check(_comment(text), context).reasons)

    return {
        "abuse": lambda texts: [by_abuse(t) for t in texts],
        "profanity": lambda texts: [by_profanity(t) for t in texts],
        "both": lambda texts: [by_profanity(t) or by_abuse(t) for t in texts],
    }


def predictors() -> dict[str, Predict]:
    """Return every predictor measured: the project's checks, better-profanity, alt-profanity-check if installed."""
    found = project_predictors()
    from better_profanity import profanity as better

    found["better-profanity"] = lambda texts: [bool(better.contains_profanity(t)) for t in texts]
    try:
        from profanity_check import predict
    except ImportError as exc:
        print(f"alt-profanity-check is not installed ({exc}): its column is left out")
    else:
        found["alt-profanity-check"] = lambda texts: [bool(p) for p in predict(list(texts))]
    return found


def prf(predicted: Sequence[bool], labels: Sequence[bool]) -> tuple[float, float, float]:
    """Return precision, recall and F1 of the positive (abusive) class."""
    tp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and y)
    fp = sum(1 for p, y in zip(predicted, labels, strict=True) if p and not y)
    fn = sum(1 for p, y in zip(predicted, labels, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def timed(predict: Predict, texts: Sequence[str]) -> tuple[list[bool], float]:
    """Return the predictions and the seconds of this process's CPU time they took (cold: first use)."""
    start = time.process_time()
    result = predict(texts)
    return result, time.process_time() - start


def quality(data: Path, found: dict[str, Predict], bp_sample: int) -> None:
    """Print precision, recall, F1 and cost per comment of every predictor on every set."""
    header = f"{'set':20} {'part':9} {'n':>6} {'abusive':>7}  {'predictor':26} {'P':>6} {'R':>6} {'F1':>6}"
    header += f" {'us/comment':>11}"
    print(header)
    print("-" * len(header))
    for labelled in SETS:
        rows = labelled.load(data)
        part = "all"
        if labelled.trainable:
            rows = split(rows)[1]
            part = "held-out"
        texts = [t for t, _ in rows]
        labels = [y for _, y in rows]
        sample = random.Random(7).sample(range(len(rows)), min(bp_sample, len(rows)))
        for name, predict in found.items():
            note = "(English only)" if name == "alt-profanity-check" and labelled.language != "en" else ""
            on = texts if name != "better-profanity" else [texts[i] for i in sample]
            truth = labels if name != "better-profanity" else [labels[i] for i in sample]
            predicted, seconds = timed(predict, on)
            p, r, f = prf(predicted, truth)
            count = len(on)
            shown = f"{name} (n={count})" if count != len(texts) else name
            print(
                f"{labelled.name:20} {part:9} {len(texts):6} {sum(labels):7}  {shown:26} "
                f"{p:6.3f} {r:6.3f} {f:6.3f} {1e6 * seconds / max(count, 1):11.1f} {note}"
            )
        print()


def _rate(check: abuse.AbuseCheck | profanity.ProfanityCheck, comments: Sequence[Comment], repeats: int) -> float:
    """Return comments per second of CPU time (this process's: other load on the machine counts less), median."""
    context = Context(0.0)
    for c in comments:  # warm: caches filled, as in a long-running worker
        check.check(c, context)
    runs = []
    for _ in range(repeats):
        start = time.process_time()
        for c in comments:
            check.check(c, context)
        runs.append(len(comments) / max(time.process_time() - start, 1e-9))
    return statistics.median(runs)


def throughput(texts: Sequence[str], repeats: int) -> None:
    """Print comments per second of both checks on 8-80-word comments, and the abuse check's cost per word by length."""
    from bench.bench_pipeline import WORDS

    abuse_check, profanity_check = checks()
    rng = random.Random(11)
    mixes = {
        "held-out sets (mostly abusive)": [_comment(t) for t in texts if 8 <= len(t.split()) <= 80],
        "everyday comments (bench_pipeline's)": [
            _comment(" ".join(rng.choices(WORDS, k=rng.randint(8, 80)))) for _ in range(3000)
        ],
    }
    bare = replace(abuse_check, context=False)
    print(
        f"{'comments of 8-80 words, warm, CPU time':42} {'n':>6} {'held':>5} {'abuse/s':>9} {'no context/s':>13}"
        f" {'profanity/s':>12}"
    )
    for name, comments in mixes.items():
        held = sum(1 for c in comments if _held(abuse_check.check(c, Context(0.0)))) / len(comments)
        rates = [_rate(check, comments, repeats) for check in (abuse_check, bare, profanity_check)]
        print(f"{name:42} {len(comments):6} {held:5.0%} {rates[0]:9,.0f} {rates[1]:13,.0f} {rates[2]:12,.0f}")
    pool = [w for c in mixes["held-out sets (mostly abusive)"] for w in c.content.split()]
    print(f"{'words':>6} {'us/comment':>11} {'us/word':>8}  (abuse check, random words of the held-out sets)")
    for size in (10, 20, 40, 80):
        batch = [_comment(" ".join(rng.choices(pool, k=size))) for _ in range(500)]
        cost = 1 / _rate(abuse_check, batch, repeats)
        print(f"{size:6} {1e6 * cost:11.1f} {1e6 * cost / size:8.2f}")


def kinds(data: Path) -> None:
    """Print the recall of the abuse check and of both checks per kind of abuse, on held-out texts."""
    abuse_check, profanity_check = checks()
    context = Context(0.0)
    groups: dict[str, list[str]] = {}
    with (data / "abuse_en" / "labeled_data.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            text = clean(row["tweet"])
            if row["class"] != "2" and held_out(text):
                groups.setdefault("Davidson " + ("hate" if row["class"] == "0" else "offensive"), []).append(text)
    with (data / "abuse_en" / "olid-training-v1.0.tsv").open(encoding="utf-8", newline="") as f:
        for row in list(csv.reader(f, delimiter="\t"))[1:]:
            text = clean(row[1])
            if row[2] == "OFF" and held_out(text):
                target = {"IND": "insult/person", "GRP": "group", "OTH": "other"}.get(row[4], "untargeted")
                groups.setdefault(f"OLID {target}", []).append(text)
    with (data / "jigsaw_sample" / "test_examples.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for label in ("threat", "insult", "identity_hate", "obscene"):
                if row[label] == "1":
                    groups.setdefault(f"Jigsaw {label}", []).append(row["comment_text"])
    with (data / "toxic_fr" / "fr_dataset.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if "normal" not in row["sentiment"].split("_") and held_out(row["tweet"]):
                groups.setdefault(f"MLMA target {row['target']}", []).append(row["tweet"])
    print(f"{'kind (abusive texts only)':34} {'n':>5} {'abuse':>7} {'both':>7}")
    for name, texts in groups.items():
        hits = [
            (_held(abuse_check.check(c, context)), bool(profanity_check.check(c, context).reasons))
            for c in map(_comment, texts)
        ]
        caught = sum(a for a, _ in hits) / len(hits)
        either = sum(a or p for a, p in hits) / len(hits)
        print(f"{name:34} {len(texts):5} {caught:7.1%} {either:7.1%}")


def _held(result: CheckResult) -> bool:
    """Tell whether a check's result holds or rejects the comment (an evidence-only reason does neither)."""
    return any(r.action.rank >= Action.FLAG.rank for r in result.reasons)


def _rows(path: Path) -> list[dict[str, str]]:
    """Return the rows of one of the project's JSON-lines sets."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def context_set() -> None:
    """Print the share of the project's context comments each check holds: low for the rows that are not abusive,
    high for the abusive look-alikes (``lookalike``); ``model`` is the abuse check without its context step.

    The ``tune`` rows are those the context step was written against, the ``measure`` rows were written apart
    and only measured.
    """
    abuse_check, profanity_check = checks()
    bare = replace(abuse_check, context=False)
    context = Context(0.0)
    rows = _rows(CONTEXT_FILE)
    header = f"{'kind':13} {'part':8} {'lang':4} {'n':>3} {'model':>6} {'abuse':>6} {'profanity':>9} {'either':>7}"
    print(header + "  (share held; lookalike rows are abusive: high is right)")
    for part in ("tune", "measure"):
        for kind in dict.fromkeys(r["kind"] for r in rows):
            for lang in ("en", "fr"):
                texts = [r["content"] for r in rows if (r["kind"], r["split"], r["language"]) == (kind, part, lang)]
                if not texts:
                    continue
                held = []
                for c in map(_comment, texts):
                    m = _held(bare.check(c, context))
                    a = _held(abuse_check.check(c, context))
                    p = _held(profanity_check.check(c, context))
                    held.append((m, a, p))
                n = len(held)
                shares = [sum(h[i] for h in held) / n for i in range(3)] + [sum(a or p for _, a, p in held) / n]
                print(
                    f"{kind:13} {part:8} {lang:4} {n:3} {shares[0]:6.0%} {shares[1]:6.0%} {shares[2]:9.0%} "
                    f"{shares[3]:7.0%}"
                )


def probe_fr() -> None:
    """Print the share of the project's French probe (bench/data/abuse_probe_fr.jsonl, tune only) each check holds, per
    kind: ordinary reader comments (``ok``: low is right) and abusive ones (``abuse``: high is right)."""
    abuse_check, profanity_check = checks()
    context = Context(0.0)
    rows = _rows(PROBE_FR_FILE)
    print(f"{'label':6} {'kind':14} {'n':>3} {'abuse':>6} {'profanity':>9} {'either':>7}  (share held)")
    for label in ("ok", "abuse"):
        chosen = [r for r in rows if r["label"] == label]
        for kind in [*dict.fromkeys(r["kind"] for r in chosen), "all"]:
            held = [
                (_held(abuse_check.check(c, context)), _held(profanity_check.check(c, context)))
                for c in (_comment(r["content"]) for r in chosen if kind in ("all", r["kind"]))
            ]
            n = len(held)
            a, p = sum(h[0] for h in held), sum(h[1] for h in held)
            either = sum(x or y for x, y in held)
            print(f"{label:6} {kind:14} {n:3} {a / n:6.0%} {p / n:9.0%} {either / n:7.0%}  ({a} by abuse)")


def site_ham(path: Path) -> None:
    """Print the share of one other sites' set's legitimate comments (``path``: bench/data/site_comments*.jsonl,
    measured only, never tuned on) each check holds, the rude ones apart: a reader may be rude about a recipe, a
    referee or a minister without abusing anyone, so low is right."""
    abuse_check, profanity_check = checks()
    context = Context(0.0)
    rows = _rows(path)
    ham = [r for r in rows if r["label"] == "ham"]
    header = f"{'legitimate':10} {'lang':4} {'n':>3} {'abuse':>6} {'profanity':>9} {'either':>7}"
    print(header + "  (share held; low is right; held by either, of n)")
    for group in ("rude", "not rude", "all"):
        for lang in ("en", "fr"):
            texts = [
                r["content"]
                for r in ham
                if r["language"] == lang and group in ("all", "rude" if r["kind"].startswith("rude") else "not rude")
            ]
            held = [
                (_held(abuse_check.check(c, context)), _held(profanity_check.check(c, context)))
                for c in map(_comment, texts)
            ]
            n, either = len(held), sum(x or y for x, y in held)
            a, p = sum(h[0] for h in held) / n, sum(h[1] for h in held) / n
            print(f"{group:10} {lang:4} {n:3} {a:6.0%} {p:9.0%} {either / n:7.0%}  ({either} of {n})")


def news_abuse(found: dict[str, Predict]) -> None:
    """Print, for the news and blog comments labelled for abuse (bench/data/news_abuse.jsonl, measured only, written
    without reading the checks), precision, recall and F1 of every predictor of ``found`` per language (as the shared
    sets' table counts them: ``both`` counts a listed word censored), then the share each check holds per kind: low
    is right for the ``ok`` kinds (counter-speech, reports, heated talk, reclaimed words, civil talk of touchy topics,
    profanity aimed at no one), high for the ``abuse`` kinds."""
    abuse_check, profanity_check = checks()
    context = Context(0.0)
    rows = _rows(NEWS_ABUSE_FILE)
    print(f"{'lang':4} {'n':>4} {'abusive':>7}  {'predictor':19} {'P':>6} {'R':>6} {'F1':>6}")
    for lang in ("en", "fr", "all"):
        chosen = [r for r in rows if lang in ("all", r["language"])]
        labels = [r["label"] == "abuse" for r in chosen]
        for name, predict in found.items():
            p, r, f = prf(predict([r["content"] for r in chosen]), labels)
            note = " (English only)" if name == "alt-profanity-check" and lang != "en" else ""
            print(f"{lang:4} {len(chosen):4} {sum(labels):7}  {name:19} {p:6.3f} {r:6.3f} {f:6.3f}{note}")
    header = f"{'label':6} {'kind':20} {'lang':4} {'n':>3} {'abuse':>6} {'profanity':>9} {'either':>7} {'reported':>9}"
    print(header + "  (share held; reported: a listed word, censored or held)")
    for label in ("ok", "abuse"):
        for kind in dict.fromkeys(r["kind"] for r in rows if r["label"] == label):
            for lang in ("en", "fr"):
                texts = [r["content"] for r in rows if (r["label"], r["kind"], r["language"]) == (label, kind, lang)]
                results = [
                    (abuse_check.check(c, context), profanity_check.check(c, context)) for c in map(_comment, texts)
                ]
                n = len(results)
                a = sum(_held(x) for x, _ in results) / n
                p = sum(_held(y) for _, y in results) / n
                either = sum(_held(x) or _held(y) for x, y in results) / n
                reported = sum(bool(y.reasons) for _, y in results) / n
                print(f"{label:6} {kind:20} {lang:4} {n:3} {a:6.0%} {p:9.0%} {either:7.0%} {reported:9.0%}")


def threat_finds(data: Path) -> None:
    """Print, per set (its measured part), the comments the threat finder (:mod:`worker.abuse.threats`) reads as
    threats, how many of them are labelled abusive, and how many of those only the threat holds (neither check
    holds them with ``threat = 0``)."""
    from worker.abuse.threats import threats

    abuse_check, profanity_check = checks()
    without = replace(abuse_check, threat=0.0)
    context = Context(0.0)
    print(f"{'threats found':20} {'n':>6} {'found':>6} {'abusive':>8} {'held only for it':>17}")
    for labelled in SETS:
        rows = split(labelled.load(data))[1] if labelled.trainable else labelled.load(data)
        found = [(text, label) for text, label in rows if threats(text)]
        only = sum(
            1
            for text, label in found
            if label
            and not _held(profanity_check.check(_comment(text), context))
            and not _held(without.check(_comment(text), context))
        )
        print(f"{labelled.name:20} {len(rows):6} {len(found):6} {sum(y for _, y in found):8} {only:17}")


def english_agreement(texts: Sequence[str]) -> None:
    """Print how far the English model's probabilities are from alt-profanity-check's on the same texts."""
    try:
        from profanity_check import predict_prob
    except ImportError:
        return
    from worker.abuse.english import shipped_english

    model = shipped_english()
    theirs = [float(p) for p in predict_prob(list(texts))]
    ours = [model.probability(t) for t in texts]
    gap = max(abs(a - b) for a, b in zip(ours, theirs, strict=True))
    flips = sum((a >= 0.5) != (b >= 0.5) for a, b in zip(ours, theirs, strict=True))
    print(f"English model (worker/abuse/english.py) against alt-profanity-check on {len(texts)} texts:")
    print(f"  largest difference of probability {gap:.1e}, decisions at 0.5 that differ: {flips}")


PARTS = ("context", "probe", "sites", "news", "sets", "throughput", "kinds", "threats", "agreement")
"""The parts of the printout, in order; ``--parts`` runs some of them (``news,context,sites`` in a minute)."""


def main() -> int:
    """Print every figure (or the ``--parts`` asked for); return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--bp-sample", type=int, default=1000, help="texts per set for better-profanity (slow)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--parts",
        type=lambda s: s.split(","),
        default=list(PARTS),
        help=f"comma-separated parts to print, among {','.join(PARTS)} (default: all)",
    )
    args = parser.parse_args()
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    parts = set(args.parts)
    found = predictors()
    if "context" in parts:
        print(
            "Comments that quote, counter or reclaim abuse, disagree heatedly, or look so and abuse (the project's",
            end="",
        )
        print(" own):")
        context_set()
    if "probe" in parts:
        print("\nOrdinary and abusive French reader comments (abuse_probe_fr.jsonl, the project's probe, tune only):")
        probe_fr()
    for path in (
        (SITES_FILE, SITES_2_FILE, SITES_3_FILE, SITES_4_FILE, SITES_5_FILE, SITES_6_FILE, SITES_7_FILE)
        if "sites" in parts
        else ()
    ):
        print(f"\nLegitimate comments of other sites ({path.name}, measured only), rude ones apart:")
        site_ham(path)
    if "news" in parts:
        print("\nNews and blog comments labelled for abuse (news_abuse.jsonl, measured only):")
        news_abuse(found)
    if parts.isdisjoint(("sets", "throughput", "kinds", "threats", "agreement")):
        return 0
    if not args.data.is_dir():
        print(f"\nNo labelled data at {args.data}: skipping the shared sets (see ../shared/data/README.md).")
        return 0
    if "sets" in parts:
        print()
        quality(args.data, found, args.bp_sample)
    if "throughput" in parts:
        texts = [t for s in SETS for t, _ in (split(s.load(args.data))[1] if s.trainable else s.load(args.data))]
        throughput(texts, args.repeats)
    if "kinds" in parts:
        print()
        kinds(args.data)
    if "threats" in parts:
        print()
        threat_finds(args.data)
    if "agreement" in parts:
        print()
        english_agreement([t for s in SETS for t, _ in s.load(args.data)])
    return 0


if __name__ == "__main__":
    sys.exit(main())
