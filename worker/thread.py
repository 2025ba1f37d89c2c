"""A post's approved comments in thread order, paginated with a cursor that survives new approvals.

Each comment has a *path*: the (submitted_at, id) of its root, then of each reply down to itself, taken
through its parents whatever their status (a reply to a comment not approved sits where its parent
would). Thread order is the order of the paths: a reply follows its parent and precedes the parent's next
sibling; siblings are in submission order. A path never changes (submission times and parents do not),
so a cursor, the path of the last comment served, points between the same two comments however many
are approved (or rejected) meanwhile: no comment is served twice, none is skipped.

The membership is the moderators' per-post index of approved comments (``post=<id>``, tab ``approved``),
kept by the store's status scripts; paths are computed once and kept in a per-post hash.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from worker.errors import InvalidComment
from worker.keys import Keys
from worker.models import JSON, Comment, public_view
from worker.replies import text
from worker.store import CommentStore

Path = tuple[tuple[float, str], ...]
MAX_DEPTH = 64
"""Deeper threads are cut there: the 65th ancestor up is taken as the root."""


@dataclass(frozen=True, slots=True)
class Node:
    """What the thread order needs of a comment: when it was submitted, its post and its parent."""

    submitted_at: float
    post_id: str
    parent_id: str | None


def path_of(comment_id: str, nodes: Mapping[str, Node]) -> tuple[Path, bool]:
    """Return the comment's path, and whether it is final (its chain ends at a comment with no parent)."""
    chain: list[tuple[float, str]] = []
    seen: set[str] = set()
    current: str | None = comment_id
    post_id = nodes[comment_id].post_id
    final = False
    while current is not None and current not in seen and len(chain) < MAX_DEPTH:
        node = nodes.get(current)
        if node is None or node.post_id != post_id:
            break  # a parent not stored (yet), or in another post: this comment starts a thread
        seen.add(current)
        chain.append((node.submitted_at, current))
        current = node.parent_id
        final = current is None or len(chain) == MAX_DEPTH
    return tuple(reversed(chain)), final


def encode_cursor(path: Path) -> str:
    """The opaque cursor of a path (base64url JSON)."""
    raw = json.dumps([[t, i] for t, i in path], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> Path:
    """The path a cursor holds; raise :class:`InvalidComment` naming ``cursor`` when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        items = json.loads(raw)
        path = tuple((float(t), str(i)) for t, i in items)
    except (binascii.Error, ValueError, TypeError, RecursionError):
        raise InvalidComment("cursor", "is not a cursor this service gave (pass next_cursor back as it is)") from None
    if not path or not all(isinstance(i, list) and len(i) == 2 and isinstance(i[1], str) for i in items):
        raise InvalidComment("cursor", "is not a cursor this service gave (pass next_cursor back as it is)")
    return path


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a thread: the public views (each with ``depth``) and the cursor of the next page, if any."""

    comments: list[dict[str, JSON]]
    next_cursor: str | None

    def to_dict(self, post_id: str) -> dict[str, JSON]:
        """The JSON answer."""
        return {"post_id": post_id, "comments": self.comments, "next_cursor": self.next_cursor}


class ApprovedThread:
    """Reads a post's approved comments in thread order from the store and its indexes."""

    def __init__(self, store: CommentStore) -> None:
        self.store = store
        self.client: Any = store.client
        self.keys: Keys = store.keys

    def page(self, post_id: str, cursor: str | None = None, limit: int = 50) -> Page:
        """Up to ``limit`` approved comments after ``cursor`` (from the start without one), in thread order."""
        after = decode_cursor(cursor) if cursor else None
        approved = [text(i) for i in self.client.zrange(self.keys.index(f"post={post_id}", "approved"), 0, -1)]
        paths = self._paths(post_id, approved)
        ordered = sorted((path, cid) for cid, path in paths.items() if after is None or path > after)
        chosen = ordered[: limit + 1]
        has_more = len(chosen) > limit
        chosen = chosen[:limit]
        views: list[dict[str, JSON]] = []
        for (path, _), stored in zip(chosen, self.store.get_many([c for _, c in chosen]), strict=True):
            if stored is None or stored.status.value != "approved":
                continue  # rejected since the index was read: leave it out, its place stays in the order
            view = public_view(stored.comment, stored.status, stored.decision)
            view["depth"] = len(path) - 1
            views.append(view)
        next_cursor = encode_cursor(chosen[-1][0]) if has_more and chosen else None
        return Page(views, next_cursor)

    def _paths(self, post_id: str, ids: Sequence[str]) -> dict[str, Path]:
        key = self.keys.thread_paths(post_id)
        cached = self.client.hmget(key, list(ids)) if ids else []
        paths: dict[str, Path] = {}
        missing: list[str] = []
        for cid, raw in zip(ids, cached, strict=True):
            if raw is None:
                missing.append(cid)
            else:
                paths[cid] = tuple((float(t), str(i)) for t, i in json.loads(raw))
        if missing:
            nodes = self._nodes(missing)
            final: dict[str, str] = {}
            for cid in missing:
                if cid not in nodes:
                    continue
                path, complete = path_of(cid, nodes)
                paths[cid] = path
                if complete:
                    final[cid] = json.dumps([[t, i] for t, i in path], separators=(",", ":"))
            if final:
                self.client.hset(key, mapping=final)
        return paths

    def _nodes(self, ids: Sequence[str]) -> dict[str, Node]:
        """The comments ``ids`` and all their ancestors, read level by level (one round trip per level)."""
        nodes: dict[str, Node] = {}
        wanted = list(dict.fromkeys(ids))
        tried: set[str] = set()  # a parent never stored is asked for once
        for _ in range(MAX_DEPTH):
            if not wanted:
                break
            tried.update(wanted)
            for cid, stored in zip(wanted, self.store.get_many(wanted), strict=True):
                if stored is not None:
                    nodes[cid] = _node(stored.comment)
            wanted = sorted({n.parent_id for n in nodes.values() if n.parent_id and n.parent_id not in tried})
        return nodes


def _node(comment: Comment) -> Node:
    return Node(comment.submitted_at, comment.post_id, comment.parent_id or None)
