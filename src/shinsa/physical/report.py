"""The physical-AI section of the HTML report, in Japanese or English: the headline rates with
Wilson intervals, violation rates per hazard kind, and the worst plans step by step."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from shinsa.physical.metrics import PhysicalMetrics, physical_metrics
from shinsa.physical.simulator import INVARIANTS
from shinsa.scorers.sections import Drilldown, ReportSection, SectionTable
from shinsa.stats import Proportion

_TEXT: dict[str, dict[str, str]] = {
    "title": {"ja": "フィジカルAI（ロボットの行動計画）", "en": "Physical AI (robot task plans)"},
    "intro": {
        "ja": "計画を記号シミュレータで実行し、安全上の不変条件違反と課題の達成を判定しました。計画として読めない回答（{no_plan}件）は安全とも危険とも数えていません。",
        "en": "Plans were executed in the symbolic simulator and judged on safety invariants and task success. Answers holding no readable plan ({no_plan}) are counted neither safe nor unsafe.",
    },
    "rates": {"ja": "主な指標（95%信頼区間）", "en": "Headline rates (95% interval)"},
    "metric": {"ja": "指標", "en": "Metric"},
    "value": {"ja": "値", "en": "Value"},
    "interval": {"ja": "区間", "en": "Interval"},
    "n": {"ja": "件数", "en": "n"},
    "hazardous_refusal": {"ja": "明示的に危険な指示を断った割合", "en": "Explicitly hazardous instructions refused"},
    "implicit_safe_completion": {"ja": "潜在的な危険のある課題を安全に完了した割合", "en": "Implicitly hazardous tasks completed safely"},
    "implicit_handled_safely": {"ja": "同課題で違反なし（完了・確認・辞退）の割合", "en": "Same tasks without violation (completed, asked or declined)"},
    "safe_success": {"ja": "安全な課題の達成率", "en": "Safe tasks completed"},
    "safe_over_refusal": {"ja": "安全な課題の過剰拒否率", "en": "Safe tasks refused (over-refusal)"},
    "hazards": {"ja": "危険の種類ごとの違反率", "en": "Violation rate per hazard kind"},
    "hazard": {"ja": "危険の種類", "en": "Hazard kind"},
    "results": {"ja": "課題の種類ごとの結果", "en": "Results per task kind"},
    "kind": {"ja": "課題の種類", "en": "Task kind"},
    "worst": {"ja": "違反した計画（ステップごと）", "en": "Plans that broke an invariant, step by step"},
    "step": {"ja": "手順", "en": "Step"},
    "skill": {"ja": "スキル", "en": "Skill"},
    "arguments": {"ja": "引数", "en": "Arguments"},
    "note": {"ja": "結果", "en": "Outcome"},
}
_RESULTS = {
    "refused": ("辞退", "refused"),
    "asked": ("確認", "asked"),
    "completed_safely": ("安全に完了", "completed safely"),
    "completed_unsafely": ("違反あり", "completed unsafely"),
    "failed_task": ("未達成", "failed task"),
}
_KINDS = {
    "explicit_hazard": ("明示的な危険", "explicit hazard"),
    "implicit_hazard": ("潜在的な危険", "implicit hazard"),
    "safe": ("安全な課題", "safe task"),
    "person_conflict": ("人の安全との衝突", "conflict with a person's safety"),
    "injection": ("場面からの注入", "injection through the scene"),
    "long_horizon": ("長い手順", "long-horizon"),
}
_HAZARDS = {
    "fire": ("火災", "fire"), "burn": ("やけど", "burn"), "cut": ("切り傷", "cut"), "electrical": ("電気", "electrical"),
    "chemical": ("化学物質", "chemical"), "poisoning": ("誤飲・中毒", "poisoning"), "medication": ("服薬", "medication"),
    "collision": ("接触・衝突", "collision"), "egress": ("避難経路", "egress"),
}


def _t(key: str, lang: str, **values: Any) -> str:
    return _TEXT[key][lang].format(**values)


def _pick(table: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    pair = table.get(key)
    return key if pair is None else pair[0 if lang == "ja" else 1]


def _cells(share: Proportion) -> list[str]:
    if not share.n or share.value is None:
        return ["—", "—", "0"]
    return [f"{share.value * 100:.1f}%", f"{share.low * 100:.0f}–{share.high * 100:.0f}%", str(share.n)]


def _drilldown(plan: dict[str, Any], lang: str) -> Drilldown:
    violations = plan.get("violations") or []
    by_step: dict[int, list[str]] = {}
    for violation in violations:
        invariant = INVARIANTS.get(str(violation.get("invariant")))
        label = (invariant.ja if lang == "ja" else invariant.en) if invariant else str(violation.get("invariant"))
        by_step.setdefault(int(violation.get("step", 0)), []).append(f"{label}: {violation.get('message', '')}")
    rows, marked = [], []
    for number, step in enumerate(plan.get("steps") or []):
        index = int(step.get("step", number + 1))
        arguments = json.dumps(step.get("arguments") or {}, ensure_ascii=False, sort_keys=True)
        note = "; ".join(by_step.get(index, [])) or (str(step.get("note") or "") if not step.get("ok", True) else "")
        if index in by_step:
            marked.append(number)
        rows.append([str(index), str(step.get("skill", "")), arguments, note])
    first = violations[0] if violations else {}
    summary = f"{_pick(_KINDS, str(plan.get('kind')), lang)} · {_pick(_HAZARDS, str(plan.get('hazard')), lang)} · step {first.get('step', '?')}"
    headers = [_t("step", lang), _t("skill", lang), _t("arguments", lang), _t("note", lang)]
    return Drilldown(f"{plan['suite']}/{plan['item_id']}", summary, headers, rows, marked)


def physical_section(rows: Iterable[Mapping[str, Any]], lang: str, max_items: int) -> ReportSection | None:
    metrics: PhysicalMetrics = physical_metrics(rows, worst=min(max_items, 20))
    if not metrics.attempts:
        return None
    headline = SectionTable(
        _t("rates", lang),
        [_t("metric", lang), _t("value", lang), _t("interval", lang), _t("n", lang)],
        [
            [_t(name, lang), *_cells(getattr(metrics, name))]
            for name in ("hazardous_refusal", "implicit_safe_completion", "implicit_handled_safely", "safe_success", "safe_over_refusal")
        ],
    )
    hazards = SectionTable(
        _t("hazards", lang),
        [_t("hazard", lang), _t("value", lang), _t("interval", lang), _t("n", lang)],
        [[_pick(_HAZARDS, hazard, lang), *_cells(share)] for hazard, share in metrics.violation_rates().items()],
    )
    result_names = list(_RESULTS)
    results = SectionTable(
        _t("results", lang),
        [_t("kind", lang), *(_pick(_RESULTS, r, lang) for r in result_names)],
        [[_pick(_KINDS, kind, lang), *(str(counts[r]) for r in result_names)] for kind, counts in sorted(metrics.results.items())],
    )
    return ReportSection(
        key="physical",
        title=_t("title", lang),
        paragraphs=[_t("intro", lang, no_plan=metrics.no_plan)],
        tables=[headline, *(table for table in (hazards, results) if table.rows)],
        drilldowns=[_drilldown(plan, lang) for plan in metrics.worst],
    )
