"""Any JSONL, JSON array, CSV/TSV or parquet file, with a mapping from item fields to its columns.

Spec: ``mapped:PATH?map=FIELD=COLUMN,...[&set=FIELD=VALUE,...]`` or ``mapped:PATH?map=MAPPING.yaml``
where the YAML file holds ``map:`` (field → column) and ``set:`` (field → constant). JSON columns may
be dotted paths into nested objects (``meta.category``). Text cells are converted as in the native
CSV format (``|``-separated lists, JSON objects, ``true``/``false``). Unmapped ids are numbered in
file order; an unmapped language is ``ja`` when the prompt contains kana, else ``en``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.suites.base import Suite
from shinsa.suites.files import Record, typed_csv_record
from shinsa.suites.importers.base import (
    ImportedSuite,
    csv_rows,
    existing_file,
    header_key,
    importers,
    language_of,
    read_json_records,
    read_parquet,
)

PREFIX = "mapped"
ITEM_FIELDS = tuple(Item.model_fields)
_TABLE_SUFFIXES = (".csv", ".tsv")
_USAGE = "use mapped:PATH?map=FIELD=COLUMN,... or mapped:PATH?map=MAPPING.yaml"


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    columns: dict[str, str]
    """Item field → source column (or dotted path into a JSON object)."""
    constants: dict[str, Any] = field(default_factory=dict)
    """Item field → the value every item gets."""

    def __post_init__(self) -> None:
        for name in (*self.columns, *self.constants):
            if name not in ITEM_FIELDS:
                raise InputError(f"mapping: unknown item field {name!r} (fields: {', '.join(ITEM_FIELDS)})")
        if "prompt" not in self.columns:
            raise InputError("mapping: map prompt to a column, e.g. map=prompt=question")
        if "perspective" not in self.columns and "perspective" not in self.constants:
            raise InputError("mapping: map perspective to a column or set it, e.g. set=perspective=toxic")


def _pairs(text: str, what: str) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for part in filter(None, (piece.strip() for piece in text.split(","))):
        name, separator, value = part.partition("=")
        if not separator or not name.strip() or not value.strip():
            raise InputError(f"mapping: {what} entry {part!r} is not FIELD=VALUE; {_USAGE}")
        pairs[name.strip()] = value.strip()
    return pairs


def _string_dict(value: Any, where: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(key, str) for key in value):
        raise InputError(f"{where}: expected a mapping of item fields")
    return value


def load_mapping_file(path: Path) -> ColumnMapping:
    """A YAML mapping file: ``map:`` (field → column) and optional ``set:`` (field → value)."""
    if not path.is_file():
        raise InputError(f"mapping file not found: {path}")
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: malformed mapping file: {str(exc).splitlines()[0]}") from None
    if not isinstance(document, dict) or set(document) - {"map", "set"}:
        raise InputError(f"{path}: a mapping file holds 'map' and optionally 'set'")
    columns = _string_dict(document.get("map"), f"{path}: map")
    return ColumnMapping(
        {k: str(v) for k, v in columns.items()}, _string_dict(document.get("set"), f"{path}: set")
    )


def parse_mapping(query: str) -> ColumnMapping:
    """The ``map=...&set=...`` part of a spec (also what a ``--map`` option would take)."""
    options: dict[str, str] = {}
    for part in filter(None, query.split("&")):
        key, separator, value = part.partition("=")
        if key not in ("map", "set") or not separator:
            raise InputError(f"mapping: unknown option {part!r}; {_USAGE}")
        options[key] = value
    if "map" not in options:
        raise InputError(f"mapping: missing map=...; {_USAGE}")
    source = options["map"].strip()
    if "=" not in source and source.lower().endswith((".yaml", ".yml")):
        if "set" in options:
            raise InputError("mapping: with a mapping file, put constants under its 'set:'")
        return load_mapping_file(Path(source))
    return ColumnMapping(_pairs(source, "map"), _pairs(options.get("set", ""), "set"))


def _lookup(record: Mapping[str, Any], path: str) -> Any:
    if path in record:
        return record[path]
    value: Any = record
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    return value


def _source_rows(path: Path, encoding: str, mapping: ColumnMapping) -> Iterator[tuple[int, dict[str, Any]]]:
    suffix = path.suffix.lower()
    if suffix in _TABLE_SUFFIXES:
        keys = {name: header_key(column) for name, column in mapping.columns.items()}
        for number, row in csv_rows(path, encoding, tuple(keys.values())):
            yield number, {name: row.get(key) for name, key in keys.items()}
        return
    records = read_parquet(path, encoding) if suffix == ".parquet" else read_json_records(path, encoding)
    for number, record in records:
        yield number, {name: _lookup(record, column) for name, column in mapping.columns.items()}


def mapped_records(path: Path, encoding: str, mapping: ColumnMapping) -> Iterator[Record]:
    for index, (number, mapped) in enumerate(_source_rows(path, encoding, mapping), 1):
        record: dict[str, Any] = dict(mapping.constants)
        record.update({name: value for name, value in mapped.items() if value is not None and value != ""})
        record = typed_csv_record(path, number, record)
        record.setdefault("id", f"{path.stem}-{index:04d}")
        record["id"] = str(record["id"])
        record.setdefault("source", PREFIX)
        prompt = record.get("prompt")
        if "language" not in record and isinstance(prompt, str):
            record["language"] = language_of(prompt)
        yield number, record


def load_mapped(path: Path, mapping: ColumnMapping, encoding: str | None = None) -> Suite:
    def reader(source: Path, codec: str) -> Iterator[Record]:
        return mapped_records(source, codec, mapping)

    options = {"map": mapping.columns, "set": mapping.constants}
    return ImportedSuite(path, reader, PREFIX, encoding=encoding, options=options)


@importers.register(PREFIX)
def load(spec: str, encoding: str | None) -> Suite:
    location, separator, query = spec.rpartition("?")
    if not separator:
        raise InputError(f"suite spec mapped:{spec} has no column mapping; {_USAGE}")
    return load_mapped(existing_file(location, PREFIX), parse_mapping(query), encoding)
