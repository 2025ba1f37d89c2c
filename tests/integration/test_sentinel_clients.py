"""Every part that opens its own Redis connection follows a ``sentinel://`` address, not only the workers."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tests.sentinel import MASTER_NAME, SentinelSet
from worker.cli import main
from worker.moderators import Moderators
from worker.settings import load_settings

pytestmark = pytest.mark.integration

PASSWORD = "correct horse battery staple"


def sentinel_environment(sentinel_set: SentinelSet, repo_root: Path) -> dict[str, str]:
    return {
        "REDIS_URL": sentinel_set.url,
        "MODERATION_SENTINEL_MASTER": MASTER_NAME,
        "MODERATION_CONFIG": str(repo_root / "config" / "settings.toml"),
        "MODERATION_KEY_PREFIX": "sentinelled",
    }


def test_moderator_accounts_are_kept_on_the_master_a_sentinel_names(sentinel_set: SentinelSet, repo_root: Path) -> None:
    moderators = Moderators.from_settings(load_settings(sentinel_environment(sentinel_set, repo_root)))
    try:
        moderators.add("ann", PASSWORD)
        assert moderators.login("ann", PASSWORD).name == "ann"
    finally:
        moderators.close()


def test_train_abuse_teaches_the_model_on_the_master_a_sentinel_names(
    sentinel_set: SentinelSet, repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key, value in sentinel_environment(sentinel_set, repo_root).items():
        monkeypatch.setenv(key, value)
    lessons = tmp_path / "lessons.jsonl"
    lessons.write_text(json.dumps({"content": "You pathetic little worm.", "label": "abuse"}) + "\n", "utf-8")
    out = io.StringIO()
    assert main(["train-abuse", str(lessons)], out) == 0, out.getvalue()
    assert len(json.loads(out.getvalue())["lessons"]) == 1
