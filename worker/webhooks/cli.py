"""``moderation webhooks failed|replay``: the dead-letter list of webhook messages, and sending them again."""

from __future__ import annotations

import argparse
import json
from typing import IO, TYPE_CHECKING, Any

from worker.settings import Settings

if TYPE_CHECKING:
    from worker.webhooks.service import WebhookService


def _service(settings: Settings) -> WebhookService:
    from worker.app import create_app
    from worker.webhooks.tasks import service_for

    return service_for(create_app(settings), settings)


def cmd_failed(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """List the webhook messages given up after retrying (the dead-letter list), oldest first."""
    from worker.store import redis_errors

    service = _service(settings)
    with redis_errors():
        dead = service.outbox.dead(args.limit)
    for message in dead:
        if args.json:
            out.write(json.dumps(message.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(
                f"{message.id}  {message.type} of {message.comment_id} to {message.subscription}: "
                f"{message.attempts} tries, last error: {message.last_error}\n"
            )
    if not dead and not args.json:
        out.write("no failed webhook message\n")
    return 0


def cmd_replay(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Send failed webhook messages again (those named, or all); each gets a new day of retries."""
    from worker.store import redis_errors

    service = _service(settings)
    with redis_errors():
        replayed = service.replay(args.ids)
    unknown = sorted(set(args.ids) - set(replayed))
    out.write(json.dumps({"replayed": replayed, "not_failed": unknown}) + "\n")
    return 1 if unknown else 0


def add_parser(verbs: Any) -> None:
    """Add ``webhooks failed`` and ``webhooks replay`` to the ``moderation`` command."""
    hooks = verbs.add_parser("webhooks", help="failed webhook messages: list them, send them again")
    actions = hooks.add_subparsers(dest="action", required=True, metavar="ACTION")
    failed = actions.add_parser("failed", help="list the dead-letter list", description=cmd_failed.__doc__)
    failed.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    failed.add_argument("--json", action="store_true", help="print JSON lines")
    failed.set_defaults(func=cmd_failed)
    replay = actions.add_parser("replay", help="send failed messages again", description=cmd_replay.__doc__)
    replay.add_argument("ids", nargs="*", help="message ids (default: every failed message)")
    replay.set_defaults(func=cmd_replay)
