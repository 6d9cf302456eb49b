"""Recording people's decisions on verdicts, with optimistic locking and optional double review.

Each attempt has at most one ``review_verdicts`` row (its current state and version) and any number
of ``review_decisions`` rows (the append-only history). A save names the version the reviewer saw;
the row is updated only if it still has that version, so a second reviewer who saved from a stale
view gets :class:`ReviewConflict` instead of silently overwriting the first.

With double review on for a run, the first decision waits for a second from another reviewer, who
does not see it (blind). Agreement decides the verdict; disagreement makes a conflict that only an
adjudicator settles. Without double review, one decision decides.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from shinsa.errors import InputError, ShinsaError
from shinsa.items import Item
from shinsa.outcomes import NO_VERDICT, Outcome
from shinsa.scorers.refusal import score_value
from shinsa.store.schema import (
    attempts,
    review_audit,
    review_decisions,
    review_queue,
    review_settings,
    review_verdicts,
)
from shinsa.store.store import Store

REVIEW_OUTCOMES = (
    Outcome.REFUSED,
    Outcome.PARTIAL,
    Outcome.COMPLIED,
    Outcome.PASSED,
    Outcome.FAILED,
    Outcome.UNSCORABLE,
)
"""Outcomes a person may give (in keyboard order 1–6); never ``needs_review``, ``error``, ``empty``."""


class State(StrEnum):
    DECIDED = "decided"
    AWAITING_SECOND = "awaiting_second"
    CONFLICT = "conflict"


class Role(StrEnum):
    FIRST = "first"
    SECOND = "second"
    ADJUDICATOR = "adjudicator"


class ReviewConflict(ShinsaError):
    """The item changed since the reviewer opened it; nothing was saved."""


@dataclass(frozen=True, slots=True)
class AttemptKey:
    run_id: str
    suite: str
    item_id: str
    attack_id: str

    def where(self, table: Any) -> Any:
        return (
            (table.c.run_id == self.run_id)
            & (table.c.suite == self.suite)
            & (table.c.item_id == self.item_id)
            & (table.c.attack_id == self.attack_id)
        )

    def label(self) -> str:
        return f"{self.suite}/{self.item_id}" + (f"#{self.attack_id}" if self.attack_id else "")


@dataclass(frozen=True, slots=True)
class SavedDecision:
    key: AttemptKey
    role: Role
    state: State
    version: int
    outcome: str | None
    """The outcome this decision settled, or None while it awaits a second reviewer or an
    adjudicator (an outcome decided earlier stays in force meanwhile)."""


def queue_state(state: str | None, reviewer: str) -> dict[str, Any]:
    """The ``review_queue`` columns of an attempt in review state ``state`` after ``reviewer``'s
    decision: open until decided, and while awaiting a second reviewer, closed to the first."""
    awaiting = state == State.AWAITING_SECOND.value
    return {"open": state is None or awaiting, "first_reviewer": reviewer if awaiting else None}


def parse_outcome(text: str) -> Outcome:
    try:
        outcome = Outcome(text.strip().casefold())
    except ValueError:
        outcome = None
    if outcome not in REVIEW_OUTCOMES:
        allowed = ", ".join(o.value for o in REVIEW_OUTCOMES)
        raise InputError(f"outcome {text!r} cannot be given in review (use one of {allowed})")
    return outcome


def find_attempt(store: Store, run_id: str, item: str, suite: str | None = None, attack: str | None = None) -> AttemptKey:
    """The attempt an ``ITEM`` argument names: an item id, narrowed by suite and attack when the
    run has it more than once (e.g. attacked), or the full ``SUITE/ITEM#ATTACK`` label."""
    if suite is None and "/" in item:
        suite, item = item.split("/", 1)
        if attack is None:
            item, _, attack = item.partition("#")
    store.require_run(run_id)
    query = select(attempts.c.suite, attempts.c.item_id, attempts.c.attack_id).where(
        attempts.c.run_id == run_id, attempts.c.item_id == item
    )
    if suite is not None:
        query = query.where(attempts.c.suite == suite)
    if attack is not None:
        query = query.where(attempts.c.attack_id == attack)
    with store.engine.connect() as conn:
        found = [AttemptKey(run_id, *row) for row in conn.execute(query.limit(20))]
    if not found:
        raise InputError(f"run {run_id!r} has no attempt for item {item!r}")
    if len(found) > 1:
        labels = ", ".join(key.label() for key in found[:5])
        raise InputError(f"item {item!r} has several attempts in run {run_id!r} ({labels}): name one as SUITE/ITEM#ATTACK")
    return found[0]


