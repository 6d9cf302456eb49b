"""Validation figures of scorers (package data), shown in reports beside the scorer version
they were measured on, so a reader can judge how far an automatic verdict can be trusted."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _figures() -> dict[str, list[dict[str, Any]]]:
    text = resources.files("shinsa.report").joinpath("data", "validation.yaml").read_text(encoding="utf-8")
    return dict(yaml.safe_load(text) or {})


def validation_for(scorer: str, version: str) -> dict[str, Any] | None:
    """The figures measured for exactly this scorer version, or None."""
    for entry in _figures().get(scorer, []):
        if str(entry.get("version")) == version:
            return entry
    return None
