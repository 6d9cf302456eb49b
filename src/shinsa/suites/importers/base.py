"""Shared parts of the dataset importers: the prefix registry, the suite class, and record readers
that report bad records as ``file:line``.

An importer turns a public dataset file the user holds into native items, one record at a time, so
a suite spec such as ``bbq:PATH`` runs like any other suite. Nothing is ever bundled or fetched.
"""

from __future__ import annotations

import csv
import json
import re
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from shinsa.errors import InputError
from shinsa.registry import Registry
from shinsa.suites.base import Suite
from shinsa.suites.encoding import decode_error
from shinsa.suites.files import FileSuite, Record, RecordReader, read_jsonl, short_row

Importer = Callable[[str, str | None], Suite]
"""Builds a suite from the part of the spec after ``prefix:`` and the ``--encoding`` option."""

importers: Registry[Importer] = Registry(
    "importer",
    "shinsa.importers",
    {
        prefix: f"shinsa.suites.importers.{prefix}"
        for prefix in ("aisev", "ailuminate", "answercarefully", "bbq", "jtruthfulqa", "mapped")
    },
)
"""Suite-spec prefixes; a plugin publishes an :data:`Importer` function under ``shinsa.importers``."""

_KANA = re.compile(r"[\u3040-\u30ff]")
_HEADER_SEPARATORS = re.compile(r"[\s\-]+")
_PARQUET_BATCH_ROWS = 1024


class ImportedSuite(FileSuite):
    """A file suite whose content hash also covers the importer (and its options), since the same
    file read by another importer version or mapping yields different items."""

    def __init__(
        self,
        path: Path,
        reader: RecordReader,
        importer: str,
        *,
        encoding: str | None,
        options: dict[str, Any] | None = None,
    ) -> None:
        # Parquet is binary: give it a codec explicitly so the text-encoding sniffer leaves it alone.
        binary = path.suffix.lower() == ".parquet"
        super().__init__(path.stem, [path], reader, importer, encoding="utf-8" if binary else encoding)
        self._identity = json.dumps(
            {"importer": importer, "options": options or {}}, sort_keys=True, default=str
        )

    def hash_parts(self) -> Iterator[bytes]:
        yield self._identity.encode() + b"\0"
        yield from super().hash_parts()


def existing_file(spec: str, prefix: str) -> Path:
    if not spec:
        raise InputError(f"suite spec {prefix}: needs a file path, e.g. {prefix}:data.jsonl")
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"{prefix}: file not found: {spec}")
    return path


def language_of(text: str) -> str:
    """``ja`` when the text contains kana, else ``en``: the two languages items can have."""
    return "ja" if _KANA.search(text) else "en"


def header_key(name: str) -> str:
    """Column names compared loosely: ``Correct Answers``, ``correct_answers`` and ``correct-answers``
    are the same column."""
    return _HEADER_SEPARATORS.sub("_", name.strip().lstrip("\ufeff").lower())


def csv_rows(path: Path, encoding: str, required: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows keyed by :func:`header_key`, with the line each row starts on; the header must hold
    every ``required`` column."""
    delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
    with path.open(encoding=encoding, newline="") as handle:
        try:
            reader = csv.reader(handle, delimiter=delimiter)
            header = [header_key(name) for name in next(reader, [])]
            missing = [column for column in required if column not in header]
            if missing:
                raise InputError(f"{path}:1: missing column {missing[0]!r} (columns found: {shown_columns(header)})")
            start = reader.line_num + 1
            for cells in reader:
                if len(cells) > len(header):
                    raise InputError(f"{path}:{start}: more cells than header columns")
                if 0 < len(cells) < len(header) and any(cell.strip() for cell in cells):
                    raise InputError(short_row(path, start, len(cells), len(header)))
                if any(cell.strip() for cell in cells):
                    yield start, dict(zip(header, cells, strict=False))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise InputError(f"{path}: malformed CSV: {exc}") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: cannot be decoded as {encoding}; pass --encoding") from None


def shown_columns(header: list[str], limit: int = 120) -> str:
    """The header's columns for an error message, cut short: a file of another kind (JSON, a
    different dataset) has a first "header" line that can run to hundreds of characters."""
    return textwrap.shorten(", ".join(header), limit, placeholder=" …") or "none"


def read_json_records(path: Path, encoding: str) -> Iterator[Record]:
    """Objects from a JSON array or a JSONL file (told apart by the first character), with the line
    each object starts on. JSONL streams; an array is read whole but decoded one object at a time."""
    with path.open(encoding=encoding) as handle:
        try:
            head = handle.read(4096).lstrip()
        except UnicodeDecodeError:
            raise decode_error(path, 1, encoding) from None
    if head.startswith("["):
        yield from _json_array(path, encoding)
    else:
        yield from read_jsonl(path, encoding)


def _json_array(path: Path, encoding: str) -> Iterator[Record]:
    try:
        text = path.read_text(encoding=encoding)
    except UnicodeDecodeError:
        raise decode_error(path, 1, encoding) from None
    decoder = json.JSONDecoder()
    position = _skip_space(text, text.index("[") + 1)
    if text.startswith("]", position):
        return
    while True:
        line = text.count("\n", 0, position) + 1
        try:
            record, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: malformed JSON: {exc.msg}") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}:{line}: expected a JSON object, got {type(record).__name__}")
        yield line, record
        position = _skip_space(text, position)
        if text.startswith(",", position):
            position = _skip_space(text, position + 1)
            continue
        if text.startswith("]", position) and not text[position + 1 :].strip():
            return
        raise InputError(
            f"{path}:{text.count(chr(10), 0, position) + 1}: malformed JSON: expected ',' or ']'"
        )


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def read_parquet(path: Path, encoding: str) -> Iterator[Record]:
    """Rows of a parquet file in batches (numbered from 1), when pyarrow is installed."""
    del encoding  # parquet stores its own text encoding
    try:
        import pyarrow
        import pyarrow.parquet as parquet
    except ImportError:
        raise InputError(
            f"{path}: reading parquet needs pyarrow: pip install 'shinsa[parquet]' (or convert it to JSONL)"
        ) from None
    try:
        source = parquet.ParquetFile(path)
        number = 0
        for batch in source.iter_batches(batch_size=_PARQUET_BATCH_ROWS):
            for row in batch.to_pylist():
                number += 1
                yield number, row
    except (OSError, pyarrow.ArrowException) as exc:
        message = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise InputError(f"{path}: cannot read parquet: {message}") from None


def required_text(path: Path, number: int, record: dict[str, Any], field: str) -> str:
    """A non-empty string field of a record, or a one-line error saying which and where."""
    value = record.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InputError(f"{path}:{number}: missing or empty field {field!r}")
    if isinstance(value, (dict, list)):
        raise InputError(f"{path}:{number}: field {field!r} must be text, got {type(value).__name__}")
    return str(value)
