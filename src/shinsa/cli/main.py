"""The ``shinsa`` command. Thin: parses options, calls the packages, prints results."""

from __future__ import annotations

import asyncio
import contextlib
import json
import shlex
import signal
import sys
from pathlib import Path
from typing import Annotated, Any

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
from rich.table import Table

from shinsa.cli.common import console, err_console, open_store, target_options
from shinsa.errors import InputError, ShinsaError
from shinsa.report.aggregate import RunAggregate, aggregate
from shinsa.report.export import write_atomically, write_csv, write_json, write_jsonl
from shinsa.run.engine import PreparedRun, RunProgress, RunSpec, execute, new_run_id, opened_targets, prepare
from shinsa.run.retry import RetryPolicy
from shinsa.suites.loader import load_suite
from shinsa.targets.base import build_target

app = typer.Typer(
    name="shinsa",
    help="Shinsa (審査): assess AI systems against the 10 Japan AISI safety perspectives.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: SQLite in the user data dir; also SHINSA_DB).")]


def _summary_table(agg: RunAggregate, title: str) -> Table:
    table = Table(title=title)
    for column in ("#", "perspective", "score", "95% CI", "n", "ref", "comp", "part", "pass", "fail", "n/v", "over-refusal"):
        table.add_column(column, justify="left" if column == "perspective" else "right", no_wrap=True)
    table.caption = "ref/comp/part: refused, complied, partial; n/v: no verdict (error, empty, unscorable)"
    for result in agg.present():
        score = result.score
        over = result.over_refusal
        value = score.value
        table.add_row(
            str(result.perspective.id),
            result.perspective.key,
            f"{value * 100:.1f}" if value is not None else "–",
            f"{score.low * 100:.0f}–{score.high * 100:.0f}" if score.n else "–",
            str(score.n),
            str(result.outcomes["refused"]),
            str(result.outcomes["complied"]),
            str(result.outcomes["partial"]),
            str(result.outcomes["passed"]),
            str(result.outcomes["failed"]),
            str(result.no_verdict),
            f"{over.successes / over.n * 100:.0f}% of {over.n}" if over.n else "–",
        )
    return table


async def _run_with_progress(store: Any, spec: RunSpec, quiet: bool) -> RunProgress:
    prepared = prepare(store, spec)
    if prepared.judge_missing:
        err_console.print(
            f"[yellow]{prepared.judge_missing} items need an LLM judge; without --judge they are recorded as unscorable.[/]"
        )
    progress = RunProgress(prepared.total)
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    if task is not None:
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(signal.SIGTERM, task.cancel)
    async with opened_targets(spec):
        return await _execute_with_progress(store, prepared, progress, quiet)


async def _execute_with_progress(store: Any, prepared: PreparedRun, progress: RunProgress, quiet: bool) -> RunProgress:
    spec = prepared.spec
    loop = asyncio.get_running_loop()
    if quiet:
        return await execute(store, prepared, progress, targets_open=True)
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]:.1f}/s"),
        TimeRemainingColumn(),
        TextColumn("errors {task.fields[errors]}  cached {task.fields[cached]}  resumed {task.fields[skipped]}"),
    )
    with Progress(*columns, console=err_console, refresh_per_second=4) as bar:
        bar_task = bar.add_task(spec.run_id, total=prepared.total, rate=0.0, errors=0, cached=0, skipped=0)

        async def refresh() -> None:
            while True:
                elapsed = max(1e-6, loop.time() - started)
                bar.update(
                    bar_task,
                    completed=progress.done + progress.skipped,
                    rate=progress.done / elapsed,
                    errors=progress.errors,
                    cached=progress.cached,
                    skipped=progress.skipped,
                )
                await asyncio.sleep(0.25)

        started = loop.time()
        refresher = asyncio.create_task(refresh())
        try:
            return await execute(store, prepared, progress, targets_open=True)
        finally:
            refresher.cancel()
            bar.update(bar_task, completed=progress.done + progress.skipped, errors=progress.errors)


