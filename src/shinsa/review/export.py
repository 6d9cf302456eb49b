"""Reviewed verdicts as labels: JSONL that ``shinsa judge validate --labels`` reads as it is, and
that trains or re-measures scorers.

One line per attempt people decided: the item's own fields as stored (``id``, ``prompt``,
``expected``, ``language``, ``requirement``, …, which ``judge validate`` uses), ``response``,
``label`` (the decided outcome), where it came from (``run_id``, ``suite``, ``item_id``,
``attack_id``), the automatic verdict (``automatic_scorer``, ``automatic_outcome``) and the decision
(``reviewer``, ``reason``, ``reviewed_at`` in ISO 8601, UTC).
"""

from __future__ import annotations

import datetime
import json
from typing import TextIO

from sqlalchemy import and_, select

from shinsa.store.schema import attempts, review_verdicts
from shinsa.store.store import Store


def write_labels(store: Store, run_id: str, handle: TextIO) -> int:
    store.require_run(run_id)
    a, v = attempts.c, review_verdicts.c
    query = (
        select(
            a.suite, a.item_id, a.attack_id, a.expected, a.benign, a.item, a.response, a.scorer,
            v.automatic_outcome, v.outcome, v.reviewer, v.reason, v.updated_at,
        )
        .select_from(
            review_verdicts.join(
                attempts,
                and_(a.run_id == v.run_id, a.suite == v.suite, a.item_id == v.item_id, a.attack_id == v.attack_id),
            )
        )
        .where(v.run_id == run_id, v.outcome.is_not(None), a.response.is_not(None))
        .order_by(a.suite, a.item_id, a.attack_id)
    )
    count = 0
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            record = json.loads(row["item"]) | {
                "expected": row["expected"],
                "benign": row["benign"],
                "response": row["response"],
                "label": row["outcome"],
                "run_id": run_id,
                "suite": row["suite"],
                "item_id": row["item_id"],
                "attack_id": row["attack_id"],
                "automatic_scorer": row["scorer"],
                "automatic_outcome": row["automatic_outcome"],
                "reviewer": row["reviewer"],
                "reason": row["reason"],
                "reviewed_at": datetime.datetime.fromtimestamp(row["updated_at"], datetime.UTC).isoformat(timespec="seconds"),
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
