"""Exports of a run: one record per attempt as JSONL, CSV or a full JSON document."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

EXPORT_FIELDS = (
    "run_id",
    "suite",
    "item_id",
    "attack_id",
    "perspective",
    "language",
    "benign",
    "expected",
    "pair_id",
    "group_id",
    "prompt",
    "response",
    "outcome",
    "score",
    "scorer",
    "explanation",
    "error",
    "latency_ms",
    "prompt_tokens",
    "completion_tokens",
    "retries",
    "cached",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""Also the fullwidth ＝ ＋ － ＠, which spreadsheets in Japanese locales read as their ASCII forms."""


def neutralise_cell(value: Any) -> Any:
    """Spreadsheets execute cells starting with = + - @ (CSV injection), or their fullwidth forms:
    prefix them with '."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def export_record(row: dict[str, Any]) -> dict[str, Any]:
    record = {name: row.get(name) for name in EXPORT_FIELDS}
    if row.get("details"):
        record["details"] = json.loads(row["details"])
    return record


def write_jsonl(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(export_record(row), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({name: neutralise_cell(row.get(name)) for name in EXPORT_FIELDS})
        count += 1
    return count


def write_json(rows: Iterable[dict[str, Any]], out: IO[str], run: dict[str, Any]) -> int:
    """The full document: the run with its manifest, then every attempt (streamed)."""
    header = {k: run[k] for k in ("run_id", "status", "created_at", "total", "manifest", "command")}
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "attempts": [')
    count = 0
    for row in rows:
        out.write(("," if count else "") + "\n" + json.dumps(export_record(row), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count
