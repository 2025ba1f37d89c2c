"""Abuse: insults, threats, harassment, hate and sexual abuse in English and French, scored from 0 to 1.

The score is the probability of the learned model (:mod:`worker.abuse.model`): the shipped weights plus
what moderators taught it, shared by every worker (``Context.facts["abuse.model"]``, from
:mod:`worker.abuse.state`; the shipped model alone when absent). From ``flag_at`` the comment is held for
a moderator, from ``reject_at`` rejected, provided one word or word pair weighs at least ``EVIDENCE_AT`` (a score
made of many small weights in a long comment names nothing abusive: not held). The reason's evidence names the
words and word pairs that weigh most, with their spans, and a category where the words tell one
(:mod:`worker.abuse.categories`).
A comment the model would hold is then read for its context (:mod:`worker.abuse.context`, policy
``context``): quoted to condemn, counter-speech, reclaimed or criticism lowers the score, and a comment
that falls below ``flag_at`` keeps an evidence-only reason (code ``context``) naming the cues.
A comment that makes a threat to the reader in its own voice (:mod:`worker.abuse.threats`: "I'll slit your
throat", "je vais te retrouver") scores at least ``threat``: the model weighs words, and a threat is often
made of everyday ones; the threat is the evidence's first term and its category.
For a comment in English, ``english`` times the log-odds of a second model (:mod:`worker.abuse.english`,
alt-profanity-check's, learnt from other comments than the project's) is added to the model's log-odds.
A comment that makes an English frame of abuse in everyday words (:mod:`worker.abuse.frames`: "you'll regret this",
"I'll keep posting until you leave", "they are vermin") takes that model's log-odds as no lower than 0 (it reads
swearing, which these lack) and adds ``frame``; the frame is the evidence's first term and names the category.
A sexual remark aimed at someone, English or French (:mod:`worker.abuse.sexual`: "send nudes", "t'es bonne"), is
such a frame, of category ``sexual``, and scores at least ``sexual`` (held by the default ``flag_at``), as a threat
does: its words are everyday ones the model weighs little ("I'd bang her" 0.57 with the frame alone). A frame of
harassment or dehumanising hate likewise scores at least ``hate_harassment``; French hate against a group in everyday
words (:mod:`worker.abuse.haine`: "ces migrants sont des rats", "qu'on les renvoie tous dans leur pays",
"remigration") is such a frame of hate.
Swearing aimed at no one ("holy shit what a goal", "putain de bus") is the profanity check's, which the policy's
``action_mild`` and ``action_strong`` decide: when a comment aims at no person nor group (no second person, no one
pointed at where it swears, no insult, slur, threat nor frame: :mod:`worker.abuse.swearing`), neither model counts its
swear words, and it is held only when its other words weigh; the evidence does not name them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from worker.abuse import facts as fact
from worker.abuse.categories import category
from worker.abuse.context import NOTHING, Reading, read
from worker.abuse.english import shipped_english
from worker.abuse.features import innocent_words, spans_of, words
from worker.abuse.frames import ANCHORS as FRAME_ANCHORS
from worker.abuse.frames import frames
from worker.abuse.haine import ANCHORS as HAINE_ANCHORS
from worker.abuse.haine import haine
from worker.abuse.language import DEFAULT_LANGUAGE, innocent_anywhere, told_language
from worker.abuse.model import NEW_TUPLE, AbuseModel, Term, WeightsError, shipped_model, sigmoid
from worker.abuse.sexual import ANCHORS as SEXUAL_ANCHORS
from worker.abuse.sexual import KIND as SEXUAL
from worker.abuse.sexual import sexual
from worker.abuse.speech import blanked
from worker.abuse.swearing import expletives, unaimed_swearing
from worker.abuse.threats import TRIGGERS, threats
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import JSON, Action, CheckResult, Comment, Reason
from worker.policy import Section

NAME = "abuse"
DEFAULT_FLAG_AT = 0.6
DEFAULT_REJECT_AT = 0.999
DEFAULT_REFRESH_S = 1.0
DEFAULT_ENGLISH = 0.5
"""Share of the English model's log-odds added for an English comment: trained together with the project's
model's features on its training sets, a logistic regression gave it 0.57."""
DEFAULT_FRAME = 1.0
"""Log-odds a frame of abuse in everyday words adds, beside the English model's pull-down it cancels. On the news
set's English comments (measured only), with the shipped weights of 2026-12-07: F1 of both 0.545 without frames,
0.588 with 0.5, 0.602 with 1 and with 2 (harassment held 1, 3, 4 and 4 of 10); no shared set's F1 moved (3 of their
46,782 texts make a frame, all 3 labelled abusive)."""
DEFAULT_THREAT = 0.9
"""Score a comment that makes a threat gets at least: held by the default ``flag_at``. It never rejects by itself:
rejecting needs the project's model alone to be near certain."""
DEFAULT_SEXUAL = DEFAULT_FLAG_AT
"""Score a sexual remark aimed at someone gets at least: held by the default ``flag_at``, never rejected by itself.
The frame share alone left 11 of the 43 remarks of the unit tests below the line ("I'd bang her, never mind the
article." 0.57, "Great article. Send nudes pls" 0.38); on the shared sets 73 of the 74 texts read as a remark are
labelled abusive. The floor moved no benchmark figure: the remarks read in their measured parts were held already."""
DEFAULT_HATE_HARASSMENT = DEFAULT_FLAG_AT
"""Score a frame of harassment or dehumanising hate gets at least (held by the default ``flag_at``, never rejected by
itself), as a sexual remark does: "nobody wants you here", "deport them all", "we'll make sure everyone knows what you
did" are everyday words the model weighs little, and the frame share alone left them below the line (0.53, 0.51)."""
HOLDING_KINDS = frozenset({"harassment", "hate"})
"""Kinds of frame that hold by themselves, at ``hate_harassment``: insult put-downs keep the frame share alone."""
LOGIT_EDGE = 1e-9
"""How near 0 or 1 a probability is taken when turned into log-odds."""
TOP_TERMS = 5
TERM_SHARE = 0.25
"""A term is evidence when it weighs at least this share of the heaviest one: "idiot", not "you are"."""
EVIDENCE_AT = 0.35
"""Log-odds the heaviest term must add for the model to hold a comment (a threat or a frame holds by itself): the
model's small weights add up in a long comment until one with no abusive word is held (a 300-word comment about
trade at 0.99 with no word above 0.1), and a moderator must be shown what is abusive. On the Kaggle insults set's
first part (by :func:`bench.abuse_sets.split`, measured only), 0.3, 0.35, 0.4 and 0.5 released 9, 16, 19 and 39 clean
comments held and 0, 0, 1 and 5 insults; no other set lost a comment held below 0.35 but one OLID tweet."""


