"""The attempt record: how one scored answer is stored (one row of the ``attempts`` table)."""

from __future__ import annotations

import json
import time
from typing import Any

from shinsa.items import Item
from shinsa.outcomes import Score
from shinsa.targets.base import Completion


def attempt_record(
    *,
    run_id: str,
    suite: str,
    attack_id: str,
    item: Item,
    scorer: str,
    verdict: Score,
    cache_key: str,
    response: str | None = None,
    error: str | None = None,
    latency_ms: float | None = None,
    prompt_tokens: int | None = None,
    completion_tokens: int | None = None,
    retries: int = 0,
    cached: bool = False,
) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "suite": suite,
        "item_id": item.id,
        "attack_id": attack_id,
        "perspective": item.perspective,
        "language": item.language,
        "benign": item.benign,
        "expected": item.expected.value,
        "pair_id": item.pair_id,
        "group_id": item.group,
        "prompt": item.prompt_text(),
        "item": item.model_dump_json(exclude_defaults=True),
        "response": response,
        "outcome": verdict.outcome.value,
        "score": verdict.value,
        "scorer": scorer,
        "explanation": verdict.explanation,
        "details": json.dumps(verdict.details, ensure_ascii=False) if verdict.details else None,
        "error": error,
        "latency_ms": latency_ms,
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "retries": retries,
        "cached": cached,
        "cache_key": cache_key,
        "finished_at": time.time(),
    }


def cached_completion(row: dict[str, Any]) -> Completion:
    """An earlier answer rebuilt from its attempt row. The verdict's details carry what the
    ``response`` column does not: that the answer was cut off, and its ``<think>`` reasoning."""
    details = json.loads(row["details"]) if row.get("details") else {}
    return Completion(
        row["response"],
        row["prompt_tokens"],
        row["completion_tokens"],
        finish_reason=details.get("finish_reason"),
        reasoning=details.get("reasoning"),
    )
