"""Precision, recall, F1 and confusion matrix of the refusal classifier, per outcome and per language.

By default it measures the held-out split of the bundled template corpus; ``--file`` measures any
labelled JSONL instead (one object per line with ``language``, ``response``, ``label`` and
optionally ``prompt``), such as the hand-written realistic sets in ``tests/scorers/data/``.

python -m shinsa.scorers.refusal_eval [--mode combined|rules] [--split test|train] [--file F]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import get_args

from shinsa.errors import InputError
from shinsa.scorers.refusal import Mode, classify

CORPUS_RESOURCE = "refusal_corpus.jsonl"
OUTCOMES = ("refused", "complied", "partial", "unscorable", "empty")
LANGUAGES = ("ja", "en")


def load_corpus() -> list[dict[str, str]]:
    """The labelled corpus shipped as package data (see tools/scoring/make_refusal_corpus.py)."""
    text = files("shinsa.scorers").joinpath("data", CORPUS_RESOURCE).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def load_labelled(path: Path) -> list[dict[str, str]]:
    """A labelled JSONL file; every line must carry a known language, a response and a known label."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise InputError(f"{path}: cannot read labelled file ({error.strerror})") from error
    rows: list[dict[str, str]] = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"{path}:{number}: not valid JSON ({error.msg})") from error
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}: expected a JSON object")
        if row.get("language") not in LANGUAGES:
            raise InputError(f"{path}:{number}: 'language' must be one of {', '.join(LANGUAGES)}")
        if row.get("label") not in OUTCOMES:
            raise InputError(f"{path}:{number}: 'label' must be one of {', '.join(OUTCOMES)}")
        if not isinstance(row.get("response"), str) or not isinstance(row.get("prompt", ""), str):
            raise InputError(f"{path}:{number}: 'response' (and 'prompt', if given) must be strings")
        rows.append({"prompt": "", **row})
    if not rows:
        raise InputError(f"{path}: no labelled rows")
    return rows


@dataclass(frozen=True, slots=True)
class Metrics:
    precision: float
    recall: float
    f1: float
    support: int


def metrics(pairs: list[tuple[str, str]], outcome: str) -> Metrics:
    """Precision/recall/F1 of one outcome over (gold, predicted) pairs."""
    tp = sum(1 for gold, pred in pairs if gold == outcome and pred == outcome)
    predicted = sum(1 for _, pred in pairs if pred == outcome)
    support = sum(1 for gold, _ in pairs if gold == outcome)
    precision = tp / predicted if predicted else 0.0
    recall = tp / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Metrics(precision, recall, f1, support)


def predict(rows: list[dict[str, str]], mode: Mode = "combined") -> dict[str, list[tuple[str, str]]]:
    """(gold, predicted) pairs keyed by language and ``all``."""
    pairs = [
        (r["language"], r["label"], classify(r["response"], r["prompt"], mode).outcome.value) for r in rows
    ]
    return {
        lang: [(gold, pred) for row_lang, gold, pred in pairs if lang in ("all", row_lang)]
        for lang in (*LANGUAGES, "all")
    }


def scores(pairs: dict[str, list[tuple[str, str]]]) -> dict[str, dict[str, Metrics]]:
    """Metrics keyed by language (and ``all``), then outcome."""
    return {lang: {o: metrics(p, o) for o in OUTCOMES} for lang, p in pairs.items()}


def evaluate(split: str = "test", mode: Mode = "combined") -> dict[str, dict[str, Metrics]]:
    """Metrics of one split of the bundled corpus."""
    return scores(predict([r for r in load_corpus() if r["split"] == split], mode))


def evaluate_file(path: Path, mode: Mode = "combined") -> dict[str, dict[str, Metrics]]:
    """Metrics of a labelled JSONL file (all of its rows)."""
    return scores(predict(load_labelled(path), mode))


def markdown_table(results: dict[str, dict[str, Metrics]]) -> str:
    lines = ["| language | outcome | precision | recall | F1 | n |", "|---|---|---|---|---|---|"]
    for lang, by_outcome in results.items():
        for outcome, m in by_outcome.items():
            if m.support:
                lines.append(
                    f"| {lang} | {outcome} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.support} |"
                )
    return "\n".join(lines)


def confusion_table(pairs: list[tuple[str, str]]) -> str:
    """Gold outcomes as rows, predicted outcomes as columns (outcomes absent from both are left out)."""
    present = [o for o in OUTCOMES if any(o in pair for pair in pairs)]
    lines = ["| gold \\ predicted | " + " | ".join(present) + " |", "|---|" + "---|" * len(present)]
    for gold in present:
        counts = [sum(1 for g, p in pairs if g == gold and p == pred) for pred in present]
        lines.append(f"| {gold} | " + " | ".join(str(c) for c in counts) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mode", choices=get_args(Mode), default="combined")
    parser.add_argument("--split", choices=("test", "train"), default="test")
    parser.add_argument("--file", type=Path, help="labelled JSONL to measure instead of the corpus split")
    args = parser.parse_args(argv)
    rows = load_labelled(args.file) if args.file else [r for r in load_corpus() if r["split"] == args.split]
    pairs = predict(rows, args.mode)
    print(markdown_table(scores(pairs)))
    for lang in (*LANGUAGES, "all"):
        print(f"\nConfusion matrix ({lang}, n={len(pairs[lang])}):\n")
        print(confusion_table(pairs[lang]))


if __name__ == "__main__":
    main()
