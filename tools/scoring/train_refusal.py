"""Train the refusal scorer's model (version 5) and fit its calibrated confidence.

Training data — dev data only, never a sealed set:
- ``tools/scoring/data/written/*.jsonl``: answers written and labelled by independent writers who
  never saw the classifier (the writers' brief is ``tools/scoring/data/written/BRIEF.md``);
- the Japanese deployed-chatbot dev half (``tests/scorers/data/ja_deployed/dev.jsonl``);
- the external dev file ``xstest-v2-completions.jsonl`` from ``../shared/external-labels`` (human labels
  from outside the project; read at training time, never copied: only the weights are shipped);
- the project's older hand-written dev sets and the template corpus's train split, at lower weight
  (their refused/partial boundary follows the version 3 taxonomy).

Steps: features once per answer; a leave-one-group-out estimate in which every writer's answers and
every XSTest model's answers are scored by a model trained without them (printed per group, and the
source of the calibration: each out-of-fold verdict's probability against whether it was right); then
the final fit on everything, pruned to the ``KEEP`` strongest features. Deterministic (lbfgs, fixed
order). Needs scikit-learn (the ``dev`` extra); Shinsa itself only reads the two JSON files.

    PYTHONPATH=src python tools/scoring/train_refusal.py [--external-dir DIR] [--folds-only]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from joblib import Parallel, delayed
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from shinsa.atomicfiles import write_atomically
from shinsa.errors import InputError
from shinsa.scorers.refusal import (
    CALIBRATION_EDGES,
    CALIBRATION_RESOURCE,
    DISPUTED_SAFE_CONFIDENCE,
    ModelVerdict,
    band,
    language_of,
    model_verdict,
)
from shinsa.scorers.refusal_eval import load_corpus
from shinsa.scorers.refusal_external import read_rows
from shinsa.scorers.refusal_features import analyse
from shinsa.scorers.refusal_model import MODEL_RESOURCE, LinearModel, features
from shinsa.scorers.refusal_rules import RuleVerdict, decide

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src/shinsa/scorers/data"
WRITTEN = ROOT / "tools/scoring/data/written"
JA_DEV = ROOT / "tests/scorers/data/ja_deployed/dev.jsonl"
OLDER_DEV = (
    ROOT / "tests/scorers/data/refusal_realistic_dev.jsonl",
    ROOT / "tests/scorers/data/refusal_blind_tune.jsonl",
)
EXTERNAL_DIR = ROOT.parent / "shared/external-labels"
EXTERNAL_DEV = "xstest-v2-completions.jsonl"
LABELS = ("complied", "refused", "partial", "unscorable")
C = 16.0
"""Inverse regularisation, chosen by the leave-one-group-out estimate (1, 4, 16, 32 compared)."""
OLDER_WEIGHT = 1.0
CORPUS_WEIGHT = 0.3
MIN_DOCUMENTS = 2
"""A feature must occur in this many training answers to get a weight."""
KEEP = 60000
"""Strongest features kept, which bounds the package-data size."""
PRIOR_WEIGHT = 8
"""Pseudo-answers pulling a calibration cell towards its language's overall accuracy."""


@dataclass(frozen=True, slots=True)
class Example:
    group: str
    """Who wrote it: ``writer:<id>``, ``xstest:<model>``, or ``older:<set>`` (not an estimate group)."""
    language: str
    label: str
    weight: float
    features: dict[str, float]
    rules: RuleVerdict


def _rows(path: Path) -> list[dict[str, object]]:
    return [row for row in read_rows(path) if row.get("response")]


def load_examples(external_dir: Path) -> list[Example]:
    sources: list[tuple[str, float, dict[str, object]]] = []
    for path in sorted(WRITTEN.glob("*.jsonl")):
        sources += [(f"writer:{row['writer']}", 1.0, row) for row in _rows(path)]
    sources += [(f"writer:{row['writer']}", 1.0, row) for row in _rows(JA_DEV)]
    sources += [(f"xstest:{row['model']}", 1.0, row) for row in _rows(external_dir / EXTERNAL_DEV)]
    for path in OLDER_DEV:
        sources += [(f"older:{path.stem}", OLDER_WEIGHT, row) for row in _rows(path)]
    sources += [
        ("older:corpus", CORPUS_WEIGHT, dict(row))
        for row in load_corpus()
        if row["split"] == "train" and row["label"] in LABELS
    ]
    examples = []
    for group, weight, row in sources:
        analysis = analyse(str(row["response"]), str(row.get("prompt") or ""))
        verdict = decide(analysis)
        examples.append(
            Example(
                group, language_of(analysis.text), str(row["label"]), weight, features(analysis, verdict), verdict
            )
        )
    return examples


def fit(examples: list[Example]) -> tuple[DictVectorizer, LogisticRegression]:
    counts = Counter(name for e in examples for name in e.features)
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(
        [{k: v for k, v in e.features.items() if counts[k] >= MIN_DOCUMENTS} for e in examples]
    )
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(matrix, [e.label for e in examples], sample_weight=[e.weight for e in examples])
    return vectoriser, classifier


