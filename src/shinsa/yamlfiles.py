"""YAML documents that hold one pydantic model — attack plans, gate policies, checklists, jailbreak
templates, suite manifests, HTTP target configs — read with the same one-line errors."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shinsa.errors import InputError
from shinsa.untrusted import structure_problem

Model = TypeVar("Model", bound=BaseModel)


class ChangelogEntry(BaseModel):
    """One release of a versioned YAML document (a bundled suite, a template library)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str
    date: str
    changes: list[str] = Field(min_length=1)


def validation_message(exc: ValidationError) -> str:
    """The first problem pydantic found, as ``field.path: message``."""
    first = exc.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    message = str(first["msg"]).removeprefix("Value error, ")
    return f"{where}: {message}" if where else message


def yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "parse error"
    return f"line {mark.line + 1}: {problem}" if mark is not None else str(problem)


def parse_yaml_model(model: type[Model], text: str, source: str) -> Model:
    """Validate one YAML mapping as ``model``; ``source`` names the document in errors."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML ({yaml_problem(exc)})") from None
    if not isinstance(data, dict):
        raise InputError(f"{source}: expected a mapping, got {type(data).__name__}")
    problem = structure_problem(data)  # before pydantic walks a YAML alias bomb's expansion
    if problem:
        raise InputError(f"{source}: {problem}")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(f"{source}: {validation_message(exc)}") from None


def read_yaml_model(model: type[Model], path: Path, what: str) -> Model:
    """:func:`parse_yaml_model` for a file; ``what`` says what the file is, for a missing one."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: cannot read the {what}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the {what}: {exc}") from None
    return parse_yaml_model(model, text, str(path))
