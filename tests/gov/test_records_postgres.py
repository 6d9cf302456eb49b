"""The lifecycle records in a real PostgreSQL: evidence, a signed decision, supersession and the
registry work there as on SQLite."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from gov_fixtures import decide, verified_evidence

from shinsa.gov.decisions import signature_status
from shinsa.gov.registry import registry
from shinsa.store.store import Store

pytestmark = pytest.mark.integration


def test_decision_lifecycle_on_postgres(tmp_path: Path, postgres_url: str) -> None:
    records, bundle_hash = verified_evidence(Store(postgres_url), tmp_path)
    first = decide(records, bundle_hash, tmp_path / "a")
    second = decide(records, bundle_hash, tmp_path / "b", outcome="no_go", conditions=[])
    assert records.require_decision(first)["superseded_by"] == second
    assert signature_status(records.require_decision(second)) is True
    assert records.decision(second[:20]) is not None  # a unique prefix names it
    [entry] = registry(records, datetime.date(2026, 12, 5))
    assert entry.decision is not None and entry.decision["decision_id"] == second
    assert entry.open_conditions == [] and entry.suite_versions == ["quick 1.0.0"]
