"""``moderation check`` scores abuse as workers do: with the lessons moderators taught, read from Redis, unchanged."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest
import redis

from tests.helpers import run_check
from worker.abuse.model import shipped_model
from worker.abuse.peek import AbuseStateReader, ReadOnlyAbuseState
from worker.abuse.state import AbuseState
from worker.checks.abuse import AbuseCheck
from worker.cli import main
from worker.client import ModerationClient
from worker.desk import Desk
from worker.keys import Keys
from worker.models import Comment, Decision, Status
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration

MILD = "Your grumblewort opinions are worth nothing, grumblewort"


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_CONFIG", str(repo_root / "config" / "settings.toml"))
    monkeypatch.setenv("MODERATION_KEY_PREFIX", "dryabuse")
    return load_settings()


def comment(n: int, content: str) -> dict[str, str]:
    return {
        "id": f"a-{n}",
        "post_id": "garden",
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.org",
        "content": content,
    }


def snapshot(client: redis.Redis) -> dict[bytes, bytes | None]:
    return {key: client.dump(key) for key in client.scan_iter(count=1000)}


def test_a_moderators_abuse_verdict_changes_what_check_decides_and_offline_keeps_the_shipped_weights(
    settings: Settings, redis_client: redis.Redis, tmp_path: Path
) -> None:
    [untaught] = run_check(tmp_path, [comment(1, MILD)])
    assert untaught["status"] == "approved"
    with ModerationClient(settings) as client:
        first = client.decide_now(client.service.engine.parse(comment(2, MILD), 0.0))
        assert first.status.value == "approved"
        with Desk(settings) as desk:
            desk.verdicts.decide_one("a-2", "reject", "camille", reason="abusive")

    before = snapshot(redis_client)
    [dry] = run_check(tmp_path, [comment(3, MILD)])
    [offline] = run_check(tmp_path, [comment(3, MILD)], "--offline")
    assert snapshot(redis_client) == before  # read commands only: not even a script loaded

    assert dry["status"] == "rejected", dry
    [reason] = [r for r in dry["reasons"] if r["check"] == "abuse"]
    assert reason["evidence"]["lessons"] == 1
    assert offline["status"] == "approved" and offline["scores"]["abuse"] == pytest.approx(untaught["scores"]["abuse"])


def test_the_reader_builds_the_model_a_worker_refreshes_and_refuses_to_learn(redis_client: redis.Redis) -> None:
    keys = Keys("peekabuse")
    worker_side = AbuseState(redis_client, keys, AbuseCheck(refresh_s=0))
    assert worker_side.teach("t-1", MILD, abusive=True)
    reader = AbuseStateReader(redis_client, keys)
    taught = reader.read_model()
    assert taught.lessons == 1
    assert taught.probability(MILD) == pytest.approx(worker_side.refresh().probability(MILD))
    assert taught.probability(MILD) > shipped_model().probability(MILD)
    with pytest.raises(ReadOnlyAbuseState):
        reader.reviewed(Comment(id="x", post_id="p", content=MILD), Decision(Status.APPROVED, (), {}, "v", 1.0), None)


def test_damaged_lessons_leave_the_dry_run_on_the_shipped_weights_as_a_worker_starts(redis_client: redis.Redis) -> None:
    keys = Keys("peekdamaged")
    redis_client.hset(keys.abuse_model, "w:grumblewort", "not a number")
    redis_client.set(keys.abuse_model_version, 1)
    model = AbuseStateReader(redis_client, keys).read_model()
    assert model.lessons == 0 and model.probability(MILD) == pytest.approx(shipped_model().probability(MILD))


def test_an_unreachable_redis_for_the_abuse_lessons_is_one_line_naming_offline_and_hiding_the_password(
    settings: Settings,
    repo_root: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    policy = (repo_root / "config" / "policy.toml").read_text(encoding="utf-8")
    no_spam = tmp_path / "policy.toml"
    no_spam.write_text(policy.replace('"spam", ', "", 1), encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("REDIS_URL", f"redis://:s3cret@127.0.0.1:{port}/0")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(comment(1, MILD)) + "\n", encoding="utf-8")
    assert main(["check", str(source), "--policy", str(no_spam)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "abuse lessons" in err and "--offline" in err and "s3cret" not in err
    [offline] = run_check(tmp_path, [comment(1, MILD)], "--offline", "--policy", str(no_spam))
    assert "spam" not in offline["scores"] and offline["status"] == "approved"
