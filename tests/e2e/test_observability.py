"""Operators watch real workers: the metrics port after a burst, JSON log lines that hold no personal data."""

from __future__ import annotations

import json
import re
import signal
import urllib.request
from collections import Counter
from collections.abc import Callable

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.api_process import free_port
from tests.helpers import expected_status, sample_comments
from tests.workers import WORKER, WorkerProcess, decided, wait_until
from worker.client import ModerationClient

pytestmark = pytest.mark.e2e

BURST = 300
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a metrics port, keyed by name and sorted labels."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        text = answer.read().decode()
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def total(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    """The sum of the samples of ``name`` whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(value for (found, keys), value in samples.items() if found == name and wanted <= set(keys))


def test_a_worker_hosts_metrics_port_shows_counters_and_histograms_of_a_burst(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient, worker_env: dict[str, str]
) -> None:
    port = free_port()
    worker_env.update(MODERATION_METRICS_PORT=str(port), MODERATION_METRICS_HOST="127.0.0.1")
    start_worker()
    comments = sample_comments(BURST, "m")
    client.submit_many(comments)
    wait_until(lambda: decided(client) == BURST, 60, f"{BURST} decisions")
    wait_until(lambda: total(scrape(port), "moderation_sweeps_total") >= 1, 20, "a sweep by the host's timer")

    samples = scrape(port)
    expected = Counter(expected_status(c) for c in comments)
    for status, count in expected.items():
        assert total(samples, "moderation_decided_total", status=status) == count, status
    assert total(samples, "moderation_decided_total") == BURST
    assert total(samples, "moderation_reasons_total", check="validation", code="name_missing") == BURST // 10
    assert total(samples, "moderation_reasons_total", check="spam", code="too_many_links") == BURST // 10
    for check in ("validation", "spam", "profanity"):
        assert total(samples, "moderation_check_seconds_count", check=check) == BURST, check
        assert total(samples, "moderation_check_seconds_bucket", check=check, le="+Inf") == BURST, check
        assert 0 < total(samples, "moderation_check_seconds_sum", check=check) < 60, check
    assert total(samples, "moderation_decision_latency_seconds_count") == BURST
    assert total(samples, "moderation_drain_batch_size_sum") == BURST
    assert total(samples, "moderation_drain_batch_size_count") >= BURST / 100
    assert total(samples, "moderation_handed_back_total") == 0
    assert total(samples, "moderation_check_failures_total") == 0
    assert total(samples, "moderation_worker_processes") == 2, "two pool processes alive"
    assert total(samples, "moderation_comments", status="approved") == expected["approved"]
    assert total(samples, "moderation_pending") == 0


def logged_decisions(worker: WorkerProcess) -> int:
    """How many decisions the drains' closing lines of a JSON log count."""
    found = (json.loads(line) for line in worker.output().splitlines() if '"duration_s"' in line)
    return sum(int(record.get("decided", 0)) for record in found)


def test_json_logs_of_a_burst_are_one_object_per_line_without_email_ip_or_text(
    start_worker: Callable[..., WorkerProcess], client: ModerationClient, worker_env: dict[str, str]
) -> None:
    worker_env.update(MODERATION_LOG_FORMAT="json")
    worker = start_worker((*WORKER[:-1], "DEBUG"))
    comments = sample_comments(BURST, "j")
    for i, comment in enumerate(comments):
        comment["ip"] = f"198.51.100.{i % 250}"
        comment["content"] = f"{comment['content']} Texte privé {i:04d}-zq."
    client.submit_many(comments)
    wait_until(lambda: decided(client) == BURST, 60, f"{BURST} decisions")
    wait_until(lambda: logged_decisions(worker) == BURST, 20, "every drain to log what it decided")
    worker.kill(signal.SIGTERM)  # Celery's shutdown notices go through the same format

    lines = [line for line in worker.output().splitlines() if line.strip()]
    records = []
    for number, line in enumerate(lines, start=1):
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"line {number} of the worker's output is not JSON: {line[:200]!r}")
        assert isinstance(records[-1], dict), line
        assert not EMAIL.search(line), f"an email address in line {number}"
        assert "198.51.100." not in line, f"an author's IP in line {number}"
        assert "-zq." not in line and "Merci pour cet article" not in line, f"comment text in line {number}"
    assert len(records) > BURST, "one line per decision at DEBUG, and Celery's own lines"
    decisions = [r for r in records if r.get("comment_id")]
    assert {r["comment_id"] for r in decisions} == {c["id"] for c in comments}
    assert all(r.get("task_id") and r["task"] == "moderation.drain" for r in decisions)
    drains = [r for r in records if "duration_s" in r]
    assert drains and sum(r["decided"] for r in drains) == BURST
    assert any(r["logger"].startswith("celery") for r in records), "Celery's own lines use the same format"
    assert all({"time", "level", "logger", "message"} <= set(r) for r in records)
