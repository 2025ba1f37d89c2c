"""Private ways to be reached that a filter misses: addresses spelled out, numbers glued to a messenger's name.

A spammer paid by the reply gives a way to write to them that a reader can type and a filter cannot read:
"jean (at) gmail (dot) com", "jean[at]gmail[dot]com", "jean arobase gmail point com", "whatsapp:+229…",
"wa.me/229…". Nobody spells their address out to be read more easily. "at" is a word too ("look at
google dot com"), so a bare "at" counts only before a mail provider's name and after a name that is no
little word; brackets, "arobase" or "@" set apart count before any host.
"""

from __future__ import annotations

import re

from worker.spam.spelled import LITTLE_WORDS

MAIL_PROVIDERS = frozenset(
    {
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol", "icloud", "me", "mail",
        "gmx", "yandex", "protonmail", "proton", "zoho", "mailfence", "tutanota", "orange", "free", "laposte",
        "wanadoo", "sfr", "neuf", "bbox", "numericable", "aliceadsl", "club-internet", "rediffmail", "qq", "163",
    }
)  # fmt: skip
"""Mail providers' names, before which a bare "at" is an address's "@"."""

_NAME = r"[a-z0-9](?:[a-z0-9._-]{0,40}[a-z0-9])?"
_HOST = r"[a-z0-9](?:[a-z0-9-]{0,40}[a-z0-9])?"
_ENDINGS = r"com|net|org|fr|be|ch|ca|uk|de|it|es|info|biz|io|ru|co"
_DOT = r"\s*[(\[{<]\s?(?:dot|point|\.)\s?[)\]}>]\s*|\s+(?:dot|point)\s+|\s+\.\s+|\.|\s+\.|\.\s+"
_AT_OPEN = r"\s?(?:at|@|arobase)\s?[)\]}>]\s*"
"""After an opening bracket: "(at)", "[@]", "{ arobase }"."""
# The "at" as a spammer dresses it ("(at)", " arobase ", " @ ") or a bare " at ", found from the space or bracket
# that opens it: a pattern that starts on a set of characters is looked for quickly, one starting on "\s*" is
# tried at every position. The name before it is read from what comes before.
_AT_HOST = re.compile(
    rf"[\s(\[{{<](?:(?<=\s)\s*(?:[(\[{{<]{_AT_OPEN}|(?:arobase|@)\s+|(?P<bare>at)\s+)|(?<=[(\[{{<]){_AT_OPEN})"
    rf"(?P<host>{_HOST})(?:{_DOT})(?:{_ENDINGS})(?![\w-])"
)
_AT_MARKS = (" at", "\nat", "\tat", "(at", "[at", "{at", "<at", "@", "arobase")
"""What every "at" of :data:`_AT_HOST` holds: a text with none (the usual case) is told by substring searches."""
_DOTTED_ENDING = re.compile(rf"(?:\.|dot|point)[\s)\]}}>]*(?:{_ENDINGS})(?![\w-])")
"""What every match of :data:`_AT_HOST` ends on (a dot as :data:`_DOT` writes it, then an ending): most texts with
an "at" have none, and this is looked for far more quickly than an address from every space."""
_NOT_NAMES = LITTLE_WORDS | {"me", "us", "him", "them", "it", "look", "looked", "looking", "here", "there"}
"""Words before a bare "at" that make it a word ("look at gmail dot com"), not an address's "@"."""
_NAME_BEFORE = re.compile(rf"(?<![\w.@-])({_NAME})$")
_APPS = r"whats\s?app|telegram|viber|signal|wechat|wa\.me|t\.me"
_APP_WORDS = ("whats", "telegram", "viber", "signal", "wechat", "wa.me", "t.me")
# A number against the messenger's name or link ("whatsapp:+229…", "wa.me/229…"): a phone finder leaves digits
# after ":" or "/" alone (times, links), so these are found here.
_APP_NUMBER = re.compile(rf"(?<!\w)(?:{_APPS})\s*[:/=]\+?\d[\d \-.()]{{6,18}}\d(?!\d)")


def spelled_emails(folded: str) -> int:
    """Return how many email addresses ``folded`` text spells out ("jean (at) gmail (dot) com")."""
    if not any(map(folded.__contains__, _AT_MARKS)) or not _DOTTED_ENDING.search(folded):
        return 0
    count = 0
    for match in _AT_HOST.finditer(folded):
        name = _NAME_BEFORE.search(folded, max(0, match.start() - 42), match.start())
        if name is None:
            continue
        if match.group("bare") is not None and (
            match.group("host") not in MAIL_PROVIDERS or name.group(1) in _NOT_NAMES
        ):
            continue
        count += 1
    return count


def app_numbers(folded: str) -> int:
    """Return how many phone numbers ``folded`` text glues to a messenger's name or link ("whatsapp:+229…")."""
    return len(_APP_NUMBER.findall(folded)) if any(map(folded.__contains__, _APP_WORDS)) else 0
