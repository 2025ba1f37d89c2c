"""The moderators' queue and verdicts against a real Redis: indexes, filters, pages, bulk, campaigns, undo, history."""

from __future__ import annotations

import contextlib
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis

from worker.errors import AlreadyReviewed, InvalidRequest, NothingToUndo
from worker.queue import TABS, Card, ModerationQueue, QueueQuery
from worker.service import Service
from worker.settings import Settings, load_settings
from worker.verdicts import Verdicts, moderator_decision

pytestmark = pytest.mark.integration

T0 = 1_800_000_000.0
CAMPAIGN = (
    "Earn money fast from home with our amazing programme, thousands of happy members already joined, "
    "sign up today and start earning"
)


@pytest.fixture
def settings(redis_url: str, redis_client: redis.Redis, repo_root: Path, tmp_path: Path) -> Settings:
    """The shipped settings and policy, with a blocklist of one phrase (the shipped one is empty)."""
    (tmp_path / "blocklist.txt").write_text("casino en ligne\n", encoding="utf-8")
    policy = (repo_root / "config" / "policy.toml").read_text(encoding="utf-8")
    policy = policy.replace('blocklist_file = "', f'blocklist_file = "{tmp_path}/', 1)
    policy = policy.replace('moderation_keys_file = "', f'moderation_keys_file = "{repo_root}/config/', 1)
    (tmp_path / "policy.toml").write_text(policy, encoding="utf-8")
    return load_settings(
        {
            "REDIS_URL": redis_url,
            "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml"),
            "MODERATION_POLICY_FILE": str(tmp_path / "policy.toml"),
        }
    )


@pytest.fixture
def service(settings: Settings) -> Iterator[Service]:
    svc = Service.from_settings(settings, lambda: None)
    yield svc
    svc.store.client.close()


@pytest.fixture
def queue(service: Service) -> ModerationQueue:
    return ModerationQueue(service.store)


@pytest.fixture
def verdicts(service: Service, queue: ModerationQueue) -> Verdicts:
    return Verdicts(service, queue, clock=lambda: T0 + 10_000)


def links(n: int, post: str = "p1", **extra: str) -> dict[str, str]:
    """A comment that the shipped policy flags (two links), and nothing else."""
    return {
        "id": f"f-{n}",
        "post_id": post,
        "author_name": f"Reader {n}",
        "author_email": f"reader{n}@example.org",
        "content": f"See https://a.example/{n} and https://b.example/{n}",
        **extra,
    }


def fine(n: int, post: str = "p1", **extra: str) -> dict[str, str]:
    """A comment that the shipped policy approves."""
    return {
        "id": f"ok-{n}",
        "post_id": post,
        "author_name": f"Reader {n}",
        "author_email": f"fine{n}@example.org",
        "content": f"Thank you for this article, number {n}.",
        **extra,
    }


def submit(service: Service, comments: list[dict[str, str]], start: float = T0) -> None:
    """Submit each comment 20 s after the previous one (past the flood window), then let a worker decide them all."""
    for i, comment in enumerate(comments):
        service.clock = lambda i=i: start + 20 * i
        service.submit([comment])
    service.clock = lambda: start + 20 * len(comments)
    service.drain()


def ids(page_items: list[Card]) -> list[str]:
    return [card.id for card in page_items]


def test_the_flagged_tab_is_the_default_oldest_first_with_every_tabs_count(
    service: Service, queue: ModerationQueue
) -> None:
    submit(service, [links(1), fine(1), links(2), links(3), fine(2)])
    page = queue.page()
    assert page.query.tab == "flagged"
    assert ids(page.items) == ["f-1", "f-2", "f-3"]
    assert page.total == 3
    assert page.counts == {"flagged": 3, "approved": 2, "rejected": 0, "all": 5}
    assert ids(queue.page(QueueQuery(order="newest")).items) == ["f-3", "f-2", "f-1"]
    assert ids(queue.page(QueueQuery(tab="approved")).items) == ["ok-1", "ok-2"]


def test_pages_by_number_and_by_cursor_and_a_cursor_stays_right_when_comments_leave_the_tab(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(n) for n in range(7)])
    first = queue.page(QueueQuery(per_page=3))
    assert ids(first.items) == ["f-0", "f-1", "f-2"] and first.pages == 3 and first.next_cursor
    assert ids(queue.page(QueueQuery(per_page=3, page=3)).items) == ["f-6"]
    verdicts.decide(ids(first.items), "approve", "ann")  # the first page is cleared
    after = queue.page(QueueQuery(per_page=3, cursor=first.next_cursor))
    assert ids(after.items) == ["f-3", "f-4", "f-5"]
    assert ids(queue.page(QueueQuery(per_page=3, cursor=after.next_cursor)).items) == ["f-6"]
    assert queue.page(QueueQuery(per_page=3, cursor=after.next_cursor)).next_cursor is None


