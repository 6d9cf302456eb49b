"""The runner: streams items to a target with bounded concurrency, scores each answer, and writes
finished attempts to the store in small batches. Resumable: a re-run with the same run id skips
what finished and retries what errored."""

from __future__ import annotations

import asyncio
import hashlib
import json
import platform
import secrets
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field, fields, replace
from itertools import islice
from typing import TYPE_CHECKING, Any

import shinsa
from shinsa.errors import InputError, StoreError
from shinsa.items import Item
from shinsa.outcomes import Outcome, Score
from shinsa.run.records import attempt_record, cached_completion
from shinsa.scorers.base import Scorer, SyncScorer, build_run_scorer, check_review_below, scorers
from shinsa.suites.base import Suite
from shinsa.targets.base import Completion, Target
from shinsa.targets.calling import Caller, RetryPolicy
from shinsa.untrusted import printable

if TYPE_CHECKING:
    from shinsa.store.store import Store

CHUNK = 256
FLUSH_ROWS = 256
FLUSH_SECONDS = 0.25
MAX_RUN_ID = 100
MAX_SUITE_NAME = 200
"""The ``run_id`` and ``suite`` column lengths, checked before anything is sent so a run moves
between SQLite and PostgreSQL (which would refuse a longer value mid-run)."""
SCORER_INPUT_CAP = 100_000
"""Characters of an answer a scorer sees: verdicts rest on the start of an answer, and a
megabyte-long one must not keep a scorer busy for seconds."""
OFF_LOOP_CHARS = 16_384
"""Answers longer than this are scored in a worker thread, so the event loop keeps receiving."""


@dataclass(slots=True)
class Unit:
    """One attempt to make: an item (possibly transformed by an attack) from a suite."""

    suite: str
    attack_id: str
    item: Item
    messages: list[dict[str, str]]
    cache_key: str


UnitSource = Callable[[], Iterator[tuple[str, str, Item]]]
"""Yields ``(suite name, attack id, item)``; called once per pass over the work."""


@dataclass(kw_only=True)
class RunSettings:
    """How a run goes: declared once here, shared by every form a run takes (:class:`RunSpec` in
    this process, :class:`~shinsa.run.parameters.RunParameters` as plain values, the red-team
    specs). ``limit`` and ``seed`` are part of the run's identity; the rest only shape the work."""

    concurrency: int | None = None
    """Requests in flight (default: the target kind's)."""
    rate: float | None = None
    """At most this many requests per second to the target."""
    limit: int | None = None
    """Only the first N units of the run."""
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    use_cache: bool = True
    """Answers already stored for the same target and conversation are reused."""
    seed: int = 0
    command: str = ""
    """The command line that started the run, recorded with it."""
    score_truncated: bool = False
    """Judge answers cut off by the token limit as they stand (default: unscorable, see
    :meth:`~shinsa.scorers.base.Scorer.verdict`); recorded with each scorer in the manifest."""
    review_below: float | None = None
    """Confidence under which a verdict waits for a person (``needs_review``), for the scorers
    whose options have ``review_below``; None: their default, or on resume the value the run
    recorded (:func:`run_review_below`). Recorded with each such scorer in the manifest."""

    def __post_init__(self) -> None:
        check_review_below(self.review_below)

    def settings(self) -> RunSettings:
        """Only the settings, of this or of a spec built on them."""
        return RunSettings(**{setting.name: getattr(self, setting.name) for setting in fields(RunSettings)})


@dataclass
class RunSpec(RunSettings):
    """A run in this process: its suites loaded and its targets built."""

    run_id: str
    suites: list[Suite]
    target: Target
    judge: Target | None = None
    attack: dict[str, Any] | None = None
    """The attack, when red-teaming (recorded in the manifest)."""
    units: UnitSource | None = None
    """Overrides the default source (every suite item once, no attack)."""
    shard: tuple[int, int] | None = None
    """``(index, count)``: run only this shard of the units, in a distributed run whose
    coordinator creates the run and sets its status. Not part of the run's identity."""

    def unit_source(self) -> UnitSource:
        source = self.units or self._baseline
        if self.shard is None:
            return source
        index, count = self.shard

        def sharded() -> Iterator[tuple[str, str, Item]]:
            # the limit counts units of the whole run, so it applies before the split
            for suite, attack_id, item in islice(source(), self.limit):
                if shard_of(suite, item.id, attack_id, count) == index:
                    yield suite, attack_id, item

        return sharded

    def _baseline(self) -> Iterator[tuple[str, str, Item]]:
        for suite in self.suites:
            for item in suite.items():
                yield suite.name, "", item