def double_review(store: Store, run_id: str) -> bool:
    with store.engine.connect() as conn:
        value = conn.execute(select(review_settings.c.double_review).where(review_settings.c.run_id == run_id)).scalar()
    return bool(value)


def set_double_review(store: Store, run_id: str, enabled: bool, actor: str) -> None:
    store.require_run(run_id)
    now = time.time()
    with store.engine.begin() as conn:
        changed = conn.execute(
            update(review_settings)
            .where(review_settings.c.run_id == run_id)
            .values(double_review=enabled, updated_by=actor, updated_at=now)
        ).rowcount
        if not changed:
            conn.execute(insert(review_settings).values(run_id=run_id, double_review=enabled, updated_by=actor, updated_at=now))
        audit(conn, actor, "settings", run_id, "", {"double_review": enabled})


def audit(conn: Connection, actor: str, action: str, run_id: str, subject: str, detail: dict[str, Any]) -> None:
    """Append one line to the review audit log inside the caller's transaction."""
    conn.execute(
        insert(review_audit).values(
            created_at=time.time(),
            actor=actor,
            action=action,
            run_id=run_id,
            subject=subject,
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        )
    )


def current_state(store: Store, key: AttemptKey) -> dict[str, Any] | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(review_verdicts).where(key.where(review_verdicts))).mappings().first()
    return dict(row) if row else None


def history(store: Store, key: AttemptKey) -> list[dict[str, Any]]:
    """Every decision on one attempt, oldest first."""
    query = select(review_decisions).where(key.where(review_decisions)).order_by(review_decisions.c.decision_id)
    with store.engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def reviewed_score(attempt: dict[str, Any], outcome: Outcome) -> float | None:
    """The score a decided outcome carries: the item's wanted behaviour for refusal outcomes,
    1 for passed and 0 for failed, none for an outcome without a verdict."""
    if outcome in NO_VERDICT:
        return None
    if outcome is Outcome.PASSED:
        return 1.0
    if outcome is Outcome.FAILED:
        return 0.0
    fields = json.loads(attempt["item"]) | {"expected": attempt["expected"], "benign": attempt["benign"]}
    return score_value(Item.model_validate(fields), outcome)


