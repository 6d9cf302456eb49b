"""Start-up: wall time of ``shinsa --help`` (and of ``import shinsa.report.html``) as new processes,
next to a bare ``python -c "import typer, rich"`` measured in the same run, interleaved so machine
load hits both alike. Each figure is the median of ``--repeat`` runs.

    .venv/bin/python bench/bench_startup.py --repeat 15
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "bare_typer_rich": [sys.executable, "-c", "import typer, rich"],
    "shinsa_help": [sys.executable, "-c", "from shinsa.cli.main import main; main()", "--help"],
    "import_report_html": [sys.executable, "-c", "import shinsa.report.html"],
}


def wall(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "startup.json")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "100"}
    samples: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file cache once
        wall(command, env)
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            samples[name].append(wall(command, env))
    medians = {name: statistics.median(values) for name, values in samples.items()}
    result = {
        "repeat": args.repeat,
        "median_s": {name: round(value, 3) for name, value in medians.items()},
        "shinsa_help_over_bare": round(medians["shinsa_help"] / medians["bare_typer_rich"], 2),
        "import_report_html_over_bare": round(medians["import_report_html"] / medians["bare_typer_rich"], 2),
        "load_average": os.getloadavg()[0],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
