"""A saved run configuration: what a web user may set for a run, checked, and turned into the
:class:`~shinsa.run.parameters.RunParameters` the CLI would build. Secrets are named by their
environment variable only; the server reads them when the run starts, never stores or shows them."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from shinsa.errors import InputError
from shinsa.run.parameters import RunParameters
from shinsa.targets.base import TargetOptions

ENV_NAME = re.compile(r"^[A-Z_][A-Z0-9_]{0,99}$")
DEFAULT_MAX_TOKENS = 256
SERVER_FILE_KINDS = ("http", "replay")
"""Target kinds whose spec names a file on the server: refused from the web (a user could read it)."""


class RunConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    suites: list[str] = Field(min_length=1, max_length=50)
    target: str = Field(min_length=1, max_length=300)
    base_url: str | None = Field(default=None, max_length=500)
    api_key_env: str | None = None
    judge: str | None = Field(default=None, max_length=300)
    judge_base_url: str | None = Field(default=None, max_length=500)
    judge_api_key_env: str | None = None
    limit: int | None = Field(default=None, ge=1, le=1_000_000)
    concurrency: int | None = Field(default=None, ge=1, le=256)
    max_tokens: int | None = Field(default=None, ge=1, le=32768)
    timeout: float = Field(default=60.0, gt=0, le=3600)
    temperature: float | None = Field(default=0.0, ge=0, le=2)
    seed: int = 0
    score_truncated: bool = False
    """Judge answers cut off by the token limit (``shinsa run --score-truncated``)."""
    review_below: float | None = Field(default=None, ge=0, le=1)
    """Confidence under which verdicts wait for review (``shinsa run --review-below``); None: the scorers' default."""

    @field_validator("api_key_env", "judge_api_key_env")
    @classmethod
    def _variable_name(cls, value: str | None) -> str | None:
        if value in (None, ""):
            return None
        if not ENV_NAME.match(value):
            raise ValueError("give the NAME of an environment variable (A-Z, 0-9, _), never the key itself")
        return value

    @field_validator("suites")
    @classmethod
    def _bundled_names(cls, value: list[str]) -> list[str]:
        for spec in value:
            if "/" in spec or "\\" in spec or spec.startswith("."):
                raise ValueError(f"suite {spec!r}: the web runs bundled suites by name, not files on the server")
        return value

    def check_targets(self, python_modules: frozenset[str]) -> None:
        """Refuse targets that would read server files or import code the server did not allow."""
        for spec in (self.target, self.judge):
            if spec is None:
                continue
            kind, _, rest = spec.partition(":")
            if kind in SERVER_FILE_KINDS:
                raise InputError(f"target {spec!r}: {kind} targets name a file on the server and cannot be started from the web")
            if kind == "python" and rest.split(":")[0] not in python_modules:
                raise InputError(
                    f"target {spec!r}: python targets run code in the server; start it with "
                    "--allow-python-target MODULE to allow this module"
                )

    def parameters(self, run_id: str, command: str) -> RunParameters:
        local = self.target.startswith("local")
        judge_options = None
        if self.judge:
            judge_options = TargetOptions(
                base_url=self.judge_base_url, api_key_env=self.judge_api_key_env, temperature=0.0,
                max_tokens=512, seed=self.seed, timeout=self.timeout,
            )
        return RunParameters(
            run_id=run_id,
            suites=tuple(self.suites),
            target=self.target,
            target_options=TargetOptions(
                base_url=self.base_url, api_key_env=self.api_key_env, temperature=self.temperature,
                max_tokens=self.max_tokens or (96 if local else DEFAULT_MAX_TOKENS), seed=self.seed, timeout=self.timeout,
            ),
            judge=self.judge,
            judge_options=judge_options,
            concurrency=self.concurrency,
            limit=self.limit,
            seed=self.seed,
            score_truncated=self.score_truncated,
            review_below=self.review_below,
            command=command,
        )


def parse_config(data: dict[str, Any]) -> RunConfig:
    """A configuration from a form or JSON body, or a one-line :class:`InputError`."""
    from pydantic import ValidationError

    try:
        return RunConfig.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise InputError(f"{where}: {first['msg']}") from None
