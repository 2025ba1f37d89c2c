"""The operators' verbs of ``moderation``: health, and forget and export for one author's personal data."""

from __future__ import annotations

import argparse
import json
import logging
from collections.abc import Callable
from typing import IO, Any

from worker.settings import Settings


def _emit(out: IO[str], data: Any) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def cmd_health(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Check this host's part of the deployment (Redis, a worker, the backlog, or the API); exit 1 when one fails."""
    from worker.ops import health

    probes = health.probe(settings, args.role, args.timeout)
    if args.json:
        _emit(out, health.report(probes))
    else:
        for found in probes:
            out.write(f"{found.name:>8}: {'ok' if found.ok else 'FAILED'} ({found.detail})\n")
    return 0 if all(found.ok for found in probes) else 1


def _on_author(settings: Settings, act: Callable[[Any], Any]) -> Any:
    """Run ``act`` on the store's :class:`~worker.ops.retention.Authors`, Redis errors made clear."""
    from worker.connect import settings_client
    from worker.keys import Keys
    from worker.ops.logs import configure
    from worker.ops.retention import Authors
    from worker.policy import Policy
    from worker.spam.state import SpamState
    from worker.store import redis_errors

    configure(settings.log_format, settings.log_level, "cli")
    client = settings_client(settings)
    keys = Keys(settings.key_prefix)
    try:
        with redis_errors():
            state = SpamState.build(Policy.load(settings.policy_path), client, keys, settings)
            return act(Authors(client, keys, state))
    finally:
        client.close()


def cmd_forget(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Erase what is held about the author of an email: their comments' email, IP and keyed hash, their spam state."""
    found = _on_author(settings, lambda authors: authors.forget(args.email))
    if args.json:
        _emit(out, found)
    else:
        out.write(
            f"forgot one author: {found['erased']} of {found['comments']} comments erased, "
            f"{found['indexes']} index keys and {found['campaign_entries']} campaign entries removed\n"
        )
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Print, as JSON, everything held about the author of an email (right of access)."""
    found = _on_author(settings, lambda authors: authors.export(args.email))
    logging.getLogger(__name__).info(
        "exported what is held about one author: %d comments",
        len(found["comments"]),
        extra={"comments": len(found["comments"])},
    )
    out.write(json.dumps(found, ensure_ascii=False, indent=2) + "\n")
    return 0


def add_verbs(verbs: Any) -> None:
    """Add the operators' verbs to the ``moderation`` parser's subparsers."""
    health = verbs.add_parser("health", help="check this host's part of the deployment", description=cmd_health.__doc__)
    health.add_argument(
        "--role",
        choices=["any", "worker", "api"],
        default="any",
        help="any: a worker of the deployment anywhere (default); worker: one on this host; api: this host's API",
    )
    health.add_argument("--timeout", type=float, default=2.0, help="seconds to wait for each answer (default 2)")
    health.add_argument("--json", action="store_true", help="print JSON")
    health.set_defaults(func=cmd_health)

    forget = verbs.add_parser("forget", help="erase what is held about one author", description=cmd_forget.__doc__)
    forget.add_argument("--email", required=True, help="the author's email address (never logged)")
    forget.add_argument("--json", action="store_true", help="print JSON")
    forget.set_defaults(func=cmd_forget)

    export = verbs.add_parser("export", help="print what is held about one author", description=cmd_export.__doc__)
    export.add_argument("--email", required=True, help="the author's email address (never logged)")
    export.set_defaults(func=cmd_export)
