"""Suites read from files: native JSONL, YAML and CSV, and aisev's CSV."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from shinsa.errors import InputError
from shinsa.items import Expected, Item
from shinsa.perspectives import perspective as lookup_perspective
from shinsa.suites.base import Suite, validation_message
from shinsa.suites.encoding import decode_error, resolve_encoding
from shinsa.untrusted import UntrustedValueError, parse_json, structure_problem

Record = tuple[int, dict[str, Any]]
RecordReader = Callable[[Path, str], Iterator[Record]]
MAX_LINE_CHARS = 16 * 1024 * 1024
"""A JSONL line longer than this is refused before it is read whole."""
MAX_DOCUMENT_BYTES = 256 * 1024 * 1024
"""A YAML suite is parsed whole: larger ones are refused (use JSONL, which streams)."""


def _validate(path: Path, number: int, record: dict[str, Any]) -> Item:
    # before pydantic, which would walk an alias bomb's billions of expanded values
    problem = structure_problem(record)
    if problem:
        raise InputError(f"{path}:{number}: {problem}")
    try:
        return Item.model_validate(record)
    except ValidationError as exc:
        raise InputError(f"{path}:{number}: {validation_message(exc)}") from None


def read_jsonl(path: Path, encoding: str) -> Iterator[Record]:
    with path.open(encoding=encoding, newline="") as handle:
        number = 0
        try:
            while line := handle.readline(MAX_LINE_CHARS + 1):
                number += 1
                if len(line) > MAX_LINE_CHARS:
                    raise InputError(f"{path}:{number}: line longer than {MAX_LINE_CHARS} characters")
                if not line.strip():
                    continue
                try:
                    record = parse_json(line, check_structure=False)  # _validate walks it once
                except UntrustedValueError as exc:
                    raise InputError(f"{path}:{number}: {exc}") from None
                if not isinstance(record, dict):
                    raise InputError(f"{path}:{number}: expected a JSON object, got {type(record).__name__}")
                yield number, record
        except UnicodeDecodeError:
            raise decode_error(path, number + 1, encoding) from None


def read_yaml(path: Path, encoding: str) -> Iterator[Record]:
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise InputError(f"{path}: larger than {MAX_DOCUMENT_BYTES} bytes; a suite that big belongs in JSONL")
    try:
        document = yaml.safe_load(path.read_text(encoding=encoding))
    except UnicodeDecodeError:
        raise decode_error(path, 1, encoding) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"{path}{line}: malformed YAML: {problem}") from None
    records = document.get("items") if isinstance(document, dict) else document
    if not isinstance(records, list):
        raise InputError(f"{path}: expected a list of items (or a mapping with 'items')")
    for index, record in enumerate(records, 1):
        if not isinstance(record, dict):
            raise InputError(f"{path}: item {index}: expected a mapping")
        yield index, record


_LIST_COLUMNS = ("choices", "reference")
_JSON_COLUMNS = ("tags", "metadata", "prompt")


def short_row(path: Path, line: int, cells: int, columns: int) -> str:
    """The error for a row with fewer cells than the header: silently reading it short would turn
    a partial download into a suite missing part of its last item."""
    return f"{path}:{line}: {cells} cells where the header has {columns} (a truncated row, e.g. from a partial download?)"


def _csv_rows(path: Path, encoding: str) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding=encoding, newline="") as handle:
        try:
            reader = csv.DictReader(handle)
            for row in reader:
                if None in row:
                    raise InputError(f"{path}:{reader.line_num}: more cells than header columns")
                if any(value is None for value in row.values()):
                    raise InputError(short_row(path, reader.line_num, sum(v is not None for v in row.values()), len(row)))
                yield reader.line_num, row
        except csv.Error as exc:
            raise InputError(f"{path}: malformed CSV: {exc}") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: cannot be decoded as {encoding}; pass --encoding") from None


def read_native_csv(path: Path, encoding: str) -> Iterator[Record]:
    """Native CSV: the item fields as columns; lists as JSON or ``|``-separated, objects as JSON."""
    for number, row in _csv_rows(path, encoding):
        record: dict[str, Any] = {k.strip(): v for k, v in row.items() if k and v not in (None, "")}
        yield number, typed_csv_record(path, number, record)


def typed_csv_record(path: Path, number: int, record: dict[str, Any]) -> dict[str, Any]:
    """Turn the text cells of a CSV row into item field values (also used by column mappings)."""
    for column in _LIST_COLUMNS:
        value = record.get(column)
        if isinstance(value, str) and not value.startswith("["):
            record[column] = value.split("|")
    for column in (*_LIST_COLUMNS, *_JSON_COLUMNS):
        value = record.get(column)
        if isinstance(value, str) and value[:1] in "[{":
            try:
                record[column] = parse_json(value)
            except UntrustedValueError as exc:
                raise InputError(f"{path}:{number}: column {column}: {exc}") from None
    if isinstance(record.get("benign"), str):
        record["benign"] = record["benign"].strip().lower() in {"1", "true", "yes", "y"}
    if isinstance(record.get("answer"), str):
        record["answer"] = int(record["answer"]) if record["answer"].isdigit() else record["answer"]
    return record


AISEV_COLUMNS = ("ten_perspective", "scorer", "requirement", "text", "gsn_perspective")


def read_aisev_csv(path: Path, encoding: str) -> Iterator[Record]:
    """aisev's dataset CSV. Rows have no id: they are numbered in file order, as aisev does."""
    stem = path.stem
    for index, (number, row) in enumerate(_csv_rows(path, encoding), 1):
        missing = [c for c in ("ten_perspective", "text") if not (row.get(c) or "").strip()]
        if missing:
            raise InputError(f"{path}:{number}: empty column {missing[0]}")
        try:
            perspective_id = lookup_perspective(row["ten_perspective"].strip()).id
        except InputError as exc:
            raise InputError(f"{path}:{number}: {exc}") from None
        record: dict[str, Any] = {
            "id": f"{stem}-{index:04d}",
            "perspective": perspective_id,
            "language": "ja",
            "prompt": row["text"],
            "requirement": (row.get("requirement") or "").strip() or None,
            "expected": Expected.MEET_REQUIREMENT.value,
            "scorer": "requirement",
            "tags": {"aisev_gsn": (row.get("gsn_perspective") or "").strip() or None},
            "source": "aisev",
        }
        choices = [row[f"ans{i}"] for i in range(26) if row.get(f"ans{i}")]
        if (row.get("scorer") or "").strip() in {"multiple_choice", "multiplechoice", "choice"} and choices:
            record.update(expected=Expected.CHOOSE.value, scorer="choice", choices=choices)
            output = (row.get("output") or "").strip().upper()
            record["answer"] = ord(output) - 65 if len(output) == 1 and output.isalpha() else None
        yield number, record


