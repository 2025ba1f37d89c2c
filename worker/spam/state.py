"""The spam check's shared state in Redis: known authors, flood counts, campaigns, rejected copies, the model.

``facts`` answers for a whole batch in one round trip; what the batch decided is learnt in the store's
record call (``learning``: a part of that script, no round trip of its own), or alone by ``decided``;
``reviewed`` learns from one moderator decision in one round trip (see :mod:`worker.sources`). ``facts``
and what is learnt make one Lua script call per batch (:mod:`worker.spam.state_scripts`), sent by SHA.

Authors and addresses are only ever keyed hashes (:func:`worker.spam.identity.author_key` of the email,
the same HMAC of the IP, IPv6 by its /64): no email or IP is written to a key, a member or a fact.

- Flood: a sorted set per IP and per author of comment ids scored by submission time; the fact is the
  larger number of *other* comments submitted within ``flood_window_s`` before this one. Scoring by
  submission time (not by when a worker got to it) keeps a backlog from looking like a flood, and
  adding by id keeps a redelivered comment from counting itself twice.
- Campaigns: every decided text's signature (:mod:`worker.spam.signature`) goes into one sorted set per
  band value, member ``<author hash>|<signature digest>``, scored by submission time and trimmed to
  ``campaign_window_s``. The fact counts the distinct *other* authors (or IPs, when there is no email)
  with a text sharing enough bands, earlier comments of the same batch included.
- Rejected copies: a moderator's "spam" adds the text's signature to other band sets, kept
  ``rejected_window_s``; a later text sharing enough bands with one of them is a rejected copy. As that
  rejects outright, it takes a closer likeness (``rejected_similarity``) than a campaign's score signal.
- Known authors: a moderator's "approve" makes the author known at once; the workers' approvals are
  counted per author, and ``known_after_approved`` of them make the author known. A moderator's "spam"
  makes the author unknown again and resets the count.
- Learning: a moderator's "spam" teaches the shared model spam, "approve" teaches it ham; "reject" (not
  as spam) teaches nothing. If a decision replaces an earlier *moderator* decision with another label,
  the old label is unlearnt first (``times=-1``). The store makes moderator decisions final today, so
  that path only matters if it ever allows a reversal.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import redis

from worker.keys import Keys
from worker.models import DECIDED_BY_WORKER, Comment, Decision, Status
from worker.policy import Policy
from worker.replies import text
from worker.scripts import LuaPart, pack
from worker.settings import Settings
from worker.spam import facts as fact
from worker.spam import state_scripts
from worker.spam.classifier import Label
from worker.spam.corpus import LabelledComment
from worker.spam.identity import author_key
from worker.spam.secret import stored_secret
from worker.spam.shared_model import SharedModel
from worker.spam.signature import BAND_CHARS, BANDS, Signature, min_bands, signature
from worker.spam.state_policy import StatePolicy

BAND_READ_LIMIT = 64
"""Newest members read per band key: enough to count a campaign, bounded whatever its size."""

_TAG_CHARS = 20


@dataclass(frozen=True, slots=True)
class Seen:
    """What the state knows of one comment: keyed hashes of its author and IP, its text's signature."""

    comment_id: str
    at: float
    author: str | None
    ip: str | None
    signature: Signature | None

    @property
    def identity(self) -> str:
        """Who posted it, for campaigns: the author hash, else the IP hash, else the comment itself."""
        if self.author:
            return self.author[:_TAG_CHARS]
        return f"ip{self.ip[:_TAG_CHARS]}" if self.ip else f"id{self.comment_id}"

    @property
    def member(self) -> str:
        """The campaign band member: identity and signature digest."""
        return f"{self.identity}|{self.signature.digest if self.signature else ''}"


def moderator_label(decision: Decision | None) -> Label | None:
    """Return what a moderator's decision teaches: spam, ham (approved), or nothing."""
    if decision is None or decision.decided_by == DECIDED_BY_WORKER:
        return None
    if any(r.check == "moderator" and r.code == "spam" for r in decision.reasons):
        return Label.SPAM
    return Label.HAM if decision.status is Status.APPROVED else None


def _ip_text(ip: str) -> str:
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip.strip().casefold()
    if address.version == 6:  # one host usually holds a whole /64
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def _ttl_s(window_s: float) -> int:
    return math.ceil(window_s) + 1


