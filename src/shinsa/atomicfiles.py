"""Files written whole or not at all: exports, generated suites and reports never stay half-written."""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from shinsa.errors import InputError


def writable_destination(path: Path) -> None:
    """Refuse a path that is not a regular file or a new name: replacing it would turn a device
    (``/dev/null``), a FIFO or a symlink into a regular file, or fail on a folder."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except NotADirectoryError:
        raise InputError(f"cannot write {path}: a part of its folder is a file") from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    if stat.S_ISREG(mode):
        return
    kind = (
        "a folder" if stat.S_ISDIR(mode) else "a symbolic link" if stat.S_ISLNK(mode)
        else "a FIFO" if stat.S_ISFIFO(mode) else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    raise InputError(f"cannot write {path}: it is {kind}; give the path of a regular file or a new one")


def output_folder(folder: Path) -> Path:
    """Create ``folder`` for a report or its files, or say in one line why it cannot be one."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"cannot write into {folder}: it, or a folder above it, is a file") from None
    except OSError as exc:
        raise InputError(f"cannot write into {folder}: {exc.strerror or exc}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"cannot write into {folder}: permission denied")
    return folder


def write_atomically(path: Path, write: Callable[[TextIO], int], encoding: str = "utf-8", errors: str = "strict") -> int:
    """Write via a temporary file in the same folder, so a failure never leaves half a file.
    ``encoding`` and ``errors`` serve exports for Excel (utf-8-sig, cp932 with replacement).
    Only a regular file or a new path is written; anything else, or a folder that cannot be
    created or written, is an :class:`InputError` and nothing is touched."""
    writable_destination(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except (FileExistsError, NotADirectoryError):
        raise InputError(f"cannot write {path}: a part of its folder is a file") from None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding=encoding, errors=errors, newline="") as handle:
            count = write(handle)
        os.replace(tmp, path)
        return count
    except OSError as exc:  # a full disk, a folder made read-only meanwhile
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
