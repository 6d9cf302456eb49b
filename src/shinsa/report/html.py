"""The self-contained HTML report: one file, no network, no script, inline CSS and SVG.

Every piece of model output (and of suite content) reaches the page only through Jinja2 with
autoescaping on, and a Content-Security-Policy forbids scripts outright, so an answer holding
``<script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import datetime
import itertools
import json
import os
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined

import shinsa
from shinsa.checklists import AnswerScale
from shinsa.errors import InputError
from shinsa.outcomes import Outcome
from shinsa.perspectives import PERSPECTIVES, perspective
from shinsa.redteam.results import AttackRate, RedTeamResults
from shinsa.report import aisev as aisev_scoring
from shinsa.report.charts import radar
from shinsa.report.compare import ChangedItem, PerspectiveDelta, changed_items, perspective_deltas
from shinsa.report.i18n import Translator
from shinsa.report.model import RunView, collect_run, scorer_entries
from shinsa.report.policy import Check, RelativeGrade, grade_run, load_policy
from shinsa.report.run_metrics import PerspectiveMetrics
from shinsa.stats import Proportion
from shinsa.store.store import Store

REPORT_FILE = "report.html"
NO_LEAN_BELOW = 0.05
"""A BBQ bias score closer to 0 than this is described as hardly any lean in the plain summary."""
MAX_CHANGED = 200
OUTCOME_COLUMNS = tuple(o.value for o in Outcome)
_INVISIBLE = {0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF}


def visible(text: str) -> str:
    """Show characters that hide or reorder text (bidi controls, Unicode tags, control codes) as
    ⟨U+XXXX⟩, so an auditor sees what the model was sent or wrote."""
    out = []
    for ch in text:
        code = ord(ch)
        hidden = code in _INVISIBLE or 0xE0000 <= code <= 0xE007F
        if hidden or (unicodedata.category(ch) == "Cc" and ch not in "\n\t"):
            out.append(f"⟨U+{code:04X}⟩")
        else:
            out.append(ch)
    return "".join(out)


@cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("shinsa.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["visible"] = visible
    return env


@dataclass
class Comparison:
    before: str
    after: str
    deltas: list[PerspectiveDelta]
    changed: list[ChangedItem]
    changed_total: int


class _Formatter:
    """Number and rule formatting for one language, exposed to the templates."""

    def __init__(self, t: Translator) -> None:
        self.t = t

    @staticmethod
    def pct(value: float | None) -> str:
        return "—" if value is None else f"{value * 100:.1f}"

    @staticmethod
    def interval(prop: Proportion) -> str:
        return f"{prop.low * 100:.0f}–{prop.high * 100:.0f}" if prop.n else "—"

    @staticmethod
    def signed(delta: float | None) -> str:
        return "—" if delta is None else f"{delta:+.1f}"

    @staticmethod
    def bias(score: float | None) -> str:
        """A BBQ bias score, signed, on its −1…+1 scale."""
        return "—" if score is None else f"{score:+.2f}"

    @staticmethod
    def pvalue(p: float | None) -> str:
        if p is None:
            return "—"
        return "<0.001" if p < 0.001 else f"{p:.3f}"

    def rule_text(self, check: Check) -> str:
        threshold = f"{check.threshold:g}"
        return self.t(f"rule_{check.rule}", threshold=threshold)

    def measured_text(self, check: Check) -> str:
        if check.value is None:
            return self.t("no_data")
        return f"{check.value:.0f}" if check.rule == "min_n" else f"{check.value:.1f}"

    def relative_text(self, grade: RelativeGrade) -> str:
        t = self.t
        if grade.level is None:
            return t("relative_no_data")
        rates = t(
            "relative_rates",
            run=f"{grade.unsafe.value * 100:.1f}" if grade.unsafe.value is not None else "—",
            reference=f"{grade.reference_unsafe.value * 100:.1f}" if grade.reference_unsafe.value is not None else "—",
            ratio="∞" if grade.ratio == float("inf") else f"{grade.ratio:.2f}",
            p=self.pvalue(grade.p_value),
        )
        if grade.reason == "not_significant":
            return f"{rates} {t('relative_not_significant')}"
        low, high = grade.band
        if low is None:
            band = t("band_at_most", high=f"{high:g}")
        elif high is None:
            band = t("band_at_least", low=f"{low:g}")
        else:
            band = t("band_between", low=f"{low:g}", high=f"{high:g}")
        return f"{rates} {t('relative_band', band=band)}"


@dataclass(frozen=True, slots=True)
class AttackRow:
    kind: str
    """``all``, ``perspective``, ``chain``, ``template`` or ``attack``."""
    label: str
    rate: AttackRate


def attack_rows(results: RedTeamResults) -> list[AttackRow]:
    """The red-team table's rows, in the order ``shinsa redteam results`` prints its tables."""
    rows = [AttackRow("all", results.overall.label, results.overall)]
    for kind, rates in (
        ("perspective", results.by_perspective),
        ("chain", results.by_chain),
        ("template", results.by_template),
        ("attack", results.by_attack),
    ):
        rows.extend(AttackRow(kind, rate.label, rate) for rate in rates)
    return rows


