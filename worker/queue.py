"""The moderators' queue, read side: tabs, counts, filters, search, pages and the cards they show.

Reads use the sorted-set indexes that the store's status scripts keep (:mod:`worker.queue_index`): a tab
with at most one filter is one ``ZRANGE`` and one ``ZCARD``, several filters one ``ZINTERSTORE`` per tab;
the cards of a page are then read in one pipelined round trip, and their authors' histories and
near-duplicate groups in one more. Text search reads the comments of the filtered tab and matches their
text and author name, case and accents ignored: its cost grows with the tab, so narrow it with filters.
Cards never hold the author's email nor IP.
"""

from __future__ import annotations

import json
import math
import re
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from worker.errors import InvalidRequest
from worker.evidence import highlights
from worker.models import JSON, Comment, Decision, Status, mask
from worker.publish import web_link
from worker.queue_index import INDEX_VERSION, migrate
from worker.replies import text
from worker.scripts import LuaScript
from worker.spam.score import Thresholds
from worker.store import CommentStore, redis_errors
from worker.text import fold

TABS = ("flagged", "approved", "rejected", "all")
"""The queue's tabs: a status, or every comment (queued ones included)."""

ORDERS = ("oldest", "newest")
MAX_PER_PAGE = 200
AUTHOR_RECENT = 5
SEARCH_CHUNK = 500
# KEYS: comments.  ARGV: field.  Returns the field of each hash (nil where absent): one reply for a whole chunk,
# which redis-py reads far faster than as many replies of a pipeline.
_FIELD = LuaScript("""
local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('HGET', key, ARGV[1]) end
return out
""")

_IDENTIFIER = re.compile(r"[\x21-\x7e]{1,128}")
"""An id of the comment contract: 1 to 128 printable ASCII characters without spaces."""


