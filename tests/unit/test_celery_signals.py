"""What a pool process does at Celery's signals."""

from __future__ import annotations

import gc

from celery import signals

from worker.ops import celery_signals
from worker.settings import load_settings


def test_a_pool_process_keeps_what_it_started_with_out_of_the_cyclic_collectors_passes() -> None:
    celery_signals.connect(load_settings({}))
    gc.unfreeze()
    try:
        signals.worker_process_init.send(sender=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
