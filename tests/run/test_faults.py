"""A run against a server that fails 20% of requests in every way a real one does still ends with
every item either answered or recorded as an error after its retries."""

import asyncio
import json
from pathlib import Path

import pytest

from shinsa.run.engine import RunSpec, execute, prepare
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions, build_target
from shinsa.targets.calling import RetryPolicy


@pytest.mark.integration
def test_twenty_percent_faults(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(fault_rate=0.2, hang_seconds=5, seed=7)
    suite_path = tmp_path / "s.jsonl"
    with suite_path.open("w") as handle:
        for i in range(300):
            handle.write(json.dumps({"id": f"q{i}", "perspective": 1 + i % 8, "prompt": f"q{i}",
                                     "expected": "contain", "reference": [f"q{i}"]}) + "\n")
    target = build_target("openai:fake", TargetOptions(base_url=server.base_url, timeout=1.0))
    store = Store(sqlite_url)
    policy = RetryPolicy(max_retries=6, base_delay=0.01, max_delay=0.2)
    spec = RunSpec("faults", [load_suite(str(suite_path))], target, concurrency=16, retry=policy, use_cache=False)
    asyncio.run(execute(store, prepare(store, spec)))

    rows = list(store.iter_attempts("faults"))
    assert sorted(r["item_id"] for r in rows) == sorted(f"q{i}" for i in range(300))
    for row in rows:
        if row["outcome"] == "error":
            assert row["retries"] == policy.max_retries and row["error"]
        else:
            assert row["outcome"] == "passed", row
    assert sum(r["retries"] for r in rows) > 0
    faults = server.stats()["faults"]
    assert all(count > 0 for count in faults.values()), faults
    # every answered item was answered by the server exactly once it got through
    answered = server.requests()
    assert sorted(set(answered)) == sorted(r["item_id"] for r in rows if r["outcome"] != "error")
