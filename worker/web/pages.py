"""The moderators' pages: log in and out, the queue (tabs, filters, cards), verdicts, campaigns, undo, history.

Server-rendered (Jinja2, every value escaped); the only script is ``static/queue.js`` from this package,
for the keyboard and the "N new" notice, and the pages work without it. Every request that changes
something carries the session's CSRF token; the login form a token of its own (a cookie and a field
that must match). The pages call the desk (:class:`worker.desk.Desk`) and the sessions store, never Redis.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from urllib.parse import parse_qsl, unquote, urlencode

import jinja2
from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from worker.desk import Desk
from worker.errors import BadCredentials, CommentNotFound, FieldError, LoginThrottled, NothingToUndo
from worker.models import JSON
from worker.queue import ORDERS, TABS, QueueQuery
from worker.sessions import Session, Sessions
from worker.store import redis_errors
from worker.verdicts import REJECT_REASONS, VERDICTS, VerdictReport
from worker.web.errors import APIError, error_response, json_response
from worker.web.i18n import LANGUAGES, choose, translator

SESSION_COOKIE = "mod_session"
LOGIN_COOKIE = "mod_login"
LANGUAGE_COOKIE = "mod_lang"
MAX_FORM_BYTES = 64 * 1024
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
"""No inline script or style, nothing from elsewhere, no framing."""
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cache-Control": "no-store",
}
_QUERY_FIELDS = ("tab", "post", "check", "reason", "campaign", "author", "search", "order", "page", "per_page")


class LoginRequired(Exception):
    """The request has no valid session."""


def segments(content: str, highlights: list[dict[str, JSON]]) -> list[tuple[str, str | None, str]]:
    """Cut the text into ``(text, kind, term)`` pieces, ``kind`` set on the evidence to highlight (no overlaps)."""
    pieces: list[tuple[str, str | None, str]] = []
    at = 0
    for mark in sorted(highlights, key=lambda h: (int(str(h["start"])), -int(str(h["end"])))):
        start, end = int(str(mark["start"])), int(str(mark["end"]))
        if start < at or end <= start or end > len(content):
            continue
        if start > at:
            pieces.append((content[at:start], None, ""))
        pieces.append((content[start:end], str(mark["kind"]), str(mark.get("term", ""))))
        at = end
    if at < len(content):
        pieces.append((content[at:], None, ""))
    return pieces


def query_string(query: QueueQuery, **changes: Any) -> str:
    """The URL query of a queue query (only what differs from the defaults)."""
    chosen = replace(query, **changes) if changes else query
    defaults = QueueQuery()
    values = {name: getattr(chosen, name) for name in _QUERY_FIELDS}
    kept = {k: v for k, v in values.items() if v not in (None, "") and v != getattr(defaults, k)}
    return urlencode(kept)


def _parse_query(params: Mapping[str, str]) -> QueueQuery:
    return QueueQuery.from_params({k: v for k, v in params.items() if k in _QUERY_FIELDS})


async def read_form(request: Request) -> dict[str, list[str]]:
    """The urlencoded form of a POST, as lists of values; 413 over :data:`MAX_FORM_BYTES`."""
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        raise APIError(413, f"the form is more than {MAX_FORM_BYTES} bytes")
    raw = await request.body()
    if len(raw) > MAX_FORM_BYTES:
        raise APIError(413, f"the form is more than {MAX_FORM_BYTES} bytes")
    form: dict[str, list[str]] = {}
    for name, value in parse_qsl(raw.decode("utf-8", errors="replace"), keep_blank_values=True):
        form.setdefault(name, []).append(value)
    return form


def _first(form: Mapping[str, list[str]], name: str) -> str:
    values = form.get(name) or [""]
    return values[0]


def _same(given: str, expected: str) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


class Pages:
    """The moderators' pages over one desk and its sessions."""

    def __init__(self, desk: Desk, sessions: Sessions, templates: jinja2.Environment) -> None:
        self.desk = desk
        self.sessions = sessions
        self.templates = templates

    # Plumbing -------------------------------------------------------------------------------------------

    def language(self, request: Request) -> str:
        """The page's language."""
        return choose(request.cookies.get(LANGUAGE_COOKIE), request.headers.get("accept-language", ""))

    def render(self, request: Request, template: str, status: int = 200, **values: Any) -> Response:
        """A page from a template, with the security headers and the time it took the server."""
        language = self.language(request)
        started = request.scope.get("state", {}).get("started", time.perf_counter())
        html = self.templates.get_template(template).render(
            t=translator(language), lang=language, other_lang=next(x for x in LANGUAGES if x != language), **values
        )
        headers = {**SECURITY_HEADERS, "Server-Timing": f"app;dur={(time.perf_counter() - started) * 1000:.2f}"}
        return HTMLResponse(html, status, headers)

    def session(self, request: Request) -> Session:
        """The logged-in moderator's session; raise :class:`LoginRequired` without one."""
        with redis_errors():
            found = self.sessions.get(request.cookies.get(SESSION_COOKIE, ""))
            if found is None or not self.desk.moderators.exists(found.moderator):
                raise LoginRequired
        return found

    async def checked_form(self, request: Request) -> tuple[Session, dict[str, list[str]]]:
        """The session and form of a state-changing request, refused (403) without the session's CSRF token."""
        session = await run_in_threadpool(self.session, request)
        form = await read_form(request)
        given = _first(form, "csrf") or request.headers.get("x-csrf-token", "")
        if not _same(given, session.csrf):
            raise APIError(403, "the CSRF token is missing or wrong: reload the page", "csrf")
        return session, form

    def back_to_queue(self, form: Mapping[str, list[str]]) -> tuple[QueueQuery, str]:
        """The queue query the form came from, and the address to go back to (never elsewhere)."""
        try:
            query = _parse_query(dict(parse_qsl(_first(form, "back"))))
        except FieldError:
            query = QueueQuery()
        focus = _first(form, "focus")
        anchor = f"#focus-{int(focus)}" if focus.isdigit() else ""
        return query, f"/queue?{query_string(query)}{anchor}"

    # Handlers --------------------------------------------------------------------------------------------

    def login_page(self, request: Request, error: str = "", status: int = 200, name: str = "") -> Response:
        """The login form, with a fresh login CSRF token in a cookie and in the form."""
        token = secrets.token_urlsafe(24)
        response = self.render(request, "login.html", status, csrf=token, error=error, name=name)
        response.set_cookie(LOGIN_COOKIE, token, max_age=3600, path="/login", **_cookie_flags(request))
        return response

    async def login(self, request: Request) -> Response:
        """Check the name and password (argon2, in a worker thread) against the login limits; open a session."""
        form = await read_form(request)
        if not _same(_first(form, "csrf"), request.cookies.get(LOGIN_COOKIE, "")):
            raise APIError(403, "the CSRF token is missing or wrong: reload the page", "csrf")
        name, password = _first(form, "name").strip(), _first(form, "password")
        address = request.client.host if request.client else ""
        t = translator(self.language(request))
        try:
            with redis_errors():
                moderator = await run_in_threadpool(self.desk.moderators.login, name, password, address)
                session = await run_in_threadpool(self.sessions.create, moderator.name)
        except BadCredentials:
            return self.login_page(request, t("login.bad"), 401, name)
        except LoginThrottled as exc:
            response = self.login_page(request, t("login.throttled", seconds=exc.retry_after_s), 429, name)
            response.headers["Retry-After"] = str(exc.retry_after_s)
            return response
        response = RedirectResponse("/queue", 303)
        response.set_cookie(SESSION_COOKIE, session.id, max_age=None, path="/", **_cookie_flags(request))
        return response

    async def logout(self, request: Request) -> Response:
        """End the session."""
        session, _ = await self.checked_form(request)
        with redis_errors():
            await run_in_threadpool(self.sessions.end, session.id)
        response = RedirectResponse("/login", 303)
        response.delete_cookie(SESSION_COOKIE, path="/")
        return response

    def queue_page(self, request: Request) -> Response:
        """One page of the queue for the logged-in moderator."""
        session = self.session(request)
        params = dict(request.query_params)
        notice = session.notice
        try:
            query = _parse_query(params)
        except FieldError as exc:
            query, notice = QueueQuery(), {"kind": "error", "field": exc.field, "error": exc.message}
        with redis_errors():
            page = self.desk.queue.page(query)
            newest = self.desk.queue.page(replace(query, order="newest", page=1, per_page=1, cursor=None))
        since = max([c.submitted_at for c in newest.items], default=time.time())
        return self.render(
            request, "queue.html", session=session, page=page, query=query, notice=notice, since=since,
            tabs=TABS, orders=ORDERS, reasons=REJECT_REASONS, verdicts=VERDICTS, segments=segments,
            qs=lambda **changes: query_string(query, **changes), back=query_string(query),
        )  # fmt: skip

    def new_count(self, request: Request) -> Response:
        """How many comments arrived in the tab (filters applied) after ``since``, for the "N new" notice."""
        self.session(request)
        params = dict(request.query_params)
        try:
            since = float(params.pop("since", ""))
        except ValueError:
            raise APIError(400, "must be a time in seconds", "since") from None
        query = replace(_parse_query(params), search="")
        return json_response({"new": self.desk.queue.count_after(query, since)})

    async def verdict(self, request: Request) -> Response:
        """A verdict on the selected comments, or on all matching the query, as the logged-in moderator."""
        session, form = await self.checked_form(request)
        query, address = self.back_to_queue(form)
        verdict, ids = _first(form, "verdict"), [i for i in form.get("ids", []) if i]
        # One form offers every verdict: its reason list counts for a rejection only.
        reason = (_first(form, "reason") or None) if verdict == "reject" else None
        note = _first(form, "note")

        def decide() -> VerdictReport | None:
            verdicts = self.desk.verdicts
            if _first(form, "all_matching") == "1":
                return verdicts.decide_matching(query, verdict, session.moderator, reason=reason, note=note)
            if not ids:
                return None
            return verdicts.decide(ids, verdict, session.moderator, reason=reason, note=note)

        try:
            with redis_errors():
                report = await run_in_threadpool(decide)
        except FieldError as exc:
            return await self.flash(session, {"kind": "error", "field": exc.field, "error": exc.message}, address)
        if report is None:
            return await self.flash(session, {"kind": "none_selected"}, address)
        return await self.flash(session, _report_notice(verdict, report), address)

    async def campaign(self, request: Request) -> Response:
        """Reject every comment of a near-duplicate campaign (as spam unless a reason is given)."""
        session, form = await self.checked_form(request)
        _, address = self.back_to_queue(form)
        reason = _first(form, "reason") or None
        verdict = "reject" if reason else "spam"

        def reject() -> VerdictReport:
            return self.desk.verdicts.reject_campaign(
                _first(form, "id"), session.moderator, verdict=verdict, reason=reason, note=_first(form, "note")
            )

        try:
            with redis_errors():
                report = await run_in_threadpool(reject)
        except (FieldError, CommentNotFound) as exc:
            notice: dict[str, JSON] = {"kind": "error", "field": "id", "error": str(exc)}
            return await self.flash(session, notice, address)
        return await self.flash(session, _report_notice(verdict, report), address)

    async def undo(self, request: Request) -> Response:
        """Undo the moderator's last verdict, within the undo window."""
        session, form = await self.checked_form(request)
        _, address = self.back_to_queue(form)
        try:
            with redis_errors():
                report = await run_in_threadpool(self.desk.verdicts.undo, session.moderator)
        except NothingToUndo:
            return await self.flash(session, {"kind": "nothing_to_undo"}, address)
        notice: dict[str, JSON] = {"kind": "undone", "n": len(report.restored), "skipped": len(report.skipped)}
        return await self.flash(session, notice, address)

    def history_page(self, request: Request, comment_id: str) -> Response:
        """Every change of one comment's status: when, by whom, from what to what, and the note."""
        session = self.session(request)
        with redis_errors():
            card = self.desk.queue.card(comment_id)
            entries = self.desk.queue.history(comment_id)
        return self.render(request, "history.html", session=session, card=card, entries=entries)

    async def flash(self, session: Session, notice: dict[str, JSON], address: str) -> Response:
        """Keep the notice for the next page and go back to the queue (POST, redirect, GET)."""
        with redis_errors():
            await run_in_threadpool(self.sessions.flash, session.id, notice)
        return RedirectResponse(address, 303)


