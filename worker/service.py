"""The moderation service: submit comments, drain the pending ones through the checks, sweep stale ones."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import redis

from worker.checks import REGISTRY, Check, Context, build_checks
from worker.connect import longest_block_s, settings_client
from worker.contract import Limits, parse_comment
from worker.decision import moderate
from worker.errors import InvalidComment, NotReplicated
from worker.keys import Keys
from worker.lease import LeaseKeeper
from worker.models import Action, Comment, Decision, Reason, Status
from worker.ops.metrics import observe_checks, timed, work
from worker.policy import Policy
from worker.queue_index import Grouping
from worker.scripts import LuaPart
from worker.settings import Settings
from worker.sources import FactSource, LearnsInRecord, build_sources, merged_facts
from worker.store import Added, CommentStore, Stored

logger = logging.getLogger(__name__)

Publish = Callable[[], None]
"""Sends one drain message to the workers."""


def limits_from(policy: Policy) -> Limits:
    """Read the ``[limits]`` section of the policy."""
    section = policy.section("limits")
    defaults = Limits()
    return Limits(
        author_name_chars=section.integer("author_name_chars", defaults.author_name_chars, minimum=1),
        author_email_chars=section.integer("author_email_chars", defaults.author_email_chars, minimum=3),
        author_url_chars=section.integer("author_url_chars", defaults.author_url_chars, minimum=1),
        content_bytes=section.integer("content_bytes", defaults.content_bytes, minimum=1),
        hint_chars=section.integer("hint_chars", defaults.hint_chars, minimum=1),
    )


@dataclass(frozen=True, slots=True)
class Engine:
    """The pure part of the service: the policy, its checks and limits. No I/O."""

    policy: Policy
    checks: tuple[Check, ...]
    limits: Limits

    @classmethod
    def from_policy(cls, policy: Policy) -> Engine:
        """Build the checks and limits that ``policy`` describes."""
        engine = cls(policy, timed(build_checks(policy)), limits_from(policy))
        policy.check_all_read(("limits", *REGISTRY, *policy.checks))
        return engine

    def parse(self, payload: object, now: float) -> Comment:
        """Check a decoded payload against the comment contract, with this policy's limits."""
        return parse_comment(payload, self.limits, now)

    def try_decide(self, comment: Comment, now: float, facts: Mapping[str, Any]) -> Decision | None:
        """Moderate one comment; None when a check failed (logged), so that the comment is tried again."""
        try:
            return moderate(comment, self.checks, self.policy.version, Context(now, facts))
        except Exception as exc:
            logger.warning("a check failed on comment %s (%s); it will be tried again", comment.id, type(exc).__name__)
            return None

    def decide(self, comment: Comment, now: float, facts: Mapping[str, Any] | None = None) -> Decision:
        """Moderate one comment; a check that fails holds the comment for a moderator instead of crashing."""
        try:
            return moderate(comment, self.checks, self.policy.version, Context(now, facts or {}))
        except Exception as exc:
            logger.exception("a check failed on comment %s; holding it for a moderator", comment.id)
            reason = Reason("pipeline", "check_failed", f"A check failed ({type(exc).__name__}).", Action.FLAG)
            return Decision(Status.FLAGGED, (reason,), {}, self.policy.version, now)
        finally:
            observe_checks(self.checks)  # one comment, no batch: its durations are observed at once


@dataclass(frozen=True, slots=True)
class DrainReport:
    """What one drain did."""

    taken: int
    decided: int


