"""``shinsa redteam``: the attack library (converters and jailbreak templates)."""

from __future__ import annotations

import typer

from shinsa.cli.common import err_console
from shinsa.redteam.converters import CONVERTERS
from shinsa.redteam.templates import bundled_templates

app = typer.Typer(
    help="Red teaming: attack converters, jailbreak templates and attack plans.", no_args_is_help=True
)


def _print_rows(rows: list[tuple[str, str]]) -> None:
    """One ``name  description`` line per row, plain text so it pipes into grep and cut."""
    width = max(len(name) for name, _ in rows)
    for name, description in rows:
        typer.echo(f"{name.ljust(width)}  {description}")


@app.command()
def converters() -> None:
    """List the converters usable in an attack plan's chains (``fullwidth|base64``)."""
    _print_rows([(name, conv.description) for name, conv in sorted(CONVERTERS.items())])


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
