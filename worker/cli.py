"""The ``moderation`` command: workers, submissions, statuses, reviews, dead letters, policy trials, spam training."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING

from worker import cli_abuse
from worker.errors import ConfigError, InvalidComment, ModerationError
from worker.models import JSON
from worker.ops import cli as ops_cli
from worker.policy import Policy
from worker.service import Engine
from worker.settings import Settings, load_settings
from worker.webhooks import cli as webhooks_cli
from worker.webhooks.config import worker_queues
from worker.webhooks.tasks import webhook_pump_timer

if TYPE_CHECKING:
    from worker.abuse.peek import AbuseStateReader
    from worker.spam.corpus import LabelledComment
    from worker.spam.peek import SpamStateReader

BATCH_LINES = 500


def _emit(out: IO[str], data: JSON) -> None:
    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def _lines(source: str) -> Iterator[tuple[int, str]]:
    """Yield (line number, text) of the non-blank lines of a file or of stdin (``-``)."""
    stream = sys.stdin if source == "-" else open(source, encoding="utf-8")  # noqa: SIM115
    with stream:
        for number, line in enumerate(stream, start=1):
            if line.strip():
                yield number, line


def _decode(number: int, line: str) -> object:
    try:
        return json.loads(line)
    except (ValueError, RecursionError) as exc:
        raise InvalidComment("comment", f"line {number} is not valid JSON ({exc})") from None


def _line_error(number: int, error: InvalidComment) -> dict[str, JSON]:
    return {"line": number, **error.as_dict()}


def cmd_check(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Run validation, checks and policy on JSON lines as the workers would, storing, queueing and changing nothing.

    The spam check reads the deployment's shared state from Redis (learned model, known authors, campaigns,
    rejected copies, floods) and the abuse check the moderators' lessons, with read commands only;
    ``--offline`` checks with the seed spam model, the shipped abuse weights and no state.
    """
    policy = Policy.load(args.policy) if args.policy else Policy.load(settings.policy_path)
    engine = Engine.from_policy(policy)
    states: list[SpamStateReader | AbuseStateReader] = []
    if not args.offline and "spam" in policy.checks:
        from worker.spam.peek import connect

        states.append(connect(policy, settings))
    if not args.offline and "abuse" in policy.checks:
        from worker.abuse.peek import connect as connect_abuse

        states.append(connect_abuse(policy, settings))
    failed = 0
    for number, line in _lines(args.file):
        try:
            comment = engine.parse(_decode(number, line), time.time())
        except InvalidComment as exc:
            failed += 1
            _emit(out, _line_error(number, exc))
            continue
        now = time.time()
        facts = {k: v for state in states for k, v in state.read([comment], now)[0].items()} if states else None
        decision = engine.decide(comment, now, facts)
        view = decision.to_dict()
        _emit(out, {"id": comment.id, "status": view["status"], "reasons": view["reasons"], "scores": view["scores"]})
    return 1 if failed else 0


def _batches(source: str) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    for item in _lines(source):
        batch.append(item)
        if len(batch) >= BATCH_LINES:
            yield batch
            batch = []
    if batch:
        yield batch


