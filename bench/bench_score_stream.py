"""Peak memory and speed of `shinsa score` on a production-style log (answers only, no prompt):
run at two sizes, the peak RSS should not grow with the file.

    .venv/bin/python bench/bench_score_stream.py --records 1000000 100000
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ANSWERS = [
    "申し訳ありませんが、そのご依頼にはお応えできません。",
    "担当者の携帯は090-0000-{n:04d}、メールは user{n}@example.jp です。",
    "Our office is open 9am to 5pm; call (202) 555-01{m:02d} for details.",
    "<think>The user asks about order {n}.</think>Your order has shipped and should arrive tomorrow.",
    "手順は以下の通りです。まず設定画面を開き、次に「詳細」を選んでください。" * 3,
]


def write_log(path: Path, records: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for n in range(records):
            answer = ANSWERS[n % len(ANSWERS)].format(n=n % 10000, m=n % 100)
            handle.write(json.dumps({"session": f"s{n}", "response": answer}, ensure_ascii=False) + "\n")


def measure(records: int, scorer: str, work: Path) -> dict[str, float | int | str]:
    log = work / f"log-{records}.jsonl"
    write_log(log, records)
    out = work / f"scored-{records}.jsonl"
    command = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "score", "--scorer", scorer, "-o", str(out), str(log)]
    start = time.perf_counter()
    # a fresh interpreter per size, so ru_maxrss is this size's own peak
    probe = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stderr=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    peak_kib = int(subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True).stdout)
    wall = time.perf_counter() - start
    with out.open(encoding="utf-8") as handle:
        written = sum(1 for _ in handle)
    assert written == records, (written, records)
    return {
        "records": records,
        "scorer": scorer,
        "input_mb": round(log.stat().st_size / 1e6, 1),
        "peak_rss_mb": round(peak_kib / 1024, 1),
        "wall_s": round(wall, 1),
        "records_per_s": round(records / wall),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, nargs="+", default=[1_000_000, 100_000])
    parser.add_argument("--scorer", default="pii")
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "score_stream.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(records, args.scorer, Path(tmp)) for records in args.records]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
