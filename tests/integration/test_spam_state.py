"""The spam check's shared state against a real Redis: campaigns, rejected copies, floods, known authors, learning."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis

from worker.keys import Keys
from worker.models import Action, Comment, Decision, Reason, Status
from worker.service import Service
from worker.settings import load_settings
from worker.spam import facts as fact
from worker.spam.classifier import Label, ModelState
from worker.spam.corpus import LabelledComment, seed_model
from worker.spam.identity import author_key
from worker.spam.signature import signature
from worker.spam.state import SpamState
from worker.spam.state_policy import StatePolicy
from worker.store import CommentStore

pytestmark = pytest.mark.integration

KEYS = Keys("spamtest")
CAMPAIGN = "Check out my new channel where I post daily videos about cooking and travel, subscribe for more!"
EDITED = "check out my NEW chanel where i post daily videos about cooking & travel - subscribe 4 more!!"
UNRELATED = "I really enjoyed the part about the bridge, my grandfather worked there for thirty years."
EMAIL_A, EMAIL_B, EMAIL_C = "anne.martin@example.org", "bruno.leroy@example.net", "chloe.dubois@example.com"
_ids = itertools.count()


def comment(content: str = UNRELATED, email: str = EMAIL_A, ip: str | None = None, at: float = 1000.0) -> Comment:
    return Comment(
        id=f"c{next(_ids)}",
        post_id="p",
        author_name="Reader",
        author_email=email,
        content=content,
        ip=ip,
        submitted_at=at,
    )


def worker_decision(status: Status = Status.APPROVED, at: float = 1000.0) -> Decision:
    return Decision(status, (), {}, "test", at)


def moderator(verdict: str, at: float = 1000.0) -> Decision:
    status = Status.APPROVED if verdict == "approve" else Status.REJECTED
    code = {"approve": "approved", "reject": "rejected", "spam": "spam"}[verdict]
    action = Action.APPROVE if status is Status.APPROVED else Action.REJECT
    return Decision(status, (Reason("moderator", code, "A moderator decided.", action),), {}, "test", at, "camille")


@pytest.fixture
def new_state(redis_url: str, redis_client: redis.Redis) -> Iterator[Callable[..., SpamState]]:
    """Build states as separate workers would: each with its own connection (bytes replies, as in production)."""
    clients: list[redis.Redis] = []

    def build(**policy: Any) -> SpamState:
        client = redis.Redis.from_url(redis_url)
        clients.append(client)
        return SpamState(client, KEYS, StatePolicy(**policy))

    yield build
    for client in clients:
        client.close()


def run(state: SpamState, *comments: Comment, now: float = 1000.0) -> list[dict[str, Any]]:
    """Facts for a batch, then record it as approved by the worker, as a drain does."""
    facts = state.facts(comments, now)
    state.decided([(c, worker_decision()) for c in comments], now)
    return facts


# Campaigns


def test_the_same_text_from_three_different_authors_counts_the_earlier_copies(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    first = run(state, comment(CAMPAIGN, EMAIL_A))
    second = run(state, comment(CAMPAIGN, EMAIL_B))
    third = run(new_state(), comment(CAMPAIGN, EMAIL_C))  # another worker sees the same signatures
    assert [f[fact.DUPLICATES] for f in (*first, *second, *third)] == [0, 1, 2]


def test_the_same_text_again_from_the_same_author_is_not_a_campaign(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    for ip in ("192.0.2.1", "192.0.2.2"):
        run(state, comment(CAMPAIGN, EMAIL_A, ip=ip))
    (facts,) = run(state, comment(CAMPAIGN, " Anne.Martin@Example.org ", ip="192.0.2.3"))
    assert facts[fact.DUPLICATES] == 0


def test_a_copy_from_another_address_without_email_counts_as_another_author(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    run(state, comment(CAMPAIGN, "", ip="198.51.100.7"))
    (facts,) = run(state, comment(CAMPAIGN, "", ip="198.51.100.8"))
    assert facts[fact.DUPLICATES] == 1


def test_a_near_copy_with_small_edits_counts_and_an_unrelated_text_does_not(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    run(state, comment(CAMPAIGN, EMAIL_A))
    edited, unrelated = run(state, comment(EDITED, EMAIL_B), comment(UNRELATED, EMAIL_C))
    assert edited[fact.DUPLICATES] == 1
    assert unrelated[fact.DUPLICATES] == 0


def test_copies_within_one_batch_count_each_other(new_state: Callable[..., SpamState]) -> None:
    facts = run(new_state(), comment(CAMPAIGN, EMAIL_A), comment(CAMPAIGN, EMAIL_B), comment(EDITED, EMAIL_C))
    assert [f[fact.DUPLICATES] for f in facts] == [0, 1, 2]


def test_copies_older_than_the_campaign_window_are_forgotten(new_state: Callable[..., SpamState]) -> None:
    state = new_state(campaign_window_s=600.0)
    run(state, comment(CAMPAIGN, EMAIL_A, at=1000.0), now=1000.0)
    (late,) = run(state, comment(CAMPAIGN, EMAIL_B, at=1700.0), now=1700.0)
    (soon,) = run(state, comment(CAMPAIGN, EMAIL_C, at=1800.0), now=1800.0)
    assert late[fact.DUPLICATES] == 0
    assert soon[fact.DUPLICATES] == 1


def test_a_band_set_written_again_and_again_keeps_only_the_members_of_the_campaign_window(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    state = new_state(campaign_window_s=600.0)
    for i, at in enumerate((1000.0, 1100.0, 1700.0, 1800.0)):
        run(state, comment(CAMPAIGN, f"author{i}@example.org", at=at), now=at)
    band_keys = redis_client.keys(KEYS.spam_band(0, "*"))
    assert band_keys, "the campaign text has a signature, so it was written to band sets"
    for key in band_keys:
        # 1000 and 1100 are older than 1800 - 600: trimmed when the next copy read the set.
        assert sorted(redis_client.zrange(key, 0, -1, withscores=True), key=lambda m: m[1])[0][1] >= 1200.0
        assert redis_client.ttl(key) > 0


def test_band_sets_score_a_signature_by_its_submission_time_rounded_up_to_the_second(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    run(new_state(), comment(CAMPAIGN, EMAIL_A, at=1000.25), now=1000.25)
    band_keys = redis_client.keys(KEYS.spam_band(0, "*"))
    assert band_keys
    for key in band_keys:
        assert [score for _, score in redis_client.zrange(key, 0, -1, withscores=True)] == [1001.0]


def test_a_copy_stays_in_the_campaign_window_up_to_a_second_longer_never_less(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state(campaign_window_s=600.0)
    run(state, comment(CAMPAIGN, EMAIL_A, at=1000.25), now=1000.25)
    (within,) = run(state, comment(CAMPAIGN, EMAIL_B, at=1600.0), now=1600.0)
    (a_fraction_past,) = run(state, comment(CAMPAIGN, EMAIL_C, at=1600.5), now=1600.5)
    assert within[fact.DUPLICATES] == 1
    assert a_fraction_past[fact.DUPLICATES] == 2  # A's copy, of second 1001, still counts beside B's


@pytest.mark.parametrize(("bands", "copies"), [((5,), 0), ((3, 7), 1), ((0, 1, 2, 9), 1)])
def test_the_band_sets_a_text_shares_with_earlier_ones_are_read_and_trimmed_whichever_they_are(
    new_state: Callable[..., SpamState], redis_client: redis.Redis, bands: tuple[int, ...], copies: int
) -> None:
    sig = signature(CAMPAIGN, StatePolicy().duplicate_min_words)
    assert sig is not None
    for band in bands:  # an earlier copy in these bands only, and a member older than the window in each
        redis_client.zadd(KEYS.spam_band(band, sig.bands[band]), {"older|a": 100.0, "earlier|b": 900.0})
    (facts,) = new_state(campaign_window_s=600.0).facts([comment(CAMPAIGN, EMAIL_A, at=1000.0)], 1000.0)
    assert facts[fact.DUPLICATES] == copies  # two shared bands make a copy
    for band in bands:
        assert redis_client.zrange(KEYS.spam_band(band, sig.bands[band]), 0, -1) == ["earlier|b"]


def test_short_generic_texts_are_not_counted_as_campaigns(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    run(state, comment("Great post, thanks a lot!", EMAIL_A))
    (facts,) = run(state, comment("Great post, thanks a lot!", EMAIL_B))
    assert facts[fact.DUPLICATES] == 0


# Rejected copies


def test_a_later_copy_of_a_text_a_moderator_rejected_as_spam_is_a_rejected_copy(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    spam = comment(CAMPAIGN, EMAIL_A)
    (before,) = state.facts([comment(EDITED, EMAIL_B)], 1000.0)
    state.reviewed(spam, moderator("spam"), worker_decision(Status.FLAGGED))
    copy, unrelated = new_state().facts([comment(EDITED, EMAIL_C), comment(UNRELATED, EMAIL_C)], 1001.0)
    assert before[fact.REJECTED_COPY] is False
    assert copy[fact.REJECTED_COPY] is True
    assert unrelated[fact.REJECTED_COPY] is False


def test_a_rejection_that_is_not_for_spam_marks_no_copies(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    state.reviewed(comment(CAMPAIGN, EMAIL_A), moderator("reject"), worker_decision(Status.FLAGGED))
    (facts,) = state.facts([comment(CAMPAIGN, EMAIL_B)], 1001.0)
    assert facts[fact.REJECTED_COPY] is False


# Flood control


def test_two_comments_from_one_ip_within_the_window_flood_and_two_workers_share_the_count(
    new_state: Callable[..., SpamState],
) -> None:
    first_worker, second_worker = new_state(), new_state()
    (first,) = run(first_worker, comment(email=EMAIL_A, ip="203.0.113.5", at=1000.0))
    (second,) = run(second_worker, comment(email=EMAIL_B, ip="203.0.113.5", at=1005.0), now=1005.0)
    (other_ip,) = run(second_worker, comment(email=EMAIL_C, ip="203.0.113.6", at=1006.0), now=1006.0)
    assert first[fact.FLOOD_COUNT] == 0
    assert second[fact.FLOOD_COUNT] == 1
    assert other_ip[fact.FLOOD_COUNT] == 0


def test_two_comments_from_one_email_within_the_window_flood_whatever_their_addresses(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    run(state, comment(email=EMAIL_A, ip="203.0.113.5", at=1000.0))
    (second,) = run(state, comment(email=EMAIL_A.upper(), ip="198.51.100.1", at=1010.0), now=1010.0)
    assert second[fact.FLOOD_COUNT] == 1


def test_comments_submitted_further_apart_than_the_window_do_not_flood_even_when_decided_together(
    new_state: Callable[..., SpamState],
) -> None:
    facts = run(
        new_state(flood_window_s=15.0),
        comment(email=EMAIL_A, ip="203.0.113.5", at=1000.0),
        comment(email=EMAIL_A, ip="203.0.113.5", at=1020.0),
        comment(email=EMAIL_A, ip="203.0.113.5", at=1030.0),
        now=1100.0,
    )
    assert [f[fact.FLOOD_COUNT] for f in facts] == [0, 0, 1]


def test_comments_of_one_batch_count_each_other_whatever_their_order_in_it(
    new_state: Callable[..., SpamState],
) -> None:
    facts = run(
        new_state(),
        comment(email=EMAIL_A, ip="203.0.113.5", at=1010.0),
        comment(email=EMAIL_B, ip="203.0.113.5", at=1000.0),
        comment(email=EMAIL_C, ip="203.0.113.5", at=1005.0),
        now=1010.0,
    )
    assert [f[fact.FLOOD_COUNT] for f in facts] == [2, 0, 1]


def test_a_large_batch_of_copies_from_one_address_counts_every_comment_of_it(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    size = 1207  # one address and one text: every flood and band set holds the whole batch
    batch = [comment(CAMPAIGN, f"r{i}@example.org", ip="203.0.113.9", at=1000.0 + i / size) for i in range(size)]
    facts = run(new_state(), *batch)
    assert [f[fact.FLOOD_COUNT] for f in (facts[0], facts[-1])] == [0, size - 1]
    assert [f[fact.DUPLICATES] for f in (facts[0], facts[-1])] == [0, size - 1]
    bands = redis_client.keys(KEYS.spam_band(0, "*"))
    assert len(bands) == 1 and redis_client.zcard(bands[0]) == size


def test_a_comment_handed_to_the_workers_twice_does_not_count_as_its_own_flood(
    new_state: Callable[..., SpamState],
) -> None:
    again = comment(email=EMAIL_A, ip="203.0.113.5")
    run(new_state(), again)
    (facts,) = run(new_state(), again)
    assert facts[fact.FLOOD_COUNT] == 0


def test_addresses_of_one_ipv6_network_count_as_one(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    run(state, comment(email=EMAIL_A, ip="2001:db8:1:2::10"))
    (facts,) = run(state, comment(email=EMAIL_B, ip="2001:db8:1:2:ffff::1"))
    assert facts[fact.FLOOD_COUNT] == 1


# Known authors


def known_after(state: SpamState, approvals: int, email: str = EMAIL_A, at: float = 1000.0) -> list[bool]:
    """Whether the author is known before each of ``approvals`` worker approvals, and after the last."""
    seen = []
    for i in range(approvals):
        approved = comment(email=email)
        (facts,) = state.facts([approved], at + i)
        seen.append(facts[fact.KNOWN_AUTHOR])
        state.decided([(approved, worker_decision(Status.APPROVED))], at + i)
    (facts,) = state.facts([comment(email=email)], at + approvals)
    return [*seen, facts[fact.KNOWN_AUTHOR]]


def test_an_author_becomes_known_after_three_comments_approved_by_the_workers(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    held = comment(email=EMAIL_A)
    state.facts([held], 999.0)
    state.decided([(held, worker_decision(Status.FLAGGED))], 999.0)
    assert known_after(state, 3) == [False, False, False, True]
    (same_address,) = new_state().facts([comment(email=" ANNE.MARTIN@example.org")], 1010.0)
    (stranger,) = new_state().facts([comment(email=EMAIL_B)], 1010.0)
    assert same_address[fact.KNOWN_AUTHOR] is True
    assert stranger[fact.KNOWN_AUTHOR] is False


def test_the_number_of_worker_approvals_is_the_policys_and_zero_leaves_it_to_moderators(
    new_state: Callable[..., SpamState],
) -> None:
    assert known_after(new_state(known_after_approved=1), 1, EMAIL_A) == [False, True]
    assert known_after(new_state(known_after_approved=0), 5, EMAIL_B) == [False] * 6


def test_a_spam_verdict_resets_the_count_of_worker_approvals(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    assert known_after(state, 2) == [False, False, False]
    state.reviewed(comment(CAMPAIGN, email=EMAIL_A), moderator("spam"), worker_decision(Status.FLAGGED))
    assert known_after(state, 2, at=2000.0) == [False, False, False]


def test_a_moderator_approval_makes_the_author_known_and_a_spam_verdict_unmakes_it(
    new_state: Callable[..., SpamState],
) -> None:
    state = new_state()
    state.reviewed(comment(email=EMAIL_A), moderator("approve"), worker_decision(Status.FLAGGED))
    (known,) = state.facts([comment(email=EMAIL_A)], 1001.0)
    state.reviewed(comment(CAMPAIGN, email=EMAIL_A), moderator("spam"), worker_decision(Status.FLAGGED))
    (unknown,) = state.facts([comment(email=EMAIL_A)], 1002.0)
    assert known[fact.KNOWN_AUTHOR] is True
    assert unknown[fact.KNOWN_AUTHOR] is False


def test_the_known_authors_set_holds_keyed_hashes_under_one_secret_shared_by_all_workers(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    first, second = new_state(known_after_approved=1), new_state()
    approved = comment(email=EMAIL_A)
    run(first, approved)
    assert first.secret() == second.secret()
    assert redis_client.smembers(KEYS.spam_known_authors) == {author_key(EMAIL_A, first.secret())}


# The shared model


def spam_log_odds(state: SpamState, text: str) -> float:
    (facts,) = state.facts([comment(text, EMAIL_C)], 1000.0)
    model = facts[fact.MODEL]
    assert isinstance(model, ModelState)
    return model.explain(text).logit


ZORBLAX = [
    "Zorblax crystals cure every ache, order zorblax crystals from the zorblax shop today",
    "The zorblax shop ships zorblax crystals worldwide, order today and feel the crystals work",
    "Order zorblax crystals now: the zorblax shop has crystals for every ache you have",
]
ZORBLAX_PROBE = "My aunt swears by zorblax crystals from that shop for her ache"


def test_the_model_starts_as_the_seed_model_written_once_for_every_worker(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    first, second = new_state(), new_state()
    first.facts([comment()], 1000.0)
    second.facts([comment()], 1000.0)
    second.model.ensure_seeded()
    assert redis_client.get(KEYS.spam_model_version) == "1"
    stored = ModelState.from_fields(redis_client.hgetall(KEYS.spam_model))
    assert stored.to_fields() == seed_model().to_fields()


def test_the_process_that_writes_the_seed_model_does_not_read_it_back_and_the_others_read_it_once(
    new_state: Callable[..., SpamState], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="worker.spam.shared_model")
    first, second = new_state(), new_state()

    def reloads() -> int:
        return sum("reloaded the shared spam model" in r.getMessage() for r in caplog.records)

    first.facts([comment()], 1000.0)
    assert "wrote the seed spam model to Redis" in caplog.text
    first.facts([comment()], 1000.0)
    assert reloads() == 0, "the process that wrote the seed read it back"
    assert first.model.snapshot is seed_model()
    second.facts([comment()], 1000.0)
    second.facts([comment()], 1000.0)
    assert reloads() == 1
    assert second.model.snapshot.to_fields() == first.model.snapshot.to_fields()
    new_state().reviewed(comment(ZORBLAX[0], EMAIL_B), moderator("spam"), None)
    first.facts([comment()], 1000.0)
    assert reloads() == 2, "a lesson after the seed did not reach the process that wrote the seed"


def test_what_a_moderator_teaches_through_one_process_is_used_by_another_at_its_next_batch(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    worker, moderators = new_state(), new_state()
    before = spam_log_odds(worker, ZORBLAX_PROBE)
    for text in ZORBLAX:
        moderators.reviewed(comment(text, EMAIL_B), moderator("spam"), worker_decision(Status.FLAGGED))
    after = spam_log_odds(worker, ZORBLAX_PROBE)
    restarted = spam_log_odds(new_state(), ZORBLAX_PROBE)
    assert after > before + 1.0
    assert restarted == pytest.approx(after)
    assert redis_client.get(KEYS.spam_model_version) == str(1 + len(ZORBLAX))


def test_an_approval_teaches_ham(new_state: Callable[..., SpamState]) -> None:
    worker, moderators = new_state(), new_state()
    before = spam_log_odds(worker, ZORBLAX_PROBE)
    for text in ZORBLAX:
        moderators.reviewed(comment(text, EMAIL_B), moderator("approve"), worker_decision(Status.FLAGGED))
    assert spam_log_odds(worker, ZORBLAX_PROBE) < before


def test_a_moderator_reversing_a_learned_label_unlearns_it(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    state = new_state()
    spam = comment(ZORBLAX[0], EMAIL_B)
    state.reviewed(spam, moderator("spam"), worker_decision(Status.FLAGGED))
    state.reviewed(spam, moderator("approve"), moderator("spam"))
    expected = seed_model().copy()
    expected.learn(spam.content, "ham", author_name=spam.author_name)
    stored = ModelState.from_fields(redis_client.hgetall(KEYS.spam_model))
    assert stored.to_fields() == expected.to_fields()
    (facts,) = state.facts([comment(ZORBLAX[0], EMAIL_C)], 1001.0)
    assert facts[fact.REJECTED_COPY] is False


def test_training_rows_teach_the_shared_model_and_count_each_label(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    state = new_state()
    rows = [LabelledComment(comment(t), "spam") for t in ZORBLAX]  # type: ignore[arg-type]
    rows.append(LabelledComment(comment(UNRELATED), "ham"))  # type: ignore[arg-type]
    learned = state.train(rows)
    stored = ModelState.from_fields(redis_client.hgetall(KEYS.spam_model))
    assert learned == {"spam": 3, "ham": 1}
    assert stored.documents["spam"] == seed_model().documents["spam"] + 3


# Cost and privacy


class RoundTrips:
    """Counts the requests a client sends (a pipeline is one), by wrapping the real connection."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        original = redis.connection.AbstractConnection.send_packed_command

        def counting(conn: Any, command: Any, check_health: bool = True) -> None:
            self.count += 1
            original(conn, command, check_health)

        monkeypatch.setattr(redis.connection.AbstractConnection, "send_packed_command", counting)


