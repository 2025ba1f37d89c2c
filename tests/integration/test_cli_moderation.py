"""The moderators' verbs of ``moderation`` against a real Redis: accounts, queue, verdicts, undo, history."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from worker.cli import main
from worker.service import Service
from worker.settings import load_settings

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def environment(redis_url: str, redis_client: redis.Redis, repo_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_CONFIG", str(repo_root / "config" / "settings.toml"))
    monkeypatch.setenv("MODERATION_KEY_PREFIX", "climod")
    monkeypatch.delenv("MODERATION_MODERATOR", raising=False)


@pytest.fixture
def flagged() -> Iterator[list[str]]:
    """Three comments that the workers flagged (two links each), on posts p1, p1 and p2."""
    service = Service.from_settings(load_settings(), lambda: None)
    comments = [
        {
            "id": f"f-{n}",
            "post_id": "p1" if n < 2 else "p2",
            "author_name": f"Reader {n}",
            "author_email": f"reader{n}@example.org",
            "content": f"See https://a.example/{n} and https://b.example/{n}",
        }
        for n in range(3)
    ]
    for n, comment in enumerate(comments):
        service.clock = lambda n=n: 1_800_000_000.0 + 20 * n
        service.submit([comment])
    service.drain()
    yield [str(c["id"]) for c in comments]
    service.store.client.close()


def run(argv: list[str], stdin: str | None = None, monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out = io.StringIO()
    return main(argv, out=out), out.getvalue()


def test_a_moderator_is_added_with_a_password_from_stdin_listed_given_a_token_and_removed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(["moderator", "add", "camille"], "correct horse battery\n", monkeypatch)
    assert code == 0 and "camille" in out
    code, out = run(["moderator", "list"])
    assert code == 0 and out.startswith("camille\t") and "0 token(s)" in out
    code, token = run(["moderator", "token", "camille"])
    assert code == 0 and token.startswith("mod_")
    from worker.moderators import Moderators

    moderators = Moderators.from_settings(load_settings())
    try:
        assert moderators.owner(token.strip()) == "camille"
        assert moderators.verify("camille", "correct horse battery")
        code, out = run(["moderator", "revoke", "camille"])
        assert code == 0 and out.startswith("1 token(s)") and moderators.owner(token.strip()) is None
        code, _ = run(["moderator", "passwd", "camille"], "a brand new passphrase\n", monkeypatch)
        assert code == 0 and moderators.verify("camille", "a brand new passphrase")
        second = run(["moderator", "token", "camille"])[1].strip()
        code, _ = run(["moderator", "remove", "camille"])
        assert code == 0 and moderators.owner(second) is None and not moderators.exists("camille")
    finally:
        moderators.close()


def test_account_errors_are_one_clear_line(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    run(["moderator", "add", "camille"], "correct horse battery\n", monkeypatch)
    capsys.readouterr()
    code, _ = run(["moderator", "add", "camille"], "another long secret\n", monkeypatch)
    assert code == 2 and "already exists" in capsys.readouterr().err
    code, _ = run(["moderator", "add", "dana"], "short\n", monkeypatch)
    err = capsys.readouterr().err
    assert code == 2 and "password: must be" in err and "short" not in err.replace("password", "")
    code, _ = run(["moderator", "remove", "nobody"])
    assert code == 2 and "no moderator named 'nobody'" in capsys.readouterr().err


def test_queue_prints_a_readable_table_of_the_flagged_tab_and_never_an_email(flagged: list[str]) -> None:
    code, out = run(["queue"])
    lines = out.splitlines()
    assert code == 0
    assert lines[0].startswith("flagged: 3 comment(s), page 1 of 1")
    assert lines[1].split()[:2] == ["ID", "SUBMITTED"]
    assert [line.split()[0] for line in lines[2:]] == flagged
    assert "spam/too_many_links" in lines[2] and "example.org" not in out
    code, out = run(["queue", "--post", "p1", "--limit", "1", "--json"])
    page = json.loads(out)
    assert code == 0 and page["total"] == 2 and [i["id"] for i in page["items"]] == ["f-0"] and page["pages"] == 2


def test_a_bad_queue_option_is_named(flagged: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["queue", "--reason", "nonsense"])
    assert code == 2 and "--reason: must be check/code" in capsys.readouterr().err
    code, _ = run(["queue", "--limit", "5000"])
    assert code == 2 and "--limit: must be a whole number from 1 to 200" in capsys.readouterr().err


def test_verdicts_take_ids_from_stdin_record_the_moderator_and_can_be_undone(
    flagged: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = run(
        ["reject", "--moderator", "ann", "--reason", "off_topic", "--note", "bulk"], "f-0\nf-1 ghost\n", monkeypatch
    )
    assert code == 1  # one id was unknown
    assert "f-0: rejected (reject) by ann" in out and "f-1: rejected" in out and "ghost: no such comment" in out
    code, out = run(["history", "f-0", "--json"])
    history = json.loads(out)
    assert history[-1]["by"] == "ann" and history[-1]["note"] == "bulk" and history[-1]["to"] == "rejected"
    code, out = run(["undo", "--moderator", "ann"])
    assert code == 0 and "f-0: back to its previous status" in out
    code, out = run(["history", "f-0"])
    assert out.splitlines()[-1].split()[2:] == ["undo", "ann", "rejected", "->", "flagged"]


def test_a_second_moderator_is_told_who_decided_first(flagged: list[str]) -> None:
    assert run(["approve", "f-2", "--moderator", "ann"])[0] == 0
    code, out = run(["spam", "f-2", "--moderator", "bob"])
    assert code == 1 and "f-2: already decided by ann (approved)" in out


def test_a_verdict_without_a_moderator_is_refused(flagged: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _ = run(["approve", "f-0"])
    assert code == 2 and "--moderator" in capsys.readouterr().err
