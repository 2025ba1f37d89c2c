"""What the HTTP API costs a web app over the Python client, for the same submissions on the same Redis.

Starts its own redis-server and one `moderation api` process (uvicorn), no worker (submission only):
  1. baseline: N comments submitted one by one with ModerationClient.submit, in process;
  2. HTTP, one by one: N POST /comments over one keep-alive connection, and their latency;
  3. HTTP, lists of 100: N comments in POST /comments lists;
  4. the moderators' queue page: its first page with --flagged comments (10,000) held for a moderator,
     logged in, GET /queue --page-loads times; the server's own time (its Server-Timing header) and the
     time the client waited, medians (the target is under 50 ms of server time).
Each submission figure is the median of --repeats runs. Usage: python bench/bench_http_api.py [--comments 2000]
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
import urllib.parse
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests import queue_data  # noqa: E402
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
    parser.add_argument("--flagged", type=int, default=10_000)
    parser.add_argument("--page-loads", type=int, default=30)
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
            page_ms = queue_page(env, Path(folder), args.flagged, args.page_loads) if args.flagged else None
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
    if page_ms is not None:
        server_ms, client_ms, seed_s = page_ms
        p90 = sorted(server_ms)[int(len(server_ms) * 0.9)]
        print(
            f"queue page, first page of {args.flagged} flagged (seeded in {seed_s:.0f} s), {args.page_loads} loads: "
            f"server median {statistics.median(server_ms):.1f} ms (p90 {p90:.1f}), "
            f"client median {statistics.median(client_ms):.1f} ms; target: server under 50 ms"
        )
    return 0


def queue_page(env: dict[str, str], folder: Path, flagged: int, loads: int) -> tuple[list[float], list[float], float]:
    """Seed ``flagged`` held comments under a prefix of their own, log in, time the queue's first page."""
    env = {**env, "MODERATION_KEY_PREFIX": "benchqueue"}
    settings = load_settings(env)
    start = time.perf_counter()
    queue_data.decide(settings, queue_data.flagged(flagged), spacing_s=1.0)
    seed_s = time.perf_counter() - start
    queue_data.add_moderator(settings, "bench", "bench password 1")
    api = APIProcess(env, folder / "api-queue.log").start()
    try:
        connection = http.client.HTTPConnection("127.0.0.1", api.port, timeout=30)
        connection.request("GET", "/login")
        answer = connection.getresponse()
        page = answer.read().decode()
        csrf = page.split('name="csrf" value="', 1)[1].split('"', 1)[0]
        login_cookie = (answer.getheader("set-cookie") or "").split(";")[0]
        form = urllib.parse.urlencode({"csrf": csrf, "name": "bench", "password": "bench password 1"})
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Cookie": login_cookie}
        connection.request("POST", "/login", body=form, headers=headers)
        answer = connection.getresponse()
        answer.read()
        session = (answer.getheader("set-cookie") or "").split(";")[0]
        server_ms: list[float] = []
        client_ms: list[float] = []
        for _ in range(loads + 3):
            began = time.perf_counter()
            connection.request("GET", "/queue", headers={"Cookie": session})
            answer = connection.getresponse()
            body = answer.read()
            client_ms.append((time.perf_counter() - began) * 1000)
            if answer.status != 200 or b"article" not in body:
                raise RuntimeError(f"the queue page answered {answer.status}: {body[:200]!r}")
            server_ms.append(float((answer.getheader("server-timing") or "dur=nan").split("dur=")[1]))
        connection.close()
        return server_ms[3:], client_ms[3:], seed_s  # the first loads compile the templates
    finally:
        api.stop()


if __name__ == "__main__":
    sys.exit(main())
