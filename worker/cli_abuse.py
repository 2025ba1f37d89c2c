"""``moderation train-abuse``: teach the shared abuse model labelled texts, list, forget or drop its lessons."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import IO, Any

from worker.policy import Policy
from worker.settings import Settings

LABELS = {"abuse": True, "ok": False}


def _rows(path: str) -> tuple[list[tuple[str, bool]], int]:
    """Read JSON lines of content and label (abuse or ok); print one line per bad line; return rows, failures."""
    handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    rows: list[tuple[str, bool]] = []
    failed = 0
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except (ValueError, RecursionError) as exc:
                failed += 1
                print(f"moderation: line {number}: not valid JSON ({exc})", file=sys.stderr)
                continue
            content = data.get("content") if isinstance(data, dict) else None
            label = data.get("label") if isinstance(data, dict) else None
            if not isinstance(content, str) or label not in LABELS:
                failed += 1
                print(f"moderation: line {number}: expected content (text) and label (abuse or ok)", file=sys.stderr)
                continue
            rows.append((content, LABELS[label]))
    return rows, failed


def cmd_train_abuse(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Teach the abuse model all workers share (in Redis) texts labelled abuse or ok; list, forget or drop lessons."""
    from worker.abuse.state import AbuseState
    from worker.connect import settings_client
    from worker.keys import Keys
    from worker.store import redis_errors

    client = settings_client(settings)
    report: dict[str, Any] = {}
    failed = 0
    try:
        state = AbuseState.build(Policy.load(settings.policy_path), client, Keys(settings.key_prefix), settings)
        with redis_errors():
            if args.reset:
                report["dropped"] = state.reset()
            if args.forget:
                report["forgotten"] = [i for i in args.forget if state.forget(i)]
                report["unknown"] = [i for i in args.forget if i not in report["forgotten"]]
            if args.file:
                rows, failed = _rows(args.file)
                taught = 0
                for content, abusive in rows:
                    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:24]
                    taught += state.teach(f"file:{digest}", content, abusive=abusive)
                report.update(taught=taught, already_so=len(rows) - taught, failed=failed)
            report["lessons"] = state.lesson_ids()
    finally:
        client.close()
    out.write(json.dumps(report, ensure_ascii=False) + "\n")
    return 1 if failed or report.get("unknown") else 0


def add_command(verbs: Any) -> None:
    """Add ``train-abuse`` to the ``moderation`` command's sub-commands."""
    train = verbs.add_parser(
        "train-abuse",
        help="teach, list, forget or drop the shared abuse model's lessons",
        description=cmd_train_abuse.__doc__,
    )
    train.add_argument("file", nargs="?", help="JSON lines with content and label (abuse or ok), or - for stdin")
    train.add_argument("--forget", action="append", metavar="ID", help="take back the lesson of this comment id")
    train.add_argument("--reset", action="store_true", help="drop every lesson: back to the shipped weights")
    train.set_defaults(func=cmd_train_abuse)