def test_facts_and_decided_take_one_round_trip_each_for_a_whole_batch(
    new_state: Callable[..., SpamState], monkeypatch: pytest.MonkeyPatch
) -> None:
    state = new_state()
    run(state, comment(CAMPAIGN, EMAIL_A, ip="203.0.113.5"))  # first use: the secret and the seed model
    new_state().reviewed(comment(ZORBLAX[0], EMAIL_B), moderator("spam"), None)  # the next read reloads
    batch = [comment(f"{CAMPAIGN} {i}", f"r{i}@example.org", ip=f"203.0.113.{i}") for i in range(100)]
    trips = RoundTrips(monkeypatch)
    facts = state.facts(batch, 1000.0)
    after_facts = trips.count
    state.decided([(c, worker_decision()) for c in batch], 1000.0)
    assert (after_facts, trips.count) == (1, 2)
    assert facts[-1][fact.DUPLICATES] >= 5


def test_the_state_keeps_working_after_redis_forgets_its_scripts(
    new_state: Callable[..., SpamState], redis_client: redis.Redis
) -> None:
    state = new_state()
    run(state, comment(CAMPAIGN, EMAIL_A, ip="203.0.113.5"))
    redis_client.script_flush()
    (copy,) = run(state, comment(CAMPAIGN, EMAIL_B, ip="203.0.113.5"))
    redis_client.script_flush()
    state.train([LabelledComment(comment(ZORBLAX[0]), Label.SPAM)])
    assert (copy[fact.DUPLICATES], copy[fact.FLOOD_COUNT]) == (1, 1)
    assert redis_client.get(KEYS.spam_model_version) == "2"


