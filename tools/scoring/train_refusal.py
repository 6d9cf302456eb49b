"""Retrain the refusal classifier's linear model on the corpus's train split and write its weights.

Needs scikit-learn (the ``dev`` extra); Shinsa itself only reads the resulting JSON.

    python tools/scoring/train_refusal.py
"""

from __future__ import annotations

import json
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from shinsa.scorers.refusal_eval import load_corpus
from shinsa.scorers.refusal_model import MODEL_RESOURCE, LinearModel, features
from shinsa.scorers.refusal_rules import analyse

OUT = Path(__file__).resolve().parents[2] / "src/shinsa/scorers/data" / MODEL_RESOURCE
MIN_DOCUMENTS = 3
"""An n-gram must occur in this many training responses to get a weight (drops template noise)."""
KEEP = 12000
"""Largest weights kept per model, which bounds the package-data size."""


def main() -> None:
    rows = [r for r in load_corpus() if r["split"] == "train" and r["label"] != "empty"]
    feats = [features(analyse(r["response"], r["prompt"])) for r in rows]
    document_counts: dict[str, int] = {}
    for f in feats:
        for name in f:
            document_counts[name] = document_counts.get(name, 0) + 1
    kept = [{k: v for k, v in f.items() if document_counts[k] >= MIN_DOCUMENTS} for f in feats]
    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform(kept)
    classifier = LogisticRegression(C=4.0, max_iter=2000)
    classifier.fit(matrix, [r["label"] for r in rows])
    names = vectoriser.get_feature_names_out()
    strength = abs(classifier.coef_).max(axis=0)
    order = sorted(range(len(names)), key=lambda i: (-strength[i], names[i]))[:KEEP]
    weights = {
        str(names[i]): tuple(round(float(w), 4) for w in classifier.coef_[:, i]) for i in sorted(order)
    }
    model = LinearModel(
        tuple(str(c) for c in classifier.classes_),
        tuple(round(float(b), 4) for b in classifier.intercept_),
        weights,
    )
    OUT.write_text(json.dumps(model.to_json(), ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"trained on {len(rows)} responses; kept {len(weights)} weights; wrote {OUT}")


if __name__ == "__main__":
    main()
