"""Webhook delivery to a local receiver: events per second, and latency from decision to delivery.

Starts its own redis-server, a local HTTP receiver (verifying every signature) and one
`moderation worker --concurrency 2` that consumes the moderation and webhooks queues:
  1. baseline: the same number of signed POSTs sent one by one from this process to the receiver (the
     cost of the HTTP and the signature alone, no Redis, no Celery);
  2. webhooks: N comments submitted at once; the rate at which their webhooks arrive, and for each the
     time from its decision (decided_at) to its arrival, p50 and p99 (a burst: queueing included);
  3. lone: --lone comments one at a time, each once the previous webhook arrived: the latency alone;
  4. comment-check: --checks Akismet comment-checks one by one over one keep-alive connection to a
     `moderation api` process (each decided at once and recorded), against the same comments submitted
     with POST /comments (stored and queued only) on the same connection, latency p50 and p99 of each.
Each figure is the median of --repeats runs. Usage: python bench/bench_webhooks.py [--comments 500]
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.api_process import APIProcess  # noqa: E402
from tests.webhook_receiver import Receiver  # noqa: E402
from tests.workers import WORKER, WorkerProcess, worker_environment  # noqa: E402
from worker.client import ModerationClient  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.settings import load_settings  # noqa: E402
from worker.webhooks.config import parse_webhooks  # noqa: E402
from worker.webhooks.message import signed_headers  # noqa: E402
from worker.webhooks.sender import post  # noqa: E402
from worker.webhooks.targets import check_target  # noqa: E402

AKISMET_KEY = "bench-akismet-key"
SECRET = "whsec_" + base64.b64encode(os.urandom(32)).decode()


def comments(count: int, tag: str) -> list[dict[str, object]]:
    """Good comments written for the benchmark (all approved)."""
    return [
        {
            "id": f"{tag}-{i}",
            "post_id": f"post-{i % 7}",
            "author_name": f"Lectrice {i}",
            "author_email": f"reader{i}@example.org",
            "content": f"Merci pour cet article, numéro {i} !",
        }
        for i in range(count)
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def direct_rate(receiver: Receiver, count: int) -> float:
    """Signed POSTs per second, one by one from this process (the baseline)."""
    hooks = parse_webhooks({"allowed_networks": ["127.0.0.0/8"]})
    target = check_target(receiver.url, hooks.allowed_networks)
    body = json.dumps({"type": "comment.decided", "data": {"comment": {"id": "x", "content": "y" * 200}}}).encode()
    start = time.perf_counter()
    for i in range(count):
        outcome = post(target, body, signed_headers(SECRET, f"msg_{i}", body, time.time()), 5.0)
        if not outcome.delivered:
            raise RuntimeError(outcome.error)
    return count / (time.perf_counter() - start)


def webhook_run(client: ModerationClient, receiver: Receiver, count: int, tag: str) -> tuple[float, list[float]]:
    """Submit ``count`` comments; return webhooks per second and each one's decision-to-delivery latency (ms)."""
    before = len(receiver.delivered())
    start = time.time()
    client.submit_many(comments(count, tag))
    deadline = time.monotonic() + 300
    while len(receiver.delivered()) < before + count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"only {len(receiver.delivered()) - before} of {count} webhooks arrived")
        time.sleep(0.02)
    got = receiver.delivered()[before:]
    elapsed = max(r.received_at for r in got) - start
    latencies = [(r.received_at - r.payload["data"]["decision"]["decided_at"]) * 1000 for r in got]
    return count / elapsed, latencies


def lone_latencies(client: ModerationClient, receiver: Receiver, count: int) -> list[float]:
    """One comment at a time, each submitted once the previous webhook arrived: decision-to-delivery (ms)."""
    latencies = []
    for i in range(count):
        before = len(receiver.delivered())
        client.submit_many(comments(1, f"lone{i}"))
        deadline = time.monotonic() + 60
        while len(receiver.delivered()) <= before:
            if time.monotonic() > deadline:
                raise TimeoutError("a lone webhook did not arrive")
            time.sleep(0.002)
        got = receiver.delivered()[before]
        latencies.append((got.received_at - got.payload["data"]["decision"]["decided_at"]) * 1000)
    return latencies


def akismet_form(comment: dict[str, object]) -> dict[str, str]:
    """The comment as an Akismet client sends it."""
    return {
        "api_key": AKISMET_KEY,
        "blog": "https://blog.example",
        "user_ip": "203.0.113.7",
        "permalink": f"https://blog.example/{comment['post_id']}",
        "comment_type": "comment",
        "comment_author": str(comment["author_name"]),
        "comment_author_email": str(comment["author_email"]),
        "comment_content": str(comment["content"]),
    }


