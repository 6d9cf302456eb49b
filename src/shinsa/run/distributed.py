"""Distributed runs: one run split into shards that run as Ray tasks, on this machine or a cluster.

The coordinator (the process that runs ``shinsa run --shards N``) validates the run, checks that the
targets answer, creates the run and finally sets its status. Each shard is a Ray task that rebuilds
suites, target and judge from the run's :class:`RunParameters` (plain values) and runs the normal engine
over its part of the units (a stable hash of suite, item and attack), writing to the same database.
No live session or API key travels in a task: each worker reads keys from its own environment or
secrets file, as a single-process run does. Resuming works as for any run, whatever the shard
count: only unfinished attempts are sent again.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from shinsa.errors import InputError, ShinsaError
from shinsa.run.engine import (
    PreparedRun,
    RunProgress,
    close_run,
    execute,
    opened_targets,
    prepare,
)
from shinsa.run.parameters import RunParameters

if TYPE_CHECKING:
    from shinsa.store.store import Store

REPORT_SECONDS = 0.5
"""How often a shard reports its counters (and learns whether to stop)."""
STOP_GRACE_SECONDS = 30.0
"""How long stopped shards get to write what finished before their tasks are killed."""
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class ShardCounts:
    done: int = 0
    skipped: int = 0
    errors: int = 0
    cached: int = 0

    @classmethod
    def of(cls, progress: RunProgress) -> ShardCounts:
        return cls(progress.done, progress.skipped, progress.errors, progress.cached)

    @classmethod
    def total(cls, counts: Iterable[ShardCounts]) -> ShardCounts:
        counts = list(counts)
        return cls(
            sum(c.done for c in counts), sum(c.skipped for c in counts),
            sum(c.errors for c in counts), sum(c.cached for c in counts),
        )

    def show_in(self, progress: RunProgress) -> None:
        progress.done, progress.skipped, progress.errors, progress.cached = (
            self.done, self.skipped, self.errors, self.cached
        )


@dataclass(frozen=True)
class ShardResult:
    index: int
    counts: ShardCounts
    stopped: bool = False
    error: str | None = None
    """A :class:`ShinsaError`'s message: bad input or an unreachable target seen by this shard."""


class ShardBoard:
    """Run as a Ray actor: holds each shard's latest counters for the coordinator's progress bar,
    and the stop request the shards pick up when they report."""

    def __init__(self) -> None:
        self.counts: dict[int, ShardCounts] = {}
        self.stopping = False

    def report(self, index: int, counts: ShardCounts) -> bool:
        self.counts[index] = counts
        return self.stopping

    def totals(self) -> ShardCounts:
        return ShardCounts.total(self.counts.values())

    def stop(self) -> None:
        self.stopping = True


# --- inside a Ray worker ---------------------------------------------------------------------------


def run_shard(parameters: RunParameters, db_url: str, index: int, count: int, board: Any) -> ShardResult:
    """Run as a Ray task: shard ``index`` of ``count``, until it finishes or ``board`` says stop."""
    try:
        return asyncio.run(_run_shard(parameters, db_url, index, count, board))
    except ShinsaError as exc:
        return ShardResult(index, ShardCounts(), error=str(exc))


async def _run_shard(parameters: RunParameters, db_url: str, index: int, count: int, board: Any) -> ShardResult:
    from shinsa.store.store import Store

    store = Store(db_url)
    try:
        prepared = prepare(store, parameters.spec(shard=(index, count)))
        progress = RunProgress(prepared.total)
        running = asyncio.create_task(execute(store, prepared, progress))
        stop_requested = asyncio.create_task(_report_until_stopped(board, index, progress))
        await asyncio.wait({running, stop_requested}, return_when=asyncio.FIRST_COMPLETED)
        stop_requested.cancel()
        running.cancel()  # a no-op when it finished; otherwise it keeps what finished and returns
        await asyncio.gather(running, stop_requested, return_exceptions=True)
        if not running.cancelled():
            running.result()  # a failure of the shard is raised here
        counts = ShardCounts.of(progress)
        await board.report.remote(index, counts)
        return ShardResult(index, counts, stopped=running.cancelled())
    finally:
        store.close()


async def _report_until_stopped(board: Any, index: int, progress: RunProgress) -> None:
    while not await board.report.remote(index, ShardCounts.of(progress)):
        await asyncio.sleep(REPORT_SECONDS)


# --- the coordinator -------------------------------------------------------------------------------


