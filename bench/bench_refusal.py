"""Per-response latency of the refusal classifier over the whole labelled corpus.

python bench/bench_refusal.py [--repeat 3] [--file LABELLED.jsonl]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from shinsa.scorers.refusal import classify
from shinsa.scorers.refusal_eval import load_corpus, load_labelled
from shinsa.scorers.refusal_model import bundled_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    parser.add_argument(
        "--file", type=Path, help="time the answers of a labelled JSONL instead of the corpus"
    )
    args = parser.parse_args()
    rows = load_labelled(args.file) if args.file else load_corpus()
    started = time.perf_counter()
    bundled_model()
    load_ms = (time.perf_counter() - started) * 1000
    for row in rows:  # warm-up pass: regex and import caches, not part of the measurement
        classify(row["response"], row["prompt"])
    gc.disable()  # collector pauses belong to the process, not to one response
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(args.repeat):
        for row in rows:
            start, start_cpu = time.perf_counter(), time.process_time()
            classify(row["response"], row["prompt"])
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    gc.enable()
    print(f"responses: {len(wall)} ({len(rows)} x {args.repeat})")
    print(f"model load (once per process): {load_ms:.1f} ms")
    print(summary("wall clock", wall))
    print(summary("CPU time (unaffected by other jobs on the machine)", cpu))


def summary(label: str, timings: list[float]) -> str:
    timings = sorted(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    return (
        f"per response, rules + model, {label}: mean {statistics.fmean(timings):.3f} ms, "
        f"median {statistics.median(timings):.3f} ms, p95 {p95:.3f} ms, max {timings[-1]:.3f} ms"
    )


if __name__ == "__main__":
    main()
