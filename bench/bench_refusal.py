"""Per-response latency of the refusal classifier over the whole labelled corpus.

python bench/bench_refusal.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

from shinsa.scorers.refusal import classify
from shinsa.scorers.refusal_eval import load_corpus
from shinsa.scorers.refusal_model import bundled_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus")
    args = parser.parse_args()
    rows = load_corpus()
    started = time.perf_counter()
    bundled_model()
    load_ms = (time.perf_counter() - started) * 1000
    for row in rows:  # warm-up pass: regex and import caches, not part of the measurement
        classify(row["response"], row["prompt"], "model")
    gc.disable()  # collector pauses belong to the process, not to one response
    timings: list[float] = []
    for _ in range(args.repeat):
        for row in rows:
            start = time.perf_counter()
            classify(row["response"], row["prompt"], "model")
            timings.append((time.perf_counter() - start) * 1000)
    gc.enable()
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"responses: {len(timings)} (corpus of {len(rows)} x {args.repeat})")
    print(f"model load (once per process): {load_ms:.1f} ms")
    print(
        f"per response, rules + model: mean {statistics.fmean(timings):.3f} ms, "
        f"median {statistics.median(timings):.3f} ms, p95 {p95:.3f} ms, max {timings[-1]:.3f} ms"
    )


if __name__ == "__main__":
    main()
