"""The review queue: a run's attempts in the order a person should look at them.

Tiers, lowest first: verdicts the scorer left as ``needs_review``; verdicts below
:data:`LOW_CONFIDENCE`; verdicts where judges disagreed; red-team hits (an attack that reached its
objective); everything else with an answer. Within a tier the least confident comes first.
Attempts the target never answered (``error``) are not reviewable and never queued.

The tier and confidence live in ``review_queue`` (built from ``attempts`` on first use and rebuilt
whenever the run changed), so a page of the queue is one indexed query however large the run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from sqlalchemy import and_, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import IntegrityError

from shinsa.outcomes import NO_VERDICT, UNSAFE_BELOW, Outcome
from shinsa.review.decisions import AttemptKey, State, double_review, queue_state
from shinsa.store.schema import attempts, review_queue, review_queue_runs, review_verdicts, runs
from shinsa.store.store import Store

LOW_CONFIDENCE = 0.8
"""A verdict whose scorer is less sure than this is queued right after the ``needs_review`` ones."""
_BATCH = 2000
_NO_VERDICT_VALUES = frozenset(o.value for o in NO_VERDICT)


class Tier(IntEnum):
    NEEDS_REVIEW = 0
    LOW_CONFIDENCE = 1
    DISAGREEMENT = 2
    REDTEAM_HIT = 3
    OTHER = 4


def confidence_of(details: dict[str, Any]) -> float | None:
    value = details.get("confidence")
    return float(value) if isinstance(value, int | float) else None


def judges_disagree(details: dict[str, Any]) -> bool:
    """Several judges (an ensemble) gave different verdicts."""
    votes = details.get("votes")
    if not isinstance(votes, list):
        return False
    outcomes = {vote.get("outcome") for vote in votes if isinstance(vote, dict)}
    return len(outcomes - _NO_VERDICT_VALUES) > 1


def place(row: dict[str, Any]) -> tuple[Tier, float]:
    """The tier of one attempt row and its confidence (1.0 when the scorer gives none)."""
    details = json.loads(row["details"]) if row.get("details") else {}
    confidence = confidence_of(details)
    if row["outcome"] == Outcome.NEEDS_REVIEW.value:
        tier = Tier.NEEDS_REVIEW
    elif confidence is not None and confidence < LOW_CONFIDENCE:
        tier = Tier.LOW_CONFIDENCE
    elif judges_disagree(details):
        tier = Tier.DISAGREEMENT
    elif (
        row["attack_id"]
        and not row["benign"]
        and row["outcome"] not in _NO_VERDICT_VALUES
        and row["score"] is not None
        and row["score"] < UNSAFE_BELOW
    ):
        tier = Tier.REDTEAM_HIT
    else:
        tier = Tier.OTHER
    return tier, 1.0 if confidence is None else confidence


def ensure_queue(store: Store, run_id: str) -> None:
    """Build the run's queue if it is missing or older than the run (resumed, still running)."""
    with store.engine.connect() as conn:
        run = conn.execute(select(runs.c.status, runs.c.updated_at).where(runs.c.run_id == run_id)).first()
        if run is None:
            store.require_run(run_id)
            return
        built = conn.execute(select(review_queue_runs).where(review_queue_runs.c.run_id == run_id)).mappings().first()
        if built is not None and built["run_updated_at"] == run.updated_at:
            if run.status != "running":
                return
            count = conn.execute(select(func.count()).where(attempts.c.run_id == run_id)).scalar_one()
            if count == built["attempts"]:
                return
    _rebuild(store, run_id, run.updated_at)


def _rows(store: Store, run_id: str) -> Iterator[dict[str, Any]]:
    columns = (attempts.c.suite, attempts.c.item_id, attempts.c.attack_id, attempts.c.outcome, attempts.c.score, attempts.c.benign, attempts.c.details)
    query = select(*columns).where(attempts.c.run_id == run_id).execution_options(yield_per=_BATCH)
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            yield dict(row)


