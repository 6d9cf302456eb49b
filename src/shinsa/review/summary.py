"""Where a run's verdicts came from: decided automatically, awaiting a person, or decided by people.

Reports and ``shinsa show`` print this beside every score, so a reader knows how much of it rests on
the automatic scorers (and at what measured accuracy) and how much waits for review.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from shinsa.errors import InputError
from shinsa.outcomes import NO_VERDICT, Outcome
from shinsa.scorers.base import scorers

_NO_VERDICT_VALUES = frozenset(o.value for o in NO_VERDICT)
ACCURACY_ATTRIBUTE = "measured_accuracy"
"""The scorer class attribute giving the accuracy measured for its automatic verdicts: a share in
[0, 1], or shares by measure name; a scorer without it (or with an empty mapping) is shown without
a figure."""
REVIEW_OPTION = "review_below"
FORCED = "_forced"
"""Suffix of the published measures taken with every verdict forced (no review)."""


@dataclass
class VerdictSources:
    total: int = 0
    """Attempts the target answered (errors are no verdict of anyone's)."""
    automatic: int = 0
    """Verdicts the scorers decided (safe or unsafe) that no person changed."""
    awaiting_review: int = 0
    """``needs_review`` verdicts nobody has decided yet: counted apart, never in a score."""
    reviewed: int = 0
    """Verdicts people decided (they replace the automatic ones everywhere)."""
    automatic_by_scorer: Counter[str] = field(default_factory=Counter)
    review_below: dict[str, float] = field(default_factory=dict)
    """The review threshold each scorer with that option used in the run (:meth:`of_run`)."""
    default_review_below: dict[str, float] = field(default_factory=dict)
    """Those scorers' defaults, at which their published accuracy was measured."""

    @classmethod
    def of_run(cls, manifest: dict[str, Any]) -> VerdictSources:
        """Counters for a run, knowing the review threshold its scorers used (what its manifest
        recorded, else the scorer's default): the figures shown are those of that threshold."""
        described = dict(manifest.get("scorers") or {})
        attack = manifest.get("attack")
        if isinstance(attack, dict) and isinstance(attack.get("scorer"), dict):
            described.setdefault(str(attack["scorer"].get("name")), attack["scorer"])
        sources = cls()
        for name, info in described.items():
            try:
                declared = scorers.get(name).Options.model_fields.get(REVIEW_OPTION)
            except InputError:
                continue
            if declared is None or not isinstance(declared.default, int | float):
                continue
            sources.default_review_below[name] = float(declared.default)
            recorded = info.get(REVIEW_OPTION) if isinstance(info, dict) else None
            sources.review_below[name] = float(recorded) if isinstance(recorded, int | float) else float(declared.default)
        return sources

    def add(self, row: dict[str, Any]) -> None:
        """Count one attempt row as ``Store.iter_attempts`` yields it (reviewed verdicts applied)."""
        if row["outcome"] == Outcome.ERROR.value:
            return
        self.total += 1
        if row.get("details") and '"review"' in row["details"] and "review" in json.loads(row["details"]):
            self.reviewed += 1
        elif row["outcome"] == Outcome.NEEDS_REVIEW.value:
            self.awaiting_review += 1
        elif row["outcome"] not in _NO_VERDICT_VALUES:
            self.automatic += 1
            self.automatic_by_scorer[row.get("scorer") or ""] += 1

    def accuracy(self) -> dict[str, dict[str, float]]:
        """The published accuracy of each scorer that decided verdicts here, where one is
        published: a share, or shares by measure (e.g. ``{"binary": 0.97, "3-way": 0.91}``),
        given as ``{"": share}`` or that mapping. Figures hold at the threshold they were measured
        at: with threshold 0 the forced ones are shown, with another non-default one none."""
        found: dict[str, dict[str, float]] = {}
        for name in self.automatic_by_scorer:
            try:
                value = getattr(scorers.get(name), ACCURACY_ATTRIBUTE, None)
            except InputError:
                continue
            shares: dict[str, float] = {}
            if isinstance(value, int | float):
                shares = {"": float(value)}
            elif isinstance(value, dict):
                shares = {str(k): float(v) for k, v in value.items() if isinstance(v, int | float)}
            if not self.at_default(name):
                shares = _forced(shares) if self.review_below[name] == 0 else {}
            if shares:
                found[name] = shares
        return found

    def at_default(self, name: str) -> bool:
        """The scorer used its default review threshold (or has none): its published figures hold."""
        return self.review_below.get(name) == self.default_review_below.get(name)


def _forced(shares: dict[str, float]) -> dict[str, float]:
    """The figures measured with every verdict decided automatically (``binary_forced`` read as
    ``binary``), which are what a run with review threshold 0 reaches; none if none were published."""
    return {measure.removesuffix(FORCED): share for measure, share in shares.items() if measure.endswith(FORCED)}
