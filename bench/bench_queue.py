"""Measure the moderators' queue on a throwaway local Redis holding FLAGGED flagged comments (10,000 by default).

Run: .venv/bin/python bench/bench_queue.py [FLAGGED]

The comments are the project's own seed texts, each from a new author, stored and decided through the
store's scripts (as the workers do, with their indexes, history and near-duplicate groups), spread
over 50 posts. Reported, as medians of repeated calls, each with the baseline measured in the same
run on the same Redis: the bare reads that any queue page needs, the ids of the first 20 flagged
comments (``ZRANGE``) and their stored records (one pipelined ``HMGET`` each).

- the default first page (flagged, oldest first, 20 cards with counts, highlights, groups, authors);
- a page filtered by post and reason (one ``ZINTERSTORE`` per tab), and the last page by number;
- a text search over the whole flagged tab;
- a worker's decisions with the indexes (``record``, per comment), and a bulk verdict on 1,000 ids;
- the memory the indexes and histories take per comment.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import redis

from worker.keys import Keys
from worker.models import Action, Comment, Decision, Reason, Status
from worker.queue import ModerationQueue, QueueQuery
from worker.redis_server import RedisServer
from worker.spam.corpus import seed_rows
from worker.store import CommentStore
from worker.verdicts import moderator_decision

PAGE = 20


def median_ms(call: Callable[[], object], repeat: int) -> float:
    """Return the median wall time of ``call`` in milliseconds, after one warm-up call."""
    call()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def flagged_decision(n: int, now: float) -> Decision:
    """A worker's decision that holds the comment: two links, and a spam score for every third one."""
    reasons = [Reason("spam", "too_many_links", "2 links (held from 2).", Action.FLAG, {"links": 2})]
    if n % 3 == 0:
        reasons.append(Reason("spam", "spam_score", "Spam score 0.61", Action.FLAG, {"score": 0.61, "threshold": 0.5}))
    return Decision(Status.FLAGGED, tuple(reasons), {"spam": 0.61}, "bench", now)


def fill(store: CommentStore, count: int) -> float:
    """Store and decide ``count`` flagged comments; return the worker-side time per comment (ms) of ``record``."""
    texts = [row.comment.content for row in seed_rows()]
    now = time.time() - count
    recorded = 0.0
    for start in range(0, count, 500):
        batch = [
            Comment(
                id=f"q{n}",
                post_id=f"post-{n % 50}",
                author_name=f"Reader {n}",
                author_email=f"reader{n}@example.org",
                content=f"{texts[n % len(texts)]} https://a.example/{n} https://b.example/{n}",
                submitted_at=now + n,
            )
            for n in range(start, min(count, start + 500))
        ]
        store.add(batch)
        pairs = [(c, flagged_decision(int(c.id[1:]), now + count)) for c in batch]
        begin = time.perf_counter()
        store.record(pairs)
        recorded += time.perf_counter() - begin
    return recorded / count * 1000


def memory_per_comment(client: redis.Redis, keys: Keys, count: int) -> tuple[float, float]:
    """Return the bytes per comment of the queue indexes and of the histories."""
    index = history = 0
    for key in client.scan_iter(match=f"{keys.prefix}:ix*", count=1000):
        index += int(client.memory_usage(key) or 0)
    for key in client.scan_iter(match=f"{keys.prefix}:history:*", count=1000):
        history += int(client.memory_usage(key) or 0)
    return index / count, history / count


def main(count: int) -> None:
    """Fill a throwaway Redis, then print each figure beside its baseline."""
    with tempfile.TemporaryDirectory() as folder:
        server = RedisServer(Path(folder)).start()
        try:
            client = redis.Redis.from_url(server.url)
            keys = Keys("bench")
            store = CommentStore(client, keys)
            queue = ModerationQueue(store)
            print(f"filling {count:,} flagged comments (seed texts, 50 posts, one author each) ...")
            record_ms = fill(store, count)
            assert queue.counts()["flagged"] == count

            def baseline() -> object:
                ids = store.flagged(PAGE)
                return store.get_many(ids)

            base = median_ms(baseline, 200)
            filtered_query = QueueQuery(post="post-7", reason="spam/spam_score")
            figures = [
                ("first page (flagged, oldest first, 20 cards, counts)", median_ms(queue.page, 200)),
                ("page filtered by post and reason", median_ms(lambda: queue.page(filtered_query), 100)),
                ("last page by number", median_ms(lambda: queue.page(QueueQuery(page=count // PAGE)), 100)),
                (f"text search over all {count:,} flagged", median_ms(lambda: queue.page(QueueQuery(search="zz")), 5)),
            ]
            print(f"{'baseline: ZRANGE of 20 flagged ids + their records':<56}{base:9.2f} ms")
            for label, ms in figures:
                print(f"{label:<56}{ms:9.2f} ms  ({ms / base:.1f}x the baseline)")
            print(f"{'worker decisions with indexes and history (record)':<56}{record_ms:9.3f} ms per comment")

            ids = queue.matching_ids()[:1000]
            decision = moderator_decision("reject", "bench", "bench", time.time())
            begin = time.perf_counter()
            stored = store.get_many(ids)
            store.review_many([(s, decision) for s in stored if s is not None], verdict_id="bench")
            per_id = (time.perf_counter() - begin) * 1000 / len(ids)
            print(f"{f'bulk verdict on {len(ids):,} ids (store side)':<56}{per_id:9.3f} ms per id")
            index_bytes, history_bytes = memory_per_comment(client, keys, count)
            print(f"{'memory per comment: indexes, history':<56}{index_bytes:6.0f} B, {history_bytes:.0f} B")
            client.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
