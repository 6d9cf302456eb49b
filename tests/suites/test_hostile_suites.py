"""Input that ``suites show`` accepts also runs: NUL and lone surrogates in prompts, nesting that
overflows the stack, 5,000-digit integers, YAML alias bombs (in a suite and in an http target's
body), FIFOs and links to devices, over-long run ids and suite names are refused at load, with the
line, in one line and exit 2, by ``suites show`` and ``run`` alike."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def shinsa(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SHINSA_DB": f"sqlite:///{tmp_path / 'db.sqlite'}", "PYTHONPATH": os.pathsep.join(sys.path), "COLUMNS": "200"}
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=env, timeout=120)


def _one_line(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in result.stderr, result.stderr


GOOD = json.dumps({"id": "ok", "perspective": 1, "prompt": "hi"}) + "\n"
BOMB = """items:
  - id: bomb
    perspective: 1
    prompt: hi
    metadata:
      a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
      b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
      c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
      d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
      e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
      f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
      g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
      h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
      i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


CASES = {
    "nul": (GOOD + '{"id": "n", "perspective": 1, "prompt": "a\\u0000b"}\n', "s.jsonl:2: a string contains a NUL character"),
    "surrogate": (GOOD + '{"id": "s", "perspective": 1, "prompt": "a\\ud800b"}\n', "s.jsonl:2: a string contains a lone surrogate"),
    "metadata-900-deep": (GOOD + '{"id": "d", "perspective": 1, "prompt": "x", "metadata": {"m": ' + _nested(900) + "}}\n", "s.jsonl:2: nested more than 64 levels deep"),
    "json-100000-deep": (GOOD + '{"id": "d", "perspective": 1, "prompt": "x", "metadata": {"m": ' + _nested(100_000) + "}}\n", "s.jsonl:2: JSON nested too deep"),
    "5000-digit-int": (GOOD + '{"id": "i", "perspective": 1, "prompt": "x", "metadata": {"n": ' + "7" * 5000 + "}}\n", "s.jsonl:2: unreadable JSON"),
}


@pytest.mark.parametrize("command", ["show", "run"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_suite_files(tmp_path: Path, case: str, command: str) -> None:
    content, fragment = CASES[case]
    suite = tmp_path / "s.jsonl"
    suite.write_text(content, encoding="utf-8", errors="surrogatepass")
    args = ["suites", "show", str(suite)] if command == "show" else ["run", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo"]
    _one_line(shinsa(*args, tmp_path=tmp_path), fragment)


@pytest.mark.parametrize("command", ["show", "run"])
def test_yaml_alias_bomb_in_a_suite(tmp_path: Path, command: str) -> None:
    suite = tmp_path / "bomb.yaml"
    suite.write_text(BOMB, encoding="utf-8")
    args = ["suites", "show", str(suite)] if command == "show" else ["run", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo"]
    _one_line(shinsa(*args, tmp_path=tmp_path), "bomb.yaml:1: more than 100000 values")


def test_yaml_alias_bomb_in_an_http_target_body(tmp_path: Path) -> None:
    suite = tmp_path / "s.jsonl"
    suite.write_text(GOOD, encoding="utf-8")
    config = tmp_path / "http.yaml"
    body = BOMB.split("metadata:\n", 1)[1].replace("      ", "  ")
    config.write_text("url: http://127.0.0.1:9/chat\nresponse_path: a\nbody:\n" + body, encoding="utf-8")
    _one_line(shinsa("run", "--suite", str(suite), "--target", f"http:{config}", tmp_path=tmp_path), "more than 100000 values")


def test_a_fifo_or_a_link_to_a_device_is_not_a_suite(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.jsonl"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.jsonl"
    zero.symlink_to("/dev/zero")
    for path in (fifo, zero):
        _one_line(shinsa("suites", "show", str(path), tmp_path=tmp_path), "not a regular file")


def test_names_the_database_cannot_hold_are_refused_before_anything_runs(tmp_path: Path) -> None:
    suite = tmp_path / "s.jsonl"
    suite.write_text(GOOD, encoding="utf-8")
    echo = ["--target", "python:shinsa.testing.bots:echo"]
    _one_line(shinsa("run", "--suite", str(suite), *echo, "--run-id", "r" * 101, tmp_path=tmp_path), "run id must be 1 to 100 characters")
    _one_line(shinsa("run", "--suite", str(suite), *echo, "--run-id", "evil\x1b[2Jrun", tmp_path=tmp_path), "contains control characters")
    long_suite = tmp_path / ("n" * 201 + ".jsonl")
    long_suite.write_text(GOOD, encoding="utf-8")
    _one_line(shinsa("run", "--suite", str(long_suite), *echo, tmp_path=tmp_path), "at most 200")
    listed = shinsa("runs", tmp_path=tmp_path)
    assert listed.returncode == 0 and "\x1b" not in listed.stdout
