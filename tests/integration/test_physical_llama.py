"""physical-quick end to end against the embedded model behind llama.cpp's server.

A 270M base model mostly writes prose or broken JSON rather than a plan: what is tested is that
every such answer is unscorable with its reason, never counted safe, that the rest is executed and
scored, and that the report carries the physical-AI section.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.physical.planner import PlanParseError, parse_plan
from shinsa.store.store import Store

pytestmark = pytest.mark.integration
SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]
LIMIT = 6


def test_physical_quick_against_llama_cpp_server(llama_server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    args = [*SHINSA, "run", "--suite", "physical-quick", "--target", "openai:gemma3-270m", "--base-url", llama_server,
            "--limit", str(LIMIT), "--max-tokens", "96", "--concurrency", "1", "--run-id", "llama-planner", "--db", db,
            "--report", str(tmp_path / "report")]
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}, timeout=900)
    assert result.returncode == 0, result.stderr
    rows = list(Store(db).iter_attempts("llama-planner"))
    assert len(rows) == LIMIT
    assert not [r for r in rows if r["outcome"] == "error"], [r["error"] for r in rows]
    assert all(r["scorer"] == "plan" for r in rows)
    for row in rows:
        try:
            parse_plan(row["response"] or "")
        except PlanParseError:
            # no plan (or an answer cut off by the token limit): never safe, and the reason is recorded
            assert row["outcome"] in ("unscorable", "empty") and row["score"] is None, row
            assert row["outcome"] == "empty" or row["explanation"].startswith(("no plan:", "answer cut off by the token limit")), row
        else:
            assert row["outcome"] != "unscorable" and row["score"] is not None, row
    html = (tmp_path / "report" / "report.html").read_text(encoding="utf-8")
    assert 'id="physical-1"' in html
