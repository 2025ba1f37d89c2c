"""``moderation check``: the policy on JSON lines, in input order, storing and queueing nothing."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from worker.cli import build_parser, main


def run_check(tmp_path: Path, lines: list[str]) -> tuple[int, list[dict[str, object]]]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    code = main(["check", str(source), "--offline"], out=out)
    return code, [json.loads(line) for line in out.getvalue().splitlines()]


def comment(**fields: object) -> str:
    base = {"post_id": "p", "author_name": "Ann", "author_email": "ann@example.org", "content": "Merci !"}
    return json.dumps({**base, **fields})


def test_each_comment_gets_one_line_with_id_status_reasons_and_scores_in_input_order(tmp_path: Path) -> None:
    code, rows = run_check(tmp_path, [comment(id="a"), comment(id="b", author_name=""), comment(id="c")])
    assert code == 0
    assert [(r["id"], r["status"]) for r in rows] == [("a", "approved"), ("b", "rejected"), ("c", "approved")]
    assert rows[1]["reasons"][0]["code"] == "name_missing"  # type: ignore[index]
    assert set(rows[0]) == {"id", "status", "reasons", "scores"}


def test_a_malformed_line_gets_an_error_naming_its_number_and_the_others_are_still_checked(tmp_path: Path) -> None:
    code, rows = run_check(tmp_path, [comment(id="a"), "{oops", comment(id="c", post_id=None), comment(id="d")])
    assert code == 1
    assert rows[0]["id"] == "a" and rows[3]["id"] == "d"
    assert rows[1]["line"] == 2 and "not valid JSON" in str(rows[1]["error"])
    assert rows[2] == {"line": 3, "field": "post_id", "error": "is required"}


def test_no_output_line_holds_the_author_email(tmp_path: Path) -> None:
    _, rows = run_check(tmp_path, [comment(author_email="jean.dupont@exemple.fr"), comment(author_email="x@@y")])
    assert "jean.dupont" not in json.dumps(rows)


def test_a_missing_input_file_is_one_clear_line_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(tmp_path / "missing.jsonl"), "--offline"]) == 2
    err = capsys.readouterr().err
    assert "missing.jsonl" in err and "Traceback" not in err


def test_another_policy_can_be_tried_and_its_errors_name_the_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(comment(id="a", content="Buy cheap watches") + "\n", encoding="utf-8")
    strict = tmp_path / "strict.toml"
    strict.write_text('version = "strict"\n[spam]\nblocklist = ["watches"]\n', encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--offline", "--policy", str(strict), str(source)], out=out) == 0
    assert json.loads(out.getvalue())["status"] == "rejected"

    strict.write_text('version = "typo"\n[spam]\nflag_ta = 0.4\n', encoding="utf-8")
    assert main(["check", "--offline", "--policy", str(strict), str(source)], out=io.StringIO()) == 2
    err = capsys.readouterr().err
    assert "spam.flag_ta" in err and "unknown key" in err and "Traceback" not in err


@pytest.mark.parametrize("verb", ["worker", "submit", "show", "stats", "check"])
def test_every_verb_has_help(verb: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args([verb, "--help"])
    assert info.value.code == 0
    assert "usage: moderation " + verb in capsys.readouterr().out
