"""A creator pointing readers at their own work: the video site's self-promotion, told without "my channel".

Under a music video, small channels advertise their covers, remixes, beats and channels in the first person
("I did a piano cover of this, go listen", "check out the acoustic version I uploaded", "j'ai fait une reprise,
dites-moi ce que vous en pensez"), so that the readers leave for their page: the views are what they are after.
Fans write "I covered this at my school show" or "my brother made a remix" too, but ask nobody to go and hear it:
the signal needs the writer's own work (something made, not a thing owned: "my favourite version" is none) and an
ask to the readers to look, listen or judge. Opening a channel is an ask of itself ("I just started a gaming
channel"). A tutorial's reader who "made a version of the script" makes no song, cover or channel.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from worker.models import JSON
from worker.spam.evidence import Signal
from worker.spam.phrases import compile_phrases, key_words, unjoined, watched

_WORK = (
    r"covers?|remix(?:es)?|mashups?|beats?|songs?|singles?|ep|album|mixtape|tracks?|music video|videos?|parody|"
    r"animations?|raps?|instrumentals?|reprises?|clips?|sons|morceaux|morceau|chansons?|instrus?|"
    r"(?:acoustic|piano|guitar|lofi|lo fi|slowed|nightcore|8d|remix|rock|metal|jazz|fusion|dance|cover|orchestral|"
    r"acoustique|guitare|a cappella|acapella)\s+versions?|versions?\s+(?:acoustique|piano|guitare|remix|rock|jazz)"
)
_CHANNEL = r"(?:[\w-]+\s+){0,2}?channel|chaine"
"""A channel, "a small music channel" too ("une chaîne" is one in French whatever follows)."""
_MAKING = (
    r"made|did|recorded|uploaded|posted|produced|covered|remixed|released|dropped|wrote|filmed|put out|put up|"
    r"created|finished|fait|enregistre|poste|publie|sorti|cree|compose|mis en ligne|realise|tourne|repris"
)
_STARTING = r"made|started|starting|created|opened|launched|cree|lance|ouvert|commence"
_THE = r"(?:a|an|my|our|this|these|some|the|another|two|three|\d+|une|un|des|ma|mon|mes|ce|cette|la|le|l|ma propre)"
"""What the made thing opens on: "I made a cover", not "I made my kids watch the video"."""
_MADE = re.compile(
    rf"\b(?:i|we)(?: ve| have)?\s+(?:just\s+|finally\s+|also\s+|recently\s+|even\s+)?(?:{_MAKING})\s+{_THE}\s+"
    rf"(?:[\w-]+\s+){{0,2}}?(?:{_WORK})\b"
    rf"|\b(?:{_WORK})\s+(?:that\s+|which\s+)?(?:i|we)\s+(?:just\s+|recently\s+)?(?:{_MAKING})\b"
    r"|\bi\s+(?:make|do|upload|post|produce|record)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:covers?|remix(?:es)?|beats?|videos?|animations?|mashups?|parod(?:y|ies)|raps?|songs?|music)\b"
    rf"|\bj\s+ai\s+(?:aussi\s+|enfin\s+|meme\s+)?(?:{_MAKING})\s+{_THE}\s+(?:[\w-]+\s+){{0,2}}?(?:{_WORK})\b"
    r"|\bje\s+(?:fais|poste|publie|sors|compose)\s+(?:des|mes|de)\s+(?:[\w-]+\s+){0,1}?"
    r"(?:reprises|covers|remix|videos|clips|sons|beats|instrus|chansons|morceaux)\b"
    r"|\bmy\s+own\s+(?:cover|remix|version|song|beat|music|mashup|track)\b"
    r"|\bma\s+propre\s+(?:reprise|version|chanson|musique)\b"
)
_RELEASE = re.compile(
    rf"\bmy\s+(?:[\w-]+\s+){{0,3}}?(?:{_WORK}|versions?)\s+(?:of\s+this\s+)?(?:is\s+|just\s+)?"
    r"(?:up|out|came out|dropped|is out|is live)\b"
)
"""A release of the writer's own announced ("my loop pedal version of this is up now", "my first EP just came out")."""
_OPENED = re.compile(
    rf"\b(?:i|we)(?: ve| have| m| am| re| are)?\s+(?:just\s+|recently\s+|finally\s+)?(?:{_STARTING})\s+"
    r"(?:a|an|my|our)\s+"
    rf"(?:{_CHANNEL})\b"
    rf"|\bj\s+ai\s+(?:enfin\s+)?(?:{_STARTING})\s+(?:ma|une)\s+(?:{_CHANNEL})\b"
)
_ASK = compile_phrases(
    (
        # English
        "go listen", "go check", "go watch", "go hear", "go see", "give it a listen", "give it a watch",
        "give it a view", "have a listen", "take a listen", "have a look", "take a look", "check it out",
        "check out", "check them out", "listen to it", "watch it", "hear it", "tell me what you think",
        "let me know what you think", "what do you think", "what you guys think", "feedback", "would mean a lot",
        "would mean the world", "mean so much", "subscribe", "sub", "support", "in my bio", "on my channel",
        "on my page", "on my profile", "click", "any views", "a view", "some views", "a listen", "rate it",
        "judge it", "appreciated", "self promote", "self promo", "shameless plug", "tell me honestly",
        "listen and tell me", "on any platform", "on all platforms", "drop a like", "hit follow", "on spotify",
        "on apple music", "on all streaming",
        # French
        "allez ecouter", "allez voir", "allez la voir", "allez le voir", "venez ecouter", "venez voir", "ecoutez",
        "ecoutez la", "ecoutez le", "regardez", "regardez la", "dites moi", "donnez moi votre avis", "votre avis",
        "vos avis", "ca me ferait plaisir", "me ferait plaisir", "sur ma chaine", "abonnez", "abonne toi",
        "un petit tour", "jetez un oeil", "jeter un oeil", "soutien", "soutenir",
    )
)  # fmt: skip
_KEYS = watched(
    {"made", "did", "recorded", "uploaded", "posted", "produced", "covered", "remixed", "released", "dropped", "wrote",
     "filmed", "put", "created", "finished", "make", "do", "upload", "post", "produce", "record", "started", "opened",
     "launched", "own", "fait", "enregistre", "poste", "publie", "sorti", "cree", "compose", "mis", "realise",
     "tourne", "fais", "sors", "propre", "lance", "ouvert", "commence", "repris", "starting"}
)  # fmt: skip
"""The words one of which the writer's own work needs (its verb): most comments hold none, told at one look."""
_RELEASED = watched({"up", "out", "came", "dropped", "live"})
"""Or, with "my", the words of a release announced ("my first EP just came out")."""


