"""Soak: many comments from four submitting processes through two workers; throughput, latency, memory.

Starts its own redis-server and two ``moderation worker`` processes (each with ``--concurrency``
pool processes; no beat), then four submitting processes, each sending a quarter of ``--count``
comments one by one at a quarter of ``--rate`` (as web requests do; ``--rate 0`` sends as fast as they
can). It reports:
  - throughput: decided comments per second, first submission to last decision; and, as the baseline
    of the same run, the rate of the first tenth of the decisions against the last tenth;
  - latency: submission to decision (from the stored ``submitted_at`` and ``decided_at``), p50 p90 p99 max;
  - memory: each worker's resident memory (its supervisor, Celery's main process and its pool
    processes, summed) once warmed up (after the first 1,000 decisions) and at the end: growth must
    stay under 10%.
Not part of the test command. Usage: python bench/bench_soak.py [--count 100000] [--rate 400]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pipeline import realistic  # noqa: E402
from tests.helpers import sample_comments  # noqa: E402
from worker.client import ModerationClient  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.settings import load_settings  # noqa: E402

SUBMITTERS = 4
WORKERS = 2
MAX_GROWTH = 0.10


def submitter(env: dict[str, str], index: int, count: int, rate: float) -> None:
    """One web app process: submit ``count`` comments one by one at ``rate`` per second (0: no pacing)."""
    comments = realistic(sample_comments(count, f"soak{index}"), index)
    period = 1.0 / rate if rate > 0 else 0.0
    with ModerationClient(load_settings(env)) as client:
        started = time.perf_counter()
        for n, comment in enumerate(comments):
            if period:
                delay = started + n * period - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
            client.submit(comment)


def tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and every process below it, in KiB."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        proc = int(status.parent.name)
        parents[proc] = int(fields["PPid"].strip())
        rss[proc] = int(fields.get("VmRSS", "0 kB").split()[0])
    tree, frontier = [pid], [pid]
    while frontier:
        frontier = [p for p, parent in parents.items() if parent in frontier]
        tree.extend(frontier)
    return sum(rss.get(p, 0) for p in tree)


def decided(client: ModerationClient) -> int:
    counts = client.counts()
    return counts["approved"] + counts["rejected"] + counts["flagged"]


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000, help="comments in all (default 100,000)")
    parser.add_argument("--rate", type=float, default=400.0, help="comments/s of all submitters together (0: flat out)")
    parser.add_argument("--concurrency", type=int, default=1, help="pool processes per worker (default 1)")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    server = RedisServer(tmp / "redis", appendonly=False).start()
    env = {
        **os.environ,
        "REDIS_URL": server.url,
        "PYTHONPATH": str(ROOT),
        "TMPDIR": str(tmp),
        "MODERATION_CONFIG": str(ROOT / "config" / "settings.toml"),
        "MODERATION_KEY_PREFIX": "soak",
        "MODERATION_QUEUE": "soak",
    }
    count = args.count - args.count % SUBMITTERS
    print(
        f"soak: {count} comments from {SUBMITTERS} submitting processes at {args.rate:g}/s in all,"
        f" {WORKERS} workers of {args.concurrency} pool process(es), {os.cpu_count()} cores, redis {server.url}"
    )
    workers: list[subprocess.Popen[bytes]] = []
    try:
        for n in range(WORKERS):
            argv = [sys.executable, "-m", "worker.cli", "worker", "--concurrency", str(args.concurrency)]
            with (tmp / f"worker-{n}.log").open("ab") as log:
                workers.append(
                    subprocess.Popen(
                        [*argv, "--loglevel", "WARNING"], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT
                    )
                )
        client = ModerationClient(load_settings(env))
        context = multiprocessing.get_context("spawn")
        senders = [
            context.Process(target=submitter, args=(env, i, count // SUBMITTERS, args.rate / SUBMITTERS))
            for i in range(SUBMITTERS)
        ]
        started = time.time()
        for sender in senders:
            sender.start()
        marks: list[tuple[float, int]] = []
        memory_start: list[int] = []
        while (done := decided(client)) < count:
            now = time.time()
            marks.append((now, done))
            if not memory_start and done >= 1000:
                memory_start = [tree_rss_kib(w.pid) for w in workers]
            if any(w.poll() is not None for w in workers):
                raise SystemExit(f"a worker exited: see {tmp}")
            if all(not s.is_alive() for s in senders) and any(s.exitcode for s in senders):
                raise SystemExit("a submitting process failed")
            if len(marks) > 60 and marks[-60][1] == done and done < count:
                stalled = now - marks[-60][0]
                if stalled > 120:
                    raise SystemExit(f"no decision for {stalled:.0f} s at {done}/{count}: see {tmp}")
            time.sleep(1.0)
        finished = time.time()
        memory_end = [tree_rss_kib(w.pid) for w in workers]
        for sender in senders:
            sender.join()
        marks.append((finished, count))

        keys = client.store.keys
        pipe = client.store.client.pipeline(transaction=False)
        ids = [f"soak{i}-{n}" for i in range(SUBMITTERS) for n in range(count // SUBMITTERS)]
        for comment_id in ids:
            pipe.hmget(keys.comment(comment_id), "submitted_at", "decision")
        latencies = sorted(
            json.loads(decision)["decided_at"] - float(submitted_at) for submitted_at, decision in pipe.execute()
        )
        events = client.store.client.xlen(keys.events)
        queued = client.counts()["queued"]
        redis_mib = client.store.client.info("memory")["used_memory"] / 2**20
        client.close()
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            try:
                worker.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker.kill()
                worker.wait()
        server.stop()

    elapsed = finished - started
    tenth = count // 10

    def rate_between(low: int, high: int) -> float:
        t_low = next(t for t, d in marks if d >= low)
        t_high = next(t for t, d in marks if d >= high)
        return (high - low) / max(t_high - t_low, 1e-9)

    early, late = rate_between(tenth, 2 * tenth), rate_between(count - 2 * tenth, count - tenth)
    print(f"decided {count} in {elapsed:.0f} s: {count / elapsed:.0f} comments/s, first submission to last decision")
    print(
        f"  rate of the 2nd tenth of decisions {early:.0f}/s, of the 9th tenth {late:.0f}/s: {late / early:.2f} x"
        " (the same run's baseline; 1.00 = no slow-down)"
    )
    print(
        "latency, submission to decision:"
        f" p50 {percentile(latencies, 0.5) * 1000:.0f} ms, p90 {percentile(latencies, 0.9) * 1000:.0f} ms,"
        f" p99 {percentile(latencies, 0.99) * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"exactly once: {events} decision events for {count} comments, {queued} left queued")
    growth_ok = True
    for n, (start_kib, end_kib) in enumerate(zip(memory_start, memory_end, strict=True)):
        growth = end_kib / start_kib - 1
        growth_ok &= growth < MAX_GROWTH
        print(
            f"worker {n} memory (all its processes): {start_kib / 1024:.1f} MiB after 1,000 decisions,"
            f" {end_kib / 1024:.1f} MiB at the end: {growth:+.1%}"
        )
    print(f"redis used_memory at the end: {redis_mib:.0f} MiB")
    print(f"memory growth under {MAX_GROWTH:.0%}: {'yes' if growth_ok else 'NO'}")
    if events != count or queued or not growth_ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
