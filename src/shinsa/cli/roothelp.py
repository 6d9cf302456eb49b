"""``shinsa --help`` from the command table alone, drawn with rich exactly as typer draws it.

Typer's own help formatter (``typer.rich_utils``) imports rich's markdown, syntax and traceback
support before drawing anything, and typer builds every command first: together several times the
cost of starting Python with typer and rich. This draws the same page with the few rich parts it
needs; ``tests/cli/test_root_help.py`` checks it matches typer's page character for character."""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.align import Align
from rich.columns import Columns
from rich.console import Console, group
from rich.highlighter import RegexHighlighter
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

if TYPE_CHECKING:
    from collections.abc import Iterator

    from shinsa.cli.main import LazyCommand

ROOT_OPTIONS = (("--version", "Print the version and exit."), ("--help", "Show this message and exit."))
"""The root group's own options (``shinsa.cli.lazy.build_app``), in typer's order."""


class _OptionHighlighter(RegexHighlighter):
    """typer.rich_utils.OptionHighlighter."""

    highlights = [  # noqa: RUF012 - rich reads the class attribute
        r"(^|\W)(?P<switch>\-\w+)(?![a-zA-Z0-9])",
        r"(^|\W)(?P<option>\-\-[\w\-]+)(?![a-zA-Z0-9])",
        r"(?P<types>\<[^\>]+\>)",
        r"(?P<usage>Usage: )",
    ]


_highlighter = _OptionHighlighter()


def _console() -> Console:
    """typer.rich_utils._get_rich_console, with the same environment switches."""
    force_terminal = True if os.getenv("GITHUB_ACTIONS") or os.getenv("FORCE_COLOR") or os.getenv("PY_COLORS") else None
    if os.getenv("_TYPER_FORCE_DISABLE_TERMINAL"):
        force_terminal = False
    width = os.getenv("TERMINAL_WIDTH")
    theme = Theme({"option": "bold cyan", "switch": "bold green", "negative_option": "bold magenta",
                   "negative_switch": "bold red", "types": "bold yellow", "types_sep": "dim", "usage": "yellow"})
    return Console(theme=theme, highlighter=_highlighter, color_system="auto", force_terminal=force_terminal,
                   width=int(width) if width else None)


def program_name() -> str:
    """How the user started the program, as click names it in the usage line."""
    main = sys.modules["__main__"]
    path = sys.argv[0]
    package = getattr(main, "__package__", None)
    if package in (None, ""):
        return os.path.basename(path)
    name = os.path.splitext(os.path.basename(path))[0]
    module = package if name == "__main__" else f"{package}.{name}"
    return f"python -m {module.lstrip('.')}"


def _rich_text(text: str) -> Text:
    return _highlighter(Text.from_markup(inspect.cleandoc(text)))


@group()
def _help_text(help: str) -> Iterator[Text]:
    first, *rest = inspect.cleandoc(help).split("\n\n")
    yield _rich_text(first.replace("\n", " ").strip())
    if rest:
        yield Text("")
        yield _highlighter(Text.from_markup(inspect.cleandoc("\n\n".join(rest)), style="dim"))


def _table(padding: tuple[int, int]) -> Table:
    return Table(show_header=False, expand=True, box=None, show_lines=False, leading=0, row_styles=None,
                 pad_edge=False, padding=padding, border_style=None)


def print_root_help(help: str, commands: Mapping[str, LazyCommand]) -> None:
    """Print the root ``--help`` page: usage, description, options, commands."""
    console = _console()
    usage = f"Usage: {program_name()} [OPTIONS] COMMAND [ARGS]..."
    console.print(Padding(_highlighter(usage), 1), style="bold")
    console.print(Padding(Align(_help_text(help), pad=False), (0, 1, 1, 1)))
    options = _table((0, 1))
    options.highlight = True
    for option, option_help in ROOT_OPTIONS:
        options.add_row(_highlighter(option), _highlighter(""), Text(""), Text(""),
                        Text(style="bold yellow", overflow="fold"), Columns([_rich_text(option_help)]))
    console.print(Panel(options, border_style="dim", title="Options", title_align="left"))
    table = _table((0, 1))
    table.add_column(style="bold cyan", no_wrap=True, width=max(len(name) for name in commands))
    table.add_column("Description", justify="left", no_wrap=False, ratio=10)
    for name, entry in commands.items():
        table.add_row(Text(name), _rich_text(entry.help))
    console.print(Panel(table, border_style="dim", title="Commands", title_align="left"))
    print()  # click echoes its own (here empty) help text after typer's panels
