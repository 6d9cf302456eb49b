"""An attack plan through the normal runner: its attempts as a unit source, its manifest entry.

Each attempt is keyed by (suite, item id, attack id), so a killed red-team run resumes like any
run. The manifest records the plan's content and hash, and the template library version: a run
only resumes with the very same plan, and attack success rates are comparable only between runs
that agree on both.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from shinsa.items import Item
from shinsa.redteam.plan import AttackPlan, expand, load_plan
from shinsa.redteam.templates import bundled_templates
from shinsa.run.engine import UnitSource
from shinsa.run.parameters import Expansion, expansions
from shinsa.suites.base import Suite

PLAN_KIND = "plan"


def plan_units(suites: list[Suite], plan: AttackPlan) -> UnitSource:
    """Every suite expanded by the plan, one suite after the other (``sample`` applies per suite)."""

    def units() -> Iterator[tuple[str, str, Item]]:
        for suite in suites:
            for attack_id, item in expand(suite.items(), plan):
                yield suite.name, attack_id, item

    return units


def plan_manifest(plan: AttackPlan) -> dict[str, Any]:
    """The ``attack`` entry of a run manifest: the plan as validated (canonical chain and template
    specs, defaults filled in), its SHA-256, and the template library version."""
    content = plan.model_dump(mode="json")
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return {
        "kind": PLAN_KIND,
        "name": plan.name,
        "plan": content,
        "sha256": hashlib.sha256(canonical.encode()).hexdigest(),
        "templates_version": bundled_templates().version,
    }


@expansions.register(PLAN_KIND)
class PlanExpansion(Expansion):
    """``plan:PLAN.yaml``: an attack plan as a run's attack, so a plan run is any run (resumable,
    and on Ray shards, which read the plan file themselves)."""

    def __init__(self, source: str) -> None:
        super().__init__(source)
        self.plan = load_plan(Path(source))

    def units(self, suites: list[Suite]) -> UnitSource:
        return plan_units(suites, self.plan)

    def manifest(self) -> dict[str, Any]:
        return plan_manifest(self.plan)
