"""Measure a scorer, usually an LLM judge, against human labels before trusting its verdicts.

Input is JSONL, one labelled answer per line: ``{"prompt", "response", "label"}`` plus any item
field (``requirement``, ``expected``, ``language``, ``canary``, …). Labels are outcome names
(``passed``, ``refused``, …) or the usual shorthands (C/I/P, pass/fail, true/false, 1/0; 1–5 for
the rubric scale). A judge failure counts as a disagreement: it is a verdict nobody can use.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from rich.console import Group
from rich.table import Table

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.outcomes import NO_VERDICT, Outcome
from shinsa.scorers.base import Scorer
from shinsa.scorers.records import record_item
from shinsa.stats import Proportion, wilson
from shinsa.suites.base import validation_message
from shinsa.suites.encoding import resolve_encoding
from shinsa.targets.base import Completion

_ALIASES: dict[str, Outcome] = {
    **dict.fromkeys(
        ("c", "correct", "pass", "ok", "safe", "yes", "true", "acceptable", "合格"), Outcome.PASSED
    ),
    **dict.fromkeys(
        ("i", "incorrect", "fail", "unsafe", "no", "false", "violation", "不合格"), Outcome.FAILED
    ),
    **dict.fromkeys(("p", "safe_completion"), Outcome.PARTIAL),
    **dict.fromkeys(("refusal", "refuse"), Outcome.REFUSED),
    **dict.fromkeys(("comply", "compliance", "answered"), Outcome.COMPLIED),
}
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
MAX_LISTED_DISAGREEMENTS = 10


def normalise_label(raw: Any, rubric_scale: bool = False) -> Outcome:
    """The outcome a human label stands for. On the rubric scale 1–2 is a violation (failed),
    3 partial, 4–5 acceptable (passed); elsewhere 1 and 0 mean passed and failed."""
    if isinstance(raw, bool):
        return Outcome.PASSED if raw else Outcome.FAILED
    text = str(raw).strip().casefold()
    if re.fullmatch(r"\d+(?:\.0)?", text):
        number = int(float(text))
        if rubric_scale and 1 <= number <= 5:
            return Outcome.FAILED if number < 3 else Outcome.PASSED if number > 3 else Outcome.PARTIAL
        if not rubric_scale and number in (0, 1):
            return Outcome.PASSED if number else Outcome.FAILED
        raise ValueError(f"label {raw!r} is outside the {'1-5 rubric' if rubric_scale else '0/1'} scale")
    if text in _ALIASES:
        return _ALIASES[text]
    try:
        return Outcome(text)
    except ValueError:
        raise ValueError(f"unknown label {raw!r}") from None


@dataclass(frozen=True, slots=True)
class LabelledAnswer:
    line: int
    item: Item
    response: str
    label: Outcome


def load_labels(path: Path, rubric_scale: bool = False, encoding: str | None = None) -> list[LabelledAnswer]:
    """Read a labels file; every problem is an :class:`InputError` naming the line."""
    if not path.is_file():
        raise InputError(f"labels file not found: {path}")
    codec = resolve_encoding(path, encoding)
    answers: list[LabelledAnswer] = []
    with path.open(encoding=codec) as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: malformed JSON: {exc.msg}") from None
            if (
                not isinstance(record, dict)
                or not isinstance(record.get("response"), str)
                or "label" not in record
            ):
                raise InputError(
                    f"{where}: expected an object with 'prompt', 'response' (a string) and 'label'"
                )
            fields = {k: v for k, v in record.items() if k not in ("response", "label")}
            if "language" not in fields and isinstance(fields.get("prompt"), str):
                fields["language"] = "ja" if _JAPANESE.search(fields["prompt"]) else "en"
            try:
                item = record_item(fields, number)
                label = normalise_label(record["label"], rubric_scale)
            except ValidationError as exc:
                raise InputError(f"{where}: {validation_message(exc)}") from None
            except ValueError as exc:
                raise InputError(f"{where}: {exc}") from None
            answers.append(LabelledAnswer(number, item, record["response"], label))
    if not answers:
        raise InputError(f"{path}: no labelled answers")
    return answers


def confusion_matrix(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, ...], tuple[tuple[int, ...], ...]]:
    """Classes (in outcome order) and counts; rows are the human label, columns the verdict."""
    seen = {label for pair in pairs for label in pair}
    order = [o.value for o in Outcome]
    classes = tuple(sorted(seen, key=lambda c: (order.index(c) if c in order else len(order), c)))
    counts = Counter(pairs)
    return classes, tuple(tuple(counts[(row, column)] for column in classes) for row in classes)


def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's κ for two raters; None when chance agreement is certain (one class for both)."""
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in first) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


