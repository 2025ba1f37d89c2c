"""A web app on the HTTP API only: submit, learn the decision from the status and the event stream."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.api_process import APIProcess
from tests.helpers import expected_status, sample_comments
from tests.workers import WorkerProcess, wait_until

pytestmark = pytest.mark.e2e


@pytest.fixture
def api(worker_env: dict[str, str], tmp_path: Path) -> Iterator[APIProcess]:
    """The HTTP API on the workers' Redis, prefix and queue, with a token."""
    server = APIProcess(worker_env, tmp_path / "api.log", token="e2e-token").start()
    yield server
    server.stop()


def test_comments_submitted_over_http_are_decided_by_the_workers_and_announced_as_events(
    start_worker: Callable[..., WorkerProcess], api: APIProcess
) -> None:
    start_worker()
    comments = sample_comments(40, "http")
    code, results, _ = api.request("POST", "/comments", comments)
    assert code == 200 and all(r["created"] for r in results)

    wait_until(lambda: api.request("GET", "/stats")[1]["queued"] == 0, 60, "every comment to be decided")

    for comment in comments:
        code, status, _ = api.request("GET", f"/comments/{comment['id']}")
        assert (code, status["status"]) == (200, expected_status(comment)), comment
    events = api.request("GET", "/events?after=0&count=1000")[1]["events"]
    assert sorted(e["id"] for e in events) == sorted(str(c["id"]) for c in comments)
    assert all(str(c["author_email"]) not in api.output() for c in comments)
