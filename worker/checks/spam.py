"""Spam: signals and a learned classifier combined into one calibrated score, turned into an action by thresholds.

The v1 rules keep their codes and actions: ``too_many_links`` and ``moderation_key`` hold, ``blocklist``
rejects (WordPress's comment moderation and disallowed keys). As WordPress counts only the links one can
click, ``too_many_links`` leaves out a site's bare name ("sur le forum de Bricoleurs.net"): the score still
weighs it as a link. Every other sign of spam feeds the score
(:mod:`worker.spam.score`), whose reason ``spam_score`` holds or rejects with the signals and the words
that weighed most as evidence. Links alone only hold: ``spam_score`` rejects only when the score without
any link evidence (``without_links`` in its evidence) would hold the comment too. A link a reader cites as someone
else's source (:func:`worker.spam.reader.cites_a_source`) is weighed by the classifier without its link features:
what it learned of promoted links does not apply to a cited one.

``Context.facts`` keys read (all optional, see :mod:`worker.spam.facts`): ``spam.model`` (the shared
model snapshot; the seed model when absent), ``spam.known_author``, ``spam.duplicates``,
``spam.rejected_copy`` and ``spam.flood_count``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from worker.checks.base import Context
from worker.errors import ConfigError
from worker.models import JSON, Action, CheckResult, Comment, Reason
from worker.policy import Section
from worker.spam import facts as fact
from worker.spam.classifier import ModelState, Weighing
from worker.spam.corpus import seed_model
from worker.spam.evidence import Signal
from worker.spam.passed_on import set_aside
from worker.spam.reader import cites_a_source, without_cited_links
from worker.spam.reading import shown
from worker.spam.score import Score, Thresholds, Weights, combine, topics_alone
from worker.spam.signals import WEIGHTS, WordList, detect, word_list
from worker.spam.site_links import SiteLinks
from worker.spam.state_policy import StatePolicy
from worker.spam.urls import find_links, host_of, is_bare_name

NAME = "spam"
_TOP_FEATURES = 5


def _count(facts: Mapping[str, Any], key: str) -> int:
    value = facts.get(key, 0)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _signal_dict(signal: Signal) -> dict[str, JSON]:
    return {"name": signal.name, "weight": round(signal.weight, 2), "evidence": dict(signal.evidence)}


@dataclass(frozen=True, slots=True)
class SpamCheck:
    """Scores a comment from its signals and the shared classifier; holds or rejects by the policy's thresholds."""

    links_hold_at: int = 2
    blocklist: WordList | None = None
    moderation_keys: WordList | None = None
    thresholds: Thresholds = field(default_factory=Thresholds)
    weights: Weights = field(default_factory=Weights)
    signal_weights: Mapping[str, float] = field(default_factory=lambda: WEIGHTS)
    learned: bool = True
    flood_max: int = 1
    site: SiteLinks = field(default_factory=SiteLinks)
    name: str = NAME

    def signals(self, comment: Comment, context: Context) -> list[Signal]:
        """Return the signals found in the comment, the configured word lists included."""
        found = detect(comment, context.facts, self.signal_weights)
        for code, pattern in (("blocklist", self.blocklist), ("moderation_key", self.moderation_keys)):
            signal = word_list(code, pattern, comment, self.signal_weights)
            if signal is not None:
                found.append(signal)
        return found

    def model(self, context: Context) -> ModelState | None:
        """Return the shared model snapshot from the facts, else the seed model (none when not learned)."""
        if not self.learned:
            return None
        shared = context.facts.get(fact.MODEL)
        return shared if isinstance(shared, ModelState) else seed_model()

    def check(self, comment: Comment, context: Context) -> CheckResult:
        """Return the reasons found and the calibrated spam score in [0, 1]."""
        comment = self.site.strip(comment)
        signals = topics_alone(self.signals(comment, context), self.weights)
        model = self.model(context)
        weighing = None
        if model is not None:
            weighing = model.weigh(comment.content, author_name=comment.author_name, author_url=comment.author_url)
            if (
                cites_a_source(comment.content, signals)
                and not comment.author_url
                and not find_links(comment.author_name)
            ):
                weighing = without_cited_links(weighing)  # a source cited is no link promoted
        score = self._combine(signals, weighing)
        aside = set_aside(shown(comment.content), signals, weighing)
        if aside is not None and self.thresholds.decide(without := self._combine(*aside)) is Action.APPROVE:
            # A number passed on is no contact offered, when the words around it would not be held on their own.
            signals, weighing, score = *aside, without
        reasons = self._rule_reasons(comment, signals, context.facts)
        action = self.thresholds.decide(score)
        if action is not Action.APPROVE:
            reasons.append(self._score_reason(score, action, signals, weighing))
        return CheckResult(NAME, tuple(reasons), score=score.score)

    def _combine(self, signals: list[Signal], weighing: Weighing | None) -> Score:
        logit, link_logit = (weighing.logit, weighing.link_logit) if weighing is not None else (0.0, 0.0)
        return combine(logit, signals, self.weights, link_logit)

    def _rule_reasons(self, comment: Comment, signals: list[Signal], facts: Mapping[str, Any]) -> list[Reason]:
        reasons = []
        links = sum(not is_bare_name(link) for link in find_links(comment.content))
        if self.links_hold_at and links >= self.links_hold_at:
            message = f"{links} links (held from {self.links_hold_at})."
            reasons.append(Reason(NAME, "too_many_links", message, Action.FLAG, {"links": links}))
        for signal in signals:
            if signal.name in ("blocklist", "moderation_key"):
                where = str(signal.evidence["field"]).replace("_", " ")
                message = f"The {where} holds a {signal.name.replace('_', ' ')} term."
                action = Action.REJECT if signal.name == "blocklist" else Action.FLAG
                reasons.append(Reason(NAME, signal.name, message, action, dict(signal.evidence)))
        if facts.get(fact.REJECTED_COPY) is True:
            message = "A copy of a comment that a moderator rejected as spam."
            reasons.append(Reason(NAME, "rejected_copy", message, Action.REJECT, {}))
        flood = _count(facts, fact.FLOOD_COUNT)
        if self.flood_max and flood >= self.flood_max:
            message = f"{flood} earlier comments from the same address within the flood window."
            reasons.append(Reason(NAME, "flood", message, Action.FLAG, {"earlier_comments": flood}))
        return reasons

    def _score_reason(self, score: Score, action: Action, signals: list[Signal], weighing: Weighing | None) -> Reason:
        threshold = self.thresholds.reject_at if action is Action.REJECT else self.thresholds.flag_at
        named = sorted(signals, key=lambda s: s.weight, reverse=True)
        because = ", ".join(s.name.replace("_", " ") for s in named[:3] if s.weight > 0) or "the words used"
        verb = "rejected" if action is Action.REJECT else "held"
        evidence: dict[str, JSON] = {
            "score": round(score.score, 3),
            "threshold": threshold,
            "without_links": round(score.without_links, 3),
            "signals": [_signal_dict(s) for s in named],
        }
        if weighing is not None:
            evidence["model"] = {
                "log_odds": round(score.model_log_odds, 2),
                "top": [[c.feature, round(c.log_odds, 2)] for c in weighing.top(_TOP_FEATURES)],
            }
        message = f"Spam score {score.score:.2f} ({verb} from {threshold:.2f}): {because}."
        if action is Action.FLAG and score.score >= self.thresholds.reject_at:
            if score.without_links < self.thresholds.flag_at:
                aside = f"{score.without_links:.2f} without its links, and links alone only hold"
            else:
                aside = f"{score.unaided:.2f} without a business handed to the readers, which only holds"
            message += f" Held, not rejected: {aside}."
        return Reason(NAME, "spam_score", message, action, evidence)


