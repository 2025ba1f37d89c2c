"""Abuse: insults, threats, harassment, hate and sexual abuse in English and French, scored from 0 to 1.

The score is the probability of the learned model (:mod:`worker.abuse.model`): the shipped weights plus
what moderators taught it, shared by every worker (``Context.facts["abuse.model"]``, from
:mod:`worker.abuse.state`; the shipped model alone when absent). From ``flag_at`` the comment is held for
a moderator, from ``reject_at`` rejected. The reason's evidence names the words and word pairs that
weigh most, with their spans, and a category where the words tell one (:mod:`worker.abuse.categories`).
"""

from __future__ import annotations

from dataclasses import dataclass

from worker.abuse import facts as fact
from worker.abuse.categories import category
from worker.abuse.features import innocent_words, words
from worker.abuse.model import AbuseModel, WeightsError, shipped_model
from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import JSON, Action, CheckResult, Comment, Reason
from worker.policy import Section

NAME = "abuse"
DEFAULT_FLAG_AT = 0.6
DEFAULT_REJECT_AT = 0.999
DEFAULT_REFRESH_S = 1.0
TOP_TERMS = 5
TERM_SHARE = 0.25
"""A term is evidence when it weighs at least this share of the heaviest one: "idiot", not "you are"."""


@dataclass(frozen=True, slots=True)
class AbuseCheck:
    """Holds a comment whose abuse score reaches ``flag_at``, rejects it from ``reject_at``."""

    flag_at: float = DEFAULT_FLAG_AT
    reject_at: float = DEFAULT_REJECT_AT
    learned: bool = True
    refresh_s: float = DEFAULT_REFRESH_S
    name: str = NAME

    def model(self, context: Context) -> AbuseModel:
        """Return the shared model from the facts (with the moderators' lessons), else the shipped one."""
        shared = context.facts.get(fact.MODEL) if self.learned else None
        return shared if isinstance(shared, AbuseModel) else shipped_model()

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return the abuse score, and a reason holding or rejecting the comment when it is high enough."""
        model = self.model(context)
        found = words(comment.content)
        score = model.probability_of(found, innocent_words(found, comment.language))
        if score < self.flag_at:
            return CheckResult(NAME, (), score=score)
        return CheckResult(NAME, (self._reason(comment, found, model, score),), score=score)

    def _reason(self, comment: Comment, found: list[str], model: AbuseModel, score: float) -> Reason:
        explained = model.explain(comment.content, top=TOP_TERMS, language=comment.language)
        floor = explained.terms[0].log_odds * TERM_SHARE if explained.terms else 0.0
        heavy = [t for t in explained.terms if t.log_odds >= floor]
        kind = category(found)
        reject = score >= self.reject_at
        threshold = self.reject_at if reject else self.flag_at
        terms: list[JSON] = [
            {"text": t.text, "span": [t.start, t.end], "log_odds": round(t.log_odds, 2)} for t in heavy
        ]
        evidence: dict[str, JSON] = {
            "score": round(score, 3),
            "threshold": threshold,
            "category": kind,
            "terms": terms,
            "lessons": model.lessons,
        }
        words = ", ".join(f"“{t.text}”" for t in heavy[:3]) or "the words as a whole"
        verb = "rejected" if reject else "held"
        label = f"Abusive ({kind})" if kind else "Abusive"
        message = f"{label}: score {score:.2f} ({verb} from {threshold:.2f}), mostly {words}."
        return Reason(NAME, "abuse", message, Action.REJECT if reject else Action.FLAG, evidence)


def build(section: Section) -> AbuseCheck:
    """Build the check from the policy's ``[abuse]`` section."""
    flag_at = section.number("flag_at", DEFAULT_FLAG_AT)
    reject_at = section.number("reject_at", DEFAULT_REJECT_AT)
    if flag_at > 1:
        raise ConfigError(f"{section.name}.flag_at", flag_at, "must be <= 1", section.source)
    if reject_at < flag_at:
        raise ConfigError(f"{section.name}.reject_at", reject_at, f"must be >= flag_at ({flag_at})", section.source)
    refresh_s = section.number("refresh_s", DEFAULT_REFRESH_S)  # read by the shared state (worker.abuse.state)
    try:
        shipped_model()  # read now: a damaged install stops the worker at start, not every comment later
    except WeightsError as exc:
        raise ConfigError(section.name, "shipped weights", str(exc), section.source) from None
    return AbuseCheck(flag_at, reject_at, learned=section.get("learned", bool, True), refresh_s=refresh_s)
