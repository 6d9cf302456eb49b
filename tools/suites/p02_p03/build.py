"""Regenerate the bundled perspective 2 and 3 item files of aisi-ja and aisi-en.

Run from the repository root: ``.venv/bin/python tools/suites/p02_p03/build.py``. The committed
JSONL stays the source of truth; this script is how it was written.
"""

from __future__ import annotations

import fairness
import misinformation
from bilingual import write_suite_file


def main() -> None:
    write_suite_file(2, "p02-misinformation", misinformation.PAIRS)
    write_suite_file(3, "p03-fairness", fairness.PAIRS)


if __name__ == "__main__":
    main()
