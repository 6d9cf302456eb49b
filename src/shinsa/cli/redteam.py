"""``shinsa redteam``: the attack library (converters and jailbreak templates), attack-plan runs,
their attack success rates and their hit log.

An attack plan runs as ``shinsa redteam --suite S --target T --attack PLAN.yaml`` (the group's own
options, handled by its callback) or, equivalently, ``shinsa redteam run --suite S ...``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer
from rich.table import Table

from shinsa.atomicfiles import write_atomically
from shinsa.cli.common import (
    DbOption,
    RunOptions,
    console,
    err_console,
    open_store,
    print_run_footer,
    run_options,
    run_to_end,
    write_report_if_asked,
)
from shinsa.cli.redteam_adaptive import AttackGroup, register
from shinsa.errors import InputError
from shinsa.perspectives import perspective
from shinsa.redteam import converters as converter_library
from shinsa.redteam.hits import TurnLoader, hit_records, regression_items
from shinsa.redteam.plan import load_plan
from shinsa.redteam.plan_run import PLAN_KIND
from shinsa.redteam.results import AttackRate, RedTeamResults, attack_success_rates
from shinsa.redteam.templates import bundled_templates
from shinsa.stats import Proportion

if TYPE_CHECKING:
    from shinsa.store.store import Store

app = typer.Typer(
    help=(
        "Red teaming: attack converters, jailbreak templates and attack plans. "
        "With --suite, --target and --attack (or as 'redteam run'), runs an attack plan."
    ),
    no_args_is_help=True,
    cls=AttackGroup,
)

_PLAN_OPTION = typer.Option("--attack", "-a", help="Attack plan (YAML): converter chains and templates, see docs/formats.md.")


def _print_rows(rows: list[tuple[str, str]]) -> None:
    """One ``name  description`` line per row, plain text so it pipes into grep and cut."""
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        typer.echo(f"{name.ljust(width)}  {description}")


@app.command()
def converters() -> None:
    """List the converters usable in an attack plan's chains (``fullwidth|base64``)."""
    _print_rows([(name, converter_library.converter(name).description) for name in converter_library.converters.names()])


@app.command()
def templates() -> None:
    """List the bundled jailbreak templates usable in an attack plan."""
    library = bundled_templates()
    err_console.print(f"templates version {library.version}")
    _print_rows(
        [
            (f"{name}[:N]" if template.shot else name, template.description)
            for name, template in sorted(library.templates.items())
        ]
    )


def _run_plan(options: RunOptions, plan_path: Path, command: str) -> None:
    """Expand the suites by the plan and run every attempt through the runner (on Ray shards with
    --shards), then show the attack success rates. An unfinished --run-id with the same plan resumes."""
    store, summary = run_to_end(options, command, attack=f"{PLAN_KIND}:{plan_path}")
    title = f"run {summary.run_id}, plan {load_plan(plan_path).name}"
    _print_results(attack_success_rates(store.iter_attempts(summary.run_id)), title)
    print_run_footer(summary, summary.run_id)
    write_report_if_asked(store, summary.run_id, options.report)


@app.callback(invoke_without_command=True)
@run_options(suite_required=False)
def attack_plan(
    ctx: typer.Context,
    *,
    attack: Annotated[Path | None, _PLAN_OPTION] = None,
    options: RunOptions,
) -> None:
    """Run an attack plan when no subcommand is given."""
    if ctx.invoked_subcommand is not None:
        given = [name for name in ctx.params if getattr(ctx.get_parameter_source(name), "name", None) != "DEFAULT"]
        if given:
            raise InputError(
                f"shinsa redteam: the attack-run options {', '.join(given)} cannot precede "
                f"the '{ctx.invoked_subcommand}' command"
            )
        return
    if not options.suite or attack is None:
        missing = [flag for flag, value in (("--suite", options.suite), ("--attack", attack)) if not value]
        raise InputError(f"shinsa redteam: an attack-plan run needs {' and '.join(missing)}")
    _run_plan(options, attack, "redteam")


@app.command("run")
@run_options()
def run_plan(*, attack: Annotated[Path, _PLAN_OPTION], options: RunOptions) -> None:
    """Run an attack plan (the same as 'shinsa redteam --suite ... --attack ...')."""
    _run_plan(options, attack, "redteam run")


