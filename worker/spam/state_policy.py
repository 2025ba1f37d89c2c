"""The ``[spam]`` policy values of the spam check's shared state (pure: no Redis here)."""

from __future__ import annotations

from dataclasses import dataclass

from worker.policy import Section


@dataclass(frozen=True, slots=True)
class StatePolicy:
    """The ``[spam]`` policy values of the shared state."""

    flood_window_s: float = 15.0
    campaign_window_s: float = 3600.0
    rejected_window_s: float = 30 * 86400.0
    duplicate_similarity: float = 0.5
    rejected_similarity: float = 0.6
    duplicate_min_words: int = 10
    known_after_approved: int = 3
    """Comments the workers must approve before their author counts as known (a moderator's approval: one)."""
    learned: bool = True

    @classmethod
    def from_section(cls, section: Section) -> StatePolicy:
        """Read the values from the policy's ``[spam]`` section, with these defaults."""
        d = cls()
        similarity = section.number("duplicate_similarity", d.duplicate_similarity, minimum=0.01)
        rejected = section.number("rejected_similarity", d.rejected_similarity, minimum=0.01)
        return cls(
            flood_window_s=section.number("flood_window_s", d.flood_window_s, minimum=1.0),
            campaign_window_s=section.number("campaign_window_s", d.campaign_window_s, minimum=1.0),
            rejected_window_s=section.number("rejected_window_s", d.rejected_window_s, minimum=1.0),
            duplicate_similarity=min(similarity, 1.0),
            rejected_similarity=min(rejected, 1.0),
            duplicate_min_words=section.integer("duplicate_min_words", d.duplicate_min_words, minimum=1),
            known_after_approved=section.integer("known_after_approved", d.known_after_approved, minimum=0),
            learned=section.get("learned", bool, d.learned),
        )
