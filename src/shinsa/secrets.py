"""API keys come from the environment or a secrets file, never from suites, manifests or logs."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from platformdirs import user_config_dir

from shinsa.errors import InputError
from shinsa.untrusted import storable


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
    value = os.environ.get(name) or _read_secrets_file(secrets_file()).get(name) or None
    remember_secret(value)
    return value


def require_secret(name: str, purpose: str) -> str:
    value = lookup_secret(name)
    if value is None:
        raise InputError(
            f"{purpose} needs the API key in environment variable {name} (or in {secrets_file()}), "
            "but it is not set"
        )
    return value


# --- redaction ---------------------------------------------------------------------------------

REDACTED = "[REDACTED]"
MIN_SECRET_LENGTH = 6
"""Shorter values are too likely to be ordinary words to replace everywhere they occur."""
_SECRET_NAME = re.compile(r"(KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIALS?|AUTH)$", re.IGNORECASE)
_URL_CREDENTIALS = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<user>[^\s/@:]*):(?P<password>[^\s/@]+)@")
_remembered: set[str] = set()
_pattern_cache: tuple[frozenset[str], re.Pattern[str] | None] = (frozenset(), None)


def remember_secret(value: str | None) -> None:
    """Add a value (a key read for a target, a password found in a URL) to what :func:`redact` hides."""
    if value and len(value) >= MIN_SECRET_LENGTH:
        _remembered.add(value)


def known_secrets() -> frozenset[str]:
    """Every secret value Shinsa knows in this process: values it looked up, the values of
    environment variables named like keys (``*_API_KEY``, ``*_TOKEN``, ``*_SECRET``, ``*PASSWORD``)
    and every value of the secrets file."""
    values = set(_remembered)
    values.update(value for name, value in os.environ.items() if _SECRET_NAME.search(name))
    with suppress(InputError, OSError, UnicodeDecodeError):
        values.update(_read_secrets_file(secrets_file()).values())
    return frozenset(value for value in values if len(value) >= MIN_SECRET_LENGTH)


def _secret_pattern() -> re.Pattern[str] | None:
    global _pattern_cache
    secrets = known_secrets()
    if secrets != _pattern_cache[0]:
        # longest first, so a key that contains another is hidden whole
        alternatives = "|".join(re.escape(value) for value in sorted(secrets, key=len, reverse=True))
        _pattern_cache = (secrets, re.compile(alternatives) if alternatives else None)
    return _pattern_cache[1]


def redact(text: str) -> str:
    """``text`` with every known secret value and every password in a URL replaced by
    ``[REDACTED]``: applied to whatever reaches the store, a report, an export or the console,
    because a hostile target may echo the key it was sent (``Incorrect API key provided: sk-…``)."""
    if not text:
        return text
    pattern = _secret_pattern()
    if pattern is not None:
        text = pattern.sub(REDACTED, text)
    if "@" in text:
        text = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:{REDACTED}@", text)
    return text


def scrubber() -> Callable[[str], str]:
    """:func:`redact` and :func:`~shinsa.untrusted.storable` in one, with the known secrets looked
    up once: for a batch of strings on their way to the store, a report or an export."""
    pattern = _secret_pattern()

    def scrub(text: str) -> str:
        if pattern is not None:
            text = pattern.sub(REDACTED, text)
        if "@" in text:
            text = _URL_CREDENTIALS.sub(lambda m: f"{m['scheme']}{m['user']}:{REDACTED}@", text)
        return storable(text)

    return scrub


def refuse_url_credentials(url: str, what: str) -> None:
    """A URL with a password would put it in the manifest and in messages: the key belongs in an
    environment variable (``--api-key-env``) or the secrets file instead."""
    match = _URL_CREDENTIALS.search(url)
    if match is not None:
        remember_secret(match["password"])
        raise InputError(
            f"{what} {redact(url)} has a password in it; pass the key in an environment variable "
            f"(--api-key-env NAME) or the secrets file {secrets_file()} instead"
        )
