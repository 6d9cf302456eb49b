"""Answers recorded earlier (``replay:FILE.jsonl``): rescoring and offline tests without a model.

Each line holds ``response`` plus ``messages`` (the conversation sent) or ``prompt`` (the last user
turn). Lookup is by the whole conversation first, then by the last user turn.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from shinsa.errors import InputError
from shinsa.targets.base import ChatMessages, Completion, Target, TargetError, TargetOptions, targets


def _conversation_key(messages: ChatMessages) -> str:
    return json.dumps([[m["role"], m["content"]] for m in messages], ensure_ascii=False)


@targets.register("replay")
class ReplayTarget(Target):
    kind = "replay"
    default_concurrency = 64

    def __init__(self, spec: str, options: TargetOptions) -> None:
        super().__init__(spec, options)
        path = Path(spec)
        if not path.is_file():
            raise InputError(f"replay file not found: {spec}")
        self._by_conversation: dict[str, str] = {}
        self._by_prompt: dict[str, str] = {}
        with path.open(encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                    response = record["response"]
                except (ValueError, KeyError, TypeError):
                    raise InputError(f"{spec}:{number}: expected a JSON object with 'response'") from None
                if response is None:
                    continue
                if isinstance(record.get("messages"), list):
                    self._by_conversation[_conversation_key(record["messages"])] = str(response)
                if isinstance(record.get("prompt"), str):
                    self._by_prompt[record["prompt"]] = str(response)

    def fingerprint(self) -> dict[str, Any]:
        return {"kind": self.kind, "file": str(Path(self.spec).resolve())}

    async def generate(self, messages: ChatMessages) -> Completion:
        answer = self._by_conversation.get(_conversation_key(messages))
        if answer is None:
            last_user = next((m["content"] for m in reversed(messages) if m["role"] == "user"), "")
            answer = self._by_prompt.get(last_user)
        if answer is None:
            raise TargetError("no recorded answer for this prompt", retryable=False)
        return Completion(text=answer)
