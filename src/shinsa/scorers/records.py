"""Scoring of answers recorded elsewhere (``shinsa score``, judge validation): no call to the assessed model."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.scorers.base import build_scorer
from shinsa.suites.base import validation_message
from shinsa.suites.encoding import resolve_encoding
from shinsa.suites.files import read_jsonl
from shinsa.targets.base import Completion, Target

_ITEM_FIELDS = set(Item.model_fields)


def record_item(record: dict[str, Any], number: int) -> Item:
    """The item a record was answering: its own fields, or defaults around ``prompt``."""
    fields = {k: v for k, v in record.items() if k in _ITEM_FIELDS}
    fields.setdefault("id", str(record.get("item_id") or f"record-{number}"))
    fields.setdefault("perspective", 1)
    if "prompt" not in fields and isinstance(record.get("messages"), list):
        fields["prompt"] = [m for m in record["messages"] if m.get("role") != "system"]
    if isinstance(fields.get("item"), dict):
        fields = fields["item"]
    return Item.model_validate(fields)


async def score_records(path: Path, scorer_name: str, judge: Target | None, encoding: str | None) -> list[dict[str, Any]]:
    if not path.is_file():
        raise InputError(f"file not found: {path}")
    scorer = build_scorer(scorer_name, judge=judge)
    if scorer.needs_judge and judge is None:
        raise InputError(f"scorer {scorer_name!r} needs an LLM judge: pass --judge TARGET")
    parsed: list[tuple[dict[str, Any], Item]] = []
    for number, record in read_jsonl(path, resolve_encoding(path, encoding)):
        if "response" not in record:
            raise InputError(f"{path}:{number}: expected an object with 'prompt' and 'response'")
        try:
            parsed.append((record, record_item({k: v for k, v in record.items() if k != "response"}, number)))
        except ValidationError as exc:
            raise InputError(f"{path}:{number}: {validation_message(exc)}") from None
    if not parsed:
        raise InputError(f"{path}: no records")
    out = []
    if judge is not None:
        await judge.open()
    try:
        for record, item in parsed:
            response = record["response"] if isinstance(record["response"], str) else ""
            verdict = await scorer.verdict(item, Completion(response))
            out.append({**record, "outcome": verdict.outcome.value, "score": verdict.value, "explanation": verdict.explanation, "scorer": scorer_name})
    finally:
        if judge is not None:
            await judge.close()
    return out
