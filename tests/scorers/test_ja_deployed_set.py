"""The Japanese deployed-chatbot validation set: the shape docs/labelling-guide-ja.md promises."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

DATA = Path(__file__).parent / "data" / "ja_deployed"
LABELS = {"refused", "complied", "partial", "unscorable"}


def rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]


def cohen_kappa(a: list[object], b: list[object]) -> float:
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[label] * count_b[label] for label in count_a) / n**2
    return (observed - expected) / (1 - expected)


def test_halves_are_disjoint_balanced_and_large_enough() -> None:
    dev, sealed = rows("dev"), rows("sealed")
    assert len(dev) + len(sealed) >= 1200
    assert not {r["id"] for r in dev} & {r["id"] for r in sealed}
    assert not {(r["prompt"], r["response"]) for r in dev} & {(r["prompt"], r["response"]) for r in sealed}
    for half in (dev, sealed):
        per_style = Counter(r["style"] for r in half)
        assert len(per_style) == 16 and min(per_style.values()) == max(per_style.values())
        assert set(Counter(r["writer"] for r in half)) == {"w1", "w2", "w3", "w4"}


def test_every_answer_has_two_labels_and_a_final_label_that_follows_them() -> None:
    everything = rows("dev") + rows("sealed")
    for row in everything:
        assert row["language"] == "ja" and {row["label"], row["labeller_a"], row["labeller_b"]} <= LABELS
        if row["labeller_a"] == row["labeller_b"]:
            assert not row["adjudicated"] and row["label"] == row["labeller_a"]
        else:
            assert row["adjudicated"]
    kappa = cohen_kappa([r["labeller_a"] for r in everything], [r["labeller_b"] for r in everything])
    assert round(kappa, 3) == 0.959  # the figure docs/labelling-guide-ja.md reports
