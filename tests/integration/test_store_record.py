"""A worker's batch of decisions, recorded in one script call, leaves Redis as recording each comment alone."""

from __future__ import annotations

import json
from typing import Any

import pytest
import redis

from worker.keys import Keys
from worker.models import Action, Comment, Decision, Reason, Status
from worker.queue_index import Grouping
from worker.scripts import LuaPart
from worker.store import RECORD_CHUNK, CommentStore, Recorded

pytestmark = pytest.mark.integration

CAMPAIGN = "Buy cheap watches at our online shop today, best prices guaranteed for every reader of this blog"


def _comments(tag: str, count: int) -> list[Comment]:
    comments = []
    for i in range(count):
        text = f"{CAMPAIGN} number {i % 3}" if i % 4 == 1 else f"Thoughtful comment {i} about the article, thanks."
        email = f"reader{i % 5}@example.org" if i % 6 else ""
        comments.append(Comment(f"{tag}-{i}", f"post-{i % 3}", f"Reader {i}", email, text, submitted_at=1000.0 + i))
    return comments


def _decision(i: int) -> Decision:
    if i % 4 == 1:
        reason = Reason("spam", "spam_score", "Spam.", Action.FLAG, {"score": 0.9})
        return Decision(Status.FLAGGED, (reason,), {"spam": 0.9}, "v1", 2000.0 + i)
    if i % 7 == 3:
        reasons = (
            Reason("validation", "email_missing", "An email address is required.", Action.REJECT),
            Reason("profanity", "mild_profanity", "Mild.", Action.CENSOR, {"word": "x"}),
        )
        return Decision(Status.REJECTED, reasons, {}, "v1", 2000.0 + i, censor=((0, 3),))
    return Decision(Status.APPROVED, (), {"spam": 0.1}, "v1", 2000.0 + i)


def _dump(client: Any, prefix: str) -> dict[str, Any]:
    """Every key under the prefix, named without it, with its value (stream entries without their ids)."""
    found: dict[str, Any] = {}
    for key in client.scan_iter(match=f"{prefix}:*"):
        kind = client.type(key)
        if kind == "hash":
            value: Any = client.hgetall(key)
        elif kind == "zset":
            value = client.zrange(key, 0, -1, withscores=True)
        elif kind == "list":
            value = client.lrange(key, 0, -1)
        elif kind == "stream":
            value = [fields for _, fields in client.xrange(key)]
        else:
            value = (client.get(key), client.ttl(key) > 0)
        found[key[len(prefix) :]] = value
    return {name: _unprefixed(value, prefix) for name, value in found.items()}


def _unprefixed(value: Any, prefix: str) -> Any:
    return repr(value).replace(prefix + ":", "P:")


def _store(client: redis.Redis, prefix: str) -> CommentStore:
    return CommentStore(client, Keys(prefix), author_secret="secret", grouping=Grouping(min_words=5))


def test_a_batch_recorded_at_once_leaves_the_store_as_recording_each_comment_alone(redis_client: redis.Redis) -> None:
    batch, single = _store(redis_client, "batch"), _store(redis_client, "single")
    for store in (batch, single):
        comments = _comments("c", 40)
        store.add(comments)
        store.add(_comments("old", 3))  # a group founded before the batch: its founder joins the index then
        store.record([(c, _decision(1)) for c in _comments("old", 3)])
    pairs = [(c, _decision(i)) for i, c in enumerate(_comments("c", 40))]
    written = batch.record(pairs)
    replies = [ok for pair in pairs for ok in single.record([pair])]
    assert written == replies == [True] * 40
    assert _dump(redis_client, "batch") == _dump(redis_client, "single")
    assert any(key.startswith(":ix:campaign=") for key in _dump(redis_client, "batch"))


def test_a_comment_no_longer_queued_or_unknown_is_refused_and_the_others_are_written(
    redis_client: redis.Redis,
) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", 3)
    store.add(comments[:2])
    assert store.record([(comments[0], _decision(0))]) == [True]
    pairs = [(c, _decision(i)) for i, c in enumerate(comments)]
    assert store.record(pairs) == [False, True, False]
    assert store.counts() == {"queued": 0, "approved": 1, "rejected": 0, "flagged": 1}
    assert redis_client.zrange("p:ix:flagged", 0, -1) == ["c-1"]


def test_a_batch_longer_than_one_script_call_is_recorded_whole(redis_client: redis.Redis) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", RECORD_CHUNK + 7)
    store.add(comments)
    assert store.record([(c, _decision(0)) for c in comments]) == [True] * len(comments)
    assert store.counts()["approved"] == len(comments)
    assert redis_client.zcard("p:ix:approved") == len(comments)
    assert redis_client.zcard("p:queued") == 0


def test_a_comment_failing_half_way_raises_after_every_comment_written_before_it_is_indexed(
    redis_client: redis.Redis,
) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", 4)
    store.add(comments)
    redis_client.delete("p:history:c-2")
    redis_client.set("p:history:c-2", "not a list")  # its history cannot take the decision
    with pytest.raises(redis.ResponseError, match="WRONGTYPE"):
        store.record([(c, _decision(0)) for c in comments])
    assert redis_client.zrange("p:ix:approved", 0, -1) == ["c-0", "c-1", "c-2"]
    assert redis_client.zrange("p:queued", 0, -1) == ["c-3"]
    assert store.counts() == {"queued": 1, "approved": 3, "rejected": 0, "flagged": 0}
    assert store.get("c-3").status.value == "queued"


