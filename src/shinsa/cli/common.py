"""Helpers shared by CLI commands."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import json
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_type_hints

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from shinsa.errors import InputError
from shinsa.run.distributed import RunDescription
from shinsa.run.engine import (
    PreparedRun,
    RunProgress,
    RunSpec,
    UnitSource,
    execute,
    new_run_id,
    opened_targets,
    prepare,
)
from shinsa.suites.base import Suite
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions
from shinsa.targets.calling import RetryPolicy

if TYPE_CHECKING:
    from shinsa.store.store import Store

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: SQLite in the user data dir; also SHINSA_DB).")]
LangOption = Annotated[str, typer.Option("--lang", envvar="SHINSA_LANG", help="Language of what is written: ja or en.")]
"""One rule for every command: Japanese first, English on request (``--lang en`` or SHINSA_LANG=en)."""
DEFAULT_LANG = "ja"


def open_store(db: str | None) -> Store:
    """The store, imported here so commands that never open one do not load SQLAlchemy."""
    from shinsa.store.store import Store

    return Store(db)


def parse_params(params: list[str] | None) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for entry in params or []:
        key, sep, raw = entry.partition("=")
        if not sep or not key:
            raise InputError(f"--param expects KEY=VALUE, got {entry!r}")
        try:
            parsed[key] = json.loads(raw)
        except json.JSONDecodeError:
            parsed[key] = raw
    return parsed


DEFAULT_MAX_TOKENS = 256
"""Enough for a refusal, a safe completion or a short factual answer (verdicts rest on the first
sentences), and half the time per answer of 512 on a slow local server."""
DEFAULT_MAX_TOKENS_LOCAL = 96
DEFAULT_CONCURRENCY_HELP = "local 1, python 8, http 16, openai 32, replay 64"
"""Stated in ``--concurrency``'s help; a test checks it against the targets' ``default_concurrency``."""
SUITE_HELP = (
    "A bundled suite name (e.g. quick), a .jsonl/.yaml/.csv file or suite folder, or PREFIX:FILE for a "
    "public dataset with PREFIX one of aisev, ailuminate, answercarefully, bbq, jtruthfulqa, mapped. Repeatable."
)


def target_options(
    target: str,
    base_url: str | None,
    api_key_env: str | None,
    system: str | None,
    temperature: float | None,
    max_tokens: int | None,
    seed: int | None,
    timeout: float,
    params: list[str] | None,
) -> TargetOptions:
    """Options for a target; the embedded model gets short answers by default to stay fast."""
    default_tokens = DEFAULT_MAX_TOKENS_LOCAL if target.startswith("local") else DEFAULT_MAX_TOKENS
    return TargetOptions(
        base_url=base_url,
        api_key_env=api_key_env,
        system=system,
        temperature=temperature,
        max_tokens=max_tokens if max_tokens is not None else default_tokens,
        seed=seed,
        timeout=timeout,
        params=parse_params(params),
    )


# --- options and progress shared by every command that runs items through the runner -----------


@dataclass(frozen=True)
class RunOptions:
    """The runner's command-line options, shared by ``shinsa run`` and ``shinsa redteam`` so both
    accept the same flags. Each field is one option; :func:`run_options` adds them to a command."""

    suite: Annotated[list[str], typer.Option("--suite", "-s", help=SUITE_HELP)]
    target: Annotated[str, typer.Option("--target", "-t", help="openai:MODEL, http:CONFIG.yaml, python:module:func, local, replay:FILE.jsonl")] = "local"
    run_id: Annotated[str | None, typer.Option("--run-id", help="Resume this run, or name a new one.")] = None
    db: DbOption = None
    concurrency: Annotated[int | None, typer.Option(min=1, help=f"Requests in flight (default per target kind: {DEFAULT_CONCURRENCY_HELP}).")] = None
    rate: Annotated[float | None, typer.Option(min=0.001, help="At most this many requests per second.")] = None
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N items.")] = None
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds per request.")] = 60.0
    max_retries: Annotated[int, typer.Option(min=0, help="Retries for 429, 5xx, timeouts, broken bodies.")] = 5
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL (or OPENAI_BASE_URL).")] = None
    api_key_env: Annotated[str | None, typer.Option(help="Environment variable holding the API key.")] = None
    system: Annotated[str | None, typer.Option(help="System prompt for items that bring none.")] = None
    temperature: Annotated[float | None, typer.Option(help="Sampling temperature.")] = 0.0
    max_tokens: Annotated[int | None, typer.Option(help=f"Maximum answer length in tokens (default {DEFAULT_MAX_TOKENS}; {DEFAULT_MAX_TOKENS_LOCAL} for local).")] = None
    seed: Annotated[int, typer.Option(help="Seed for sampling and retries.")] = 0
    param: Annotated[list[str] | None, typer.Option(help="Extra request parameter KEY=JSON_VALUE. Repeatable.")] = None
    judge: Annotated[str | None, typer.Option(help="Target used as LLM judge for requirement/rubric scorers.")] = None
    judge_base_url: Annotated[str | None, typer.Option(help="Base URL of the judge, if OpenAI-compatible.")] = None
    judge_api_key_env: Annotated[str | None, typer.Option(help="Environment variable with the judge's API key.")] = None
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Always call the target, even for answers already stored.")] = False
    encoding: Annotated[str | None, typer.Option(help="Encoding of suite files, e.g. cp932.")] = None
    report: Annotated[Path | None, typer.Option(help="Also write the HTML report to this folder.")] = None
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False

    def load_suites(self) -> list[Suite]:
        return [load_suite(spec, self.encoding) for spec in self.suite]

    def description(self) -> RunDescription:
        """The run these options describe, as plain values that Ray shards can rebuild it from."""
        judge_options = None
        if self.judge:
            judge_options = target_options(
                self.judge, self.judge_base_url, self.judge_api_key_env, None, 0.0, 512, self.seed, self.timeout, None
            )
        return RunDescription(
            run_id=self.run_id or new_run_id(),
            suites=tuple(self.suite),
            target=self.target,
            target_options=target_options(
                self.target, self.base_url, self.api_key_env, self.system, self.temperature, self.max_tokens,
                self.seed, self.timeout, self.param,
            ),
            encoding=self.encoding,
            judge=self.judge,
            judge_options=judge_options,
            concurrency=self.concurrency,
            rate=self.rate,
            limit=self.limit,
            retry=RetryPolicy(max_retries=self.max_retries),
            use_cache=not self.no_cache,
            seed=self.seed,
            command=shlex.join(["shinsa", *sys.argv[1:]]),
        )

    def spec(
        self, suites: list[Suite], *, attack: dict[str, Any] | None = None, units: UnitSource | None = None
    ) -> RunSpec:
        """The run these options describe, over ``suites`` (or ``units`` drawn from them)."""
        return self.description().spec(suites, attack=attack, units=units)


_OPTIONS_PARAMETER = "options"


def _option_parameters(suite_required: bool) -> list[inspect.Parameter]:
    hints = get_type_hints(RunOptions, include_extras=True)
    parameters = []
    for spec in fields(RunOptions):
        annotation = hints[spec.name]
        default = spec.default if spec.default is not MISSING else inspect.Parameter.empty
        if spec.name == "suite" and not suite_required:
            annotation = Annotated[list[str] | None, get_args(annotation)[1]]
            default = None
        parameters.append(inspect.Parameter(spec.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation))
    return parameters


def run_options(*, suite_required: bool = True) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a typer command every runner option. The command declares ``options: RunOptions``
    where the options belong in its signature and receives them gathered in that object.
    ``suite_required=False`` is for group callbacks, which also run before their subcommands:
    the command then checks for suites itself (an empty list when none were given)."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        own = inspect.signature(command, eval_str=True).parameters
        if _OPTIONS_PARAMETER not in own:
            raise TypeError(f"{command.__name__} needs an {_OPTIONS_PARAMETER!r} parameter")
        shared = _option_parameters(suite_required)
        clash = set(own) & {parameter.name for parameter in shared}
        if clash:
            raise TypeError(f"{command.__name__} redefines runner options {sorted(clash)}")
        parameters: list[inspect.Parameter] = []
        for parameter in own.values():
            if parameter.name == _OPTIONS_PARAMETER:
                parameters.extend(shared)
            else:
                parameters.append(parameter.replace(kind=inspect.Parameter.KEYWORD_ONLY))
        names = [parameter.name for parameter in shared]

        @functools.wraps(command)
        def wrapper(**values: Any) -> None:
            gathered = {name: values.pop(name) for name in names}
            gathered["suite"] = gathered["suite"] or []
            command(**values, **{_OPTIONS_PARAMETER: RunOptions(**gathered)})

        wrapper.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {parameter.name: parameter.annotation for parameter in parameters}
        return wrapper

    return decorate


RunExecutor = Callable[[PreparedRun, RunProgress], Awaitable[RunProgress]]
"""Runs prepared work, updating the progress it is given (the engine, or shards on Ray)."""


def _prepare_run(store: Store, spec: RunSpec) -> PreparedRun:
    prepared = prepare(store, spec)
    if prepared.judge_missing:
        err_console.print(
            f"[yellow]{prepared.judge_missing} items need an LLM judge; without --judge they are recorded as unscorable.[/]"
        )
    return prepared


async def _run_with_progress(
    store: Store, prepared: PreparedRun, quiet: bool, executor: RunExecutor | None = None
) -> RunProgress:
    spec = prepared.spec
    progress = RunProgress(prepared.total)
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if task is not None:
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
    if prepared.complete:  # nothing to send: no need to reach the target
        return await execute(store, prepared, progress)
    if executor is not None:
        return await _execute_with_progress(executor, prepared, progress, quiet)
    async with opened_targets(spec):

        async def with_open_targets(prepared: PreparedRun, progress: RunProgress) -> RunProgress:
            return await execute(store, prepared, progress, targets_open=True)

        return await _execute_with_progress(with_open_targets, prepared, progress, quiet)


PLAIN_PROGRESS_EVERY = 5.0
"""Seconds between progress lines when stderr is not a terminal (a log file, CI, a pipe)."""


def progress_line(run_id: str, progress: RunProgress, total: int, elapsed: float) -> str:
    done = progress.done + progress.skipped
    return (
        f"{run_id}: {done}/{total} ({progress.done / max(elapsed, 1e-6):.1f}/s), errors {progress.errors}, "
        f"cached {progress.cached}, resumed {progress.skipped}, {elapsed:.0f}s elapsed"
    )


async def _execute_with_progress(
    executor: RunExecutor, prepared: PreparedRun, progress: RunProgress, quiet: bool
) -> RunProgress:
    spec = prepared.spec
    loop = asyncio.get_running_loop()
    if quiet:
        return await executor(prepared, progress)
    started = loop.time()
    if not err_console.is_terminal:
        # no live bar without a terminal: a plain line every few seconds, so a log shows the run moving

        async def report() -> None:
            while True:
                await asyncio.sleep(PLAIN_PROGRESS_EVERY)
                err_console.print(progress_line(spec.run_id, progress, prepared.total, loop.time() - started), markup=False)

        reporter = asyncio.create_task(report())
        try:
            return await executor(prepared, progress)
        finally:
            reporter.cancel()
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TextColumn("left"),
        TimeRemainingColumn(),
        TextColumn("errors {task.fields[errors]}  cached {task.fields[cached]}  resumed {task.fields[skipped]}"),
    )
    with Progress(*columns, console=err_console, refresh_per_second=4) as bar:
        bar_task = bar.add_task(spec.run_id, total=prepared.total, rate=0.0, errors=0, cached=0, skipped=0)

        def update() -> None:
            elapsed = max(1e-6, loop.time() - started)
            bar.update(
                bar_task,
                completed=progress.done + progress.skipped,
                rate=progress.done / elapsed,
                errors=progress.errors,
                cached=progress.cached,
                skipped=progress.skipped,
            )

        async def refresh() -> None:
            while True:
                update()
                await asyncio.sleep(0.25)

        refresher = asyncio.create_task(refresh())
        try:
            return await executor(prepared, progress)
        finally:
            refresher.cancel()
            update()  # the last counts, so the bar agrees with the summary printed after it


def execute_run(store: Store, spec: RunSpec, quiet: bool, command: str) -> RunProgress:
    """Run ``spec`` to the end with a progress bar; on Ctrl-C, say how to resume and exit 130."""
    try:
        return asyncio.run(_run_with_progress(store, _prepare_run(store, spec), quiet))
    except KeyboardInterrupt:
        err_console.print(f"[yellow]interrupted; resume with:[/] shinsa {command} ... --run-id {spec.run_id}")
        raise typer.Exit(130) from None


def execute_sharded_run(
    store: Store, description: RunDescription, shards: int, ray_address: str | None, quiet: bool
) -> tuple[RunSpec, RunProgress]:
    """Like :func:`execute_run`, split into ``shards`` Ray tasks; the input is checked before Ray starts."""
    from shinsa.run.distributed import execute_sharded, ray_session

    spec = description.spec()
    try:
        prepared = _prepare_run(store, spec)
        if prepared.complete:
            return spec, asyncio.run(_run_with_progress(store, prepared, quiet))
        with ray_session(ray_address, shards, store.url) as worker_db_url:

            async def on_ray(prepared: PreparedRun, progress: RunProgress) -> RunProgress:
                return await execute_sharded(store, prepared, description, shards, worker_db_url, progress)

            return spec, asyncio.run(_run_with_progress(store, prepared, quiet, on_ray))
    except KeyboardInterrupt:
        err_console.print(
            f"[yellow]interrupted; resume with:[/] shinsa run ... --shards {shards} --run-id {spec.run_id}"
        )
        raise typer.Exit(130) from None


def print_run_footer(progress: RunProgress, run_id: str) -> None:
    console.print(
        f"{progress.done} answered ({progress.errors} errors, {progress.cached} from cache), "
        f"{progress.skipped} already finished. Run id: [bold]{run_id}[/]"
    )


TIMEOUT_HINT_SHARE = 0.2
"""A hint is printed when at least this share of a run's answers timed out."""


