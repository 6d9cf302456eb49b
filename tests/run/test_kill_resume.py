"""kill -9 of `shinsa run` mid-run, then resume with the same --run-id: the server sees no second
request for an item that had finished, and the export has every item exactly once."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from shinsa.store.store import Store

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


@pytest.mark.integration
def test_kill_and_resume(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(latency=0.02)
    suite = tmp_path / "s.jsonl"
    n = 400
    with suite.open("w") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"q{i:04d}", "perspective": 1, "prompt": f"prompt {i:04d}",
                                     "expected": "contain", "reference": ["prompt"]}) + "\n")
    args = [*SHINSA, "run", "-q", "--suite", str(suite), "--target", "openai:fake", "--base-url", server.base_url,
            "--run-id", "killme", "--concurrency", "4", "--db", sqlite_url]
    env = {**os.environ, "COLUMNS": "200"}
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    store = Store(sqlite_url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        time.sleep(0.2)
        if store.get_run("killme") and sum(store.count_attempts("killme").values()) >= n // 4:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    finished_before = {r["item_id"] for r in store.iter_attempts("killme")}
    assert n // 4 <= len(finished_before) < n
    seen_before = len(server.requests())

    resumed = subprocess.run(args, capture_output=True, text=True, env=env, timeout=120)
    assert resumed.returncode == 0, resumed.stderr

    second_phase = {p.removeprefix("prompt ") for p in server.requests()[seen_before:]}
    assert not {f"{i}" for i in second_phase} & {i.removeprefix("q") for i in finished_before}

    export = subprocess.run([*SHINSA, "export", "killme", "--db", sqlite_url], capture_output=True, text=True, env=env)
    ids = [json.loads(line)["item_id"] for line in export.stdout.splitlines()]
    assert sorted(ids) == [f"q{i:04d}" for i in range(n)]
    assert store.get_run("killme")["status"] == "finished"
