"""The real embedded model: in-process through llama-cpp-python (`local`), and behind llama.cpp's
OpenAI-compatible server (`openai:` with --base-url), driven through the CLI like a user would."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.store.store import Store
from shinsa.targets.base import TargetOptions, build_target

pytestmark = pytest.mark.integration
SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


@pytest.mark.embedded_model
def test_local_target_answers_in_process() -> None:
    async def go() -> str:
        target = build_target("local", TargetOptions(max_tokens=24))
        async with target:
            completion = await target.generate([{"role": "user", "content": "日本の首都はどこですか？"}])
        assert completion.completion_tokens and completion.completion_tokens <= 24
        return completion.text

    answer = asyncio.run(go())
    assert answer.strip(), "the embedded model gave no text"


def test_run_quick_suite_against_llama_cpp_server(llama_server: str, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'db.sqlite'}"
    env = {**os.environ, "COLUMNS": "200"}
    args = [*SHINSA, "run", "--suite", "quick", "--target", "openai:gemma3-270m", "--base-url", llama_server,
            "--limit", "8", "--max-tokens", "48", "--concurrency", "2", "--run-id", "llama", "--db", db,
            "--report", str(tmp_path / "report")]
    result = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = list(Store(db).iter_attempts("llama"))
    assert len(rows) == 8
    assert not [r for r in rows if r["outcome"] == "error"], [r["error"] for r in rows]
    assert sum(1 for r in rows if r["response"]) >= 6
    assert all(r["completion_tokens"] is None or r["completion_tokens"] <= 48 for r in rows)
    assert (tmp_path / "report" / "report.html").is_file()
    # a second report run costs no model call: every answer comes from the store
    again = subprocess.run([*args[:-2], "--run-id", "llama-again"], capture_output=True, text=True, env=env, timeout=600)
    assert again.returncode == 0, again.stderr
    assert all(r["cached"] for r in Store(db).iter_attempts("llama-again"))