def count_timeouts(rows: Iterable[dict[str, Any]]) -> tuple[int, int]:
    """``(timed out, answers)`` of a run."""
    answered = timed_out = 0
    for row in rows:
        answered += 1
        timed_out += row["outcome"] == "error" and "timed out" in (row.get("error") or "")
    return timed_out, answered


def many_timeouts(timed_out: int, answered: int) -> bool:
    return timed_out > 0 and timed_out >= TIMEOUT_HINT_SHARE * answered


def fewer_in_flight(concurrency: int) -> int:
    """The concurrency to retry timed-out answers with: a quarter, at least one."""
    return max(1, concurrency // 4)


def timeout_hint(rows: Iterable[dict[str, Any]], concurrency: int, timeout: float, run_id: str) -> str | None:
    """One line on what to do when many answers timed out: a slow server given too many requests
    at once answers none of them in time."""
    timed_out, answered = count_timeouts(rows)
    if not many_timeouts(timed_out, answered):
        return None
    return (
        f"hint: {timed_out} of {answered} answers timed out after {timeout:g}s with {concurrency} requests in flight; "
        f"a slow server needs fewer at once or more time: --concurrency {fewer_in_flight(concurrency)} "
        f"--timeout {timeout * 3:g} --run-id {run_id} retries them"
    )


def write_report_if_asked(store: Store, run_id: str, folder: Path | None) -> None:
    if folder is not None:
        from shinsa.report.html import write_report

        path = write_report(store, [run_id], folder)
        console.print(f"report: {path.resolve()}")
