"""The JSON log format: one object per line, the record's fields kept, nothing shaped like an email."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from worker.errors import ConfigError
from worker.ops import logs
from worker.settings import load_settings


def formatted(message: str, *args: object, **extra: object) -> dict[str, object]:
    record = logging.LogRecord("worker.service", logging.INFO, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    line = logs.Formatter("worker").format(record)
    assert "\n" not in line
    found = json.loads(line)
    assert isinstance(found, dict)
    return found


def test_a_json_line_holds_the_message_its_level_logger_role_and_extra_fields() -> None:
    found = formatted("drain decided %d comments", 3, comment_id="c-1", duration_s=0.25)
    assert found["message"] == "drain decided 3 comments"
    assert (found["level"], found["logger"], found["role"]) == ("INFO", "worker.service", "worker")
    assert (found["comment_id"], found["duration_s"]) == ("c-1", 0.25)
    assert "time" in found and "process" in found


def test_anything_shaped_like_an_email_is_removed_from_a_json_line() -> None:
    found = formatted("author %s wrote", "camille.d+blog@example.fr", note=["x zoe@exemple.org y"])
    assert found["message"] == "author <email> wrote"
    assert found["note"] == ["x <email> y"]


def test_a_line_written_outside_logging_is_wrapped_into_json_and_a_json_line_passes_through() -> None:
    wrapped = json.loads(logs._wrap_line(b"worker: Warm shutdown (MainProcess)\n", "worker"))
    assert wrapped["message"] == "worker: Warm shutdown (MainProcess)" and wrapped["logger"] == "stdio"
    already = b'{"level": "INFO", "message": "ok"}\n'
    assert logs._wrap_line(already, "worker") == already
    assert json.loads(logs._wrap_line(b"{not json\n", "worker"))["message"] == "{not json"


def test_an_unknown_log_format_is_refused_naming_the_setting(tmp_path: Path) -> None:
    (tmp_path / "settings.toml").write_text("", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_settings({"MODERATION_CONFIG": str(tmp_path / "settings.toml"), "MODERATION_LOG_FORMAT": "xml"})
    assert "log_format" in str(error.value) and "xml" in str(error.value) and "json" in str(error.value)