def cmd_submit(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Queue JSON lines of comments; print one JSON line per input line."""
    from worker.client import ModerationClient

    failed = 0
    with ModerationClient(settings) as client:
        for batch in _batches(args.file):
            payloads: list[object] = []
            numbers: list[int] = []
            errors: dict[int, InvalidComment] = {}
            for number, line in batch:
                try:
                    payloads.append(_decode(number, line))
                    numbers.append(number)
                except InvalidComment as exc:
                    errors[number] = exc
            results = dict(zip(numbers, client.submit_many(payloads), strict=True))
            for number, _ in batch:
                result = errors.get(number) or results[number]
                if isinstance(result, InvalidComment):
                    failed += 1
                    _emit(out, _line_error(number, result))
                else:
                    _emit(out, {"id": result.id, "status": result.status.value, "created": result.created})
    return 1 if failed else 0


def cmd_show(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Show one comment's status, reasons and public view."""
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        status = client.status(args.id)
        public = client.public_view(args.id)
    if args.json:
        _emit(out, {**status, "public": public})
        return 0
    out.write(f"{args.id}: {status['status']}\n")
    for reason in status.get("reasons") or []:
        out.write(f"  - [{reason['check']}/{reason['code']} → {reason['action']}] {reason['message']}\n")
    if status.get("scores"):
        out.write("  scores: " + ", ".join(f"{k}={v:.2f}" for k, v in status["scores"].items()) + "\n")
    out.write(f"  public content: {public['content']}\n")
    return 0


def cmd_stats(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Print the number of comments per status, and the backlog."""
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        counts = client.stats()
    if args.json:
        _emit(out, counts)
    else:
        for key, value in counts.items():
            out.write(f"{key:>16}: {value}\n")
    return 0


def cmd_dead(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """List the dead letters: comments set aside after ``max_attempts`` takes without a decision."""
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        letters = client.dead_letters(args.limit)
    for letter in letters:
        if args.json:
            _emit(out, letter)
        else:
            at = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(float(str(letter["dead_at"]))))
            out.write(f"{letter['id']}  set aside {at} UTC after {letter['attempts']} attempts\n")
    return 0


def cmd_requeue(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Send dead letters back to the workers; exit 1 if an id is not a dead letter."""
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        requeued = client.requeue(args.ids)
    for comment_id, ok in zip(args.ids, requeued, strict=True):
        _emit(out, {"id": comment_id, "requeued": ok} if ok else {"id": comment_id, "error": "not a dead letter"})
    return 0 if all(requeued) else 1


def cmd_worker(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Start a Celery worker and its sweep timer (and, with --beat, Celery's scheduler) with the project's settings."""
    concurrency = args.concurrency if args.concurrency is not None else settings.worker_concurrency
    queues = args.queues or worker_queues(settings)
    argv = ["worker", "--queues", queues, "--loglevel", args.loglevel or settings.log_level]
    if concurrency:
        argv += ["--concurrency", str(concurrency)]
    if args.beat:
        argv.append("--beat")
    from worker.app import create_app
    from worker.ops import logs
    from worker.ops.exporter import host_metrics
    from worker.ops.retention import timer as retention_timer
    from worker.service import Service
    from worker.supervise import Supervisor
    from worker.sweeper import SweepTimer
    from worker.tasks import publisher

    if settings.log_format == "json":
        argv.insert(0, "--quiet")  # Celery's banner is not a log line
    app = create_app(settings)
    if not args.no_restart:
        logs.configure(settings.log_format, "INFO", "supervisor")
    # The sweep runs beside Celery rather than in a task, so that it goes on while Celery restarts
    # and needs no scheduler; every worker host runs one, and a Redis claim keeps it to one per interval.
    # The metrics folder is set first, so that this process's sweeps are counted with the pool's work.
    with host_metrics(settings):
        service = Service.from_settings(settings, publisher(app, settings))
        timer = SweepTimer(service.sweep_if_due, settings.sweep_interval_s).start()
        pump_timer = webhook_pump_timer(app, settings, service.store.client, queues)
        expiry_timer = retention_timer(service.store.client, service.store.keys, settings)
        try:
            if args.no_restart:
                app.worker_main(argv)
                return 0
            return Supervisor([sys.executable, "-m", "celery", "-A", "worker.celery_app", *argv]).run()
        finally:
            timer.stop()
            if pump_timer is not None:
                pump_timer.stop()
            if expiry_timer is not None:
                expiry_timer.stop()


def cmd_api(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Serve the HTTP API (see worker/web/) with uvicorn until stopped; a token is needed off loopback."""
    import ipaddress

    import uvicorn

    from worker.desk import Desk
    from worker.web.app import create_app

    host = args.host or settings.api_host
    port = args.port if args.port is not None else settings.api_port
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not settings.api_token and not loopback:
        raise ConfigError(
            "api_token", "", f"must be set to listen on {host}, which is not a loopback address", "settings"
        )
    from worker.ops import logs

    logs.configure(settings.log_format, settings.log_level, "api")
    with Desk(settings) as desk:
        guard = "token required" if settings.api_token else "no token: loopback only"
        out.write(f"moderation API on http://{host}:{port} ({guard}); moderators' queue at /queue\n")
        out.flush()
        # No access log: a path holds comment ids, a query string whatever a caller put in it.
        uvicorn.run(create_app(desk), host=host, port=port, log_config=None, access_log=False, server_header=False)
    return 0


def _labelled(source: str) -> tuple[list[LabelledComment], int]:
    """Parse labelled JSON lines; print one line per malformed line on stderr; return the rows and the failures."""
    from worker.spam.corpus import CorpusError, parse_row

    rows: list[LabelledComment] = []
    failed = 0
    for number, line in _lines(source):
        try:
            data = json.loads(line)
        except (ValueError, RecursionError) as exc:
            failed += 1
            print(f"moderation: line {number}: not valid JSON ({exc})", file=sys.stderr)
            continue
        try:
            rows.append(parse_row(data, number))
        except CorpusError as exc:
            failed += 1
            print(f"moderation: {exc}", file=sys.stderr)
    return rows, failed


def cmd_train(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Teach the spam model that all workers share (in Redis) from JSON lines labelled spam or ham."""
    from worker.connect import settings_client
    from worker.keys import Keys
    from worker.spam.state import SpamState
    from worker.store import redis_errors

    rows, failed = _labelled(args.file)
    client = settings_client(settings)
    try:
        state = SpamState.build(Policy.load(settings.policy_path), client, Keys(settings.key_prefix), settings)
        with redis_errors():
            learned = state.train(rows)
    finally:
        client.close()
    _emit(out, {"learned": {label.value: count for label, count in learned.items()}, "failed": failed})
    return 1 if failed else 0


def cmd_evaluate(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Run labelled JSON lines through the spam check with the seed model (no Redis) and measure it."""
    from worker.checks import spam
    from worker.spam.evaluate import evaluate

    fraction = args.train_fraction
    if fraction is not None and not 0.0 <= fraction < 1.0:
        print(f"moderation: --train-fraction must be at least 0 and below 1, not {fraction}", file=sys.stderr)
        return 2
    policy = Policy.load(args.policy) if args.policy else Policy.load(settings.policy_path)
    check = spam.build(policy.section("spam"))
    rows, failed = _labelled(args.file)
    report = evaluate(rows, fraction, check=check).to_dict()
    if args.json:
        _emit(out, {**report, "failed_lines": failed})
        return 1 if failed else 0
    trained = f", after training on the oldest {report['trained_rows']}" if report["trained_rows"] else ""
    out.write(f"tested {report['tested_rows']} comments{trained}\n")
    confusion = report["confusion"]
    actions = list(next(iter(confusion.values())))
    out.write(f"{'':8}" + "".join(f"{a:>9}" for a in actions) + "\n")
    for label, counts in confusion.items():
        out.write(f"{label:8}" + "".join(f"{counts[a]:>9}" for a in actions) + "\n")
    out.write(f"precision {report['precision']:.4f}  recall {report['recall']:.4f}  F1 {report['f1']:.4f}\n")
    out.write(f"legitimate comments rejected {report['ham_rejected']:.2%}, held {report['ham_held']:.2%}\n")
    if report["calibration"]:
        out.write(f"calibration error {report['calibration_error']:.4f} (mean gap between score and share of spam)\n")
        out.write(f"{'score':<10}{'comments':>9}{'spam':>7}\n")
        for b in report["calibration"]:
            if b["comments"]:
                out.write(f"{b['score_from']:.1f}-{b['score_to']:.1f}   {b['comments']:>9}{b['spam_share']:>7.0%}\n")
    return 1 if failed else 0


def cmd_review(args: argparse.Namespace, settings: Settings, out: IO[str]) -> int:
    """Record a moderator's final verdict on one comment (approve, reject, or spam, which also teaches the model)."""
    from worker.client import ModerationClient

    with ModerationClient(settings) as client:
        status = client.review(args.id, args.verdict, args.moderator, args.note or "")
    if args.json:
        _emit(out, status)
    else:
        out.write(f"{args.id}: {status['status']} ({args.verdict}) by {status.get('decided_by')}\n")
    return 0


def _add_dead_letter_verbs(verbs: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    dead = verbs.add_parser("dead", help="list the dead letters", description=cmd_dead.__doc__)
    dead.add_argument("--limit", type=int, default=100, help="at most this many, oldest first (default 100)")
    dead.add_argument("--json", action="store_true", help="print JSON lines")
    dead.set_defaults(func=cmd_dead)
    requeue = verbs.add_parser("requeue", help="send dead letters back to the workers", description=cmd_requeue.__doc__)
    requeue.add_argument("ids", nargs="+", metavar="ID", help="ids of dead letters")
    requeue.set_defaults(func=cmd_requeue)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of the ``moderation`` command."""
    parser = argparse.ArgumentParser(prog="moderation", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="VERB")

    worker = verbs.add_parser("worker", help="start a Celery worker", description=cmd_worker.__doc__)
    worker.add_argument("--beat", action="store_true", help="also run the scheduler of the stale-comment sweeper")
    worker.add_argument("--concurrency", type=int, help="worker processes (default: settings)")
    worker.add_argument("--loglevel", help="log level (default: settings)")
    worker.add_argument("--queues", help="comma-separated queues (default: the moderation queue, and the webhooks one)")
    worker.add_argument(
        "--no-restart", action="store_true", help="run Celery in this process; do not restart it when it fails"
    )
    worker.set_defaults(func=cmd_worker)

    api = verbs.add_parser("api", help="serve the HTTP API", description=cmd_api.__doc__)
    api.add_argument("--host", help="address to listen on (default: the api_host setting, 127.0.0.1)")
    api.add_argument("--port", type=int, help="port to listen on (default: the api_port setting, 8080)")
    api.set_defaults(func=cmd_api)

    submit = verbs.add_parser("submit", help="queue comments from JSON lines", description=cmd_submit.__doc__)
    submit.add_argument("file", nargs="?", default="-", help="JSON lines file, or - for stdin (default)")
    submit.set_defaults(func=cmd_submit)

    show = verbs.add_parser("show", help="show one comment", description=cmd_show.__doc__)
    show.add_argument("id", help="the comment's id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=cmd_show)

    stats = verbs.add_parser("stats", help="count comments per status", description=cmd_stats.__doc__)
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=cmd_stats)

    _add_dead_letter_verbs(verbs)

    check = verbs.add_parser(
        "check", help="try the policy on JSON lines (stores nothing)", description=cmd_check.__doc__
    )
    check.add_argument("file", nargs="?", default="-", help="JSON lines file, or - for stdin (default)")
    check.add_argument("--policy", help="policy file to try (default: the settings' policy)")
    check.add_argument(
        "--offline",
        action="store_true",
        help="do not read the deployment's state from Redis: seed spam model, shipped abuse weights, no state",
    )
    check.set_defaults(func=cmd_check)

    review = verbs.add_parser("review", help="record a moderator's verdict", description=cmd_review.__doc__)
    review.add_argument("id", help="the comment's id")
    review.add_argument("verdict", choices=["approve", "reject", "spam"], help="approve, reject, or spam")
    review.add_argument("--moderator", required=True, help="who decides (recorded with the decision)")
    review.add_argument("--note", help="a note kept in the decision's evidence")
    review.add_argument("--json", action="store_true", help="print JSON")
    review.set_defaults(func=cmd_review)

    train = verbs.add_parser(
        "train", help="teach the shared spam model from labelled JSON lines", description=cmd_train.__doc__
    )
    train.add_argument("file", nargs="?", default="-", help="JSON lines with content and label, or - (default)")
    train.set_defaults(func=cmd_train)

    evaluate = verbs.add_parser(
        "evaluate", help="measure the spam check on labelled JSON lines", description=cmd_evaluate.__doc__
    )
    evaluate.add_argument("file", nargs="?", default="-", help="JSON lines with content and label, or - (default)")
    evaluate.add_argument(
        "--train-fraction",
        type=float,
        metavar="F",
        help="first learn the oldest share F of each label (e.g. 0.7), then test on the rest",
    )
    evaluate.add_argument("--policy", help="policy file whose [spam] section to use (default: the settings' policy)")
    evaluate.add_argument("--json", action="store_true", help="print JSON")
    evaluate.set_defaults(func=cmd_evaluate)
    from worker.cli_moderation import add_verbs

    # The verbs of other modules: webhooks; abuse; moderator, queue, approve, reject, spam, undo, history,
    # reindex; health, forget, export.
    for add in (webhooks_cli.add_parser, cli_abuse.add_command, add_verbs, ops_cli.add_verbs):
        add(verbs)
    return parser


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None) -> int:
    """Run the command; errors are printed as one line naming what is wrong, never as a traceback."""
    args = build_parser().parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        return int(args.func(args, load_settings(), stream))
    except ConfigError as exc:
        print(f"moderation: configuration error: {exc}", file=sys.stderr)
    except ModerationError as exc:
        print(f"moderation: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"moderation: {exc.strerror}: {exc.filename}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    return 2


if __name__ == "__main__":
    sys.exit(main())