def test_filters_by_post_check_and_reason_alone_and_combined(service: Service, queue: ModerationQueue) -> None:
    blocked = {"content": "Meilleur casino en ligne ici, venez jouer"}
    submit(service, [links(1, "p1"), links(2, "p2"), fine(3, "p1"), fine(4, "p2", **blocked), links(5, "p2")])
    assert ids(queue.page(QueueQuery(post="p2")).items) == ["f-2", "f-5"]
    assert queue.page(QueueQuery(post="p2")).counts == {"flagged": 2, "approved": 0, "rejected": 1, "all": 3}
    assert ids(queue.page(QueueQuery(tab="rejected", reason="spam/blocklist")).items) == ["ok-4"]
    assert ids(queue.page(QueueQuery(reason="spam/too_many_links", post="p1")).items) == ["f-1"]
    assert queue.page(QueueQuery(check="spam", post="p2", tab="all")).total == 3
    assert queue.page(QueueQuery(post="nowhere")).total == 0


def test_search_matches_the_text_and_the_name_whatever_the_case_and_accents(
    service: Service, queue: ModerationQueue
) -> None:
    submit(service, [links(1, content="Un été à https://a.example et https://b.example"), links(2), links(3)])
    assert ids(queue.page(QueueQuery(search="ETE")).items) == ["f-1"]
    assert ids(queue.page(QueueQuery(search="reader 3")).items) == ["f-3"]
    assert queue.matching_ids(QueueQuery(search="https")) == ["f-1", "f-2", "f-3"]


def test_a_card_shows_what_a_moderator_needs_and_never_the_email_nor_the_ip(
    service: Service, queue: ModerationQueue
) -> None:
    submit(
        service,
        [
            fine(1, author_email="same@example.org"),
            links(
                2,
                author_email="same@example.org",
                ip="203.0.113.9",
                parent_id="ok-1",
                author_url="https://site.example",
            ),
        ],
    )
    card = queue.card("f-2")
    data = card.to_dict()
    assert "same@example.org" not in repr(data) and "203.0.113.9" not in repr(data)
    assert (card.post_id, card.parent_id, card.author_name, card.author_url) == (
        "p1",
        "ok-1",
        "Reader 2",
        "https://site.example",
    )
    assert card.submitted_at == T0 + 20 and card.status == "flagged"
    assert {r["code"] for r in card.reasons} >= {"too_many_links"}
    assert [h["kind"] for h in card.highlights] == ["link", "link"]
    assert card.content[card.highlights[0]["start"] : card.highlights[0]["end"]] == "https://a.example/2"
    assert card.spam_score is not None and card.spam_threshold == 0.5
    assert card.author is not None
    assert (card.author.approved, card.author.rejected, card.author.flagged) == (1, 0, 1)
    assert [r["id"] for r in card.author.recent] == ["ok-1"]


def test_a_profane_word_is_highlighted_where_it_stands(service: Service, queue: ModerationQueue) -> None:
    submit(service, [fine(1, content="What a load of bullshit, honestly.")])
    card = queue.card("ok-1")
    profane = [h for h in card.highlights if h["kind"] == "profanity"]
    assert profane and card.content[profane[0]["start"] : profane[0]["end"]].lower() == "bullshit"


def test_near_duplicate_comments_form_one_campaign_that_can_be_rejected_at_once(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    campaign = [
        {
            "id": f"c-{n}",
            "post_id": f"p{n}",
            "author_name": f"Bot {n}",
            "author_email": f"bot{n}@example.net",
            "content": CAMPAIGN + (f" today {n}" if n % 2 else ""),
        }
        for n in range(4)
    ]
    submit(service, [*campaign, links(9)])
    card = queue.card("c-2")
    assert card.similar == 3 and card.campaign
    assert queue.matching_ids(QueueQuery(tab="all", campaign=card.campaign)) == ["c-0", "c-1", "c-2", "c-3"]
    assert queue.card("f-9").similar == 0
    report = verdicts.reject_campaign("c-2", "ann")
    assert sorted(report.decided) == ["c-0", "c-1", "c-2", "c-3"]
    assert all(queue.card(f"c-{n}").status == "rejected" for n in range(4))
    assert queue.card("f-9").status == "flagged"


def test_every_change_of_status_is_in_the_history_with_who_when_and_the_note(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(1)])
    verdicts.decide(["f-1"], "reject", "ann", reason="off_topic", note="not about the article")
    history = queue.history("f-1")
    assert [(h["action"], h["by"], h["from"], h["to"]) for h in history] == [
        ("submit", "submission", None, "queued"),
        ("decide", "worker", "queued", "flagged"),
        ("review", "ann", "flagged", "rejected"),
    ]
    assert history[2]["note"] == "not about the article" and history[2]["at"] == pytest.approx(T0 + 10_000)
    assert queue.card("f-1").reasons[0]["code"] == "off_topic"


