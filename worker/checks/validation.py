"""Validation: a name, an email that is well formed (and optionally deliverable), some content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import dns.resolver
import email_validator
from email_validator import EmailNotValidError, EmailUndeliverableError, validate_email
from email_validator.deliverability import caching_resolver, validate_email_deliverability

from worker.checks.base import Context
from worker.models import Action, CheckResult, Comment, Reason
from worker.policy import Section
from worker.text import has_control_chars, nfkc, visible

NAME = "validation"
EMAIL_CACHE_SIZE = 4096
"""Addresses whose syntax verdict a process remembers: readers comment again and again."""

# A plain address: dot-separated ASCII words before the @, then host labels of letters, digits and inner
# hyphens. email_validator accepts every one (see :func:`plain_address`); anything else goes to it.
_PLAIN = re.compile(
    r"[A-Za-z0-9_+-]{1,64}(?:\.[A-Za-z0-9_+-]{1,64})*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+"
    r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?",
    re.ASCII,
)


def scrub(message: str, email: str) -> str:
    """Remove the address and its parts from a library message, so that no error publishes it."""
    local, _, domain = email.rpartition("@")
    for part in sorted({email, local, domain}, key=len, reverse=True):
        if len(part) >= 3:
            message = message.replace(part, "…")
    return message


def plain_address(email: str) -> bool:
    """True when ``email`` is a plain address that email_validator surely accepts (no DNS), without asking it.

    That is: at most 254 characters, at most 64 before the @, a top-level domain that ends with a letter,
    no ``--`` after the @ (Punycode and the rule on ``ab--``), and no special-use domain (``.local``...).
    """
    if len(email) > 254 or not _PLAIN.fullmatch(email) or not email[-1].isalpha():
        return False
    local, _, domain = email.partition("@")
    if len(local) > 64 or "--" in domain:
        return False
    domain = domain.lower()
    return not any(domain == d or domain.endswith("." + d) for d in email_validator.SPECIAL_USE_DOMAIN_NAMES)


@lru_cache(maxsize=EMAIL_CACHE_SIZE)
def syntax_problem(email: str) -> str | None:
    """Return why ``email`` is not a valid address (scrubbed of the address), or None; no DNS. Remembered."""
    if plain_address(email):
        return None
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError as exc:
        return scrub(str(exc), email)
    return None


def _has_content(content: str) -> bool:
    """True when ``content`` holds something once in NFKC form and trimmed."""
    first = content[:1]
    if first.isascii() and first.isalnum():  # an ASCII letter or digit stays one in NFKC: no need to normalise
        return True
    return bool(nfkc(content))


@dataclass(frozen=True, slots=True)
class ValidationCheck:
    """Rejects comments without a usable name, email or content."""

    check_deliverability: bool = False
    dns_timeout_s: float = 2.0
    name: str = NAME

    def _reason(self, code: str, message: str, **evidence: Any) -> Reason:
        return Reason(NAME, code, message, Action.REJECT, evidence)

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return one reject reason per problem found."""
        reasons = []
        name = nfkc(comment.author_name)
        if not visible(name):
            reasons.append(self._reason("name_missing", "A name is required."))
        elif has_control_chars(name):
            reasons.append(self._reason("name_invalid", "The name holds control or invisible characters."))
        if not _has_content(comment.content):
            reasons.append(self._reason("content_missing", "The comment is empty."))
        email_reason = self._check_email(comment.author_email.strip())
        if email_reason is not None:
            reasons.append(email_reason)
        return CheckResult(NAME, tuple(reasons))

    def _check_email(self, email: str) -> Reason | None:
        if not email:
            return self._reason("email_missing", "An email address is required.")
        if not self.check_deliverability:
            problem = syntax_problem(email)
            return None if problem is None else self._reason("email_invalid", problem)
        try:
            valid = validate_email(email, check_deliverability=False)
        except EmailNotValidError as exc:
            return self._reason("email_invalid", scrub(str(exc), email))
        if not self.check_deliverability:
            return None
        try:
            validate_email_deliverability(valid.ascii_domain, valid.domain, dns_resolver=_resolver(self.dns_timeout_s))
        except EmailUndeliverableError as exc:
            # Only a definite answer proves a bad address; a DNS failure or timeout proves nothing.
            if exc.__cause__ is None or isinstance(exc.__cause__, (dns.resolver.NXDOMAIN, dns.resolver.NoAnswer)):
                return self._reason("email_undeliverable", scrub(str(exc), email))
        return None


_RESOLVERS: dict[float, dns.resolver.Resolver] = {}


def _resolver(timeout_s: float) -> dns.resolver.Resolver:
    if timeout_s not in _RESOLVERS:
        resolver = caching_resolver(timeout=None)
        resolver.lifetime = timeout_s
        _RESOLVERS[timeout_s] = resolver
    return _RESOLVERS[timeout_s]


def build(section: Section) -> ValidationCheck:
    """Build the check from the policy's ``[validation]`` section."""
    return ValidationCheck(
        check_deliverability=section.get("check_deliverability", bool, False),
        dns_timeout_s=section.number("dns_timeout_s", 2.0, minimum=0.1),
    )
