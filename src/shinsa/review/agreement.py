"""How far reviewers agree with each other (double review) and with the automatic verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select

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
    is saved on the version the first made), which pairs them."""
    store.require_run(run_id)
    first, second = review_decisions.alias("first"), review_decisions.alias("second")
    key = ("run_id", "suite", "item_id", "attack_id")
    paired = (
        select(first.c.outcome_after, second.c.outcome_after, func.count())
        .join_from(first, second, and_(*(first.c[k] == second.c[k] for k in key), second.c.version == first.c.version + 1))
        .where(first.c.run_id == run_id, first.c.role == Role.FIRST.value, second.c.role == Role.SECOND.value)
        .group_by(first.c.outcome_after, second.c.outcome_after)
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
