"""Helpers shared by CLI commands. Every command imports this module, so the run engine, suites
and targets are imported inside the helpers that use them: a command's ``--help`` stays light."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import inspect
import json
import shlex
import signal
import sys
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import MISSING, dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar, get_args, get_type_hints

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

from shinsa.errors import InputError
from shinsa.untrusted import DEFAULT_MAX_RESPONSE_BYTES

if TYPE_CHECKING:
    from shinsa.run.engine import RunProgress, RunSpec
    from shinsa.run.lifecycle import RunSummary
    from shinsa.run.parameters import RunParameters
    from shinsa.store.store import Store
    from shinsa.suites.base import Suite
    from shinsa.targets.base import TargetOptions

T = TypeVar("T")

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

REVIEW_BELOW_HELP = (
    "Verdicts less confident than this (0 to 1) wait for a person as needs_review; 0 decides every "
    "verdict automatically (default: each scorer's own; a resumed run keeps the value it recorded). "
    "Only scorers with this option use it."
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
    max_response_bytes: int = DEFAULT_MAX_RESPONSE_BYTES,
) -> TargetOptions:
    """Options for a target; the embedded model gets short answers by default to stay fast."""
    from shinsa.targets.base import TargetOptions

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
        max_response_bytes=max_response_bytes,
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
    max_response_bytes: Annotated[int, typer.Option(min=1024, help="A longer response body is not read on; the attempt records an error (default 16 MiB).")] = DEFAULT_MAX_RESPONSE_BYTES
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
    score_truncated: Annotated[bool, typer.Option(help="Judge answers cut off by the token limit instead of calling them unscorable.")] = False
    review_below: Annotated[float | None, typer.Option(metavar="FLOAT", help=REVIEW_BELOW_HELP)] = None
    encoding: Annotated[str | None, typer.Option(help="Encoding of suite files, e.g. cp932.")] = None
    report: Annotated[Path | None, typer.Option(help="Also write the HTML report to this folder.")] = None
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False

    shards: Annotated[int | None, typer.Option(min=1, help="Split the run into N shards run as Ray tasks (needs the ray extra of shinsa).")] = None
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster for --shards: 'auto' joins the one started on this machine (default: start a local Ray).")] = None

    def load_suites(self) -> list[Suite]:
        from shinsa.suites.loader import load_suite

        return [load_suite(spec, self.encoding) for spec in self.suite]

    def parameters(self, *, attack: str | None = None) -> RunParameters:
        """The run these options describe, as plain values (what Ray shards rebuild it from)."""
        from shinsa.run.engine import new_run_id
        from shinsa.run.parameters import RunParameters
        from shinsa.targets.calling import RetryPolicy

        judge_options = None
        if self.judge:
            judge_options = target_options(
                self.judge, self.judge_base_url, self.judge_api_key_env, None, 0.0, 512, self.seed, self.timeout, None
            )
        return RunParameters(
            run_id=self.run_id or new_run_id(),
            suites=tuple(self.suite),
            target=self.target,
            target_options=target_options(
                self.target, self.base_url, self.api_key_env, self.system, self.temperature, self.max_tokens,
                self.seed, self.timeout, self.param, self.max_response_bytes,
            ),
            encoding=self.encoding,
            judge=self.judge,
            judge_options=judge_options,
            attack=attack,
            concurrency=self.concurrency,
            rate=self.rate,
            limit=self.limit,
            retry=RetryPolicy(max_retries=self.max_retries),
            use_cache=not self.no_cache,
            score_truncated=self.score_truncated,
            review_below=self.review_below,
            seed=self.seed,
            command=shlex.join(["shinsa", *sys.argv[1:]]),
        )

    def spec(self) -> RunSpec:
        """The run these options describe, built in this process (suites loaded, targets built)."""
        return self.parameters().spec()


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


PLAIN_PROGRESS_EVERY = 5.0
"""Seconds between progress lines when stderr is not a terminal (a log file, CI, a pipe)."""


def progress_line(run_id: str, progress: RunProgress, elapsed: float) -> str:
    done = progress.done + progress.skipped
    return (
        f"{run_id}: {done}/{progress.total} ({progress.done / max(elapsed, 1e-6):.1f}/s), errors {progress.errors}, "
        f"cached {progress.cached}, resumed {progress.skipped}, {elapsed:.0f}s elapsed"
    )


class ProgressBar:
    """The progress callback of a run on the terminal: warns about items that need a judge, then
    shows a bar (unless ``quiet``) until the block ends. Without a terminal (a log file, CI) it
    prints a plain line every few seconds instead, so a log shows the run moving."""

    def __init__(self, run_id: str, quiet: bool) -> None:
        self.run_id = run_id
        self.quiet = quiet
        self.bar: Progress | None = None
        self.task: TaskID | None = None
        self.heard = False
        self.since = 0.0
        self.last_line = 0.0
        self.latest: RunProgress | None = None

    def __call__(self, progress: RunProgress) -> None:
        if not self.heard:
            self.heard = True
            if progress.judge_missing:
                err_console.print(
                    f"[yellow]{progress.judge_missing} items need an LLM judge; without --judge they are recorded as unscorable.[/]"
                )
        if self.quiet or not progress.sending:
            return
        self.latest = progress
        if not err_console.is_terminal:
            self._plain_line(progress)
            return
        if self.bar is None:
            self._start(progress.total)
        self._update(progress)

    def _plain_line(self, progress: RunProgress) -> None:
        now = time.monotonic()
        if not self.since:
            self.since = self.last_line = now
        if now - self.last_line >= PLAIN_PROGRESS_EVERY:
            self.last_line = now
            err_console.print(progress_line(self.run_id, progress, now - self.since), markup=False)

    def _update(self, progress: RunProgress) -> None:
        if self.bar is not None and self.task is not None:
            elapsed = max(1e-6, time.monotonic() - self.since)
            self.bar.update(
                self.task,
                completed=progress.done + progress.skipped,
                rate=progress.done / elapsed,
                errors=progress.errors,
                cached=progress.cached,
                skipped=progress.skipped,
            )

    def _start(self, total: int) -> None:
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
        self.bar = Progress(*columns, console=err_console, refresh_per_second=4)
        self.bar.start()
        self.since = time.monotonic()
        self.task = self.bar.add_task(self.run_id, total=total, rate=0.0, errors=0, cached=0, skipped=0)

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            if self.latest is not None:
                self._update(self.latest)  # the last counts, so the bar agrees with the summary after it
            self.bar.stop()


class Terminated(Exception):
    """The process received SIGTERM: the run was cancelled as Ctrl-C cancels it."""


async def cancellable_on_sigterm(work: Awaitable[T]) -> T:
    """Await ``work``, turning SIGTERM into a cancellation (as Ctrl-C is), so what finished is
    kept; then raise :class:`Terminated` instead of a bare ``CancelledError``."""
    task = asyncio.current_task()
    terminated = False

    def terminate() -> None:
        nonlocal terminated
        terminated = True
        if task is not None:
            task.cancel()

    with contextlib.suppress(NotImplementedError):
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, terminate)
    try:
        return await work
    except asyncio.CancelledError:
        if terminated:
            raise Terminated from None
        raise


def run_to_end(options: RunOptions, command: str, *, attack: str | None = None) -> tuple[Store, RunSummary]:
    """Run what ``options`` describe with a progress bar and return the store it is in; on Ctrl-C,
    say how to resume and exit 130."""
    from shinsa.run.lifecycle import execute_run

    if options.ray_address is not None and options.shards is None:
        raise InputError("--ray-address needs --shards N")
    parameters = options.parameters(attack=attack)
    store = open_store(options.db)
    try:
        with ProgressBar(parameters.run_id, options.quiet) as bar:
            work = execute_run(store, parameters, bar, shards=options.shards, ray_address=options.ray_address)
            return store, asyncio.run(cancellable_on_sigterm(work))
    except (KeyboardInterrupt, Terminated) as exc:
        shards = f" --shards {options.shards}" if options.shards else ""
        err_console.print(f"[yellow]interrupted; resume with:[/] shinsa {command} ...{shards} --run-id {parameters.run_id}")
        raise typer.Exit(143 if isinstance(exc, Terminated) else 130) from None


def print_run_footer(progress: RunSummary, run_id: str) -> None:
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


def default_concurrency(target: str) -> int:
    """The concurrency a run against ``target`` uses when --concurrency is not given."""
    from shinsa.targets.base import targets

    kind = target.partition(":")[0]
    return targets.get(kind).default_concurrency if kind in targets else 1


def write_report_if_asked(store: Store, run_id: str, folder: Path | None) -> None:
    if folder is not None:
        from shinsa.report.html import write_report

        path = write_report(store, [run_id], folder)
        console.print(f"report: {path.resolve()}")
