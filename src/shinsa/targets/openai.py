"""Any OpenAI-compatible ``/v1/chat/completions`` server: vLLM, llama.cpp, Ollama, OpenAI."""

from __future__ import annotations

import json
import os
from typing import Any

import aiohttp

from shinsa.errors import InputError
from shinsa.secrets import lookup_secret, redact, refuse_url_credentials, require_secret
from shinsa.targets.base import (
    ChatMessages,
    Completion,
    Target,
    TargetError,
    TargetOptions,
    split_think,
    targets,
)
from shinsa.untrusted import UntrustedValueError, answer_text, parse_json, storable, token_count

OPENAI_URL = "https://api.openai.com/v1"


def strip_think(text: str) -> str:
    """Drop reasoning blocks; an unterminated one means the answer never started."""
    return split_think(text)[0]


async def read_body(resp: aiohttp.ClientResponse, limit: int) -> bytes:
    """The response body, streamed and never more than ``limit`` bytes: a hostile server may send
    gigabytes, which must cost neither the memory nor the time to read them whole."""
    too_large = TargetError(f"response larger than {limit} bytes", retryable=False)
    if resp.content_length is not None:
        if resp.content_length > limit:
            resp.close()
            raise too_large
        return await resp.read()  # aiohttp reads no more than the announced length
    body = bytearray()
    async for chunk in resp.content.iter_chunked(1 << 16):
        body += chunk
        if len(body) > limit:
            resp.close()  # drop the connection: the rest of the stream is never read or buffered
            raise too_large
    return bytes(body)


def excerpt(body: bytes, length: int) -> str:
    """The start of a response for an error message, with every known secret redacted first (a
    server may echo the key it was sent) so that cutting it short never leaves part of a key."""
    return redact(body.decode("utf-8", "replace"))[:length]


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
        refuse_url_credentials(base, "the base URL")
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
                status = resp.status
                retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
                body = await read_body(resp, self.options.max_response_bytes)
        except TimeoutError:
            raise TargetError(f"timed out after {self.options.timeout:g}s", retryable=True) from None
        except aiohttp.ClientError as exc:
            raise TargetError(f"connection failed: {exc or type(exc).__name__}", retryable=True) from None
        if status != 200:
            retryable = status == 429 or status >= 500 or status == 408
            detail = excerpt(body, 200)
            raise TargetError(f"HTTP {status}: {detail}", retryable=retryable, retry_after=retry_after)
        return self._parse(body)

    def _parse(self, body: bytes) -> Completion:
        try:
            data = parse_json(body, drop_huge_ints=True, check_structure=False)
            choice = data["choices"][0]
            content = choice["message"].get("content")
            served_reasoning = choice["message"].get("reasoning_content")
        except (UntrustedValueError, KeyError, IndexError, TypeError, AttributeError):
            raise TargetError(f"malformed response body: {excerpt(body, 120)!r}", retryable=True) from None
        try:
            text = answer_text(content)
        except UntrustedValueError as exc:
            raise TargetError(str(exc), retryable=False) from None
        reasoning = storable(served_reasoning) if isinstance(served_reasoning, str) and served_reasoning else None
        if self.options.strip_think:
            text, in_text = split_think(text)
            reasoning = "\n\n".join(part for part in (reasoning, in_text) if part) or None
        usage = data.get("usage") if isinstance(data.get("usage"), dict) else {}
        finish_reason = choice.get("finish_reason")
        return Completion(
            text=text,
            prompt_tokens=token_count(usage.get("prompt_tokens")),
            completion_tokens=token_count(usage.get("completion_tokens")),
            finish_reason=finish_reason if isinstance(finish_reason, str) else None,
            reasoning=reasoning,
        )
