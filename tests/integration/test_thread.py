"""A post's approved comments in thread order, paginated by cursor while more are approved, on a real Redis."""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterator

import pytest
import redis

from worker.client import ModerationClient
from worker.errors import InvalidComment
from worker.settings import load_settings

pytestmark = pytest.mark.integration


@pytest.fixture
def client(redis_client: redis.Redis, redis_url: str) -> Iterator[ModerationClient]:
    name = f"th{uuid.uuid4().hex[:8]}"
    settings = load_settings({"REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": name, "MODERATION_QUEUE": name})
    with ModerationClient(settings) as moderation:
        yield moderation


VOCABULARY = (
    "merci article clair analyse point vue chiffres auteur exemple question réponse lecture passage idée "
    "débat texte source lien étude carte ville région école musique film livre histoire travail projet "
    "semaine matin soir hiver été printemps jardin cuisine recette voyage train vélo montagne mer forêt "
    "rivière village marché famille enfant voisin ami collègue bibliothèque théâtre concert photo"
)


def words(i: int) -> str:
    rng = random.Random(i)
    words = VOCABULARY.split()
    return " ".join(rng.choice(words) for _ in range(14))


def comment(i: int, post: str, parent: str | None, tag: str = "t") -> dict[str, object]:
    return {
        "id": f"{tag}-{i}",
        "post_id": post,
        "parent_id": parent,
        "author_name": f"Lectrice {tag}{i}",
        "author_email": f"reader.{tag}{i}@example.org",
        "content": f"{words(i)} <b>Oui</b>",
    }


def decide_all(client: ModerationClient) -> None:
    """Decide every waiting comment as a worker does; a moderator approves the few held."""
    while client.service.drain().taken:
        pass
    for held in client.flagged(1000):
        client.review(held, "approve", moderator="camille")


def expected_order(views: list[dict[str, object]]) -> list[str]:
    """Depth-first: roots, then each comment's replies, siblings by (submitted_at, id)."""
    ids = {str(v["id"]) for v in views}
    children: dict[str | None, list[dict[str, object]]] = {}
    for view in views:
        parent = view["parent_id"] if view["parent_id"] in ids else None
        children.setdefault(parent, []).append(view)  # type: ignore[arg-type]
    order: list[str] = []

    def walk(parent: str | None) -> None:
        for child in sorted(children.get(parent, []), key=lambda v: (v["submitted_at"], v["id"])):
            order.append(str(child["id"]))
            walk(str(child["id"]))

    walk(None)
    return order


def test_a_thousand_approved_comments_come_in_thread_order_without_gaps_or_repeats_while_more_are_approved(
    client: ModerationClient,
) -> None:
    rng = random.Random(11)
    ids: list[str] = []
    for start in range(0, 1000, 100):
        batch = []
        for i in range(start, start + 100):
            parent = None if i < 10 or i % 4 == 0 else ids[rng.randrange(len(ids))] if ids else None
            batch.append(comment(i, "p1", parent))
            ids.append(f"t-{i}")
        client.submit_many(batch)
        client.submit_many([comment(i, "other", None, "o") for i in range(start, start + 5)])
        decide_all(client)
    assert client.counts()["approved"] == 1050
    original = [client.public_view(i) for i in ids]
    assert all(v["status"] == "approved" for v in original)

    served: list[dict[str, object]] = []
    cursor = None
    page_number = 0
    while True:
        page = client.thread("p1", cursor=cursor, limit=37)
        served.extend(page["comments"])  # type: ignore[arg-type]
        # Meanwhile readers post: new threads, and replies to comments already served and not yet served.
        page_number += 1
        new = [comment(10_000 + page_number * 10 + k, "p1", rng.choice([*ids, None])) for k in range(3)]
        client.submit_many(new)
        decide_all(client)
        cursor = page["next_cursor"]  # type: ignore[assignment]
        if cursor is None:
            break

    served_ids = [str(v["id"]) for v in served]
    assert len(served_ids) == len(set(served_ids)), "a comment was served twice"
    assert set(ids) <= set(served_ids), f"{len(set(ids) - set(served_ids))} comments were skipped"
    assert [i for i in served_ids if i in set(ids)] == expected_order(original)
    assert all(v["status"] == "approved" for v in served)
    assert all(v["post_id"] == "p1" for v in served)
    raw = json.dumps(served)
    assert "@example.org" not in raw
    first = served[0]
    assert set(first) >= {"id", "parent_id", "content_html", "depth", "author_name"}
    assert "<b>Oui</b>" in str(first["content_html"])


def test_a_reply_is_listed_under_its_parent_and_depth_counts_its_ancestors(client: ModerationClient) -> None:
    client.submit_many([comment(1, "p2", None)])
    client.submit_many([comment(2, "p2", None)])
    client.submit_many([comment(3, "p2", "t-1"), comment(4, "p2", "t-3"), comment(5, "p2", "absent")])
    decide_all(client)
    page = client.thread("p2", limit=10)
    got = [(c["id"], c["depth"]) for c in page["comments"]]  # type: ignore[union-attr]
    # t-5 replies to a comment never submitted: it starts a thread of its own, after the earlier ones.
    assert got == [("t-1", 0), ("t-3", 1), ("t-4", 2), ("t-2", 0), ("t-5", 0)]
    assert page["next_cursor"] is None


def test_rejected_and_waiting_comments_are_never_listed(client: ModerationClient) -> None:
    client.submit_many([comment(1, "p3", None), comment(2, "p3", "t-1")])
    decide_all(client)
    client.submit_many([comment(3, "p3", None)])  # still queued
    client.review("t-1", "reject", moderator="alice")
    assert [c["id"] for c in client.thread("p3")["comments"]] == ["t-2"]  # type: ignore[union-attr]


def test_a_cursor_that_this_service_did_not_give_is_refused_naming_it(client: ModerationClient) -> None:
    for bad in ("nope", "e30", "W10", "W1sxLCJhIl0sWyJ4Il1d"):
        with pytest.raises(InvalidComment) as error:
            client.thread("p1", cursor=bad)
        assert error.value.field == "cursor"
    with pytest.raises(InvalidComment) as error:
        client.thread("p1", limit=0)
    assert error.value.field == "limit"