@dataclass(frozen=True, slots=True)
class AbuseCheck:
    """Holds a comment whose abuse score reaches ``flag_at``, rejects it from ``reject_at``."""

    flag_at: float = DEFAULT_FLAG_AT
    reject_at: float = DEFAULT_REJECT_AT
    learned: bool = True
    refresh_s: float = DEFAULT_REFRESH_S
    context: bool = True
    english: float = DEFAULT_ENGLISH
    threat: float = DEFAULT_THREAT
    frame: float = DEFAULT_FRAME
    sexual: float = DEFAULT_SEXUAL
    hate_harassment: float = DEFAULT_HATE_HARASSMENT
    name: str = NAME

    def model(self, context: Context) -> AbuseModel:
        """Return the shared model from the facts (with the moderators' lessons), else the shipped one."""
        shared = context.facts.get(fact.MODEL) if self.learned else None
        return shared if isinstance(shared, AbuseModel) else shipped_model()

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return the abuse score, and a reason holding or rejecting the comment when it is high enough.

        A comment the model would hold is read once more for its context (:mod:`worker.abuse.context`): words
        quoted to condemn them, counter-speech, reclaimed words and criticism lower its score; when that
        takes it below ``flag_at`` the reason stays, as evidence only (it approves), for a moderator to read.
        """
        model = self.model(context)
        text = comment.content
        found = words(text)
        # The words each reading below starts from, found in one pass: a reading none of whose words is there finds
        # nothing, and is not asked (most comments hold a few of these words at most).
        cued = _cues().intersection(found)
        told = told_language(found, comment.language) if self.english else None  # guessed once, used twice
        # French hate's constructions are French: a comment whose words tell English is not read by them.
        french = self.frame and told != DEFAULT_LANGUAGE and not HAINE_ANCHORS.isdisjoint(cued)
        hated = haine(text, found) if french else []
        framed = (
            (frames(text, found) if not FRAME_ANCHORS.isdisjoint(cued) else [])
            + (sexual(text, found) if not SEXUAL_ANCHORS.isdisjoint(cued) else [])
            + hated
            if self.frame
            else []
        )
        made = threats(text, found) if self.threat and not TRIGGERS.isdisjoint(cued) else []
        innocent = innocent_words(found, comment.language, told) if not innocent_anywhere().isdisjoint(cued) else NONE
        # Swearing aimed at no one is the profanity check's: neither model counts its words.
        swears = not expletives().isdisjoint(cued)
        muted = unaimed_swearing(text, found, innocent) if swears and not (framed or made) else NONE
        heard = _blanked(text, muted) if muted else text  # what the English model reads
        english = self.english_added(heard, told=told)
        # The English model reads swearing: its "none here" says nothing of a frame made of plain words.
        framing = max(0.0, -english) + self.frame if framed else 0.0
        added = english + framing
        weighed = model.weigh(found, innocent, muted)
        own = weighed.log_odds
        # A threat, a sexual remark, harassment or hate holds by itself: its words are everyday ones the model weighs
        # little.
        floors = {f.kind: self._floor(f.kind) for f in framed}
        least = max([self.threat if made else 0.0, *floors.values()])
        score = max(sigmoid(own + added), least)
        if score < self.flag_at:
            return CheckResult(NAME, (), score=score)
        explained = model.explain_weighed(text, weighed, top=TOP_TERMS)
        terms = _merged(explained.terms, heard, self.english) if english > 0 else list(explained.terms)
        if not (made or framed) and (terms[0].log_odds if terms else 0.0) < EVIDENCE_AT:
            return CheckResult(NAME, (), score=score)  # many small weights, no word to show: not held
        floor = terms[0].log_odds * TERM_SHARE if terms else 0.0
        heavy = [t for t in terms if t.log_odds >= floor]
        reading = read(text, [(t.start, t.end) for t in heavy]) if self.context else NOTHING
        lowered = max(sigmoid(explained.log_odds + added - reading.discount), least) if reading.discount else score
        # The English model, a frame and a threat help to hold, never to reject: that needs the project's model alone
        # to be near certain.
        alone = sigmoid(explained.log_odds - reading.discount)
        if framed:
            # what a frame's floor adds on top of the frame share, as a threat's lift below
            lifts = {k: max(0.0, _logit(v) - own - added) if v and not made else 0.0 for k, v in floors.items()}
            shares = [framing + lifts[f.kind] for f in framed]
            heavy = [Term(f.text, f.start, f.end, share) for f, share in zip(framed, shares, strict=True)] + heavy
        if made:
            lift = max(0.0, _logit(self.threat) - own - added)  # what the threat adds to the log-odds
            heavy = [Term(t.text, t.start, t.end, lift) for t in made] + heavy
        reason = self._reason(
            found,
            model,
            heavy,
            score=score,
            lowered=lowered,
            reading=reading,
            english=english,
            alone=alone,
            threat=bool(made),
            frame=framed[0].kind if framed else None,
        )
        return CheckResult(NAME, (reason,), score=lowered)

    def _floor(self, kind: str) -> float:
        """Return the score a frame of ``kind`` gets at least (0: the frame share alone)."""
        if kind == SEXUAL:
            return self.sexual
        return self.hate_harassment if kind in HOLDING_KINDS else 0.0

    def english_added(self, content: str, language: str | None = None, *, told: str | None = None) -> float:
        """Return what the English model adds to the log-odds of ``content``: nothing unless it reads as English.

        ``told``: the language its words tell (:func:`told_language`) when the caller has guessed it.
        """
        if not self.english:
            return 0.0
        if (told_language(words(content), language) if told is None else told) != DEFAULT_LANGUAGE:
            return 0.0
        return self.english * shipped_english().log_odds(content)

    def _reason(
        self,
        found: list[str],
        model: AbuseModel,
        heavy: list[Term],
        *,
        score: float,
        lowered: float,
        reading: Reading,
        english: float,
        alone: float,
        threat: bool,
        frame: str | None = None,
    ) -> Reason:
        kind = "threat" if threat else frame or category(found)
        terms: list[JSON] = [
            {"text": t.text, "span": [t.start, t.end], "log_odds": round(t.log_odds, 2)} for t in heavy
        ]
        rejects = lowered >= self.reject_at and alone >= self.reject_at
        action = Action.REJECT if rejects else Action.FLAG if lowered >= self.flag_at else None
        threshold = self.reject_at if action is Action.REJECT else self.flag_at
        evidence: dict[str, JSON] = {
            "score": round(lowered, 3),
            "threshold": threshold,
            "category": kind,
            "terms": terms,
            "lessons": model.lessons,
        }
        if english:
            evidence["english_model"] = round(english, 2)  # what the English model added to the log-odds
        said = ""
        if reading.cues or reading.guard:
            evidence["context"] = {"cues": list(reading.cues), "guard": reading.guard, "discount": reading.discount}
        if reading.discount:
            evidence["model_score"] = round(score, 3)
            said = f", lowered from {score:.2f} as {' and '.join(reading.cues)}"
        words = ", ".join(f"“{t.text}”" for t in heavy[:3]) or "the words as a whole"
        label = f"Abusive ({kind})" if kind else "Abusive"
        if action is None:
            message = f"{label} words in context: score {lowered:.2f}{said}, below {threshold:.2f}: not held."
            return Reason(NAME, "context", message, Action.APPROVE, evidence)
        verb = "rejected" if action is Action.REJECT else "held"
        message = f"{label}: score {lowered:.2f}{said} ({verb} from {threshold:.2f}), mostly {words}."
        return Reason(NAME, "abuse", message, action, evidence)


NONE: frozenset[str] = frozenset()


@cache
def _cues() -> frozenset[str]:
    """Return the words a reading of :meth:`AbuseCheck.check` starts from: a frame's, a sexual remark's, French hate's
    or a threat's anchor, a word innocent in some language, a swear word that curses."""
    return FRAME_ANCHORS | SEXUAL_ANCHORS | HAINE_ANCHORS | TRIGGERS | innocent_anywhere() | expletives()


