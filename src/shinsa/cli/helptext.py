"""Help that reads well on a first day: placeholders named for what they hold (``--suite SUITE``,
``--limit N``), none after a flag, and docstrings' reST markup shown as plain quotes, not raw."""

from __future__ import annotations

import re
from typing import Any, get_args, get_origin

from rich.markup import escape
from typer.core import TyperGroup

_LITERAL = re.compile(r"``([^`]+)``")


def plain(text: str | None) -> str | None:
    """reST literals as quotes, and square brackets kept as text (rich would read them as markup)."""
    if not text:
        return text
    return escape(_LITERAL.sub(r"'\1'", text))


def placeholder(option: Any) -> str:
    """The metavar of an option that takes a value: N for whole numbers, NUMBER, PATH, or the
    option's own name (``--run-id RUN_ID``). Typer describes the type by its annotation."""
    descriptor = option.type_descriptor
    annotation = descriptor.annotation
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    if descriptor.is_path:
        return "PATH"
    if annotation is int:
        return "N"
    if annotation is float:
        return "NUMBER"
    return (option.name or "value").upper()


def tidy(command: Any) -> None:
    """Give every option of ``command`` and its subcommands a readable placeholder and help."""
    command.help = plain(command.help)
    command.short_help = plain(command.short_help)
    for param in command.params:
        if param.param_type_name == "option":
            if param.is_flag or param.count:
                param.metavar = ""
            elif param.metavar is None and not param.type_descriptor.is_choice:
                param.metavar = placeholder(param)
        elif param.param_type_name == "argument":
            param.metavar = param.metavar or (param.name or "value").upper()
            param.display_type_rich = _no_type  # the name already says what it holds
        if getattr(param, "help", None):
            param.help = plain(param.help)
    _flag_help_option(command)
    for sub in dict(getattr(command, "commands", None) or {}).values():
        tidy(sub)


def _no_type(ctx: Any) -> None:
    return None


def _flag_help_option(command: Any) -> None:
    """``--help`` is made per context, after :func:`tidy` ran: give it no placeholder either."""
    make = command.get_help_option

    def get_help_option(ctx: Any) -> Any:
        option = make(ctx)
        if option is not None:
            option.metavar = ""
        return option

    command.get_help_option = get_help_option


class TidyGroup(TyperGroup):
    """The root ``shinsa`` group: tidies the help of every command below it once it is built."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        tidy(self)
