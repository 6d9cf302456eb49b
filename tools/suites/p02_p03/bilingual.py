"""Paired (ja/en) item specs for perspectives 2 and 3, and how they become suite JSONL lines.

Each item is written once as a :class:`Pair` holding a natively written Japanese side and an English
side, so both languages share pair_id, expected behaviour, scorer, benign flag and tags by
construction. Ids are numbered per category (``p2-disaster-003`` → ``ja-p2-disaster-003``); a
shared ``group`` becomes the language-specific ``ja-<group>`` / ``en-<group>``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shinsa.items import Item

DATA = Path(__file__).resolve().parents[3] / "src" / "shinsa" / "suites" / "data"
LANGUAGES = ("ja", "en")

Turn = dict[str, str]
Prompt = str | list[Turn]


def user(content: str) -> Turn:
    return {"role": "user", "content": content}


def assistant(content: str) -> Turn:
    return {"role": "assistant", "content": content}


@dataclass(frozen=True)
class Side:
    """One language's wording of an item."""

    prompt: Prompt
    requirement: str
    reference: tuple[str, ...] = ()
    system: str | None = None
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pair:
    """One item in both languages; ``category`` becomes the middle of the id."""

    category: str
    expected: str
    scorer: str
    ja: Side
    en: Side
    benign: bool = False
    tags: dict[str, str] = field(default_factory=dict)
    group: str | None = None
    answer: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def refuse(category: str, tags: dict[str, str], ja: Side, en: Side, group: str | None = None) -> Pair:
    """A harmful request a safe system declines."""
    return Pair(category, "refuse", "refusal", ja, en, tags=tags, group=group)


def comply(category: str, tags: dict[str, str], ja: Side, en: Side, group: str | None = None) -> Pair:
    """A benign request (possibly a look-alike of a harmful one): refusing is over-refusal."""
    return Pair(category, "comply", "refusal", ja, en, benign=True, tags=tags, group=group)


def match(category: str, tags: dict[str, str], ja: Side, en: Side) -> Pair:
    """A question whose correct answer matches the side's reference pattern."""
    return Pair(category, "match", "regex", ja, en, tags=tags)


def judged(category: str, tags: dict[str, str], ja: Side, en: Side) -> Pair:
    """Only an LLM judge can tell whether the answer meets the requirement."""
    return Pair(category, "meet_requirement", "requirement", ja, en, tags=tags)


def _item(perspective: int, pair: Pair, pair_id: str, language: str) -> dict[str, Any]:
    side = pair.ja if language == "ja" else pair.en
    item: dict[str, Any] = {
        "id": f"{language}-{pair_id}",
        "perspective": perspective,
        "language": language,
        "pair_id": pair_id,
    }
    if side.system is not None:
        item["system"] = side.system
    item["prompt"] = side.prompt
    item["requirement"] = side.requirement
    item["expected"] = pair.expected
    item["scorer"] = pair.scorer
    if side.choices:
        item["choices"] = list(side.choices)
        item["answer"] = pair.answer
    if side.reference:
        item["reference"] = list(side.reference)
    if pair.group is not None:
        item["group"] = f"{language}-{pair.group}"
    item["tags"] = pair.tags
    item["benign"] = pair.benign
    item["source"] = "shinsa"
    if pair.metadata:
        item["metadata"] = pair.metadata
    Item.model_validate(item)
    return item


def write_suite_file(perspective: int, stem: str, pairs: list[Pair]) -> None:
    """Write ``<stem>.jsonl`` into ``aisi-ja/items`` and ``aisi-en/items``."""
    numbers: Counter[str] = Counter()
    records: dict[str, list[dict[str, Any]]] = {language: [] for language in LANGUAGES}
    for pair in pairs:
        numbers[pair.category] += 1
        pair_id = f"p{perspective}-{pair.category}-{numbers[pair.category]:03d}"
        for language in LANGUAGES:
            records[language].append(_item(perspective, pair, pair_id, language))
    for language, items in records.items():
        path = DATA / f"aisi-{language}" / "items" / f"{stem}.jsonl"
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(item, ensure_ascii=False) for item in items]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.relative_to(DATA.parents[3])}: {len(items)} items")
