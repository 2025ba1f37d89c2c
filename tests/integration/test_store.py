"""The store and the service against a real Redis: idempotent submission, decisions exactly once."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from tests.helpers import expected_status, sample_comments
from worker.client import ModerationClient
from worker.errors import AlreadyReviewed, CommentNotFound, InvalidComment, StoreUnavailable
from worker.redis_server import free_port
from worker.service import Service
from worker.settings import Settings, load_settings
from worker.store import Added, Taken

pytestmark = pytest.mark.integration


class Recorder:
    """Stands for the broker: counts the drain messages the service would publish."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> None:
        self.calls += 1


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path) -> Settings:
    return load_settings({"REDIS_URL": redis_url, "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml")})


@pytest.fixture
def published() -> Recorder:
    return Recorder()


@pytest.fixture
def service(settings: Settings, published: Recorder) -> Iterator[Service]:
    svc = Service.from_settings(settings.replace(batch_size=100), published)
    yield svc
    svc.store.client.close()


def test_submitting_the_same_id_twice_returns_the_stored_comment_and_queues_nothing_more(service: Service) -> None:
    comment = sample_comments(1, "dup")[0]
    (first,) = service.submit([comment])
    (second,) = service.submit([{**comment, "content": "changed"}])
    assert first == Added("dup-0", first.status, True)
    assert isinstance(second, Added) and not second.created and second.id == "dup-0"
    assert service.store.pending_count() == 1
    assert service.store.get("dup-0").comment.content == comment["content"]


def test_a_submission_starts_the_history_with_the_entry_json_dumps_writes_at_its_exact_time(service: Service) -> None:
    service.clock = lambda: 1765130000.123456
    service.submit(sample_comments(1, "hist"))
    store = service.store
    (raw,) = store.client.lrange(store.keys.history("hist-0"), 0, -1)
    entry = {"at": 1765130000.123456, "by": "submission", "from": None, "to": "queued", "note": "", "action": "submit"}
    assert raw.decode() == json.dumps(entry)
    assert store.get("hist-0").comment.submitted_at == json.loads(raw)["at"]


def test_a_bad_payload_is_refused_while_the_good_ones_beside_it_are_stored(service: Service) -> None:
    good = sample_comments(2, "mix")
    results = service.submit([good[0], {"content": "no post"}, good[1]])
    assert isinstance(results[1], InvalidComment) and results[1].field == "post_id"
    assert [r.id for r in results if isinstance(r, Added)] == ["mix-0", "mix-1"]
    assert service.store.counts()["queued"] == 2


def test_a_burst_of_submissions_sends_one_drain_message_not_one_per_comment(
    service: Service, published: Recorder
) -> None:
    service.submit(sample_comments(300, "burst"))
    assert published.calls == 1


def test_one_drain_decides_a_burst_in_batches_and_calls_for_help_on_full_batches(
    service: Service, published: Recorder
) -> None:
    comments = sample_comments(250, "drain")
    service.submit(comments)
    report = service.drain()
    assert (report.taken, report.decided) == (250, 250)
    assert published.calls == 2  # the submission's, then one when the first full batch was taken
    for comment in comments[:20]:
        assert service.store.get(str(comment["id"])).status.value == expected_status(comment)


def test_a_take_with_its_comments_returns_what_a_take_then_a_load_would_and_marks_the_same_lease(
    service: Service,
) -> None:
    service.submit(sample_comments(6, "both"))
    service.store.clear_wake()
    for decided in ("both-1", "both-4"):  # a moderator decided them while they waited: they leave 'queued'
        service.store.review(decided, service.engine.decide(service.store.get(decided).comment, 2.0))
    plain = service.store.take(3, 5.0)
    loaded = service.store.take(3, 6.0, load=True)
    assert (plain.ids, loaded.ids) == (["both-0", "both-1", "both-2"], ["both-3", "both-4", "both-5"])
    assert service.store.client.zmscore(service.store.keys.queued, plain.ids) == [5.0, None, 5.0]
    assert service.store.client.zmscore(service.store.keys.queued, loaded.ids) == [6.0, None, 6.0]
    assert [c.id for c in loaded.comments] == ["both-3", "both-5"]
    assert list(loaded.comments) == service.store.load_queued(loaded.ids)
    assert loaded.woke and not service.store.set_wake(), "a full batch sets the wake flag, as set_wake would"


def test_a_take_with_its_comments_leaves_the_wake_flag_alone_unless_the_batch_is_full(service: Service) -> None:
    service.submit(sample_comments(2, "part"))
    service.store.clear_wake()
    partial = service.store.take(3, 5.0, load=True)
    assert [c.id for c in partial.comments] == ["part-0", "part-1"] and not partial.woke
    assert service.store.set_wake(), "a partial batch set the wake flag"
    service.submit(sample_comments(4, "part"))
    full = service.store.take(2, 5.0, load=True)
    assert [c.id for c in full.comments] == ["part-2", "part-3"]
    assert not full.woke, "the flag was set already: a second drain message would be one too many"


