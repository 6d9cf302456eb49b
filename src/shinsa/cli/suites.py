"""``shinsa suites``: list, inspect, export and compare suites."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from shinsa.atomicfiles import write_atomically
from shinsa.cli.common import console, err_console
from shinsa.perspectives import PERSPECTIVES
from shinsa.scorers.base import scorers
from shinsa.suites.bundled import bundled_names, load_manifest
from shinsa.suites.diff import diff_suites
from shinsa.suites.loader import load_suite

app = typer.Typer(help="List, show, export and compare suites.", invoke_without_command=True)


@app.callback()
def list_suites(ctx: typer.Context) -> None:
    """List bundled suites with item counts per perspective and language."""
    if ctx.invoked_subcommand is not None:
        return
    table = Table(title="bundled suites")
    table.add_column("suite")
    table.add_column("version")
    table.add_column("items", justify="right")
    for p in PERSPECTIVES[:8]:
        table.add_column(f"P{p.id}", justify="right")
    table.add_column("languages")
    for name in bundled_names():
        suite = load_suite(name)
        scan = suite.scan(set(scorers.names()))
        per = Counter[int]()
        langs = Counter[str]()
        for (perspective, language, _), count in scan.coverage.items():
            per[perspective] += count
            langs[language] += count
        table.add_row(
            name,
            suite.version,
            str(scan.items),
            *(str(per[p.id]) for p in PERSPECTIVES[:8]),
            ", ".join(f"{k} {v}" for k, v in sorted(langs.items())),
        )
    console.print(table)


@app.command()
def show(
    name: Annotated[str, typer.Argument(help="Bundled suite name or a suite file.")],
    encoding: Annotated[str | None, typer.Option(help="Encoding of the suite file.")] = None,
) -> None:
    """Coverage: items per perspective × language × benign flag."""
    suite = load_suite(name, encoding)
    scan = suite.scan(set(scorers.names()))
    languages = sorted({lang for (_, lang, _) in scan.coverage})
    table = Table(title=f"{suite.name} {suite.version} — {scan.items} items — {scan.content_hash[:19]}…")
    table.add_column("#", justify="right")
    table.add_column("perspective")
    for lang in languages:
        table.add_column(f"{lang} harmful", justify="right")
        table.add_column(f"{lang} benign", justify="right")
    for p in PERSPECTIVES:
        cells = []
        for lang in languages:
            cells += [str(scan.coverage[(p.id, lang, False)]), str(scan.coverage[(p.id, lang, True)])]
        table.add_row(str(p.id), f"{p.name_ja} / {p.name_en}", *cells)
    console.print(table)
    if name in bundled_names():
        manifest = load_manifest(name)
        for entry in manifest.changelog:
            console.print(f"{entry.version} ({entry.date}): " + "; ".join(entry.changes))


@app.command("export")
def export_suite(
    name: Annotated[str, typer.Argument(help="Bundled suite name or a suite file (any format).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="JSONL file to write.")],
    encoding: Annotated[str | None, typer.Option(help="Encoding of the suite file.")] = None,
) -> None:
    """Write any suite in the native JSONL format, to edit and run."""
    suite = load_suite(name, encoding)
    suite.scan(set(scorers.names()))

    def write(handle: Any) -> int:
        count = 0
        for item in suite.items():
            handle.write(json.dumps(item.model_dump(mode="json", exclude_defaults=True), ensure_ascii=False) + "\n")
            count += 1
        return count

    count = write_atomically(output, write)
    err_console.print(f"wrote {count} items to {output}")


@app.command()
def diff(
    old: Annotated[str, typer.Argument(help="Older suite (name or file).")],
    new: Annotated[str, typer.Argument(help="Newer suite (name or file).")],
) -> None:
    """Items added, removed and changed between two suites or versions."""
    result = diff_suites(load_suite(old), load_suite(new))
    for label, ids, style in (("added", result.added, "green"), ("removed", result.removed, "red"), ("changed", result.changed, "yellow")):
        console.print(f"[{style}]{label} {len(ids)}[/]")
        for item_id in ids:
            console.print(f"  {item_id}", markup=False)
