"""A run as plain values: what the command line (and later the web) hands to
:func:`~shinsa.run.lifecycle.execute_run`, and what travels to Ray shards, which rebuild the run in
their own process. Target options name the variable holding an API key, never the key itself."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from shinsa.errors import InputError
from shinsa.registry import Registry
from shinsa.run.engine import RunSettings, RunSpec, UnitSource
from shinsa.suites.base import Suite
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions, build_target


class Expansion(ABC):
    """An attack that turns a run's suites into attempts, each with its attack id, sent through the
    normal engine (a red-team plan). Built from ``KIND:SOURCE``; ``SOURCE`` reaches the constructor."""

    def __init__(self, source: str) -> None:
        self.source = source

    @abstractmethod
    def units(self, suites: list[Suite]) -> UnitSource:
        """The attempts of the run, suite by suite."""

    @abstractmethod
    def manifest(self) -> dict[str, Any]:
        """The ``attack`` entry of the run manifest: a run resumes only with the same one."""


expansions: Registry[type[Expansion]] = Registry(
    "attack kind", "shinsa.expansions", {"plan": "shinsa.redteam.plan_run"}
)


def build_expansion(spec: str) -> Expansion:
    kind, sep, source = spec.partition(":")
    if not sep or not source:
        raise InputError(f"attack {spec!r}: expected KIND:SOURCE, e.g. plan:PLAN.yaml")
    return expansions.get(kind)(source)


@dataclass
class RunParameters(RunSettings):
    """Everything a run is, as values that pickle: suite specs, target and judge specs with their
    options, the run settings, and the attack that expands the suites, if any."""

    run_id: str
    suites: tuple[str, ...]
    target: str
    target_options: TargetOptions = field(default_factory=TargetOptions)
    encoding: str | None = None
    judge: str | None = None
    judge_options: TargetOptions | None = None
    attack: str | None = None
    """``KIND:SOURCE`` of an :class:`Expansion` (``plan:PLAN.yaml``); None for a plain run."""

    def load_suites(self) -> list[Suite]:
        return [load_suite(spec, self.encoding) for spec in self.suites]

    def spec(self, shard: tuple[int, int] | None = None) -> RunSpec:
        """The live run in this process: attack and suites loaded, judge and target built (keys
        read here)."""
        expansion = build_expansion(self.attack) if self.attack else None
        suites = self.load_suites()
        judge = build_target(self.judge, self.judge_options) if self.judge else None
        return RunSpec(
            run_id=self.run_id,
            suites=suites,
            target=build_target(self.target, self.target_options),
            judge=judge,
            attack=expansion.manifest() if expansion else None,
            units=expansion.units(suites) if expansion else None,
            shard=shard,
            **vars(self.settings()),
        )
