"""Reproducibility spot-check: re-run a seeded random sample of a vendor's items against the same
endpoint and compare verdicts within a stated tolerance.

Two things are checked. (1) The endpoint's fresh verdicts agree with the submitted ones in all
but at most ``tolerance`` of the sample: a vendor who submits answers the endpoint does not give
is caught. (2) The submitted verdicts follow from the submitted answers (re-scored here with the
same scorer): a vendor who edits verdicts is caught. Judge-scored items are re-run but not
re-scored locally (that needs the judge)."""

from __future__ import annotations

import asyncio
import hashlib
import random
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from shinsa.errors import InputError
from shinsa.gov.bundles import VerifiedBundle
from shinsa.items import Item
from shinsa.outcomes import Outcome
from shinsa.run.engine import RunSpec
from shinsa.run.lifecycle import execute_spec
from shinsa.scorers.base import Scorer, build_scorer
from shinsa.store.store import Store
from shinsa.suites.base import Suite
from shinsa.targets.base import Completion, Target

Key = tuple[str, str, str]
"""(suite, item id, attack id)"""


class SampledSuite(Suite):
    """The sampled items of one of the vendor's suites, under the suite's own name and version."""

    format = "spot-check-sample"

    def __init__(self, name: str, version: str, items: list[Item]) -> None:
        self.name = name
        self.version = version
        self.origin = "spot-check sample"
        self._items = items

    def located_items(self) -> Iterator[tuple[str, Item]]:
        for number, item in enumerate(self._items, start=1):
            yield f"sample:{number}", item

    def hash_parts(self) -> Iterator[bytes]:
        for item in self._items:
            yield item.model_dump_json(exclude_defaults=True).encode("utf-8")


@dataclass
class SpotCheck:
    run_id: str
    seed: int
    requested: int
    tolerance: float
    sampled: int = 0
    compared: int = 0
    unanswered: int = 0
    identical_answers: int = 0
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    tampered: list[dict[str, Any]] = field(default_factory=list)
    """Submitted verdicts that do not follow from the submitted answers."""

    @property
    def disagreement_share(self) -> float:
        return len(self.disagreements) / self.compared if self.compared else 1.0

    @property
    def passed(self) -> bool:
        return (
            self.compared > 0
            and self.disagreement_share <= self.tolerance + 1e-12
            and self.unanswered <= self.tolerance * self.sampled + 1e-12
            and not self.tampered
        )

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "disagreement_share": self.disagreement_share, "passed": self.passed}


def _key(row: dict[str, Any]) -> Key:
    return (str(row["suite"]), str(row["item_id"]), str(row["attack_id"]))


def run_items(store: Store, run_id: str, target: Target, suites: list[Suite], units: list[tuple[str, str, Item]], seed: int) -> None:
    """The one call into the run machinery: run exactly ``units`` against ``target`` with no
    response cache (an answer must come from the endpoint now). Resumes an interrupted run."""
    spec = RunSpec(
        run_id=run_id,
        suites=suites,
        target=target,
        units=lambda: iter(units),
        use_cache=False,
        seed=seed,
        command="shinsa bundle spot-check",
    )
    asyncio.run(execute_spec(store, spec))


def spot_check(store: Store, bundle: VerifiedBundle, target: Target, sample: int, seed: int, tolerance: float) -> SpotCheck:
    if sample < 1:
        raise InputError("--sample must be at least 1")
    if not 0 <= tolerance < 1:
        raise InputError("--tolerance must be a share from 0 up to (not including) 1")
    fingerprint = target.fingerprint()
    submitted: dict[Key, dict[str, Any]] = {}
    versions: dict[str, str] = {}
    for entry in bundle.runs:
        vendor_target = entry.manifest.get("target")
        if vendor_target != fingerprint:
            differing = sorted(k for k in set(fingerprint) | set(vendor_target or {}) if fingerprint.get(k) != (vendor_target or {}).get(k))
            raise InputError(
                f"the target given is not the endpoint of run {entry.run_id} (differs in {', '.join(differing)}): "
                "spot-check against the same endpoint"
            )
        versions.update({s["name"]: s.get("version", "0") for s in entry.manifest.get("suites", [])})
        for row in entry.attempts:
            if row["outcome"] != Outcome.ERROR.value and row.get("response") is not None:
                submitted.setdefault(_key(row), row)
    if not submitted:
        raise InputError(f"bundle {bundle.path}: no answered attempt to spot-check")
    keys = sorted(submitted)
    chosen = random.Random(seed).sample(keys, min(sample, len(keys)))
    tag = hashlib.sha256(bundle.bundle_hash.encode()).hexdigest()[:12]
    result = SpotCheck(run_id=f"spot-{tag}-{seed}-{len(chosen)}", seed=seed, requested=sample, tolerance=tolerance, sampled=len(chosen))
    units: list[tuple[str, str, Item]] = []
    by_suite: dict[str, list[Item]] = {}
    for key in chosen:
        item = Item.model_validate_json(submitted[key]["item"])
        units.append((key[0], key[2], item))
        by_suite.setdefault(key[0], []).append(item)
    suites: list[Suite] = [SampledSuite(name, versions.get(name, "0"), items) for name, items in sorted(by_suite.items())]
    run_items(store, result.run_id, target, suites, units, seed)
    fresh = {_key(row): row for row in store.iter_attempts(result.run_id)}
    built: dict[str, Scorer] = {}
    for key in chosen:
        vendor, now = submitted[key], fresh.get(key)
        where = {"suite": key[0], "item_id": key[1], "attack_id": key[2]}
        scorer = built.get(vendor["scorer"]) or built.setdefault(vendor["scorer"], build_scorer(vendor["scorer"]))
        _check_verdict_follows(scorer, vendor, where, result)
        if now is None or now["outcome"] == Outcome.ERROR.value:
            result.unanswered += 1
            continue
        result.compared += 1
        if now.get("response") == vendor.get("response"):
            result.identical_answers += 1
        if now["outcome"] != vendor["outcome"]:
            result.disagreements.append({**where, "submitted": vendor["outcome"], "endpoint": now["outcome"]})
    return result


def _check_verdict_follows(scorer: Scorer, vendor: dict[str, Any], where: dict[str, str], result: SpotCheck) -> None:
    if scorer.needs_judge:
        return
    item = Item.model_validate_json(vendor["item"])
    verdict = asyncio.run(scorer.verdict_or_unscorable(item, Completion(text=vendor["response"])))
    rescored = verdict.outcome.value
    if rescored != vendor["outcome"]:
        result.tampered.append({**where, "submitted": vendor["outcome"], "rescored": rescored})
