"""The moderators' verbs of the ``moderation`` command: accounts, the queue, verdicts, undo and history."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import IO, TYPE_CHECKING

from worker.errors import InvalidRequest, ModeratorExists
from worker.models import JSON
from worker.settings import Settings

if TYPE_CHECKING:
    from worker.moderators import Moderators
    from worker.queue import QueueQuery

MODERATOR_ENV = "MODERATION_MODERATOR"
TEXT_CHARS = 60


def _emit(out: IO[str], data: JSON) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _when(at: float | None) -> str:
    return datetime.fromtimestamp(at, UTC).strftime("%Y-%m-%d %H:%M") if at else "-"


def _password(confirm: bool) -> str:
    """Read a password: from a prompt (twice) on a terminal, else the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Again: ") != first:
        raise InvalidRequest("password", "the two entries differ")
    return first


def cmd_moderator(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Manage moderator accounts: add, remove, list, passwd (new password), token (issue an API token), revoke (all)."""
    from worker.moderators import Moderators
    from worker.store import redis_errors

    moderators = Moderators.from_settings(settings)
    try:
        with redis_errors():
            return _moderator(args, moderators, out)
    finally:
        moderators.close()


def _moderator(args: argparse.Namespace, moderators: Moderators, out: IO[str]) -> int:
    from worker.moderators import check_name, check_password

    action, name = args.action, args.name
    if action == "list":
        for m in moderators.list():
            out.write(f"{m.name}\tcreated {_when(m.created_at)}\t{m.tokens} token(s)\n")
        return 0
    if not name:
        raise InvalidRequest("name", f"'moderation moderator {action}' needs the moderator's name")
    if action == "add":
        check_name(name)
        if moderators.exists(name):  # before asking for a password in vain
            raise ModeratorExists(name)
        moderators.add(name, check_password(_password(confirm=True)))
        out.write(f"moderator {name} added\n")
    elif action == "passwd":
        moderators.get(name)
        moderators.set_password(name, check_password(_password(confirm=True)))
        out.write(f"password of {name} changed\n")
    elif action == "remove":
        moderators.remove(name)
        out.write(f"moderator {name} removed, and their tokens revoked\n")
    elif action == "revoke":
        moderators.get(name)
        out.write(f"{moderators.revoke_tokens(name)} token(s) of {name} revoked\n")
    elif action == "token":
        token = moderators.issue_token(name)
        out.write(f"{token}\n")
        print(f"moderation: the API token of {name}, shown once: keep it secret", file=sys.stderr)
    return 0


_OPTIONS = {"per_page": "--limit", "page": "--page", "search": "--search", "post": "--post", "check": "--check"}


def _query(args: argparse.Namespace) -> QueueQuery:
    from worker.queue import QueueQuery

    try:
        return _build_query(args, QueueQuery)
    except InvalidRequest as exc:  # name the option the user typed
        raise InvalidRequest(_OPTIONS.get(exc.field, f"--{exc.field}"), exc.message) from None


def _build_query(args: argparse.Namespace, kind: type[QueueQuery]) -> QueueQuery:
    return kind(
        tab=args.tab,
        post=args.post,
        check=args.check,
        reason=args.reason,
        campaign=args.campaign,
        search=args.search or "",
        order="newest" if args.newest else "oldest",
        page=args.page,
        per_page=args.limit,
    ).checked()


def _excerpt(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= TEXT_CHARS else flat[: TEXT_CHARS - 1] + "…"


def cmd_queue(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Print a page of the moderators' queue (the flagged tab by default, oldest first) as a table or JSON."""
    from worker.desk import Desk
    from worker.store import redis_errors

    query = _query(args)
    with Desk(settings) as desk, redis_errors():
        desk.queue.ensure_indexes()
        page = desk.queue.page(query)
    if args.json:
        _emit(out, page.to_dict())
        return 0
    counts = "  ".join(f"{tab} {n}" for tab, n in page.counts.items())
    out.write(f"{query.tab}: {page.total} comment(s), page {query.page} of {page.pages}  ({counts})\n")
    if not page.items:
        return 0
    rows = [("ID", "SUBMITTED (UTC)", "POST", "AUTHOR", "REASONS", "SPAM", "SIMILAR", "TEXT")]
    for card in page.items:
        codes = ",".join(dict.fromkeys(f"{r['check']}/{r['code']}" for r in card.reasons)) or "-"
        score = f"{card.spam_score:.2f}" if card.spam_score is not None else "-"
        rows.append(
            (
                card.id,
                _when(card.submitted_at),
                card.post_id,
                _excerpt(card.author_name)[:24],
                codes,
                score,
                str(card.similar) if card.similar else "-",
                _excerpt(card.content),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        out.write("  ".join([*cells, row[-1]]).rstrip() + "\n")
    return 0


def _ids(given: list[str]) -> Iterator[str]:
    """Yield the ids given, or those read from stdin (one per line, or separated by spaces) for ``-`` or none."""
    if given and given != ["-"]:
        yield from given
        return
    for line in sys.stdin:
        yield from line.split()


def _moderator_name(args: argparse.Namespace) -> str:
    name = args.moderator or os.environ.get(MODERATOR_ENV, "")
    if not name.strip():
        raise InvalidRequest("moderator", f"name the moderator with --moderator NAME or {MODERATOR_ENV}")
    return str(name)


def cmd_verdict(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Approve, reject or mark as spam the comments named (ids as arguments, or from stdin for bulk work)."""
    from worker.desk import Desk
    from worker.store import redis_errors

    moderator = _moderator_name(args)
    ids = list(_ids(args.ids))
    if not ids:
        raise InvalidRequest("ids", "no comment id given (as arguments or on stdin)")
    with Desk(settings) as desk, redis_errors():
        report = desk.verdicts.decide(ids, args.verdict, moderator, reason=args.reason, note=args.note or "")
    if args.json:
        _emit(out, report.to_dict())
    else:
        status = "approved" if args.verdict == "approve" else "rejected"
        for comment_id in report.decided:
            out.write(f"{comment_id}: {status} ({args.verdict}) by {moderator}\n")
        for refused in report.already:
            who = refused.decided_by or "a moderator"
            out.write(f"{refused.comment_id}: already decided by {who} ({refused.status})\n")
        for comment_id in report.missing:
            out.write(f"{comment_id}: no such comment\n")
        if report.decided:
            out.write(f"undo within {settings.undo_window_s:g} s: moderation undo --moderator {moderator}\n")
    return 1 if report.already or report.missing else 0


def cmd_undo(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Undo the moderator's last verdict (within undo_window_s), unless its comments were decided again since."""
    from worker.desk import Desk
    from worker.store import redis_errors

    moderator = _moderator_name(args)
    with Desk(settings) as desk, redis_errors():
        report = desk.verdicts.undo(moderator)
    if args.json:
        _emit(out, report.to_dict())
        return 0
    for comment_id in report.restored:
        out.write(f"{comment_id}: back to its previous status\n")
    for comment_id in report.skipped:
        out.write(f"{comment_id}: decided again since, left alone\n")
    return 0


def cmd_history(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Print every change of a comment's status: when, by whom, from what to what, and the note."""
    from worker.desk import Desk
    from worker.store import redis_errors

    with Desk(settings) as desk, redis_errors():
        history = desk.queue.history(args.id)
    if args.json:
        _emit(out, history)
        return 0
    for entry in history:
        note = f"  note: {entry['note']}" if entry.get("note") else ""
        source = entry.get("from") or "-"
        out.write(f"{_when(entry['at'])}  {entry['action']:<7} {entry['by']:<12} {source} -> {entry['to']}{note}\n")
    return 0


def cmd_reindex(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Put comments stored by an earlier version into the moderators' queue indexes (once; safe to repeat)."""
    from worker.desk import Desk
    from worker.queue_index import migrate
    from worker.store import redis_errors

    with Desk(settings) as desk, redis_errors():
        done = migrate(desk.store.client, desk.store.keys, desk.store.authors)
    out.write(f"indexed {done} comment(s)\n")
    return 0


def add_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the moderators' verbs to the ``moderation`` command's parser."""
    from worker.queue import MAX_PER_PAGE, TABS
    from worker.verdicts import REJECT_REASONS

    moderator = verbs.add_parser("moderator", help="manage moderator accounts", description=cmd_moderator.__doc__)
    moderator.add_argument("action", choices=["add", "remove", "list", "passwd", "token", "revoke"])
    moderator.add_argument("name", nargs="?", help="the moderator's name (not for list)")
    moderator.set_defaults(func=cmd_moderator)

    queue = verbs.add_parser("queue", help="print the moderators' queue", description=cmd_queue.__doc__)
    queue.add_argument("--tab", choices=TABS, default="flagged", help="which tab (default: flagged)")
    queue.add_argument("--post", help="only the comments of this post")
    queue.add_argument("--check", help="only comments a check gave a reason for (e.g. spam)")
    queue.add_argument("--reason", help="only comments with this reason, as check/code (e.g. spam/too_many_links)")
    queue.add_argument("--campaign", help="only the comments of this near-duplicate group")
    queue.add_argument("--search", help="only comments whose text or author name holds this")
    queue.add_argument("--newest", action="store_true", help="newest first (default: oldest first)")
    queue.add_argument("--limit", type=int, default=20, help=f"comments per page, at most {MAX_PER_PAGE} (default 20)")
    queue.add_argument("--page", type=int, default=1, help="which page (default 1)")
    queue.add_argument("--json", action="store_true", help="print JSON")
    queue.set_defaults(func=cmd_queue)

    for verdict, text in (("approve", "approve"), ("reject", "reject"), ("spam", "reject as spam")):
        parser = verbs.add_parser(verdict, help=f"{text} comments", description=cmd_verdict.__doc__)
        parser.add_argument("ids", nargs="*", metavar="ID", help="comment ids; none or - reads them from stdin")
        parser.add_argument("--moderator", help=f"who decides (default: ${MODERATOR_ENV})")
        parser.add_argument("--note", help="a note kept with the decision and in the history")
        if verdict == "reject":
            parser.add_argument("--reason", choices=sorted(REJECT_REASONS), help="why, from the fixed list")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.set_defaults(func=cmd_verdict, verdict=verdict, reason=None)

    undo = verbs.add_parser("undo", help="undo your last verdict", description=cmd_undo.__doc__)
    undo.add_argument("--moderator", help=f"whose last verdict (default: ${MODERATOR_ENV})")
    undo.add_argument("--json", action="store_true", help="print JSON")
    undo.set_defaults(func=cmd_undo)

    history = verbs.add_parser("history", help="print a comment's history", description=cmd_history.__doc__)
    history.add_argument("id", help="the comment's id")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(func=cmd_history)

    reindex = verbs.add_parser("reindex", help="index comments of an earlier version", description=cmd_reindex.__doc__)
    reindex.set_defaults(func=cmd_reindex)
