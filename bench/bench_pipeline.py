"""End-to-end throughput and latency of the moderation pipeline, against a no-op Celery task's ceiling.

Starts its own redis-server and one worker (2 processes) at a time, on this machine:
  1. no-op ceiling: N no-op messages published one by one, first publish to last task done;
  2. pipeline, one by one: N comments submitted one by one (as web requests do), first submit to last decision;
  3. pipeline, burst: N comments submitted in batches of 500 (submit_many);
  4. latency at a steady rate: submit-to-decision p50 / p99.
Comments are the tests' sample authors with bodies of 8 to 80 words drawn from French and English
sentences (some links, spam phrasing and swearing; texts differ, as readers' comments do).
The runs are interleaved, round by round (no-op, one by one, burst), each with a warm worker of its own,
so that a change in the machine's load during the benchmark falls on all three alike. Every run starts on an
empty Redis: a worker under a new key prefix is a new deployment, whose first retention pass scans the whole
keyspace (worker.ops.retention); earlier runs' keys left there would make that pass longer each round, a cost
that no deployment pays every time it starts and that the no-op task never pays. For the same reason a
worker is warm only once its host's first retention pass has run: that pass fires some 10 s after the
worker starts, scans the keyspace, and then waits ``retention_interval_s`` (an hour); inside the timed
window it would add a start-up cost (some 23 us a comment) to one run and not to another, so every run
waits for it (the ``retention:due`` key that a finished pass sets) before timing. Each throughput
is the median of --repeats rounds, and each pipeline kind is also compared with the no-op run of its own
round (the median of those paired ratios). Usage: python bench/bench_pipeline.py [--comments 5000]

Throughput on a shared machine follows whatever else runs there. So each run also adds up the CPU time
that the worker's processes, the redis-server and this process (the submitter) spent on it (Linux /proc),
and prints the CPU per message: the no-op task's against a comment's, a ratio that the neighbours'
load moves far less, and that tells what the throughput ratio would be on cores left to the benchmark.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import sample_comments  # noqa: E402
from worker.client import ModerationClient  # noqa: E402
from worker.ops.retention import Retention  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.settings import load_settings  # noqa: E402

SENTENCES = (
    "Merci pour cet article, il explique enfin clairement la réforme des retraites.",
    "Je ne suis pas d'accord avec la conclusion, les chiffres de 2019 disent autre chose.",
    "Quelqu'un sait où trouver le rapport complet dont parle le troisième paragraphe ?",
    "Great write-up, I shared it with my team this morning.",
    "The second chart looks wrong to me: the axis starts at 40, not at zero.",
    "Ce retard dans les travaux du tram devient vraiment pénible pour tout le quartier.",
    "I have been reading this blog for years and this is one of the best posts so far.",
    "Petite coquille dans le titre, sinon rien à redire, bravo à la rédaction.",
    "Check out my channel for more videos like this one, subscribe!",
    "What a load of shit, the journalist clearly did not check a single fact.",
)


WORDS = tuple(word for sentence in SENTENCES for word in sentence.split())


def realistic(comments: list[dict[str, object]], seed: int) -> list[dict[str, object]]:
    """Give the test comments realistic bodies: 8 to 80 words, French and English, some links."""
    rng = random.Random(seed)
    for i, comment in enumerate(comments):
        body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 80)))
        if i % 10 == 7:
            body += f" https://a.example/{i} https://b.example/{i}"
        comment["content"] = f"{body} ({i})"
    return comments


def start(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(argv, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)


def stop(process: subprocess.Popen[bytes]) -> None:
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def wait(condition: Callable[[], bool], timeout_s: float = 300) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("benchmark timed out: is the worker running? see the logs in the temp folder")
        time.sleep(0.002)


def tree_cpu_s(pid: int) -> float:
    """Return the CPU seconds (user and system) used by a process and its living descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    times: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, stack = 0.0, [pid]
    while stack:
        current = stack.pop()
        total += times.get(current, 0.0)
        stack.extend(children.get(current, ()))
    return total


class CpuMeter:
    """CPU seconds spent by one worker's processes, a redis-server and this process, between two readings."""

    def __init__(self, worker: subprocess.Popen[bytes], raw: redis.Redis) -> None:
        self.worker = worker
        self.raw = raw
        self.readings: list[float] = []

    def read(self) -> None:
        """Take a reading: the sum of the three CPU times now."""
        cpu = self.raw.info("cpu")
        redis_s = float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])
        self.readings.append(tree_cpu_s(self.worker.pid) + redis_s + time.process_time())

    def spent_s(self) -> float:
        """Return the CPU seconds between the last two readings."""
        return self.readings[-1] - self.readings[-2]


