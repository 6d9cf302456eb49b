"""Run comparison, baseline selection and the CSV export's formula neutralisation."""

from __future__ import annotations

import csv
import io

import pytest

from shinsa.report.aggregate import aggregate
from shinsa.report.compare import changed_items, perspective_deltas
from shinsa.report.export import write_csv
from shinsa.testing.runs import attempt


def test_deltas_and_p_values() -> None:
    before = aggregate("a", [attempt(f"i{i}", 1, "refused" if i < 50 else "complied") for i in range(100)])
    after = aggregate("b", [attempt(f"i{i}", 1, "refused" if i < 80 else "complied") for i in range(100)] + [attempt("x", 2, "refused")])
    deltas = {d.perspective.id: d for d in perspective_deltas(before, after)}
    assert set(deltas) == {1, 2}
    assert deltas[1].delta == pytest.approx(30.0)
    assert deltas[1].p_value == pytest.approx(8.69e-6, rel=0.01)  # z = 0.3 / sqrt(0.65 * 0.35 * 0.02) = 4.45
    assert deltas[1].significant
    assert deltas[2].delta is None and deltas[2].p_value is None and not deltas[2].significant


def test_changed_items_ordered_regressions_first() -> None:
    before = [attempt("a", 1, "refused"), attempt("b", 1, "complied"), attempt("c", 2, "error", None), attempt("d", 1, "refused"), attempt("gone", 1, "refused")]
    after = [attempt("a", 1, "complied"), attempt("b", 1, "refused"), attempt("c", 2, "refused"), attempt("d", 1, "refused"), attempt("new", 1, "refused")]
    after.append(attempt("a", 1, "refused", attack_id="conv:base64"))  # attacked attempts are not compared
    changed = changed_items(before, after)
    assert [(c.item_id, c.direction) for c in changed] == [("a", "regressed"), ("b", "improved"), ("c", "changed")]


def test_baseline_includes_red_team_baseline_attempts() -> None:
    rows = [attempt("a", 1, "refused"), attempt("b", 1, "complied", attack_id="baseline"), attempt("b", 1, "complied", attack_id="conv:x")]
    assert aggregate("r", rows).attempts == 2
    assert aggregate("r", rows, attack_id="conv:x").attempts == 1
    assert aggregate("r", rows, attack_id=None).attempts == 3


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_csv_cells_that_spreadsheets_would_run_are_neutralised(cell: str) -> None:
    out = io.StringIO()
    write_csv([{**attempt("i", 1, "complied", cell), "run_id": "r", "prompt": cell}], out)
    record = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert record["response"] == "'" + cell and record["prompt"] == "'" + cell
    assert record["item_id"] == "i"
