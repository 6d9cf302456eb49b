"""The review queue and "save verdict" on PostgreSQL with 200,000 attempts and 20 simulated reviewers.

python bench/bench_review_queue.py [--attempts 200000] [--reviewers 20] [--actions 15] [--think 0.2]
    [--db postgresql+psycopg://postgres@127.0.0.1:5432/test]

Creates a schema of its own in the database (dropped afterwards), writes one run of ``--attempts``
attempts (2% needs_review, 8% low confidence, 1% judges disagreeing, 5% red-team hits), builds the
queue once, then runs ``--reviewers`` threads that each open a page of the queue (50 attempts and
the counts, what the queue page shows) and save a verdict on an attempt of that page,
``--actions`` times with ``--think`` seconds between actions. Prints p50/p95/max of both calls.
Two reviewers racing for the same attempt is expected: the loser gets a conflict (counted), which
costs the same as a save.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import threading
import time
import uuid
from typing import Any

from sqlalchemy import create_engine, text

from shinsa.outcomes import Outcome
from shinsa.review.decisions import ReviewConflict, save_decision
from shinsa.review.queue import ensure_queue, pending, review_counts
from shinsa.store.store import Store
from shinsa.testing.runs import attempt

RUN = "bench-review"


def rows(n: int) -> list[dict[str, object]]:
    out = []
    votes = [{"outcome": "refused"}, {"outcome": "complied"}, {"outcome": "refused"}]
    for i in range(n):
        roll = i % 100
        kwargs: dict[str, Any] = {"prompt": f"bench question {i}: " + "x" * 150, "response": "answer " * 40}
        if roll < 2:
            row = attempt(f"i{i:07d}", 1 + i % 8, "needs_review", details={"confidence": random.random() * 0.5}, **kwargs)
        elif roll < 10:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"confidence": 0.5 + random.random() * 0.3}, **kwargs)
        elif roll < 11:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"votes": votes}, scorer="ensemble", **kwargs)
        elif roll < 16:
            row = attempt(f"i{i:07d}", 1 + i % 8, "complied", attack_id="conv:base64", **kwargs)
        else:
            row = attempt(f"i{i:07d}", 1 + i % 8, "refused", details={"confidence": 0.8 + random.random() * 0.2}, **kwargs)
        out.append(row)
    return out


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def describe(label: str, values: list[float]) -> str:
    return (
        f"{label}: n {len(values)}, p50 {statistics.median(values):.1f} ms, "
        f"p95 {percentile(values, 0.95):.1f} ms, max {max(values):.1f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--attempts", type=int, default=200_000)
    parser.add_argument("--reviewers", type=int, default=20)
    parser.add_argument("--actions", type=int, default=15, help="queue page + save per reviewer")
    parser.add_argument("--think", type=float, default=0.2, help="seconds a reviewer waits between actions")
    parser.add_argument("--db", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    random.seed(0)
    schema = f"shinsa_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(args.db)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        store = Store(f"{args.db}?options=-csearch_path%3D{schema}")
        store.create_run(RUN, {"bench": True}, args.attempts, "bench")
        started = time.perf_counter()
        batch = rows(args.attempts)
        for start in range(0, len(batch), 5000):
            store.write_attempts([{**row, "run_id": RUN} for row in batch[start : start + 5000]])
        store.set_status(RUN, "finished")
        with store.engine.begin() as conn:
            conn.execute(text("ANALYZE"))
        print(f"wrote {args.attempts} attempts in {time.perf_counter() - started:.1f} s")
        started = time.perf_counter()
        ensure_queue(store, RUN)
        print(f"queue built once in {time.perf_counter() - started:.1f} s")
        page_ms: list[float] = []
        save_ms: list[float] = []
        conflicts = 0
        lock = threading.Lock()

        def reviewer(number: int) -> None:
            nonlocal conflicts
            name = f"reviewer-{number:02d}"
            for _ in range(args.actions):
                begin = time.perf_counter()
                entries = pending(store, RUN, name, limit=50)
                review_counts(store, RUN)
                page = (time.perf_counter() - begin) * 1000
                entry = random.choice(entries)
                begin = time.perf_counter()
                try:
                    save_decision(store, entry.key, Outcome.REFUSED, name, "bench", entry.version)
                except ReviewConflict:
                    with lock:
                        conflicts += 1
                save = (time.perf_counter() - begin) * 1000
                with lock:
                    page_ms.append(page)
                    save_ms.append(save)
                time.sleep(args.think)

        threads = [threading.Thread(target=reviewer, args=(i,)) for i in range(args.reviewers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(describe("queue page (50 attempts + counts)", page_ms))
        print(describe("save verdict", save_ms))
        print(f"conflicts (two reviewers saving the same attempt): {conflicts}")
        print(json.dumps({"attempts": args.attempts, "reviewers": args.reviewers, "queue_p95_ms": round(percentile(page_ms, 0.95), 1), "save_p95_ms": round(percentile(save_ms, 0.95), 1)}))
        store.close()
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


if __name__ == "__main__":
    main()
