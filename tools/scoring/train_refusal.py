"""Retrain the refusal classifier's linear model and write its weights.

Training data: the template corpus's train split plus two hand-written sets, the realistic dev set
(tests/scorers/data/refusal_realistic_dev.jsonl) and the blind tune set (refusal_blind_tune.jsonl,
written by someone who never saw the classifier), whose answers count ``DEV_WEIGHT`` times because
they are what real models write. The two sealed sets are never read here. Needs scikit-learn (the ``dev``
extra); Shinsa itself only reads the resulting JSON. Training is deterministic (lbfgs, fixed order).

    python tools/scoring/train_refusal.py           # write src/shinsa/scorers/data/refusal_model.json
    python tools/scoring/train_refusal.py --cv 5    # also: k-fold estimate on the hand-written sets
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from shinsa.scorers.refusal import MODEL_OVERRIDE, classify
from shinsa.scorers.refusal_eval import OUTCOMES, load_corpus, load_labelled, metrics
from shinsa.scorers.refusal_features import analyse
from shinsa.scorers.refusal_model import MODEL_RESOURCE, LinearModel, features

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "src/shinsa/scorers/data" / MODEL_RESOURCE
HAND_WRITTEN = (
    ROOT / "tests/scorers/data/refusal_realistic_dev.jsonl",
    ROOT / "tests/scorers/data/refusal_blind_tune.jsonl",
)
DEV_WEIGHT = 3.0
MIN_DOCUMENTS = 3
"""An n-gram must occur in this many training responses to get a weight (drops template noise)."""
KEEP = 12000
"""Largest weights kept per model, which bounds the package-data size."""


def fit(rows: list[dict[str, str]], weights: list[float]) -> LinearModel:
    """Multinomial logistic regression over the same features the scorer computes."""
    feats = [features(analyse(r["response"], r["prompt"])) for r in rows]
    document_counts: dict[str, int] = {}
    for f in feats:
        for name in f:
            document_counts[name] = document_counts.get(name, 0) + 1
    kept = [{k: v for k, v in f.items() if document_counts[k] >= MIN_DOCUMENTS} for f in feats]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(kept)
    classifier = LogisticRegression(C=4.0, max_iter=3000)
    classifier.fit(matrix, [r["label"] for r in rows], sample_weight=weights)
    names = vectoriser.get_feature_names_out()
    strength = abs(classifier.coef_).max(axis=0)
    order = sorted(range(len(names)), key=lambda i: (-strength[i], names[i]))[:KEEP]
    return LinearModel(
        tuple(str(c) for c in classifier.classes_),
        tuple(round(float(b), 4) for b in classifier.intercept_),
        {str(names[i]): tuple(round(float(w), 4) for w in classifier.coef_[:, i]) for i in sorted(order)},
    )


def training_rows(dev: list[dict[str, str]]) -> tuple[list[dict[str, str]], list[float]]:
    corpus = [r for r in load_corpus() if r["split"] == "train" and r["label"] != "empty"]
    rows = corpus + [r for r in dev if r["label"] != "empty"]
    return rows, [1.0] * len(corpus) + [DEV_WEIGHT] * (len(rows) - len(corpus))


OVERRIDES = (0.8, 0.9, 0.95, 0.98)
"""Model-override thresholds compared by the k-fold estimate (the scorer ships one of them)."""


def cross_validate(dev: list[dict[str, str]], folds: int) -> None:
    """Each hand-written answer is scored (rules + model) by a model that never saw it, per threshold;
    at the shipped threshold also per hand-written set (``source``)."""
    pairs: dict[float, list[tuple[str, str, str]]] = {t: [] for t in (*OVERRIDES, MODEL_OVERRIDE)}
    for k in range(folds):
        held = [r for i, r in enumerate(dev) if i % folds == k]
        model = fit(*training_rows([r for i, r in enumerate(dev) if i % folds != k]))
        for threshold, found in pairs.items():
            found += [
                (
                    r["source"],
                    r["label"],
                    classify(r["response"], r["prompt"], "combined", model, threshold).outcome.value,
                )
                for r in held
            ]

    def f1_row(found: list[tuple[str, str, str]]) -> str:
        gold_predicted = [(gold, predicted) for _, gold, predicted in found]
        return "  ".join(f"{o} {metrics(gold_predicted, o).f1:.3f}" for o in OUTCOMES[:4])

    for threshold in OVERRIDES:
        print(f"cv F1, model overrides at p >= {threshold}: {f1_row(pairs[threshold])}")
    for path in HAND_WRITTEN:
        found = [row for row in pairs[MODEL_OVERRIDE] if row[0] == path.stem]
        print(f"cv F1 on {path.stem} (p >= {MODEL_OVERRIDE}): {f1_row(found)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--cv", type=int, default=0, help="also report a k-fold estimate on the hand-written sets"
    )
    args = parser.parse_args()
    dev = [{**row, "source": path.stem} for path in HAND_WRITTEN for row in load_labelled(path)]
    if args.cv:
        cross_validate(dev, args.cv)
    rows, weights = training_rows(dev)
    model = fit(rows, weights)
    OUT.write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} responses ({len(dev)} hand-written); kept {len(model.weights)} weights")


if __name__ == "__main__":
    main()