def is_aisev_csv(path: Path, encoding: str) -> bool:
    with path.open(encoding=encoding, newline="") as handle:
        header = next(csv.reader(handle), [])
    return {"ten_perspective", "text"}.issubset({h.strip() for h in header})


class FileSuite(Suite):
    """Items from one or more files of one format."""

    def __init__(
        self,
        name: str,
        files: list[Path],
        reader: RecordReader,
        fmt: str,
        *,
        version: str = "0",
        description: str = "",
        encoding: str | None = None,
        origin: str | None = None,
    ) -> None:
        self.name = name
        self.files = files
        self.reader = reader
        self.format = fmt
        self.version = version
        self.description = description
        self.origin = origin or ", ".join(str(f) for f in files)
        for path in files:
            if not path.is_file():  # a FIFO would block, a link to /dev/zero read forever
                raise InputError(f"{path}: not a regular file; a suite must be a file")
        self._encodings = {f: resolve_encoding(f, encoding) for f in files}

    def located_items(self) -> Iterator[tuple[str, Item]]:
        for path in self.files:
            for number, record in self.reader(path, self._encodings[path]):
                yield f"{path}:{number}", _validate(path, number, record)

    def hash_parts(self) -> Iterator[bytes]:
        for path in self.files:
            yield path.name.encode() + b"\0"
            with path.open("rb") as handle:
                while chunk := handle.read(1 << 20):
                    yield chunk