def test_two_workers_racing_on_the_same_comments_decide_each_exactly_once(service: Service) -> None:
    comments = sample_comments(200, "race")
    service.submit(comments)
    ids = [str(c["id"]) for c in comments]
    loaded = service.store.load_queued(ids)
    pairs = [(c, service.engine.decide(c, 1.0)) for c in loaded]
    written: list[list[bool]] = [[], []]

    def record(slot: int) -> None:
        written[slot] = service.store.record(pairs)

    threads = [threading.Thread(target=record, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [a + b for a, b in zip(written[0], written[1], strict=True)] == [1] * 200
    assert len(service.store.events("0", count=1000)) == 200
    assert sum(service.store.counts().values()) == 200


def test_a_worker_never_overwrites_a_moderator_decision(service: Service, settings: Settings) -> None:
    comment = sample_comments(1, "mod")[0]
    service.submit([comment])
    with ModerationClient(settings) as client:
        client.review("mod-0", "spam", "camille", note="seen before")
    (loaded,) = [service.store.get("mod-0").comment]
    assert service.store.record([(loaded, service.engine.decide(loaded, 2.0))]) == [False]
    stored = service.store.get("mod-0")
    assert stored.status.value == "rejected"
    assert stored.decision is not None and stored.decision.decided_by == "camille"
    assert stored.decision.reasons[0].code == "spam"


def test_a_second_moderator_cannot_overwrite_the_first(service: Service, settings: Settings) -> None:
    service.submit(sample_comments(1, "twice"))
    with ModerationClient(settings) as client:
        client.review("twice-0", "approve", "ann")
        with pytest.raises(AlreadyReviewed):
            client.review("twice-0", "reject", "bob")
        assert client.status("twice-0")["decided_by"] == "ann"


def test_a_moderator_can_decide_a_flagged_comment_and_it_leaves_the_review_queue(
    service: Service, settings: Settings
) -> None:
    service.submit([sample_comments(8, "flag")[7]])
    service.drain()
    assert service.store.flagged() == ["flag-7"]
    with ModerationClient(settings) as client:
        client.review("flag-7", "approve", "ann")
        assert client.flagged() == []
        assert client.counts()["flagged"] == 0 and client.counts()["approved"] == 1


def test_the_sweeper_hands_back_only_comments_queued_for_too_long(service: Service, published: Recorder) -> None:
    service.submit(sample_comments(3, "old"))
    service.store.take_pending(3, time.time())  # a worker took them, then died
    service.clock = lambda: 10_000_000_000.0
    assert service.sweep() == 3
    assert service.store.pending_count() == 3
    assert service.sweep() == 0  # handed back once per requeue_after_s, not at every sweep
    assert published.calls == 2
    assert service.drain().decided == 3


def test_the_sweeper_leaves_a_backlog_no_worker_took_yet_to_wait_its_turn(service: Service) -> None:
    service.submit(sample_comments(5, "backlog"))
    service.clock = lambda: 10_000_000_000.0  # long after: still waiting, not lost
    assert service.sweep() == 0
    assert service.store.pending_count() == 5
    assert service.store.take_pending(10, 10_000_000_000.0) == [f"backlog-{n}" for n in range(5)]


def test_the_sweeper_sends_a_new_drain_message_for_comments_waiting_longer_than_requeue_after_s(
    service: Service, published: Recorder, settings: Settings
) -> None:
    service.submit(sample_comments(2, "stalled"))
    assert published.calls == 1  # the message that a dying worker's BRPOP may swallow
    submitted_at = time.time()
    service.clock = lambda: submitted_at + settings.requeue_after_s - 1
    service.sweep()
    assert published.calls == 1  # not yet stale: the first message may still be on its way
    service.clock = lambda: submitted_at + settings.requeue_after_s + 1
    service.sweep()
    assert published.calls == 2
    assert service.drain().decided == 2
    service.sweep()
    assert published.calls == 2  # nothing waits any more: no further message


def test_a_comment_taken_late_from_a_long_backlog_is_handed_back_only_after_requeue_after_s(
    service: Service, settings: Settings
) -> None:
    service.submit(sample_comments(3, "late"))
    taken_at = 10_000_000_000.0
    service.store.take_pending(3, taken_at)  # taken long after submission, then the worker died
    service.clock = lambda: taken_at + settings.requeue_after_s - 1
    assert service.sweep() == 0
    service.clock = lambda: taken_at + settings.requeue_after_s + 1
    assert service.sweep() == 3
    # Handed back once, each is tried alone, in case it is what killed the worker.
    taken = [service.store.take_pending(10, taken_at + 200) for _ in range(4)]
    assert taken == [["late-0"], ["late-1"], ["late-2"], []]


def test_ids_left_in_the_waiting_list_of_an_older_version_are_taken_after_an_upgrade(service: Service) -> None:
    service.submit(sample_comments(4, "upgrade"))
    keys, client = service.store.keys, service.store.client
    client.delete(keys.pending)
    client.rpush(keys.legacy_pending, "upgrade-0", "upgrade-1", "upgrade-2")  # as versions before 2026-11-26 did
    assert service.store.pending_count() == 3
    assert service.drain().decided == 3
    assert service.store.pending_count() == 0
    assert client.exists(keys.legacy_pending) == 0


def test_the_store_keeps_working_after_redis_forgets_its_scripts(service: Service) -> None:
    service.submit(sample_comments(2, "flush"))
    service.store.client.script_flush()
    service.submit(sample_comments(4, "flush"))  # the first two again, then two new ones
    assert service.store.counts()["queued"] == 4
    service.store.client.script_flush()
    assert service.drain().decided == 4


def test_a_drain_also_sweeps_so_stale_comments_move_on_without_a_scheduler(service: Service) -> None:
    service.submit(sample_comments(3, "lost"))
    service.store.take_pending(3, time.time())  # a worker took them, then died; no beat scheduler runs
    service.clock = lambda: 10_000_000_000.0
    service.submit(sample_comments(1, "later"))
    assert service.drain().decided == 1  # the drain decides what was pending and hands the stale ones back
    assert service.store.pending_count() == 3
    assert service.drain().decided == 3


def test_a_comment_is_accepted_even_when_the_drain_message_cannot_be_sent(settings: Settings) -> None:
    def broker_down() -> None:
        raise ConnectionError("broker away")

    svc = Service.from_settings(settings, broker_down)
    (added,) = svc.submit(sample_comments(1, "nobroker"))
    assert isinstance(added, Added) and added.created
    assert svc.store.set_wake(), "the wake flag was left set, so the next submission would not try again"
    assert svc.drain().decided == 1


def test_asking_for_an_unknown_comment_names_its_id(settings: Settings) -> None:
    with ModerationClient(settings) as client, pytest.raises(CommentNotFound, match="nope"):
        client.status("nope")


def test_an_unreachable_redis_is_a_clear_error_not_a_library_traceback(settings: Settings) -> None:
    unreachable = settings.replace(redis_url=f"redis://127.0.0.1:{free_port()}/0")
    with ModerationClient(unreachable) as client, pytest.raises(StoreUnavailable, match="Redis is unavailable"):
        client.submit(sample_comments(1, "down")[0])


class SlowFacts:
    """A fact source that takes ``delay_s`` per batch, as a slow check would."""

    def __init__(self, delay_s: float) -> None:
        self.delay_s = delay_s

    def facts(self, comments: object, now: float) -> list[dict[str, object]]:
        time.sleep(self.delay_s)
        return [{} for _ in comments]  # type: ignore[attr-defined]

    def decided(self, decided: object, now: float) -> None:
        pass

    def reviewed(self, comment: object, decision: object, previous: object) -> None:
        pass


def test_a_batch_slower_than_its_lease_is_never_handed_over_while_its_worker_is_alive(
    settings: Settings, published: Recorder
) -> None:
    slow = Service.from_settings(settings.replace(requeue_after_s=1.0), published)
    slow.sources = (SlowFacts(3.0),)
    slow.submit(sample_comments(5, "slow"))
    report: list[int] = []
    draining = threading.Thread(target=lambda: report.append(slow.drain().decided))
    draining.start()
    handed = 0
    while draining.is_alive():
        handed += slow.sweep()
        time.sleep(0.1)
    draining.join()
    assert report == [5]
    assert handed == 0, "the sweeper handed over comments a live worker was still deciding"
    slow.store.client.close()


def test_the_comments_of_a_dead_worker_go_back_once_their_lease_runs_out(settings: Settings) -> None:
    svc = Service.from_settings(settings.replace(requeue_after_s=1.0), Recorder())
    svc.submit(sample_comments(3, "dead"))
    svc.store.take_pending(3, time.time())  # taken by a worker that died: no one renews the lease
    assert svc.sweep() == 0
    time.sleep(1.2)
    assert svc.sweep() == 3
    svc.store.client.close()


def test_one_sweep_runs_per_interval_however_many_workers_try(service: Service) -> None:
    service.submit(sample_comments(2, "claim"))
    service.store.take_pending(2, time.time())
    service.clock = lambda: 10_000_000_000.0
    others = [
        Service(service.settings, service.store, service.engine, Recorder(), clock=service.clock) for _ in range(3)
    ]
    assert [s.sweep_if_due() for s in [service, *others]] == [2, 0, 0, 0]


# A drain's round trips: its first take clears the wake flag, and the sweep claim is tried rarely.


@pytest.fixture
def small_batches(settings: Settings, published: Recorder) -> Iterator[Service]:
    svc = Service.from_settings(settings.replace(batch_size=2, sweep_interval_s=0.2), published)
    yield svc
    svc.store.client.close()


def _count_takes(service: Service, then: Any = None) -> list[Taken]:
    """Record every take of the service's store (and run ``then`` after each)."""
    takes: list[Taken] = []
    take = service.store.take

    def counted(*args: Any, **kwargs: Any) -> Taken:
        takes.append(take(*args, **kwargs))
        if then is not None:
            then()
        return takes[-1]

    service.store.take = counted  # type: ignore[method-assign]
    return takes


def _count_claims(service: Service) -> list[bool]:
    claims: list[bool] = []
    claim = service.store.claim_sweep

    def counted(interval_s: float) -> bool:
        claims.append(claim(interval_s))
        return claims[-1]

    service.store.claim_sweep = counted  # type: ignore[method-assign]
    return claims


def test_a_drain_clears_the_wake_flag_in_its_first_take_without_a_command_of_its_own(
    small_batches: Service, published: Recorder
) -> None:
    small_batches.submit(sample_comments(1, "flag"))
    assert published.calls == 1 and not small_batches.store.set_wake(), "the submission set the flag"
    cleared: list[bool] = []
    small_batches.store.clear_wake = lambda: cleared.append(True)  # type: ignore[method-assign]
    assert small_batches.drain().decided == 1
    assert cleared == []
    small_batches.submit(sample_comments(1, "after"))
    assert published.calls == 2, "the flag was cleared: the next submission sent a drain message"


def test_a_comment_submitted_while_a_drain_decides_its_batch_is_taken_by_the_same_drain(
    small_batches: Service, published: Recorder
) -> None:
    small_batches.submit(sample_comments(1, "early"))
    late = sample_comments(1, "late")
    takes = _count_takes(small_batches, then=lambda: late and small_batches.submit([late.pop()]))
    assert small_batches.drain().decided == 2
    assert [t.ids for t in takes] == [["early-0"], ["late-0"]], "the second record found none waiting: no third take"
    assert published.calls == 2, "the late comment found the flag cleared and sent a drain message"


def test_a_drain_whose_record_finds_no_id_waiting_ends_without_another_take(small_batches: Service) -> None:
    small_batches.submit(sample_comments(3, "three"))
    takes = _count_takes(small_batches)
    assert small_batches.drain().decided == 3
    assert [len(t.ids) for t in takes] == [2, 1]


def test_a_drain_takes_again_after_a_batch_that_recorded_nothing(small_batches: Service) -> None:
    small_batches.submit(sample_comments(3, "gone"))
    small_batches.store.record(
        [(c, small_batches.engine.decide(c, 1.0)) for c in small_batches.store.load_queued(["gone-0", "gone-1"])]
    )
    takes = _count_takes(small_batches)
    assert small_batches.drain().decided == 1
    assert [t.ids for t in takes] == [["gone-0", "gone-1"], ["gone-2"]], "the first batch was decided already"


def test_a_drain_of_one_comment_takes_three_round_trips_its_spam_state_learning_within_the_record(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    service.submit(sample_comments(1, "warm"))
    service.drain()  # the first drain reads the secret and the models, and tries the sweep claim
    lone = sample_comments(1, "lone")[0]
    lone["content"] = "A long and thoughtful reply about the new tram line, its stops, its timetable and its cost."
    service.submit([lone])
    sent: list[bytes] = []
    send = redis.connection.AbstractConnection.send_packed_command

    def counted(conn: Any, command: Any, check_health: bool = True) -> None:
        sent.append(command)
        send(conn, command, check_health)

    monkeypatch.setattr(redis.connection.AbstractConnection, "send_packed_command", counted)
    assert service.drain().decided == 1
    assert len(sent) == 3, "take, facts, record (with what the spam state learns)"
    band_keys = list(service.store.client.scan_iter(match=service.store.keys.spam_band(0, "") + "*"))
    assert len(band_keys) == 1, "the text's signature went into its band set"
    assert service.store.client.ttl(band_keys[0]) > 0


def test_drains_within_one_sweep_interval_try_the_sweep_claim_once_and_again_after_it(small_batches: Service) -> None:
    claims = _count_claims(small_batches)
    for _ in range(3):
        small_batches.drain()
    assert claims == [True]
    time.sleep(0.25)
    small_batches.drain()
    assert claims == [True, True]
