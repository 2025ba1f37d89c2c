"""What the HTTP API costs a web app over the Python client, for the same submissions on the same Redis.

Starts its own redis-server and one `moderation api` process (uvicorn), no worker (submission only):
  1. baseline: N comments submitted one by one with ModerationClient.submit, in process;
  2. HTTP, one by one: N POST /comments over one keep-alive connection, and their latency;
  3. HTTP, lists of 100: N comments in POST /comments lists.
Each figure is the median of --repeats runs. Usage: python bench/bench_http_api.py [--comments 2000]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.api_process import APIProcess  # noqa: E402
from tests.helpers import sample_comments  # noqa: E402
from worker.client import ModerationClient  # noqa: E402
from worker.redis_server import RedisServer  # noqa: E402
from worker.settings import load_settings  # noqa: E402

HEADERS = {"Content-Type": "application/json"}


def post(connection: http.client.HTTPConnection, body: object) -> None:
    """POST /comments and check the answer."""
    connection.request("POST", "/comments", body=json.dumps(body), headers=HEADERS)
    response = connection.getresponse()
    payload = response.read()
    if response.status not in (200, 202):
        raise RuntimeError(f"{response.status}: {payload[:200]!r}")


def timed(run: Callable[[list[dict[str, object]]], object], comments: list[dict[str, object]]) -> float:
    """Comments per second of one run."""
    start = time.perf_counter()
    run(comments)
    return len(comments) / (time.perf_counter() - start)


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        server = RedisServer(Path(folder) / "redis").start()
        env = {**os.environ, "REDIS_URL": server.url, "MODERATION_KEY_PREFIX": "bench"}
        api = APIProcess(env, Path(folder) / "api.log").start()
        client = ModerationClient(load_settings(env))
        connection = http.client.HTTPConnection("127.0.0.1", api.port, timeout=30)
        latencies_ms: list[float] = []

        def direct(comments: list[dict[str, object]]) -> None:
            for comment in comments:
                client.submit(comment)

        def one_by_one(comments: list[dict[str, object]]) -> None:
            for comment in comments:
                start = time.perf_counter()
                post(connection, comment)
                latencies_ms.append((time.perf_counter() - start) * 1000)

        def lists(comments: list[dict[str, object]]) -> None:
            for i in range(0, len(comments), 100):
                post(connection, comments[i : i + 100])

        try:
            rates: dict[str, list[float]] = {"direct": [], "http": [], "lists": []}
            for run in range(args.repeats):
                for name, how in (("direct", direct), ("http", one_by_one), ("lists", lists)):
                    rates[name].append(timed(how, sample_comments(args.comments, f"{name}{run}")))
        finally:
            connection.close()
            client.close()
            api.stop()
            server.stop()
    base = statistics.median(rates["direct"])
    print(f"redis {server.url}, {args.comments} comments per run, {args.repeats} runs, API served by uvicorn")
    for name, label in (
        ("direct", "Python client, one by one (baseline)"),
        ("http", "HTTP, one by one"),
        ("lists", "HTTP, lists of 100"),
    ):
        rate = statistics.median(rates[name])
        runs = ", ".join(f"{r:.0f}" for r in rates[name])
        print(f"{label:<38}median {rate:6.0f} comments/s  runs [{runs}]  = {rate / base:.2f} x the client")
    ordered = sorted(latencies_ms)
    p50, p99 = ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99)]
    print(f"HTTP submission latency: p50 {p50:.2f} ms, p99 {p99:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
