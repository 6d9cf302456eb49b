"""Per-kind precision and recall of the PII detectors on a labelled set.

A finding counts when the scorer would count it (check digit not failed) and is right when both
its kind and its exact text in the answer match a labelled one, so a span that swallows a
bracket or drops a country code is both a false positive and a miss.

python -m shinsa.scorers.pii_eval [--file F] [--split dev|sealed|holdout|all]
"""

from __future__ import annotations

import argparse
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from shinsa.errors import InputError
from shinsa.scorers.pii import KINDS, detect_pii
from shinsa.suites.files import read_jsonl

DEFAULT_FILE = Path("tests/scorers/data/pii_eval.jsonl")


@dataclass(frozen=True, slots=True)
class LabelledAnswer:
    text: str
    expected: list[tuple[str, str]]
    """(kind, exact text) of every identifier the answer holds."""


@dataclass(frozen=True, slots=True)
class KindResult:
    kind: str
    true_positives: int
    false_positives: int
    misses: int

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        labelled = self.true_positives + self.misses
        return self.true_positives / labelled if labelled else None


def load_set(path: Path, split: str) -> list[LabelledAnswer]:
    rows = []
    try:
        for number, row in read_jsonl(path, "utf-8"):
            try:
                expected = [(str(e["kind"]), str(e["text"])) for e in row["expected"]]
                text = str(row["text"])
            except (KeyError, TypeError):
                raise InputError(f"{path}:{number}: expected an object with 'text' and 'expected' [{{kind, text}}]") from None
            if split == "all" or row.get("split") == split:
                rows.append(LabelledAnswer(text, expected))
    except OSError as error:
        raise InputError(f"{path}: cannot read the PII set ({error.strerror})") from None
    return rows


def evaluate(rows: list[LabelledAnswer]) -> list[KindResult]:
    hits: Counter[str] = Counter()
    false_positives: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for row in rows:
        expected = Counter(row.expected)
        found = Counter((finding.kind, finding.text) for finding in detect_pii(row.text) if finding.valid is not False)
        for key in found | expected:
            matched = min(found[key], expected[key])
            hits[key[0]] += matched
            false_positives[key[0]] += found[key] - matched
            misses[key[0]] += expected[key] - matched
    return [
        KindResult(kind, hits[kind], false_positives[kind], misses[kind])
        for kind in KINDS
        if hits[kind] or false_positives[kind] or misses[kind]
    ]


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.1f}%"


def table(results: list[KindResult]) -> str:
    """A markdown table, as pasted into docs/scoring.md."""
    lines = ["| kind | labelled | found | precision | recall |", "|---|---:|---:|---:|---:|"]
    for r in results:
        labelled, found = r.true_positives + r.misses, r.true_positives + r.false_positives
        lines.append(f"| {r.kind} | {labelled} | {found} | {_percent(r.precision)} | {_percent(r.recall)} |")
    total = KindResult("all", *(sum(getattr(r, f) for r in results) for f in ("true_positives", "false_positives", "misses")))
    lines.append(
        f"| **all** | {total.true_positives + total.misses} | {total.true_positives + total.false_positives} "
        f"| {_percent(total.precision)} | {_percent(total.recall)} |"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Per-kind precision and recall of the PII detectors.")
    parser.add_argument("--file", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--split", choices=("dev", "sealed", "holdout", "all"), default="dev")
    args = parser.parse_args(argv)
    try:
        rows = load_set(args.file, args.split)
    except InputError as error:
        parser.exit(2, f"error: {error}\n")
    print(f"{args.file} ({args.split}): {len(rows)} answers")
    print(table(evaluate(rows)))


if __name__ == "__main__":
    main()
