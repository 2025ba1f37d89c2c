"""The operators' verbs of ``moderation``: health (and the personal data ones)."""

from __future__ import annotations

import argparse
import json
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
