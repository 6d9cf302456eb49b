"""A small OpenAI-compatible server for dry runs, fault injection and benchmarks.

It answers ``/v1/chat/completions`` instantly with a deterministic reply and, at ``--fault-rate``,
injects the failures a real deployment shows: 429 with Retry-After, 500, a hang past the client's
timeout, a malformed JSON body, and a dropped connection. With ``--log FILE`` it appends one line
per successful answer (the last user message), so tests can count what a client re-sent.

    python -m shinsa.testing.fakeserver --port 8765 --fault-rate 0.2 --log requests.log

With ``--hostile MODE`` every answer misbehaves in one way a hostile or broken deployment does
(see :data:`HOSTILE`), for the tests of docs/reliability.md:

    python -m shinsa.testing.fakeserver --port 8765 --hostile echo-key
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
HOSTILE = {
    "echo-key": "401 whose message repeats the Authorization header it was sent, as OpenAI's does",
    "echo-key-200": "a normal answer whose text repeats the Authorization header",
    "list-content": "content as a list of numbers",
    "parts-content": "content as OpenAI content parts ([{type: text, text: ...}])",
    "int-content": "content as a number",
    "dict-content": "content as an object",
    "surrogate": "content with a lone surrogate (\\ud800)",
    "nul": "content with NUL characters",
    "deep-json": "a body nested 100,000 levels deep",
    "bignum": "usage counts of 5,000 digits",
    "huge": "a body of --huge-bytes (default 1 GiB), streamed without Content-Length",
}


class FakeOpenAI:
    def __init__(
        self,
        fault_rate: float = 0.0,
        seed: int = 0,
        log: Path | None = None,
        hang_seconds: float = 30.0,
        latency: float = 0.0,
        reply: str = "echo",
        hostile: str | None = None,
        huge_bytes: int = 1 << 30,
    ) -> None:
        self.fault_rate = fault_rate
        self.rng = random.Random(seed)
        self.log = log.open("a", encoding="utf-8") if log else None
        self.hang_seconds = hang_seconds
        self.latency = latency
        self.reply = reply
        self.hostile = hostile
        self.huge_bytes = huge_bytes
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
        if self.hostile is not None:
            return await self.hostile_answer(request, text)
        return web.json_response(
            {
                "id": f"chatcmpl-{self.answered}",
                "object": "chat.completion",
                "model": payload.get("model", "fake"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {"prompt_tokens": len(prompt) // 4 + 1, "completion_tokens": len(text) // 4 + 1},
            }
        )

    async def hostile_answer(self, request: web.Request, text: str) -> web.StreamResponse:
        mode = self.hostile
        key = request.headers.get("Authorization", "")
        if mode == "echo-key":
            message = f"Incorrect API key provided: {key}. You can find your API key at https://example.invalid."
            return web.json_response({"error": {"message": message, "type": "invalid_request_error"}}, status=401)
        if mode == "deep-json":
            depth = 100_000
            return web.Response(text='{"choices": [{"message": {"content": ' + "[" * depth + "]" * depth + "}}]}", content_type="application/json")
        if mode == "huge":
            return await self._huge(request)
        content: object = {
            "echo-key-200": f"{text} (you sent {key})",
            "list-content": [1, 2, 3],
            "parts-content": [{"type": "text", "text": text}],
            "int-content": 42,
            "dict-content": {"text": text},
            "surrogate": text + "\ud800",
            "nul": text + "\x00end",
            "bignum": text,
        }[mode or ""]
        body = json.dumps({"choices": [{"message": {"role": "assistant", "content": content}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 1}})
        if mode == "bignum":  # more digits than Python converts by default
            body = body.replace('"prompt_tokens": 1', '"prompt_tokens": ' + "9" * 5000)
        return web.Response(text=body, content_type="application/json")

    async def _huge(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "application/json"})
        await response.prepare(request)
        await response.write(b'{"choices": [{"message": {"content": "')
        chunk = b"a" * (1 << 20)
        sent = 0
        try:
            while sent < self.huge_bytes:
                await response.write(chunk)
                sent += len(chunk)
            await response.write(b'"}}]}')
        except (ConnectionError, RuntimeError):  # the client stopped reading, as it should
            return response
        await response.write_eof()
        return response

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
    parser.add_argument("--hostile", choices=sorted(HOSTILE), help="every answer misbehaves this way")
    parser.add_argument("--huge-bytes", type=int, default=1 << 30, help="body size of --hostile huge")
    args = parser.parse_args(argv)
    server = FakeOpenAI(
        args.fault_rate, args.seed, args.log, args.hang_seconds, args.latency, args.reply, args.hostile, args.huge_bytes
    )
    kwargs: dict[str, Any] = {"host": args.host, "port": args.port, "print": None, "access_log": None}
    web.run_app(server.app(), **kwargs)


if __name__ == "__main__":
    main()
