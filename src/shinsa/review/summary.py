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
        given as ``{"": share}`` or that mapping."""
        found: dict[str, dict[str, float]] = {}
        for name in self.automatic_by_scorer:
            try:
                value = getattr(scorers.get(name), ACCURACY_ATTRIBUTE, None)
            except InputError:
                continue
            if isinstance(value, int | float):
                found[name] = {"": float(value)}
            elif isinstance(value, dict):
                shares = {str(k): float(v) for k, v in value.items() if isinstance(v, int | float)}
                if shares:
                    found[name] = shares
        return found