def _logit(p: float) -> float:
    """Return the log-odds of the probability ``p``, kept finite at 0 and 1."""
    p = min(max(p, LOGIT_EDGE), 1.0 - LOGIT_EDGE)
    return math.log(p / (1.0 - p))


def _blanked(text: str, muted: frozenset[str]) -> str:
    """Return ``text`` with the words of ``muted`` (folded) blanked, as long as they were: the other words keep their
    spans."""
    return blanked(text, spans_of(text, muted))


def _merged(terms: tuple[Term, ...], text: str, share: float) -> list[Term]:
    """Return the model's terms and the English model's heaviest words (scaled by ``share``), heaviest first.

    A word both name adds up into one term, so that the evidence shows it once.
    """
    merged = {(t.start, t.end): (t.log_odds, t.text) for t in terms}
    for word in shipped_english().words(text, top=TOP_TERMS):
        span = (word.start, word.end)
        weight = merged[span][0] if span in merged else 0.0
        merged[span] = (weight + share * word.log_odds, word.text)
    # (minus the weight, start, rank): sorted as they are, heaviest first, then leftmost, then the first one named
    ranked = sorted((-weight, start, i, end, said) for i, ((start, end), (weight, said)) in enumerate(merged.items()))
    return [NEW_TUPLE(Term, (said, start, end, -minus)) for minus, start, _, end, said in ranked[:TOP_TERMS]]


