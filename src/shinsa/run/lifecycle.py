"""The whole life of a run in one call: prepare, open the targets, execute (in this process or as
Ray shards), close, with progress reported through a callback. The command line, red teaming
and (later) the web call :func:`execute_run`; nothing outside ``run/`` strings the steps together."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from shinsa.errors import InputError
from shinsa.run.distributed import execute_sharded, ray_session
from shinsa.run.engine import PreparedRun, RunProgress, RunSpec, execute, prepare
from shinsa.run.parameters import RunParameters

if TYPE_CHECKING:
    from shinsa.store.store import Store

PROGRESS_SECONDS = 0.25
"""How often the progress callback hears the counters while a run goes on."""

ProgressCallback = Callable[[RunProgress], None]
"""Called once the run is prepared (``total`` and ``judge_missing`` known, nothing sent yet),
every :data:`PROGRESS_SECONDS` while it runs (``sending`` once the targets answered), and once at
the end, with the live counters."""


@dataclass(frozen=True, slots=True)
class RunSummary:
    run_id: str
    total: int
    done: int
    """Attempts finished in this session (answered, cached or errored)."""
    skipped: int
    """Attempts already finished before (resume)."""
    errors: int
    cached: int
    judge_missing: int
    """Items whose scorer needs an LLM judge when none was given: recorded as unscorable."""

    @classmethod
    def of(cls, run_id: str, progress: RunProgress) -> RunSummary:
        return cls(
            run_id, progress.total, progress.done, progress.skipped, progress.errors, progress.cached,
            progress.judge_missing,
        )


@asynccontextmanager
async def reporting(callback: ProgressCallback | None, progress: RunProgress) -> AsyncIterator[None]:
    """Tell ``callback`` about ``progress`` now, regularly while the block runs, and at its end."""
    if callback is None:
        yield
        return

    async def tick() -> None:
        while True:
            await asyncio.sleep(PROGRESS_SECONDS)
            callback(progress)

    callback(progress)
    ticker = asyncio.create_task(tick())
    try:
        yield
    finally:
        ticker.cancel()
        callback(progress)


async def execute_prepared(store: Store, prepared: PreparedRun, progress: ProgressCallback | None = None) -> RunSummary:
    """Run prepared work in this process: open the targets (an unreachable one fails before
    anything is recorded), execute the units and then the follow-up, close. On cancellation every
    finished attempt is kept and the run is marked interrupted."""
    counters = RunProgress(prepared.run_total, judge_missing=prepared.judge_missing)
    async with reporting(progress, counters):
        await execute(store, prepared, counters)
    return RunSummary.of(prepared.spec.run_id, counters)


async def execute_spec(store: Store, spec: RunSpec, progress: ProgressCallback | None = None) -> RunSummary:
    """:func:`execute_run` for a run already built in this process (targets given as objects)."""
    with store.run_lease(spec.run_id):
        return await execute_prepared(store, prepare(store, spec), progress)


async def execute_run(
    store: Store,
    parameters: RunParameters,
    progress: ProgressCallback | None = None,
    *,
    shards: int | None = None,
    ray_address: str | None = None,
) -> RunSummary:
    """Run ``parameters`` to the end, or resume the run of the same id. With ``shards`` the work is
    split into that many Ray tasks (on the cluster at ``ray_address``, else a local Ray); the
    input is checked before Ray starts. ``parameters`` may be a subclass that prepares more work
    (a multi-turn red-team run): each shard prepares its part the same way."""
    if ray_address is not None and shards is None:
        raise InputError("--ray-address needs --shards N")
    with store.run_lease(parameters.run_id):  # a second process on the same run stops here
        return await _execute_leased(store, parameters, progress, shards, ray_address)


async def _execute_leased(
    store: Store,
    parameters: RunParameters,
    progress: ProgressCallback | None,
    shards: int | None,
    ray_address: str | None,
) -> RunSummary:
    prepared = parameters.prepare(store)
    if shards is None or prepared.complete:  # a finished run has nothing to send: no Ray needed
        return await execute_prepared(store, prepared, progress)
    counters = RunProgress(prepared.run_total, judge_missing=prepared.judge_missing)
    with ray_session(ray_address, shards, store.url) as worker_url:
        async with reporting(progress, counters):
            await execute_sharded(store, prepared, parameters, shards, worker_url, counters)
    return RunSummary.of(parameters.run_id, counters)