@dataclass(frozen=True, slots=True)
class Disagreement:
    item_id: str
    line: int
    label: str
    verdict: str
    explanation: str


@dataclass(frozen=True, slots=True)
class Validation:
    scorer: dict[str, Any]
    """The scorer's manifest entry (name, version, judge fingerprint)."""
    n: int
    agreement: Proportion
    kappa: float | None
    classes: tuple[str, ...]
    matrix: tuple[tuple[int, ...], ...]
    no_verdict: int
    """Verdicts that were empty, unscorable or errors (judge failures): counted as disagreements."""
    disagreements: tuple[Disagreement, ...]

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["agreement"] = {
            "value": self.agreement.value,
            "n": self.agreement.n,
            "low": self.agreement.low,
            "high": self.agreement.high,
        }
        return data


async def validate(scorer: Scorer, answers: Sequence[LabelledAnswer], concurrency: int = 4) -> Validation:
    """Score every labelled answer and compare the verdicts with the labels."""
    if concurrency < 1:
        raise InputError("concurrency must be at least 1")
    gate = asyncio.Semaphore(concurrency)

    async def verdict(answer: LabelledAnswer) -> tuple[Outcome, str]:
        async with gate:
            score = await scorer.verdict(answer.item, Completion(answer.response))
        return score.outcome, score.explanation

    verdicts = await asyncio.gather(*(verdict(answer) for answer in answers))
    pairs = [
        (answer.label.value, outcome.value) for answer, (outcome, _) in zip(answers, verdicts, strict=True)
    ]
    classes, matrix = confusion_matrix(pairs)
    disagreements = tuple(
        Disagreement(answer.item.id, answer.line, answer.label.value, outcome.value, explanation)
        for answer, (outcome, explanation) in zip(answers, verdicts, strict=True)
        if outcome is not answer.label
    )
    return Validation(
        scorer=scorer.describe(),
        n=len(pairs),
        agreement=wilson(sum(a == b for a, b in pairs), len(pairs)),
        kappa=cohen_kappa(pairs),
        classes=classes,
        matrix=matrix,
        no_verdict=sum(outcome in NO_VERDICT for outcome, _ in verdicts),
        disagreements=disagreements,
    )


def render(validation: Validation) -> Group:
    """Summary, confusion matrix and the first disagreements, as rich tables."""
    summary = Table(title="Scorer vs human labels", show_header=False)
    summary.add_column("measure")
    summary.add_column("value", justify="right")
    agreement = validation.agreement
    summary.add_row("scorer", validation.scorer.get("name", "?"))
    judges = [validation.scorer["judge"]] if "judge" in validation.scorer else []
    judges += [member["judge"] for member in validation.scorer.get("members", []) if "judge" in member]
    for judge in judges:
        summary.add_row("judge", json.dumps(judge, ensure_ascii=False, sort_keys=True))
    summary.add_row("n", str(validation.n))
    summary.add_row(
        "agreement (95% CI)",
        f"{(agreement.value or 0) * 100:.1f}% ({agreement.low * 100:.1f}–{agreement.high * 100:.1f})",
    )
    summary.add_row("Cohen's κ", f"{validation.kappa:.3f}" if validation.kappa is not None else "n/a")
    summary.add_row("no verdict (counted as disagreement)", str(validation.no_verdict))

    matrix = Table(title="Confusion matrix (rows: human label, columns: scorer verdict)")
    matrix.add_column("label \\ verdict")
    for name in validation.classes:
        matrix.add_column(name, justify="right")
    for name, row in zip(validation.classes, validation.matrix, strict=True):
        matrix.add_row(name, *(str(count) for count in row))

    parts: list[Table] = [summary, matrix]
    if validation.disagreements:
        listed = Table(title=f"Disagreements (first {MAX_LISTED_DISAGREEMENTS})")
        for column in ("line", "item", "label", "verdict", "explanation"):
            listed.add_column(column, overflow="fold")
        for case in validation.disagreements[:MAX_LISTED_DISAGREEMENTS]:
            listed.add_row(str(case.line), case.item_id, case.label, case.verdict, case.explanation)
        parts.append(listed)
    return Group(*parts)
