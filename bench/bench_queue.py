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
- a worker's decisions with the indexes (``record``, per comment) against the status script as it was
  before them, on the same comments in turn; a bulk verdict on 1,000 ids;
- the memory the indexes, histories and near-duplicate band keys take per comment.
"""

from __future__ import annotations

import json
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
from worker.scripts import Call, LuaScript
from worker.spam.corpus import seed_rows
from worker.store import CommentStore
from worker.verdicts import moderator_decision

PAGE = 20

# The status script as it was before the queue's indexes, history and groups (main at de30a21): the baseline
# of a worker's decision, run in the same process on the same Redis.
_BEFORE = LuaScript("""
local current = redis.call('HGET', KEYS[1], 'status')
if not current then return -1 end
if ARGV[2] == 'worker' then
  if current ~= 'queued' then return 0 end
elseif redis.call('HEXISTS', KEYS[1], 'moderated') == 1 then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'decision', ARGV[4], 'updated_at', ARGV[5])
if ARGV[2] == 'moderator' then redis.call('HSET', KEYS[1], 'moderated', '1') end
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[3] == 'flagged' then redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1]) else redis.call('ZREM', KEYS[3], ARGV[1]) end
redis.call('HINCRBY', KEYS[4], current, -1)
redis.call('HINCRBY', KEYS[4], ARGV[3], 1)
if tonumber(ARGV[8]) > 0 then
  redis.call('XADD', KEYS[5], 'MAXLEN', '~', ARGV[8], '*', 'id', ARGV[1], 'post_id', ARGV[6],
             'status', ARGV[3], 'decided_by', ARGV[7], 'decided_at', ARGV[5])
end
return 1
""")


def record_before(store: CommentStore, pairs: list[tuple[Comment, Decision]]) -> None:
    """Record decisions as the status script did before the indexes (the baseline)."""
    k = store.keys
    calls: list[Call] = []
    for comment, decision in pairs:
        keys = [k.comment(comment.id), k.queued, k.flagged, k.counts, k.events]
        payload = json.dumps(decision.to_dict(), ensure_ascii=False, separators=(",", ":"))
        args = [
            comment.id,
            "worker",
            decision.status.value,
            payload,
            repr(decision.decided_at),
            comment.post_id,
            decision.decided_by,
            store.events_maxlen,
        ]
        calls.append((keys, args))
    _BEFORE.run_many(store.client, calls)


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


def fill(store: CommentStore, count: int, before: CommentStore | None = None) -> tuple[float, float]:
    """Store and decide ``count`` flagged comments; return the time per comment (ms) of ``record``, and of the
    baseline script on the same comments in ``before`` (another key prefix), batch by batch in turn."""
    texts = [row.comment.content for row in seed_rows()]
    now = time.time() - count
    recorded = baseline = 0.0
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
        if before is not None:
            before.add(batch)
            begin = time.perf_counter()
            record_before(before, pairs)
            baseline += time.perf_counter() - begin
    return recorded / count * 1000, baseline / count * 1000


def memory_per_comment(client: redis.Redis, keys: Keys, count: int) -> list[float]:
    """Return the bytes per comment of the queue indexes, the histories and the group band keys (kept for a window)."""
    totals = []
    for pattern in ("ix*", "history:*", "campaign-band:*"):
        found = client.scan_iter(match=f"{keys.prefix}:{pattern}", count=1000)
        totals.append(sum(int(client.memory_usage(key) or 0) for key in found) / count)
    return totals


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
            record_ms, before_ms = fill(store, count, CommentStore(client, Keys("before")))
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
            print(f"{'worker decision, status script before the indexes':<56}{before_ms:9.3f} ms per comment")
            label = "worker decision with indexes, history, groups (record)"
            print(f"{label:<56}{record_ms:9.3f} ms per comment  ({record_ms / before_ms:.1f}x)")

            ids = queue.matching_ids()[:1000]
            decision = moderator_decision("reject", "bench", "bench", time.time())
            begin = time.perf_counter()
            stored = store.get_many(ids)
            store.review_many([(s, decision) for s in stored if s is not None], verdict_id="bench")
            per_id = (time.perf_counter() - begin) * 1000 / len(ids)
            print(f"{f'bulk verdict on {len(ids):,} ids (store side)':<56}{per_id:9.3f} ms per id")
            index_bytes, history_bytes, band_bytes = memory_per_comment(client, keys, count)
            label = "memory per comment: indexes, history, group bands"
            print(f"{label:<56}{index_bytes:6.0f} B, {history_bytes:.0f} B, {band_bytes:.0f} B")
            client.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
