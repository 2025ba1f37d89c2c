"""The API's /metrics adds this process's work counters to the deployment's gauges."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.api_process import APIProcess

pytestmark = pytest.mark.integration


def test_the_api_counts_the_comments_it_accepted_and_the_verdicts_it_recorded(redis_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": f"apim{uuid.uuid4().hex[:8]}"}
    api = APIProcess(env, tmp_path / "api.log").start()
    try:
        comment = {"post_id": "p", "author_name": "Ana", "author_email": "ana@example.org", "content": "Bonjour"}
        api.request("POST", "/comments", [{**comment, "id": f"a-{i}"} for i in range(3)])
        api.request("POST", "/comments", {**comment, "id": "a-0"})  # already known: not counted again
        api.request("POST", "/comments/a-1/review", {"verdict": "spam", "moderator": "camille"})
        code, text, _ = api.request("GET", "/metrics")
    finally:
        api.stop()
    assert code == 200
    samples = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }
    assert samples[("moderation_submitted_total", ())] == 3
    assert samples[("moderation_verdicts_total", (("verdict", "spam"),))] == 1
    assert samples[("moderation_comments", (("status", "queued"),))] == 2
    assert "ana@example.org" not in text