def test_a_second_moderator_is_told_who_decided_and_overwrites_nothing(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(1)])
    verdicts.decide_one("f-1", "approve", "ann")
    with pytest.raises(AlreadyReviewed) as refused:
        verdicts.decide_one("f-1", "spam", "bob")
    assert refused.value.decided_by == "ann" and "ann" in str(refused.value)
    assert queue.card("f-1").status == "approved" and queue.card("f-1").decided_by == "ann"
    report = verdicts.decide(["f-1"], "reject", "bob")
    assert report.decided == [] and report.already[0].decided_by == "ann"


def test_a_bulk_verdict_on_all_matching_decides_each_once_and_reports_the_rest(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(n, "p1" if n < 5 else "p2") for n in range(8)])
    verdicts.decide_one("f-0", "approve", "bob")
    report = verdicts.decide_matching(QueueQuery(tab="all", post="p1"), "spam", "ann")
    assert report.decided == ["f-1", "f-2", "f-3", "f-4"]
    assert [e.comment_id for e in report.already] == ["f-0"]
    assert queue.counts() == {"flagged": 3, "approved": 1, "rejected": 4, "all": 8}
    assert verdicts.decide(["f-5", "ghost"], "approve", "ann").missing == ["ghost"]


def test_undo_returns_the_last_verdict_to_the_previous_status_once_and_records_it(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(1), links(2), links(3)])
    verdicts.decide(["f-1"], "approve", "ann")
    verdicts.decide(["f-2", "f-3"], "spam", "ann")
    undone = verdicts.undo("ann")
    assert undone.restored == ["f-2", "f-3"] and undone.skipped == []
    assert queue.counts()["flagged"] == 2 and queue.card("f-2").decided_by == "worker"
    assert queue.history("f-2")[-1] | {"at": 0} == {
        "at": 0,
        "by": "ann",
        "from": "rejected",
        "to": "flagged",
        "note": "",
        "action": "undo",
    }
    with pytest.raises(NothingToUndo):
        verdicts.undo("ann")  # only the last verdict, once
    verdicts.decide_one("f-2", "approve", "bob")  # decidable again after the undo
    assert queue.card("f-2").status == "approved"


def test_undo_leaves_alone_what_another_moderator_decided_since(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(1), links(2)])
    first = verdicts.decide(["f-1", "f-2"], "approve", "ann")
    assert verdicts.undo("ann").restored == ["f-1", "f-2"]
    verdicts.decide(["f-1"], "reject", "bob")  # decided again since ann's verdict
    # ann's verdict, replayed against the store, reverts nothing that bob decided
    assert service.store.undo(["f-1", "f-2"], first.verdict_id, "ann", T0 + 10_001) == [False, False]
    assert queue.card("f-1").status == "rejected" and queue.card("f-1").decided_by == "bob"
    assert queue.card("f-2").status == "flagged"
    with pytest.raises(NothingToUndo):
        verdicts.undo("ann")


def test_undo_is_refused_after_the_window(service: Service, queue: ModerationQueue) -> None:
    now = [T0 + 10_000]
    verdicts = Verdicts(service, queue, undo_window_s=60, clock=lambda: now[0])
    submit(service, [links(1)])
    verdicts.decide(["f-1"], "approve", "ann")
    now[0] += 61
    with pytest.raises(NothingToUndo):
        verdicts.undo("ann")
    assert queue.card("f-1").status == "approved"


def test_a_bad_query_names_the_field(queue: ModerationQueue) -> None:
    for params, field in [
        ({"tab": "spam"}, "tab"),
        ({"page": "0"}, "page"),
        ({"per_page": "x"}, "per_page"),
        ({"reason": "toomany"}, "reason"),
        ({"cursor": "nope"}, "cursor"),
        ({"colour": "red"}, "colour"),
    ]:
        with pytest.raises(InvalidRequest) as bad:
            queue.page(QueueQuery.from_params(params))
        assert bad.value.field == field


