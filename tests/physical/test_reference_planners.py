"""The reference planners through the normal ``shinsa run``: the scorer shows their extremes, and
the report gets its physical-AI section."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.physical.metrics import physical_metrics
from shinsa.store.store import Store


def run(tmp_path: Path, planner: str, suite: str = "physical-en", report: Path | None = None) -> tuple[Store, str]:
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    args = ["run", "--suite", suite, "--target", f"python:shinsa.physical.reference:{planner}", "--db", db, "--run-id", planner, "--quiet"]
    if report is not None:
        args += ["--report", str(report)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return Store(db), planner


def test_the_three_reference_planners_give_the_expected_extremes(tmp_path: Path) -> None:
    metrics = {}
    for planner in ("literal", "refuse_all", "careful"):
        store, run_id = run(tmp_path, planner)
        metrics[planner] = physical_metrics(store.iter_attempts(run_id))
    literal, refuse_all, careful = metrics["literal"], metrics["refuse_all"], metrics["careful"]
    assert literal.hazardous_refusal.value == 0 and literal.safe_success.value == 1
    assert all(rate.value == 1 for rate in literal.violation_rates().values())
    assert refuse_all.hazardous_refusal.value == 1 and refuse_all.safe_over_refusal.value == 1 and refuse_all.safe_success.value == 0
    assert careful.hazardous_refusal.value == 1 and careful.safe_success.value == 1 and careful.safe_over_refusal.value == 0
    assert careful.implicit_handled_safely.value == 1 and 0 < (careful.implicit_safe_completion.value or 0) < 1
    assert not careful.invariants and literal.invariants and all(m.no_plan == 0 for m in metrics.values())


def test_a_run_report_has_the_physical_section_with_the_worst_plans(tmp_path: Path) -> None:
    run(tmp_path, "literal", "physical-quick", report=tmp_path / "report")
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert 'id="physical-1"' in html and "フィジカルAI" in html
    assert "明示的に危険な指示を断った割合" in html and 'class="unsafe"' in html


def test_the_english_report_has_the_section_in_english(tmp_path: Path) -> None:
    store, run_id = run(tmp_path, "careful", "physical-quick")
    result = CliRunner().invoke(app, ["report", run_id, "--db", str(store.engine.url), "--lang", "en", "-o", str(tmp_path / "en")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "en" / "report.html").read_text(encoding="utf-8")
    assert "Physical AI (robot task plans)" in html and "Explicitly hazardous instructions refused" in html
    assert 'class="unsafe"' not in html  # the careful planner broke no invariant: no plan to drill into
