"""Team mode's job queue: procrastinate, a job library that keeps its queue in the same
PostgreSQL database (no other service to run). The web process defers a run; ``shinsa worker``
processes execute it with :func:`~shinsa.web.jobs.run_job`. A worker killed mid-run leaves its job
``doing`` with no heartbeat: the next worker to start re-queues such stalled jobs, and the run
resumes from its last finished attempt (its page also offers to resume it)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from shinsa.store.store import Store
from shinsa.web.jobs import run_job

QUEUE = "shinsa-runs"
TASK = "shinsa.run"
log = logging.getLogger(__name__)


def libpq_url(url: str) -> str:
    """A SQLAlchemy ``postgresql+psycopg://`` URL as the plain libpq URL psycopg takes."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class QueuedJobs:
    def __init__(self, url: str) -> None:
        from procrastinate import App, PsycopgConnector

        self.url = url
        self.app = App(connector=PsycopgConnector(conninfo=libpq_url(url)))
        self._store: Store | None = None

        @self.app.task(name=TASK, queue=QUEUE)
        async def execute(run_id: str) -> None:
            assert self._store is not None, "jobs run in `shinsa worker`"
            await run_job(self._store, run_id)

        self.task = execute
        self._opened = False

    def prepare(self) -> None:
        """Create procrastinate's tables the first time (its own schema, beside the store's)."""
        engine = create_engine(self.url)
        try:
            with engine.connect() as conn:
                present = conn.execute(text("SELECT to_regclass('procrastinate_jobs')")).scalar()
        finally:
            engine.dispose()
        if present is None:
            with self.app.open():
                self.app.schema_manager.apply_schema()

    def submit(self, run_id: str) -> None:
        if not self._opened:
            self.app.open()
            self._opened = True
        self.task.defer(run_id=run_id)

    def work(self, concurrency: int = 1) -> None:
        """Run jobs until stopped (Ctrl-C or SIGTERM): first re-queue jobs whose worker died."""
        self._store = Store(self.url)

        async def main() -> None:
            async with self.app.open_async():
                await self.requeue_stalled()
                await self.app.run_worker_async(queues=[QUEUE], concurrency=concurrency, install_signal_handlers=True)

        asyncio.run(main())

    async def requeue_stalled(self) -> list[Any]:
        stalled = list(await self.app.job_manager.get_stalled_jobs(queue=QUEUE))
        for job in stalled:
            log.warning("re-queueing run %s: its worker stopped", job.task_kwargs.get("run_id"))
            await self.app.job_manager.retry_job(job)
        return stalled
