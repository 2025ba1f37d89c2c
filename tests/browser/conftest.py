"""A real headless Chromium (Debian's) driven by Playwright, on a real API process, Redis and decided comments."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import queue_data
from tests.api_process import APIProcess
from worker.settings import load_settings

CHROMIUM = Path(os.environ.get("MODERATION_CHROMIUM", "/usr/bin/chromium"))
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip the browser tests, saying why, where Chromium or Playwright is missing."""
    reason = ""
    if not CHROMIUM.exists():
        reason = f"no Chromium at {CHROMIUM}: ./dev test installs Debian's chromium where apt-get is available"
    else:
        try:
            import playwright  # noqa: F401
        except ImportError:
            reason = "Playwright for Python is not installed (pip install -e '.[dev]')"
    if reason:
        print(f"\nbrowser tests skipped: {reason}")
        for item in items:
            if "tests/browser" in str(item.fspath):
                item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


class Site:
    """The API process with its pages, and what the tests need to reach it."""

    def __init__(self, api: APIProcess, settings: Any) -> None:
        self.api = api
        self.settings = settings
        self.url = f"http://127.0.0.1:{api.port}"


@pytest.fixture
def site(redis_url: str, tmp_path: Path) -> Iterator[Site]:
    """A fresh key prefix: the rude, hostile and campaign comments and five more flagged; camille's account."""
    env = {**os.environ, "REDIS_URL": redis_url, "MODERATION_KEY_PREFIX": f"web{uuid.uuid4().hex[:8]}"}
    settings = load_settings(env)
    queue_data.decide(settings, [queue_data.RUDE, queue_data.HOSTILE, *queue_data.campaign(3), *queue_data.flagged(5)])
    queue_data.add_moderator(settings, "camille", PASSWORD)
    api = APIProcess(env, tmp_path / "api.log").start()
    yield Site(api, settings)
    api.stop()
    assert "Traceback" not in api.output(), api.output()[-2000:]


class Watched:
    """A page, with the dialogs it opened and the errors its console reported."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.console_errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda message: message.type == "error" and self.console_errors.append(message.text))
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def log_in(page: Any, site: Site, name: str = "camille", password: str = PASSWORD) -> None:
    """Fill the login form and submit it."""
    page.goto(f"{site.url}/login")
    page.fill("#name", name)
    page.fill("#password", password)
    page.click("button[type=submit]")


@pytest.fixture
def moderator(browser: Any, site: Site) -> Iterator[Watched]:
    """A desktop page, logged in as camille, on the flagged tab."""
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    watched = Watched(context.new_page())
    log_in(watched.page, site)
    watched.page.wait_for_url("**/queue")
    yield watched
    context.close()
