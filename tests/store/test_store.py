import asyncio
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy.engine import make_url

from shinsa.run.engine import RunSpec, execute, prepare
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import build_target


def make_suite(tmp_path: Path, n: int) -> Path:
    path = tmp_path / "s.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"i{i}", "perspective": 2, "prompt": f"質問 {i}", "expected": "contain",
                                     "reference": [f"質問 {i}"]}, ensure_ascii=False) + "\n")
    return path


def exercise(store: Store, suite_path: Path) -> None:
    spec = RunSpec("run-a", [load_suite(str(suite_path))], build_target("python:shinsa.testing.bots:echo"))
    asyncio.run(execute(store, prepare(store, spec)))
    rows = list(store.iter_attempts("run-a"))
    assert len(rows) == 30 and {r["outcome"] for r in rows} == {"passed"}
    assert rows[0]["prompt"].startswith("質問")
    assert store.count_attempts("run-a") == {"passed": 30}
    listed = store.list_runs()
    assert [r["run_id"] for r in listed] == ["run-a"] and listed[0]["attempts"] == 30
    assert store.get_run("run-a")["manifest"]["target"]["callable"] == "shinsa.testing.bots:echo"
    # an upsert replaces the row of the same attempt instead of adding one
    row = dict(rows[0], outcome="error", score=None, response=None, error="boom")
    store.write_attempts([row])
    assert len(list(store.iter_attempts("run-a"))) == 30
    assert rows[0]["item_id"] == "i0" and rows[1]["item_id"] == "i1"
    assert store.finished_keys("run-a", ["i0", "i1"]) == {(rows[1]["suite"], "i1", "")}
    cached = store.cached_responses([rows[2]["cache_key"]])
    assert cached[rows[2]["cache_key"]]["response"] == rows[2]["response"]


def test_sqlite_store(tmp_path: Path, sqlite_url: str) -> None:
    exercise(Store(sqlite_url), make_suite(tmp_path, 30))


@pytest.mark.integration
def test_postgres_store(tmp_path: Path, postgres_url: str) -> None:
    store = Store(postgres_url)
    assert store.engine.dialect.name == "postgresql"
    exercise(store, make_suite(tmp_path, 30))
    store.close()


def test_safe_url_hides_password() -> None:
    store = Store("sqlite://")
    assert store.safe_url == "sqlite://"
    masked = Store.__new__(Store)
    # only the URL matters here: no driver is loaded, so no psycopg is needed
    masked.engine = SimpleNamespace(url=make_url("postgresql+psycopg://user:hunter2@localhost/db"))  # type: ignore[assignment]
    assert "hunter2" not in masked.safe_url
