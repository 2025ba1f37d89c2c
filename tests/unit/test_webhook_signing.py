"""Webhook messages: signed as the Standard Webhooks specification says, holding no email nor IP."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time

from standardwebhooks.webhooks import Webhook

from worker.models import Action, Comment, Decision, Reason, Status
from worker.webhooks.message import body, event_type, message_id, signed_headers

EVENT = {
    "event_id": "1-0",
    "id": "c-1",
    "post_id": "42",
    "status": "approved",
    "decided_by": "worker",
    "decided_at": "2.0",
}

# The test vector published with the specification's reference libraries.
SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
SPEC_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
SPEC_TIMESTAMP = 1614265330
SPEC_PAYLOAD = b'{"test": 2432232314}'
SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="


def test_the_signature_matches_the_specifications_test_vector() -> None:
    headers = signed_headers(SPEC_SECRET, SPEC_ID, SPEC_PAYLOAD, SPEC_TIMESTAMP + 0.9)
    assert headers == {
        "webhook-id": SPEC_ID,
        "webhook-timestamp": str(SPEC_TIMESTAMP),
        "webhook-signature": SPEC_SIGNATURE,
    }


def test_the_signature_is_hmac_sha256_over_id_timestamp_and_body_with_the_decoded_secret() -> None:
    key = base64.b64decode(SPEC_SECRET.removeprefix("whsec_"))
    digest = hmac.new(key, f"{SPEC_ID}.{SPEC_TIMESTAMP}.".encode() + SPEC_PAYLOAD, hashlib.sha256).digest()
    assert "v1," + base64.b64encode(digest).decode() == SPEC_SIGNATURE


def _decided() -> tuple[Comment, Decision]:
    comment = Comment(
        id="c-1",
        post_id="42",
        author_name="Camille",
        author_email="camille@example.fr",
        content="Merci, zut !",
        ip="203.0.113.7",
        parent_id="c-0",
        submitted_at=1.0,
    )
    reason = Reason("profanity", "mild", "A mild word.", Action.CENSOR, {"words": 1})
    return comment, Decision(Status.APPROVED, (reason,), {"spam": 0.1}, "v1", 2.0, censor=((7, 10),))


def test_a_body_holds_the_public_view_and_the_decision_never_the_email_or_ip() -> None:
    comment, decision = _decided()
    event = dict(EVENT)
    raw = body("comment.decided", event, comment, decision, 3.0)
    data = json.loads(raw)
    assert data["type"] == "comment.decided"
    assert data["data"]["comment"]["content"] == "Merci, *** !"
    assert data["data"]["comment"]["parent_id"] == "c-0"
    assert data["data"]["decision"]["status"] == "approved"
    assert data["data"]["decision"]["reasons"][0]["code"] == "mild"
    assert b"camille@example.fr" not in raw
    assert b"203.0.113.7" not in raw


def test_a_verifier_with_the_secret_accepts_the_signed_body() -> None:
    comment, decision = _decided()
    event = dict(EVENT)
    raw = body("comment.decided", event, comment, decision, 3.0)
    headers = signed_headers(SPEC_SECRET, message_id("1-0", "site"), raw, time.time())
    assert Webhook(SPEC_SECRET).verify(raw, headers)["data"]["comment"]["id"] == "c-1"


def test_an_event_is_described_from_itself_once_a_moderator_decided_since() -> None:
    comment, _ = _decided()
    later = Decision(Status.REJECTED, (), {}, "v1", 5.0, decided_by="alice")
    event = dict(EVENT)
    data = json.loads(body("comment.decided", event, comment, later, 6.0))
    assert data["data"]["decision"] == {"status": "approved", "decided_by": "worker", "decided_at": 2.0}
    assert data["data"]["comment"]["status"] == "approved"


def test_a_moderators_verdict_is_a_review_and_a_workers_a_decision() -> None:
    assert event_type("worker") == "comment.decided"
    assert event_type("alice") == "comment.reviewed"
    assert message_id("1700000000000-3", "site") == "msg_1700000000000_3_site"
