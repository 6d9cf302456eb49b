"""Resolve a ``--suite`` argument to a :class:`Suite`."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from shinsa.errors import InputError
from shinsa.suites.base import Suite
from shinsa.suites.bundled import BundledManifest, SelectedSuite, folder_suite, load_bundled
from shinsa.suites.encoding import resolve_encoding
from shinsa.suites.files import (
    FileSuite,
    is_aisev_csv,
    read_aisev_csv,
    read_jsonl,
    read_native_csv,
    read_yaml,
)
from shinsa.suites.importers import importers, load_imported
from shinsa.suites.importers.base import header_key, shown_columns
from shinsa.yamlfiles import read_yaml_model


def load_suite(spec: str, encoding: str | None = None) -> Suite:
    """``NAME`` (bundled), ``aisev:PATH.csv``, an importer spec (``bbq:PATH``, …, see
    :mod:`shinsa.suites.importers`), or a path to ``.jsonl``, ``.yaml``, ``.csv`` or a folder with
    ``suite.yaml``. aisev CSVs are also recognised by their header."""
    imported = load_imported(spec, encoding)
    if imported is not None:
        return imported
    path = Path(spec)
    if not path.exists():
        prefix = _PREFIX.match(spec)
        if prefix:
            raise InputError(f"unknown suite prefix {prefix.group(1)!r}: use one of {valid_prefixes()}")
        if "/" in spec or path.suffix.lower() in {".jsonl", ".yaml", ".yml", ".csv"}:
            raise InputError(f"suite file not found: {spec} (a suite is a bundled name, a file, or PREFIX:FILE with PREFIX one of {valid_prefixes()})")
        return load_bundled(spec)
    if path.is_dir():
        return _folder_suite(path, encoding)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        return FileSuite(path.stem, [path], read_jsonl, "jsonl", encoding=encoding)
    if suffix in {".yaml", ".yml"}:
        return FileSuite(path.stem, [path], read_yaml, "yaml", encoding=encoding)
    if suffix == ".csv":
        if is_aisev_csv(path, resolve_encoding(path, encoding)):
            return FileSuite(path.stem, [path], read_aisev_csv, "aisev-csv", encoding=encoding)
        _native_csv_header(path, resolve_encoding(path, encoding))
        return FileSuite(path.stem, [path], read_native_csv, "csv", encoding=encoding)
    raise InputError(f"{spec}: unknown suite format {suffix or '(no extension)'} (use .jsonl, .yaml or .csv)")


_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9_-]+):")
"""``name:`` at the start of a suite spec (two letters at least, so ``C:\\...`` stays a path)."""
def valid_prefixes() -> str:
    return ", ".join(f"{name}:" for name in importers.names())


def _native_csv_header(path: Path, encoding: str) -> None:
    """A native suite CSV needs an ``id`` column; a public dataset's CSV read without its importer
    prefix gets a hint naming the prefix instead of a per-row "id: Field required"."""
    with path.open(encoding=encoding, newline="") as handle:
        try:
            header = [header_key(name) for name in next(csv.reader(handle), [])]
        except (csv.Error, UnicodeDecodeError):
            return  # the reader reports these with their line
    if "id" in header:
        return
    from shinsa.suites.importers import ailuminate, jtruthfulqa

    for prefix, columns in ((jtruthfulqa.PREFIX, jtruthfulqa.REQUIRED_COLUMNS), (ailuminate.PREFIX, ailuminate.REQUIRED_COLUMNS)):
        if set(columns) <= set(header):
            raise InputError(f"{path} looks like a {prefix} file: use --suite {prefix}:{path}")
    raise InputError(
        f"{path}:1: a suite CSV needs an 'id' column (columns found: {shown_columns(header)}); "
        f"for a public dataset use its importer prefix: {valid_prefixes()}"
    )


def _folder_suite(path: Path, encoding: str | None) -> Suite:
    manifest_path = path / "suite.yaml"
    if not manifest_path.is_file():
        raise InputError(f"{path}: a suite folder needs a suite.yaml")
    manifest = read_yaml_model(BundledManifest, manifest_path, "suite manifest")
    if manifest.select is not None:
        return SelectedSuite(manifest)
    return folder_suite(path, manifest, str(path), encoding)
