"""An email address at the body's own domain, passed on with its phone number: an office's two lines, not a seller's.

A town hall, a federation or a club answers at its number and at an address of its own site ("appelez le 02 47 … ou
écrivez à contact@peche37.fr"); a reader passes both on. Scammers give an address at a mail provider (Gmail, Yahoo,
Outlook, Orange…), where anyone can open one under any name, next to their number or their messenger.
"""

from __future__ import annotations

import re

from worker.spam.reach import MAIL_PROVIDERS

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@([\w-]+)(?:\.[\w-]+)+")  # starts on a word's edge: linear


def own_domain_address(folded: str) -> bool:
    """Tell whether folded (not unjoined) text writes out one email address, at a domain that is no mail provider's."""
    hosts = _EMAIL.findall(folded) if "@" in folded else []
    return len(hosts) == 1 and hosts[0] not in MAIL_PROVIDERS
