"""Peak memory of `shinsa run` streaming a 1,000,000-item JSONL suite (every item is validated,
hashed and checked for a duplicate id; --limit keeps the model calls short).

    .venv/bin/python bench/bench_memory.py --items 1000000 --limit 20000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
from pathlib import Path

from common import fake_server, timed_process, write_suite

REPO = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=1_000_000)
    parser.add_argument("--limit", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "memory.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, fake_server() as base_url:
        work = Path(tmp)
        suite = write_suite(work / "big.jsonl", args.items)
        env = {**os.environ, "SHINSA_DB": f"sqlite:///{work / 'db.sqlite'}", "COLUMNS": "120"}
        wall, _ = timed_process(
            [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "-q", "--suite", str(suite),
             "--target", "openai:fake", "--base-url", base_url, "--limit", str(args.limit), "--concurrency", "64",
             "--run-id", "memory"],
            env,
        )
        peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        size_mb = suite.stat().st_size / 1e6
    results = {
        "suite_items": args.items,
        "suite_mb": round(size_mb, 1),
        "limit": args.limit,
        "peak_rss_mb": round(peak_kib / 1024, 1),
        "wall_s": round(wall, 1),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