def import_ray() -> ModuleType:
    """Ray, with its usage-statistics reporting off: Shinsa makes no network call of its own accord."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        import ray
    except ModuleNotFoundError as exc:
        if exc.name != "ray":
            raise
        raise InputError("--shards needs Ray: install shinsa[ray] (pip install 'shinsa[ray]')") from None
    return ray


def is_local_address(address: str | None) -> bool:
    """Whether a Ray address names this machine (``auto`` finds the cluster started here)."""
    if address is None or address in ("auto", "local"):
        return True
    host = address.removeprefix("ray://").rsplit(":", 1)[0].strip("[]")
    return host in LOOPBACK_HOSTS or host == socket.gethostname()


def worker_database_url(db_url: str, ray_address: str | None) -> str:
    """The database URL to hand to shards: checked to be reachable from every worker, without a
    password (it would travel in every task), and with an absolute SQLite path."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(db_url)
    except ArgumentError as exc:
        raise InputError(f"invalid database URL {db_url!r}: {exc}") from None
    if url.password:
        raise InputError(
            "a distributed run's --db must not contain a password (it would travel to every worker); "
            "use PGPASSWORD or ~/.pgpass on the workers"
        )
    if url.get_backend_name() != "sqlite":
        return db_url
    if not url.database or url.database == ":memory:":
        raise InputError("shards cannot share an in-memory SQLite database: give --db a file")
    if not is_local_address(ray_address):
        raise InputError(
            f"SQLite is a file on this machine; a Ray cluster at {ray_address} needs --db postgresql+psycopg://..."
        )
    return url.set(database=str(Path(url.database).resolve())).render_as_string(hide_password=False)


@contextmanager
def ray_session(address: str | None, shards: int, db_url: str) -> Iterator[str]:
    """Connect to Ray for a distributed run and yield the database URL for the shards.

    Without an address a local Ray with one CPU per shard is started and shut down afterwards;
    ``auto`` joins the cluster started on this machine, any other address a remote one. An already
    connected Ray (a notebook, the tests) is used as it is."""
    ray = import_ray()
    from sqlalchemy.engine import make_url

    worker_url = worker_database_url(db_url, address)
    started = not ray.is_initialized()
    if started:
        local = {"num_cpus": shards, "include_dashboard": False} if address is None else {}
        try:
            ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False, **local)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            raise InputError(f"cannot connect to Ray at {address}: {str(exc).splitlines()[0]}") from None
    try:
        nodes = sum(1 for node in ray.nodes() if node.get("Alive"))
        if make_url(worker_url).get_backend_name() == "sqlite" and nodes > 1:
            raise InputError(
                f"SQLite is a file on this machine; a Ray cluster of {nodes} nodes needs --db postgresql+psycopg://..."
            )
        yield worker_url
    finally:
        if started:
            ray.shutdown()


async def execute_sharded(
    store: Store,
    prepared: PreparedRun,
    parameters: RunParameters,
    shards: int,
    db_url: str,
    progress: RunProgress | None = None,
) -> RunProgress:
    """Run ``prepared`` (built from ``parameters``) as ``shards`` Ray tasks, inside
    :func:`ray_session`. ``progress`` follows the shards' counters. On cancellation (Ctrl-C) the
    shards stop and keep what finished, and the run is marked interrupted."""
    ray = import_ray()
    progress = progress or RunProgress(prepared.total)
    spec = prepared.spec
    if prepared.complete:
        progress.skipped = prepared.total
        return progress
    async with opened_targets(spec):
        pass  # reachable before anything is recorded; each shard opens its own connection
    if prepared.resumed:
        store.set_status(spec.run_id, "running")
    else:
        store.create_run(spec.run_id, prepared.manifest, prepared.total, spec.command)
    progress.sending = True
    board = ray.remote(num_cpus=0)(ShardBoard).remote()
    shard_task = ray.remote(num_cpus=1)(run_shard)
    refs = [shard_task.remote(parameters, db_url, index, shards, board) for index in range(shards)]
    follower = asyncio.create_task(_follow(board, progress))
    try:
        results: list[ShardResult] = await asyncio.gather(*refs)
    except BaseException:
        await _stop(ray, board, refs)
        store.set_status(spec.run_id, "interrupted")
        raise
    finally:
        follower.cancel()
        ray.kill(board)
    ShardCounts.total(result.counts for result in results).show_in(progress)
    failed = [result for result in results if result.error is not None]
    if failed:
        store.set_status(spec.run_id, "interrupted")
        raise InputError(f"shard {failed[0].index + 1} of {shards}: {failed[0].error}")
    close_run(store, spec.run_id, prepared.total)
    return progress


async def _follow(board: Any, progress: RunProgress) -> None:
    while True:
        totals: ShardCounts = await board.totals.remote()
        totals.show_in(progress)
        await asyncio.sleep(REPORT_SECONDS / 2)


async def _stop(ray: ModuleType, board: Any, refs: list[Any]) -> None:
    """Ask every shard to stop and wait while they write what finished; kill those that hang."""
    board.stop.remote()
    waiting = {asyncio.wrap_future(ref.future()): ref for ref in refs}
    _, hanging = await asyncio.wait(waiting, timeout=STOP_GRACE_SECONDS)
    for future in hanging:
        ray.cancel(waiting[future], force=True)
