"""Running a web-started run: the job body (shared by every queue) and the queues themselves.

Embedded mode (SQLite) runs the job in a thread of the web process. Team mode (PostgreSQL) defers
it to procrastinate, a PostgreSQL-backed job library, and ``shinsa worker`` runs it; a worker
killed mid-run leaves the run ``running`` with a stale heartbeat, and resuming re-queues the same
run id, which :func:`~shinsa.run.lifecycle.execute_run` resumes where it stopped."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
import time
from typing import TYPE_CHECKING, Any, Protocol

from shinsa.errors import ShinsaError
from shinsa.run.engine import RunProgress
from shinsa.run.lifecycle import execute_run
from shinsa.web.configs import RunConfig

if TYPE_CHECKING:
    from shinsa.store.store import Store

PROGRESS_EVERY = 1.0
"""Seconds between progress writes to the database (the run page polls the same row)."""
STALE_SECONDS = 30.0
"""A running job whose progress has not been written for this long lost its worker."""


class JobQueue(Protocol):
    def submit(self, run_id: str) -> None:
        """Start (or resume) the filed run ``run_id`` eventually."""


def _progress_values(progress: RunProgress) -> dict[str, Any]:
    values = dataclasses.asdict(progress)
    values["elapsed"] = time.monotonic() - values.pop("started")
    return values


class ProgressWriter:
    """The run's progress callback: writes the counters to the run's job row at most once a
    :data:`PROGRESS_EVERY`, and always the first and last time."""

    def __init__(self, store: Store, run_id: str) -> None:
        from shinsa.web.workspace import Workspace

        self.workspace = Workspace(store.engine)
        self.run_id = run_id
        self.last = 0.0

    def __call__(self, progress: RunProgress) -> None:
        now = time.monotonic()
        finished = progress.done + progress.skipped >= progress.total
        if now - self.last >= PROGRESS_EVERY or finished or self.last == 0.0:
            self.last = now
            self.workspace.set_job(self.run_id, progress=_progress_values(progress))


async def run_job(store: Store, run_id: str) -> None:
    """Run (or resume) a filed run from its saved configuration, recording the job's state."""
    from shinsa.web.workspace import Workspace

    workspace = Workspace(store.engine)
    job = workspace.job(run_id)
    if job is None or job["config_id"] is None:
        return
    config_row = workspace.config(job["config_id"])
    if config_row is None:
        workspace.set_job(run_id, state="failed", message="the saved configuration was deleted")
        return
    config = RunConfig.model_validate(config_row["parameters"])
    workspace.set_job(run_id, state="running", message="")
    try:
        summary = await execute_run(store, config.parameters(run_id, f"shinsa web: {config_row['name']}"), ProgressWriter(store, run_id))
    except asyncio.CancelledError:
        workspace.set_job(run_id, state="interrupted")
        raise
    except ShinsaError as exc:
        workspace.set_job(run_id, state="failed", message=str(exc))
        return
    except Exception as exc:  # a job must record why it stopped; the worker keeps going
        workspace.set_job(run_id, state="failed", message=f"{type(exc).__name__}: {exc}")
        return
    workspace.set_job(run_id, state="finished", message=f"{summary.errors} errors" if summary.errors else "")


class InProcessJobs:
    """Embedded mode: each job in its own thread and event loop, so the pages stay responsive."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.threads: dict[str, threading.Thread] = {}

    def submit(self, run_id: str) -> None:
        running = self.threads.get(run_id)
        if running is not None and running.is_alive():
            return
        thread = threading.Thread(target=asyncio.run, args=(run_job(self.store, run_id),), name=f"run-{run_id}", daemon=True)
        self.threads[run_id] = thread
        thread.start()

    def join(self, timeout: float | None = None) -> None:
        """Wait for the jobs started so far (tests, shutdown)."""
        for thread in list(self.threads.values()):
            thread.join(timeout)