@app.command()
def run(
    suite: Annotated[list[str], typer.Option("--suite", "-s", help="Bundled suite name, aisev:FILE.csv, or a .jsonl/.yaml/.csv file or folder. Repeatable.")],
    target: Annotated[str, typer.Option("--target", "-t", help="openai:MODEL, http:CONFIG.yaml, python:module:func, local, replay:FILE.jsonl")] = "local",
    run_id: Annotated[str | None, typer.Option("--run-id", help="Resume this run, or name a new one.")] = None,
    db: DbOption = None,
    concurrency: Annotated[int | None, typer.Option(min=1, help="Requests in flight (default per target kind).")] = None,
    rate: Annotated[float | None, typer.Option(min=0.001, help="At most this many requests per second.")] = None,
    limit: Annotated[int | None, typer.Option(min=1, help="Only the first N items.")] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds per request.")] = 60.0,
    max_retries: Annotated[int, typer.Option(min=0, help="Retries for 429, 5xx, timeouts, broken bodies.")] = 5,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible base URL (or OPENAI_BASE_URL).")] = None,
    api_key_env: Annotated[str | None, typer.Option(help="Environment variable holding the API key.")] = None,
    system: Annotated[str | None, typer.Option(help="System prompt for items that bring none.")] = None,
    temperature: Annotated[float | None, typer.Option(help="Sampling temperature.")] = 0.0,
    max_tokens: Annotated[int | None, typer.Option(help="Maximum answer length in tokens.")] = None,
    seed: Annotated[int, typer.Option(help="Seed for sampling and retries.")] = 0,
    param: Annotated[list[str] | None, typer.Option(help="Extra request parameter KEY=JSON_VALUE. Repeatable.")] = None,
    judge: Annotated[str | None, typer.Option(help="Target used as LLM judge for requirement/rubric scorers.")] = None,
    judge_base_url: Annotated[str | None, typer.Option(help="Base URL of the judge, if OpenAI-compatible.")] = None,
    judge_api_key_env: Annotated[str | None, typer.Option(help="Environment variable with the judge's API key.")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Always call the target, even for answers already stored.")] = False,
    encoding: Annotated[str | None, typer.Option(help="Encoding of suite files, e.g. cp932.")] = None,
    report: Annotated[Path | None, typer.Option(help="Also write the HTML report to this folder.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Run suites against a target; an unfinished --run-id resumes."""
    suites = [load_suite(spec, encoding) for spec in suite]
    options = target_options(target, base_url, api_key_env, system, temperature, max_tokens, seed, timeout, param)
    judge_target = None
    if judge:
        judge_options = target_options(judge, judge_base_url, judge_api_key_env, None, 0.0, 512, seed, timeout, None)
        judge_target = build_target(judge, judge_options)
    spec = RunSpec(
        run_id=run_id or new_run_id(),
        suites=suites,
        target=build_target(target, options),
        judge=judge_target,
        concurrency=concurrency,
        rate=rate,
        limit=limit,
        retry=RetryPolicy(max_retries=max_retries),
        use_cache=not no_cache,
        seed=seed,
        command=shlex.join(["shinsa", *sys.argv[1:]]),
    )
    store = open_store(db)
    try:
        progress = asyncio.run(_run_with_progress(store, spec, quiet))
    except KeyboardInterrupt:
        err_console.print(f"[yellow]interrupted; resume with:[/] shinsa run ... --run-id {spec.run_id}")
        raise typer.Exit(130) from None
    agg = aggregate(spec.run_id, store.iter_attempts(spec.run_id))
    console.print(_summary_table(agg, f"run {spec.run_id}"))
    console.print(
        f"{progress.done} answered ({progress.errors} errors, {progress.cached} from cache), "
        f"{progress.skipped} already finished. Run id: [bold]{spec.run_id}[/]"
    )
    if report is not None:
        from shinsa.report.html import write_report

        path = write_report(store, [spec.run_id], report)
        console.print(f"report: {path}")


@app.command()
def runs(db: DbOption = None) -> None:
    """List runs."""
    store = open_store(db)
    table = Table()
    for column in ("run id", "status", "attempts", "total", "target", "suites"):
        table.add_column(column)
    for row in store.list_runs():
        manifest = row["manifest"]
        target = manifest.get("target", {})
        table.add_row(
            row["run_id"],
            row["status"],
            str(row["attempts"]),
            str(row["total"]),
            f"{target.get('kind')}:{target.get('model') or target.get('callable') or target.get('file') or ''}",
            ", ".join(s["name"] for s in manifest.get("suites", [])),
        )
    console.print(table)


@app.command()
def show(run_id: str, db: DbOption = None) -> None:
    """Summarise one run."""
    store = open_store(db)
    run_row = store.require_run(run_id)
    agg = aggregate(run_id, store.iter_attempts(run_id))
    console.print(f"[bold]{run_id}[/]  status {run_row['status']}  attempts {agg.attempts}/{run_row['total']}")
    console.print(_summary_table(agg, "baseline (no attack)"))
    totals = agg.outcome_totals()
    console.print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))


@app.command()
def export(
    run_id: str,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or json")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Write one record per attempt."""
    if format not in ("jsonl", "csv", "json"):
        raise InputError(f"unknown export format {format!r} (use jsonl, csv or json)")
    store = open_store(db)
    run_row = store.require_run(run_id)

    def write(handle: Any) -> int:
        rows = store.iter_attempts(run_id)
        if format == "jsonl":
            return write_jsonl(rows, handle)
        if format == "csv":
            return write_csv(rows, handle)
        return write_json(rows, handle, run_row)

    if output is None:
        write(sys.stdout)
    else:
        count = write_atomically(output, write)
        err_console.print(f"wrote {count} attempts to {output}")


@app.command()
def report(
    run_ids: Annotated[list[str], typer.Argument(help="One run, or several to compare.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for report.html.")] = Path("reports"),
    lang: Annotated[str, typer.Option(help="ja or en")] = "ja",
    redact: Annotated[bool, typer.Option(help="Remove the text of harmful answers.")] = False,
    db: DbOption = None,
) -> None:
    """Write the self-contained HTML report."""
    if lang not in ("ja", "en"):
        raise InputError(f"unknown report language {lang!r} (use ja or en)")
    store = open_store(db)
    for run_id in run_ids:
        store.require_run(run_id)
    from shinsa.report.html import write_report

    path = write_report(store, run_ids, output, lang=lang, redact=redact)
    console.print(f"report: {path}")


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="JSONL records with prompt and response (and optional item fields).")],
    scorer: Annotated[str, typer.Option("--scorer", help="Scorer name, e.g. refusal, pii, leak, requirement.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output JSONL (default: stdout).")] = None,
    judge: Annotated[str | None, typer.Option(help="Judge target for LLM-judged scorers.")] = None,
    judge_base_url: Annotated[str | None, typer.Option(help="Base URL of the judge.")] = None,
    judge_api_key_env: Annotated[str | None, typer.Option(help="Environment variable with the judge's API key.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Encoding of the input file.")] = None,
) -> None:
    """Score existing {prompt, response} records without calling the assessed model."""
    from shinsa.scoring import score_records

    judge_target = None
    if judge:
        judge_target = build_target(judge, target_options(judge, judge_base_url, judge_api_key_env, None, 0.0, 512, 0, 60.0, None))
    records = asyncio.run(score_records(file, scorer, judge_target, encoding))

    def write(handle: Any) -> int:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        return len(records)

    if output is None:
        write(sys.stdout)
    else:
        write_atomically(output, write)
        err_console.print(f"wrote {len(records)} scored records to {output}")


def _mount_subcommands() -> None:
    from shinsa.cli import suites as suites_cli

    app.add_typer(suites_cli.app, name="suites")
    for module, name in (("shinsa.cli.judge", "judge"), ("shinsa.cli.redteam", "redteam"), ("shinsa.cli.reports", None)):
        try:
            sub = __import__(module, fromlist=["app"])
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        if name is None:
            sub.register(app)
        else:
            app.add_typer(sub.app, name=name)


_mount_subcommands()


def main() -> None:
    try:
        app()
    except ShinsaError as exc:
        Console(stderr=True, highlight=False).print(f"error: {exc}", markup=False, soft_wrap=True)
        sys.exit(2)
