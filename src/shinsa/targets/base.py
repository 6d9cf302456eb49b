"""The target interface: the AI system under assessment (or a judge or attacker model)."""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

from shinsa.errors import InputError
from shinsa.registry import Registry

ChatMessages = list[dict[str, str]]
TRUNCATED = "length"
"""The ``finish_reason`` of an answer cut off by the token limit (OpenAI, vLLM, llama.cpp)."""
_THINK_BLOCK = re.compile(r"<think>(.*?)</think>", re.DOTALL)


def split_think(text: str) -> tuple[str, str | None]:
    """The answer without its ``<think>…</think>`` reasoning blocks, and the reasoning (None when
    there was none). An unterminated block means the answer never started: all of it after
    ``<think>`` is reasoning. A ``</think>`` with no opening tag before it closes a block the
    chat template opened in the prompt (DeepSeek-R1 and Qwen3 templates do): what precedes it is
    reasoning."""
    close = text.find("</think>")
    opening = text.find("<think>")
    if close >= 0 and (opening < 0 or close < opening):
        answer, later = split_think(text[close + len("</think>") :])
        return answer, "\n\n".join(part for part in (text[:close].strip(), later) if part)
    if opening < 0:
        return text.strip(), None
    reasoning = [block.strip() for block in _THINK_BLOCK.findall(text)]
    answer = _THINK_BLOCK.sub("", text)
    if "<think>" in answer:
        answer, unterminated = answer.split("<think>", 1)
        reasoning.append(unterminated.strip())
    return answer.strip(), "\n\n".join(reasoning)


@dataclass(slots=True)
class Completion:
    text: str
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    finish_reason: str | None = None
    """``length`` when the token limit cut the answer off (see :data:`TRUNCATED`); None when the
    target does not say (a Python callable, a plain HTTP app, a recorded log without it)."""
    reasoning: str | None = None
    """The model's ``<think>`` reasoning (or a server's ``reasoning_content``), kept apart from
    ``text`` so it is recorded but never scored."""

    @property
    def truncated(self) -> bool:
        return self.finish_reason == TRUNCATED


class TargetError(Exception):
    """A failed call. ``retryable`` failures (429, 5xx, timeouts, dropped connections, malformed
    bodies) are retried with backoff; ``retry_after`` is the server's own hint in seconds."""

    def __init__(self, message: str, *, retryable: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retryable = retryable
        self.retry_after = retry_after


@dataclass(slots=True)
class TargetOptions:
    """Options shared by target kinds; each kind uses what applies to it."""

    base_url: str | None = None
    api_key_env: str | None = None
    system: str | None = None
    temperature: float | None = 0.0
    max_tokens: int | None = 512
    top_p: float | None = None
    seed: int | None = 0
    timeout: float = 60.0
    strip_think: bool = True
    params: dict[str, Any] = field(default_factory=dict)
    """Extra request parameters passed through as they are."""

    def sampling(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "temperature": self.temperature,
            "max_tokens": self.max_tokens,
            "top_p": self.top_p,
            "seed": self.seed,
        }
        out.update(self.params)
        return {k: v for k, v in out.items() if v is not None}


class Target(ABC):
    """Subclass, set ``kind``, implement :meth:`generate` and :meth:`fingerprint`, and register
    with ``@targets.register("kind")``. A spec ``kind:rest`` reaches the constructor as ``rest``."""

    kind: ClassVar[str]
    default_concurrency: ClassVar[int] = 32

    def __init__(self, spec: str, options: TargetOptions) -> None:
        self.spec = spec
        self.options = options

    @abstractmethod
    def fingerprint(self) -> dict[str, Any]:
        """The configuration that determines answers, without secrets: it keys the response cache
        and is recorded in the run manifest."""

    async def open(self) -> None:
        """Acquire connections or load the model; raise :class:`InputError` if unusable."""

    async def close(self) -> None:
        """Release what :meth:`open` acquired."""

    @abstractmethod
    async def generate(self, messages: ChatMessages) -> Completion:
        """Answer a conversation. Raise :class:`TargetError` on failure."""

    def with_system(self, messages: ChatMessages) -> ChatMessages:
        """Prepend the target-level system prompt unless the item brings its own."""
        if self.options.system and not (messages and messages[0]["role"] == "system"):
            return [{"role": "system", "content": self.options.system}, *messages]
        return messages

    async def __aenter__(self) -> Target:
        await self.open()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()


targets: Registry[type[Target]] = Registry(
    "target kind",
    "shinsa.targets",
    {
        "openai": "shinsa.targets.openai",
        "http": "shinsa.targets.http",
        "python": "shinsa.targets.python",
        "local": "shinsa.targets.local",
        "replay": "shinsa.targets.replay",
    },
)


def build_target(spec: str, options: TargetOptions | None = None) -> Target:
    """``openai:MODEL``, ``http:CONFIG.yaml``, ``python:module:function``, ``local``, ``replay:FILE``."""
    kind, _, rest = spec.partition(":")
    if not kind:
        raise InputError(f"empty target spec {spec!r}")
    cls = targets.get(kind)
    return cls(rest, options or TargetOptions())