def shard_of(suite: str, item_id: str, attack_id: str, count: int) -> int:
    """The shard an attempt belongs to: a hash that is the same in every process and on every
    machine (Python's ``hash`` is salted per process), so shards never overlap."""
    digest = hashlib.blake2b(f"{suite}\0{item_id}\0{attack_id}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % count


@dataclass
class RunProgress:
    total: int
    done: int = 0
    skipped: int = 0
    errors: int = 0
    cached: int = 0
    judge_missing: int = 0
    """Items whose scorer needs an LLM judge when none was given: recorded as unscorable."""
    sending: bool = False
    """The targets answered and the run is recorded: attempts are being made."""
    started: float = field(default_factory=time.monotonic)


FollowUp = Callable[[RunProgress], Awaitable[None]]
"""Work a run does after its units, with its targets still open and before it is closed (the
attacks of a multi-turn red-team run); it counts what it does in the progress it is given."""


@dataclass
class PreparedRun:
    spec: RunSpec
    manifest: dict[str, Any]
    total: int
    """The units (attempts made by the engine)."""
    resumed: bool
    scorers: dict[str, Scorer]
    judge_missing: int
    """Items whose scorer needs an LLM judge when none was given: recorded as unscorable."""
    complete: bool = False
    """The run exists and finished without errors: resuming it has nothing to send."""
    follow_up: FollowUp | None = None
    follow_up_total: int = 0
    """Attempts ``follow_up`` adds to the whole run (in every shard together)."""
    also_open: tuple[Target, ...] = ()
    """Targets ``follow_up`` needs besides the run's target and judge (an attacker)."""

    @property
    def run_total(self) -> int:
        """Every attempt of the run: the units and what the follow-up adds."""
        return self.total + self.follow_up_total


def new_run_id() -> str:
    return time.strftime("%Y%m%d-%H%M%S") + "-" + secrets.token_hex(2)


def fingerprint_key(fingerprint: dict[str, Any]) -> bytes:
    """The canonical bytes of a target fingerprint, computed once per run."""
    return json.dumps(fingerprint, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def cache_key(fingerprint: dict[str, Any] | bytes, messages: list[dict[str, str]]) -> str:
    """Keys the response cache: the target's configuration (without secrets) and the conversation."""
    prefix = fingerprint if isinstance(fingerprint, bytes) else fingerprint_key(fingerprint)
    blob = json.dumps(messages, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    return hashlib.sha256(prefix + b"\0" + blob).hexdigest()


IDENTITY_FIELDS = ("suites", "target", "judge", "scorers", "limit", "attack")


def manifest_identity(manifest: dict[str, Any]) -> dict[str, Any]:
    """The part of a manifest that must match for a run to be resumed."""
    identity = {name: manifest.get(name) for name in IDENTITY_FIELDS}
    identity["suites"] = [
        {k: s.get(k) for k in ("name", "version", "content_hash")} for s in manifest.get("suites", [])
    ]
    return identity


def identity_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What keeps a run from resuming, down to the setting: ``target sampling.max_tokens (512, now 96)``."""
    return [f"{name} {detail}".rstrip() for name in IDENTITY_FIELDS for detail in _differences(old.get(name), new.get(name))]


def _differences(before: Any, after: Any, path: str = "") -> list[str]:
    if before == after:
        return []
    if isinstance(before, dict) and isinstance(after, dict):
        return [
            line
            for key in sorted(before.keys() | after.keys())
            for line in _differences(before.get(key), after.get(key), f"{path}.{key}" if path else str(key))
        ]
    if not path:
        return [""]
    return [f"{path} ({before!r}, now {after!r})"]


def prepare(store: Store, spec: RunSpec) -> PreparedRun:
    """Validate all input, build the manifest, and check an existing run can be resumed.
    Writes nothing: the run is created by :func:`execute` once the targets are reachable."""
    if spec.shard is not None and not 0 <= spec.shard[0] < spec.shard[1]:
        raise InputError(f"shard {spec.shard[0]} of {spec.shard[1]} does not exist")
    check_names(spec.run_id, [suite.name for suite in spec.suites])
    known = set(scorers.names())
    suite_entries = []
    used: Counter[str] = Counter()
    for suite in spec.suites:
        scan = suite.scan(known)
        suite_entries.append(suite.describe(scan))
        used.update(scan.scorers)
    existing = store.get_run(spec.run_id)
    review_below = spec.review_below if spec.review_below is not None else recorded_review_below(existing)

    def build(name: str) -> Scorer:
        return build_run_scorer(name, spec.judge, score_truncated=spec.score_truncated, review_below=review_below)

    built = {name: build(name) for name in sorted(used)}
    if spec.units is None and spec.limit is None and spec.shard is None:
        # the scans already counted everything: no need for another pass over the items
        total = sum(used.values())
        judge_missing = sum(n for name, n in used.items() if built[name].needs_judge) if spec.judge is None else 0
    else:
        total = judge_missing = 0
        for _, _, item in islice(spec.unit_source()(), spec.limit):
            total += 1
            if item.scorer_name not in built:  # units may judge items by another scorer (an attack's baseline)
                built[item.scorer_name] = build(item.scorer_name)
            if spec.judge is None and built[item.scorer_name].needs_judge:
                judge_missing += 1
    manifest = {
        "shinsa_version": shinsa.__version__,
        "python": platform.python_version(),
        "suites": suite_entries,
        "target": spec.target.fingerprint(),
        "judge": spec.judge.fingerprint() if spec.judge else None,
        "scorers": {name: scorer.describe() for name, scorer in built.items()},
        "limit": spec.limit,
        "seed": spec.seed,
        "attack": spec.attack,
    }
    if existing is None and spec.shard is not None:
        raise InputError(f"run {spec.run_id!r} must be created before its shards start")
    if existing is not None:
        old, new = manifest_identity(existing["manifest"]), manifest_identity(manifest)
        if old != new:
            differing = "; ".join(identity_differences(old, new))
            raise InputError(
                f"run {spec.run_id!r} exists with a different {differing}; use a new --run-id to start afresh"
            )
    complete = existing is not None and existing["status"] == "finished"
    return PreparedRun(spec, manifest, total, existing is not None, built, judge_missing, complete)


def recorded_review_below(run: dict[str, Any] | None) -> float | None:
    """The review threshold a stored run recorded with its scorers (or its attack's scorer), so a
    resume without ``--review-below`` keeps it; None for a new run or one that kept the defaults."""
    if run is None:
        return None
    manifest = run["manifest"]
    described = list((manifest.get("scorers") or {}).values())
    attack = manifest.get("attack")
    if isinstance(attack, dict) and isinstance(attack.get("scorer"), dict):
        described.append(attack["scorer"])
    for info in described:
        if isinstance(info, dict) and isinstance(info.get("review_below"), int | float):
            return float(info["review_below"])
    return None


def run_review_below(store: Store, run_id: str, given: float | None) -> float | None:
    """The review threshold a run uses: the one given, else the one it recorded (a resume)."""
    return given if given is not None else recorded_review_below(store.get_run(run_id))


def check_names(run_id: str, suite_names: list[str]) -> None:
    """Refuse a run id or suite name the database columns cannot hold, or that carries control
    characters (a terminal would act on escape sequences printed by ``shinsa runs``)."""
    if not run_id or len(run_id) > MAX_RUN_ID:
        raise InputError(f"run id must be 1 to {MAX_RUN_ID} characters, got {len(run_id)}")
    if printable(run_id) != run_id:
        raise InputError(f"run id {printable(run_id)!r} contains control characters")
    for name in suite_names:
        if len(name) > MAX_SUITE_NAME:
            raise InputError(f"suite name {name[:40]!r}… is {len(name)} characters; at most {MAX_SUITE_NAME}")


def _score_in_thread(scorer: Scorer, item: Item, completion: Completion) -> Score:
    return asyncio.run(scorer.verdict_or_unscorable(item, completion))


class _Execution:
    def __init__(self, store: Store, prepared: PreparedRun, progress: RunProgress) -> None:
        self.store = store
        self.prepared = prepared
        self.spec = prepared.spec
        self.progress = progress
        self.fingerprint = fingerprint_key(self.spec.target.fingerprint())
        self.concurrency = max(1, self.spec.concurrency or self.spec.target.default_concurrency)
        self.queue: asyncio.Queue[Unit | None] = asyncio.Queue(maxsize=self.concurrency * 4)
        self.buffer: list[dict[str, Any]] = []
        self.flush_now = asyncio.Event()
        self.producing_done = False
        self.caller = Caller(self.spec.target, self.spec.retry, rate=self.spec.rate, seed=self.spec.seed)

    def _unit(self, suite: str, attack_id: str, item: Item) -> Unit:
        messages = item.messages()
        return Unit(suite, attack_id, item, messages, cache_key(self.fingerprint, messages))

    def _chunks(self) -> Iterator[list[tuple[str, str, Item]]]:
        source = islice(self.spec.unit_source()(), self.spec.limit)
        while chunk := list(islice(source, CHUNK)):
            yield chunk

    async def produce(self) -> None:
        for chunk in self._chunks():
            finished: set[tuple[str, str, str]] = set()
            if self.prepared.resumed:
                finished = await asyncio.to_thread(
                    self.store.finished_keys, self.spec.run_id, [item.id for _, _, item in chunk]
                )
            pending = []
            for suite, attack_id, item in chunk:
                if (suite, item.id, attack_id) in finished:
                    self.progress.skipped += 1
                else:
                    pending.append(self._unit(suite, attack_id, item))
            cached: dict[str, dict[str, Any]] = {}
            if self.spec.use_cache and pending:
                cached = await asyncio.to_thread(self.store.cached_responses, [u.cache_key for u in pending])
            for unit in pending:
                hit = cached.get(unit.cache_key)
                if hit is not None:
                    completion = cached_completion(hit)
                    await self.finish(unit, completion, hit["latency_ms"], 0, None, cached=True)
                    continue
                await self.queue.put(unit)
        for _ in range(self.concurrency):
            await self.queue.put(None)

    async def work(self) -> None:
        while (unit := await self.queue.get()) is not None:
            await self.attempt(unit)

    async def attempt(self, unit: Unit) -> None:
        call = await self.caller.call(unit.messages)
        await self.finish(unit, call.completion, call.latency_ms, call.retries, call.failure)

    async def score(self, unit: Unit, completion: Completion) -> tuple[str, Score]:
        name = unit.item.scorer_name
        scorer = self.prepared.scorers[name]
        if scorer.needs_judge and self.spec.judge is None:
            return name, Score(Outcome.UNSCORABLE, None, "needs an LLM judge: pass --judge TARGET")
        length = len(completion.text)
        if length > SCORER_INPUT_CAP:
            completion = replace(completion, text=completion.text[:SCORER_INPUT_CAP])
        try:
            if isinstance(scorer, SyncScorer) and length > OFF_LOOP_CHARS:
                verdict = await asyncio.to_thread(_score_in_thread, scorer, unit.item, completion)
            else:
                verdict = await scorer.verdict_or_unscorable(unit.item, completion)
        except Exception as exc:
            verdict = Score(Outcome.UNSCORABLE, None, f"scorer {name} failed: {type(exc).__name__}: {exc}")
        if length > SCORER_INPUT_CAP:
            verdict = replace(verdict, explanation=f"{verdict.explanation} (scored on the first {SCORER_INPUT_CAP} of {length} characters)")
        return name, verdict

    async def finish(
        self,
        unit: Unit,
        completion: Completion | None,
        latency_ms: float | None,
        retries: int,
        error: str | None,
        *,
        cached: bool = False,
    ) -> None:
        item = unit.item
        if completion is None:
            scorer_name, verdict = item.scorer_name, Score(Outcome.ERROR, None, error or "")
        else:
            scorer_name, verdict = await self.score(unit, completion)
        self.buffer.append(
            attempt_record(
                run_id=self.spec.run_id,
                suite=unit.suite,
                attack_id=unit.attack_id,
                item=item,
                scorer=scorer_name,
                verdict=verdict,
                cache_key=unit.cache_key,
                response=completion.text if completion else None,
                error=error,
                latency_ms=latency_ms,
                prompt_tokens=completion.prompt_tokens if completion else None,
                completion_tokens=completion.completion_tokens if completion else None,
                retries=retries,
                cached=cached,
            )
        )
        progress = self.progress
        progress.done += 1
        if error is not None:
            progress.errors += 1
        if cached:
            progress.cached += 1
        if len(self.buffer) >= FLUSH_ROWS:
            self.flush_now.set()

    async def write(self) -> None:
        while True:
            with suppress(TimeoutError):
                await asyncio.wait_for(self.flush_now.wait(), FLUSH_SECONDS)
            self.flush_now.clear()
            if self.buffer:
                rows, self.buffer = self.buffer, []
                await asyncio.to_thread(self.store.write_attempts, rows)
            if self.producing_done and not self.buffer:
                return

    async def run(self) -> None:
        writer = asyncio.create_task(self.write())
        workers = [asyncio.create_task(self.work()) for _ in range(self.concurrency)]
        producer = asyncio.create_task(self.produce())

        async def send() -> None:
            await producer
            await asyncio.gather(*workers)

        sending = asyncio.create_task(send())
        write_failed = False
        try:
            # a failed write (full disk, locked or read-only database) stops sending at once
            await asyncio.wait({sending, writer}, return_when=asyncio.FIRST_COMPLETED)
            if writer.done() and writer.exception() is not None:
                write_failed = True
                writer.result()
            await sending
            self.producing_done = True
            self.flush_now.set()
            await writer
        finally:
            for task in (sending, producer, *workers, writer):
                task.cancel()
            await asyncio.gather(sending, producer, *workers, writer, return_exceptions=True)
            if self.buffer and not write_failed:  # whatever finished before a cancellation is kept
                rows, self.buffer = self.buffer, []
                self.store.write_attempts(rows)


@asynccontextmanager
async def opened_targets(spec: RunSpec, *others: Target) -> AsyncIterator[None]:
    """Open the target, judge and ``others`` (checking they are reachable; each object once) and
    close them afterwards."""
    opened: list[Target] = []
    try:
        for target in (spec.target, spec.judge, *others):
            if target is not None and not any(target is done for done in opened):
                await target.open()
                opened.append(target)
        yield
    finally:
        for target in opened:
            await target.close()


async def execute(store: Store, prepared: PreparedRun, progress: RunProgress | None = None) -> RunProgress:
    """Run the prepared units, then its follow-up, with the targets (and ``also_open``) open. On
    cancellation (Ctrl-C) every finished attempt is kept and the run is marked interrupted;
    re-running the same spec resumes it."""
    progress = progress or RunProgress(prepared.run_total, judge_missing=prepared.judge_missing)
    if prepared.complete and prepared.follow_up is None:  # nothing to send: no need to reach the target
        progress.skipped = prepared.total
        return progress
    spec = prepared.spec
    owns_run = spec.shard is None  # a shard's coordinator creates the run and sets its status
    async with opened_targets(spec, *prepared.also_open):
        try:
            if owns_run and not prepared.resumed:
                store.create_run(spec.run_id, prepared.manifest, prepared.run_total, spec.command)
            elif owns_run:
                store.set_status(spec.run_id, "running")
            progress.sending = True
            if prepared.complete:
                progress.skipped = prepared.total
            else:
                await _Execution(store, prepared, progress).run()
            if prepared.follow_up is not None:
                await prepared.follow_up(progress)
        except asyncio.CancelledError:
            if owns_run:
                store.set_status(spec.run_id, "interrupted")
            raise
        except StoreError as exc:
            if owns_run:
                with suppress(StoreError):
                    store.set_status(spec.run_id, "interrupted")
            raise StoreError(
                f"{exc}; the run stopped at the first failed write and keeps what was stored: "
                f"once fixed, resume with --run-id {spec.run_id}"
            ) from None
    if owns_run:
        close_run(store, spec.run_id, prepared.run_total)
    return progress


def close_run(store: Store, run_id: str, total: int) -> None:
    """Mark a run finished, or finished with errors when some attempts failed for good."""
    counts = store.count_attempts(run_id)
    status = "finished" if not counts.get(Outcome.ERROR.value) else "finished_with_errors"
    store.set_status(run_id, status, total=total)
