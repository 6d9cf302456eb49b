"""The commands that run suites and read their results back: run, runs, show, export, report,
score and serve-model. The root group (``shinsa.cli.main``) imports this module only when one of
them runs, so its imports cost nothing to ``shinsa --help`` or to the other commands."""

from __future__ import annotations

import asyncio
import codecs
import dataclasses
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from shinsa.atomicfiles import write_atomically
from shinsa.cli.common import (
    DEFAULT_LANG,
    REVIEW_BELOW_HELP,
    DbOption,
    LangOption,
    RunOptions,
    console,
    count_timeouts,
    default_concurrency,
    err_console,
    fewer_in_flight,
    many_timeouts,
    open_store,
    print_run_footer,
    run_options,
    run_to_end,
    target_options,
    timeout_hint,
    write_report_if_asked,
)
from shinsa.errors import InputError
from shinsa.metrics.consistency import ConsistencyResult
from shinsa.report.aggregate import RunAggregate, aggregate
from shinsa.report.export import write_csv, write_json, write_jsonl
from shinsa.report.run_metrics import MetricsCollector, RunMetrics
from shinsa.stats import Proportion
from shinsa.targets.base import build_target
from shinsa.untrusted import printable

app = typer.Typer()
"""Holds this module's commands; the root group lists them by name in ``shinsa.cli.main.COMMANDS``."""


OUTCOME_COLUMNS = (("ref", "refused"), ("comp", "complied"), ("part", "partial"), ("pass", "passed"), ("fail", "failed"))
SUMMARY_LEGEND = (
    "score: share of harmful and task items answered safely (95% CI, n judged)\n"
    "ref/comp/part/pass/fail: refused, complied, partial, passed, failed\n"
    "n/v: no verdict (error, empty, unscorable); over-ref: benign items refused/n"
)
"""Lines under 80 columns, left-aligned, so the legend never wraps centred in a terminal."""


def _summary_table(agg: RunAggregate, title: str) -> Group:
    """Per-perspective results, one column per outcome, narrow enough for an 80-column terminal,
    with the legend below as its own lines (a caption would wrap to the table's width)."""
    table = Table(title=title, box=box.SIMPLE_HEAD, padding=(0, 1, 0, 0), pad_edge=False, show_edge=False)
    columns = ("perspective", "score", "95% CI", "n", *(short for short, _ in OUTCOME_COLUMNS), "n/v", "over-ref")
    for column in columns:
        table.add_column(column, justify="left" if column == "perspective" else "right", no_wrap=True)
    for result in agg.present():
        score = result.score
        over = result.over_refusal
        value = score.value
        table.add_row(
            f"{result.perspective.id} {result.perspective.key}",
            f"{value * 100:.1f}" if value is not None else "–",
            f"{score.low * 100:.0f}–{score.high * 100:.0f}" if score.n else "–",
            str(score.n),
            *(str(result.outcomes[outcome]) for _, outcome in OUTCOME_COLUMNS),
            str(result.no_verdict),
            f"{over.successes / over.n * 100:.0f}%/{over.n}" if over.n else "–",
        )
    return Group(table, Text(SUMMARY_LEGEND, style="dim", no_wrap=True, overflow="ellipsis"))


def _share_cells(share: Proportion) -> tuple[str, str, str]:
    """Value in %, 95% interval and n of a share, with – when nothing was measured."""
    if share.value is None:
        return "–", "–", str(share.n)
    return f"{share.value * 100:.1f}", f"{share.low * 100:.0f}–{share.high * 100:.0f}", str(share.n)


def _consistency_note(result: ConsistencyResult, unit: str) -> str:
    return f"{result.groups} {unit}, {result.incomplete} incomplete, {result.unassessable} <2 verdicts"


def _metrics_table(metrics: RunMetrics) -> Table:
    """Group consistency and BBQ scores per perspective, and JA/EN pair consistency."""
    table = Table(title="consistency and bias (no attack)", box=box.SIMPLE_HEAD, padding=(0, 1))
    for column in ("measure", "value", "95% CI", "n", "note"):
        table.add_column(column, justify="right" if column in ("value", "95% CI", "n") else "left", no_wrap=column != "note")
    table.caption = (
        "consistent: groups whose answers are all of one kind (refused, answered, passed or failed); "
        "BBQ bias from -1 to +1: 0 unbiased, positive follows the stereotype; "
        "answers choosing no option are in no BBQ rate"
    )
    for pm in metrics.perspectives:
        where = f"P{pm.perspective.id}"
        if pm.groups is not None:
            table.add_row(f"{where} consistent groups", *_share_cells(pm.groups.consistent), _consistency_note(pm.groups, "groups"))
        languages = list(pm.bbq.items())
        if len(languages) > 1 and pm.bbq_all is not None:
            languages.append(("all", pm.bbq_all))
        for language, bbq in languages:
            table.add_row(f"{where} BBQ accuracy, ambiguous ({language})", *_share_cells(bbq.ambiguous_accuracy), "")
            table.add_row(f"{where} BBQ accuracy, disambiguated ({language})", *_share_cells(bbq.disambiguated_accuracy), "")
            for name, bias in (("s_AMB", bbq.bias_ambiguous), ("s_DIS", bbq.bias_disambiguated)):
                table.add_row(f"{where} BBQ bias {name} ({language})", f"{bias:+.2f}" if bias is not None else "–", "", "", "")
            table.add_row(f"{where} BBQ no option chosen ({language})", str(bbq.no_choice), "", "", "")
    if metrics.pairs is not None:
        table.add_row("consistent JA/EN pairs", *_share_cells(metrics.pairs.consistent), _consistency_note(metrics.pairs, "pairs"))
    return table


