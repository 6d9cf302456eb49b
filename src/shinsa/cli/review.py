"""``shinsa review``: people decide the verdicts the scorers were unsure of, or correct any verdict.

A decision is recorded with who (``--reviewer``, or the operating-system user) and when, and
replaces the automatic verdict in ``show``, reports, ``gate`` and exports.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from shinsa.atomicfiles import write_atomically
from shinsa.cli.common import DEFAULT_LANG, DbOption, LangOption, console, err_console, open_store
from shinsa.errors import InputError

app = typer.Typer(
    help="Human review of verdicts: list what needs a person, decide, export the labels, measure agreement.",
    no_args_is_help=True,
)


def _say(lang: str, ja: str, en: str) -> str:
    if lang not in ("ja", "en"):
        raise InputError(f"unknown language {lang!r} (use ja or en)")
    return ja if lang == "ja" else en


def _reviewer(name: str | None) -> str:
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        raise InputError("cannot tell who you are: pass --reviewer NAME") from None


@app.command("list")
def list_command(
    run_id: Annotated[str, typer.Argument(help="Run to review.")],
    limit: Annotated[int, typer.Option(min=1, help="Attempts to list.")] = 20,
    reviewer: Annotated[str | None, typer.Option(help="List what is open to this reviewer (default: you).")] = None,
    include_reviewed: Annotated[bool, typer.Option("--all", help="Also list attempts people already decided.")] = False,
    conflicts: Annotated[bool, typer.Option("--conflicts", help="List only double reviews that disagree (the adjudicator's queue).")] = False,
    lang: LangOption = DEFAULT_LANG,
    db: DbOption = None,
) -> None:
    """The review queue, most in need of a person first: needs_review, low confidence, judges that
    disagree, red-team hits, then the rest."""
    from shinsa.review.queue import conflicts as conflict_keys
    from shinsa.review.queue import pending, review_counts

    store = open_store(db)
    store.require_run(run_id)
    if conflicts:
        for key in conflict_keys(store, run_id)[:limit]:
            typer.echo(key.label())
        return
    entries = pending(store, run_id, _reviewer(reviewer), limit=limit, include_reviewed=include_reviewed)
    counts = review_counts(store, run_id)
    table = Table(title=run_id)
    for column in (
        _say(lang, "項目", "item"),
        _say(lang, "理由", "why"),
        _say(lang, "確信度", "confidence"),
        _say(lang, "自動判定", "automatic"),
        _say(lang, "人の判定", "people"),
        _say(lang, "版", "version"),
        _say(lang, "質問", "prompt"),
    ):
        table.add_column(column)
    for entry in entries:
        table.add_row(
            entry.key.label(),
            entry.tier.name.lower(),
            f"{entry.confidence:.2f}",
            entry.outcome,
            entry.decided or (entry.state or "–"),
            str(entry.version),
            entry.prompt.replace("\n", " ")[:60],
        )
    console.print(table, markup=False)
    console.print(
        _say(
            lang,
            f"確認対象 {counts['queued']} 件、人が判定済み {counts['decided']} 件、2人目待ち {counts['awaiting_second']} 件、不一致 {counts['conflicts']} 件",
            f"{counts['queued']} reviewable, {counts['decided']} decided by people, {counts['awaiting_second']} awaiting a second reviewer, {counts['conflicts']} in conflict",
        ),
        markup=False,
    )


@app.command("set")
def set_command(
    run_id: Annotated[str, typer.Argument(help="Run the attempt belongs to.")],
    item: Annotated[str, typer.Argument(help="Item id, or SUITE/ITEM#ATTACK when the item has several attempts.")],
    outcome: Annotated[str, typer.Option(help="refused, partial, complied, passed, failed or unscorable.")],
    reason: Annotated[str, typer.Option(help="Why: shown in reports and kept in the audit log.")] = "",
    reviewer: Annotated[str | None, typer.Option(help="Who decides (default: the operating-system user).")] = None,
    suite: Annotated[str | None, typer.Option(help="Suite of the item, when several suites have it.")] = None,
    attack: Annotated[str | None, typer.Option(help="Attack id of the attempt ('' for the baseline).")] = None,
    version: Annotated[int | None, typer.Option(min=0, help="Version you saw (from 'review list'); refused if it changed since. Default: the current one.")] = None,
    adjudicate: Annotated[bool, typer.Option("--adjudicate", help="Settle a conflict between two blind reviews.")] = False,
    lang: LangOption = DEFAULT_LANG,
    db: DbOption = None,
) -> None:
    """Decide one verdict (accept the automatic outcome by giving it, or override it)."""
    from shinsa.review.decisions import current_state, find_attempt, parse_outcome, save_decision

    store = open_store(db)
    chosen = parse_outcome(outcome)
    who = _reviewer(reviewer)
    key = find_attempt(store, run_id, item, suite, attack)
    if version is None:
        state = current_state(store, key)
        version = state["version"] if state else 0
    saved = save_decision(store, key, chosen, who, reason, version, adjudicate)
    if saved.outcome is None:
        message = _say(
            lang,
            f"{key.label()}: {who} の判定を記録しました（状態 {saved.state.value}、版 {saved.version}）。もう1人の確認で確定します。",
            f"{key.label()}: recorded {who}'s decision (state {saved.state.value}, version {saved.version}); it takes effect once a second review settles it.",
        )
    else:
        message = _say(
            lang,
            f"{key.label()}: {who} が {saved.outcome} と判定しました（版 {saved.version}）。",
            f"{key.label()}: {who} decided {saved.outcome} (version {saved.version}).",
        )
    err_console.print(message, markup=False)


@app.command("export")
def export_command(
    run_id: Annotated[str, typer.Argument(help="Run whose reviewed verdicts to export.")],
    output: Annotated[Path | None, typer.Option("-o", "--output", help="JSONL file to write (default: stdout).")] = None,
    db: DbOption = None,
) -> None:
    """Reviewed verdicts as labelled JSONL, ready for 'shinsa judge validate --labels'."""
    from shinsa.review.export import write_labels

    store = open_store(db)
    store.require_run(run_id)
    if output is None:
        write_labels(store, run_id, sys.stdout)
        return
    count = write_atomically(output, lambda handle: write_labels(store, run_id, handle))
    err_console.print(f"wrote {count} reviewed labels to {output}", markup=False)


@app.command("agreement")
def agreement_command(
    run_id: Annotated[str, typer.Argument(help="Run to measure.")],
    lang: LangOption = DEFAULT_LANG,
    db: DbOption = None,
) -> None:
    """Cohen's kappa between two blind reviewers, and how often people kept the automatic verdict."""
    from shinsa.review.agreement import agreement

    result = agreement(open_store(db), run_id)

    def kappa(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    def share(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.1%}"

    table = Table(title=run_id)
    table.add_column(_say(lang, "比較", "comparison"))
    table.add_column("n", justify="right")
    table.add_column(_say(lang, "一致率", "agreement"), justify="right")
    table.add_column("Cohen's κ", justify="right")
    table.add_row(_say(lang, "2人の確認者（ブラインド）", "two blind reviewers"), str(result.pairs), share(result.between_reviewers.value), kappa(result.kappa))
    table.add_row(_say(lang, "人の判定と自動判定", "people vs automatic verdict"), str(result.reviewed), share(result.automatic_agreement.value), kappa(result.automatic_kappa))
    console.print(table, markup=False)


@app.command("settings")
def settings_command(
    run_id: Annotated[str, typer.Argument(help="Run to configure.")],
    double_review: Annotated[bool, typer.Option("--double-review/--single-review", help="Two blind reviewers per verdict, conflicts to an adjudicator.")],
    reviewer: Annotated[str | None, typer.Option(help="Who changes the setting (default: the operating-system user).")] = None,
    db: DbOption = None,
) -> None:
    """Turn double review on or off for a run."""
    from shinsa.review.decisions import set_double_review

    set_double_review(open_store(db), run_id, double_review, _reviewer(reviewer))
    err_console.print(f"{run_id}: double review {'on' if double_review else 'off'}", markup=False)
