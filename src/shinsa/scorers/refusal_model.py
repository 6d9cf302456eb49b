"""The refusal scorer's learned model: logistic regression over character n-grams and the rules' view.

Version 5 decides with this model. Its inputs are the answer's character 1–4-grams (one vocabulary for
Japanese and English, no tokeniser) plus everything the rules saw: their signals
(``Analysis.features``), their outcome and the rule that reached it. The rules therefore still
contribute what they know; the model weighs it against wording the rules never listed, trained on
answers written by many independent writers and on human-labelled external dev data
(``tools/scoring/train_refusal.py``). Weights ship as package data, so scoring needs no scikit-learn,
no network and no GPU; sums are exact (``math.fsum``), so a verdict and its probability are the same
on every machine and under every hash seed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from shinsa.scorers.refusal_features import Analysis
from shinsa.scorers.refusal_rules import RuleVerdict

NGRAM_SIZES = (1, 2, 3, 4)
MODEL_RESOURCE = "refusal_model.json"


def ngrams(text: str) -> set[str]:
    """The answer's distinct character n-grams, whitespace collapsed."""
    flat = " ".join(text.split())
    return {f"c{n}:{flat[i : i + n]}" for n in NGRAM_SIZES for i in range(len(flat) - n + 1)}


def features(analysis: Analysis, verdict: RuleVerdict) -> dict[str, float]:
    """Binary n-grams (L2-normalised together) plus the rules' signals, outcome and rule, by name."""
    grams = ngrams(analysis.text)
    norm = 1 / math.sqrt(len(grams)) if grams else 0.0
    out = dict.fromkeys(grams, norm)
    out.update({f"rule:{name}": value for name, value in analysis.features.items()})
    out[f"verdict:{verdict.outcome}"] = 1.0
    out[f"verdictclear:{verdict.outcome}:{verdict.clear}"] = 1.0
    out[f"rulename:{verdict.rule}"] = 1.0
    return out


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Multinomial logistic regression: one weight per outcome and feature, softmax on top."""

    classes: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def probabilities(self, feats: dict[str, float]) -> dict[str, float]:
        # The n-grams share one value, so their rows are summed per class before scaling.
        rows_by_value: dict[float, list[tuple[float, ...]]] = {}
        for name, value in feats.items():
            row = self.weights.get(name)
            if row is not None and value:
                rows_by_value.setdefault(value, []).append(row)
        logits = [
            math.fsum([bias] + [value * math.fsum(row[k] for row in rows) for value, rows in rows_by_value.items()])
            for k, bias in enumerate(self.bias)
        ]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = math.fsum(exps)
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
