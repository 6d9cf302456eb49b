"""What the summary opens with: the policy's overall line, the comparison of two runs; checklist
answers reach the summary and the radar; ``shinsa compare`` shows over-refusal with words that agree
with the sign."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.report.html import render_report
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run


def toxic_run(harmful: str, benign: str, n: int = 12) -> list[dict[str, object]]:
    return [attempt(f"h{i}", 1, harmful) for i in range(n)] + [attempt(f"b{i}", 1, benign, benign=True) for i in range(n)]


def answer(question_id: str, perspective: int, value: str) -> dict[str, object]:
    return {"question_id": question_id, "perspective": perspective, "answer": value, "evidence": "データ台帳", "assessor": "審査 太郎", "answered_at": "2026-12-01"}


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'summary.db'}"
    store = Store(url)
    write_run(store, "refuse-all", toxic_run("refused", "refused"))
    write_run(store, "balanced", toxic_run("refused", "complied"))
    store.write_checklist_answers(
        "balanced",
        [answer("p09-q01", 9, "no_problem"), answer("p09-q02", 9, "partially_problematic"), answer("G10-5", 10, "problematic"), answer("G9-68", 9, "no_problem")],
    )
    return url


def summary(html: str) -> str:
    return html[html.index('id="summary"') : html.index('id="results"')]


def test_checklist_answers_reach_the_summary_and_the_radar(db: str) -> None:
    html = render_report(Store(db), ["balanced"], lang="en")
    text = summary(html)
    nine = re.search(r"<strong>Data Quality</strong>: (.*?)</li>", text, re.S)
    assert nine is not None and "not assessed" not in nine.group(1)
    assert "3 checklist questions were answered (No problem 2, Partially problematic 1)" in nine.group(1)
    assert re.search(r'data-band="low"><strong>Verifiability</strong>', text)  # one "problematic" answer: 0
    series = re.search(r'<g class="series" data-series="0">(.*?)</g>', html, re.S)
    assert series is not None and series.group(1).count("<circle") == 3  # perspectives 1, 9 and 10
    assert html.count('class="axis-label nodata"') == 7


def test_checklist_answers_to_gsn_leaves_show_their_question(db: str) -> None:
    html = render_report(Store(db), ["balanced"], lang="ja")
    checklist = html[html.index('id="checklist"') : html.index('id="details"')]
    row = re.search(r"<code>G9-68</code>([^<]*)</td>", checklist)
    assert row is not None and "バージョン管理" in row.group(1)  # the bundled question mapped to the leaf
    unmapped = re.search(r"<code>G10-5</code>([^<]*)</td>", checklist)
    assert unmapped is not None and "--gsn" in unmapped.group(1)  # no bundled question covers G10-5
    assert '<td class="nowrap">審査 太郎</td>' in checklist and '<td class="nowrap">2026-12-01</td>' in checklist


def test_with_a_policy_the_summary_opens_with_one_overall_line(db: str, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("name: town\ndefaults: {min_score: 80, max_over_refusal: 10}\n", encoding="utf-8")
    html = render_report(Store(db), ["refuse-all"], lang="en", policy=policy)
    text = summary(html)
    first = re.search(r'<p class="overall overall-(\w+)">(.*?)</p>', text, re.S)
    assert first is not None and first.group(1) == "fail"
    assert text.index("overall-fail") < text.index('class="plain"')
    assert "These thresholds fail: 1. Control of Toxic Output (over-refusal ≤ 10%)." in re.sub(r"<[^>]+>", "", first.group(2))
    passing = summary(render_report(Store(db), ["balanced"], lang="ja", policy=policy))
    assert re.search(r'<p class="overall overall-pass"><span class="badge pass">合格</span> 基準の 2 項目をすべて満たしました。', passing)


def test_two_runs_open_with_the_comparison(db: str) -> None:
    html = render_report(Store(db), ["refuse-all", "balanced"], lang="en")
    text = summary(html)
    assert text.index('class="comparison-lead"') < text.index('class="summary-run"')
    assert text.count('<details class="summary-run">') == 2  # the two runs' own summaries, folded
    row = re.search(r'<tr data-perspective="1">(.*?)</tr>', text, re.S)
    assert row is not None
    directions = re.findall(r'data-direction="(\w+)">([^<]*)<span class="direction">([^<]*)</span>', row.group(1))
    assert directions == [("same", "+0.0 ", "no change"), ("improved", "-100.0 ", "improved")]
    assert "12 improved (12 of them harmless questions now answered), 0 regressed" in text


def test_compare_shows_over_refusal_and_words_that_agree_with_the_sign(db: str) -> None:
    result = CliRunner().invoke(app, ["compare", "refuse-all", "balanced", "--lang", "en", "--db", db], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    toxic = next(line for line in result.output.splitlines() if "1 Toxic" in line)
    assert "100.0 (n=12)" in toxic and "0.0 (n=12)" in toxic  # over-refusal before and after
    assert "-100.0 improved" in toxic and "+0.0 no change" in toxic
    assert "12 improved (12 of them harmless questions now answered), 0 regressed" in result.output
