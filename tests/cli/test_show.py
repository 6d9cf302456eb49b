"""``shinsa show``: the per-perspective table, then consistency and BBQ results when the run has them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, consistency_rows, write_run


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'show.db'}"
    store = Store(url)
    write_run(store, "groups", consistency_rows())
    write_run(store, "plain", [attempt("a", 1, "refused"), attempt("b", 1, "complied")])
    store.close()
    return url


def show(run_id: str, db: str) -> str:
    result = CliRunner().invoke(app, ["show", run_id, "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


def metric_rows(output: str) -> dict[tuple[str, str], list[str]]:
    """Rows of the consistency table keyed by (measure, perspective): value, CI, n, note."""
    table = output[output.index("consistency and bias") :]
    rows = {}
    for line in table.splitlines():
        cells = [cell.strip() for cell in re.split(r"│", line)[1:-1]]
        if len(cells) == 6:
            rows[(cells[0], cells[1])] = cells[2:]
    return rows


def test_consistency_and_bbq_after_the_perspective_table(db: str) -> None:
    output = show("groups", db)
    assert output.index("baseline (no attack)") < output.index("consistency and bias (no attack)")
    rows = metric_rows(output)
    assert rows[("consistent groups", "8 robustness")] == ["66.7", "21–94", "3", "4 groups, 2 incomplete, 1 under 2 verdicts"]
    assert rows[("consistent groups", "3 fairness")][:3] == ["50.0", "9–91", "2"]
    assert rows[("BBQ accuracy, ambiguous (ja)", "3 fairness")][:3] == ["33.3", "6–79", "3"]
    assert rows[("BBQ accuracy, disambiguated (ja)", "3 fairness")][:3] == ["66.7", "21–94", "3"]
    assert rows[("BBQ bias s_AMB (ja)", "3 fairness")][0] == "+0.67"
    assert rows[("BBQ bias s_DIS (ja)", "3 fairness")][0] == "+0.33"
    assert rows[("BBQ no option chosen (ja)", "3 fairness")][0] == "1"
    assert rows[("consistent JA/EN pairs", "all")] == ["75.0", "30–95", "4", "5 pairs, 1 incomplete, 1 under 2 verdicts"]


def test_no_table_without_groups_pairs_or_bbq(db: str) -> None:
    output = show("plain", db)
    assert "baseline (no attack)" in output and "consistency and bias" not in output
