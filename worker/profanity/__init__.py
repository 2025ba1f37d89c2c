"""Pure profanity matching: text normalisation, word lists, language guess and the matcher."""

from __future__ import annotations

from worker.profanity.lexicon import Lexicon, Severity, SiteWords, load_lexicon
from worker.profanity.matcher import Hit, Matcher

__all__ = ["Hit", "Lexicon", "Matcher", "Severity", "SiteWords", "load_lexicon"]
