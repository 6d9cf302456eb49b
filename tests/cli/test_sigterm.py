"""SIGTERM stops a run as Ctrl-C does: what finished is kept, one message says how to resume,
the exit code is the conventional 143, and the resumed run finishes."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shinsa.store.store import Store


@pytest.mark.integration
def test_sigterm_is_a_clean_stop_and_the_run_resumes(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(latency=0.1)
    suite = tmp_path / "s.jsonl"
    suite.write_text(
        "".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}", "expected": "contain", "reference": [f"q{i}"]}) + "\n" for i in range(200)),
        encoding="utf-8",
    )
    env = {**os.environ, "SHINSA_DB": sqlite_url, "PYTHONPATH": os.pathsep.join(sys.path)}
    env.pop("OPENAI_API_KEY", None)
    args = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--suite", str(suite),
            "--target", "openai:m", "--base-url", server.base_url, "--run-id", "term", "--concurrency", "2", "--quiet"]
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while len(server.requests()) < 10 and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "CancelledError" not in stderr and "--run-id term" in stderr
    store = Store(sqlite_url)
    assert store.get_run("term")["status"] == "interrupted"  # type: ignore[index]
    kept = sum(store.count_attempts("term").values())
    assert kept >= 10

    resumed = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert resumed.returncode == 0, resumed.stderr
    assert store.get_run("term")["status"] == "finished"  # type: ignore[index]
    assert store.count_attempts("term") == {"passed": 200}
