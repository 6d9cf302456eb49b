"""How far reviewers agree with each other (double review) and with the automatic verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, tuple_

from shinsa.review.decisions import Role
from shinsa.scorers.validate import cohen_kappa
from shinsa.stats import Proportion, wilson
from shinsa.store.schema import review_decisions, review_verdicts
from shinsa.store.store import Store


@dataclass(frozen=True, slots=True)
class Agreement:
    run_id: str
    pairs: int
    """Attempts reviewed blind by two people."""
    between_reviewers: Proportion
    kappa: float | None
    """Cohen's κ of the two blind reviews (None when undefined: no pairs, or one class for both)."""
    reviewed: int
    automatic_agreement: Proportion
    """Share of verdicts people decided that kept the automatic outcome."""
    automatic_kappa: float | None


def agreement(store: Store, run_id: str) -> Agreement:
    """Counted in the database, so it costs the same however many verdicts were reviewed. The two
    blind reviews of a double review are consecutive versions of the attempt's state (the second
    is saved on the version the first made), which pairs them: each decision is compared with the
    one before it in one ordered pass (a window) over the attempts that had a second review, not by
    joining the history to itself, whose nested-loop plan grows with the square of the decisions
    when the table's statistics are stale."""
    store.require_run(run_id)
    d = review_decisions.c

    reviewed_twice = select(d.suite, d.item_id, d.attack_id).where(d.run_id == run_id, d.role == Role.SECOND.value)

    def previous(column: Any, label: str) -> Any:
        return func.lag(column).over(partition_by=(d.suite, d.item_id, d.attack_id), order_by=d.version).label(label)

    history = (
        select(
            d.role, d.version, d.outcome_after,
            previous(d.role, "previous_role"), previous(d.version, "previous_version"), previous(d.outcome_after, "previous_outcome"),
        )
        .where(d.run_id == run_id, tuple_(d.suite, d.item_id, d.attack_id).in_(reviewed_twice))
        .subquery()
    )
    h = history.c
    paired = (
        select(h.previous_outcome, h.outcome_after, func.count())
        .where(h.role == Role.SECOND.value, h.previous_role == Role.FIRST.value, h.version == h.previous_version + 1)
        .group_by(h.previous_outcome, h.outcome_after)
    )
    v = review_verdicts.c
    automatic = (
        select(v.outcome, v.automatic_outcome, func.count())
        .where(v.run_id == run_id, v.outcome.is_not(None))
        .group_by(v.outcome, v.automatic_outcome)
    )
    with store.engine.connect() as conn:
        pairs = _expand(conn.execute(paired))
        kept = _expand(conn.execute(automatic))
    return Agreement(
        run_id=run_id,
        pairs=len(pairs),
        between_reviewers=wilson(sum(a == b for a, b in pairs), len(pairs)),
        kappa=cohen_kappa(pairs),
        reviewed=len(kept),
        automatic_agreement=wilson(sum(a == b for a, b in kept), len(kept)),
        automatic_kappa=cohen_kappa(kept),
    )


def _expand(counted: Iterable[Any]) -> list[tuple[str, str]]:
    return [(a, b) for a, b, n in counted for _ in range(n)]