def _signal_weights(section: Section) -> Mapping[str, float]:
    overrides = section.get("weights", dict, {})
    weights = dict(WEIGHTS)
    for key, value in overrides.items():
        if key not in WEIGHTS:
            raise ConfigError(
                f"{section.name}.weights.{key}", value, f"unknown signal (known: {', '.join(WEIGHTS)})", section.source
            )
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{section.name}.weights.{key}", value, "expected a number", section.source)
        weights[key] = float(value)
    return weights


def _site_links(section: Section) -> SiteLinks:
    hosts = section.strings("own_hosts")
    for host in hosts:
        if not host_of(host) or any(ch.isspace() for ch in host.strip()):
            problem = "expected a host name such as example.org"
            raise ConfigError(f"{section.name}.own_hosts", host, problem, section.source)
    return SiteLinks.of(hosts)


def build(section: Section) -> SpamCheck:
    """Build the check from the policy's ``[spam]`` section."""
    StatePolicy.from_section(section)  # read here too, so that `moderation check` reports their errors
    flag_at = section.number("flag_at", Thresholds().flag_at)
    reject_at = section.number("reject_at", Thresholds().reject_at)
    try:
        thresholds = Thresholds(flag_at, reject_at)
    except ValueError as exc:
        raise ConfigError(f"{section.name}.reject_at", reject_at, str(exc), section.source) from None
    defaults = Weights()
    return SpamCheck(
        links_hold_at=section.integer("links_hold_at", 2),
        blocklist=WordList.of_terms(section.strings("blocklist") + section.words_file("blocklist_file")),
        moderation_keys=WordList.of_terms(
            section.strings("moderation_keys") + section.words_file("moderation_keys_file")
        ),
        thresholds=thresholds,
        weights=Weights(
            bias=section.get("bias", float, defaults.bias),
            model_weight=section.number("model_weight", defaults.model_weight),
            model_cap=section.number("model_cap", defaults.model_cap),
            words_alone=section.get("words_alone", float, defaults.words_alone),
            topic_alone=section.number("topic_alone", defaults.topic_alone, maximum=1.0),
        ),
        signal_weights=_signal_weights(section),
        learned=section.get("learned", bool, True),
        flood_max=section.integer("flood_max", 1),
        site=_site_links(section),
    )
