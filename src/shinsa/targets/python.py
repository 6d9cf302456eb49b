"""A Python callable as the system under assessment: ``python:package.module:function``.

The callable receives the chat messages (a list of ``{"role", "content"}`` dicts) and returns the
answer as a string, a dict with ``text`` (and optionally ``finish_reason``, ``length`` when the
answer was cut off), or a :class:`Completion`; sync or async. Sync callables run in a daemon
thread of their own, so a slow one stalls neither the event loop nor the threads the store writes
with, and one that never returns cannot keep the process from exiting. Every call is bounded by
``--timeout``; anything but text is recorded as the attempt's error, with its type.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
import os
import sys
import threading
from collections.abc import Callable
from contextlib import suppress
from typing import Any

from shinsa.errors import InputError
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError, TargetOptions, targets
from shinsa.untrusted import storable, token_count


def load_callable(ref: str) -> Callable[..., Any]:
    """Import ``module:function``; a module in the current folder is found as ``python -m`` would."""
    module_name, sep, attr = ref.rpartition(":")
    if not sep or not module_name or not attr:
        raise InputError(f"python target must be python:module:function, got python:{ref}")
    try:
        module = _import(module_name)
    except ImportError as exc:
        raise InputError(f"python target: cannot import {module_name}: {exc}") from None
    except Exception as exc:  # the module's own code failed while loading
        raise InputError(f"python target: importing {module_name} raised {type(exc).__name__}: {exc}") from None
    func = getattr(module, attr, None)
    if not callable(func):
        raise InputError(f"python target: {module_name} has no callable {attr!r}")
    return func


def _import(module_name: str) -> Any:
    try:
        return importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        here = os.getcwd()
        if exc.name != module_name.partition(".")[0] or here in sys.path:
            raise
    sys.path.insert(0, here)  # the console script does not put the current folder on the path
    return importlib.import_module(module_name)


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.done():  # the call timed out or the run was cancelled meanwhile
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)


async def _in_daemon_thread(func: Callable[[ChatMessages], Any], messages: ChatMessages) -> Any:
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def call() -> None:
        result: Any = None
        error: BaseException | None = None
        try:
            result = func(messages)
        except StopIteration as exc:  # would break the future it is handed to
            error = TargetError(f"StopIteration: {exc}", retryable=False)
        except BaseException as exc:
            error = exc if isinstance(exc, Exception) else TargetError(f"{type(exc).__name__}: {exc}", retryable=False)
        with suppress(RuntimeError):  # the loop closed while the call went on
            loop.call_soon_threadsafe(_settle, future, result, error)

    threading.Thread(target=call, daemon=True, name="shinsa-python-target").start()
    return await future


def completion_of(result: Any) -> Completion:
    """The callable's return as a completion; anything but text is a failed attempt."""
    if isinstance(result, str):
        return Completion(text=storable(result))
    if isinstance(result, Completion) and isinstance(result.text, str):
        return Completion(
            storable(result.text),
            token_count(result.prompt_tokens),
            token_count(result.completion_tokens),
            result.finish_reason if isinstance(result.finish_reason, str) else None,
            storable(result.reasoning) if isinstance(result.reasoning, str) else None,
        )
    if isinstance(result, dict) and isinstance(result.get("text"), str):
        reason = result.get("finish_reason")
        return Completion(text=storable(result["text"]), finish_reason=reason if isinstance(reason, str) else None)
    raise TargetError(f"the target returned {type(result).__name__}, not text", retryable=False)


@targets.register("python")
class PythonTarget(Target):
    kind = "python"
    default_concurrency = 8

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        self.func = load_callable(spec)
        self._is_async = inspect.iscoroutinefunction(self.func)

    def fingerprint(self) -> dict[str, Any]:
        return {"kind": self.kind, "callable": self.spec, "system": self.options.system}

    async def generate(self, messages: ChatMessages) -> Completion:
        messages = self.with_system(messages)
        timeout = self.options.timeout
        try:
            async with asyncio.timeout(timeout):
                if self._is_async:
                    result = await self.func(messages)
                else:
                    result = await _in_daemon_thread(self.func, messages)
        except TargetError:
            raise
        except TimeoutError:
            raise TargetError(f"timed out after {timeout:g}s", retryable=True) from None
        except StopIteration as exc:
            raise TargetError(f"StopIteration: {exc}", retryable=False) from None
        except Exception as exc:
            raise TargetError(f"{type(exc).__name__}: {exc}", retryable=False) from exc
        return completion_of(result)
