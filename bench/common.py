"""Shared pieces of the benchmarks: a zero-latency OpenAI-compatible server and suite files."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def fake_server(*extra: str) -> Iterator[str]:
    """A zero-latency OpenAI-compatible server in its own process (bench/fast_server.py)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("fast_server.py")), "--port", str(port), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + 20
    while True:
        try:
            with urllib.request.urlopen(base + "/models", timeout=1):
                break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(5)


def prompt_text(i: int) -> str:
    """About 200 characters, like the prompts of the reference overhead benchmark."""
    return f"Item {i}: " + ("please summarise the safety policy of this public service chatbot. " * 3)


def write_suite(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = {
                "id": f"bench-{i:07d}",
                "perspective": 1 + i % 8,
                "language": "en",
                "prompt": prompt_text(i),
                "expected": "contain",
                "reference": [f"Item {i}:"],
            }
            handle.write(json.dumps(record) + "\n")
    return path