_WORKS = watched(
    {"cover", "covers", "remix", "remixes", "mashup", "mashups", "beat", "beats", "song", "songs", "single", "singles",
     "ep", "album", "mixtape", "track", "tracks", "video", "videos", "parody", "animation", "animations", "rap", "raps",
     "instrumental", "instrumentals", "reprise", "reprises", "clip", "clips", "sons", "morceau", "morceaux", "chanson",
     "chansons", "instru", "instrus", "version", "versions", "channel", "chaine", "music", "musique", "remixe"}
)  # fmt: skip
"""The words one of which the work made needs: with a verb of :data:`_KEYS`, few comments hold one."""


_STARTED = watched(_STARTING.split("|"))
"""The verbs of a channel opened (:data:`_STARTING`), each a whole word in :data:`_OPENED`'s matches."""
_CHANNELS = watched({"channel", "chaine"})
_MY = watched({"my"})


def _may_open(held: frozenset[str]) -> bool:
    """Tell whether a text of these words may tell of a channel opened (:data:`_OPENED`): its verb and the channel."""
    return not _STARTED.isdisjoint(held) and not _CHANNELS.isdisjoint(held)


def own_work(folded: str, weights: Mapping[str, float]) -> Signal | None:
    """The writer's own cover, remix, song or channel, with an ask to the readers to go and see it."""
    held = key_words(folded)  # its words among those of the sets below (all watched): a few, read at once
    released = not _MY.isdisjoint(held) and not _RELEASED.isdisjoint(held)
    if (_KEYS.isdisjoint(held) and not released) or _WORKS.isdisjoint(held):
        return None
    text = unjoined(folded)
    opened = _OPENED.search(text) if _may_open(held) else None
    ask = _ASK.search(text)
    if opened is None and ask is None:
        return None  # "I covered this at my school show": told, not advertised (told before the costlier patterns)
    made = opened or (_MADE.search(text) if not _KEYS.isdisjoint(held) else None)
    if made is None and released:
        made = _RELEASE.search(text)
    if made is None:
        return None
    evidence: dict[str, JSON] = {"work": " ".join(made.group().split())[:60]}
    if ask is not None:
        evidence["ask"] = ask.group()
    return Signal("own_work", weights["own_work"], evidence)
