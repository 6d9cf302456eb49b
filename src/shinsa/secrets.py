"""API keys come from the environment or a secrets file, never from suites, manifests or logs."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_dir

from shinsa.errors import InputError


def secrets_file() -> Path:
    override = os.environ.get("SHINSA_SECRETS_FILE")
    return Path(override) if override else Path(user_config_dir("shinsa")) / "secrets.env"


def _read_secrets_file(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    values: dict[str, str] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, value = line.partition("=")
        if not sep or not name.strip():
            raise InputError(f"{path}:{number}: expected NAME=value")
        values[name.strip().removeprefix("export ").strip()] = value.strip().strip("'\"")
    return values


def lookup_secret(name: str) -> str | None:
    """The value of ``name`` from the environment, else from the secrets file."""
    value = os.environ.get(name)
    if value:
        return value
    return _read_secrets_file(secrets_file()).get(name) or None


def require_secret(name: str, purpose: str) -> str:
    value = lookup_secret(name)
    if value is None:
        raise InputError(
            f"{purpose} needs the API key in environment variable {name} (or in {secrets_file()}), "
            "but it is not set"
        )
    return value
