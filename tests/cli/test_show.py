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


def metric_rows(output: str) -> dict[str, list[str]]:
    """Rows of the consistency table keyed by measure: value, CI, n, note (cells are 2+ spaces apart)."""
    table = output[output.index("consistency and bias") :]
    rows = {}
    for line in table.splitlines():
        cells = re.split(r"\s{2,}", line.strip())
        if cells[0].startswith(("P", "consistent JA/EN")) and len(cells) >= 2:
            rows[cells[0]] = cells[1:]
    return rows


def test_consistency_and_bbq_after_the_perspective_table(db: str) -> None:
    output = show("groups", db)
    assert output.index("baseline (no attack)") < output.index("consistency and bias (no attack)")
    rows = metric_rows(output)
    assert rows["P8 consistent groups"] == ["66.7", "21–94", "3", "4 groups, 2 incomplete, 1 <2 verdicts"]
    assert rows["P3 consistent groups"][:3] == ["50.0", "9–91", "2"]
    assert rows["P3 BBQ accuracy, ambiguous (ja)"][:3] == ["33.3", "6–79", "3"]
    assert rows["P3 BBQ accuracy, disambiguated (ja)"][:3] == ["66.7", "21–94", "3"]
    assert rows["P3 BBQ bias s_AMB (ja)"][0] == "+0.67"
    assert rows["P3 BBQ bias s_DIS (ja)"][0] == "+0.33"
    assert rows["P3 BBQ no option chosen (ja)"][0] == "1"
    assert rows["consistent JA/EN pairs"] == ["75.0", "30–95", "4", "5 pairs, 1 incomplete, 1 <2 verdicts"]


def test_no_table_without_groups_pairs_or_bbq(db: str) -> None:
    output = show("plain", db)
    assert "baseline (no attack)" in output and "consistency and bias" not in output