class Service:
    """Submission, draining and sweeping over one store, one engine and one way to wake the workers."""

    def __init__(
        self,
        settings: Settings,
        store: CommentStore,
        engine: Engine,
        publish: Publish,
        *,
        sources: Sequence[FactSource] = (),
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.store = store
        self.engine = engine
        self.publish = publish
        self.sources = tuple(sources)
        self._learners: tuple[tuple[FactSource, ...], tuple[LearnsInRecord, ...], tuple[FactSource, ...]] = ((), (), ())
        self.clock = clock
        self.should_stop: Callable[[], bool] = lambda: False
        self._next_sweep_try = 0.0
        """When (``time.monotonic``) a drain may next try to claim the sweep."""
        self.lease = LeaseKeeper(lambda ids: store.renew(ids, clock()), settings.requeue_after_s / 3)

    @classmethod
    def from_settings(cls, settings: Settings, publish: Publish) -> Service:
        """Connect to the settings' Redis and load their policy."""
        client = settings_client(settings, health_check_interval=30)
        keys = Keys(settings.key_prefix)
        policy = Policy.load(settings.policy_path)
        store = CommentStore(
            client,
            keys,
            wake_ttl_s=settings.wake_ttl_s,
            events_maxlen=settings.events_maxlen,
            author_secret=settings.author_key_secret,
            grouping=Grouping.from_policy(policy),
            replicas_to_wait=settings.replicas_to_wait,
            replica_wait_timeout_s=settings.replica_wait_timeout_s,
            longest_block_ms=int(longest_block_s(settings.redis_socket_timeout_s) * 1000),
        )
        sources = build_sources(policy, client, keys, settings)
        return cls(settings, store, Engine.from_policy(policy), publish, sources=sources)

    def wake(self, *, force: bool = False) -> None:
        """Publish a drain message unless one is already on its way (always when ``force``)."""
        if self.store.set_wake() or force:
            self._publish()

    def _publish(self) -> None:
        # The comments are already stored: a broker hiccup must not turn an accepted comment into an
        # error. Clearing the flag lets the next submission try again; the sweeper covers the rest.
        try:
            self.publish()
        except Exception as exc:
            logger.warning("could not send a drain message (%s); the sweeper will hand the comments over", exc)
            with contextlib.suppress(redis.RedisError):
                self.store.clear_wake()

    def submit(self, payloads: Sequence[object]) -> list[Added | InvalidComment]:
        """Check each payload against the contract and store the good ones, in one round trip; wake the workers."""
        now = self.clock()
        parsed: list[Comment | InvalidComment] = []
        for payload in payloads:
            try:
                parsed.append(self.engine.parse(payload, now))
            except InvalidComment as exc:
                parsed.append(exc)
        comments = [item for item in parsed if isinstance(item, Comment)]
        if not comments:
            return [item for item in parsed if isinstance(item, InvalidComment)]
        try:
            added, woke = self.store.add(comments)
        except NotReplicated as short:
            if short.woke:  # the comments are on the master: the workers may have them meanwhile
                self._publish()
            raise
        work().record_submitted(sum(a.created for a in added))
        if woke:
            self._publish()
        stored = iter(added)
        return [next(stored) if isinstance(item, Comment) else item for item in parsed]

    def drain(self) -> DrainReport:
        """Decide pending comments in batches until none is left or ``drain_max_s`` has passed.

        The drain's first take clears the wake flag in the same round trip: a comment submitted after it
        sends a drain message (or finds one on its way, sent since). So the drain may end as soon as a batch's
        record finds no id waiting, without a last take to find none (the record tells, in its round trip).
        """
        settings = self.settings
        started = time.monotonic()
        deadline = started + settings.drain_max_s
        taken = decided = 0
        first = True
        waiting: bool | None = None
        while waiting is not False:  # the last record found no id waiting: no last, empty take
            now = self.clock()
            # One round trip: the wake flag cleared (first take only), the ids, their comments, and the wake flag
            # set when the batch is full.
            batch = self.store.take(settings.batch_size, now, load=True, clear_wake=first)
            first = False
            ids = batch.ids
            if not ids:
                break
            taken += len(ids)
            work().batch_size.observe(len(ids))
            if batch.woke:
                self._publish()  # a burst: let another worker process join in
            with self.lease.hold(ids):
                written, failed, waiting = self._decide_loaded(batch.comments, now)
            decided += written
            if batch.retry:
                self.store.forget_attempts([i for i in ids if i not in failed])
            # On a graceful stop the batch in hand is decided and the rest is left to other workers.
            if self.should_stop() or time.monotonic() > deadline:
                if waiting or (waiting is None and self.store.pending_count()):
                    self.wake()
                break
        if taken:
            duration_s = round(time.monotonic() - started, 4)
            logger.info(
                "drain took %d pending ids and decided %d comments in %.3f s",
                taken,
                decided,
                duration_s,
                extra={"taken": taken, "decided": decided, "duration_s": duration_s},
            )
        # Every worker host's timer sweeps too, every sweep interval. A drain tries the claim (a SET NX) at most
        # once per interval in a process, not at every drain: one by one, that was a round trip per comment.
        if time.monotonic() >= self._next_sweep_try:
            self._next_sweep_try = time.monotonic() + settings.sweep_interval_s
            self.sweep_if_due()
        return DrainReport(taken, decided)

    def _decide(self, ids: Sequence[str], now: float) -> tuple[int, set[str]]:
        """Decide the still-queued comments among ``ids`` and record the decisions.

        Returns how many were written, and the ids whose checks failed: those stay taken, undecided, so
        the sweeper hands them back once their lease runs out, and sets them aside after ``max_attempts``.
        """
        written, failed, _ = self._decide_loaded(self.store.load_queued(ids), now)
        return written, failed

    def _decide_loaded(self, comments: Sequence[Comment], now: float) -> tuple[int, set[str], bool | None]:
        """Decide ``comments`` (loaded while queued) and record the decisions, as :meth:`_decide` says.

        The fact sources learn from the decisions written in the record's round trip where they can (see
        :class:`~worker.sources.LearnsInRecord`). Also returns whether ids waited to be taken when the record
        ended (None when nothing was recorded).
        """
        facts = merged_facts(self.sources, comments, now)
        pairs, failed = [], set()
        for comment, comment_facts in zip(comments, facts, strict=True):
            decision = self.engine.try_decide(comment, now, comment_facts)
            if decision is None:
                failed.add(comment.id)
            else:
                pairs.append((comment, decision))
        observe_checks(self.engine.checks)
        recorded = self.store.record_batch(pairs, self.learning(pairs, now))
        written = [pair for pair, ok in zip(pairs, recorded.written, strict=True) if ok]
        work().record_decided(written, self.clock())
        for comment, decision in written if logger.isEnabledFor(logging.DEBUG) else ():
            logger.debug(
                "comment %s decided: %s",
                comment.id,
                decision.status.value,
                extra={"comment_id": comment.id, "status": decision.status.value},
            )
        self.learn_apart(written, now)
        return len(written), failed, recorded.waiting

    def learning(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> list[LuaPart]:
        """What the fact sources learn from ``decided``, as parts of the store's record call (for those written)."""
        in_record, _ = self._learning_sources()
        return [part for source in in_record if (part := source.learning(decided, now)) is not None]

    def learn_apart(self, written: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Let the fact sources that cannot learn in the record call learn from ``written`` (a round trip each)."""
        _, apart = self._learning_sources()
        for source in apart:
            source.decided(written, now)

    def _learning_sources(self) -> tuple[tuple[LearnsInRecord, ...], tuple[FactSource, ...]]:
        """The sources that learn in the store's record call, and the others (sorted once per ``sources``)."""
        sources, in_record, apart = self._learners
        if sources is not self.sources:
            in_record = tuple(s for s in self.sources if isinstance(s, LearnsInRecord))
            apart = tuple(s for s in self.sources if not isinstance(s, LearnsInRecord))
            self._learners = (self.sources, in_record, apart)
        return in_record, apart

    def requeue(self, ids: Sequence[str]) -> list[bool]:
        """Send dead letters back to the workers, attempts forgotten; False for an id that is not one."""
        requeued = self.store.requeue(ids, self.clock())
        if any(requeued):
            self.wake(force=True)
        return requeued

    def decide_now(self, comment: Comment) -> Stored:
        """Store a comment and decide it here at once, as a worker would (same engine, same shared state).

        It stays in the waiting set until a worker takes it and finds it decided already: decided once.
        """
        _, woke = self.store.add([comment])
        if woke:
            self._publish()
        self._decide([comment.id], self.clock())
        return self.store.get(comment.id)

    def review(self, comment_id: str, decision: Decision) -> None:
        """Record a moderator's decision, final, and let the fact sources learn from it."""
        before = self.store.get(comment_id)
        self.store.review(comment_id, decision)
        work().record_verdict(decision)
        for source in self.sources:
            source.reviewed(before.comment, decision, before.decision)

    def sweep_if_due(self) -> int:
        """Sweep when no one in the deployment has swept during the current ``sweep_interval_s``."""
        if self.store.claim_sweep(self.settings.sweep_interval_s):
            return self.sweep()
        return 0

    def sweep(self) -> int:
        """Hand comments taken more than ``requeue_after_s`` ago back to the workers; return how many.

        Comments waiting that long get a new drain message too, in case the one announcing them was lost.
        """
        now = self.clock()
        settings = self.settings
        swept = self.store.sweep(now - settings.requeue_after_s, now, settings.sweep_batch, settings.max_attempts)
        work().record_sweep(swept.handed)
        if swept.dead:
            logger.error(
                "set aside %d comments taken %d times without a decision: `moderation dead` lists them",
                swept.dead,
                settings.max_attempts,
            )
        if swept.handed:
            logger.warning("sweep handed %d stale queued comments back to the workers", swept.handed)
        if swept.stalled:
            logger.warning(
                "%d comments have waited over %g s for a worker; sending another drain message",
                swept.stalled,
                self.settings.requeue_after_s,
            )
        if swept.handed or swept.stalled:
            self.wake(force=True)
        return swept.handed
