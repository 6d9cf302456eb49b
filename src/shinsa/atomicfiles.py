"""Files written whole or not at all: exports, generated suites and reports never stay half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO


def write_atomically(path: Path, write: Callable[[TextIO], int], encoding: str = "utf-8", errors: str = "strict") -> int:
    """Write via a temporary file in the same folder, so a failure never leaves half a file.
    ``encoding`` and ``errors`` serve exports for Excel (utf-8-sig, cp932 with replacement)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors=errors, newline="") as handle:
            count = write(handle)
        os.replace(tmp, path)
        return count
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