def _identifier(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _IDENTIFIER.fullmatch(value):
        raise InvalidRequest(name, "must be 1 to 128 printable ASCII characters, without spaces")
    return value


@dataclass(frozen=True, slots=True)
class QueueQuery:
    """What a moderator asks the queue for; :meth:`checked` validates it (errors name the field)."""

    tab: str = "flagged"
    post: str | None = None
    check: str | None = None
    reason: str | None = None
    """``check/code`` of a worker's reason, e.g. ``spam/too_many_links``."""
    campaign: str | None = None
    """A near-duplicate group (a card's ``campaign``)."""
    author: str | None = None
    """An author's keyed hash (a card's ``author.key``)."""
    search: str = ""
    order: str = "oldest"
    page: int = 1
    per_page: int = 20
    cursor: str | None = None
    """Instead of ``page``: the ``next_cursor`` of the previous page, which stays right as comments leave the tab.

    A search pages by number only (its pages have no ``next_cursor``)."""

    def checked(self) -> QueueQuery:
        """Return the query if every field is acceptable, else raise :class:`InvalidRequest` naming the field."""
        if self.tab not in TABS:
            raise InvalidRequest("tab", f"must be one of {', '.join(TABS)}")
        if self.order not in ORDERS:
            raise InvalidRequest("order", f"must be one of {', '.join(ORDERS)}")
        if isinstance(self.page, bool) or not isinstance(self.page, int) or self.page < 1:
            raise InvalidRequest("page", "must be a whole number from 1")
        if isinstance(self.per_page, bool) or not isinstance(self.per_page, int):
            raise InvalidRequest("per_page", f"must be a whole number from 1 to {MAX_PER_PAGE}")
        if not 1 <= self.per_page <= MAX_PER_PAGE:
            raise InvalidRequest("per_page", f"must be a whole number from 1 to {MAX_PER_PAGE}")
        _identifier("post", self.post)
        _identifier("check", self.check)
        _identifier("campaign", self.campaign)
        if self.reason is not None and self.reason != "":
            check, slash, code = self.reason.partition("/")
            if not (slash and _identifier("reason", check) and _identifier("reason", code)) or "/" in code:
                raise InvalidRequest("reason", "must be check/code, e.g. spam/too_many_links")
        if self.author is not None and self.author != "" and not _is_hex(self.author, 64):
            raise InvalidRequest("author", "must be an author key (64 hexadecimal digits)")
        if not isinstance(self.search, str) or len(self.search) > 200:
            raise InvalidRequest("search", "must be text of at most 200 characters")
        if self.cursor is not None and self.cursor != "":
            _decode_cursor(self.cursor)
        return self

    @classmethod
    def from_params(cls, params: Mapping[str, str]) -> QueueQuery:
        """Build a query from text parameters (a URL's query, a form); unknown names are refused."""
        known = {f for f in cls.__dataclass_fields__}
        unknown = sorted(set(params) - known)
        if unknown:
            raise InvalidRequest(unknown[0], f"unknown parameter (known: {', '.join(sorted(known))})")
        values: dict[str, Any] = {}
        for name, raw in params.items():
            if name in ("page", "per_page"):
                try:
                    values[name] = int(raw)
                except (TypeError, ValueError):
                    raise InvalidRequest(name, "must be a whole number") from None
            else:
                values[name] = raw if raw != "" or name == "search" else None
        return cls(**values).checked()

    def facets(self) -> list[str]:
        """Return the index facets that the filters name (empty: the whole tab)."""
        names = []
        if self.post:
            names.append(f"post={self.post}")
        if self.check:
            names.append(f"check={self.check}")
        if self.reason:
            names.append(f"reason={self.reason}")
        if self.campaign:
            names.append(f"campaign={self.campaign}")
        if self.author:
            names.append(f"author={self.author}")
        return names


def _is_hex(value: str, length: int) -> bool:
    return isinstance(value, str) and len(value) == length and all(c in "0123456789abcdef" for c in value)


def _encode_cursor(score: float, member: str) -> str:
    return f"{score!r}~{member}"


def _decode_cursor(cursor: str) -> tuple[float, str]:
    raw, tilde, member = cursor.partition("~")
    try:
        score = float(raw)
    except ValueError:
        score = math.nan
    if not tilde or not member or math.isnan(score):
        raise InvalidRequest("cursor", "is not a cursor this queue gave")
    return score, member


@dataclass(frozen=True, slots=True)
class AuthorHistory:
    """An author's comments on this site, found by the keyed hash of the email (never the email)."""

    key: str
    approved: int
    rejected: int
    flagged: int
    recent: list[dict[str, JSON]]

    def to_dict(self) -> dict[str, JSON]:
        """Return the history as a JSON-ready mapping."""
        return {
            "key": self.key,
            "approved": self.approved,
            "rejected": self.rejected,
            "flagged": self.flagged,
            "recent": self.recent,
        }


@dataclass(frozen=True, slots=True)
class Card:
    """What the queue shows of one comment: never the email nor the IP."""

    id: str
    post_id: str
    parent_id: str | None
    author_name: str
    author_url: str | None
    submitted_at: float
    content: str
    """The text as written (moderators judge what was written); ``public_content`` is what would be published."""
    public_content: str
    status: str
    decided_by: str | None
    decided_at: float | None
    reasons: list[dict[str, JSON]]
    highlights: list[dict[str, JSON]]
    spam_score: float | None
    spam_threshold: float
    campaign: str | None
    similar: int
    """How many other comments share the near-duplicate group (``campaign``): the "N similar" of the card."""
    author: AuthorHistory | None = None
    worker_reasons: list[dict[str, JSON]] = field(default_factory=list)
    """Once a moderator decided: the worker's reasons that the verdict replaced (its evidence stays highlighted)."""

    def to_dict(self) -> dict[str, JSON]:
        """Return the card as a JSON-ready mapping."""
        return {
            "id": self.id,
            "post_id": self.post_id,
            "parent_id": self.parent_id,
            "author_name": self.author_name,
            "author_url": self.author_url,
            "submitted_at": self.submitted_at,
            "content": self.content,
            "public_content": self.public_content,
            "status": self.status,
            "decided_by": self.decided_by,
            "decided_at": self.decided_at,
            "reasons": self.reasons,
            "highlights": self.highlights,
            "spam_score": self.spam_score,
            "spam_threshold": self.spam_threshold,
            "campaign": self.campaign,
            "similar": self.similar,
            "author": self.author.to_dict() if self.author is not None else None,
            "worker_reasons": self.worker_reasons,
        }


@dataclass(frozen=True, slots=True)
class QueuePage:
    """One page of a tab: its cards, how many match, every tab's count under the same filters, where next."""

    query: QueueQuery
    items: list[Card]
    total: int
    counts: dict[str, int]
    pages: int
    next_cursor: str | None
    searched: bool = field(default=False)

    def to_dict(self) -> dict[str, JSON]:
        """Return the page as a JSON-ready mapping."""
        return {
            "tab": self.query.tab,
            "order": self.query.order,
            "page": self.query.page,
            "per_page": self.query.per_page,
            "pages": self.pages,
            "total": self.total,
            "counts": self.counts,
            "next_cursor": self.next_cursor,
            "items": [card.to_dict() for card in self.items],
        }


class ModerationQueue:
    """Reads the queue: pages of cards, counts, the ids matching a query, a card, a comment's history."""

    def __init__(self, store: CommentStore, *, spam_flag_at: float = Thresholds().flag_at) -> None:
        self.store = store
        self.client: Any = store.client
        self.keys = store.keys
        self.spam_flag_at = spam_flag_at
        self._indexed = False

    # Indexes --------------------------------------------------------------------------------------------

    @redis_errors()
    def ensure_indexes(self) -> int:
        """Index the comments stored before the queue indexes existed (once); return how many were indexed."""
        if text(self.client.get(self.keys.index_version) or b"") == INDEX_VERSION:
            self._indexed = True
            return 0
        done = migrate(self.client, self.keys, self.store.authors)
        self._indexed = True
        return done

    def _keys_for(self, query: QueueQuery, tab: str) -> list[str]:
        if not self._indexed:  # the first read of this process after an upgrade indexes the older comments
            self.ensure_indexes()
        names = query.facets() or [""]
        return [self.keys.index(name, tab) for name in names]

    @contextmanager
    def _source(self, query: QueueQuery, tab: str) -> Iterator[str]:
        """Yield the key to read for a tab: an index, or a scratch intersection deleted afterwards."""
        keys = self._keys_for(query, tab)
        if len(keys) == 1:
            yield keys[0]
            return
        scratch = self.keys.scratch(secrets.token_hex(8))
        pipe = self.client.pipeline(transaction=True)
        pipe.zinterstore(scratch, keys, aggregate="MIN")
        pipe.expire(scratch, 30)
        pipe.execute()
        try:
            yield scratch
        finally:
            self.client.delete(scratch)

    @redis_errors()
    def counts(self, query: QueueQuery | None = None) -> dict[str, int]:
        """Return the number of comments in every tab under the query's filters (search aside)."""
        query = (query or QueueQuery()).checked()
        if len(query.facets()) <= 1:
            pipe = self.client.pipeline(transaction=False)
            for tab in TABS:
                pipe.zcard(self._keys_for(query, tab)[0])
            return dict(zip(TABS, (int(n) for n in pipe.execute()), strict=True))
        scratch = self.keys.scratch(secrets.token_hex(8))
        pipe = self.client.pipeline(transaction=True)
        for tab in TABS:
            pipe.zinterstore(scratch, self._keys_for(query, tab), aggregate="MIN")
        pipe.delete(scratch)
        replies = pipe.execute()
        return dict(zip(TABS, (int(n) for n in replies[: len(TABS)]), strict=True))

    @redis_errors()
    def count_after(self, query: QueueQuery, after: float) -> int:
        """Return how many comments of the query's tab (filters applied, search aside) were submitted after ``after``.

        For the page's "3 new": pass the newest ``submitted_at`` the moderator has seen (or when the page loaded).
        """
        query = query.checked()
        with self._source(query, query.tab) as key:
            return int(self.client.zcount(key, f"({after!r}", "+inf"))

    # Reading ---------------------------------------------------------------------------------------------

    def _ordered(self, key: str, query: QueueQuery, start: int, stop: int) -> list[tuple[str, float]]:
        if query.order == "newest":
            raw = self.client.zrevrange(key, start, stop, withscores=True)
        else:
            raw = self.client.zrange(key, start, stop, withscores=True)
        return [(text(m), float(s)) for m, s in raw]

    def _after_cursor(self, key: str, query: QueueQuery, count: int) -> list[tuple[str, float]]:
        score, member = _decode_cursor(query.cursor or "")
        found: list[tuple[str, float]] = []
        offset = 0
        while len(found) < count:
            batch = count + 50
            if query.order == "newest":
                raw = self.client.zrevrangebyscore(key, score, "-inf", start=offset, num=batch, withscores=True)
            else:
                raw = self.client.zrangebyscore(key, score, "+inf", start=offset, num=batch, withscores=True)
            if not raw:
                break
            for raw_member, raw_score in raw:
                m, s = text(raw_member), float(raw_score)
                past = m > member if query.order == "oldest" else m < member
                if s != score or past:
                    found.append((m, s))
            offset += len(raw)
        return found[:count]

    @redis_errors()
    def page(self, query: QueueQuery | None = None) -> QueuePage:
        """Return one page of cards of the query's tab, with the total and every tab's count."""
        query = (query or QueueQuery()).checked()
        counts = self.counts(query)
        if query.search.strip():
            ids = self._search(query)
            start = (query.page - 1) * query.per_page
            cards = self.cards(ids[start : start + query.per_page])
            return QueuePage(query, cards, len(ids), counts, max(1, math.ceil(len(ids) / query.per_page)), None, True)
        total = counts[query.tab]
        with self._source(query, query.tab) as key:
            if query.cursor:
                chosen = self._after_cursor(key, query, query.per_page + 1)
            else:
                start = (query.page - 1) * query.per_page
                chosen = self._ordered(key, query, start, start + query.per_page)
        more = len(chosen) > query.per_page
        chosen = chosen[: query.per_page]
        cursor = _encode_cursor(chosen[-1][1], chosen[-1][0]) if more else None
        cards = self.cards([i for i, _ in chosen])
        return QueuePage(query, cards, total, counts, max(1, math.ceil(total / query.per_page)), cursor)

    @redis_errors()
    def matching_ids(self, query: QueueQuery | None = None) -> list[str]:
        """Return every id matching the query (tab, filters, search), in its order: "all N matching"."""
        query = (query or QueueQuery()).checked()
        if query.search.strip():
            return self._search(query)
        with self._source(query, query.tab) as key:
            return [i for i, _ in self._ordered(key, query, 0, -1)]

    def _search(self, query: QueueQuery) -> list[str]:
        needle = " ".join(fold(query.search).split())
        matched: list[str] = []
        with self._source(query, query.tab) as key:
            reply = self.client.zrevrange(key, 0, -1) if query.order == "newest" else self.client.zrange(key, 0, -1)
            everything = [text(i) for i in reply]
            for i in range(0, len(everything), SEARCH_CHUNK):
                chunk = everything[i : i + SEARCH_CHUNK]
                records = _FIELD.run(self.client, [self.keys.comment(comment_id) for comment_id in chunk], ["comment"])
                for comment_id, raw in zip(chunk, records, strict=True):
                    if raw is None:
                        continue
                    data = json.loads(raw)
                    haystack = " ".join(fold(f"{data.get('author_name', '')} {data.get('content', '')}").split())
                    if needle in haystack:
                        matched.append(comment_id)
        return matched

    @redis_errors()
    def card(self, comment_id: str) -> Card:
        """Return one comment's card, or raise :class:`worker.errors.CommentNotFound`."""
        self.store.get(comment_id)
        return self.cards([comment_id])[0]

    @redis_errors()
    def cards(self, ids: Sequence[str]) -> list[Card]:
        """Return the cards of ``ids`` (unknown ids left out), with authors' histories: two round trips."""
        pipe = self.client.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.keys.comment(comment_id), "comment", "status", "decision", "campaign", "prev_decision")
        rows = []
        replaced: dict[str, Decision] = {}
        for comment_id, (raw, status, decision, campaign, previous) in zip(ids, pipe.execute(), strict=True):
            if raw is None:
                continue
            comment = Comment.from_private_dict(json.loads(raw))
            decided = Decision.from_dict(json.loads(decision)) if decision else None
            if previous:
                replaced[comment_id] = Decision.from_dict(json.loads(previous))
            rows.append((comment_id, comment, text(status), decided, text(campaign) if campaign else None))
        authors = {comment_id: self.store.authors.of(comment) for comment_id, comment, *_ in rows}
        pipe = self.client.pipeline(transaction=False)
        for comment_id, _, _, _, campaign in rows:
            if campaign:
                pipe.zcard(self.keys.index(f"campaign={campaign}", "all"))
            author = authors[comment_id]
            if author:
                for tab in ("approved", "rejected", "flagged"):
                    pipe.zcard(self.keys.index(f"author={author}", tab))
                pipe.zrevrange(self.keys.index(f"author={author}", "all"), 0, AUTHOR_RECENT)
        replies = iter(pipe.execute())
        found = []
        for comment_id, _, _, _, campaign in rows:
            size = int(next(replies)) if campaign else 1
            counts = [int(next(replies)) for _ in range(3)] if authors[comment_id] else []
            latest = [text(i) for i in next(replies) if text(i) != comment_id] if authors[comment_id] else []
            found.append((size, counts, latest))
        recent = self._recent(sorted({i for _, _, latest in found for i in latest}))
        cards = []
        for (comment_id, comment, status, decided, campaign), (size, counts, latest) in zip(rows, found, strict=True):
            author = authors[comment_id]
            history = None
            if author:
                others = [recent[i] for i in latest if i in recent][:AUTHOR_RECENT]
                history = AuthorHistory(author, counts[0], counts[1], counts[2], others)
            cards.append(
                self._card(
                    comment,
                    status=status,
                    decision=decided,
                    replaced=replaced.get(comment_id),
                    campaign=campaign,
                    similar=max(size - 1, 0),
                    author=history,
                )
            )
        return cards

    def _recent(self, ids: Sequence[str]) -> dict[str, dict[str, JSON]]:
        pipe = self.client.pipeline(transaction=False)
        for comment_id in ids:
            pipe.hmget(self.keys.comment(comment_id), "comment", "status")
        found: dict[str, dict[str, JSON]] = {}
        for comment_id, (raw, status) in zip(ids, pipe.execute(), strict=True):
            if raw is not None:
                data = json.loads(raw)
                found[comment_id] = {
                    "id": comment_id,
                    "post_id": data.get("post_id"),
                    "status": text(status),
                    "submitted_at": data.get("submitted_at"),
                }
        return found

    def _card(
        self,
        comment: Comment,
        *,
        status: str,
        decision: Decision | None,
        replaced: Decision | None,
        campaign: str | None,
        similar: int,
        author: AuthorHistory | None,
    ) -> Card:
        reasons = list(decision.reasons) if decision is not None else []
        worker = replaced if replaced is not None and not replaced.by_moderator else None
        earlier = list(worker.reasons) if worker is not None and decision is not None and decision.by_moderator else []
        scored = decision if decision is not None and "spam" in decision.scores else worker
        score = scored.scores.get("spam") if scored is not None else None
        threshold = self.spam_flag_at
        for reason in reasons + earlier:
            if reason.code == "spam_score" and isinstance(reason.evidence.get("threshold"), int | float):
                threshold = float(reason.evidence["threshold"])
        return Card(
            id=comment.id,
            post_id=comment.post_id,
            parent_id=comment.parent_id,
            author_name=comment.author_name,
            author_url=web_link(comment.author_url),
            submitted_at=comment.submitted_at,
            content=comment.content,
            public_content=mask(comment.content, decision.censor if decision is not None else ()),
            status=Status(status).value,
            decided_by=decision.decided_by if decision is not None else None,
            decided_at=decision.decided_at if decision is not None else None,
            reasons=[r.to_dict() for r in reasons],
            highlights=[h.to_dict() for h in highlights(comment.content, reasons + earlier)],
            spam_score=float(score) if score is not None else None,
            spam_threshold=threshold,
            campaign=campaign if similar else None,
            similar=similar,
            author=author,
            worker_reasons=[r.to_dict() for r in earlier],
        )

    @redis_errors()
    def history(self, comment_id: str) -> list[dict[str, JSON]]:
        """Return every change of the comment's status, oldest first: ``at, by, from, to, note, action``."""
        return self.store.history(comment_id)

    def with_query(self, query: QueueQuery, **changes: Any) -> QueueQuery:
        """Return a copy of ``query`` with ``changes``, checked."""
        return replace(query, **changes).checked()
