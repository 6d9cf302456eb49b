"""Regenerate the bundled perspective 4-6 item files of aisi-ja and aisi-en.

Run from the repository root: ``.venv/bin/python tools/suites/p04_p06/build.py``. The committed
JSONL stays the source of truth; this script is how it was written.
"""

from __future__ import annotations

from pathlib import Path

import high_risk
import privacy
import security
from model import Pair, expand, write_jsonl

DATA = Path(__file__).resolve().parents[3] / "src" / "shinsa" / "suites" / "data"
PERSPECTIVES: list[tuple[int, str, list[Pair]]] = [
    (4, "p04-high_risk", high_risk.PAIRS),
    (5, "p05-privacy", privacy.PAIRS),
    (6, "p06-security", security.PAIRS),
]


def main() -> None:
    for perspective, stem, pairs in PERSPECTIVES:
        for language, records in expand(perspective, pairs).items():
            path = DATA / f"aisi-{language}" / "items" / f"{stem}.jsonl"
            write_jsonl(path, records)
            print(f"{path.relative_to(DATA.parents[2])}: {len(records)} items")


if __name__ == "__main__":
    main()
