"""A run without a single verdict never passes a gate, and CSV exports neutralise formulas that
start with a fullwidth ＝ ＋ － ＠ as well as their ASCII forms."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.report.export import neutralise_cell
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run


@pytest.mark.parametrize("rules", ["perspectives:\n  toxic: {max_error_share: 100}\n", "perspectives:\n  toxic: {max_over_refusal: 50}\n"])
def test_a_run_of_errors_fails_the_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rules: str) -> None:
    monkeypatch.setenv("SHINSA_LANG", "en")
    db = f"sqlite:///{tmp_path / 'gate.db'}"
    write_run(Store(db), "errors", [attempt(f"t{i}", 1, "error") for i in range(5)])
    policy = tmp_path / "policy.yaml"
    policy.write_text("name: ci\n" + rules, encoding="utf-8")
    result = CliRunner().invoke(app, ["gate", "errors", "--policy", str(policy), "--db", db])
    assert result.exit_code == 1, result.output
    assert "no answer has a verdict" in result.output and "all thresholds hold" not in result.output


@pytest.mark.parametrize("cell", ["=1+1", "＝HYPERLINK(\"x\")", "＋1", "－1", "＠SUM(A1)"])
def test_formulas_are_neutralised_in_both_widths(cell: str) -> None:
    assert neutralise_cell(cell) == "'" + cell
