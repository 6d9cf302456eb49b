"""Everything a report shows about a run, read from the store in two streamed passes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from shinsa.outcomes import NO_VERDICT
from shinsa.redteam.results import RedTeamResults, attack_success_rates
from shinsa.report.aggregate import SAFETY_EXPECTED, RunAggregate, aggregate, is_baseline
from shinsa.report.run_metrics import MetricsCollector, RunMetrics
from shinsa.review.summary import VerdictSources

if TYPE_CHECKING:
    from shinsa.store.store import Store

SECRET_KEY = re.compile(
    r"(?i)(api[_-]?key|(?<!max_)(?<!max)(?<!prompt_)(?<!completion_)tokens?$|access[_-]?token|secret|password|passwd|"
    r"authorization|credential|cookie)"
)
_NO_VERDICT = {o.value for o in NO_VERDICT}


@dataclass(frozen=True, slots=True)
class AttemptView:
    """One answer as the drill-down shows it. ``response`` is None when it was redacted or the
    target never answered; ``harmful`` marks answers shown only behind a click."""

    suite: str
    item_id: str
    perspective: int
    language: str
    benign: bool
    expected: str
    prompt: str
    response: str | None
    outcome: str
    score: float | None
    scorer: str
    explanation: str
    error: str
    harmful: bool
    redacted: bool


def may_be_harmful(row: dict[str, Any]) -> bool:
    """An answer to a harmful request that was not judged safe may itself be harmful."""
    return not row.get("benign") and (row.get("score") is None or row["score"] < 1)


def severity(row: dict[str, Any]) -> tuple[int, float, str, str]:
    """Sort key, worst first: unsafe or failed answers (lowest score first), then answers without a
    verdict, then safe ones."""
    score = row.get("score")
    if score is None:
        return (1, 0.0, row["suite"], row["item_id"])
    return (0 if score < 1 else 2, score, row["suite"], row["item_id"])


def mask_secrets(value: Any) -> Any:
    """A copy of a manifest entry with anything that looks like a credential masked."""
    if isinstance(value, dict):
        return {k: ("***" if SECRET_KEY.search(str(k)) and v else mask_secrets(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask_secrets(v) for v in value]
    return value


@dataclass
class RunView:
    run_id: str
    run: dict[str, Any]
    aggregate: RunAggregate
    worst: dict[int, list[AttemptView]]
    attacks: RedTeamResults | None
    """Attack success rates as ``shinsa redteam results`` computes them; None without attacked
    attempts on harmful items."""
    checklist: list[dict[str, Any]]
    metrics: RunMetrics
    """Group, pair and BBQ metrics of the un-attacked answers."""
    attacked_attempts: int = 0
    languages: list[str] = field(default_factory=list)
    declined_tasks: dict[int, int] = field(default_factory=dict)
    """Per perspective, task items (facts, choices, requirements) the system declined to answer:
    unhelpful rather than unsafe, and worded so."""
    sources: VerdictSources = field(default_factory=VerdictSources)
    """How many verdicts were decided automatically, await review, or were decided by people."""

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(self.run.get("manifest", {}))

    @property
    def target(self) -> dict[str, Any]:
        return dict(mask_secrets(self.manifest.get("target") or {}))

    @property
    def judge(self) -> dict[str, Any] | None:
        judge = self.manifest.get("judge")
        return dict(mask_secrets(judge)) if judge else None

    @property
    def target_name(self) -> str:
        target = self.target
        name = target.get("model") or target.get("callable") or target.get("file") or target.get("url") or ""
        return f"{target.get('kind', '?')}:{name}" if name else str(target.get("kind", "?"))


def declined_task(row: dict[str, Any]) -> bool:
    """A task item (not a harmful request, not a benign look-alike) answered with a refusal."""
    if row.get("benign") or row.get("expected", "refuse") in SAFETY_EXPECTED:
        return False
    if row["outcome"] == "refused":
        return True
    if row["outcome"] != "failed" or not row.get("response"):
        return False
    from shinsa.outcomes import Outcome
    from shinsa.scorers.refusal import classify

    return classify(row["response"], row.get("prompt") or "", mode="rules").outcome is Outcome.REFUSED


def _view(row: dict[str, Any], redact: bool) -> AttemptView:
    harmful = may_be_harmful(row)
    redacted = redact and harmful and row.get("response") is not None
    return AttemptView(
        suite=row["suite"],
        item_id=row["item_id"],
        perspective=row["perspective"],
        language=row.get("language") or "",
        benign=bool(row.get("benign")),
        expected=row.get("expected") or "",
        prompt=row.get("prompt") or "",
        response=None if redacted else row.get("response"),
        outcome=row["outcome"],
        score=row.get("score"),
        scorer=row.get("scorer") or "",
        explanation=row.get("explanation") or "",
        error=row.get("error") or "",
        harmful=harmful,
        redacted=redacted,
    )


def collect_run(store: Store, run_id: str, max_items: int = 100, redact: bool = False) -> RunView:
    """Aggregate a run and keep, per perspective, its ``max_items`` worst baseline answers
    (memory stays bounded by trimming whenever a perspective holds twice that many)."""
    run = store.require_run(run_id)
    agg = aggregate(run_id, store.iter_attempts(run_id))
    kept: dict[int, list[dict[str, Any]]] = {}
    languages: set[str] = set()
    declined: dict[int, int] = {}
    attacked = 0
    metrics = MetricsCollector()
    sources = VerdictSources.of_run(run.get("manifest") or {})

    def rows_noting_baseline() -> Iterator[dict[str, Any]]:
        nonlocal attacked
        for row in store.iter_attempts(run_id):
            metrics.add(row)
            sources.add(row)
            if is_baseline(row):
                languages.add(row.get("language") or "")
                if declined_task(row):
                    declined[row["perspective"]] = declined.get(row["perspective"], 0) + 1
                rows = kept.setdefault(row["perspective"], [])
                rows.append(row)
                if len(rows) >= 2 * max_items:
                    rows.sort(key=severity)
                    del rows[max_items:]
            else:
                attacked += 1
            yield row

    attacks = attack_success_rates(rows_noting_baseline())
    worst = {
        pid: [_view(row, redact) for row in sorted(rows, key=severity)[:max_items]]
        for pid, rows in sorted(kept.items())
    }
    return RunView(
        run_id=run_id,
        run=run,
        aggregate=agg,
        worst=worst,
        attacks=attacks if attacks.overall.attempts else None,
        checklist=store.checklist_answers(run_id),
        metrics=metrics.result(),
        attacked_attempts=attacked,
        languages=sorted(lang for lang in languages if lang),
        declined_tasks=declined,
        sources=sources,
    )


def scorer_entries(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """The scorers a run used, with any validation figures recorded for that scorer version."""
    from shinsa.report.validation import validation_for

    entries = []
    for name, info in sorted((manifest.get("scorers") or {}).items()):
        entry = {"name": name, "version": str(info.get("version", "")), "judge": mask_secrets(info.get("judge"))}
        entry["validation"] = validation_for(name, entry["version"])
        entries.append(entry)
    return entries
