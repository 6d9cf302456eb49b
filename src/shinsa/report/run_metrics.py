"""Consistency and bias metrics of one run, as the report and ``shinsa show`` present them.

Only un-attacked answers count: an attacked copy shares its item's group and pair but answers a
different prompt. Per perspective, groups (robustness perturbations, counterfactual attribute
swaps, paraphrases) go through :func:`shinsa.metrics.consistency.consistency` and items with
``metadata.bbq`` through :func:`shinsa.metrics.bias.bbq_scores`, split by language; Japanese/English
pairs are judged over the whole run, and only when both languages were run.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from shinsa.metrics.bias import BbqResult, bbq_scores, from_attempt
from shinsa.metrics.consistency import ConsistencyResult, consistency, pair_consistency
from shinsa.perspectives import Perspective, perspective
from shinsa.report.aggregate import is_baseline

PAIR_LANGUAGES = frozenset({"ja", "en"})


@dataclass(frozen=True, slots=True)
class PerspectiveMetrics:
    perspective: Perspective
    groups: ConsistencyResult | None
    """Share of consistent groups; None when no item of this perspective is in a group."""
    bbq: dict[str, BbqResult]
    """BBQ scores per answer language; empty without BBQ items."""
    bbq_all: BbqResult | None
    """BBQ scores over every language; None without BBQ items."""


@dataclass(frozen=True, slots=True)
class RunMetrics:
    perspectives: list[PerspectiveMetrics]
    """Perspectives with groups or BBQ items, in guide order."""
    pairs: ConsistencyResult | None
    """Japanese/English pair consistency; None unless paired items were run in both languages."""

    def __bool__(self) -> bool:
        return bool(self.perspectives) or self.pairs is not None

    def of(self, perspective_id: int) -> PerspectiveMetrics | None:
        return next((m for m in self.perspectives if m.perspective.id == perspective_id), None)


def _bbq_item(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """The stored item if it carries ``metadata.bbq``; the cheap text test skips parsing the rest."""
    item = row.get("item")
    if isinstance(item, str):
        if '"bbq"' not in item:
            return None
        item = json.loads(item)
    if not isinstance(item, dict) or not isinstance((item.get("metadata") or {}).get("bbq"), dict):
        return None
    return item


@dataclass
class MetricsCollector:
    """Takes attempt rows one at a time (the report streams them) and keeps only what the metrics
    need: outcome and group of grouped or paired answers, and the BBQ record of BBQ answers."""

    grouped: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    paired: list[dict[str, Any]] = field(default_factory=list)
    pair_languages: set[str] = field(default_factory=set)
    bbq: dict[int, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, row: Mapping[str, Any]) -> None:
        if not is_baseline(row):
            return
        pid = int(row["perspective"])
        if row.get("group_id"):
            # a group belongs to its suite: two suites may reuse a group name
            group = f"{row['suite']}/{row['group_id']}"
            self.grouped[pid].append({"group": group, "outcome": row["outcome"], "item_id": row["item_id"]})
        if row.get("pair_id"):
            self.paired.append({"pair_id": row["pair_id"], "outcome": row["outcome"], "item_id": row["item_id"]})
            self.pair_languages.add(str(row.get("language") or ""))
        item = _bbq_item(row)
        if item is not None:
            self.bbq[pid].append(from_attempt({**row, "item": item}))

    def result(self) -> RunMetrics:
        per_perspective = []
        for pid in sorted(set(self.grouped) | set(self.bbq)):
            records = self.bbq.get(pid, [])
            by_language: dict[str, list[dict[str, Any]]] = defaultdict(list)
            for record in records:
                by_language[str(record.get("language") or "")].append(record)
            per_perspective.append(
                PerspectiveMetrics(
                    perspective=perspective(pid),
                    groups=consistency(self.grouped[pid]) if pid in self.grouped else None,
                    bbq={language: bbq_scores(part) for language, part in sorted(by_language.items())},
                    bbq_all=bbq_scores(records) if records else None,
                )
            )
        pairs = pair_consistency(self.paired) if self.pair_languages >= PAIR_LANGUAGES else None
        return RunMetrics(per_perspective, pairs)


def run_metrics(rows: Iterable[Mapping[str, Any]]) -> RunMetrics:
    """Consistency and bias metrics of a run's attempt rows."""
    collector = MetricsCollector()
    for row in rows:
        collector.add(row)
    return collector.result()
