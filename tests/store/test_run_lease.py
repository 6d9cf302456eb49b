"""One run, one process: a second process on the same run id stops with one line naming the
holder (a lock file next to a SQLite database, an advisory lock on PostgreSQL), so no item is sent
twice; and processes creating a new database at the same time all succeed."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.errors import RunBusyError
from shinsa.store.store import Store

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def _env(db: str) -> dict[str, str]:
    env = {**os.environ, "SHINSA_DB": db, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("OPENAI_API_KEY", None)
    return env


def _suite(tmp_path: Path, count: int) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_text(
        "".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}", "expected": "contain", "reference": [f"q{i}"]}) + "\n" for i in range(count)),
        encoding="utf-8",
    )
    return path


def _lease_is_exclusive(url: str) -> None:
    first, second = Store(url), Store(url)
    holder = f"pid {os.getpid()} on host {socket.gethostname()}"
    with first.run_lease("r1"):
        with pytest.raises(RunBusyError, match=f"run r1 is being executed by {holder}"), second.run_lease("r1"):
            pass
        with second.run_lease("r2"):  # another run of the same database is free
            pass
    with second.run_lease("r1"):  # released with the block
        pass
    first.close()
    second.close()


def test_run_lease_on_sqlite(sqlite_url: str) -> None:
    _lease_is_exclusive(sqlite_url)
    assert not list(Path(sqlite_url.removeprefix("sqlite:///")).parent.glob("*.runlock"))


def test_run_lease_on_postgres(postgres_url: str) -> None:
    _lease_is_exclusive(postgres_url)


@pytest.mark.integration
@pytest.mark.parametrize("database", ["sqlite", "postgres"])
def test_two_processes_on_one_run_send_each_item_once(tmp_path: Path, request: pytest.FixtureRequest, fake_server, database: str) -> None:  # type: ignore[no-untyped-def]
    url = request.getfixturevalue("sqlite_url" if database == "sqlite" else "postgres_url")
    Store(url).close()
    server = fake_server(latency=0.05)
    args = [*SHINSA, "run", "--suite", str(_suite(tmp_path, 40)), "--target", "openai:m", "--base-url", server.base_url,
            "--run-id", "twice", "--concurrency", "4", "--quiet"]
    processes = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(url)) for _ in range(2)]
    results = [(p.wait(timeout=120), *p.communicate()) for p in processes]
    codes = sorted(code for code, _, _ in results)
    assert codes == [0, 2], results
    busy = next(err for code, _, err in results if code == 2)
    assert "run twice is being executed by pid" in busy and "Traceback" not in busy and len(busy.strip().splitlines()) == 1
    assert sorted(server.requests()) == sorted(f"q{i}" for i in range(40))


def _create_at_once(url: str, count: int = 4) -> None:
    code = f"from shinsa.store.store import Store; Store({url!r}).close()"
    processes = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True, env=_env(url)) for _ in range(count)]
    errors = [(p.wait(timeout=120), p.communicate()[1]) for p in processes]
    assert all(code == 0 for code, _ in errors), errors


def test_processes_creating_a_new_sqlite_database_at_once(tmp_path: Path) -> None:
    _create_at_once(f"sqlite:///{tmp_path / 'new.db'}")


def test_processes_creating_a_new_postgres_schema_at_once(postgres_url: str) -> None:
    _create_at_once(postgres_url)
