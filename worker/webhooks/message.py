"""A webhook message: its id, its JSON body (public view and decision only), and its signed headers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime

from standardwebhooks.webhooks import Webhook

from worker.models import JSON, Comment, Decision, Status, public_view
from worker.webhooks.config import DECIDED, REVIEWED

_DECISION_FIELDS = ("status", "reasons", "scores", "policy_version", "decided_at", "decided_by")


def event_type(decided_by: str) -> str:
    """``comment.reviewed`` for a moderator's verdict, ``comment.decided`` for a worker's decision."""
    return DECIDED if decided_by == "worker" else REVIEWED


def message_id(event_id: str, subscription: str) -> str:
    """The ``webhook-id`` of one event sent to one subscription: the same on every retry and replay."""
    return f"msg_{event_id.replace('-', '_')}_{subscription}"


def body(kind: str, event: Mapping[str, str], comment: Comment, decision: Decision | None, now: float) -> bytes:
    """The JSON body: the event type, when, the comment's public view and the decision (no email, no IP).

    The public view shows the status of this event; when the stored decision is no longer the one this
    event announced (a moderator decided since), the decision is described from the event alone.
    """
    status = Status(event["status"])
    current = decision is not None and decision.decided_by == event["decided_by"] and decision.status is status
    if decision is not None and current:
        full = decision.to_dict()
        described: dict[str, JSON] = {name: full[name] for name in _DECISION_FIELDS}
    else:
        described = {
            "status": status.value,
            "decided_by": event["decided_by"],
            "decided_at": float(event["decided_at"]),
        }
    data = {
        "type": kind,
        "timestamp": datetime.fromtimestamp(now, UTC).isoformat().replace("+00:00", "Z"),
        "data": {
            "event_id": event["event_id"],
            "comment": public_view(comment, status, decision),
            "decision": described,
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def signed_headers(secret: str, msg_id: str, payload: bytes, now: float) -> dict[str, str]:
    """The Standard Webhooks headers: ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature``."""
    moment = datetime.fromtimestamp(int(now), UTC)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(int(now)),
        "webhook-signature": Webhook(secret).sign(msg_id, moment, payload),
    }
