"""Any OpenAI-compatible ``/v1/chat/completions`` server: vLLM, llama.cpp, Ollama, OpenAI."""

from __future__ import annotations

import json
import os
from typing import Any

import aiohttp

from shinsa.errors import InputError
from shinsa.secrets import lookup_secret, require_secret
from shinsa.targets.base import (
    ChatMessages,
    Completion,
    Target,
    TargetError,
    TargetOptions,
    split_think,
    targets,
)

OPENAI_URL = "https://api.openai.com/v1"


def strip_think(text: str) -> str:
    """Drop reasoning blocks; an unterminated one means the answer never started."""
    return split_think(text)[0]


def retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


@targets.register("openai")
class OpenAITarget(Target):
    kind = "openai"
    default_concurrency = 32

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        if not spec:
            raise InputError("target 'openai' needs a model name: openai:MODEL")
        self.model = spec
        base = options.base_url or os.environ.get("OPENAI_BASE_URL") or OPENAI_URL
        self.base_url = base.rstrip("/")
        self.url = f"{self.base_url}/chat/completions"
        key_env = options.api_key_env or "OPENAI_API_KEY"
        if options.api_key_env or self.base_url == OPENAI_URL:
            self._api_key: str | None = require_secret(key_env, f"target openai:{spec}")
        else:
            self._api_key = lookup_secret(key_env)
        self._session: aiohttp.ClientSession | None = None
        self._payload_base: dict[str, Any] = {"model": self.model, **options.sampling()}

    def fingerprint(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "model": self.model,
            "base_url": self.base_url,
            "system": self.options.system,
            "sampling": self.options.sampling(),
            "strip_think": self.options.strip_think,
        }

    async def open(self) -> None:
        headers = {"Content-Type": "application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        self._session = aiohttp.ClientSession(
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=self.options.timeout),
            connector=aiohttp.TCPConnector(limit=0, ttl_dns_cache=300),
        )
        try:
            async with self._session.get(
                f"{self.base_url}/models", timeout=aiohttp.ClientTimeout(total=min(10.0, self.options.timeout))
            ) as resp:
                await resp.read()
        except (TimeoutError, aiohttp.ClientConnectionError, aiohttp.InvalidURL) as exc:
            await self.close()
            raise InputError(f"cannot reach {self.base_url}: {exc or type(exc).__name__}") from None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def generate(self, messages: ChatMessages) -> Completion:
        if self._session is None:
            raise RuntimeError("target not opened")
        payload = dict(self._payload_base)
        payload["messages"] = self.with_system(messages)
        try:
            async with self._session.post(self.url, data=json.dumps(payload, ensure_ascii=False)) as resp:
                body = await resp.read()
                status = resp.status
                retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
        except TimeoutError:
            raise TargetError(f"timed out after {self.options.timeout:g}s", retryable=True) from None
        except aiohttp.ClientError as exc:
            raise TargetError(f"connection failed: {exc or type(exc).__name__}", retryable=True) from None
        if status != 200:
            retryable = status == 429 or status >= 500 or status == 408
            detail = body[:200].decode("utf-8", "replace")
            raise TargetError(f"HTTP {status}: {detail}", retryable=retryable, retry_after=retry_after)
        return self._parse(body)

    def _parse(self, body: bytes) -> Completion:
        try:
            data = json.loads(body)
            choice = data["choices"][0]
            text = choice["message"].get("content") or ""
            served_reasoning = choice["message"].get("reasoning_content")
        except (ValueError, KeyError, IndexError, TypeError, AttributeError):
            raise TargetError(f"malformed response body: {body[:120]!r}", retryable=True) from None
        reasoning = served_reasoning if isinstance(served_reasoning, str) and served_reasoning else None
        if self.options.strip_think:
            text, in_text = split_think(text)
            reasoning = "\n\n".join(part for part in (reasoning, in_text) if part) or None
        usage = data.get("usage") or {}
        return Completion(
            text=text,
            prompt_tokens=usage.get("prompt_tokens"),
            completion_tokens=usage.get("completion_tokens"),
            finish_reason=choice.get("finish_reason"),
            reasoning=reasoning,
        )