def test_no_email_or_ip_appears_in_redis_facts_or_logs(
    new_state: Callable[..., SpamState], redis_client: redis.Redis, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    state = new_state()
    comments = [comment(CAMPAIGN, email, ip="203.0.113.77") for email in (EMAIL_A, EMAIL_B)]
    facts = run(state, *comments)
    state.reviewed(comments[0], moderator("spam"), worker_decision())
    state.reviewed(comments[1], moderator("approve"), worker_decision())
    dump = []
    for key in redis_client.scan_iter(f"{KEYS.prefix}:*"):
        dump.append(key)
        kind = redis_client.type(key)
        if kind == "zset":
            dump.extend(redis_client.zrange(key, 0, -1))
        elif kind == "set":
            dump.extend(redis_client.smembers(key))
        elif kind == "string":
            dump.append(str(redis_client.get(key)))
    text = " ".join(dump) + repr(facts) + caplog.text
    assert len(dump) > 20
    for private in ("anne.martin", "bruno.leroy", "example.org", "203.0.113.77"):
        assert private not in text.lower()


def test_a_drain_through_the_service_scores_the_third_copy_of_a_text_from_other_authors_higher(
    redis_url: str, redis_client: redis.Redis, repo_root: Path
) -> None:
    settings = load_settings({"REDIS_URL": redis_url, "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml")})
    service = Service.from_settings(settings, lambda: None)
    try:
        for i, email in enumerate((EMAIL_A, EMAIL_B, EMAIL_C)):
            service.submit(
                [
                    {
                        "id": f"camp-{i}",
                        "post_id": "p",
                        "author_name": f"Reader {i}",
                        "author_email": email,
                        "content": UNRELATED,
                    }
                ]
            )
            service.drain()
        third = service.store.get("camp-2").decision
        first = service.store.get("camp-0").decision
    finally:
        service.store.client.close()
    assert first is not None and third is not None
    assert third.scores["spam"] > 2 * first.scores["spam"]


