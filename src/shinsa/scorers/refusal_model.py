"""A small linear model over character n-grams and rule signals, run in pure Python.

It gives a second opinion where the rules are unsure (an unusual phrasing, a refusal buried in a
long answer). Weights are trained by ``tools/scoring/train_refusal.py`` and shipped as package data,
so scoring needs no scikit-learn, no network and no GPU, and gives the same answer on every machine.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from shinsa.scorers.refusal_features import Analysis

NGRAM_SIZES = (2, 3)
MODEL_RESOURCE = "refusal_model.json"


def features(analysis: Analysis) -> dict[str, float]:
    """Binary character n-grams (L2-normalised) plus the rule signals, keyed by name."""
    text = " ".join(analysis.text.split())
    grams = {f"c{n}:{text[i : i + n]}" for n in NGRAM_SIZES for i in range(len(text) - n + 1)}
    norm = 1 / math.sqrt(len(grams)) if grams else 0.0
    out = dict.fromkeys(grams, norm)
    out.update({f"rule:{name}": value for name, value in analysis.features.items()})
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Multinomial logistic regression: one weight vector per outcome, softmax on top."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        # The n-grams all share one value, so their weight rows are summed column-wise before scaling.
        rows_by_value: dict[float, list[tuple[float, ...]]] = {}
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None and value:
                rows_by_value.setdefault(value, []).append(row)
        logits = list(self.bias)
        for value, rows in rows_by_value.items():
            for k, column in enumerate(zip(*rows, strict=True)):
                logits[k] += value * sum(column)
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {"classes": list(self.classes), "bias": list(self.bias), "weights": self.weights}

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LinearModel:
        weights = data["weights"]
        assert isinstance(weights, dict)
        classes, bias = data["classes"], data["bias"]
        assert isinstance(classes, list) and isinstance(bias, list)
        return cls(
            tuple(str(c) for c in classes),
            tuple(float(b) for b in bias),
            {str(k): tuple(float(w) for w in v) for k, v in weights.items()},
        )


@cache
def bundled_model() -> LinearModel:
    """The shipped weights (loaded once per process)."""
    text = files("shinsa.scorers").joinpath("data", MODEL_RESOURCE).read_text(encoding="utf-8")
    return LinearModel.from_json(json.loads(text))
