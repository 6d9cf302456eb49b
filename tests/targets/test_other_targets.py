import asyncio
import json
from pathlib import Path

import pytest
from aiohttp import web

from shinsa.errors import InputError
from shinsa.targets.base import TargetError, TargetOptions, build_target

MESSAGES = [{"role": "system", "content": "sys"}, {"role": "user", "content": "こんにちは"}]


def test_python_target_sync_async_and_errors() -> None:
    async def go() -> None:
        sync = build_target("python:shinsa.testing.bots:echo")
        assert (await sync.generate(MESSAGES)).text == "Answer: こんにちは"
        asynchronous = build_target("python:shinsa.testing.bots:async_echo")
        assert (await asynchronous.generate(MESSAGES)).text == "Answer: こんにちは"
        broken = build_target("python:json:loads")
        with pytest.raises(TargetError) as info:
            await broken.generate(MESSAGES)
        assert not info.value.retryable

    asyncio.run(go())
    with pytest.raises(InputError, match="cannot import"):
        build_target("python:no_such_module_xyz:f")
    with pytest.raises(InputError, match="no callable"):
        build_target("python:json:nothing_here")


def test_replay_target(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        json.dumps({"messages": MESSAGES, "response": "by conversation"}, ensure_ascii=False) + "\n"
        + json.dumps({"prompt": "別の質問", "response": "by prompt"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )

    async def go() -> None:
        target = build_target(f"replay:{path}")
        assert (await target.generate(MESSAGES)).text == "by conversation"
        assert (await target.generate([{"role": "user", "content": "別の質問"}])).text == "by prompt"
        with pytest.raises(TargetError, match="no recorded answer"):
            await target.generate([{"role": "user", "content": "unknown"}])

    asyncio.run(go())
    path.write_text("not json\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"r.jsonl:1"):
        build_target(f"replay:{path}")


def test_http_target_renders_body_reads_path_and_resolves_header_secrets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}

    async def handler(request: web.Request) -> web.Response:
        seen["auth"] = request.headers.get("Authorization")
        seen["body"] = await request.json()
        return web.json_response({"data": {"answers": [{"text": "<think>検索する</think>RAG answer"}], "stop": "length"}})

    async def go() -> None:
        app = web.Application()
        app.router.add_post("/chat", handler)
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        config = tmp_path / "bot.yaml"
        config.write_text(
            f"url: http://127.0.0.1:{port}/chat\n"
            "headers: {Authorization: 'Bearer ${BOT_KEY}'}\n"
            "body: {question: '{{ prompt }}', history: '{{ messages }}', meta: {lang: ja}}\n"
            "response_path: data.answers.0.text\n"
            "finish_reason_path: data.stop\n",
            encoding="utf-8",
        )
        monkeypatch.setenv("BOT_KEY", "k-123")
        target = build_target(f"http:{config}")
        assert "k-123" not in json.dumps(target.fingerprint())
        async with target:
            completion = await target.generate(MESSAGES)
        await runner.cleanup()
        assert (completion.text, completion.reasoning, completion.finish_reason) == ("RAG answer", "検索する", "length")
        assert seen["auth"] == "Bearer k-123"
        assert seen["body"] == {"question": "こんにちは", "history": MESSAGES, "meta": {"lang": "ja"}}

    asyncio.run(go())


def test_http_config_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("url: http://x\n", encoding="utf-8")
    with pytest.raises(InputError, match="response_path"):
        build_target(f"http:{bad}")
    with pytest.raises(InputError, match="not found"):
        build_target(f"http:{tmp_path / 'missing.yaml'}")


def test_system_prompt_option_is_added_unless_item_has_one() -> None:
    target = build_target("python:shinsa.testing.bots:echo", TargetOptions(system="default"))
    assert target.with_system([{"role": "user", "content": "q"}])[0] == {"role": "system", "content": "default"}
    assert target.with_system(MESSAGES) == MESSAGES
