"""No key is written anywhere: a target that echoes the key it was sent (in a 401, in its answer,
in an exception) leaves no trace of it in the database, the exports, the report or the console."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.secrets import REDACTED, redact, refuse_url_credentials, remember_secret

KEY = "sk-test-" + "Zq7x" * 12
SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def shinsa(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "COLUMNS": "200", "PYTHONPATH": os.pathsep.join(sys.path), **env}
    full_env.pop("OPENAI_API_KEY", None)
    full_env.update(env)
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=full_env, timeout=180, cwd=cwd)


def test_redact_hides_env_keys_secrets_file_values_and_url_passwords(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.env"
    secrets.write_text("CHATBOT_KEY='file-secret-123456'\n", encoding="utf-8")
    monkeypatch.setenv("SHINSA_SECRETS_FILE", str(secrets))
    monkeypatch.setenv("VENDOR_API_KEY", KEY)
    remember_secret("looked-up-value-42")
    text = f"Bearer {KEY}; file-secret-123456; looked-up-value-42; http://bob:hunter22@example.invalid/v1"
    redacted = redact(text)
    for secret in (KEY, "file-secret-123456", "looked-up-value-42", "hunter22"):
        assert secret not in redacted
    assert redacted.count(REDACTED) == 4
    assert "http://bob:[REDACTED]@example.invalid/v1" in redacted
    # redacting before cutting short never leaves the start of a key behind
    assert KEY[:12] not in redact(text)[:20]


def test_a_url_with_a_password_is_refused_without_printing_it() -> None:
    with pytest.raises(InputError) as caught:
        refuse_url_credentials(f"http://user:{KEY}@127.0.0.1:9/v1", "the base URL")
    assert KEY not in str(caught.value) and "--api-key-env" in str(caught.value)


def _files_containing(folder: Path, secret: str) -> list[str]:
    needle = secret.encode()
    return [str(path) for path in folder.rglob("*") if path.is_file() and needle in path.read_bytes()]


@pytest.mark.integration
def test_no_target_kind_writes_the_key_it_echoes(tmp_path: Path, fake_server) -> None:  # type: ignore[no-untyped-def]
    work = tmp_path / "work"
    work.mkdir()
    db = f"sqlite:///{work / 'shinsa.db'}"
    suite = work / "s.jsonl"
    suite.write_text(
        "".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}"}) + "\n" for i in range(3)), encoding="utf-8"
    )
    (work / "leaky_bot.py").write_text(
        "import os\n\ndef answer(messages):\n    raise RuntimeError('rejected token ' + os.environ['BOT_TOKEN'])\n",
        encoding="utf-8",
    )
    echo_401 = fake_server(hostile="echo-key")
    echo_200 = fake_server(hostile="echo-key-200")
    (work / "http.yaml").write_text(
        f"url: {echo_200.base_url}/chat/completions\n"
        'headers: {Authorization: "Bearer ${CHATBOT_KEY}"}\n'
        'body: {model: m, messages: "{{ messages }}"}\n'
        "response_path: choices.0.message.content\n",
        encoding="utf-8",
    )
    env = {"SHINSA_DB": db, "OPENAI_API_KEY": KEY, "BOT_TOKEN": KEY, "CHATBOT_KEY": KEY, "SHINSA_SECRETS_FILE": str(work / "none.env")}
    console = []
    runs = {
        "openai401": ["--target", "openai:m", "--base-url", echo_401.base_url, "--max-retries", "0"],
        "openai200": ["--target", "openai:m", "--base-url", echo_200.base_url],
        "python": ["--target", "python:leaky_bot:answer"],
        "http": ["--target", "http:http.yaml"],
    }
    for run_id, target in runs.items():
        result = shinsa("run", "--suite", str(suite), *target, "--run-id", run_id, "--quiet", cwd=work, env=env)
        assert "Traceback" not in result.stderr, result.stderr
        console += [result.stdout, result.stderr]
        for fmt in ("csv", "json", "jsonl"):
            exported = shinsa("export", run_id, "-f", fmt, "-o", f"{run_id}.{fmt}", cwd=work, env=env)
            assert exported.returncode == 0, exported.stderr
        reported = shinsa("report", run_id, "-o", f"report-{run_id}", cwd=work, env=env)
        assert reported.returncode == 0, reported.stderr
    refused = shinsa(
        "run", "--suite", str(suite), "--target", "openai:m", "--base-url", f"http://user:{KEY}@127.0.0.1:9/v1", cwd=work, env=env
    )
    assert refused.returncode == 2 and "password" in refused.stderr
    console += [refused.stdout, refused.stderr]

    rows = [json.loads(line) for name in runs for line in (work / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(REDACTED in (row["error"] or "") for row in rows if row["run_id"] == "openai401")
    assert any(REDACTED in (row["error"] or "") for row in rows if row["run_id"] == "python")
    assert any(REDACTED in (row["response"] or "") for row in rows if row["run_id"] in ("openai200", "http"))
    assert _files_containing(work, KEY) == []
    assert not any(KEY in text for text in console)