def build(section: Section) -> AbuseCheck:
    """Build the check from the policy's ``[abuse]`` section."""
    flag_at = section.number("flag_at", DEFAULT_FLAG_AT, maximum=1.0)
    reject_at = section.number("reject_at", DEFAULT_REJECT_AT)
    if reject_at < flag_at:
        raise ConfigError(f"{section.name}.reject_at", reject_at, f"must be >= flag_at ({flag_at})", section.source)
    refresh_s = section.number("refresh_s", DEFAULT_REFRESH_S)  # read by the shared state (worker.abuse.state)
    try:
        shipped_model()  # read now: a damaged install stops the worker at start, not every comment later
    except WeightsError as exc:
        raise ConfigError(section.name, "shipped weights", str(exc), section.source) from None
    english = section.number("english", DEFAULT_ENGLISH)
    if english < 0:
        raise ConfigError(f"{section.name}.english", english, "must be >= 0 (0: no English model)", section.source)
    try:
        shipped_english() if english else None
    except WeightsError as exc:
        raise ConfigError(section.name, "English model's weights", str(exc), section.source) from None
    learned = section.get("learned", bool, True)
    context = section.get("context", bool, True)
    threat = section.number("threat", DEFAULT_THREAT, maximum=1.0)
    frame = section.number("frame", DEFAULT_FRAME)
    sexual = section.number("sexual", DEFAULT_SEXUAL, maximum=1.0)
    hate_harassment = section.number("hate_harassment", DEFAULT_HATE_HARASSMENT, maximum=1.0)
    return AbuseCheck(
        flag_at,
        reject_at,
        learned,
        refresh_s,
        context=context,
        english=english,
        threat=threat,
        frame=frame,
        sexual=sexual,
        hate_harassment=hate_harassment,
    )