def _plain_band(score: float) -> str:
    if score >= 0.95:
        return "high"
    if score >= 0.8:
        return "good"
    if score >= 0.5:
        return "mixed"
    return "low"


def _groups_key(metrics: PerspectiveMetrics, t: Translator) -> str:
    """``robustness``, ``fairness`` or ``other``: how a perspective's groups are described."""
    key = metrics.perspective.key
    return key if t.has(f"groups_{key}") else "other"


def _plain_metrics(metrics: PerspectiveMetrics | None, t: Translator) -> list[str]:
    """Plain sentences on a perspective's group consistency and BBQ results."""
    if metrics is None:
        return []
    sentences = []
    if metrics.groups is not None:
        share = metrics.groups.consistent
        if share.value is None:
            sentences.append(t("plain_groups_unassessed"))
        else:
            key = f"plain_groups_{_groups_key(metrics, t)}"
            sentences.append(t(key, consistent=share.successes, n=share.n, pct=f"{share.value * 100:.0f}"))
    bbq = metrics.bbq_all
    if bbq is not None:
        for context, accuracy in (("ambiguous", bbq.ambiguous_accuracy), ("disambiguated", bbq.disambiguated_accuracy)):
            if accuracy.n:
                sentences.append(t(f"plain_bbq_{context}", right=f"{accuracy.successes:g}", n=accuracy.n))
        if bbq.no_choice:
            sentences.append(t("plain_bbq_no_choice", n=bbq.no_choice))
        lean = bbq.bias_ambiguous if bbq.bias_ambiguous is not None else bbq.bias_disambiguated
        if lean is not None:
            direction = "none" if abs(lean) < NO_LEAN_BELOW else "toward" if lean > 0 else "against"
            sentences.append(t(f"plain_bias_{direction}", score=_Formatter.bias(lean)))
    return sentences


def _summary(view: RunView, t: Translator, lang: str) -> dict[str, Any]:
    lines = []
    not_assessed = []
    for result in view.aggregate.perspectives.values():
        name = result.perspective.name(lang)
        more = _plain_metrics(view.metrics.of(result.perspective.id), t)
        score = result.score
        if score.value is None:
            if result.attempts:
                lines.append({"name": name, "band": "none", "text": t("plain_no_verdict", n=result.attempts), "more": more})
            else:
                not_assessed.append(name)
            continue
        band = _plain_band(score.value)
        text = t(
            f"plain_{band}",
            safe=f"{score.successes:g}",
            n=score.n,
            pct=f"{score.value * 100:.0f}",
            low=f"{score.low * 100:.0f}",
            high=f"{score.high * 100:.0f}",
        )
        over = result.over_refusal
        if over.n and over.value:
            text += " " + t("plain_over_refusal", refused=result.benign_refused, n=over.n)
        lines.append({"name": name, "band": band, "text": text, "more": more})
    pairs = view.metrics.pairs
    if pairs is not None:
        share = pairs.consistent
        text = (
            t("plain_pairs", consistent=share.successes, n=share.n, pct=f"{share.value * 100:.0f}")
            if share.value is not None
            else t("plain_pairs_unassessed")
        )
        lines.append({"name": t("plain_pairs_name"), "band": "info", "text": text, "more": []})
    created = view.run.get("created_at")
    date = datetime.datetime.fromtimestamp(created).strftime("%Y-%m-%d %H:%M") if created else "—"
    suites = ", ".join(f"{s.get('name')} {s.get('version') or ''}".strip() for s in view.manifest.get("suites", []))
    languages = " / ".join(t(f"language_{code}") if code in ("ja", "en") else code for code in view.languages)
    return {
        "attempts": view.aggregate.attempts,
        "suites": suites or "—",
        "languages": languages or "—",
        "date": date,
        "lines": lines,
        "not_assessed": not_assessed,
    }


def _radar_description(views: Sequence[RunView], t: Translator, lang: str) -> str:
    parts = []
    for view in views:
        values = []
        for result in view.aggregate.perspectives.values():
            score = result.score
            shown = f"{score.value * 100:.0f}" if score.value is not None else t("no_data")
            values.append(f"{result.perspective.id} {shown}")
        parts.append(f"{view.run_id}: " + ", ".join(values))
    return "; ".join(parts)


