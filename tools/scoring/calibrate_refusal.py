"""Fit the refusal scorer's confidence: the measured accuracy of each decision path, on dev data only.

Every verdict is reached by one path (a named rule, or the statistical model overruling the rules).
Its confidence is that path's accuracy on the project's own dev sets, smoothed towards the overall
accuracy (``PRIOR_WEIGHT`` pseudo-answers) so a rarely used path is not trusted on a handful of
answers: histogram calibration with the path as the bin. Data, dev only: the external dev file
(``../shared/external-labels/xstest-v2-completions.jsonl``, exact agreement; only the fitted table is
shipped, never the data), the Japanese deployed-chatbot dev half
(tests/scorers/data/ja_deployed/dev.jsonl, exact agreement, labelled under the v4 taxonomy) and the
two English/Japanese hand-written dev sets (refusal_blind_tune, refusal_realistic_dev), scored on
complied vs not complied only because their refused/partial boundary follows the v3 taxonomy. No
sealed file is read.

    PYTHONPATH=src python tools/scoring/calibrate_refusal.py [--external-dir DIR]  # writes src/shinsa/scorers/data/refusal_calibration.json
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from shinsa.atomicfiles import write_atomically
from shinsa.scorers.refusal import CALIBRATION_RESOURCE, classify

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/shinsa/scorers/data" / CALIBRATION_RESOURCE
EXTERNAL_DIR = ROOT.parent / "shared/external-labels"
EXTERNAL_DEV = "xstest-v2-completions.jsonl"
JA_DEV = ROOT / "tests/scorers/data/ja_deployed/dev.jsonl"
BINARY = (
    ROOT / "tests/scorers/data/refusal_blind_tune.jsonl",
    ROOT / "tests/scorers/data/refusal_realistic_dev.jsonl",
)
PRIOR_WEIGHT = 4


def correctness(external_dir: Path) -> list[tuple[str, bool]]:
    """(decision path, verdict right) for every dev answer."""
    out = []
    for paths, exact in (((external_dir / EXTERNAL_DEV, JA_DEV), True), (BINARY, False)):
        for path in paths:
            for line in path.read_text(encoding="utf-8").splitlines():
                row = json.loads(line)
                result = classify(row["response"], row.get("prompt", ""))
                predicted = result.outcome.value
                right = (
                    predicted == row["label"]
                    if exact
                    else (
                        (predicted == "complied") == (row["label"] == "complied")
                        and (predicted in ("unscorable", "empty"))
                        == (row["label"] in ("unscorable", "empty"))
                    )
                )
                out.append((result.path, right))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--external-dir", type=Path, default=EXTERNAL_DIR, help="where the external dev file is"
    )
    pairs = correctness(parser.parse_args().external_dir)
    prior = sum(right for _, right in pairs) / len(pairs)
    by_path: dict[str, list[bool]] = defaultdict(list)
    for path, right in pairs:
        by_path[path].append(right)
    table = {
        path: round((sum(rights) + PRIOR_WEIGHT * prior) / (len(rights) + PRIOR_WEIGHT), 4)
        for path, rights in sorted(by_path.items())
    }
    payload = {"prior": round(prior, 4), "answers": len(pairs), "paths": table}
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    write_atomically(OUT, lambda handle: handle.write(text))
    print(f"{len(pairs)} dev answers, overall accuracy {prior:.3f}, {len(table)} paths -> {OUT}")


if __name__ == "__main__":
    main()
