"""Throughput of Shinsa against a zero-latency OpenAI-compatible server, next to (a) a bare aiohttp
asyncio loop sending the same requests (the ceiling) and (b) inspect_ai running the same items
against the same server (installed in its own venv, see --inspect-python).

    .venv/bin/python bench/bench_throughput.py --items 10000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import bare_loop, fake_server, prompt_text, timed_process, write_suite

REPO = Path(__file__).resolve().parent.parent


def shinsa_run(base_url: str, suite: Path, db: str, concurrency: int, run_id: str) -> tuple[float, float]:
    """(samples/s of the run phase as Shinsa reports it, process wall seconds)."""
    sys.path.insert(0, str(REPO / "src"))
    from shinsa.run.engine import RunProgress, RunSpec, execute, prepare
    from shinsa.store.store import Store
    from shinsa.suites.loader import load_suite
    from shinsa.targets.base import TargetOptions, build_target

    store = Store(db)
    target = build_target("openai:fake", TargetOptions(base_url=base_url))
    spec = RunSpec(run_id, [load_suite(str(suite))], target, concurrency=concurrency, use_cache=False)
    wall = time.perf_counter()
    prepared = prepare(store, spec)
    progress = RunProgress(prepared.total)
    start = time.perf_counter()
    asyncio.run(execute(store, prepared, progress))
    end = time.perf_counter()
    return progress.done / (end - start), end - wall


INSPECT_SPAN = """
import glob, sys
from inspect_ai.log import read_eval_log
log = read_eval_log(sorted(glob.glob(sys.argv[1] + '/*.eval'))[-1], header_only=True)
assert log.status == 'success', log.error
accuracy = log.results.scores[0].metrics['accuracy'].value
span = (log.stats.completed_at and __import__('datetime').datetime.fromisoformat(log.stats.completed_at)
        - __import__('datetime').datetime.fromisoformat(log.stats.started_at)).total_seconds()
print(span, accuracy)
"""


def inspect_rate(python: str, base_url: str, n: int, concurrency: int, workdir: Path) -> dict[str, float] | None:
    """inspect_ai's samples/s over its eval span and over the whole process, on the same items."""
    if not Path(python).exists():
        return None
    logs = workdir / "inspect-logs"
    env = {**os.environ, "OPENAI_API_KEY": "bench", "OPENAI_BASE_URL": base_url, "BENCH_ITEMS": str(n),
           "INSPECT_LOG_DIR": str(logs), "PYTHONPATH": str(REPO / "bench")}
    start = time.perf_counter()
    subprocess.run(
        [python, "-m", "inspect_ai", "eval", "inspect_task.py", "--model", "openai/fake", "--display", "none",
         "-M", "responses_api=false", "--max-connections", str(concurrency), "--log-level", "error"],
        check=True, env=env, stdout=subprocess.DEVNULL, cwd=REPO / "bench",
    )
    wall = time.perf_counter() - start
    out = subprocess.run([python, "-c", INSPECT_SPAN, str(logs)], check=True, capture_output=True, text=True, env=env)
    span, accuracy = (float(x) for x in out.stdout.split())
    return {"span_rate": n / span, "wall_rate": n / wall, "accuracy": accuracy}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--inspect-python", default=str(REPO / "bench" / ".venv-inspect" / "bin" / "python"))
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "throughput.json")
    args = parser.parse_args()
    results: dict[str, object] = {"items": args.items, "concurrency": args.concurrency, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp, fake_server() as base_url:
        work = Path(tmp)
        suite = write_suite(work / "suite.jsonl", args.items)
        db = f"sqlite:///{work / 'bench.db'}"
        asyncio.run(bare_loop(base_url, 500, args.concurrency, prompt_text))  # warm the server
        bare = asyncio.run(bare_loop(base_url, args.items, args.concurrency, prompt_text))
        rate, wall = shinsa_run(base_url, suite, db, args.concurrency, "bench")
        env = {**os.environ, "SHINSA_DB": db, "COLUMNS": "120"}
        run_cli = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "-q", "--suite", str(suite),
                   "--target", "openai:fake", "--base-url", base_url, "--concurrency", str(args.concurrency),
                   "--max-tokens", "512", "--run-id", "bench"]  # as the in-process run (TargetOptions)
        resume, _ = timed_process(run_cli, env)  # the run "bench" is finished: this resumes it, sending nothing
        inspect = inspect_rate(args.inspect_python, base_url, args.items, args.concurrency, work)
    results.update(
        bare_aiohttp_rps=round(bare, 1),
        shinsa_samples_per_s=round(rate, 1),
        shinsa_wall_s_including_validation=round(wall, 2),
        shinsa_share_of_bare_loop=round(rate / bare, 3),
        resume_finished_run_cli_s=round(resume, 2),
    )
    if inspect:
        results.update(
            inspect_samples_per_s=round(inspect["span_rate"], 1),
            inspect_process_samples_per_s=round(inspect["wall_rate"], 1),
            inspect_accuracy=inspect["accuracy"],
            shinsa_vs_inspect=round(rate / inspect["span_rate"], 1),
        )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
