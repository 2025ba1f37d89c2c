"""The entry point of ``celery -A worker.celery_app worker``: the one place that reads settings at import."""

from worker.app import create_app
from worker.settings import load_settings

app = create_app(load_settings())
