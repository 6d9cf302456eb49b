"""A minimal zero-latency OpenAI-compatible endpoint for throughput benchmarks: aiohttp's
low-level server, no routing, the answer echoes the request so the `contains` scorer passes."""

from __future__ import annotations

import argparse
import asyncio
import json

from aiohttp import web

MODELS = json.dumps({"object": "list", "data": [{"id": "fake", "object": "model"}]}).encode()


async def handle(request: web.BaseRequest) -> web.Response:
    if request.method == "GET":
        return web.Response(body=MODELS, content_type="application/json")
    body = await request.read()
    answer = {
        "id": "x",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [{"index": 0, "message": {"role": "assistant", "content": body.decode()}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 50, "completion_tokens": 50, "total_tokens": 100},
    }
    return web.Response(body=json.dumps(answer).encode(), content_type="application/json")


async def serve(port: int) -> None:
    server = web.Server(handle, access_log=None)
    runner = web.ServerRunner(server)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port, backlog=1024).start()
    await asyncio.Event().wait()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(serve(parser.parse_args().port))
