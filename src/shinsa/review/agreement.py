"""How far reviewers agree with each other (double review) and with the automatic verdicts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

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
    store.require_run(run_id)
    d = review_decisions.c
    query = (
        select(d.suite, d.item_id, d.attack_id, d.role, d.outcome_after)
        .where(d.run_id == run_id, d.role.in_((Role.FIRST.value, Role.SECOND.value)))
        .order_by(d.decision_id)
    )
    first: dict[tuple[str, str, str], str] = {}
    pairs: list[tuple[str, str]] = []
    with store.engine.connect() as conn:
        for suite, item_id, attack_id, role, outcome in conn.execute(query):
            key = (suite, item_id, attack_id)
            if role == Role.FIRST.value:
                first[key] = outcome
            elif key in first:
                pairs.append((first.pop(key), outcome))
        v = review_verdicts.c
        automatic = [
            (human, machine)
            for human, machine in conn.execute(
                select(v.outcome, v.automatic_outcome).where(v.run_id == run_id, v.outcome.is_not(None))
            )
        ]
    return Agreement(
        run_id=run_id,
        pairs=len(pairs),
        between_reviewers=wilson(sum(a == b for a, b in pairs), len(pairs)),
        kappa=cohen_kappa(pairs),
        reviewed=len(automatic),
        automatic_agreement=wilson(sum(a == b for a, b in automatic), len(automatic)),
        automatic_kappa=cohen_kappa(automatic),
    )
