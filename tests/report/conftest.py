"""Stored fixture runs for the report tests (rows in report_fixtures.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import baseline_rows, improved_rows, redteam_rows

from shinsa.store.store import Store
from shinsa.testing.runs import write_run


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(f"sqlite:///{tmp_path / 'report.db'}")
    write_run(store, "base", baseline_rows())
    write_run(store, "fixed", improved_rows())
    write_run(store, "rt", redteam_rows(), manifest={"attack": {"templates": ["fiction"], "chains": ["base64", "fullwidth"]}})
    return store