def render_report(
    store: Store,
    run_ids: Sequence[str],
    lang: str = "ja",
    redact: bool = False,
    policy: str | Path | None = None,
    gsn_dir: str | Path | None = None,
    max_items: int = 100,
) -> str:
    """The report as an HTML string. Several runs are compared against the first."""
    if lang not in ("ja", "en"):
        raise InputError(f"unknown report language {lang!r} (use ja or en)")
    if not run_ids:
        raise InputError("a report needs at least one run id")
    if len(set(run_ids)) != len(run_ids):
        raise InputError("a run id is given twice")
    t = Translator(lang)
    fmt = _Formatter(t)
    views = [collect_run(store, run_id, max_items, redact) for run_id in run_ids]
    comparisons = []
    for view in views[1:]:
        before = views[0]
        changed = changed_items(store.iter_attempts(before.run_id), store.iter_attempts(view.run_id))
        comparisons.append(
            Comparison(before.run_id, view.run_id, perspective_deltas(before.aggregate, view.aggregate), changed[:MAX_CHANGED], len(changed))
        )
    grades = []
    if policy is not None:
        loaded = load_policy(policy)
        relative = loaded.policy.relative
        # in a comparison, later runs are graded against the first unless the policy names a reference
        first = views[0].run_id if relative is not None and relative.reference is None else None
        grades = [grade_run(loaded, store, view.run_id, first if i else None) for i, view in enumerate(views)]
    aisev_scores = []
    if gsn_dir is not None:
        trees = aisev_scoring.load_gsn_folder(gsn_dir)
        for view in views:
            aisev_scores.append(aisev_scoring.score_run(view.run_id, store.iter_attempts(view.run_id), view.checklist, trees))
    questions = aisev_scoring.checklist_questions()
    ids = itertools.count(1)

    def question_text(question_id: str) -> str:
        question = questions.get(question_id)
        return question.question.get(lang) if question else ""

    def leaf_counts(score: aisev_scoring.PerspectiveScore) -> str:
        counts: dict[str, int] = {}
        for leaf in score.leaves:
            key = f"{leaf.kind}_{leaf.status}"
            counts[key] = counts.get(key, 0) + 1
        return ", ".join(t(f"leaf_{key}", n=n) for key, n in sorted(counts.items()))

    labels = [t(f"short_{p.key}", id=p.id) for p in PERSPECTIVES]
    chart = radar(labels, [(v.run_id, [r.score for r in v.aggregate.perspectives.values()]) for v in views])
    context = {
        "lang": lang,
        "t": t,
        "has_key": t.has,
        "runs": views,
        "summaries": [_summary(v, t, lang) for v in views],
        "scorers": [scorer_entries(v.manifest) for v in views],
        "radar": chart,
        "radar_desc": _radar_description(views, t, lang),
        "outcomes": OUTCOME_COLUMNS,
        "comparisons": comparisons,
        "grades": grades,
        "aisev": aisev_scores,
        "any_metrics": any(v.metrics for v in views),
        "attack_tables": [(v.run_id, attack_rows(v.attacks)) for v in views if v.attacks],
        "any_checklist": any(v.checklist for v in views),
        "redact": redact,
        "max_items": max_items,
        "generated": datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "shinsa_version": shinsa.__version__,
        "pct": fmt.pct,
        "interval": fmt.interval,
        "signed": fmt.signed,
        "pvalue": fmt.pvalue,
        "bias": fmt.bias,
        "groups_key": lambda metrics: _groups_key(metrics, t),
        "rule_text": fmt.rule_text,
        "measured_text": fmt.measured_text,
        "relative_text": fmt.relative_text,
        "question_text": question_text,
        "answer_label": lambda value: AnswerScale(value).label(lang),
        "perspective_name": lambda pid: perspective(pid).name(lang),
        "leaf_counts": leaf_counts,
        "localized": lambda texts: (texts or {}).get(lang, ""),
        "to_json": lambda value: json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True),
        "next_id": lambda: next(ids),
    }
    return _environment().get_template("report.html.j2").render(context)


def write_report(
    store: Store,
    run_ids: Sequence[str],
    out_dir: str | Path,
    lang: str = "ja",
    redact: bool = False,
    policy: str | Path | None = None,
    gsn_dir: str | Path | None = None,
    max_items: int = 100,
) -> Path:
    """Write ``report.html`` into ``out_dir`` (atomically) and return its path."""
    html = render_report(store, run_ids, lang=lang, redact=redact, policy=policy, gsn_dir=gsn_dir, max_items=max_items)
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / REPORT_FILE
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{REPORT_FILE}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(html)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