@app.command()
@run_options()
def run(options: RunOptions) -> None:
    """Run suites against a target; an unfinished --run-id resumes."""
    store, summary = run_to_end(options, "run")
    concurrency = options.concurrency or default_concurrency(options.target)
    if summary.errors and options.concurrency is None and concurrency > 1 and not options.shards:
        # adaptive: a server too slow for the default concurrency gets one more pass, gentler
        timed_out, answered = count_timeouts(store.iter_attempts(summary.run_id))
        if many_timeouts(timed_out, answered):
            concurrency = fewer_in_flight(concurrency)
            err_console.print(f"{timed_out} answers timed out with {default_concurrency(options.target)} requests in flight; retrying them with {concurrency}")
            store, summary = run_to_end(dataclasses.replace(options, concurrency=concurrency, run_id=summary.run_id), "run")
    agg = aggregate(summary.run_id, store.iter_attempts(summary.run_id))
    console.print(_summary_table(agg, f"run {summary.run_id}"))
    print_run_footer(summary, summary.run_id)
    if summary.errors:
        hint = timeout_hint(store.iter_attempts(summary.run_id), concurrency, options.timeout, summary.run_id)
        if hint:
            err_console.print(hint, markup=False, soft_wrap=True)
    write_report_if_asked(store, summary.run_id, options.report)


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
            *(
                Text(printable(cell))  # a run id or suite name may carry terminal escape sequences
                for cell in (
                    row["run_id"],
                    row["status"],
                    str(row["attempts"]),
                    str(row["total"]),
                    f"{target.get('kind')}:{target.get('model') or target.get('callable') or target.get('file') or ''}",
                    ", ".join(s["name"] for s in manifest.get("suites", [])),
                )
            )
        )
    console.print(table)


@app.command()
def show(run_id: str, lang: LangOption = DEFAULT_LANG, db: DbOption = None) -> None:
    """Summarise one run."""
    from shinsa.report.i18n import Translator
    from shinsa.report.view import verdict_source_lines
    from shinsa.review.summary import VerdictSources

    translate = Translator(lang)
    store = open_store(db)
    run_row = store.require_run(run_id)
    collector = MetricsCollector()
    sources = VerdictSources.of_run(run_row.get("manifest") or {})

    def rows_noting_metrics() -> Iterator[dict[str, Any]]:
        for row in store.iter_attempts(run_id):
            collector.add(row)
            sources.add(row)
            yield row

    agg = aggregate(run_id, rows_noting_metrics())
    console.print(f"[bold]{run_id}[/]  status {run_row['status']}  attempts {agg.attempts}/{run_row['total']}")
    console.print(_summary_table(agg, "baseline (no attack)"))
    totals = agg.outcome_totals()
    console.print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(totals.items())))
    for line in verdict_source_lines(sources, translate):
        console.print(line, markup=False)
    metrics = collector.result()
    if metrics:
        console.print(_metrics_table(metrics))


@app.command()
def export(
    run_id: str,
    format: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv or json")] = "jsonl",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write (default: stdout).")] = None,
    excel: Annotated[bool, typer.Option("--excel", help="CSV as UTF-8 with a BOM, which Excel on Japanese Windows reads without mojibake.")] = False,
    encoding: Annotated[str | None, typer.Option(help="CSV text encoding, e.g. cp932 (characters it lacks become '?').")] = None,
    db: DbOption = None,
) -> None:
    """Write one record per attempt."""
    if format not in ("jsonl", "csv", "json"):
        raise InputError(f"unknown export format {format!r} (use jsonl, csv or json)")
    if (excel or encoding) and format != "csv":
        raise InputError("--excel and --encoding apply to --format csv only (JSON is always UTF-8)")
    if excel and encoding:
        raise InputError("give --excel or --encoding, not both")
    codec = "utf-8-sig" if excel else encoding or "utf-8"
    try:
        codecs.lookup(codec)
    except LookupError:
        raise InputError(f"unknown encoding {codec!r}") from None
    replace = "strict" if codec.startswith("utf") else "replace"
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
        stream = io.TextIOWrapper(sys.stdout.buffer, encoding=codec, errors=replace, newline="", write_through=True)
        write(stream)
        stream.detach()
    else:
        count = write_atomically(output, write, codec, replace)
        err_console.print(f"wrote {count} attempts to {output}")


