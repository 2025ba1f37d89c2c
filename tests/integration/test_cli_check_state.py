"""``moderation check`` decides as the workers do: it reads the deployment's spam state in Redis and changes nothing."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.helpers import run_check
from worker.cli import main
from worker.client import ModerationClient
from worker.settings import Settings, load_settings

pytestmark = pytest.mark.integration

SPAM = "Zorblax crystals heal the body, get your zorblax crystals from the quartzy garden today, my friends"
COPY = "Zorblax crystals heal the body!! Get your zorblax crystals from the quartzy garden today, my friends"


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_CONFIG", str(repo_root / "config" / "settings.toml"))
    monkeypatch.setenv("MODERATION_KEY_PREFIX", "dry")
    return load_settings()


def comment(n: int, content: str) -> dict[str, str]:
    return {
        "id": f"c-{n}",
        "post_id": "crystals",
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.org",
        "content": content,
    }


def codes(row: dict[str, Any]) -> set[str]:
    return {r["code"] for r in row["reasons"]}


def snapshot(client: redis.Redis) -> dict[bytes, bytes | None]:
    return {key: client.dump(key) for key in client.scan_iter(count=1000)}


def test_a_text_a_moderator_marked_as_spam_is_rejected_by_check_as_by_a_worker(
    settings: Settings, redis_client: redis.Redis, tmp_path: Path
) -> None:
    with ModerationClient(settings) as client:
        first = client.decide_now(client.service.engine.parse(comment(1, SPAM), 0.0))
        assert first.status.value != "rejected"  # the words alone say little to the seed model
        client.review("c-1", "spam", "camille")
        by_worker = client.decide_now(client.service.engine.parse(comment(2, COPY), 0.0))
    assert by_worker.status.value == "rejected"
    assert "rejected_copy" in {r.code for r in by_worker.decision.reasons}  # type: ignore[union-attr]

    before = snapshot(redis_client)
    [dry] = run_check(tmp_path, [comment(3, COPY)])
    [offline] = run_check(tmp_path, [comment(3, COPY)], "--offline")
    assert snapshot(redis_client) == before  # nothing written, not even a flood entry or the secret

    assert dry["status"] == "rejected" and "rejected_copy" in codes(dry)
    assert offline["status"] != "rejected" and "rejected_copy" not in codes(offline)


def test_check_scores_with_the_learned_model_and_knows_approved_authors(
    settings: Settings, redis_client: redis.Redis, tmp_path: Path
) -> None:
    probe = "I keep hearing about zorblax crystals, and a quartzy garden near me sells them for healing"
    [seed_only] = run_check(tmp_path, [comment(9, probe)])
    with ModerationClient(settings) as client:
        for n, text in enumerate([SPAM, "The quartzy garden grows zorblax crystals, visit the quartzy garden"], 10):
            client.decide_now(client.service.engine.parse(comment(n, text), 0.0))
            client.review(f"c-{n}", "spam", "camille")
        client.decide_now(client.service.engine.parse(comment(20, "Lovely article, thank you."), 0.0))
        client.review("c-20", "approve", "camille")
    [learned, known] = run_check(tmp_path, [comment(9, probe), comment(20, probe)])
    [offline] = run_check(tmp_path, [comment(9, probe)], "--offline")
    assert learned["scores"]["spam"] > seed_only["scores"]["spam"]
    assert offline["scores"]["spam"] == pytest.approx(seed_only["scores"]["spam"])
    assert known["scores"]["spam"] < learned["scores"]["spam"]  # the known_author signal, from the shared set


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_an_unreachable_redis_is_one_clear_line_naming_offline_and_hiding_the_password(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("REDIS_URL", f"redis://:s3cret@127.0.0.1:{free_port()}/0")
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(comment(1, "Nice article")) + "\n", encoding="utf-8")
    assert main(["check", str(source)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "cannot reach Redis" in err and "--offline" in err and "s3cret" not in err
    out = io.StringIO()
    assert main(["check", str(source), "--offline"], out=out) == 0
    assert json.loads(out.getvalue())["status"] == "approved"
