"""Shared fixtures: a fault-injecting OpenAI-compatible server, databases, the llama.cpp server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
AISEV_PRESET = Path(os.environ.get("SHINSA_AISEV_PRESET") or REPO.parent / "shared" / "aisev-preset")
"""aisev's preset data for the ``validate`` tests: ../shared/aisev-preset, or SHINSA_AISEV_PRESET."""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_http(url: str, timeout: float, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} before answering {url}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.1)
    raise TimeoutError(f"{url} did not answer within {timeout}s")


@dataclass
class FakeServer:
    base_url: str
    log: Path
    process: subprocess.Popen[bytes]

    def requests(self) -> list[str]:
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text(encoding="utf-8").splitlines() if line]

    def stats(self) -> dict[str, object]:
        with urllib.request.urlopen(self.base_url.removesuffix("/v1") + "/stats", timeout=5) as resp:
            return dict(json.loads(resp.read()))


@pytest.fixture
def fake_server(tmp_path: Path) -> Iterator[object]:
    """Factory: ``fake_server(fault_rate=0.2, hang_seconds=3)`` starts a fake OpenAI server."""
    started: list[subprocess.Popen[bytes]] = []

    def start(**options: object) -> FakeServer:
        port = free_port()
        log = tmp_path / f"requests-{port}.log"
        args = [sys.executable, "-m", "shinsa.testing.fakeserver", "--port", str(port), "--log", str(log)]
        for key, value in options.items():
            args += [f"--{key.replace('_', '-')}", str(value)]
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started.append(process)
        base = f"http://127.0.0.1:{port}/v1"
        wait_for_http(base + "/models", 20, process)
        return FakeServer(base, log, process)

    yield start
    for process in started:
        process.kill()
        process.wait()


@pytest.fixture
def aisev_preset(request: pytest.FixtureRequest) -> Path:
    """The real aisev preset data (read-only, never copied into the repo). Only tests marked
    ``validate`` may use it: ``make test`` must pass on a clone with no ``../shared`` beside it."""
    if request.node.get_closest_marker("validate") is None:
        raise pytest.UsageError(f"{request.node.nodeid} reads ../shared: mark it @pytest.mark.validate")
    if not (AISEV_PRESET / "gsn").is_dir():
        pytest.skip(f"could not find the aisev preset at {AISEV_PRESET} (a clone of aisev's preset data beside the repo)")
    return AISEV_PRESET


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'shinsa.db'}"


PG_BASE = os.environ.get("SHINSA_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh schema in the real PostgreSQL on this machine, dropped afterwards."""
    sqlalchemy = pytest.importorskip("sqlalchemy")
    schema = f"shinsa_test_{uuid.uuid4().hex[:10]}"
    engine = sqlalchemy.create_engine(PG_BASE)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f"CREATE SCHEMA {schema}"))
    yield f"{PG_BASE}?options=-csearch_path%3D{schema}"
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text(f"DROP SCHEMA {schema} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session")
def llama_server() -> Iterator[str]:
    """llama.cpp's OpenAI-compatible server running the embedded Gemma 3 270M model."""
    from shinsa.targets.local import serve_model_args

    port = free_port()
    args = serve_model_args(port=port, threads=2)  # what `shinsa serve-model` runs
    process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/v1/models", 120, process)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()


RESOURCE_FIXTURES = {"llama_server": "llama_server", "postgres_url": "postgres", "ray_session_for_tests": "ray"}
"""Fixtures that start or use a real resource, and the marker a test using them gets, so
``make unit`` (``-m "not llama_server and not postgres and …"``) can leave them out."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        for fixture, marker in RESOURCE_FIXTURES.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """Under ``make test`` (SHINSA_NO_SKIPS=1) every component is installed, so a skip means a
    missing install step, not an optional extra: report it as a failure instead of hiding it."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    if report.skipped and os.environ.get("SHINSA_NO_SKIPS") == "1" and not hasattr(report, "wasxfail"):
        report.outcome = "failed"
        report.longrepr = f"skipped under SHINSA_NO_SKIPS=1: {report.longrepr}"
