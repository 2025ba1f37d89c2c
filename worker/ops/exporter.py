"""The metrics port of a worker host: every pool process's work figures and the deployment's backlog."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from worker.client import ModerationClient
from worker.metrics import StoreCollector
from worker.ops import metrics
from worker.settings import Settings


@contextmanager
def host_metrics(settings: Settings) -> Iterator[None]:
    """Prepare the pool processes' metrics folder and serve this host's metrics while the block runs."""
    if not settings.metrics_port:
        yield
        return
    created = not (settings.metrics_dir or os.environ.get(metrics.MULTIPROC_ENV))
    folder = metrics.prepare_multiprocess_folder(settings.metrics_dir)
    client = ModerationClient(settings)
    stop = metrics.serve(settings.metrics_host, settings.metrics_port, [StoreCollector(client)])
    try:
        yield
    finally:
        if stop is not None:
            stop()
        client.close()
        if created:
            metrics.remove_folder(folder)