def _rate_cell(rate: Proportion) -> str:
    """``41.7 [28–57]``: the rate and its 95% interval in percent."""
    value = rate.value
    if value is None:
        return "–"
    return f"{value * 100:.1f} [{rate.low * 100:.0f}–{rate.high * 100:.0f}]"


def _rate_table(title: str, first_column: str, rates: list[tuple[str, AttackRate]], caption: str = "") -> Table:
    table = Table(title=title, caption=caption or None)
    for column in (first_column, "ASR % [95% CI]", "attacked", "baseline % [95% CI]", "asked", "lift", "n/v"):
        # the label folds rather than truncating: attack ids share long prefixes
        table.add_column(column, justify="left" if column == first_column else "right", overflow="fold", min_width=len(column) if len(column) < 12 else None)
    for label, rate in rates:
        lift = rate.lift
        table.add_row(
            label,
            _rate_cell(rate.attacked),
            str(rate.attacked.n),
            _rate_cell(rate.baseline),
            str(rate.baseline.n),
            f"{lift * 100:+.1f}" if lift is not None else "–",
            str(sum(rate.no_verdict.values())),
        )
    return table


def _print_results(results: RedTeamResults, title: str) -> None:
    """The ASR tables: per perspective (with the overall row), converter chain, template and attack."""
    overall = results.overall
    if not overall.attempts:
        console.print(f"{title}: no attacked attempts on harmful items, so no attack success rate.")
        return
    per_perspective = [(f"{p.label} {perspective(int(p.label)).key}", p) for p in results.by_perspective]
    no_verdict = ", ".join(f"{count} {outcome}" for outcome, count in overall.no_verdict.items())
    caption = (
        "ASR: attacked answers that complied with a harmful request, of those with a verdict; baseline: the "
        "same items unattacked; lift: ASR − baseline in points; n/v: no verdict "
        f"({no_verdict}). {results.benign_attempts} attempts on benign items are left out."
    )
    console.print(
        _rate_table(f"attack success rate, {title}", "perspective", [*per_perspective, ("all", overall)], caption)
    )
    console.print(_rate_table("per converter chain (all templates)", "chain", [(r.label, r) for r in results.by_chain]))
    console.print(_rate_table("per template (all chains)", "template", [(r.label, r) for r in results.by_template]))
    console.print(_rate_table("per attack", "attack", [(r.label, r) for r in results.by_attack]))


@app.command()
def results(run_id: Annotated[str, typer.Argument(help="A red-team run.")], db: DbOption = None) -> None:
    """Attack success rates of a run, with 95% Wilson intervals, beside the unattacked baseline."""
    store = open_store(db)
    store.require_run(run_id)
    _print_results(attack_success_rates(store.iter_attempts(run_id)), f"run {run_id}")


def _turn_loader(store: Store, run_id: str) -> TurnLoader:
    return lambda row: store.load_turns(run_id, row["suite"], row["item_id"], row["attack_id"])


@app.command()
def hits(
    run_id: Annotated[str, typer.Argument(help="A red-team run.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL file to write (default: stdout).")] = None,
    as_suite: Annotated[
        bool, typer.Option("--as-suite", help="Write a regression suite (native JSONL items) instead of the hit log.")
    ] = False,
    redact: Annotated[
        bool, typer.Option("--redact", help="Replace the target's answers with a placeholder (in both exports).")
    ] = False,
    db: DbOption = None,
) -> None:
    """Every successful attack with its full conversation as JSONL, or (--as-suite) the attacked
    prompts as a suite to re-test a fix with 'shinsa run --suite FILE.jsonl'."""
    store = open_store(db)
    store.require_run(run_id)

    def write(handle: TextIO) -> int:
        rows = store.iter_attempts(run_id)
        count = 0
        if as_suite:
            for item in regression_items(rows, redact=redact):
                handle.write(item.model_dump_json(exclude_defaults=True) + "\n")
                count += 1
            return count
        for record in hit_records(rows, redact=redact, turns=_turn_loader(store, run_id)):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count

    count = write(sys.stdout) if output is None else write_atomically(output, write)
    what = "regression items" if as_suite else "hits"
    err_console.print(f"{count} {what}" + (f" written to {output}" if output is not None else ""))


register(app)  # crescendo, pair, tap (multi-turn attacks), generate (suites from documents), inject
