"""Cost of the physical-AI simulator and of a whole physical suite run.

Two figures: the time to execute one 30-step plan in the simulator (target < 5 ms), timed over many
repetitions of the longest bundled scenes; and the wall-clock time of the whole process
``shinsa run --suite physical-ja --target python:shinsa.physical.reference:careful`` (start-up,
loading and validating 350 tasks, planning, executing and scoring every plan, committing to SQLite;
target < 10 s).

    PYTHONPATH=src .venv/bin/python bench/bench_physical.py [--repeat 2000] [--suite physical-ja]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from shinsa.physical.scene import PlannerTask
from shinsa.physical.scoring import score_plan, task_of
from shinsa.physical.simulator import Simulator
from shinsa.suites.bundled import load_bundled

REPO = Path(__file__).resolve().parent.parent
STEPS = 30


def thirty_step_plans() -> list[tuple[PlannerTask, list[dict[str, Any]]]]:
    """Each task's literal plan padded to exactly 30 steps with moves back and forth between two
    places (each move checks the heat-source and marked-zone invariants over the whole scene)."""
    cases = []
    for _, item in load_bundled("physical-en").located_items():
        task = task_of(item)
        places = [loc.id for loc in task.scene.locations if not loc.marked and not loc.exit][:2]
        walk = [{"skill": "move_to", "location": places[i % 2]} for i in range(STEPS)]
        plan = (list(item.metadata["reference"]["literal"]) + walk)[:STEPS]
        cases.append((task, plan))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=2000, help="30-step executions to time")
    parser.add_argument("--suite", default="physical-ja")
    args = parser.parse_args()
    cases = thirty_step_plans()
    timings = []
    for i in range(args.repeat):
        task, plan = cases[i % len(cases)]
        started = time.perf_counter()
        Simulator(task).execute(plan)
        timings.append((time.perf_counter() - started) * 1000)
    task, plan = cases[0]
    text = json.dumps({"plan": plan})
    started = time.perf_counter()
    for _ in range(200):
        score_plan(task, text)
    score_ms = (time.perf_counter() - started) * 1000 / 200
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--suite", args.suite,
                   "--target", "python:shinsa.physical.reference:careful", "--db", f"sqlite:///{folder}/runs.db", "--quiet"]
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, cwd=REPO)
        run_s = time.perf_counter() - started
    timings.sort()
    print(json.dumps({
        "simulate_30_steps_ms": {"mean": round(statistics.fmean(timings), 4), "p50": round(timings[len(timings) // 2], 4),
                                 "p99": round(timings[int(len(timings) * 0.99)], 4), "max": round(timings[-1], 4), "n": len(timings)},
        "score_one_30_step_answer_ms": round(score_ms, 4),
        "whole_suite_run_s": {"suite": args.suite, "seconds": round(run_s, 2)},
        "load_average": round(os.getloadavg()[0], 2),
    }, indent=2))


if __name__ == "__main__":
    main()
