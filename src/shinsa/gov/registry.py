"""The registry: every system, its risk level, the decision in force, open conditions, the suite
versions its evidence used, and when the next assessment is due.

Re-assessment is due a profile-set number of months (12 by default: the AI Basic Plan is revised
yearly) after the decision, and at once when the model, vendor or risk level of the latest
recorded version differs from the decided one, or when a bundled suite the evidence used has a
newer version."""

from __future__ import annotations

import datetime
import itertools
from dataclasses import dataclass, field
from typing import Any

from shinsa.checklists import LocalizedText
from shinsa.gov.records import GovRecords
from shinsa.suites.bundled import bundled_names, load_manifest


def _t(ja: str, en: str) -> LocalizedText:
    return LocalizedText(ja=ja, en=en)


@dataclass
class RegistryEntry:
    system_id: str
    name: LocalizedText
    version: str
    risk_level: str
    decision: dict[str, Any] | None
    open_conditions: list[dict[str, Any]]
    suite_versions: list[str]
    next_due: datetime.date
    due_reasons: list[LocalizedText] = field(default_factory=list)

    def overdue(self, today: datetime.date) -> bool:
        return self.next_due <= today


def add_months(day: datetime.date, months: int) -> datetime.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _suites_used(decision: dict[str, Any]) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for evidence in decision["record"]["evidence_summary"].values():
        for run in evidence["runs"]:
            for suite in run["suites"]:
                used.setdefault(suite["name"], set()).add(str(suite["version"]))
    return used


def registry(records: GovRecords, today: datetime.date) -> list[RegistryEntry]:
    entries = []
    bundled = set(bundled_names())
    for system in records.systems():
        intake = system["intake"]
        decision = records.current_decision(system["system_id"])
        reasons: list[LocalizedText] = []
        if decision is None:
            due = today
            reasons.append(_t("まだ判断が記録・署名されていません。", "No signed decision yet."))
            conditions: list[dict[str, Any]] = []
            suites: list[str] = []
        else:
            record = decision["record"]
            decided = datetime.date.fromisoformat(record["date"])
            due = add_months(decided, int(system["profile"].get("reassess_months", 12)))
            conditions = list(record["conditions"])
            used = _suites_used(decision)
            suites = [f"{name} {version}" for name, versions in sorted(used.items()) for version in sorted(versions)]
            decided_system = records.system(system["system_id"], record["system_version"], required=False) or system
            before = decided_system["intake"]
            for label, old, new in (
                (_t("モデル", "model"), before["model"], intake["model"]),
                (_t("事業者", "vendor"), before["vendor"], intake["vendor"]),
                (_t("リスク区分", "risk level"), decided_system["risk_level"], system["risk_level"]),
            ):
                if old != new:
                    reasons.append(_t(f"{label.ja}が変わりました。", f"The {label.en} changed."))
            for name, versions in sorted(used.items()):
                if name in bundled:
                    current = load_manifest(name).version
                    if current not in versions:
                        reasons.append(_t(f"スイート {name} が {current} に更新されました。", f"Suite {name} is now at version {current}."))
            if reasons:
                due = today
            elif due <= today:
                reasons.append(_t("定期の再評価時期です。", "The periodic re-assessment is due."))
        entries.append(
            RegistryEntry(
                system_id=system["system_id"],
                name=LocalizedText.model_validate(intake["name"]),
                version=system["version"],
                risk_level=system["risk_level"],
                decision=decision,
                open_conditions=conditions,
                suite_versions=suites,
                next_due=due,
                due_reasons=reasons,
            )
        )
    return entries


@dataclass
class Comparison:
    before: str
    after: str
    comparable: list[str]
    not_comparable: list[LocalizedText]


def history(records: GovRecords, system_id: str) -> list[Comparison]:
    """Consecutive signed decisions of a system: which suites were assessed at the same version
    (comparable year over year) and which changed or appear in only one (not comparable)."""
    records.require_system(system_id)
    signed = [d for d in records.decisions_for(system_id) if d["signature"] is not None]
    signed.sort(key=lambda d: d["signed_at"])
    comparisons = []
    for before, after in itertools.pairwise(signed):
        old, new = _suites_used(before), _suites_used(after)
        same, differ = [], []
        for name in sorted(set(old) | set(new)):
            if old.get(name) and old.get(name) == new.get(name):
                same.append(f"{name} {', '.join(sorted(new[name]))}")
            elif name not in old or name not in new:
                differ.append(_t(f"{name}: 片方の評価でのみ使用", f"{name}: used in only one assessment"))
            else:
                o, n = ", ".join(sorted(old[name])), ", ".join(sorted(new[name]))
                differ.append(_t(f"{name}: 版が異なる ({o} → {n})", f"{name}: version changed ({o} → {n})"))
        comparisons.append(Comparison(before["decision_id"], after["decision_id"], same, differ))
    return comparisons
