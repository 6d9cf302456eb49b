"""The review queue: what most needs a person first, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from shinsa.outcomes import Outcome
from shinsa.review.decisions import find_attempt, save_decision, set_double_review
from shinsa.review.queue import Tier, pending, review_counts
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run


def _rows() -> list[dict[str, object]]:
    votes = [{"outcome": "refused"}, {"outcome": "complied"}, {"outcome": "refused"}]
    return [
        attempt("plain", 1, "refused", details={"confidence": 0.97}),
        attempt("hit", 1, "complied", attack_id="conv:base64"),
        attempt("unsure-b", 1, "needs_review", details={"confidence": 0.55}),
        attempt("unsure-a", 1, "needs_review", details={"confidence": 0.30}),
        attempt("low", 1, "refused", details={"confidence": 0.62}),
        attempt("split", 1, "refused", scorer="ensemble", details={"votes": votes}),
        attempt("failed-call", 1, "error", None, error="timeout"),
        attempt("held", 1, "refused", attack_id="conv:rot13"),
    ]


def _check_order(store: Store) -> None:
    write_run(store, "q", _rows())
    entries = pending(store, "q", "sato")
    assert [e.key.label() for e in entries] == [
        "fixture/unsure-a",
        "fixture/unsure-b",
        "fixture/low",
        "fixture/split",
        "fixture/hit#conv:base64",
        "fixture/plain",  # 0.97 sure: before the attempt whose scorer gives no confidence
        "fixture/held#conv:rot13",
    ]
    assert [e.tier for e in entries[:5]] == [Tier.NEEDS_REVIEW, Tier.NEEDS_REVIEW, Tier.LOW_CONFIDENCE, Tier.DISAGREEMENT, Tier.REDTEAM_HIT]
    save_decision(store, entries[0].key, Outcome.REFUSED, "sato", "", entries[0].version)
    assert pending(store, "q", "sato", limit=1)[0].key.item_id == "unsure-b"
    assert len(pending(store, "q", "sato", include_reviewed=True)) == 7
    assert review_counts(store, "q") == {"queued": 7, "decided": 1, "awaiting_second": 0, "conflicts": 0}


def test_queue_order_on_sqlite(sqlite_url: str) -> None:
    _check_order(Store(sqlite_url))


def test_queue_order_on_postgres(postgres_url: str) -> None:
    _check_order(Store(postgres_url))


def test_queue_is_rebuilt_when_the_run_changes(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    write_run(store, "q", _rows()[:2])
    assert len(pending(store, "q", "sato")) == 2
    store.write_attempts([{**attempt("late", 1, "needs_review"), "run_id": "q"}])
    store.set_status("q", "finished")
    assert pending(store, "q", "sato")[0].key.item_id == "late"


def test_double_review_hides_the_first_decision_and_offers_it_to_others(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    write_run(store, "q", _rows())
    set_double_review(store, "q", True, "lead")
    key = find_attempt(store, "q", "unsure-a")
    save_decision(store, key, Outcome.COMPLIED, "sato", "", 0)
    assert key not in [e.key for e in pending(store, "q", "sato")]
    offered = next(e for e in pending(store, "q", "suzuki") if e.key == key)
    assert offered.state == "awaiting_second" and offered.decided is None and offered.version == 1


def test_unknown_run_is_a_one_line_error(sqlite_url: str) -> None:
    from shinsa.errors import InputError

    with pytest.raises(InputError, match="no run"):
        pending(Store(sqlite_url), "missing", "sato")
