"""``moderation submit``, ``show`` and ``stats`` against a real Redis."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import redis

from tests.helpers import sample_comments
from worker.cli import main

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def environment(redis_url: str, redis_client: redis.Redis, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_CONFIG", str(repo_root / "config" / "settings.toml"))
    monkeypatch.setenv("MODERATION_KEY_PREFIX", "cli")


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def test_submit_prints_one_line_per_input_line_and_a_bad_line_does_not_stop_the_others(tmp_path: Path) -> None:
    good = sample_comments(3, "cli")
    source = tmp_path / "in.jsonl"
    source.write_text(
        "\n".join(
            [json.dumps(good[0]), "{broken", json.dumps({"content": "x"}), json.dumps(good[1]), json.dumps(good[0])]
        )
        + "\n"
    )
    code, out = run(["submit", str(source)])
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert rows[0] == {"id": "cli-0", "status": "queued", "created": True}
    assert rows[1]["line"] == 2 and "not valid JSON" in rows[1]["error"]
    assert rows[2] == {"line": 3, "field": "post_id", "error": "is required"}
    assert rows[3]["id"] == "cli-1"
    assert rows[4] == {"id": "cli-0", "status": "queued", "created": False}


def test_stats_counts_comments_per_status_and_the_backlog(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(c) for c in sample_comments(4, "st")) + "\n")
    run(["submit", str(source)])
    code, out = run(["stats", "--json"])
    stats = json.loads(out)
    assert code == 0
    assert stats["queued"] == 4 and stats["pending"] == 4 and stats["approved"] == 0
    assert stats["oldest_queued_s"] >= 0


def test_show_prints_the_status_and_public_content_but_never_the_email(tmp_path: Path) -> None:
    comment = sample_comments(1, "show")[0]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(comment) + "\n")
    run(["submit", str(source)])
    code, out = run(["show", "show-0", "--json"])
    shown = json.loads(out)
    assert code == 0
    assert shown["status"] == "queued" and shown["public"]["content"] == comment["content"]
    assert str(comment["author_email"]) not in out


def test_show_of_an_unknown_id_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["show", "nope"])
    assert code == 2
    assert "no comment with id 'nope'" in capsys.readouterr().err
