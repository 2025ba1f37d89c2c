"""Log lines for people or, with ``log_format = "json"``, one JSON object per line (python-json-logger).

Every JSON line has ``time``, ``level``, ``logger``, ``message`` and ``process``, the Celery task's
``task_id`` and ``task`` when a task is running, and what the code passed as ``extra`` (``comment_id``,
``duration_s``, counts). Comments' emails, IPs and texts are never passed to a logger; as a second line
of defence, anything shaped like an email address in a JSON line is replaced by ``<email>``.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import re
import sys
import threading
from datetime import UTC, datetime
from typing import Any

from pythonjsonlogger.json import JsonFormatter

_EMAIL = re.compile(r"[^\s@\"'<>()\[\],;:]+@[^\s@\"'<>()\[\],;:]+\.[A-Za-z]{2,}")
_FIELDS = ("levelname", "name", "message", "process")
_RENAMED = {"levelname": "level", "name": "logger"}


def _task_fields() -> dict[str, Any]:
    """The running Celery task's id and name, when the caller runs inside one."""
    if "celery" not in sys.modules:  # a process that never loaded Celery runs no task
        return {}
    from celery import current_task

    request = getattr(current_task, "request", None) if current_task else None
    task_id = getattr(request, "id", None)
    return {"task_id": task_id, "task": current_task.name} if task_id else {}


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return _EMAIL.sub("<email>", value)
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    return value


class Formatter(JsonFormatter):
    """One JSON object per line: the standard fields, the task, the record's extras; email-shaped text removed."""

    def __init__(self, role: str = "") -> None:
        super().__init__(
            list(_FIELDS),
            rename_fields=_RENAMED,
            timestamp="time",
            static_fields={"role": role} if role else None,
            json_ensure_ascii=False,
        )

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        """Add the running task and scrub anything shaped like an email address."""
        for key, value in _task_fields().items():
            log_data.setdefault(key, value)
        return {key: _scrub(value) for key, value in log_data.items()}


def text_formatter(role: str) -> logging.Formatter:
    """The line format for people, as Celery writes its own."""
    return logging.Formatter(f"[%(asctime)s: %(levelname)s/{role}] %(message)s")


def formatter(log_format: str, role: str) -> logging.Formatter:
    """The formatter of ``log_format`` (``text`` or ``json``) for a process playing ``role``."""
    return Formatter(role) if log_format == "json" else text_formatter(role)


def configure(log_format: str, level: str, role: str) -> None:
    """Send this process's log lines to stderr in ``log_format``; for the API, the CLI and the supervisor."""
    handler = logging.StreamHandler()
    handler.setFormatter(formatter(log_format, role))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level.upper())


def reformat(log_format: str, role: str) -> None:
    """Give every handler of every logger the JSON formatter (Celery set them up with its own), when asked for JSON."""
    if log_format != "json":
        return
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    for logger in loggers:
        for handler in getattr(logger, "handlers", ()):  # placeholders have none
            handler.setFormatter(Formatter(role))


def _wrap_line(raw: bytes, role: str) -> bytes:
    """Pass a JSON object line through; wrap any other line of text into one."""
    text = raw.decode("utf-8", errors="replace").rstrip("\r\n")
    if text.startswith("{"):
        try:
            json.loads(text)
            return raw if raw.endswith(b"\n") else raw + b"\n"
        except ValueError:
            pass
    record = {
        "level": "WARNING",
        "logger": "stdio",
        "message": _scrub(text),
        "process": os.getpid(),
        "role": role,
        "time": datetime.now(UTC).isoformat(),
    }
    return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")


def json_stdio(role: str) -> None:
    """Turn whatever this process and its future children write to stdout and stderr into JSON lines.

    Some lines never reach a logger: Python's warnings at start, Celery's "Warm shutdown" notice, a
    crash's traceback. Both descriptors become one pipe, read by a thread of this process that
    passes JSON lines through and wraps any other line.
    """
    read_fd, write_fd = os.pipe()
    target = os.dup(1)
    sys.stdout.flush()
    sys.stderr.flush()
    os.dup2(write_fd, 1)
    os.dup2(write_fd, 2)
    os.close(write_fd)

    def pump() -> None:
        with os.fdopen(read_fd, "rb") as source, os.fdopen(target, "wb", buffering=0) as sink:
            for raw in source:
                if raw.strip():
                    sink.write(_wrap_line(raw, role))

    thread = threading.Thread(target=pump, name="json-stdio", daemon=True)
    thread.start()
    original = os.dup(target)

    def drain_at_exit() -> None:
        # Give the descriptors back so that the pipe ends once the pool is gone, and let the thread write the rest.
        sys.stdout.flush()
        sys.stderr.flush()
        os.dup2(original, 1)
        os.dup2(original, 2)
        thread.join(timeout=2.0)

    atexit.register(drain_at_exit)