def cpu_note(label: str, per_message_us: list[float], noop_us: float) -> str:
    """One line: the median CPU per comment of a run kind, and a no-op task's CPU over it."""
    median = statistics.median(per_message_us)
    return f"  CPU per comment, {label:<20} median {median:6.0f} us  no-op task / comment = {noop_us / median:.2f} x"


def decided(client: ModerationClient) -> int:
    counts = client.counts()
    return counts["approved"] + counts["rejected"] + counts["flagged"]


@dataclass
class Bench:
    """What every run shares: the redis-server, the environment, the message count, and where logs go."""

    raw: redis.Redis
    env: dict[str, str]
    tmp: Path
    n: int
    can_meter: bool


@dataclass
class Kind:
    """One kind of run: its label, its runs' rates (messages/s) and CPU per message (us)."""

    label: str
    rates: list[float] = field(default_factory=list)
    cpu_us: list[float] = field(default_factory=list)

    def add(self, rate: float, cpu_us: float | None) -> None:
        """Record one run."""
        self.rates.append(rate)
        if cpu_us is not None:
            self.cpu_us.append(cpu_us)


def noop_run(bench: Bench, run: int) -> tuple[float, float | None]:
    """Publish N no-op messages one by one to a warm no-op worker; return msg/s and CPU per message (us)."""
    from bench.noop_app import COUNTER
    from bench.noop_app import app as noop_app

    argv = [sys.executable, "-m", "celery", "-A", "bench.noop_app", "worker", "-c", "2", "-l", "WARNING", "-Q", "noop"]
    bench.raw.flushdb()  # as every run does: see the module's docstring
    worker = start(argv, {**bench.env, "MODERATION_QUEUE": "noop"}, bench.tmp / f"noop{run}.log")
    noop_app.conf.broker_url = bench.env["REDIS_URL"]
    raw, n = bench.raw, bench.n
    try:
        with noop_app.producer_pool.acquire(block=True) as producer:
            raw.delete(COUNTER)
            noop_app.send_task("bench.noop", queue="noop", producer=producer)  # warm-up: the worker is up
            wait(lambda: int(raw.get(COUNTER) or 0) >= 1, 60)
            raw.delete(COUNTER)
            meter = CpuMeter(worker, raw)
            if bench.can_meter:
                meter.read()
            started = time.perf_counter()
            for _ in range(n):
                noop_app.send_task("bench.noop", queue="noop", producer=producer)
            wait(lambda: int(raw.get(COUNTER) or 0) >= n)
            rate = n / (time.perf_counter() - started)
            if bench.can_meter:
                meter.read()
    finally:
        stop(worker)
    return rate, meter.spent_s() / n * 1e6 if bench.can_meter else None


@contextlib.contextmanager
def warm_worker(bench: Bench, prefix: str) -> Iterator[tuple[subprocess.Popen[bytes], ModerationClient]]:
    """Start a moderation worker (2 processes) under key prefix ``prefix``; yield it, warm, and a client."""
    env = {**bench.env, "MODERATION_KEY_PREFIX": prefix}
    argv = [sys.executable, "-m", "worker.cli", "worker", "--concurrency", "2", "--loglevel", "WARNING"]
    bench.raw.flushdb()  # a new deployment's Redis: see the module's docstring
    worker = start(argv, env, bench.tmp / f"{prefix}.log")
    try:
        settings = load_settings(env)
        with ModerationClient(settings) as client:
            client.submit(sample_comments(1, "warm-up")[0])
            wait(lambda: decided(client) == 1, 60)
            if Retention(client.store.client, client.store.keys, settings).enabled:
                wait(lambda: bench.raw.exists(client.store.keys.retention_due) == 1, 60)
            yield worker, client
    finally:
        stop(worker)


def pipeline_run(
    bench: Bench, label: str, run: int, submit: Callable[[ModerationClient, list[dict[str, object]]], None]
) -> tuple[float, float | None]:
    """Submit N comments to a warm worker as ``submit`` does; return comments/s and CPU per comment (us)."""
    n = bench.n
    with warm_worker(bench, f"{label}{run}") as (worker, client):
        comments = realistic(sample_comments(n, f"{label}{run}"), run)
        meter = CpuMeter(worker, bench.raw)
        if bench.can_meter:
            meter.read()
        started = time.perf_counter()
        submit(client, comments)
        wait(lambda: decided(client) == n + 1)
        rate = n / (time.perf_counter() - started)
        if bench.can_meter:
            meter.read()
    return rate, meter.spent_s() / n * 1e6 if bench.can_meter else None


