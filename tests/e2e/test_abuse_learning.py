"""End to end: moderators' verdicts on the desk change what another worker process decides, and can be undone."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable

import pytest

from tests.e2e.test_spam_learning import decide
from tests.workers import WorkerProcess
from worker.abuse.state import AbuseState
from worker.checks.abuse import DEFAULT_REFRESH_S
from worker.client import ModerationClient
from worker.desk import Desk
from worker.models import JSON

pytestmark = pytest.mark.e2e

REFRESH_S = DEFAULT_REFRESH_S + 0.2
MILD = "Your grumblewort opinions are worth nothing, grumblewort"
HELD = "You ridiculous clown, cutting the library budget again"  # "what a ridiculous policy" is criticism: not held


def abuse_reason(status: dict[str, JSON]) -> dict[str, JSON] | None:
    found = [r for r in status["reasons"] if isinstance(r, dict) and r["check"] == "abuse"]
    return found[0] if found else None


def test_a_moderators_verdicts_change_the_next_decision_of_a_second_worker_process(
    start_worker: Callable[[], WorkerProcess], client: ModerationClient
) -> None:
    first = start_worker()
    mild, held = decide(client, MILD), decide(client, HELD)
    assert mild["status"] == "approved" and abuse_reason(mild) is None, mild
    assert held["status"] == "flagged" and abuse_reason(held) is not None, held

    with Desk(client.settings) as desk:
        desk.verdicts.decide_one(str(mild["id"]), "reject", "camille", reason="abusive")
        desk.verdicts.decide_one(str(held["id"]), "approve", "dominique")

        second = start_worker()
        first.kill(signal.SIGTERM)
        again = decide(client, MILD)
        assert again["status"] == "rejected", again
        reason = abuse_reason(again)
        assert reason is not None and reason["evidence"]["lessons"] == 2
        assert decide(client, HELD)["status"] == "approved"

        # Undoing the approval takes its lesson back: the next copy is held again (once the worker asks
        # for the lessons again, within refresh_s).
        desk.verdicts.undo("dominique")
        time.sleep(REFRESH_S)
        assert decide(client, HELD)["status"] == "flagged"

    # `moderation train-abuse --forget ID` undoes a lesson, and the running worker decides as before it.
    state = AbuseState.build(client.service.engine.policy, client.store.client, client.store.keys, client.settings)
    assert state.forget(str(mild["id"]))
    time.sleep(REFRESH_S)
    undone = decide(client, MILD)
    assert undone["status"] == "approved", undone
    second.kill(signal.SIGTERM)
