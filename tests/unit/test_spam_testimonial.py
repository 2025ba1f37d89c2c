"""A testimonial naming a healer, lender or hacker, with a contact, is its own signal; a reader's thanks is not."""

from __future__ import annotations

from worker.models import Comment
from worker.spam.signals import detect


def signals(content: str) -> dict[str, float]:
    return {s.name: s.weight for s in detect(Comment(id="c", post_id="p", author_name="Claire", content=content), {})}


def test_a_testimonial_naming_a_healer_with_a_contact_is_its_own_signal() -> None:
    assert "testimonial" in signals("Thanks to Prophet Eze my husband came back, WhatsApp +234 803 555 0142")
    assert "testimonial" not in signals("Thanks to the strike I got home early, my number is 01 40 05 48 48")
    assert "testimonial" not in signals("Grâce au grand maître du club, on a gagné le tournoi.")
