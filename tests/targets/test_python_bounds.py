"""Python targets are bounded: a callable that hangs (sync or async) ends at --timeout, anything
but text (None, bytes, a list) is the attempt's error with its type, StopIteration from a
generator does not break the run, and a module in the current folder is found."""

import asyncio
import threading
from pathlib import Path

import pytest

from shinsa.targets.base import TargetError, TargetOptions, build_target

_release = threading.Event()


def hang_sync(messages: list[dict[str, str]]) -> str:
    _release.wait(60)
    return "late"


async def hang_async(messages: list[dict[str, str]]) -> str:
    await asyncio.sleep(60)
    return "late"


def returns_none(messages: list[dict[str, str]]) -> None:
    return None


def returns_bytes(messages: list[dict[str, str]]) -> bytes:
    return b"raw"


def returns_list(messages: list[dict[str, str]]) -> list[str]:
    return ["a", "b"]


def exhausted(messages: list[dict[str, str]]) -> str:
    return next(iter(()))


def exits(messages: list[dict[str, str]]) -> str:
    raise SystemExit(3)


MESSAGES = [{"role": "user", "content": "hi"}]


async def _generate(name: str, timeout: float = 60.0) -> str:
    target = build_target(f"python:test_python_bounds:{name}", TargetOptions(timeout=timeout))
    async with target:
        return (await target.generate(MESSAGES)).text


@pytest.mark.parametrize("name", ["hang_sync", "hang_async"])
async def test_a_hanging_callable_ends_at_the_timeout(name: str) -> None:
    with pytest.raises(TargetError, match=r"timed out after 0.2s"):
        await _generate(name, timeout=0.2)
    _release.set()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("returns_none", "returned NoneType, not text"),
        ("returns_bytes", "returned bytes, not text"),
        ("returns_list", "returned list, not text"),
        ("exhausted", "StopIteration"),
        ("exits", "SystemExit: 3"),
    ],
)
async def test_what_is_not_text_is_an_error_with_its_type(name: str, message: str) -> None:
    with pytest.raises(TargetError, match=message) as caught:
        await _generate(name)
    assert caught.value.retryable is False


async def test_a_module_in_the_current_folder_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "h14_local_bot.py").write_text("def answer(messages):\n    return 'local'\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.path", [p for p in __import__("sys").path if p not in ("", str(tmp_path))])
    target = build_target("python:h14_local_bot:answer")
    async with target:
        assert (await target.generate(MESSAGES)).text == "local"
