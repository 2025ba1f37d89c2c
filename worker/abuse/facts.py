"""The ``Context.facts`` key the abuse check reads; :mod:`worker.abuse.state` fetches it before a batch."""

from __future__ import annotations

MODEL = "abuse.model"
"""An :class:`~worker.abuse.model.AbuseModel`: the shipped weights plus the moderators' lessons all workers share."""
