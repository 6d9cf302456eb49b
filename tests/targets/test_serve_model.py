"""``shinsa serve-model``: the embedded model over llama.cpp's OpenAI-compatible server, answering
a chat request as the docs say to assess it (``--target openai:gemma3-270m --base-url ...``)."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest

from conftest import free_port, wait_for_http

pytestmark = [pytest.mark.integration, pytest.mark.llama_server]


def test_serve_model_answers_chat_requests() -> None:
    port = free_port()
    command = [sys.executable, "-c", "from shinsa.cli.main import main; main()", "serve-model", "--port", str(port), "--threads", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_http(f"http://127.0.0.1:{port}/v1/models", 120, process)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=10) as response:
            assert [m["id"] for m in json.loads(response.read())["data"]] == ["gemma3-270m"]
        body = json.dumps({"model": "gemma3-270m", "messages": [{"role": "user", "content": "What is the capital of Japan?"}], "max_tokens": 8}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/chat/completions", body, {"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            answer = json.loads(response.read())
        assert answer["choices"][0]["message"]["role"] == "assistant"
        assert isinstance(answer["choices"][0]["message"]["content"], str)
    finally:
        process.terminate()
        process.wait(20)