def _spam_keys(client: redis.Redis, keys: Keys) -> dict[str, Any]:
    """The state's keys without their prefix: each one's values, and whether it expires."""
    found: dict[str, Any] = {}
    for key in client.scan_iter(match=f"{keys.prefix}:spam:*"):
        kind = client.type(key)
        if kind == "zset":
            value: Any = client.zrange(key, 0, -1, withscores=True)
        elif kind == "hash":
            value = client.hgetall(key)
        elif kind == "set":
            value = sorted(client.smembers(key))
        else:
            value = client.get(key)
        found[key[len(keys.prefix) :]] = (kind, value, client.ttl(key) > 0)
    return found


def test_what_a_batch_teaches_within_the_store_record_is_what_it_teaches_alone_for_the_comments_written(
    redis_client: redis.Redis,
) -> None:
    batch = [
        comment(f"{CAMPAIGN} {i % 2}" if i % 3 else f"{UNRELATED} {i}", f"r{i % 4}@example.org", ip=f"203.0.113.{i}")
        for i in range(12)
    ]
    pairs = [(c, worker_decision(Status.APPROVED if i % 2 else Status.FLAGGED)) for i, c in enumerate(batch)]
    alone_keys, record_keys = Keys("alone"), Keys("record")
    alone = SpamState(redis_client, alone_keys, StatePolicy(known_after_approved=2), "secret")
    alone.facts(batch, 1000.0)
    alone.decided(pairs[:-1], 1000.0)
    state = SpamState(redis_client, record_keys, StatePolicy(known_after_approved=2), "secret")
    store = CommentStore(redis_client, record_keys, author_secret="secret")
    store.add(batch[:-1])  # the last one is unknown to the store: not written, so not learnt
    state.facts(batch, 1000.0)
    part = state.learning(pairs, 1000.0)
    assert part is not None
    assert store.record(pairs, [part]) == [True] * 11 + [False]
    learnt = _spam_keys(redis_client, record_keys)
    assert learnt == _spam_keys(redis_client, alone_keys)
    assert len([k for k in learnt if k.startswith(":spam:band:")]) > 10
    assert len(redis_client.smembers(record_keys.spam_known_authors)) == 2


def test_a_batch_with_nothing_to_teach_adds_no_part_to_the_record(new_state: Callable[..., SpamState]) -> None:
    state = new_state()
    short = comment("Too short to sign.", "")
    state.facts([short], 1000.0)
    assert state.learning([(short, worker_decision())], 1000.0) is None
