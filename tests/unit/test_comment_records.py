"""How a comment is written to the store and read back (``to_private_dict`` / ``from_private_dict``)."""

from __future__ import annotations

from worker.models import Comment

COMMENT = Comment(
    id="c1",
    post_id="p1",
    author_name="Anne",
    author_email="anne@example.org",
    content="Bien vu.",
    ip="203.0.113.9",
    language="fr",
    submitted_at=1000.25,
)


def test_a_comment_read_back_from_its_record_is_the_same_comment() -> None:
    assert Comment.from_private_dict(COMMENT.to_private_dict()) == COMMENT


def test_a_record_with_a_field_this_version_does_not_know_is_read_without_it() -> None:
    record = {**COMMENT.to_private_dict(), "mood": "happy"}
    assert Comment.from_private_dict(record) == COMMENT


def test_a_record_without_the_later_fields_reads_them_as_their_defaults() -> None:
    record = {"id": "c1", "post_id": "p1", "content": "Bien vu.", "submitted_at": 1000.25}
    assert Comment.from_private_dict(record) == Comment(id="c1", post_id="p1", content="Bien vu.", submitted_at=1000.25)