def check_latencies(api: APIProcess, count: int) -> tuple[list[float], list[float]]:
    """Milliseconds per comment-check, and per POST /comments of the same comments (the baseline)."""
    checks, submits = [], []
    with httpx.Client(base_url=f"http://127.0.0.1:{api.port}", timeout=30) as http:
        for i, comment in enumerate(comments(count, "check")):
            start = time.perf_counter()
            answer = http.post("/1.1/comment-check", data=akismet_form(comment))
            checks.append((time.perf_counter() - start) * 1000)
            if answer.text not in ("true", "false"):
                raise RuntimeError(f"comment-check answered {answer.text!r}: {answer.headers}")
            start = time.perf_counter()
            answer = http.post("/comments", json={**comment, "id": f"submit-{i}"})
            submits.append((time.perf_counter() - start) * 1000)
            if answer.status_code not in (200, 202):
                raise RuntimeError(f"POST /comments answered {answer.status_code}: {answer.text}")
    return checks, submits


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=500)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lone", type=int, default=100, help="comments sent one at a time for the lone latency")
    parser.add_argument("--checks", type=int, default=500, help="Akismet comment-checks, one by one")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = RedisServer(Path(folder) / "redis").start()
        receiver = Receiver(SECRET).start()
        env = worker_environment(server.url, Path(folder))
        table = {
            "queue": env["MODERATION_QUEUE"] + "-hooks",
            "subscriptions": [{"name": "bench", "url": receiver.url, "secret": SECRET}],
            "allowed_networks": ["127.0.0.0/8"],
        }
        env["MODERATION_WEBHOOKS"] = json.dumps(table)
        worker = WorkerProcess(env, Path(folder) / "worker.log", WORKER).start()
        client = ModerationClient(load_settings(env))
        try:
            client.submit_many(comments(20, "warm"))  # the worker is up and the pump's group exists
            deadline = time.monotonic() + 60
            while len(receiver.delivered()) < 20:
                if time.monotonic() > deadline:
                    raise TimeoutError("the warm-up webhooks did not arrive:\n" + worker.output()[-3000:])
                time.sleep(0.05)
            baseline, rates, latencies = [], [], []
            for run in range(args.repeats):
                baseline.append(direct_rate(receiver, args.comments))
                rate, lat = webhook_run(client, receiver, args.comments, f"run{run}")
                rates.append(rate)
                latencies.extend(lat)
            lone = lone_latencies(client, receiver, args.lone)
            api = APIProcess({**env, "MODERATION_AKISMET_KEY": AKISMET_KEY}, Path(folder) / "api.log").start()
            try:
                checks, submits = check_latencies(api, args.checks)
            finally:
                api.stop()
            unverified = sum(not r.verified for r in receiver.receipts)
        finally:
            client.close()
            worker.kill()
            receiver.stop()
            server.stop()
    base = statistics.median(baseline)
    rate = statistics.median(rates)
    print(f"{args.comments} comments per run, {args.repeats} runs, one worker of 2 processes, 2 cores shared")
    print(
        f"{'signed POSTs one by one, in process (baseline)':<48}median {base:6.0f} /s  runs "
        f"[{', '.join(f'{r:.0f}' for r in baseline)}]"
    )
    print(
        f"{'webhooks delivered by the worker':<48}median {rate:6.0f} /s  runs "
        f"[{', '.join(f'{r:.0f}' for r in rates)}]  = {rate / base:.2f} x the baseline"
    )
    print(
        f"decision to delivery, in bursts of {args.comments}: p50 {percentile(latencies, 0.5):.1f} ms, "
        f"p99 {percentile(latencies, 0.99):.1f} ms ({len(latencies)} webhooks)"
    )
    print(
        f"decision to delivery, one comment at a time: p50 {percentile(lone, 0.5):.1f} ms, "
        f"p99 {percentile(lone, 0.99):.1f} ms ({len(lone)} webhooks); signatures that failed to verify: {unverified}"
    )
    print(
        f"comment-check (decided at once): p50 {percentile(checks, 0.5):.2f} ms, "
        f"p99 {percentile(checks, 0.99):.2f} ms; "
        f"POST /comments of the same (queued only, baseline): p50 {percentile(submits, 0.5):.2f} ms, "
        f"p99 {percentile(submits, 0.99):.2f} ms; p50 ratio {percentile(checks, 0.5) / percentile(submits, 0.5):.2f}x"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
