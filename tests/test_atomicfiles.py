"""Exports and reports write whole files to regular paths only: a device, a FIFO, a symlink or a
folder where a file is expected, or a file where a folder is expected, is one line and exit 2, and
neither the path nor the run's data is touched."""

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.atomicfiles import write_atomically
from shinsa.errors import InputError
from shinsa.store.store import Store

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def shinsa(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHINSA_DB": db, "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "200"}
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=env, timeout=120)


def _one_line(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in result.stderr, result.stderr


def test_write_atomically_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    for path, kind in ((link, "a symbolic link"), (fifo, "a FIFO"), (tmp_path, "a folder"), (Path("/dev/null"), "a device")):
        with pytest.raises(InputError, match=kind):
            write_atomically(path, lambda handle: handle.write("x"))
    assert target.read_text(encoding="utf-8") == "keep" and link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and stat.S_ISCHR(os.stat("/dev/null").st_mode)
    with pytest.raises(InputError, match="is a file"):
        write_atomically(target / "under.txt", lambda handle: handle.write("x"))
    assert write_atomically(tmp_path / "new" / "fresh.txt", lambda handle: handle.write("ok")) == 2


@pytest.fixture
def finished_run(tmp_path: Path, sqlite_url: str) -> str:
    suite = tmp_path / "s.jsonl"
    suite.write_text(json.dumps({"id": "a", "perspective": 1, "prompt": "hi"}) + "\n", encoding="utf-8")
    result = shinsa("run", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo", "--run-id", "r", "--quiet", db=sqlite_url)
    assert result.returncode == 0, result.stderr
    return sqlite_url


def test_export_and_report_paths(tmp_path: Path, finished_run: str) -> None:
    db = finished_run
    before = list(Store(db).iter_attempts("r"))
    a_file = tmp_path / "file.txt"
    a_file.write_text("keep", encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    _one_line(shinsa("export", "r", "-o", "/dev/null", db=db), "a device")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    _one_line(shinsa("export", "r", "-o", str(fifo), db=db), "a FIFO")
    _one_line(shinsa("export", "r", "-o", str(tmp_path), db=db), "a folder")
    _one_line(shinsa("export", "r", "-o", str(a_file / "x.jsonl"), db=db), "is a file")
    _one_line(shinsa("report", "r", "-o", str(a_file), db=db), "is a file")
    _one_line(shinsa("report", "r", "-o", str(a_file / "sub"), db=db), "is a file")
    (tmp_path / "rep" / "report.html").mkdir(parents=True)
    _one_line(shinsa("report", "r", "-o", str(tmp_path / "rep"), db=db), "a folder")
    assert a_file.read_text(encoding="utf-8") == "keep"
    assert list(Store(db).iter_attempts("r")) == before