class SpamState:
    """The spam check's fact source: one pipelined round trip per batch for facts, one for what was decided."""

    def __init__(self, client: redis.Redis, keys: Keys, policy: StatePolicy, secret: str = "") -> None:
        self.client: Any = client
        self.keys = keys
        self.policy = policy
        self.model = SharedModel(client, keys)
        self.min_bands = min_bands(policy.duplicate_similarity)
        self.min_rejected_bands = min_bands(policy.rejected_similarity)
        self._secret = secret.encode("utf-8") if secret else b""
        self._seen: dict[str, Seen] = {}
        self._band_bases = [keys.spam_band(band, "") for band in range(BANDS)]
        self._rejected_band_bases = [keys.spam_rejected_band(band, "") for band in range(BANDS)]

    @classmethod
    def build(cls, policy: Policy, client: redis.Redis, keys: Keys, settings: Settings) -> SpamState:
        """Build the state from the policy's ``[spam]`` section and the settings' secret."""
        return cls(client, keys, StatePolicy.from_section(policy.section("spam")), settings.author_key_secret)

    def secret(self) -> bytes:
        """Return the secret of the keyed hashes: the settings', else one generated once and kept in Redis."""
        if not self._secret:
            self._secret = stored_secret(self.client, self.keys)
        return self._secret

    def seen(self, comment: Comment, now: float) -> Seen:
        """Return the keyed hashes and signature of ``comment`` (computed once per batch)."""
        found = self._seen.get(comment.id)
        if found is None:
            secret = self.secret()
            email = comment.author_email.strip()
            ip = (comment.ip or "").strip()
            found = Seen(
                comment_id=comment.id,
                at=comment.submitted_at or now,
                author=author_key(email, secret) if email else None,
                ip=hmac.new(secret, f"ip:{_ip_text(ip)}".encode(), hashlib.sha256).hexdigest() if ip else None,
                signature=signature(comment.content, self.policy.duplicate_min_words),
            )
            self._seen[comment.id] = found
        return found

    def _flood_keys(self, seen: Seen) -> list[str]:
        keys = []
        if seen.ip:
            keys.append(self.keys.spam_flood("ip", seen.ip[:32]))
        if seen.author:
            keys.append(self.keys.spam_flood("author", seen.author[:32]))
        return keys

    def facts(self, comments: Sequence[Comment], now: float) -> list[dict[str, Any]]:
        """Return the spam facts of each comment: one script call, one round trip for the whole batch."""
        if not comments:
            return []
        self._seen.clear()
        batch = [self.seen(c, now) for c in comments]
        model_reply, answers, found = state_scripts.FACTS.run(self.client, self._fact_keys, self._fact_args(batch, now))
        model = self.model.take(model_reply) if self.policy.learned else None
        copies: list[set[str]] = [set() for _ in batch]
        for i in range(0, len(found), 2):
            copies[int(found[i])].add(text(found[i + 1]))
        values = text(answers).split()
        result = []
        # Copies in this same batch are not in Redis yet: earlier comments of the batch, by band and value.
        earlier: list[dict[str, list[int]]] = [{} for _ in range(BANDS)]
        for i, (s, others) in enumerate(zip(batch, copies, strict=True)):
            if s.signature is not None:
                shared: list[int] = []
                for by_value, value in zip(earlier, s.signature.bands, strict=True):
                    found_before = by_value.get(value)
                    if found_before is None:
                        by_value[value] = [i]
                    else:
                        shared += found_before
                        found_before.append(i)
                if len(shared) >= self.min_bands:
                    others.update(batch[j].identity for j, n in Counter(shared).items() if n >= self.min_bands)
            others.discard(s.identity)
            known, flood, rejected = values[3 * i : 3 * i + 3]
            facts: dict[str, Any] = {
                fact.KNOWN_AUTHOR: known != "0",
                fact.FLOOD_COUNT: max(int(flood), 0),
                fact.DUPLICATES: len(others),
                fact.REJECTED_COPY: rejected != "0",
            }
            if model is not None:
                facts[fact.MODEL] = model
            result.append(facts)
        return result

    @property
    def _fact_keys(self) -> list[str]:
        return [self.keys.spam_model_version, self.keys.spam_model, self.keys.spam_known_authors]

    def _fact_args(self, batch: Sequence[Seen], now: float) -> list[str | int | bytes]:
        """Return the arguments of the batch's :data:`~worker.spam.state_scripts.FACTS` call (see the script)."""
        window, campaign_window = self.policy.flood_window_s, self.policy.campaign_window_s
        args: list[str | int | bytes] = [
            "1" if self.policy.learned else "0",
            self.model.version,
            self.keys.spam_flood("ip", ""),
            self.keys.spam_flood("author", ""),
            f"({(min(s.at for s in batch) - window)!r}",
            _ttl_s(window),
            repr(now - self.policy.rejected_window_s),
            BAND_READ_LIMIT,
            self.min_bands,
            self.min_rejected_bands,
            BANDS,
            BAND_CHARS,
            *self._band_bases,
            *self._rejected_band_bases,
        ]
        for s in batch:
            at = s.at
            fields = (
                s.comment_id,
                repr(at),
                repr(at - window),
                repr(at - campaign_window),
                s.author or "",
                s.ip[:32] if s.ip else "",
                "".join(s.signature.bands) if s.signature is not None else "",
            )
            args.append(pack(fields))
        return args

    def decided(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> None:
        """Record the batch's signatures and count its approved authors: one script call, one round trip.

        The service does this in the store's record call instead (:meth:`learning`); this is for other callers.
        """
        part = self.learning(decided, now)
        if part is not None:
            state_scripts.DECIDED.run(self.client, [], [*part.head_args(), *part.items])

    def learning(self, decided: Sequence[tuple[Comment, Decision]], now: float) -> LuaPart | None:
        """What the batch teaches the state, for the store's record script to write for each comment it writes.

        Its signatures go into the band sets, and an approval counts towards its author being known: an author
        becomes known after ``known_after_approved`` approvals by the workers, so that one harmless first
        comment does not buy a spammer the known-author bonus for the next. None when nothing is to be learnt.

        A signature is scored in its band sets by its submission time rounded up to the whole second: Redis
        keeps a small sorted set's scores as text, and writes and reads a whole number far faster than a
        fraction (some 50k instructions a comment less); a copy then stays in the campaign window up to a
        second longer, never less (a window of minutes or hours does not feel it).
        """
        items: list[bytes] = []
        for comment, decision in decided:
            s = self.seen(comment, now)
            known = s.author if decision.status is Status.APPROVED and s.author else ""
            if known or s.signature is not None:
                bands = "".join(s.signature.bands) if s.signature is not None else ""
                items.append(pack((known, s.member, str(math.ceil(s.at)), bands)))
            else:
                items.append(b"")
        self._seen.clear()
        if not any(items):
            return None
        head = [
            self.keys.spam_known_authors,
            self.keys.spam_author_approvals,
            _ttl_s(self.policy.campaign_window_s),
            self.policy.known_after_approved,
            BAND_CHARS,
            *self._band_bases,
        ]
        return LuaPart(state_scripts.LEARN, head, items)

    def reviewed(self, comment: Comment, decision: Decision, previous: Decision | None) -> None:
        """Learn from a moderator's decision (see the module's notes), in one round trip."""
        label, old = moderator_label(decision), moderator_label(previous)
        if label is None and old is None:
            return
        now = decision.decided_at
        s = self.seen(comment, now)
        self._seen.pop(comment.id, None)
        increments: dict[str, int] = {}
        if old is not None and old is not label:
            _add(increments, self._increments(comment, old, times=-1))
        if label is not None and label is not old:
            _add(increments, self._increments(comment, label, times=1))
        if increments:
            self.model.ensure_seeded()
        pipe = self.client.pipeline(transaction=True)
        if increments:
            self.model.learn(increments, pipe)
        if s.author and label is Label.HAM:
            pipe.sadd(self.keys.spam_known_authors, s.author)
        elif s.author and label is Label.SPAM:
            pipe.srem(self.keys.spam_known_authors, s.author)
            pipe.hdel(self.keys.spam_author_approvals, s.author)
        if s.signature is not None:
            digest = s.signature.digest
            for band, value in enumerate(s.signature.bands):
                key = self.keys.spam_rejected_band(band, value)
                if label is Label.SPAM:
                    pipe.zadd(key, {digest: now})
                    pipe.zremrangebyscore(key, "-inf", f"({(now - self.policy.rejected_window_s)!r}")
                    pipe.expire(key, _ttl_s(self.policy.rejected_window_s))
                elif old is Label.SPAM:
                    pipe.zrem(key, digest)
        if len(pipe):
            pipe.execute()

    def _increments(self, comment: Comment, label: Label, times: int) -> dict[str, int]:
        return self.model.snapshot.increments(
            comment.content, label, author_name=comment.author_name, author_url=comment.author_url, times=times
        )

    def train(self, rows: Sequence[LabelledComment]) -> dict[Label, int]:
        """Teach the shared model every row (``moderation train``); return how many of each label it learned."""
        increments: dict[str, int] = {}
        learned = dict.fromkeys(Label, 0)
        for row in rows:
            _add(increments, self._increments(row.comment, row.label, times=1))
            learned[row.label] += 1
        if increments:
            self.model.learn_many(increments)
        return learned


def _add(into: dict[str, int], increments: dict[str, int]) -> None:
    for name, delta in increments.items():
        into[name] = into.get(name, 0) + delta
