"""The moderators' queue page in a real headless Chromium: log in, read, decide with the keyboard, undo, stay safe."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import DESKTOP, PHONE, Site, Watched, log_in

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Saved where they dirty no checkout; SCREENSHOTS_DIR=docs/screenshots refreshes the README's pictures.
SCREENSHOTS = ROOT / os.environ.get("SCREENSHOTS_DIR", ".run/screenshots")


def status_of(site: Site, comment_id: str) -> dict[str, Any]:
    code, body, _ = site.api.request("GET", f"/comments/{comment_id}")
    assert code == 200
    return dict(body)


def card(page: Any, comment_id: str) -> Any:
    return page.locator("article.card", has=page.locator(f"input.pick[value='{comment_id}']"))


def test_a_moderator_logs_in_and_sees_the_profanity_word_and_the_links_of_a_flagged_comment_highlighted(
    moderator: Watched,
) -> None:
    page = moderator.page
    assert page.locator("nav.tabs a[aria-current=page]").inner_text().startswith("Flagged")
    rude = card(page, "rude-1")
    assert rude.locator("mark.hl-profanity").inner_text() == "wanker"
    assert rude.locator("mark.hl-link").all_inner_texts() == ["https://a.example/x", "https://b.example/y"]
    assert "profanity/strong_profanity" in rude.locator("ul.chips").inner_text()
    assert rude.locator("meter").count() == 1
    assert "On this site" in rude.inner_text()
    assert moderator.console_errors == [] and moderator.dialogs == []


def test_the_keyboard_approves_the_comment_under_the_cursor_and_z_undoes_it(moderator: Watched, site: Site) -> None:
    page = moderator.page
    first_id = page.locator("article.card input.pick").first.get_attribute("value")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == "card-0"
    page.keyboard.press("a")
    page.wait_for_selector("#notice")
    assert "Approved: 1" in page.locator("#notice").inner_text()
    decided = status_of(site, first_id)
    assert (decided["status"], decided["decided_by"]) == ("approved", "camille")
    assert card(page, first_id).count() == 0
    page.keyboard.press("z")
    page.wait_for_selector("#notice >> text=Undone")
    assert status_of(site, first_id)["status"] == "flagged"
    assert card(page, first_id).count() == 1


def test_keys_do_nothing_while_typing_in_a_field(moderator: Watched, site: Site) -> None:
    page = moderator.page
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "search"
    page.keyboard.type("ja")
    assert page.input_value("#search") == "ja"
    assert status_of(site, "rude-1")["status"] == "flagged"


def test_a_whole_campaign_is_rejected_in_one_action(moderator: Watched, site: Site) -> None:
    page = moderator.page
    first = card(page, "camp-0")
    assert "2 similar" in first.inner_text()
    first.locator("button.campaign").click()
    page.wait_for_selector("#notice")
    assert "3 comment" in page.locator("#notice").inner_text()
    assert [status_of(site, f"camp-{n}")["status"] for n in range(3)] == ["rejected"] * 3


def test_the_history_of_a_comment_shows_who_changed_it_and_when(moderator: Watched) -> None:
    page = moderator.page
    rude = card(page, "rude-1")
    rude.locator("details.reject summary").click()
    rude.locator("select[name=reason]").select_option("abusive")
    rude.locator("input[name=note]").fill("insult")
    rude.locator("button.reject-button").click()
    page.wait_for_selector("#notice")
    page.goto(page.url.split("/queue")[0] + "/queue/history/rude-1")
    rows = page.locator("table.history tbody tr").all_inner_texts()
    assert any("worker" in row and "flagged" in row for row in rows)
    assert any("camille" in row and "rejected" in row and "insult" in row for row in rows)


def test_a_hostile_comment_is_shown_as_text_and_runs_no_script(moderator: Watched) -> None:
    page = moderator.page
    hostile = card(page, "hostile-1")
    assert "<script>alert(1)</script>" in hostile.locator("blockquote").inner_text()
    assert hostile.locator("script, img, b[onmouseover], a[href^='javascript:']").count() == 0
    hostile.locator("blockquote").hover()
    assert hostile.locator("a.site").count() == 0  # a javascript: website is not a link
    page.keyboard.press("?")
    page.keyboard.press("?")
    assert moderator.dialogs == [] and moderator.console_errors == []
    assert "script-src 'self'" in (page.request.get(page.url).headers["content-security-policy"])


def test_a_verdict_without_the_csrf_token_is_refused(moderator: Watched, site: Site) -> None:
    page = moderator.page
    answer = page.request.post(f"{site.url}/queue/verdict", form={"verdict": "approve", "ids": "rude-1"})
    assert answer.status == 403 and json.loads(answer.text())["field"] == "csrf"
    wrong = page.request.post(
        f"{site.url}/queue/verdict", form={"verdict": "approve", "ids": "rude-1", "csrf": "forged"}
    )
    assert wrong.status == 403
    assert status_of(site, "rude-1")["status"] == "flagged"


def test_wrong_passwords_are_limited_per_account(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    for _ in range(5):
        log_in(page, site, password="not the password")
        assert "Wrong name or password" in page.locator(".notice").inner_text()
    log_in(page, site)  # the right password, too late
    assert "Too many failed logins" in page.locator(".notice").inner_text()
    assert "/login" in page.url
    context.close()


def test_logging_out_ends_the_session(moderator: Watched, site: Site) -> None:
    page = moderator.page
    page.click("form[action='/logout'] button")
    page.wait_for_url("**/login")
    page.goto(f"{site.url}/queue")
    assert "/login" in page.url


def test_the_page_speaks_french_when_asked(browser: Any, site: Site) -> None:
    context = browser.new_context(viewport=DESKTOP, locale="fr-FR", extra_http_headers={"Accept-Language": "fr-FR"})
    page = context.new_page()
    log_in(page, site)
    page.wait_for_url("**/queue")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("nav.tabs a[aria-current=page]").inner_text().startswith("À revoir")
    context.close()


def test_screenshots_at_desktop_and_phone_sizes_and_no_serious_accessibility_violation(
    browser: Any, site: Site
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for name, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="en-GB", device_scale_factor=1)
        page = context.new_page()
        log_in(page, site)
        page.wait_for_url("**/queue")
        page.screenshot(path=str(SCREENSHOTS / f"queue-{name}.png"), full_page=False)
        results = Axe().run(page)
        severe = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
        assert severe == [], json.dumps([(v["id"], v["help"], len(v["nodes"])) for v in severe])
        if name == "phone":
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= viewport["width"], f"the page scrolls sideways on a phone ({width} px)"
        context.close()
    assert (SCREENSHOTS / "queue-phone.png").stat().st_size > 10_000


def test_new_comments_are_announced_and_not_pushed_under_the_cursor(browser: Any, site: Site) -> None:
    from tests import queue_data

    context = browser.new_context(viewport=DESKTOP, locale="en-GB")
    page = context.new_page()
    page.clock.install()
    log_in(page, site)
    page.wait_for_url("**/queue")
    shown = page.locator("article.card").count()
    queue_data.decide(site.settings, queue_data.flagged(3, "late"), start=queue_data.T0 + 100_000)
    page.clock.fast_forward(20_000)
    page.wait_for_selector("#live a")
    assert page.locator("#live a").inner_text() == "3 new: show them"
    assert page.locator("#live").get_attribute("aria-live") == "polite"
    assert page.locator("article.card").count() == shown
    context.close()


def test_a_comment_another_moderator_decided_meanwhile_says_so_and_keeps_their_verdict(
    moderator: Watched, site: Site
) -> None:
    page = moderator.page
    code, _, _ = site.api.request("POST", "/comments/rude-1/review", {"verdict": "reject", "moderator": "bo"})
    assert code == 200
    card(page, "rude-1").locator("button.approve").click()
    page.wait_for_selector("#notice")
    assert "Already decided by bo: rude-1 (rejected)" in page.locator("#notice").inner_text()
    assert status_of(site, "rude-1")["decided_by"] == "bo"


def test_selected_comments_are_approved_together_even_with_a_reason_chosen_for_rejections(
    moderator: Watched, site: Site
) -> None:
    page = moderator.page
    page.click("details.box summary >> text=With the selected comments")
    for comment_id in ("bulk-0", "bulk-1"):
        card(page, comment_id).locator("input.pick").check()
    page.select_option("#bulk select[name=reason]", "off_topic")
    page.click("#bulk button[value=approve]")
    page.wait_for_selector("#notice")
    assert "Approved: 2" in page.locator("#notice").inner_text()
    assert [status_of(site, i)["status"] for i in ("bulk-0", "bulk-1")] == ["approved", "approved"]
