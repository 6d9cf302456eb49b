"""Start-up: wall time of ``shinsa --help`` (and of ``shinsa run --help`` and ``import shinsa.report.html``) as new processes,
next to a bare ``python -c "import typer, rich"`` measured in the same run, interleaved so machine
load hits both alike. Each figure is the median of ``--repeat`` runs; besides wall time the CPU time
(user + system) of each process is recorded, which machine load disturbs far less.

    .venv/bin/python bench/bench_startup.py --repeat 15
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
from pathlib import Path

from common import timed_process

REPO = Path(__file__).resolve().parent.parent
COMMANDS = {
    "bare_typer_rich": [sys.executable, "-c", "import typer, rich"],
    "shinsa_help": [sys.executable, "-c", "from shinsa.cli.main import main; main()", "--help"],
    "shinsa_run_help": [sys.executable, "-c", "from shinsa.cli.main import main; main()", "run", "--help"],
    "import_report_html": [sys.executable, "-c", "import shinsa.report.html"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results" / "startup.json")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src"), "COLUMNS": "100"}
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for command in COMMANDS.values():  # warm the file cache once
        timed_process(command, env, quiet=True)
    for _ in range(args.repeat):
        for name, command in COMMANDS.items():
            wall, cpu = timed_process(command, env, quiet=True)
            walls[name].append(wall)
            cpus[name].append(cpu)
    wall_median = {name: statistics.median(values) for name, values in walls.items()}
    cpu_median = {name: statistics.median(values) for name, values in cpus.items()}
    result = {
        "repeat": args.repeat,
        "median_wall_s": {name: round(value, 3) for name, value in wall_median.items()},
        "median_cpu_s": {name: round(value, 3) for name, value in cpu_median.items()},
        "shinsa_help_over_bare_wall": round(wall_median["shinsa_help"] / wall_median["bare_typer_rich"], 2),
        "shinsa_help_over_bare_cpu": round(cpu_median["shinsa_help"] / cpu_median["bare_typer_rich"], 2),
        "shinsa_run_help_over_bare_wall": round(wall_median["shinsa_run_help"] / wall_median["bare_typer_rich"], 2),
        "import_report_html_over_bare_cpu": round(cpu_median["import_report_html"] / cpu_median["bare_typer_rich"], 2),
        "load_average": os.getloadavg()[0],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
