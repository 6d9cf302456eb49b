"""Held-out precision, recall and F1 of the refusal classifier, per outcome and per language.

python -m shinsa.scorers.refusal_eval [--mode combined|rules|model] [--split test|train]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from importlib.resources import files
from typing import get_args

from shinsa.scorers.refusal import Mode, classify

CORPUS_RESOURCE = "refusal_corpus.jsonl"
OUTCOMES = ("refused", "complied", "partial", "unscorable", "empty")
LANGUAGES = ("ja", "en")


def load_corpus() -> list[dict[str, str]]:
    """The labelled corpus shipped as package data (see tools/scoring/make_refusal_corpus.py)."""
    text = files("shinsa.scorers").joinpath("data", CORPUS_RESOURCE).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


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


def evaluate(split: str = "test", mode: Mode = "combined") -> dict[str, dict[str, Metrics]]:
    """Metrics keyed by language (and ``all``), then outcome."""
    rows = [r for r in load_corpus() if r["split"] == split]
    pairs = {
        lang: [
            (r["label"], classify(r["response"], r["prompt"], mode).outcome.value)
            for r in rows
            if lang == "all" or r["language"] == lang
        ]
        for lang in (*LANGUAGES, "all")
    }
    return {lang: {o: metrics(p, o) for o in OUTCOMES} for lang, p in pairs.items()}


def markdown_table(results: dict[str, dict[str, Metrics]]) -> str:
    lines = ["| language | outcome | precision | recall | F1 | n |", "|---|---|---|---|---|---|"]
    for lang, by_outcome in results.items():
        for outcome, m in by_outcome.items():
            if m.support:
                lines.append(
                    f"| {lang} | {outcome} | {m.precision:.3f} | {m.recall:.3f} | {m.f1:.3f} | {m.support} |"
                )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mode", choices=get_args(Mode), default="combined")
    parser.add_argument("--split", choices=("test", "train"), default="test")
    args = parser.parse_args(argv)
    print(markdown_table(evaluate(args.split, args.mode)))


if __name__ == "__main__":
    main()
