"""``moderation train``, ``evaluate`` and ``review``: line errors named, the rest still used, one-line failures."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import redis

from worker.cli import main
from worker.keys import Keys
from worker.spam.classifier import ModelState
from worker.spam.corpus import seed_model

SPAM = "Buy zorblax crystals now at the zorblax shop, cheap zorblax for everyone"
HAM = "Thanks for the clear explanation of the bridge history, my grandfather worked there"


def labelled(content: str, label: str, **fields: object) -> str:
    return json.dumps({"content": content, "label": label, **fields})


def write(tmp_path: Path, lines: list[str]) -> str:
    path = tmp_path / "labelled.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def run(argv: list[str]) -> tuple[int, str]:
    out = io.StringIO()
    code = main(argv, out=out)
    return code, out.getvalue()


# evaluate (no Redis)


def test_evaluate_names_each_malformed_line_and_still_measures_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [labelled(SPAM, "spam"), "{oops", labelled(HAM, "maybe"), labelled(HAM, "ham"), json.dumps([1])]
    code, out = run(["evaluate", "--json", write(tmp_path, lines)])
    errors = capsys.readouterr().err.splitlines()
    report = json.loads(out)
    assert code == 1
    assert report["tested_rows"] == 2 and report["failed_lines"] == 3
    assert [e.split(":")[1].strip() for e in errors] == ["line 2", "line 3", "line 5"]
    assert "label must be 'spam' or 'ham'" in errors[1]


def test_evaluate_prints_the_confusion_matrix_and_the_measures(tmp_path: Path) -> None:
    code, out = run(["evaluate", write(tmp_path, [labelled(SPAM, "spam"), labelled(HAM, "ham")])])
    assert code == 0
    assert "approve" in out and "reject" in out
    assert "precision" in out and "recall" in out and "F1" in out
    assert "legitimate comments rejected" in out and "held" in out
    assert "calibration error" in out
    assert len([line for line in out.splitlines() if re.fullmatch(r"\d\.\d-\d\.\d +1 +(0|100)%", line)]) == 2


def test_evaluate_with_a_train_fraction_learns_the_oldest_rows_of_each_label_first(tmp_path: Path) -> None:
    lines = [labelled(f"{SPAM} {i}", "spam") for i in range(10)] + [labelled(f"{HAM} {i}", "ham") for i in range(10)]
    _, out = run(["evaluate", "--json", "--train-fraction", "0.7", write(tmp_path, lines)])
    report = json.loads(out)
    assert (report["trained_rows"], report["tested_rows"]) == (14, 6)


def test_evaluate_refuses_a_train_fraction_of_one_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = run(["evaluate", "--train-fraction", "1", write(tmp_path, [labelled(SPAM, "spam")])])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "--train-fraction" in err and "Traceback" not in err


def test_evaluate_output_never_holds_an_author_email(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lines = [labelled(SPAM, "spam", author_email="jean.dupont@exemple.fr"), '{"label": 3, "author_email": "x@y.fr"}']
    _, out = run(["evaluate", "--json", write(tmp_path, lines)])
    assert "jean.dupont" not in out + capsys.readouterr().err


@pytest.mark.parametrize("verb", ["train", "evaluate", "review"])
def test_every_new_verb_has_help(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([verb, "--help"])
    assert exit_info.value.code == 0
    assert f"moderation {verb}" in capsys.readouterr().out


# train and review (a real Redis)


@pytest.fixture
def on_redis(redis_url: str, redis_client: redis.Redis, monkeypatch: pytest.MonkeyPatch) -> Keys:
    monkeypatch.setenv("REDIS_URL", redis_url)
    monkeypatch.setenv("MODERATION_KEY_PREFIX", "clitest")
    monkeypatch.delenv("MODERATION_CONFIG", raising=False)
    return Keys("clitest")


@pytest.mark.integration
def test_train_names_each_malformed_line_and_the_others_still_teach_the_shared_model(
    tmp_path: Path, on_redis: Keys, redis_client: redis.Redis, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [labelled(SPAM, "spam"), '{"content": "x"}', labelled(HAM, "ham"), "not json", labelled(SPAM, "SPAM")]
    code, out = run(["train", write(tmp_path, lines)])
    errors = capsys.readouterr().err.splitlines()
    stored = ModelState.from_fields(redis_client.hgetall(on_redis.spam_model))
    assert code == 1
    assert json.loads(out) == {"learned": {"spam": 2, "ham": 1}, "failed": 2}
    assert [e.split(":")[1].strip() for e in errors] == ["line 2", "line 4"]
    seed = seed_model().documents
    assert stored.documents == {"spam": seed["spam"] + 2, "ham": seed["ham"] + 1}


@pytest.mark.integration
def test_train_reads_stdin(on_redis: Keys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(labelled(SPAM, "spam") + "\n\n" + labelled(HAM, "ham") + "\n"))
    code, out = run(["train", "-"])
    assert (code, json.loads(out)["learned"]) == (0, {"spam": 1, "ham": 1})


def test_train_without_redis_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from worker.redis_server import free_port

    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    code, _ = run(["train", write(tmp_path, [labelled(SPAM, "spam")])])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("moderation: Redis is unavailable") and err.count("\n") == 1


@pytest.mark.integration
def test_review_records_the_verdict_and_a_second_review_is_one_clear_line(
    on_redis: Keys, capsys: pytest.CaptureFixture[str]
) -> None:
    from worker.client import ModerationClient
    from worker.settings import load_settings

    with ModerationClient(load_settings()) as client:
        comment_id = client.submit(
            {"post_id": "p", "author_name": "A", "author_email": "a@example.org", "content": SPAM}
        )
    code, out = run(["review", comment_id, "spam", "--moderator", "camille", "--note", "seen before", "--json"])
    assert code == 0
    view = json.loads(out)
    assert (view["status"], view["decided_by"], view["reasons"][0]["code"]) == ("rejected", "camille", "spam")
    code, _ = run(["review", comment_id, "approve", "--moderator", "bob"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "already reviewed" in err
