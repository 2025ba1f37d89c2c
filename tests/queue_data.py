"""Comments for the moderators' queue, decided in process by a real worker service on a real Redis."""

from __future__ import annotations

from worker.moderators import Moderators
from worker.service import Service
from worker.settings import Settings

T0 = 1_800_000_000.0
CAMPAIGN = (
    "I really loved this article about gardening, my own tomatoes grew so well this summer thanks to the tips, "
    "see https://garden.example/tomatoes and https://garden.example/peppers"
)
RUDE = {
    "id": "rude-1",
    "post_id": "post-7",
    "author_name": "Bob Grumble",
    "author_email": "bob.grumble@example.org",
    "author_url": "https://bob.example/blog",
    "content": "You are a wanker, read https://a.example/x and https://b.example/y",
}
HOSTILE = {
    "id": "hostile-1",
    "post_id": "post-7",
    "author_name": '<img src=x onerror="alert(4)">Eve',
    "author_email": "eve@example.org",
    "author_url": "javascript:alert(5)",
    "content": (
        'I think the author is wrong here <script>alert(1)</script> <b onmouseover="alert(2)">hover</b> '
        '<img src=x onerror="alert(3)"> <a href="javascript:alert(6)">see</a> what a dickhead'
    ),
}


def campaign(count: int = 3) -> list[dict[str, str]]:
    """Near-duplicate copies from different authors, each held for a moderator: one campaign."""
    return [
        {
            "id": f"camp-{n}",
            "post_id": "post-1",
            "author_name": f"Fan {n}",
            "author_email": f"fan{n}@example.net",
            "content": CAMPAIGN + (f" {n}" if n % 2 else ""),
        }
        for n in range(count)
    ]


def flagged(count: int, tag: str = "bulk") -> list[dict[str, str]]:
    """Comments that the shipped policy holds for a moderator (two links each)."""
    return [
        {
            "id": f"{tag}-{n}",
            "post_id": f"post-{n % 13}",
            "author_name": f"Reader {n}",
            "author_email": f"{tag}{n}@example.org",
            "content": f"Interesting, see https://a.example/{n} and https://b.example/{n}",
        }
        for n in range(count)
    ]


def decide(settings: Settings, comments: list[dict[str, str]], start: float = T0, spacing_s: float = 20.0) -> None:
    """Submit each comment ``spacing_s`` after the previous one (past the flood window), then decide them all."""
    service = Service.from_settings(settings, lambda: None)
    try:
        for i, comment in enumerate(comments):
            service.clock = lambda i=i: start + spacing_s * i
            service.submit([comment])
        service.clock = lambda: start + spacing_s * len(comments)
        while service.drain().taken:
            pass
    finally:
        service.store.client.close()


def add_moderator(settings: Settings, name: str, password: str) -> None:
    """Create a moderator account."""
    moderators = Moderators.from_settings(settings)
    try:
        moderators.add(name, password)
    finally:
        moderators.close()
