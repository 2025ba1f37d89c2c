"""Measure the spam state's cost per comment: facts() + decided() against a throwaway local Redis.

Run: .venv/bin/python bench/bench_spam_state.py [ROUNDS]

Texts are the seed corpus's (the project's own), each posted by a new author from a new address, so
every comment carries a signature, two flood keys and a known-author look-up: first with the words of
each text shuffled (no two alike), then as they are, cycling, so that every band read finds copies.
Reports the median over ROUNDS batches of the wall time per comment, and the part spent on signatures.
The baseline, measured in the same run on the same Redis, is the floor of any shared state: two
pipelined round trips per batch (one read and one write per comment) that do nothing else.
"""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import redis

from worker.keys import Keys
from worker.models import Comment, Decision, Status
from worker.redis_server import RedisServer
from worker.spam.corpus import seed_rows
from worker.spam.signature import signature
from worker.spam.state import SpamState
from worker.spam.state_policy import StatePolicy

BATCH_SIZES = (1, 100)


def comments(count: int, counter: itertools.count[int], campaign: bool) -> list[Comment]:
    """Seed texts (shuffled unless ``campaign``) from new authors and addresses, submitted now."""
    rows = seed_rows()
    now = time.time()
    batch = []
    for _ in range(count):
        n = next(counter)
        text = rows[n % len(rows)].comment.content
        if not campaign:  # the seed text with its words shuffled: no two texts alike
            words = text.split()
            random.Random(n).shuffle(words)
            text = " ".join(words)
        batch.append(
            Comment(
                id=f"b{n}",
                post_id="bench",
                author_name=f"Reader {n}",
                author_email=f"reader{n}@example.org",
                content=text,
                ip=f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}",
                submitted_at=now,
            )
        )
    return batch


def measure(
    state: SpamState, size: int, rounds: int, counter: itertools.count[int], campaign: bool = False
) -> tuple[float, float]:
    """Return the median µs per comment of facts()+decided(), and of the signatures alone."""
    total: list[float] = []
    signatures: list[float] = []
    for _ in range(rounds):
        batch = comments(size, counter, campaign)
        start = time.perf_counter()
        for c in batch:
            signature(c.content, state.policy.duplicate_min_words)
        signatures.append((time.perf_counter() - start) / size * 1e6)
        start = time.perf_counter()
        now = time.time()
        state.facts(batch, now)
        state.decided([(c, Decision(Status.APPROVED, (), {}, "bench", now)) for c in batch], now)
        total.append((time.perf_counter() - start) / size * 1e6)
    return statistics.median(total), statistics.median(signatures)


def floor(client: redis.Redis, size: int, rounds: int) -> float:
    """Return the median µs per comment of two pipelined round trips per batch: one HGET, then one HSET each."""
    total: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        for write in (False, True):
            pipe = client.pipeline(transaction=False)
            for n in range(size):
                if write:
                    pipe.hset("bench:floor", str(n), "1")
                else:
                    pipe.hget("bench:floor", str(n))
            pipe.execute()
        total.append((time.perf_counter() - start) / size * 1e6)
    return statistics.median(total)


def main(argv: list[str]) -> int:
    """Start a throwaway Redis, warm the state up, and print the figures."""
    rounds = int(argv[1]) if len(argv) > 1 else 200
    with tempfile.TemporaryDirectory() as directory:
        server = RedisServer(Path(directory), appendonly=False).start()
        client = redis.Redis.from_url(server.url)
        try:
            state = SpamState(client, Keys("bench"), StatePolicy())
            counter = itertools.count()
            measure(state, 100, 5, counter)  # warm up: the secret, the seed model, connections
            print(f"spam state on a local Redis, {rounds} batches per size (median per comment)")
            floors = {size: floor(client, size, rounds) for size in BATCH_SIZES}
            print("  baseline, two pipelined round trips doing nothing else:")
            for size, floor_us in floors.items():
                print(f"    batch of {size:>3}: {floor_us:8.1f} µs/comment")
            for campaign in (False, True):
                print("  every text a copy of many others (a campaign):" if campaign else "  distinct texts:")
                for size in BATCH_SIZES:
                    per_comment, in_process = measure(state, size, rounds, counter, campaign)
                    print(
                        f"    batch of {size:>3}: facts()+decided() {per_comment:8.1f} µs/comment"
                        f" ({per_comment / floors[size]:.1f}x the baseline), of which signatures {in_process:6.1f} µs"
                    )
        finally:
            client.close()
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