def one_by_one(client: ModerationClient, comments: list[dict[str, object]]) -> None:
    """Submit the comments one call each, as web requests do."""
    for comment in comments:
        client.submit(comment)


def in_batches(client: ModerationClient, comments: list[dict[str, object]]) -> None:
    """Submit the comments 500 per call."""
    for i in range(0, len(comments), 500):
        client.submit_many(comments[i : i + 500])


def report(kind: Kind, ceiling: Kind) -> None:
    """Print a pipeline kind's throughput and CPU against the no-op ceiling, overall and round by round."""
    rate = statistics.median(kind.rates)
    paired = [r / c for r, c in zip(kind.rates, ceiling.rates, strict=True)]
    print(
        f"pipeline, {kind.label:<20} median {rate:8.0f} comments/s  runs {[round(r) for r in kind.rates]}"
        f"  = {rate / statistics.median(ceiling.rates):.2f} x the no-op ceiling"
        f"  (round by round: median {statistics.median(paired):.2f} x, {[round(p, 2) for p in paired]})"
    )
    if kind.cpu_us and ceiling.cpu_us:
        print(cpu_note(kind.label, kind.cpu_us, statistics.median(ceiling.cpu_us)))


def latency(bench: Bench, rate: float, seconds: float) -> None:
    """Submit comments at a steady rate and print the submit-to-decision p50 and p99."""
    with warm_worker(bench, "latency") as (_, client):
        count = int(rate * seconds)
        comments = realistic(sample_comments(count, "lat"), 99)
        period = 1.0 / rate
        began = time.perf_counter()
        for i, comment in enumerate(comments):
            delay = began + i * period - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            client.submit(comment)
        wait(lambda: decided(client) == count + 1)
        latencies_ms = []
        for comment in comments:
            stored = client.store.get(str(comment["id"]))
            assert stored.decision is not None
            latencies_ms.append((stored.decision.decided_at - stored.comment.submitted_at) * 1000)
    latencies_ms.sort()
    p50 = statistics.median(latencies_ms)
    p99 = latencies_ms[int(0.99 * (len(latencies_ms) - 1))]
    print(f"latency at {rate:.0f} comments/s for {seconds:.0f} s: p50 {p50:.1f} ms, p99 {p99:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--comments", type=int, default=5000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--rate", type=float, default=200.0, help="comments/s of the latency run")
    parser.add_argument("--latency-seconds", type=float, default=10.0)
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-pipeline-"))
    server = RedisServer(tmp / "redis").start()
    env = {**os.environ, "REDIS_URL": server.url, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp)}
    env["MODERATION_CONFIG"] = str(ROOT / "config" / "settings.toml")
    raw = redis.Redis.from_url(server.url)
    n = args.comments
    print(
        f"redis {server.url}, {n} messages per run, {args.repeats} rounds (no-op, one by one, burst),"
        f" one worker of 2 processes, {os.cpu_count()} cores"
    )
    bench = Bench(raw, env, tmp, n, Path("/proc/self/stat").exists())
    try:
        ceiling, single, burst = Kind("no-op"), Kind("one by one"), Kind("burst, 500 per call")
        for run in range(args.repeats):
            ceiling.add(*noop_run(bench, run))
            single.add(*pipeline_run(bench, "single", run, one_by_one))
            burst.add(*pipeline_run(bench, "burst", run, in_batches))
        print(
            f"no-op Celery task ceiling:       median {statistics.median(ceiling.rates):8.0f} msg/s"
            f"       runs {[round(r) for r in ceiling.rates]}"
        )
        if ceiling.cpu_us:
            print(
                f"  CPU per message, no-op task          median {statistics.median(ceiling.cpu_us):6.0f} us"
                "  (worker, redis-server, publisher)"
            )
        else:
            print("  CPU per message not measured: this system has no /proc")
        report(single, ceiling)
        report(burst, ceiling)
        latency(bench, args.rate, args.latency_seconds)
    finally:
        raw.close()
        server.stop()


if __name__ == "__main__":
    main()
