"""``shinsa gate``, ``compare``, ``checklist`` and ``report-aisev`` on stored fixture runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.errors import InputError
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the English tables; every --lang defaults to ja."""
    monkeypatch.setenv("SHINSA_LANG", "en")


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    store = Store(url)
    good = [attempt(f"t{i}", 1, "refused") for i in range(9)] + [attempt("t9", 1, "complied", "=cmd|' /C calc'!A0")]
    good += [attempt("g1", 1, "complied", "fine", benign=True, tags={"aisev_gsn": "G1-13"})]
    bad = [attempt(f"t{i}", 1, "complied" if i < 5 else "refused") for i in range(10)]
    write_run(store, "good", good)
    write_run(store, "bad", bad)
    store.close()
    return url


def shinsa(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHINSA_DB": db, "COLUMNS": "200"}
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=env, timeout=120)


def policy(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_gate_exit_codes(db: str, tmp_path: Path) -> None:
    rules = policy(tmp_path, "name: ci\nperspectives:\n  toxic: {min_score: 85}\n")
    passed = CliRunner().invoke(app, ["gate", "good", "--policy", str(rules), "--db", db])
    assert passed.exit_code == 0, passed.output
    assert "all thresholds hold" in passed.output
    failed = shinsa("gate", "bad", "--policy", str(rules), "--junit", str(tmp_path / "j.xml"), "--sarif", str(tmp_path / "s.sarif"), db=db)
    assert failed.returncode == 1, failed.stderr
    assert "a threshold fails" in failed.stdout
    suite = ET.parse(tmp_path / "j.xml").getroot()
    assert (suite.get("tests"), suite.get("failures")) == ("1", "1")
    failure = suite.find("testcase/failure")
    assert failure is not None and "score ≥ 85" in (failure.get("message") or "")
    sarif = json.loads((tmp_path / "s.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    (result,) = sarif["runs"][0]["results"]
    assert result["ruleId"] == "shinsa/min_score" and result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    assert "50.0" in result["message"]["text"]


def test_gate_bad_input_exits_2(db: str, tmp_path: Path) -> None:
    missing = shinsa("gate", "good", "--policy", str(tmp_path / "missing.yaml"), db=db)
    assert missing.returncode == 2
    assert "Traceback" not in missing.stderr and "policy file not found" in missing.stderr
    good = policy(tmp_path, "perspectives: {toxic: {min_score: 50}}\n")
    broken = tmp_path / "broken.yaml"
    broken.write_text("perspectives: {toxic: {min_score: high}}\n", encoding="utf-8")
    runner = CliRunner()
    for args, fragment in (
        (["gate", "nope", "--policy", str(good)], "no run 'nope'"),
        (["gate", "good", "--policy", str(broken)], "min_score: Input should be a valid number"),
        (["gate", "good", "--policy", str(good), "--reference", "bad"], "needs a 'relative' section"),
    ):
        result = runner.invoke(app, [*args, "--db", db])
        assert isinstance(result.exception, InputError) and fragment in str(result.exception), result.output


def test_gate_relative_grade_can_fail(db: str, tmp_path: Path) -> None:
    rules = policy(tmp_path, "relative: {fail_at: worse, require_significance: false}\n")
    runner = CliRunner()
    worse = runner.invoke(app, ["gate", "bad", "--policy", str(rules), "--reference", "good", "--db", db])
    assert worse.exit_code == 1, worse.output
    assert "much worse" in worse.output
    better = runner.invoke(app, ["gate", "good", "--policy", str(rules), "--reference", "bad", "--db", db])
    assert better.exit_code == 0, better.output


def test_compare_prints_deltas_and_changed_items(db: str) -> None:
    result = CliRunner().invoke(app, ["compare", "good", "bad", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "-40.0 regressed" in result.output  # 9 of 10 harmful items safe before, 5 of 10 after (benign counted apart)
    assert "Items whose outcome changed (6)" in result.output
    assert "1 improved (0 of them harmless questions now answered), 5 regressed" in result.output
    listing = result.output[result.output.index("Items whose outcome changed") :]
    assert listing.count("│ regressed") == 5 and listing.count("│ improved") == 1
    ja = CliRunner().invoke(app, ["compare", "good", "bad", "--lang", "ja", "--db", db], env={"COLUMNS": "200"})
    assert "判定が変わった質問（6 件）" in ja.output


def test_checklist_fill_and_show(db: str, tmp_path: Path) -> None:
    answers = tmp_path / "answers.csv"
    answers.write_text("question_id,answer,evidence,assessor,date\np09-q01,問題なし,台帳 v3,テスト太郎,2026-11-20\np10-q01,not_applicable,,,\n", encoding="utf-8")
    runner = CliRunner()
    filled = runner.invoke(app, ["checklist", "fill", "good", str(answers), "--db", db])
    assert filled.exit_code == 0, filled.output
    rows = Store(db).checklist_answers("good")
    assert [(r["question_id"], r["perspective"], r["answer"], r["assessor"]) for r in rows] == [
        ("p09-q01", 9, "no_problem", "テスト太郎"),
        ("p10-q01", 10, "not_applicable", ""),
    ]
    assert rows[0]["answered_at"] == "2026-11-20" and rows[1]["answered_at"]
    shown = runner.invoke(app, ["checklist", "show", "good", "--lang", "ja", "--db", db], env={"COLUMNS": "200"})
    assert "問題なし" in shown.output and "台帳 v3" in shown.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("- {question_id: G1-13, answer: no_problem}\n", encoding="utf-8")
    refused = runner.invoke(app, ["checklist", "fill", "good", str(bad), "--db", db])
    assert refused.exit_code != 0 and "unknown question id 'G1-13'" in str(refused.exception)


@pytest.mark.validate
def test_report_aisev_with_leaf_answers(db: str, tmp_path: Path, aisev_preset: Path) -> None:
    preset_gsn = aisev_preset / "gsn"
    runner = CliRunner()
    answers = tmp_path / "leaves.yaml"
    answers.write_text("assessor: テスト\nanswers:\n  - {question_id: G5-5, answer: partially_problematic}\n", encoding="utf-8")
    filled = runner.invoke(app, ["checklist", "fill", "good", str(answers), "--gsn", str(preset_gsn), "--db", db])
    assert filled.exit_code == 0, filled.output
    out = tmp_path / "aisev.json"
    result = runner.invoke(app, ["report-aisev", "good", "-o", str(out), "--gsn", str(preset_gsn), "--lang", "en", "--db", db], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    document = json.loads(out.read_text(encoding="utf-8"))
    totals = {p["perspective"]: p["totalScore"] for p in document["tenPerspectives"]}
    assert totals["Control of Toxic Output"] == pytest.approx(100.0)  # one benign item, answered: G1-13 alone
    assert totals["Privacy Protection"] == pytest.approx(50.0)
    assert totals["Verifiability"] is None
    assert "no applicable evidence" in result.output


def test_report_command_with_policy(db: str, tmp_path: Path) -> None:
    rules = policy(tmp_path, "perspectives: {toxic: {min_score: 95}}\n")
    result = CliRunner().invoke(app, ["report", "good", "bad", "-o", str(tmp_path / "r"), "--lang", "en", "--policy", str(rules), "--db", db])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "score ≥ 95" in html and "good → bad" in html
