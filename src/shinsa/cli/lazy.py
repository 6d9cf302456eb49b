"""The typer side of the ``shinsa`` root group: commands listed by name in
``shinsa.cli.main.COMMANDS`` and imported only when one of them is asked for (run, or its
``--help``), so starting one command never loads the packages of all the others."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer
import typer.main

from shinsa.cli.helptext import TidyGroup, tidy

if TYPE_CHECKING:
    from shinsa.cli.main import LazyCommand


def load_command(name: str, entry: LazyCommand) -> Any:
    """The click command of one table entry: a ``typer.Typer`` becomes a group, a function a command."""
    target = getattr(importlib.import_module(entry.module), entry.attribute)
    command: Any
    if isinstance(target, typer.Typer):
        command = typer.main.get_group(target)
    else:
        single = typer.Typer(add_completion=False)
        single.command(name=name)(target)
        command = typer.main.get_command(single)
    command.name = name
    tidy(command)
    return command


class LazyGroup(TidyGroup):
    """Lists the commands of the table and builds each the first time it is looked up."""

    table: Mapping[str, LazyCommand] = {}

    # typer vendors click and does not export its Context and Command types: hence Any below
    def list_commands(self, ctx: Any) -> list[str]:
        return [*self.table, *(name for name in super().list_commands(ctx) if name not in self.table)]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.table:
            self.commands[cmd_name] = load_command(cmd_name, self.table[cmd_name])
        return super().get_command(ctx, cmd_name)


def print_version(value: bool) -> None:
    if value:
        import shinsa

        typer.echo(f"shinsa {shinsa.__version__}")
        raise typer.Exit()


def build_app(table: Mapping[str, LazyCommand], help: str) -> typer.Typer:
    """The root ``shinsa`` typer app over ``table``."""

    group = type("ShinsaGroup", (LazyGroup,), {"table": table})
    app = typer.Typer(name="shinsa", help=help, no_args_is_help=True, pretty_exceptions_enable=False, add_completion=False, cls=group)

    @app.callback()
    def root(
        version: Annotated[
            bool, typer.Option("--version", callback=print_version, is_eager=True, help="Print the version and exit.")
        ] = False,
    ) -> None:
        """Options of ``shinsa`` itself; the commands do the work."""

    return app
