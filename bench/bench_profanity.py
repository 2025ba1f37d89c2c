"""Throughput of the profanity check against better-profanity 0.7.0, on the same comments, in one run.

Run from the project root:  .venv/bin/python bench/bench_profanity.py [--comments 60] [--repeats 3]

Prints comments per second of both (median of repeats) and their ratio, the cost per length
(100, 1,000 and 10,000 characters, to show linear growth) and the start-up time of a fresh
process. The comments are generated here from sentences the project wrote (fixed seed): mixed
French and English, 20 to 2,000 characters, about one in ten with a swear word, some disguised.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from worker.checks.base import Context  # noqa: E402
from worker.checks.profanity import ProfanityCheck, matcher_for  # noqa: E402
from worker.models import Comment  # noqa: E402
from worker.profanity import Matcher, load_lexicon  # noqa: E402

SEED = 20240611
ENGLISH = (
    "Thanks for the article, it explains the new bus timetable really well.",
    "I disagree with the author about the housing market, prices are not going down.",
    "My grandmother used to make this recipe every Sunday, with a bit more garlic.",
    "Does anyone know when the library reopens after the works?",
    "The council should have asked residents before closing the road.",
    "Great photos! The light on the harbour at sunset is beautiful.",
    "I tried this with virgin olive oil and it tasted even better.",
    "We visited Scunthorpe last summer and the museum was worth it.",
    "The match on Saturday was a disappointment, the defence was asleep.",
    "Could you add the source for the figures in the third paragraph?",
    "This is the 73rd time they promise a new stadium, I will believe it when I see it.",
    "My therapist recommended the same book, it really helped.",
    "Honestly the comments section here is better than the article.",
    "The new cocktail bar on Main Street is too expensive for what it is.",
    "I am not sure the numbers add up, but the idea is interesting.",
    "Good luck to the volunteers cleaning the beach this weekend.",
)
FRENCH = (
    "Merci pour cet article, il explique très bien les nouveaux horaires du bus.",
    "Je ne suis pas d'accord avec l'auteur sur le marché du logement.",
    "Ma grand-mère faisait cette recette tous les dimanches, avec plus d'ail.",
    "Quelqu'un sait quand la médiathèque rouvre après les travaux ?",
    "La mairie aurait dû consulter les habitants avant de fermer la rue.",
    "Le train avait encore du retard ce matin, c'est la troisième fois cette semaine.",
    "On se retrouve pour un pot après le concours de pétanque ?",
    "Il est trop tard pour changer le projet, le chantier a commencé.",
    "La revue de presse de ce matin était vraiment intéressante.",
    "Mon fils a acheté une salopette pour le jardin, elle est très pratique.",
    "Le match de samedi était décevant, la défense dormait.",
    "Pouvez-vous citer la source des chiffres du troisième paragraphe ?",
    "C'est loin d'être parfait mais c'est un bon début.",
    "Bravo aux bénévoles qui nettoient la plage ce week-end.",
    "La rue est un cul-de-sac, les camions ne peuvent pas faire demi-tour.",
    "Je trouve que les commentaires sont plus intéressants que l'article.",
)
PROFANE = (
    "What the fuck is wrong with this council?",
    "This is total bullshit.",
    "The referee is a complete asshole.",
    "Shut the f*ck up already.",
    "Putain, encore une grève !",
    "Quel connard ce chauffeur.",
    "Va te faire foutre avec ton projet.",
    "C'est de la merde, ce stade.",
    "fuuuuck this traffic",
    "T'es qu'un c-o-n-n-a-r-d.",
)


def make_comment(rng: random.Random, length: int) -> str:
    """Return one comment of about ``length`` characters, in English, French or both."""
    pools = rng.choice((ENGLISH, FRENCH, ENGLISH + FRENCH))
    parts: list[str] = []
    size = 0
    while size < length:
        if rng.random() < 0.15:
            sentence = f"@user{rng.randint(1, 99_999)} see #{rng.randint(1, 9_999)} or {rng.randint(1, 500)}€."
        else:
            sentence = rng.choice(pools)
        parts.append(sentence)
        size += len(sentence) + 1
    if rng.random() < 0.1:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(PROFANE))
    return " ".join(parts)[: max(length, 20)]


def make_comments(count: int, seed: int = SEED) -> list[str]:
    """Return ``count`` comments of 20 to 2,000 characters, most of them short, as on real sites."""
    rng = random.Random(seed)
    return [make_comment(rng, min(2_000, max(20, int(rng.lognormvariate(5.5, 0.9))))) for _ in range(count)]


def rate(fn: Callable[[str], object], texts: Sequence[str], repeats: int, min_seconds: float = 0.0) -> float:
    """Return the median comments per second of ``fn`` over ``texts``, ``repeats`` times."""
    rates = []
    for _ in range(repeats):
        done = 0
        start = time.perf_counter()
        while True:
            for text in texts:
                fn(text)
            done += len(texts)
            elapsed = time.perf_counter() - start
            if elapsed >= min_seconds:
                break
        rates.append(done / elapsed)
    return statistics.median(rates)


def per_length(fn: Callable[[str], object], lengths: Sequence[int], repeats: int, min_seconds: float) -> list[float]:
    """Return the seconds ``fn`` takes on one comment of each length (median of repeats).

    Each longer comment extends the shorter one's text, so only the length changes; the last
    sentence is profane, so both the clean path and the reporting path are measured.
    """
    rng = random.Random(SEED + 1)
    sentences = list(ENGLISH + FRENCH)
    text = ""
    while len(text) < max(lengths):
        rng.shuffle(sentences)
        text += " ".join(sentences) + " "
    texts = [text[: n - 30] + " " + PROFANE[0][:29] for n in lengths]
    return [1 / rate(fn, [t], repeats, min_seconds=min_seconds) for t in texts]


STARTUP_CODE = """
import time
start = time.perf_counter()
from worker.profanity import Matcher, load_lexicon
Matcher(load_lexicon()).scan("warm up")
pure = time.perf_counter() - start
from worker.checks.profanity import build
from worker.policy import Section
build(Section("profanity", {}, "bench")).check
print(pure * 1000, (time.perf_counter() - start) * 1000)
"""


def startup(runs: int = 5) -> tuple[float, float, float]:
    """Return median ms of a fresh process: import + build (matcher only, then the whole check), wall."""
    pure, full, wall = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", STARTUP_CODE], cwd=ROOT, capture_output=True, text=True, check=True)
        wall.append((time.perf_counter() - start) * 1000)
        a, b = map(float, out.stdout.split())
        pure.append(a)
        full.append(b)
    return statistics.median(pure), statistics.median(full), statistics.median(wall)


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--comments", type=int, default=60, help="comments timed for both (better-profanity is slow)")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    from better_profanity import profanity as better

    check = ProfanityCheck(matcher_for())
    context = Context(now=0.0)

    def ours(text: str) -> object:
        return check.check(Comment(id="b", post_id="p", content=text), context)

    texts = make_comments(args.comments)
    mean_chars = statistics.mean(map(len, texts))
    print(f"{len(texts)} comments, {min(map(len, texts))}-{max(map(len, texts))} chars, mean {mean_chars:.0f}")
    bp_rate = rate(better.contains_profanity, texts, args.repeats)
    our_rate = rate(ours, texts, args.repeats, min_seconds=1.0)
    print(f"better-profanity contains_profanity: {bp_rate:10.1f} comments/s")
    print(f"profanity check (warm cache):        {our_rate:10.1f} comments/s")
    print(f"ratio:                               {our_rate / bp_rate:10.0f}x")

    many = make_comments(20_000, seed=SEED + 2)
    cold = Matcher(load_lexicon())
    start = time.perf_counter()
    for text in many:
        cold.scan(text)
    cold_rate = len(many) / (time.perf_counter() - start)
    warm_rate = rate(cold.scan, many, args.repeats)
    print(f"matcher on 20,000 other comments: cold cache {cold_rate:,.0f}/s, warm {warm_rate:,.0f}/s")
    print(f"  (cold: a fresh matcher meets every distinct word for the first time; {cold_rate / bp_rate:,.0f}x)")

    lengths = (100, 1_000, 10_000)
    print("cost per comment by length (median):")
    bp_costs = per_length(better.contains_profanity, lengths, 1, 0.0)
    our_costs = per_length(ours, lengths, args.repeats, 0.3)
    for n, bp_cost, our_cost in zip(lengths, bp_costs, our_costs, strict=True):
        print(
            f"  {n:6,} chars: better-profanity {bp_cost * 1e3:9.2f} ms ({bp_cost / n * 1e6:6.2f} µs/char)"
            f"   check {our_cost * 1e6:8.1f} µs ({our_cost / n * 1e9:5.1f} ns/char)"
        )
    pure, full, wall = startup()
    print(f"start-up, fresh process (median of 5): import + build matcher {pure:.1f} ms;")
    print(f"  with worker.checks (imports the other checks too) {full:.1f} ms; whole process wall {wall:.0f} ms")


if __name__ == "__main__":
    main()
