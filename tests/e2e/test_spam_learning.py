"""End to end: what moderators teach through the client reaches every worker process, and survives restarts."""

from __future__ import annotations

import itertools
import signal
from collections.abc import Callable
from typing import Any

import pytest

from tests.workers import WorkerProcess, wait_until
from worker.client import ModerationClient
from worker.models import JSON

pytestmark = pytest.mark.e2e

SPAM = [
    "Zorblax crystals heal the body, get your zorblax crystals from the quartzy garden today",
    "The quartzy garden grows zorblax crystals that heal everything, visit the quartzy garden",
    "Heal with zorblax crystals, the quartzy garden has zorblax crystals for you and your family",
]
NEAR_COPY = "Zorblax crystals heal the body!! Get your zorblax crystals from the quartzy garden, today"
PROBES = [  # the same words, but no copy of any of the spam above
    "I keep hearing about zorblax crystals that heal, and a quartzy garden near me sells zorblax crystals",
    "My neighbour keeps on talking about zorblax crystals and the quartzy garden, whatever that means",
]
_authors = itertools.count()


def payload(content: str) -> dict[str, Any]:
    n = next(_authors)
    return {
        "post_id": "crystals",
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.org",
        "content": content,
    }


def decide(client: ModerationClient, content: str) -> dict[str, JSON]:
    """Submit one comment from a new author and wait for a worker's decision."""
    comment_id = client.submit(payload(content))
    wait_until(lambda: client.status(comment_id)["status"] != "queued", 30, f"a decision on {comment_id}")
    return client.status(comment_id)


def seed_only(client: ModerationClient, content: str) -> dict[str, JSON]:
    """What the check says of the comment with the seed model and no shared facts at all."""
    engine = client.service.engine
    return engine.decide(engine.parse(payload(content), 0.0), 0.0).to_dict()


def codes(status: dict[str, JSON]) -> list[str]:
    return [reason["code"] for reason in status["reasons"]]


def signals(status: dict[str, JSON]) -> list[str]:
    return [s["name"] for r in status["reasons"] for s in r["evidence"].get("signals", [])]


def test_spam_a_moderator_marks_through_the_client_is_caught_by_another_worker_and_after_a_restart(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    first = start_worker()
    originals = [decide(client, text) for text in SPAM]  # the first worker loads the seed model
    before = seed_only(client, PROBES[0])
    assert before["status"] == "approved"  # the words alone say nothing to the seed model

    for status in originals:
        client.review(str(status["id"]), "spam", "camille")

    # The first worker, still running, picks up what was learned in the client's process.
    probe = decide(client, PROBES[0])
    assert probe["status"] == "flagged", probe
    assert not {"rejected_copy", "campaign"} & set(codes(probe) + signals(probe))
    assert probe["scores"]["spam"] > before["scores"]["spam"]

    # Another worker process, with the first one stopped so that it handles the next comments.
    second = start_worker()
    first.kill(signal.SIGTERM)
    copy = decide(client, NEAR_COPY)
    assert copy["status"] == "rejected", copy
    assert "rejected_copy" in codes(copy)
    assert copy["scores"]["spam"] > originals[0]["scores"]["spam"]

    # A restarted worker still has the shared model.
    second.kill(signal.SIGKILL)
    start_worker()
    later = decide(client, PROBES[1])
    assert seed_only(client, PROBES[1])["status"] == "approved"
    assert later["status"] == "flagged", later
