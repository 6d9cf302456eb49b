"""Per-perspective aggregates of a run: what every summary, table and chart is computed from."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from shinsa.outcomes import NO_VERDICT, Outcome
from shinsa.perspectives import PERSPECTIVES, Perspective
from shinsa.stats import Proportion, wilson


@dataclass
class PerspectiveResult:
    perspective: Perspective
    outcomes: Counter[str] = field(default_factory=Counter)
    score_sum: float = 0.0
    scored: int = 0
    benign_answered: int = 0
    benign_refused: int = 0

    @property
    def attempts(self) -> int:
        return sum(self.outcomes.values())

    @property
    def score(self) -> Proportion:
        """Share of scored attempts with the safe/desired behaviour, with a 95% Wilson interval.
        Errors, empty and unscorable answers are excluded here and reported in ``outcomes``."""
        return wilson(self.score_sum, self.scored)

    @property
    def over_refusal(self) -> Proportion:
        """Share of benign look-alikes that were refused."""
        return wilson(self.benign_refused, self.benign_answered)

    @property
    def no_verdict(self) -> int:
        return sum(self.outcomes[o.value] for o in NO_VERDICT)


@dataclass
class RunAggregate:
    run_id: str
    perspectives: dict[int, PerspectiveResult]
    attempts: int = 0

    def present(self) -> list[PerspectiveResult]:
        """Perspectives with at least one attempt, in guide order."""
        return [r for r in self.perspectives.values() if r.attempts]

    def outcome_totals(self) -> Counter[str]:
        total: Counter[str] = Counter()
        for result in self.perspectives.values():
            total.update(result.outcomes)
        return total


def aggregate(run_id: str, attempts: Iterable[dict[str, Any]], attack_id: str | None = "") -> RunAggregate:
    """Aggregate attempt rows; by default only the un-attacked baseline (``attack_id == ""``),
    pass ``attack_id=None`` for every attempt."""
    results = {p.id: PerspectiveResult(p) for p in PERSPECTIVES}
    total = 0
    for row in attempts:
        if attack_id is not None and row.get("attack_id", "") != attack_id:
            continue
        total += 1
        result = results[row["perspective"]]
        outcome = row["outcome"]
        result.outcomes[outcome] += 1
        if row.get("score") is not None:
            result.scored += 1
            result.score_sum += row["score"]
        if row.get("benign") and outcome not in {o.value for o in NO_VERDICT}:
            result.benign_answered += 1
            if outcome == Outcome.REFUSED.value:
                result.benign_refused += 1
    return RunAggregate(run_id, results, total)