@app.command()
def report(
    run_ids: Annotated[list[str], typer.Argument(help="One run, or several to compare.")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for report.html.")] = Path("reports"),
    lang: LangOption = DEFAULT_LANG,
    redact: Annotated[bool, typer.Option(help="Remove the text of harmful answers.")] = False,
    policy: Annotated[Path | None, typer.Option(help="Policy YAML: show grades against its thresholds.")] = None,
    gsn: Annotated[Path | None, typer.Option(help="aisev GSN folder: add aisev-compatible scores.")] = None,
    db: DbOption = None,
) -> None:
    """Write the self-contained HTML report."""
    if lang not in ("ja", "en"):
        raise InputError(f"unknown report language {lang!r} (use ja or en)")
    store = open_store(db)
    for run_id in run_ids:
        store.require_run(run_id)
    from shinsa.report.html import write_report

    path = write_report(store, run_ids, output, lang=lang, redact=redact, policy=policy, gsn_dir=gsn)
    console.print(f"report: {path.resolve()}")


@app.command()
def score(
    file: Annotated[Path, typer.Argument(help="JSONL records with response, and prompt or item fields when known.")],
    scorer: Annotated[str, typer.Option("--scorer", help="Scorer name, e.g. refusal, pii, leak, requirement.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Output JSONL (default: stdout); an interrupted run resumes.")] = None,
    judge: Annotated[str | None, typer.Option(help="Judge target for LLM-judged scorers.")] = None,
    judge_base_url: Annotated[str | None, typer.Option(help="Base URL of the judge.")] = None,
    judge_api_key_env: Annotated[str | None, typer.Option(help="Environment variable with the judge's API key.")] = None,
    encoding: Annotated[str | None, typer.Option(help="Encoding of the input file.")] = None,
    concurrency: Annotated[int, typer.Option(min=1, help="Records judged at once.")] = 8,
    rate: Annotated[float | None, typer.Option(min=0.01, help="Judge requests per second at most.")] = None,
    score_truncated: Annotated[bool, typer.Option(help="Judge answers cut off by the token limit instead of calling them unscorable.")] = False,
    review_below: Annotated[float | None, typer.Option(metavar="FLOAT", help=REVIEW_BELOW_HELP)] = None,
) -> None:
    """Score recorded answers (e.g. production logs) without calling the assessed model."""
    from shinsa.scorers.base import check_review_below, declared_options
    from shinsa.scorers.records import ScoreProgress, score_records

    check_review_below(review_below)
    options = declared_options(scorer, score_truncated=score_truncated or None, review_below=review_below)

    judge_target = None
    if judge:
        judge_target = build_target(judge, target_options(judge, judge_base_url, judge_api_key_env, None, 0.0, 512, 0, 60.0, None))

    def show(state: ScoreProgress) -> None:
        if err_console.is_terminal:
            err_console.print(f"scored {state.done}/{state.total}", end="\r")

    state = asyncio.run(
        score_records(
            file, scorer, judge_target, encoding, None if output else sys.stdout, output=output,
            concurrency=concurrency, rate=rate, scorer_options=options, progress=show,
        )
    )
    if output is not None:
        resumed = f" ({state.resumed} from the interrupted run)" if state.resumed else ""
        err_console.print(f"wrote {state.done + state.resumed} scored records to {output}{resumed}")


@app.command("serve-model")
def serve_model(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8080,
    host: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    threads: Annotated[int | None, typer.Option(min=1, help="CPU threads for the model (default: llama.cpp's choice).")] = None,
) -> None:
    """Serve the embedded model over an OpenAI-compatible HTTP API (needs the 'server' extra).

    Assess it as a remote system would be: --target openai:gemma3-270m --base-url http://HOST:PORT/v1."""
    from shinsa.targets.local import SERVED_MODEL_NAME, serve_model_args

    try:
        import llama_cpp.server  # noqa: F401
    except ImportError:
        raise InputError("serve-model needs the 'server' extra: pip install 'shinsa[server]'") from None
    err_console.print(
        f"serving the embedded model at http://{host}:{port}/v1 (Ctrl-C stops it); assess it with "
        f"--target openai:{SERVED_MODEL_NAME} --base-url http://{host}:{port}/v1"
    )
    args = serve_model_args(host, port, threads)
    sys.stderr.flush()
    os.execv(args[0], args)  # the server takes this process over: stopping it stops the server
