"""Shared pieces of the benchmarks: a server in its own process, the bare aiohttp loop Shinsa is
compared with, timing a process, and suite files."""

from __future__ import annotations

import asyncio
import json
import resource
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import aiohttp


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server_process(command: list[str], env: dict[str, str] | None = None, timeout: float = 30) -> Iterator[str]:
    """Run an OpenAI-compatible server (``command``, to which ``--port N`` is added) in its own
    process until it answers, and yield its base URL; stop it afterwards."""
    port = free_port()
    process = subprocess.Popen([*command, "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + timeout
    try:
        while True:
            try:
                with urllib.request.urlopen(base + "/models", timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(5)


def fake_server(*extra: str) -> AbstractContextManager[str]:
    """A zero-latency OpenAI-compatible server (bench/fast_server.py)."""
    return server_process([sys.executable, str(Path(__file__).with_name("fast_server.py")), *extra])


async def bare_loop(base_url: str, n: int, concurrency: int, prompt: Callable[[int], str]) -> float:
    """Items per second of a minimal aiohttp client sending ``prompt(i)`` for ``i < n``: the same
    requests as Shinsa's, with no validation, scoring or storage (the ceiling Shinsa is held to)."""
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(n):
        queue.put_nowait(i)
    url = base_url + "/chat/completions"
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:

        async def worker() -> None:
            while not queue.empty():
                i = queue.get_nowait()
                payload = {"model": "fake", "messages": [{"role": "user", "content": prompt(i)}],
                           "temperature": 0, "max_tokens": 512, "seed": 0}
                async with session.post(url, data=json.dumps(payload)) as resp:
                    json.loads(await resp.read())

        start = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return n / (time.perf_counter() - start)


def timed_process(args: list[str], env: dict[str, str] | None = None, quiet: bool = False) -> tuple[float, float]:
    """(wall seconds, CPU seconds: user + system) of one process run to its end; its output is
    discarded (``quiet``: its error output too)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL if quiet else None)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


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
