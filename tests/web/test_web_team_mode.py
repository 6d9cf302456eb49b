"""Team mode on PostgreSQL: the web defers a run to procrastinate and a separate ``shinsa worker``
process executes it; a worker killed mid-run leaves a run that the next worker resumes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from web_fixtures import PASSWORD, csrf_of, login

from shinsa.store.store import Store
from shinsa.web.access import Role
from shinsa.web.accounts import Accounts
from shinsa.web.app import create_app
from shinsa.web.deps import Settings
from shinsa.web.queue import QueuedJobs
from shinsa.web.workspace import Workspace

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


@pytest.fixture
def workers(postgres_url: str) -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        process.kill()
        process.wait()


def start_worker(url: str, started: list[subprocess.Popen[bytes]]) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([*SHINSA, "worker", "--db", url], env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started.append(process)
    return process


def wait_for(condition: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.2)
    raise TimeoutError("condition not met")


def test_a_worker_runs_the_queued_run_and_a_killed_one_is_resumed(postgres_url: str, workers: list[subprocess.Popen[bytes]]) -> None:
    store = Store(postgres_url)
    accounts, workspace = Accounts(store.engine), Workspace(store.engine)
    project = accounts.create_project("Ministry A")
    accounts.set_membership(accounts.create_user("assessor", PASSWORD), project, Role.ASSESSOR)
    workspace.add_system(project, "sys-a", "System A")
    config_id = workspace.save_config(
        "sys-a", "slow", {"suites": ["quick"], "target": "python:shinsa.testing.bots:slow_refuse", "limit": 12, "concurrency": 1}, None
    )
    queue = QueuedJobs(postgres_url)
    queue.prepare()
    app = create_app(store, settings=Settings(secure_cookies=False, python_targets=frozenset({"shinsa.testing.bots"}), team=True), jobs=queue)
    client = TestClient(app, base_url="http://127.0.0.1")
    login(client, "assessor")
    started = client.post(f"/configs/{config_id}/runs", data={"csrf_token": csrf_of(client)}, follow_redirects=False)
    run_id = started.headers["location"].split("/")[-1]
    assert workspace.job(run_id)["job_state"] == "queued"  # type: ignore[index]  # nothing runs in the web process

    first = start_worker(postgres_url, workers)
    wait_for(lambda: sum(store.count_attempts(run_id).values()) >= 2, 120)
    first.kill()  # mid-run: no chance to clean up
    first.wait()
    done_before = sum(store.count_attempts(run_id).values())
    assert 0 < done_before < 12
    assert store.require_run(run_id)["status"] == "running"

    start_worker(postgres_url, workers)  # re-queues the stalled job once the dead worker's heartbeat is stale
    wait_for(lambda: (workspace.job(run_id) or {}).get("job_state") == "finished", 180)
    assert sum(store.count_attempts(run_id).values()) == 12
    assert workspace.job(run_id)["progress"]["skipped"] >= done_before  # type: ignore[index]  # resumed, not redone
    assert store.require_run(run_id)["status"] == "finished"
