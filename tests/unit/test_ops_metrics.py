"""The metrics of work: every one is defined once, and the Grafana dashboard queries only those that exist."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.parser import text_string_to_metric_families

from worker.checks.base import Context
from worker.contract import Limits
from worker.metrics import StoreCollector
from worker.models import Action, CheckResult, Comment, Decision, Reason, Status
from worker.ops import metrics
from worker.policy import Policy
from worker.service import Engine

DASHBOARD = Path(__file__).resolve().parents[2] / "deploy" / "grafana" / "moderation.json"
PROMQL_WORDS = {"sum", "by", "rate", "increase", "histogram_quantile", "topk", "max", "le", "without", "on"}


class _Stats:
    """Stands in for the client: StoreCollector only calls ``stats()``."""

    def stats(self) -> dict[str, int | float]:
        return {"queued": 1, "approved": 2, "rejected": 0, "flagged": 0, "pending": 1, "oldest_queued_s": 3.5}


def exposed_names() -> set[str]:
    """Every sample name the workers and the API can expose (counters with _total, histograms' three series)."""
    names: set[str] = set()
    collectors = [metrics.work().registry, StoreCollector(_Stats())]  # type: ignore[arg-type]
    for collector in collectors:
        for family in collector.collect():
            if family.type == "counter":
                names.add(family.name + "_total")
            elif family.type == "histogram":
                names.update(family.name + suffix for suffix in ("_bucket", "_sum", "_count"))
            else:
                names.add(family.name)
    return names


def queried_names() -> set[str]:
    """The metric names the dashboard's queries read."""
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    found: set[str] = set()
    for panel in dashboard["panels"]:
        assert panel["targets"], panel["title"]
        for target in panel["targets"]:
            expr = re.sub(r"\{[^}]*\}|\[[^\]]*\]|\"[^\"]*\"", "", target["expr"])
            found.update(word for word in re.findall(r"[a-z_][a-z0-9_]*", expr) if word not in PROMQL_WORDS)
    return found - {"status", "check", "code", "verdict", "removed"}


def test_every_metric_the_dashboard_queries_exists() -> None:
    assert queried_names() <= exposed_names(), queried_names() - exposed_names()


def test_the_dashboard_shows_every_metric_of_work_and_of_the_backlog() -> None:
    shown = {re.sub(r"_(bucket|sum|count)$", "", name) for name in queried_names()}
    defined = {re.sub(r"_(bucket|sum|count)$", "", name) for name in exposed_names()}
    assert defined <= shown, defined - shown


def test_decisions_are_counted_by_status_reason_and_time_from_submission() -> None:
    work = metrics.work()
    before = text_string_to_metric_families(metrics.render().decode())
    start = {s.name + str(sorted(s.labels.items())): s.value for f in before for s in f.samples}
    comment = Comment("m-1", "p", "Ana", "ana@example.org", "Bonjour", submitted_at=100.0)
    reason = Reason("spam", "too_many_links", "Two links.", Action.FLAG)
    work.record_decided([(comment, Decision(Status.FLAGGED, (reason,), {}, "v1", 102.0))], now=102.5)
    after = text_string_to_metric_families(metrics.render().decode())
    end = {s.name + str(sorted(s.labels.items())): s.value for f in after for s in f.samples}

    def grew(key: str) -> float:
        return end[key] - start.get(key, 0.0)

    assert grew("moderation_decided_total[('status', 'flagged')]") == 1
    assert grew("moderation_reasons_total[('check', 'spam'), ('code', 'too_many_links')]") == 1
    assert grew("moderation_decision_latency_seconds_count[]") == 1
    assert grew("moderation_decision_latency_seconds_bucket[('le', '5.0')]") == 1
    assert grew("moderation_decision_latency_seconds_bucket[('le', '1.0')]") == 0, "2.5 s is above 1 s"
    assert "ana@example.org" not in metrics.render().decode()


def histogram_samples(histogram: Histogram) -> dict[str, float]:
    """The histogram's bucket and count samples by bound, and its sum (its creation time left out)."""
    return {
        s.name.rsplit("_", 1)[1] + s.labels.get("le", ""): s.value
        for f in histogram.collect()
        for s in f.samples
        if not s.name.endswith("_created")
    }


def test_observing_many_amounts_at_once_counts_them_as_one_observation_each() -> None:
    amounts = [0.00005, 0.0001, 0.0003, 0.0003, 0.004, 0.25, 7.0, 1.0]
    one_by_one = Histogram("one_by_one", "", buckets=metrics.CHECK_BUCKETS_S, registry=CollectorRegistry())
    at_once = Histogram("at_once", "", buckets=metrics.CHECK_BUCKETS_S, registry=CollectorRegistry())
    for amount in amounts:
        one_by_one.observe(amount)
    metrics.observe_many(at_once, amounts)
    expected, found = histogram_samples(one_by_one), histogram_samples(at_once)
    assert found.pop("sum") == pytest.approx(expected.pop("sum"))
    assert found == expected
    assert found["count"] == len(amounts)
    assert found["bucket0.0001"] == 2, "a bound holds the amounts equal to it"


class _Named:
    name = "named"

    def check(self, comment: Comment, context: Context) -> CheckResult:
        return CheckResult(self.name, ())


def checks_counted(name: str) -> float:
    """How many runs of the check ``name`` the histogram of check durations counts."""
    families = text_string_to_metric_families(metrics.render().decode())
    counts = [
        s.value
        for f in families
        for s in f.samples
        if s.name == "moderation_check_seconds_count" and s.labels.get("check") == name
    ]
    return counts[0] if counts else 0.0


def test_a_timed_check_holds_its_durations_until_they_are_observed() -> None:
    (check,) = metrics.timed([_Named()])
    comment = Comment("t-1", "p", "Ana", "ana@example.org", "Bonjour")
    before = checks_counted("named")
    for _ in range(3):
        check.check(comment, Context(0.0))
    assert checks_counted("named") == before
    metrics.observe_checks([check])
    assert checks_counted("named") == before + 3
    metrics.observe_checks([check])
    assert checks_counted("named") == before + 3, "each duration is observed once"


def test_a_timed_check_observes_by_itself_once_it_holds_many_durations() -> None:
    (check,) = metrics.timed([_Named()])
    comment = Comment("t-2", "p", "Ana", "ana@example.org", "Bonjour")
    before = checks_counted("named")
    for _ in range(metrics.HELD_MAX):
        check.check(comment, Context(0.0))
    assert checks_counted("named") == before + metrics.HELD_MAX


def test_a_comment_decided_on_its_own_has_its_check_durations_observed_at_once() -> None:
    engine = Engine(Policy.from_mapping({}), metrics.timed([_Named()]), Limits())
    before = checks_counted("named")
    engine.decide(Comment("t-3", "p", "Ana", "ana@example.org", "Bonjour"), 0.0)
    assert checks_counted("named") == before + 1
