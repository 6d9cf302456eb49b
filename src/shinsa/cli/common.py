"""Helpers shared by CLI commands."""

from __future__ import annotations

import json

from rich.console import Console

from shinsa.errors import InputError
from shinsa.store.store import Store
from shinsa.targets.base import TargetOptions

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def open_store(db: str | None) -> Store:
    return Store(db)


def parse_params(params: list[str] | None) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for entry in params or []:
        key, sep, raw = entry.partition("=")
        if not sep or not key:
            raise InputError(f"--param expects KEY=VALUE, got {entry!r}")
        try:
            parsed[key] = json.loads(raw)
        except json.JSONDecodeError:
            parsed[key] = raw
    return parsed


def target_options(
    target: str,
    base_url: str | None,
    api_key_env: str | None,
    system: str | None,
    temperature: float | None,
    max_tokens: int | None,
    seed: int | None,
    timeout: float,
    params: list[str] | None,
) -> TargetOptions:
    """Options for a target; the embedded model gets short answers by default to stay fast."""
    default_tokens = 160 if target.startswith("local") else 512
    return TargetOptions(
        base_url=base_url,
        api_key_env=api_key_env,
        system=system,
        temperature=temperature,
        max_tokens=max_tokens if max_tokens is not None else default_tokens,
        seed=seed,
        timeout=timeout,
        params=parse_params(params),
    )
