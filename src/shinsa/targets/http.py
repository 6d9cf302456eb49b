"""Any JSON HTTP chatbot or RAG app, described by a small YAML file.

```yaml
url: http://127.0.0.1:8000/chat
method: POST                          # default POST
headers: {Authorization: "Bearer ${CHATBOT_KEY}"}   # ${NAME}: from the environment/secrets file
body: {question: "{{ prompt }}", history: "{{ messages }}"}
response_path: data.answer            # dotted path; list indexes allowed (choices.0.text)
finish_reason_path: data.stop_reason  # optional: where the app says why the answer ended ("length": cut off)
timeout: 30
```
In ``body``, a string that is exactly ``{{ messages }}`` becomes the list of chat messages; other
strings are rendered with ``prompt`` (last user turn), ``system`` and ``messages`` in a sandbox.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import aiohttp
from jinja2.sandbox import SandboxedEnvironment
from pydantic import BaseModel, ConfigDict

from shinsa.errors import InputError
from shinsa.secrets import require_secret
from shinsa.targets.base import (
    ChatMessages,
    Completion,
    Target,
    TargetError,
    TargetOptions,
    split_think,
    targets,
)
from shinsa.targets.openai import retry_after_seconds
from shinsa.yamlfiles import read_yaml_model

_SECRET_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_MESSAGES_SLOT = re.compile(r"^\s*\{\{\s*messages\s*\}\}\s*$")


class HttpConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    method: str = "POST"
    headers: dict[str, str] = {}
    body: Any = {"prompt": "{{ prompt }}"}
    response_path: str
    finish_reason_path: str | None = None
    timeout: float | None = None


def load_http_config(path: Path) -> HttpConfig:
    return read_yaml_model(HttpConfig, path, "http target config")


def extract_path(data: Any, path: str) -> Any:
    node = data
    for part in path.split("."):
        if isinstance(node, list) and part.lstrip("-").isdigit():
            node = node[int(part)]
        elif isinstance(node, dict):
            node = node[part]
        else:
            raise KeyError(part)
    return node


@targets.register("http")
class HttpTarget(Target):
    kind = "http"
    default_concurrency = 16

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        if not spec:
            raise InputError("target 'http' needs a config file: http:CONFIG.yaml")
        self.config = load_http_config(Path(spec))
        self._env = SandboxedEnvironment(autoescape=False)
        self._session: aiohttp.ClientSession | None = None

    def fingerprint(self) -> dict[str, Any]:
        cfg = self.config.model_dump()
        cfg["headers"] = sorted(cfg["headers"])  # names only: values may hold secrets
        return {"kind": self.kind, "config": cfg, "system": self.options.system}

    def _headers(self) -> dict[str, str]:
        def resolve(match: re.Match[str]) -> str:
            return require_secret(match.group(1), f"http target header in {self.spec}")

        return {name: _SECRET_REF.sub(resolve, value) for name, value in self.config.headers.items()}

    async def open(self) -> None:
        timeout = self.config.timeout or self.options.timeout
        self._session = aiohttp.ClientSession(
            headers=self._headers(), timeout=aiohttp.ClientTimeout(total=timeout)
        )

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    def render_body(self, messages: ChatMessages) -> Any:
        prompt = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
        system = next((m["content"] for m in messages if m["role"] == "system"), "")
        context = {"prompt": prompt, "system": system, "messages": messages}

        def render(node: Any) -> Any:
            if isinstance(node, str):
                if _MESSAGES_SLOT.match(node):
                    return messages
                return self._env.from_string(node).render(context)
            if isinstance(node, dict):
                return {key: render(value) for key, value in node.items()}
            if isinstance(node, list):
                return [render(value) for value in node]
            return node

        return render(self.config.body)

    async def generate(self, messages: ChatMessages) -> Completion:
        if self._session is None:
            raise RuntimeError("target not opened")
        body = self.render_body(self.with_system(messages))
        try:
            async with self._session.request(self.config.method, self.config.url, json=body) as resp:
                raw = await resp.read()
                status = resp.status
                retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
        except TimeoutError:
            raise TargetError("timed out", retryable=True) from None
        except aiohttp.ClientError as exc:
            raise TargetError(f"connection failed: {exc or type(exc).__name__}", retryable=True) from None
        if status >= 400:
            retryable = status == 429 or status >= 500 or status == 408
            raise TargetError(f"HTTP {status}", retryable=retryable, retry_after=retry_after)
        try:
            data = json.loads(raw)
            answer = extract_path(data, self.config.response_path)
        except (ValueError, KeyError, IndexError, TypeError):
            raise TargetError(
                f"response has no {self.config.response_path!r}: {raw[:120]!r}", retryable=True
            ) from None
        text = answer if isinstance(answer, str) else json.dumps(answer, ensure_ascii=False)
        reasoning = None
        if self.options.strip_think:
            text, reasoning = split_think(text)
        return Completion(text=text, finish_reason=self._finish_reason(data), reasoning=reasoning)

    def _finish_reason(self, data: Any) -> str | None:
        """What the app says about why the answer ended, when the config says where to look."""
        if self.config.finish_reason_path is None:
            return None
        try:
            reason = extract_path(data, self.config.finish_reason_path)
        except (KeyError, IndexError, TypeError):
            return None
        return reason if isinstance(reason, str) else None