def _rebuild(store: Store, run_id: str, run_updated_at: float) -> None:
    v = review_verdicts.c
    with store.engine.connect() as conn:
        reviewed = {
            (row.suite, row.item_id, row.attack_id): queue_state(row.state, row.reviewer)
            for row in conn.execute(select(v.suite, v.item_id, v.attack_id, v.state, v.reviewer).where(v.run_id == run_id))
        }
    batch: list[dict[str, Any]] = []
    seen = queued = 0
    try:
        with store.engine.begin() as conn:
            conn.execute(delete(review_queue).where(review_queue.c.run_id == run_id))
            for row in _rows(store, run_id):
                seen += 1
                if row["outcome"] == Outcome.ERROR.value:
                    continue
                tier, confidence = place(row)
                queued += 1
                state = reviewed.get((row["suite"], row["item_id"], row["attack_id"]), {"open": True, "first_reviewer": None})
                batch.append({"run_id": run_id, "suite": row["suite"], "item_id": row["item_id"], "attack_id": row["attack_id"], "tier": int(tier), "confidence": confidence, **state})
                if len(batch) >= _BATCH:
                    conn.execute(insert(review_queue), batch)
                    batch = []
            if batch:
                conn.execute(insert(review_queue), batch)
            marker = {"run_updated_at": run_updated_at, "attempts": seen, "queued": queued}
            if not conn.execute(update(review_queue_runs).where(review_queue_runs.c.run_id == run_id).values(**marker)).rowcount:
                conn.execute(insert(review_queue_runs).values(run_id=run_id, **marker))
        if store.engine.dialect.name == "postgresql":
            with store.engine.begin() as conn:  # fresh statistics, or the planner takes the table for empty
                conn.execute(text("ANALYZE review_queue"))
    except IntegrityError:
        return  # another process built the same queue at the same moment: its rows stand


@dataclass(frozen=True, slots=True)
class QueueEntry:
    key: AttemptKey
    tier: Tier
    confidence: float
    outcome: str
    """The automatic outcome."""
    scorer: str
    perspective: int
    language: str
    prompt: str
    state: str | None
    version: int
    decided: str | None
    """The outcome people decided, when shown to this reviewer (never during blind double review)."""


def pending(store: Store, run_id: str, reviewer: str, limit: int = 50, offset: int = 0, include_reviewed: bool = False) -> list[QueueEntry]:
    """One page of the queue for ``reviewer``: attempts nobody decided yet, and under double review
    those awaiting a second reviewer that this reviewer did not review first."""
    ensure_queue(store, run_id)
    q, v, a = review_queue.c, review_verdicts.c, attempts.c
    order = (q.tier, q.confidence, q.suite, q.item_id, q.attack_id)
    page = select(*order).where(q.run_id == run_id)
    if not include_reviewed:
        page = page.where(q.open.is_(True), or_(q.first_reviewer.is_(None), q.first_reviewer != reviewer))
    # the page is one range of the queue's index; only its rows are joined to attempts and verdicts
    chosen = page.order_by(*order).limit(limit).offset(offset).subquery()
    c = chosen.c
    query = (
        select(
            chosen, a.outcome, a.scorer, a.perspective, a.language, func.substr(a.prompt, 1, 200).label("prompt"),
            v.state, v.version, v.outcome.label("decided"),
        )
        .select_from(
            chosen.join(attempts, and_(a.run_id == run_id, a.suite == c.suite, a.item_id == c.item_id, a.attack_id == c.attack_id)).outerjoin(
                review_verdicts, and_(v.run_id == run_id, v.suite == c.suite, v.item_id == c.item_id, v.attack_id == c.attack_id)
            )
        )
        .order_by(c.tier, c.confidence, c.suite, c.item_id, c.attack_id)
    )
    blind = double_review(store, run_id)
    with store.engine.connect() as conn:
        rows = conn.execute(query).mappings().all()
    return [
        QueueEntry(
            key=AttemptKey(run_id, row["suite"], row["item_id"], row["attack_id"]),
            tier=Tier(row["tier"]),
            confidence=row["confidence"],
            outcome=row["outcome"],
            scorer=row["scorer"],
            perspective=row["perspective"],
            language=row["language"],
            prompt=row["prompt"],
            state=row["state"],
            version=row["version"] or 0,
            decided=None if blind and row["state"] != State.DECIDED.value else row["decided"],
        )
        for row in rows
    ]


def conflicts(store: Store, run_id: str) -> list[AttemptKey]:
    """Attempts whose two blind reviews disagree: the adjudicator's queue."""
    v = review_verdicts.c
    query = select(v.suite, v.item_id, v.attack_id).where(v.run_id == run_id, v.state == State.CONFLICT.value).order_by(v.updated_at)
    with store.engine.connect() as conn:
        return [AttemptKey(run_id, *row) for row in conn.execute(query)]


def review_counts(store: Store, run_id: str) -> dict[str, int]:
    """How many attempts are queued, decided by people, awaiting a second reviewer, in conflict."""
    ensure_queue(store, run_id)  # a cheap check when the queue is current
    v = review_verdicts.c
    with store.engine.connect() as conn:
        queued = conn.execute(select(review_queue_runs.c.queued).where(review_queue_runs.c.run_id == run_id)).scalar_one()
        states: dict[str, int] = dict(conn.execute(select(v.state, func.count()).where(v.run_id == run_id).group_by(v.state)).all())
        decided = conn.execute(select(func.count()).where(v.run_id == run_id, v.outcome.is_not(None))).scalar_one()
    return {
        "queued": int(queued),
        "decided": int(decided),
        "awaiting_second": int(states.get(State.AWAITING_SECOND.value, 0)),
        "conflicts": int(states.get(State.CONFLICT.value, 0)),
    }
