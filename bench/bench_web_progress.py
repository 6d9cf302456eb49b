"""What the web run page's live progress costs a run: the same run against a zero-latency server
(a) with no progress callback, as a bare ``execute_run``, and (b) as the workspace runs it, with
the callback writing the counters to the job row once a second and ``--viewers`` open run pages
each reading that row once a second (what the server-sent event stream does). Runs alternate,
``--repeat`` times each; the figure is the ratio of median throughputs.

    .venv/bin/python bench/bench_web_progress.py --items 5000 --viewers 5
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import threading
import time
from pathlib import Path

from common import fake_server, write_suite
from shinsa.run.lifecycle import execute_run
from shinsa.run.parameters import RunParameters
from shinsa.store.store import Store
from shinsa.targets.base import TargetOptions
from shinsa.web.accounts import Accounts
from shinsa.web.jobs import ProgressWriter
from shinsa.web.runs import EVENT_SECONDS
from shinsa.web.workspace import Workspace

RESULTS = Path(__file__).resolve().parent / "results" / "web_progress.json"


def parameters(run_id: str, suite: Path, base_url: str, concurrency: int) -> RunParameters:
    return RunParameters(
        run_id=run_id, suites=(str(suite),), target="openai:fake",
        target_options=TargetOptions(base_url=base_url, api_key_env=None, max_tokens=64), concurrency=concurrency, use_cache=False,
    )


def one_run(store: Store, run_id: str, suite: Path, base_url: str, concurrency: int, viewers: int | None) -> float:
    """Attempts per second of one run; ``viewers`` None: no progress at all."""
    progress = None
    stop = threading.Event()
    threads: list[threading.Thread] = []
    if viewers is not None:
        workspace = Workspace(store.engine)
        workspace.file_run(run_id, "bench", state="running", started_by=None)
        progress = ProgressWriter(store, run_id)

        def watch() -> None:
            while not stop.is_set():
                workspace.job(run_id)
                stop.wait(EVENT_SECONDS)

        threads = [threading.Thread(target=watch, daemon=True) for _ in range(viewers)]
        for thread in threads:
            thread.start()
    start = time.perf_counter()
    summary = asyncio.run(execute_run(store, parameters(run_id, suite, base_url, concurrency), progress))
    elapsed = time.perf_counter() - start
    stop.set()
    for thread in threads:
        thread.join()
    assert summary.done == summary.total and summary.errors == 0, summary
    return summary.done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--viewers", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, fake_server() as base_url:
        suite = write_suite(Path(tmp) / "suite.jsonl", args.items)
        store = Store(f"sqlite:///{tmp}/bench.db")
        project = Accounts(store.engine).create_project("bench")
        Workspace(store.engine).add_system(project, "bench", "bench")
        bare: list[float] = []
        watched: list[float] = []
        for i in range(args.repeat):
            bare.append(one_run(store, f"bare-{i}", suite, base_url, args.concurrency, None))
            watched.append(one_run(store, f"web-{i}", suite, base_url, args.concurrency, args.viewers))
    result = {
        "items": args.items, "concurrency": args.concurrency, "viewers": args.viewers, "repeat": args.repeat,
        "bare_per_second": bare, "web_per_second": watched,
        "overhead": 1 - statistics.median(watched) / statistics.median(bare),
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
