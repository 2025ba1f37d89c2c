"""Prometheus metrics of the whole deployment, read from Redis at each scrape (served at ``GET /metrics``)."""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from worker.client import ModerationClient
from worker.models import Status

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class StoreCollector(Collector):
    """Comments per status, the workers' backlog and the age of the oldest undecided comment."""

    def __init__(self, client: ModerationClient) -> None:
        self.client = client

    def collect(self) -> Iterator[GaugeMetricFamily]:
        """Read the figures from Redis (one call of the client); raise StoreUnavailable without it."""
        stats = self.client.stats()
        comments = GaugeMetricFamily("moderation_comments", "Comments stored, per status.", labels=["status"])
        for status in Status:
            value = stats.get(status.value, 0)
            comments.add_metric([status.value], float(value) if isinstance(value, int) else 0.0)
        yield comments
        pending = stats.get("pending", 0)
        yield GaugeMetricFamily(
            "moderation_pending",
            "Comment ids waiting for a worker to take them.",
            value=float(pending) if isinstance(pending, int) else 0.0,
        )
        dead = stats.get("dead", 0)
        yield GaugeMetricFamily(
            "moderation_dead_letters",
            "Comments set aside after too many attempts without a decision (see `moderation dead`).",
            value=float(dead) if isinstance(dead, int) else 0.0,
        )
        oldest = stats.get("oldest_queued_s")
        yield GaugeMetricFamily(
            "moderation_oldest_queued_seconds",
            "Age of the oldest undecided comment since it was handed to the workers (0 when none).",
            value=float(oldest) if isinstance(oldest, int | float) else 0.0,
        )


def registry(client: ModerationClient) -> CollectorRegistry:
    """Return a registry holding only this deployment's collector (no process metrics of the API)."""
    found = CollectorRegistry(auto_describe=False)
    found.register(StoreCollector(client))
    return found


def exposition(registry: CollectorRegistry) -> bytes:
    """Return the metrics in Prometheus's text format."""
    return generate_latest(registry)
