"""What ``shinsa run`` prints: one column per outcome within 80 columns and a legend that does not
wrap, a progress bar whose counters agree with the summary, a progress line every few seconds when
stderr is not a terminal, and a one-line hint when answers time out."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from shinsa.cli import common
from shinsa.cli.run_commands import _summary_table
from shinsa.report.aggregate import aggregate
from shinsa.run.engine import RunProgress
from shinsa.testing.runs import attempt


def test_summary_has_one_column_per_outcome_within_80_columns() -> None:
    rows = [attempt(f"h{i}", 1, "refused") for i in range(120)] + [attempt(f"b{i}", 1, "refused", benign=True) for i in range(12)]
    rows += [attempt("m", 2, "failed", expected="match"), attempt("e", 6, "error", None), attempt("v", 10, "passed", expected="match")]
    out = io.StringIO()
    Console(file=out, width=80).print(_summary_table(aggregate("r", rows), "run r"))
    lines = out.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if line.startswith("perspective"))
    assert header.split() == ["perspective", "score", "95%", "CI", "n", "ref", "comp", "part", "pass", "fail", "n/v", "over-ref"]
    assert lines[3].split() == ["1", "toxic", "100.0", "97–100", "120", "132", "0", "0", "0", "0", "0", "100%/12"]
    legend = [line for line in lines if line.startswith(("score:", "ref/comp", "n/v:"))]
    assert len(legend) == 3  # three whole lines, none wrapped or centred


def test_progress_bar_ends_with_the_counts_the_summary_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(common, "err_console", Console(file=screen, force_terminal=True, width=200))
    progress = RunProgress(35, sending=True)
    with common.ProgressBar("r", quiet=False) as bar:
        bar(progress)
        progress.done = progress.cached = 35  # all from cache, between two ticks
    assert "cached 35" in screen.getvalue() and "left" in screen.getvalue()


def test_without_a_terminal_progress_lines_and_a_timeout_hint(tmp_path: Path, sqlite_url: str, fake_server: Any) -> None:
    server = fake_server(latency=2.0)
    suite = tmp_path / "s.jsonl"
    suite.write_text("".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"question {i}"}) + "\n" for i in range(14)), encoding="utf-8")
    command = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--suite", str(suite), "--target", "openai:m",
               "--base-url", server.base_url, "--timeout", "0.5", "--max-retries", "0", "--concurrency", "1", "--run-id", "slow", "--db", sqlite_url]
    env = {**os.environ, "OPENAI_API_KEY": "sk-test", "COLUMNS": "200"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("slow: ") and "/14 (" in line and "errors" in line for line in lines), result.stderr
    hint = [line for line in lines if line.startswith("hint: ")]
    assert hint == ["hint: 14 of 14 answers timed out after 0.5s with 1 requests in flight; a slow server needs fewer at once "
                    "or more time: --concurrency 1 --timeout 1.5 --run-id slow retries them"]


def test_attack_rate_tables_show_whole_attack_ids_and_both_counts() -> None:
    from shinsa.cli.redteam import _rate_table
    from shinsa.redteam.results import attack_success_rates

    rows = []
    for name in ("tpl:developer_mode_v2|conv:base64|conv:rot13", "tpl:developer_mode_v2|conv:base64|conv:leet"):
        rows += [attempt(f"i{i}", 1, "complied" if i else "refused", attack_id=name) for i in range(3)]
    rows += [attempt(f"i{i}", 1, "refused", attack_id="baseline") for i in range(3)]
    results = attack_success_rates(rows)
    out = io.StringIO()
    Console(file=out, width=80).print(_rate_table("per attack", "attack", [(r.label, r) for r in results.by_attack]))
    text = out.getvalue()
    assert "attacked" in text and "asked" in text
    folded = "".join(line.split("│")[1].strip() if "│" in line else "" for line in text.splitlines())
    assert "conv:rot13" in folded and "conv:leet" in folded  # the ids differ only at their end
    counts = [line.split("│")[3].strip() for line in text.splitlines() if line.count("│") >= 7 and "[" in line.split("│")[2]]
    assert counts and all(c == "3" for c in counts)


def test_timeouts_at_the_default_concurrency_are_retried_with_fewer_in_flight(tmp_path: Path, sqlite_url: str, fake_server: Any) -> None:
    server = fake_server(latency=2.0)
    suite = tmp_path / "s.jsonl"
    suite.write_text("".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"question {i}"}) + "\n" for i in range(6)), encoding="utf-8")
    command = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--suite", str(suite), "--target", "openai:m",
               "--base-url", server.base_url, "--timeout", "0.5", "--max-retries", "0", "--run-id", "adapt", "--db", sqlite_url, "-q"]
    env = {**os.environ, "OPENAI_API_KEY": "sk-test", "COLUMNS": "200"}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "6 answers timed out with 32 requests in flight; retrying them with 8" in result.stderr
    assert "--concurrency 2 --timeout 1.5 --run-id adapt" in result.stderr  # still too slow: the hint, for 8 in flight