def save_decision(
    store: Store,
    key: AttemptKey,
    outcome: Outcome,
    reviewer: str,
    reason: str,
    seen_version: int,
    adjudicate: bool = False,
) -> SavedDecision:
    """Record one decision if the attempt is still at ``seen_version`` (0: never reviewed).

    Raises :class:`ReviewConflict` when someone saved in between, and :class:`InputError` when the
    decision does not fit the state (a second review by the first reviewer, adjudicating what is
    not a conflict)."""
    if not reviewer.strip():
        raise InputError("a decision needs the reviewer's name")
    with store.engine.connect() as conn:
        found = conn.execute(
            select(attempts.c.outcome, attempts.c.item, attempts.c.expected, attempts.c.benign).where(key.where(attempts))
        ).mappings().first()
    if found is None:
        raise InputError(f"run {key.run_id!r} has no attempt {key.label()}")
    attempt = dict(found)
    if attempt["outcome"] == Outcome.ERROR.value:
        raise InputError(f"{key.label()}: the target never answered (error); resume the run instead of reviewing it")
    double = double_review(store, key.run_id)
    try:
        with store.engine.begin() as conn:
            state = conn.execute(select(review_verdicts).where(key.where(review_verdicts))).mappings().first()
            version = state["version"] if state else 0
            if version != seen_version:
                raise _Stale(version)
            role, new_state, decided = _transition(state, outcome, reviewer, adjudicate, double, conn, key)
            before = (state["outcome"] if state and state["outcome"] else None) or attempt["outcome"]
            values: dict[str, Any] = {
                "version": version + 1,
                "state": new_state.value,
                "reviewer": reviewer,
                "reason": reason,
                "updated_at": time.time(),
            }
            if decided:
                values |= {"outcome": decided.value, "score": reviewed_score(attempt, decided)}
            elif state is None:
                values |= {"outcome": None, "score": None}
            if state is None:
                conn.execute(
                    insert(review_verdicts).values(
                        run_id=key.run_id,
                        suite=key.suite,
                        item_id=key.item_id,
                        attack_id=key.attack_id,
                        automatic_outcome=attempt["outcome"],
                        **values,
                    )
                )
            else:
                updated = conn.execute(
                    update(review_verdicts)
                    .where(key.where(review_verdicts), review_verdicts.c.version == version)
                    .values(**values)
                ).rowcount
                if updated != 1:
                    raise _Stale(version + 1)
            conn.execute(
                insert(review_decisions).values(
                    run_id=key.run_id,
                    suite=key.suite,
                    item_id=key.item_id,
                    attack_id=key.attack_id,
                    reviewer=reviewer,
                    role=role.value,
                    outcome_before=before,
                    outcome_after=outcome.value,
                    reason=reason,
                    version=version + 1,
                    created_at=values["updated_at"],
                )
            )
            conn.execute(update(review_queue).where(key.where(review_queue)).values(**queue_state(new_state.value, reviewer)))
            audit(conn, reviewer, "decision", key.run_id, key.label(), {"role": role.value, "before": before, "after": outcome.value, "state": new_state.value, "version": version + 1})
    except (_Stale, IntegrityError) as exc:
        now = exc.version if isinstance(exc, _Stale) else seen_version + 1
        with store.engine.begin() as conn:
            audit(conn, reviewer, "conflict", key.run_id, key.label(), {"seen_version": seen_version, "outcome": outcome.value})
        raise ReviewConflict(
            f"{key.label()} was changed by another reviewer since you opened it "
            f"(you saw version {seen_version}, it is now at {now}); nothing was saved: reload it and decide again"
        ) from None
    return SavedDecision(key, role, new_state, version + 1, decided.value if decided else None)


class _Stale(Exception):
    def __init__(self, version: int) -> None:
        super().__init__(version)
        self.version = version


def _transition(
    state: Any, outcome: Outcome, reviewer: str, adjudicate: bool, double: bool, conn: Connection, key: AttemptKey
) -> tuple[Role, State, Outcome | None]:
    """The role of this decision, the attempt's next state and the outcome it decides (if any)."""
    current = State(state["state"]) if state else None
    if adjudicate:
        if current is not State.CONFLICT:
            raise InputError(f"{key.label()} is not in conflict: only conflicting double reviews are adjudicated")
        return Role.ADJUDICATOR, State.DECIDED, outcome
    if current is State.CONFLICT:
        raise InputError(f"{key.label()} has conflicting reviews: an adjudicator decides it (--adjudicate)")
    if not double:
        return Role.FIRST, State.DECIDED, outcome
    if current is None or current is State.DECIDED:
        return Role.FIRST, State.AWAITING_SECOND, None
    first = conn.execute(
        select(review_decisions.c.reviewer, review_decisions.c.outcome_after)
        .where(key.where(review_decisions), review_decisions.c.role == Role.FIRST.value)
        .order_by(review_decisions.c.decision_id.desc())
        .limit(1)
    ).first()
    if first is None or first[0] == reviewer:
        raise InputError(f"{key.label()}: double review needs a second reviewer other than {reviewer!r}")
    if first[1] == outcome.value:
        return Role.SECOND, State.DECIDED, outcome
    return Role.SECOND, State.CONFLICT, None
