"""aisev CSVs named explicitly (``aisev:PATH.csv``); a plain ``.csv`` path with aisev's header is
recognised by the loader without the prefix."""

from __future__ import annotations

from pathlib import Path

from shinsa.errors import InputError
from shinsa.suites.base import Suite
from shinsa.suites.files import FileSuite, read_aisev_csv
from shinsa.suites.importers.base import importers

PREFIX = "aisev"


@importers.register(PREFIX)
def load(spec: str, encoding: str | None) -> Suite:
    path = Path(spec)
    if not path.is_file():
        raise InputError(f"suite file not found: {spec}")
    return FileSuite(path.stem, [path], read_aisev_csv, "aisev-csv", encoding=encoding)
