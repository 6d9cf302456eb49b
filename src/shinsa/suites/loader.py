"""Resolve a ``--suite`` argument to a :class:`Suite`."""

from __future__ import annotations

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
from shinsa.suites.importers import load_imported
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
        if "/" in spec or path.suffix.lower() in {".jsonl", ".yaml", ".yml", ".csv"}:
            raise InputError(f"suite file not found: {spec}")
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
        return FileSuite(path.stem, [path], read_native_csv, "csv", encoding=encoding)
    raise InputError(f"{spec}: unknown suite format {suffix or '(no extension)'} (use .jsonl, .yaml or .csv)")


def _folder_suite(path: Path, encoding: str | None) -> Suite:
    manifest_path = path / "suite.yaml"
    if not manifest_path.is_file():
        raise InputError(f"{path}: a suite folder needs a suite.yaml")
    manifest = read_yaml_model(BundledManifest, manifest_path, "suite manifest")
    if manifest.select is not None:
        return SelectedSuite(manifest)
    return folder_suite(path, manifest, str(path), encoding)
