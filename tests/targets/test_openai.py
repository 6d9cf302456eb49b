import asyncio

import pytest

from shinsa.errors import InputError
from shinsa.targets.base import TargetError, TargetOptions, build_target
from shinsa.targets.openai import retry_after_seconds, strip_think


def test_strip_think() -> None:
    assert strip_think("<think>secret plan</think>\n答えは東京です。") == "答えは東京です。"
    assert strip_think("<think>never finished") == ""
    assert strip_think("no reasoning") == "no reasoning"


def test_parse_keeps_finish_reason_and_reasoning_apart_from_the_answer() -> None:
    import json

    target = build_target("openai:m", TargetOptions(base_url="http://127.0.0.1:9/v1"))
    body = {
        "choices": [
            {
                "message": {"content": "<think>inline</think>答えです", "reasoning_content": "served"},
                "finish_reason": "length",
            }
        ],
        "usage": {"prompt_tokens": 3, "completion_tokens": 8},
    }
    completion = target._parse(json.dumps(body).encode())  # type: ignore[attr-defined]
    assert (completion.text, completion.reasoning) == ("答えです", "served\n\ninline")
    assert completion.truncated and completion.completion_tokens == 8
    raw = build_target("openai:m", TargetOptions(base_url="http://127.0.0.1:9/v1", strip_think=False))
    assert raw._parse(json.dumps(body).encode()).text == "<think>inline</think>答えです"  # type: ignore[attr-defined]


def test_retry_after_parsing() -> None:
    assert retry_after_seconds("2.5") == 2.5
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") is None


def test_model_name_required() -> None:
    with pytest.raises(InputError, match="needs a model name"):
        build_target("openai:", TargetOptions(base_url="http://127.0.0.1:9/v1"))


@pytest.mark.integration
def test_generate_against_a_server_and_its_failures(fake_server) -> None:  # type: ignore[no-untyped-def]
    ok = fake_server()
    failing = fake_server(fault_rate=1.0, seed=3, hang_seconds=2)

    async def go() -> None:
        target = build_target("openai:fake", TargetOptions(base_url=ok.base_url, system="be brief"))
        async with target:
            completion = await target.generate([{"role": "user", "content": "日本の首都は？"}])
        assert completion.text == "Answer: 日本の首都は？"
        assert completion.prompt_tokens and completion.completion_tokens
        bad = build_target("openai:fake", TargetOptions(base_url=failing.base_url, timeout=0.5))
        async with bad:
            errors = []
            for _ in range(12):
                with pytest.raises(TargetError) as info:
                    await bad.generate([{"role": "user", "content": "x"}])
                errors.append(info.value)
        assert all(e.retryable for e in errors)
        messages = " ".join(str(e) for e in errors)
        assert "HTTP 429" in messages and "HTTP 500" in messages
        assert any(e.retry_after == 0.05 for e in errors)

    asyncio.run(go())


def test_fingerprint_has_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-not-leak")
    target = build_target("openai:gpt-x", TargetOptions())
    assert "sk-should-not-leak" not in repr(target.fingerprint())