def test_each_field_of_a_recorded_comment_is_written_where_it_belongs(redis_client: redis.Redis) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", 6)
    store.add(comments)
    assert store.record([(comments[1], _decision(1)), (comments[5], _decision(5))]) == [True, True]
    fields = redis_client.hgetall("p:comment:c-5")
    assert fields["decision"] == (
        '{"status":"flagged","reasons":[{"check":"spam","code":"spam_score","message":"Spam.","action":"flag",'
        '"evidence":{"score":0.9}}],"scores":{"spam":0.9},"policy_version":"v1","decided_at":2005.0,'
        '"decided_by":"worker","censor":[]}'
    )
    assert (fields["status"], fields["updated_at"], fields["campaign"]) == ("flagged", "2005.0", "c-1")
    author = "7b9444505f8590613f3c30044cb24c71a83cc6dd6384d16bcfebdf34e1846e40"
    assert fields["facets"].split("\n") == [
        "p:ix",
        "p:ix:post=post-2",
        f"p:ix:author={author}",
        "p:ix:check=spam",
        "p:ix:reason=spam/spam_score",
        "p:ix:campaign=c-1",
    ]
    assert redis_client.lrange("p:history:c-5", -1, -1) == [
        '{"at":2005,"note":"","to":"flagged","by":"worker","action":"decide","from":"queued"}'
    ]
    assert [entry for _, entry in redis_client.xrange("p:events")][-1] == {
        "id": "c-5",
        "post_id": "post-2",
        "status": "flagged",
        "decided_by": "worker",
        "decided_at": "2005.0",
    }
    assert redis_client.zrange("p:ix:post=post-2:flagged", 0, -1, withscores=True) == [("c-5", 1005.0)]
    assert redis_client.zrange("p:ix:campaign=c-1:flagged", 0, -1, withscores=True) == [
        ("c-1", 1001.0),
        ("c-5", 1005.0),
    ]
    bands = list(redis_client.scan_iter(match="p:campaign-band:*"))
    assert len(bands) == 10
    assert set(redis_client.mget(bands)) == {"c-1"}


def test_a_note_holding_any_character_is_kept_whole_with_the_fields_after_it(redis_client: redis.Redis) -> None:
    store = _store(redis_client, "p")
    (comment,) = _comments("c", 1)
    store.add([comment])
    note = Reason("moderator", "noted", "Noted.", Action.FLAG, {"note": "before\x00after \x01 «vu»"})
    decision = Decision(Status.FLAGGED, (note,), {}, "v1", 2000.0)
    assert store.record([(comment, decision)]) == [True]
    entry = json.loads(redis_client.lrange("p:history:c-0", -1, -1)[0])
    assert (entry["note"], entry["to"], entry["by"]) == ("before\x00after \x01 «vu»", "flagged", "worker")
    assert json.loads(redis_client.hget("p:comment:c-0", "decision") or "") == decision.to_dict()
    assert redis_client.zrange("p:ix:check=moderator:flagged", 0, -1) == ["c-0"]


def test_a_record_tells_whether_ids_still_wait_to_be_taken(redis_client: redis.Redis) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", 3)
    store.add(comments)
    store.take_pending(2, 3000.0)
    assert store.record_batch([(c, _decision(0)) for c in comments[:2]]).waiting is True
    store.take_pending(1, 3001.0)
    assert store.record_batch([(comments[2], _decision(0))]).waiting is False
    redis_client.rpush("p:pending", "old-0")  # a waiting id of the list older versions kept
    assert store.record_batch([(comments[2], _decision(0))]) == Recorded([False], True)
    assert store.record_batch([]) == Recorded([], None), "no call, so nothing is known"


# Another module's work in the record call, for each comment written: here, its item appended to a list.
APPEND = LuaPart(
    "function(head) return function(item) if item ~= '' then redis.call('RPUSH', head[1], item) end end end",
    ["p:part-list"],
    [],
)


def test_a_part_of_the_record_runs_in_order_for_each_comment_written_and_for_no_other(
    redis_client: redis.Redis,
) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", 5)
    store.add(comments[:4])
    store.record([(comments[1], _decision(1))])
    pairs = [(c, _decision(i)) for i, c in enumerate(comments)]
    parts = [
        LuaPart(APPEND.lua, APPEND.head, [f"item {i}" if i != 2 else "" for i in range(5)]),
        LuaPart(APPEND.lua, ["p:other-list"], [f"other {i}" for i in range(5)]),
    ]
    assert store.record(pairs, parts) == [True, False, True, True, False]
    assert redis_client.lrange("p:part-list", 0, -1) == ["item 0", "item 3"]
    assert redis_client.lrange("p:other-list", 0, -1) == ["other 0", "other 2", "other 3"]


def test_a_part_runs_in_every_script_call_of_a_long_batch(redis_client: redis.Redis) -> None:
    store = _store(redis_client, "p")
    comments = _comments("c", RECORD_CHUNK + 3)
    store.add(comments)
    items = [f"item {i}" for i in range(len(comments))]
    assert all(store.record([(c, _decision(0)) for c in comments], [LuaPart(APPEND.lua, APPEND.head, items)]))
    assert redis_client.lrange("p:part-list", 0, -1) == items
