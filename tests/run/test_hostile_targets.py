"""A hostile answer affects only its own attempt: content that is a list, a number or an object,
lone surrogates, NUL, JSON nested 100,000 deep, 5,000-digit numbers and bodies of a gigabyte each
become that attempt's error or a normalised answer, on SQLite and PostgreSQL, and resume works."""

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import shinsa
from shinsa.run.engine import RunSpec, execute, prepare
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions, build_target
from shinsa.targets.calling import RetryPolicy

EXPECTED = {
    "list-content": ("error", "answer content is a list of int, not text"),
    "int-content": ("error", "answer content is a number, not text"),
    "dict-content": ("error", "answer content is an object, not text"),
    "deep-json": ("error", "malformed response body"),
    "parts-content": ("passed", None),
    "surrogate": ("passed", None),
    "nul": ("passed", None),
    "bignum": ("passed", None),
}


def _suite(tmp_path: Path, count: int = 4) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_text(
        "".join(
            json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}", "expected": "contain", "reference": [f"q{i}"]}) + "\n"
            for i in range(count)
        ),
        encoding="utf-8",
    )
    return path


def _run(url: str, suite: Path, base_url: str, run_id: str, max_bytes: int | None = None) -> list[dict[str, object]]:
    options = TargetOptions(base_url=base_url, timeout=30)
    if max_bytes is not None:
        options.max_response_bytes = max_bytes
    store = Store(url)
    spec = RunSpec(run_id, [load_suite(str(suite))], build_target("openai:m", options), retry=RetryPolicy(max_retries=1, base_delay=0.01), use_cache=False)
    asyncio.run(execute(store, prepare(store, spec)))
    asyncio.run(execute(store, prepare(store, spec)))  # resume: errors are retried, nothing crashes
    rows = list(store.iter_attempts(run_id))
    store.close()
    return rows


def _check(rows: list[dict[str, object]], mode: str) -> None:
    outcome, error = EXPECTED[mode]
    assert len(rows) == 4
    for row in rows:
        assert row["outcome"] == outcome, row
        if error:
            assert error in str(row["error"]), row["error"]
        else:
            text = str(row["response"])
            assert "\x00" not in text and not any("\ud800" <= ch <= "\udfff" for ch in text)


@pytest.mark.integration
@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_hostile_answers_on_sqlite(tmp_path: Path, sqlite_url: str, fake_server, mode: str) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(hostile=mode)
    _check(_run(sqlite_url, _suite(tmp_path), server.base_url, f"hostile-{mode}"), mode)


@pytest.mark.integration
@pytest.mark.parametrize("mode", ["nul", "surrogate", "list-content", "bignum"])
def test_hostile_answers_on_postgres(tmp_path: Path, postgres_url: str, fake_server, mode: str) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(hostile=mode)
    _check(_run(postgres_url, _suite(tmp_path), server.base_url, f"hostile-{mode}"), mode)


@pytest.mark.integration
def test_a_body_over_the_cap_is_an_error_of_its_attempt(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(hostile="huge", huge_bytes=64 << 20)
    rows = _run(sqlite_url, _suite(tmp_path), server.base_url, "huge", max_bytes=1 << 20)
    assert {row["outcome"] for row in rows} == {"error"}
    assert all("response larger than 1048576 bytes" in str(row["error"]) for row in rows)


# The child reports its own peak: RUSAGE_CHILDREN would be the largest of every child this test
# process ever waited for (servers, other CLI runs), not this one's.
_REPORTING_OWN_PEAK = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: print(f'peak-kib={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}', file=sys.stderr))\n"
    "from shinsa.cli.main import main\n"
    "main()\n"
)


@pytest.mark.integration
def test_a_gigabyte_body_is_never_held_in_memory(tmp_path: Path, fake_server) -> None:  # type: ignore[no-untyped-def]
    """The CLI against a server streaming 1 GiB per answer: the default 16 MiB cap stops each read,
    so the process stays far below the gigabyte it was offered."""
    server = fake_server(hostile="huge")
    # A clean environment: what earlier tests left in os.environ must not change this process.
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "SHINSA_DB": f"sqlite:///{tmp_path / 'db.sqlite'}",
        "PYTHONPATH": str(Path(shinsa.__file__).resolve().parents[1]),
    }
    result = subprocess.run(
        [sys.executable, "-c", _REPORTING_OWN_PEAK, "run", "--suite", str(_suite(tmp_path, 2)),
         "--target", "openai:m", "--base-url", server.base_url, "--max-retries", "0", "--run-id", "huge", "--quiet"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    peak_mib = int(result.stderr.rsplit("peak-kib=", 1)[1].split()[0]) / 1024
    # Reading the body whole costs several GiB (the defect: ≈3.7 GiB). Alone the child peaks near
    # 115 MiB, but under a loaded machine it was seen at up to 833 MiB (cause not found yet, see
    # docs/reliability.md), so the bound is the gigabyte itself: the body is never held.
    assert peak_mib < 1024, f"peak RSS {peak_mib:.0f} MiB"
