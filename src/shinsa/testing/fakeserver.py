"""A small OpenAI-compatible server for dry runs, fault injection and benchmarks.

It answers ``/v1/chat/completions`` instantly with a deterministic reply and, at ``--fault-rate``,
injects the failures a real deployment shows: 429 with Retry-After, 500, a hang past the client's
timeout, a malformed JSON body, and a dropped connection. With ``--log FILE`` it appends one line
per successful answer (the last user message), so tests can count what a client re-sent.

    python -m shinsa.testing.fakeserver --port 8765 --fault-rate 0.2 --log requests.log
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
from pathlib import Path
from typing import Any

from aiohttp import web

FAULTS = ("429", "500", "hang", "malformed", "drop")


class FakeOpenAI:
    def __init__(
        self,
        fault_rate: float = 0.0,
        seed: int = 0,
        log: Path | None = None,
        hang_seconds: float = 30.0,
        latency: float = 0.0,
        reply: str = "echo",
    ) -> None:
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.log = log.open("a", encoding="utf-8") if log else None
        self.hang_seconds = hang_seconds
        self.latency = latency
        self.reply = reply
        self.faults: dict[str, int] = dict.fromkeys(FAULTS, 0)
        self.answered = 0
        self.in_flight = 0
        """Requests received and not yet answered: a test waits for 0 instead of sleeping."""

    def answer_text(self, prompt: str) -> str:
        if self.reply == "refuse":
            return "I'm sorry, but I can't help with that."
        return f"Answer: {prompt}"

    async def chat(self, request: web.Request) -> web.StreamResponse:
        self.in_flight += 1
        try:
            return await self._chat(request)
        finally:
            self.in_flight -= 1

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = await request.read()
        if self.latency:
            await asyncio.sleep(self.latency)
        if self.fault_rate and self.rng.random() < self.fault_rate:
            fault = self.rng.choice(FAULTS)
            self.faults[fault] += 1
            if fault == "429":
                return web.Response(status=429, text="slow down", headers={"Retry-After": "0.05"})
            if fault == "500":
                return web.Response(status=500, text="internal error")
            if fault == "hang":
                await asyncio.sleep(self.hang_seconds)
            elif fault == "malformed":
                return web.Response(status=200, text='{"choices": [ {"message": ', content_type="application/json")
            else:
                assert request.transport is not None
                request.transport.close()
                return web.Response(status=500)
        payload = json.loads(body)
        prompt = next((m["content"] for m in reversed(payload["messages"]) if m["role"] == "user"), "")
        if self.log is not None:
            self.log.write(json.dumps(prompt, ensure_ascii=False) + "\n")
            self.log.flush()
        self.answered += 1
        text = self.answer_text(prompt)
        return web.json_response(
            {
                "id": f"chatcmpl-{self.answered}",
                "object": "chat.completion",
                "model": payload.get("model", "fake"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(prompt) // 4 + 1, "completion_tokens": len(text) // 4 + 1},
            }
        )

    async def models(self, _request: web.Request) -> web.Response:
        return web.json_response({"object": "list", "data": [{"id": "fake", "object": "model"}]})

    async def stats(self, _request: web.Request) -> web.Response:
        return web.json_response({"answered": self.answered, "faults": self.faults, "in_flight": self.in_flight})

    def app(self) -> web.Application:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_post("/v1/chat/completions", self.chat)
        app.router.add_get("/v1/models", self.models)
        app.router.add_get("/stats", self.stats)
        return app


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log", type=Path)
    parser.add_argument("--hang-seconds", type=float, default=30.0)
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added to every answer")
    parser.add_argument("--reply", choices=("echo", "refuse"), default="echo")
    args = parser.parse_args(argv)
    server = FakeOpenAI(args.fault_rate, args.seed, args.log, args.hang_seconds, args.latency, args.reply)
    kwargs: dict[str, Any] = {"host": args.host, "port": args.port, "print": None, "access_log": None}
    web.run_app(server.app(), **kwargs)


if __name__ == "__main__":
    main()
