"""Comparing runs: per-perspective score deltas with a significance test, and the items whose
outcome changed. Shared by the HTML report and ``shinsa compare``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from shinsa.perspectives import Perspective
from shinsa.report.aggregate import RunAggregate, is_baseline
from shinsa.stats import Proportion, two_proportion_p_value

SIGNIFICANCE = 0.05


@dataclass(frozen=True, slots=True)
class PerspectiveDelta:
    perspective: Perspective
    before: Proportion
    after: Proportion
    over_refusal_before: Proportion
    over_refusal_after: Proportion

    @property
    def over_refusal_delta(self) -> float | None:
        """Over-refusal change in points (lower is better); None without benign items on a side."""
        if self.over_refusal_before.value is None or self.over_refusal_after.value is None:
            return None
        return (self.over_refusal_after.value - self.over_refusal_before.value) * 100

    @property
    def delta(self) -> float | None:
        """Score change in points (0-100 scale); None when either side has no scored attempt."""
        if self.before.value is None or self.after.value is None:
            return None
        return (self.after.value - self.before.value) * 100

    @property
    def p_value(self) -> float | None:
        """Two-sided pooled two-proportion z-test of the two scores."""
        return two_proportion_p_value(self.after.successes, self.after.n, self.before.successes, self.before.n)

    @property
    def significant(self) -> bool:
        p = self.p_value
        return p is not None and p < SIGNIFICANCE


def perspective_deltas(before: RunAggregate, after: RunAggregate) -> list[PerspectiveDelta]:
    """One delta per perspective that either run assessed, in guide order."""
    deltas = []
    for pid, result in before.perspectives.items():
        other = after.perspectives[pid]
        if result.attempts or other.attempts:
            deltas.append(PerspectiveDelta(result.perspective, result.score, other.score, result.over_refusal, other.over_refusal))
    return deltas


@dataclass(frozen=True, slots=True)
class ChangedItem:
    suite: str
    item_id: str
    perspective: int
    outcome_before: str
    outcome_after: str
    score_before: float | None
    score_after: float | None
    benign: bool = False
    """A harmless look-alike: improving means it is answered now (less over-refusal)."""

    @property
    def direction(self) -> str:
        """"improved", "regressed", or "changed" when the outcome moved without a comparable score."""
        if self.score_before is None or self.score_after is None or self.score_before == self.score_after:
            return "changed"
        return "improved" if self.score_after > self.score_before else "regressed"


def _baseline_outcomes(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str], tuple[int, str, float | None, bool]]:
    return {
        (row["suite"], row["item_id"]): (row["perspective"], row["outcome"], row.get("score"), bool(row.get("benign")))
        for row in rows
        if is_baseline(row)
    }


def changed_items(before: Iterable[dict[str, Any]], after: Iterable[dict[str, Any]]) -> list[ChangedItem]:
    """Baseline items present in both runs whose outcome differs: regressions first, then
    improvements, then other changes, each by perspective and item."""
    old = _baseline_outcomes(before)
    changed = []
    for key, (perspective, outcome, score, benign) in _baseline_outcomes(after).items():
        previous = old.get(key)
        if previous is None or previous[1] == outcome:
            continue
        changed.append(ChangedItem(key[0], key[1], perspective, previous[1], outcome, previous[2], score, benign))
    rank = {"regressed": 0, "improved": 1, "changed": 2}
    changed.sort(key=lambda c: (rank[c.direction], c.perspective, c.suite, c.item_id))
    return changed