def held_out(examples: list[Example], group: str) -> list[tuple[Example, ModelVerdict]]:
    """Every answer of one group with the verdict of a model trained without that group."""
    vectoriser, classifier = fit([e for e in examples if e.group != group])
    tested = [e for e in examples if e.group == group]
    probabilities = classifier.predict_proba(vectoriser.transform([e.features for e in tested]))
    out = []
    classes = [str(c) for c in classifier.classes_]
    for example, row in zip(tested, probabilities, strict=True):
        out.append((example, model_verdict(example.rules, dict(zip(classes, map(float, row), strict=True)))))
    return out


def estimate(examples: list[Example]) -> list[tuple[Example, ModelVerdict]]:
    groups = sorted({e.group for e in examples if not e.group.startswith("older:")})
    parts = Parallel(n_jobs=2)(delayed(held_out)(examples, group) for group in groups)
    for group, part in zip(groups, parts, strict=True):
        n = len(part)
        binary = sum((e.label == "complied") == (v.outcome == "complied") for e, v in part) / n
        exact = sum(e.label == v.outcome for e, v in part) / n
        rules = sum((e.label == "complied") == (e.rules.outcome == "complied") for e, _ in part) / n
        print(f"held out {group:28s} n={n:5d}  binary {binary:.3f}  exact {exact:.3f}  (rules alone binary {rules:.3f})")
    return [row for part in parts for row in part]


def calibration(found: list[tuple[Example, ModelVerdict]]) -> dict[str, object]:
    """Accuracy per (language, rules agree, probability bin), smoothed towards the language's accuracy."""
    cells: dict[str, list[list[bool]]] = defaultdict(lambda: [[] for _ in range(len(CALIBRATION_EDGES) + 1)])
    overall: dict[str, list[bool]] = defaultdict(list)
    for example, verdict in found:
        agrees = "agree" if verdict.rules_agree else "disagree"
        index = band(verdict.probability)
        right = verdict.outcome == example.label
        cells[f"{example.language}|{agrees}"][index].append(right)
        overall[example.language].append(right)
    prior = {language: sum(r) / len(r) for language, r in overall.items()}
    counts = {key: [len(rights) for rights in bins] for key, bins in sorted(cells.items())}
    table = {
        key: [
            round((sum(rights) + PRIOR_WEIGHT * prior[key.split("|")[0]]) / (len(rights) + PRIOR_WEIGHT), 4)
            for rights in bins
        ]
        for key, bins in sorted(cells.items())
    }
    return {
        "edges": list(CALIBRATION_EDGES),
        "prior": {k: round(v, 4) for k, v in sorted(prior.items())},
        "answers": len(found),
        "cells": table,
        "counts": counts,
    }


def coverage_table(found: list[tuple[Example, ModelVerdict]], table: dict[str, object]) -> None:
    """Coverage and agreement of automatic verdicts per review threshold, from the held-out verdicts
    (how the default ``review_below`` was chosen)."""
    cells = table["cells"]
    assert isinstance(cells, dict)
    confidence = []
    for example, verdict in found:
        row = cells[f"{example.language}|{'agree' if verdict.rules_agree else 'disagree'}"]
        value = row[band(verdict.probability)]
        confidence.append(min(value, DISPUTED_SAFE_CONFIDENCE) if verdict.disputed_safe else value)
    for family in ("writer", "xstest"):
        members = [(e, v, c) for (e, v), c in zip(found, confidence, strict=True) if e.group.startswith(family)]
        for threshold in (0.0, 0.5, 0.6, 0.65, 0.7, 0.75):
            auto = [(e, v) for e, v, c in members if c >= threshold]
            binary = sum((e.label == "complied") == (v.outcome == "complied") for e, v in auto) / len(auto)
            exact = sum(e.label == v.outcome for e, v in auto) / len(auto)
            print(
                f"{family:7s} review below {threshold:.2f}: coverage {len(auto) / len(members):.3f}  "
                f"binary {binary:.3f}  exact {exact:.3f}"
            )


def final_model(examples: list[Example]) -> LinearModel:
    vectoriser, classifier = fit(examples)
    names = vectoriser.get_feature_names_out()
    strength = abs(classifier.coef_).max(axis=0)
    order = sorted(range(len(names)), key=lambda i: (-strength[i], names[i]))[:KEEP]
    return LinearModel(
        tuple(str(c) for c in classifier.classes_),
        tuple(round(float(b), 4) for b in classifier.intercept_),
        {str(names[i]): tuple(round(float(w), 4) for w in classifier.coef_[:, i]) for i in sorted(order)},
    )


def write_json(name: str, payload: dict[str, object]) -> None:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    write_atomically(DATA / name, lambda handle: handle.write(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--external-dir", type=Path, default=EXTERNAL_DIR, help="where the external dev file is")
    parser.add_argument("--folds-only", action="store_true", help="print the estimate, write nothing")
    args = parser.parse_args()
    try:
        examples = load_examples(args.external_dir)
    except InputError as error:
        parser.exit(2, f"error: {error}\n")
    print(f"{len(examples)} training answers: {dict(Counter(e.group.split(':')[0] for e in examples))}")
    found = estimate(examples)
    if args.folds_only:
        return
    table = calibration(found)
    coverage_table(found, table)
    write_json(CALIBRATION_RESOURCE, table)
    model = final_model(examples)
    write_json(MODEL_RESOURCE, model.to_json())
    print(f"kept {len(model.weights)} weights -> {DATA / MODEL_RESOURCE}; calibration -> {DATA / CALIBRATION_RESOURCE}")


if __name__ == "__main__":
    main()
