"""Suites shipped with Shinsa as package data (``src/shinsa/suites/data/<name>/suite.yaml``).

A manifest either lists item files (``files``, globs relative to its folder) or selects a
stratified subset of other bundled suites (``select``), as the ``quick`` suite does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.suites.base import Suite
from shinsa.suites.files import FileSuite, read_jsonl
from shinsa.yamlfiles import ChangelogEntry, read_yaml_model


class Selection(BaseModel):
    model_config = ConfigDict(extra="forbid")

    suites: list[str]
    per_perspective: int = Field(ge=1)
    """Items taken per (suite, perspective), harmful and benign alternating where both exist."""


class BundledManifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    version: str
    description: str = ""
    languages: list[str] = []
    files: list[str] = ["items/*.jsonl"]
    select: Selection | None = None
    changelog: list[ChangelogEntry] = []


def data_root() -> Path:
    return Path(str(resources.files("shinsa.suites") / "data"))


def bundled_names() -> list[str]:
    root = data_root()
    return sorted(p.parent.name for p in root.glob("*/suite.yaml"))


def load_manifest(name: str) -> BundledManifest:
    path = data_root() / name / "suite.yaml"
    if not path.is_file():
        return _unknown(name)
    return read_yaml_model(BundledManifest, path, "suite manifest")


def _unknown(name: str) -> BundledManifest:
    known = ", ".join(bundled_names())
    raise InputError(f"unknown suite {name!r}: not a file and not a bundled suite ({known})")


class SelectedSuite(Suite):
    """A deterministic stratified subset of other suites; ids keep their original values."""

    def __init__(self, manifest: BundledManifest) -> None:
        assert manifest.select is not None
        self.name = manifest.name
        self.version = manifest.version
        self.description = manifest.description
        self.format = "bundled-selection"
        self.origin = f"bundled:{manifest.name}"
        self.selection = manifest.select
        self.sources = [load_bundled(name) for name in manifest.select.suites]

    @staticmethod
    def _rank(item: Item) -> str:
        return hashlib.sha256(item.id.encode()).hexdigest()

    def _selected(self) -> Iterator[tuple[str, Item]]:
        for source in self.sources:
            by_perspective: dict[int, dict[bool, list[tuple[str, Item]]]] = {}
            for location, item in source.located_items():
                by_perspective.setdefault(item.perspective, {}).setdefault(item.benign, []).append(
                    (location, item)
                )
            for perspective in sorted(by_perspective):
                pools = {
                    benign: sorted(entries, key=lambda entry: self._rank(entry[1]))
                    for benign, entries in by_perspective[perspective].items()
                }
                order = [pools.get(False, []), pools.get(True, [])]
                taken: list[tuple[str, Item]] = []
                while len(taken) < self.selection.per_perspective and any(order):
                    for pool in order:
                        if pool and len(taken) < self.selection.per_perspective:
                            taken.append(pool.pop(0))
                yield from sorted(taken, key=lambda entry: entry[1].id)

    def located_items(self) -> Iterator[tuple[str, Item]]:
        return self._selected()

    def hash_parts(self) -> Iterator[bytes]:
        for _, item in self._selected():
            yield json.dumps(item.model_dump(mode="json"), sort_keys=True, ensure_ascii=False).encode()


def load_bundled(name: str) -> Suite:
    manifest = load_manifest(name)
    if manifest.select is not None:
        return SelectedSuite(manifest)
    return folder_suite(data_root() / name, manifest, f"bundled:{name}")


def folder_suite(folder: Path, manifest: BundledManifest, origin: str, encoding: str | None = None) -> FileSuite:
    """The JSONL item files a manifest names, relative to its folder."""
    files = sorted({p for pattern in manifest.files for p in folder.glob(pattern)})
    if not files:
        raise InputError(f"{origin}: no item files match {manifest.files}")
    return FileSuite(
        manifest.name,
        files,
        read_jsonl,
        "jsonl",
        version=manifest.version,
        description=manifest.description,
        encoding=encoding,
        origin=origin,
    )
