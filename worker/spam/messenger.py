"""A messenger named in passing, not given as a way to reach someone.

A spammer paid by the reply names WhatsApp or Telegram to be written to there: with a number or a handle
("WhatsApp +234…", "Telegram @signals_jane", "Skype: jane.k"), or by asking for it ("contact him on WhatsApp",
"message me on Telegram", "WhatsApp me", "écrivez-moi sur WhatsApp"). Readers name the apps they use ("just maps
and WhatsApp", "my mum only answers on WhatsApp", "the Telegram update broke my notifications"), which reaches
nobody.
"""

from __future__ import annotations

import re

from worker.spam.phrases import compile_phrases, unjoined

# Asking to be written to, or told whom to write to: the verbs of reaching someone, in English and French.
_ASKED = compile_phrases(
    (
        "contact", "contacts", "contacting", "message", "msg", "text", "write", "reach", "add", "chat", "dm",
        "inbox", "ping", "hit me", "hit him", "hit her", "hit us", "join", "send", "get in touch", "talk to",
        "via", "whatsapp me", "whatsapp him", "whatsapp her", "whatsapp us", "telegram me", "kik me", "skype me",
        "snapchat me", "viber me", "me on", "him on", "her on", "us on", "contactez", "contacter", "contacte",
        "ecrivez", "ecrire", "ecris", "joindre", "joignez", "ajoutez", "ajoute", "discuter", "rejoignez",
        "rejoindre", "envoyez", "envoie", "par whatsapp", "par telegram",
    )
)  # fmt: skip
# A handle to write to ("@signals_jane", "Skype: jane.k", "Telegram - cryptojane"); not the message received there,
# quoted after the colon ("sur WhatsApp : « Salut papi… »").
_HANDLE = re.compile(
    r"(?<![\w.])@[a-z0-9_]{3,}|(?:whats\s?app|telegram|skype|snapchat|kik|viber|wechat)\s*[:=-]\s*[^\s«“\"']"
)


def gives_handle(folded: str) -> bool:
    """Tell whether folded text gives a handle to write to ("@signals_jane", "Skype: jane.k")."""
    return _HANDLE.search(folded) is not None


def asks_through(folded: str) -> bool:
    """Tell whether folded text asks to be written to, or gives a handle to write to, on a messenger it names."""
    return gives_handle(folded) or _ASKED.search(unjoined(folded)) is not None
