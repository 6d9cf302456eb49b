"""A Python callable as the system under assessment: ``python:package.module:function``.

The callable receives the chat messages (a list of ``{"role", "content"}`` dicts) and returns the
answer as a string, a dict with ``text`` (and optionally ``finish_reason``, ``length`` when the
answer was cut off), or a :class:`Completion`; sync or async. Sync callables run in a worker
thread so a slow one does not stall the event loop.
"""

from __future__ import annotations

import asyncio
import importlib
import inspect
from collections.abc import Callable
from typing import Any

from shinsa.errors import InputError
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError, TargetOptions, targets


def load_callable(ref: str) -> Callable[..., Any]:
    module_name, sep, attr = ref.rpartition(":")
    if not sep or not module_name or not attr:
        raise InputError(f"python target must be python:module:function, got python:{ref}")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise InputError(f"python target: cannot import {module_name}: {exc}") from None
    func = getattr(module, attr, None)
    if not callable(func):
        raise InputError(f"python target: {module_name} has no callable {attr!r}")
    return func


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
        try:
            if self._is_async:
                result = await self.func(messages)
            else:
                result = await asyncio.to_thread(self.func, messages)
        except TargetError:
            raise
        except Exception as exc:
            raise TargetError(f"{type(exc).__name__}: {exc}", retryable=False) from exc
        if isinstance(result, Completion):
            return result
        if isinstance(result, dict):
            reason = result.get("finish_reason")
            return Completion(text=str(result.get("text", "")), finish_reason=reason if isinstance(reason, str) else None)
        if result is None:
            return Completion(text="")
        return Completion(text=str(result))