def _report_notice(verdict: str, report: VerdictReport) -> dict[str, JSON]:
    already: list[JSON] = [{"id": e.comment_id, "by": e.decided_by, "status": e.status} for e in report.already]
    return {"kind": "done", "verdict": verdict, "n": len(report.decided), "already": already,
            "missing": len(report.missing)}  # fmt: skip


def _cookie_flags(request: Request) -> dict[str, Any]:
    """HttpOnly, SameSite=Lax, and Secure whenever the request came over TLS (or through a TLS proxy)."""
    return {"httponly": True, "samesite": "lax", "secure": request.url.scheme == "https"}


def build_pages(pages: Pages) -> APIRouter:
    """The pages' routes (left out of the API's schema)."""
    router = APIRouter(route_class=PageRoute, include_in_schema=False)

    @router.get("/")
    async def home() -> Response:
        return RedirectResponse("/queue", 303)

    @router.get("/login")
    async def login_form(request: Request) -> Response:
        return pages.login_page(request)

    router.add_api_route("/login", pages.login, methods=["POST"])
    router.add_api_route("/logout", pages.logout, methods=["POST"])
    router.add_api_route("/queue/verdict", pages.verdict, methods=["POST"])
    router.add_api_route("/queue/campaign", pages.campaign, methods=["POST"])
    router.add_api_route("/queue/undo", pages.undo, methods=["POST"])

    @router.get("/queue")
    async def queue(request: Request) -> Response:
        return await run_in_threadpool(pages.queue_page, request)

    @router.get("/queue/new")
    async def new(request: Request) -> Response:
        return await run_in_threadpool(pages.new_count, request)

    @router.get("/queue/history/{id:path}")
    async def history(id: str, request: Request) -> Response:
        return await run_in_threadpool(pages.history_page, request, unquote(id))

    @router.get("/language/{code}")
    async def language(code: str, request: Request) -> Response:
        back = request.headers.get("referer", "")
        target = "/queue" if "/queue" not in back else "/queue?" + back.partition("?")[2]
        response = RedirectResponse(target if code in LANGUAGES else "/queue", 303)
        if code in LANGUAGES:
            response.set_cookie(LANGUAGE_COOKIE, code, max_age=365 * 86400, path="/", **_cookie_flags(request))
        return response

    return router


class PageRoute(APIRoute):
    """A page route: without a session, the login page (401 for a POST); other failures as the API's JSON errors."""

    def get_route_handler(self) -> Callable[[Request], Any]:
        """Time the page, and answer every exception."""
        handler = super().get_route_handler()

        async def page(request: Request) -> Response:
            request.scope.setdefault("state", {})["started"] = time.perf_counter()
            try:
                response: Response = await handler(request)
            except LoginRequired:
                if request.method != "GET":
                    return json_response({"error": "log in first", "field": "session"}, 401)
                return RedirectResponse("/login?" + urlencode({"next": request.url.path}), 303)
            except Exception as exc:
                return error_response(exc, request, {})
            return response

        return page
