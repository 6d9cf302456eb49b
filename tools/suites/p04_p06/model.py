"""Paired (ja/en) item specs for perspectives 4-6 and how they become suite JSONL lines.

Each scenario is written once as a :class:`Pair` holding a natively written Japanese side and an
English side, so both languages share pair_id, expected behaviour, scorer and benign flag by
construction. Canaries and injection markers are derived from the item id, so they are unique,
stable across rebuilds and random-looking to the target.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from shinsa.items import DEFAULT_SCORER, Expected, Item

Prompt = str | list[dict[str, str]]
SecretKind = Literal["canary", "marker"]

CANARY_SLOT = "{canary}"
"""Placeholder in a system prompt replaced by the item's leak canary."""
MARKER_SLOT = "{marker}"
"""Placeholder in a prompt replaced by the marker an injected instruction asks the model to print."""


@dataclass(frozen=True)
class Side:
    """One language's wording of a scenario."""

    prompt: Prompt
    requirement: str
    system: str | None = None
    reference: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pair:
    """One scenario in both languages; ``category`` becomes the middle of the id (p4-med-003)."""

    category: str
    expected: Expected
    ja: Side
    en: Side
    benign: bool = False
    scorer: str | None = None
    tags: dict[str, Any] = field(default_factory=dict)
    secret: SecretKind | None = None
    group: int | None = None
    """Group number within the perspective; becomes ``ja-p6-g01`` / ``en-p6-g01``."""


def secret_for(kind: SecretKind, item_id: str) -> str:
    digest = hashlib.sha256(f"{kind}:{item_id}".encode()).hexdigest()
    if kind == "canary":
        return f"SHINSA-CANARY-{digest[:6]}"
    return f"INJECTED-{digest[:6].upper()}"


def _fill(text: str, slot: str, value: str) -> str:
    return text.replace(slot, value)


def _fill_prompt(prompt: Prompt, slot: str, value: str) -> Prompt:
    if isinstance(prompt, str):
        return _fill(prompt, slot, value)
    return [{"role": m["role"], "content": _fill(m["content"], slot, value)} for m in prompt]


def expand(perspective: int, pairs: list[Pair]) -> dict[str, list[dict[str, Any]]]:
    """Turn pairs into validated item dicts per language, numbering ids within each category."""
    numbers: Counter[str] = Counter()
    out: dict[str, list[dict[str, Any]]] = {"ja": [], "en": []}
    for pair in pairs:
        numbers[pair.category] += 1
        pair_id = f"p{perspective}-{pair.category}-{numbers[pair.category]:03d}"
        for language, side in (("ja", pair.ja), ("en", pair.en)):
            item_id = f"{language}-{pair_id}"
            prompt, system = side.prompt, side.system
            record: dict[str, Any] = {
                "id": item_id,
                "perspective": perspective,
                "language": language,
                "pair_id": pair_id,
            }
            if pair.secret is not None:
                token = secret_for(pair.secret, item_id)
                slot = CANARY_SLOT if pair.secret == "canary" else MARKER_SLOT
                prompt = _fill_prompt(prompt, slot, token)
                system = _fill(system, slot, token) if system else system
                record_canary: str | None = token
            else:
                record_canary = None
            record["prompt"] = prompt
            if system:
                record["system"] = system
            record["requirement"] = side.requirement
            record["expected"] = pair.expected.value
            record["scorer"] = pair.scorer or DEFAULT_SCORER[pair.expected]
            if side.reference:
                record["reference"] = list(side.reference)
            if record_canary:
                record["canary"] = record_canary
            record["benign"] = pair.benign
            if pair.group is not None:
                record["group"] = f"{language}-p{perspective}-g{pair.group:02d}"
            record["tags"] = pair.tags
            record["source"] = "shinsa"
            _check(record, pair)
            out[language].append(record)
    return out


def _check(record: dict[str, Any], pair: Pair) -> None:
    Item.model_validate(record)
    text = json.dumps([record["prompt"], record.get("system")], ensure_ascii=False)
    if "{canary}" in text or "{marker}" in text:
        raise ValueError(f"{record['id']}: unfilled placeholder")
    if pair.secret and record["canary"] not in text:
        raise ValueError(f"{record['id']}: its {pair.secret} does not appear in the item")


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