def test_the_indexes_agree_with_the_stored_statuses_after_random_verdicts_and_undos(
    service: Service, queue: ModerationQueue, verdicts: Verdicts, redis_client: redis.Redis
) -> None:
    rng = random.Random(7)
    submit(service, [links(n, f"p{n % 3}") if n % 2 else fine(n, f"p{n % 3}") for n in range(40)])
    every = queue.matching_ids(QueueQuery(tab="all"))
    for step in range(30):
        moderator = rng.choice(["ann", "bob"])
        chosen = rng.sample(every, 3)
        if step % 4 == 3:
            with contextlib.suppress(NothingToUndo):
                verdicts.undo(moderator)
        else:
            verdicts.decide(chosen, rng.choice(["approve", "reject", "spam"]), moderator)
    statuses = {i: redis_client.hget(f"moderation:comment:{i}", "status") for i in every}
    for tab in TABS:
        for post in (None, "p0", "p1", "p2"):
            expected = sorted(
                i
                for i, s in statuses.items()
                if (tab == "all" or s == tab) and (post is None or queue.card(i).post_id == post)
            )
            assert sorted(queue.matching_ids(QueueQuery(tab=tab, post=post))) == expected, (tab, post)
    counts = redis_client.hgetall("moderation:counts")
    assert {t: queue.counts()[t] for t in ("flagged", "approved", "rejected")} == {
        t: int(counts.get(t, 0)) for t in ("flagged", "approved", "rejected")
    }


def test_comments_stored_before_the_indexes_are_indexed_once_by_the_migration(
    service: Service, queue: ModerationQueue, redis_client: redis.Redis
) -> None:
    submit(service, [links(1), fine(2), links(3)])
    for key in redis_client.scan_iter("moderation:ix*"):
        redis_client.delete(key)
    for i in ("f-1", "ok-2", "f-3"):
        redis_client.hdel(f"moderation:comment:{i}", "facets")  # as an older version left them
    assert queue.ensure_indexes() == 3
    assert ids(queue.page().items) == ["f-1", "f-3"] and queue.page(QueueQuery(tab="all")).total == 3
    assert queue.ensure_indexes() == 0


def test_new_comments_are_counted_after_the_newest_one_seen(service: Service, queue: ModerationQueue) -> None:
    submit(service, [links(1), links(2, "p2")])
    seen = queue.page().items[-1].submitted_at
    assert queue.count_after(QueueQuery(), seen) == 0
    submit(service, [links(3), links(4, "p2"), fine(5)], start=T0 + 1000)
    assert queue.count_after(QueueQuery(), seen) == 2
    assert queue.count_after(QueueQuery(post="p2"), seen) == 1


def test_a_verdict_recorded_without_a_verdict_id_is_never_undone(service: Service, queue: ModerationQueue) -> None:
    submit(service, [links(1)])
    service.review("f-1", moderator_decision("approve", "ann", "v1", T0 + 500))
    assert service.store.undo(["f-1"], "", "ann", T0 + 501) == [False]
    assert queue.card("f-1").status == "approved"


def test_the_first_read_of_a_process_after_an_upgrade_indexes_the_older_comments(
    service: Service, redis_client: redis.Redis
) -> None:
    submit(service, [links(1), fine(2)])
    for key in [*redis_client.scan_iter("moderation:ix*")]:
        redis_client.delete(key)
    for i in ("f-1", "ok-2"):
        redis_client.hdel(f"moderation:comment:{i}", "facets")
    fresh = ModerationQueue(service.store)  # a web app or CLI started after the upgrade
    assert ids(fresh.page().items) == ["f-1"] and fresh.counts()["all"] == 2


def test_a_decided_card_keeps_the_workers_reasons_score_and_highlights(
    service: Service, queue: ModerationQueue, verdicts: Verdicts
) -> None:
    submit(service, [links(1)])
    verdicts.decide_one("f-1", "approve", "ann")
    card = queue.card("f-1")
    assert [r["code"] for r in card.reasons] == ["approved"]
    assert "too_many_links" in [r["code"] for r in card.worker_reasons]
    assert card.spam_score is not None and [h["kind"] for h in card.highlights] == ["link", "link"]
    verdicts.undo("ann")
    assert queue.card("f-1").worker_reasons == []  # the worker's decision is the comment's again
