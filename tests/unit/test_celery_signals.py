"""What the worker's processes do at Celery's signals."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from celery import signals

from worker import tasks
from worker.errors import ConfigError
from worker.ops import celery_signals
from worker.service import Service
from worker.settings import load_settings


def test_a_pool_process_keeps_what_it_started_with_out_of_the_cyclic_collectors_passes() -> None:
    celery_signals.connect(load_settings({}))
    gc.unfreeze()
    try:
        signals.worker_process_init.send(sender=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


_WARM_SCRIPT = """
import os
from celery import signals
from worker.abuse.model import shipped_model
from worker.app import create_app
from worker.settings import load_settings
from worker.spam.corpus import seed_model

create_app(load_settings({}))
loaded = lambda: (seed_model.cache_info().currsize, shipped_model.cache_info().currsize)
assert loaded() == (0, 0), f"the models were loaded before the worker started: {loaded()}"
signals.worker_init.send(sender=None)
assert loaded() == (1, 1), f"Celery's main process did not load the models before the pool forked: {loaded()}"
pid = os.fork()
if pid == 0:
    os._exit(0 if loaded() == (1, 1) else 1)
assert os.waitpid(pid, 0)[1] == 0, "a pool process forked after the start had to load the models again"
"""


def test_the_main_process_loads_the_models_before_the_pool_forks_so_pool_processes_inherit_them() -> None:
    root = Path(__file__).resolve().parents[2]
    command = [sys.executable, "-c", _WARM_SCRIPT]
    child = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == 0, child.stderr


def test_a_service_that_cannot_be_built_before_the_fork_is_left_for_the_pool_process_to_report() -> None:
    settings = load_settings({"MODERATION_POLICY_FILE": "/nonexistent/policy.toml"})
    with pytest.raises(ConfigError, match="policy_file"):
        Service.from_settings(settings, lambda: None)
    tasks.warm(settings)  # no error here: the pool process's own build reports it at its first task, as before
