"""Database trouble stops a run at the first failed write with one line naming the cause, keeps
what was stored, and the run resumes once the trouble is gone: a full disk, a database locked by
another process past the busy timeout, a read-only database, a database file deleted mid-run."""

import asyncio
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

import shinsa.store.store as store_module
from shinsa.errors import StoreError
from shinsa.run.engine import RunSpec, execute, prepare
from shinsa.store.store import Store, store_trouble
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions, build_target


def _suite(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}", "expected": "contain", "reference": [f"q{i}"]}) + "\n" for i in range(count)),
        encoding="utf-8",
    )
    return path


class FullDisk(Store):
    """Every attempt write fails as SQLite fails on a full disk."""

    def write_attempts(self, rows: Sequence[dict[str, Any]]) -> None:
        error = OperationalError("INSERT INTO attempts", {}, sqlite3.OperationalError("database or disk is full"))
        raise store_trouble(error, self.safe_url)


@pytest.mark.integration
def test_a_full_disk_stops_sending_at_the_first_failed_write(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(latency=0.02)
    suite = load_suite(str(_suite(tmp_path, 300)))
    full = FullDisk(sqlite_url)
    spec = RunSpec("disk", [suite], build_target("openai:m", TargetOptions(base_url=server.base_url)), concurrency=4, use_cache=False)
    with pytest.raises(StoreError) as caught:
        asyncio.run(execute(full, prepare(full, spec)))
    message = str(caught.value)
    assert "is full" in message and "--run-id disk" in message and "\n" not in message
    sent = len(server.requests())
    assert sent < 150, f"{sent} requests sent after the first failed write"
    assert full.get_run("disk")["status"] == "interrupted"  # type: ignore[index]

    store = Store(sqlite_url)  # disk space back: the run resumes and finishes
    asyncio.run(execute(store, prepare(store, spec)))
    assert store.get_run("disk")["status"] == "finished"  # type: ignore[index]
    assert store.count_attempts("disk") == {"passed": 300}


def test_a_database_locked_past_the_busy_timeout_is_one_line(tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_SECONDS", 0.2)
    store = Store(sqlite_url)
    holder = sqlite3.connect(sqlite_url.removeprefix("sqlite:///"))
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError, match="is locked by another process"):
            store.create_run("locked", {}, 1, "")
    finally:
        holder.rollback()
        holder.close()
    store.create_run("locked", {}, 1, "")  # the lock released, the same write goes through
    assert store.get_run("locked") is not None


def test_a_database_deleted_mid_run_is_noticed_at_the_next_write(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.create_run("gone", {}, 1, "")
    Path(sqlite_url.removeprefix("sqlite:///")).unlink()
    with pytest.raises(StoreError, match="was deleted or replaced"):
        store.set_status("gone", "finished")


def test_a_read_only_database_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "ro.db"
    Store(f"sqlite:///{path}").close()  # the tables exist; the run cannot write
    env = {**os.environ, "SHINSA_DB": f"sqlite:///file:{path}?mode=ro&uri=true", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--suite", str(_suite(tmp_path, 2)),
         "--target", "python:shinsa.testing.bots:echo", "--quiet"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "is read-only" in lines[0] and "Traceback" not in result.stderr, result.stderr
