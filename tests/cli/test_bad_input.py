"""Bad input: one line on stderr saying what and where, exit code 2, no traceback, nothing written."""

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from shinsa.store.store import Store

SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def shinsa(*args: str, db: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "SHINSA_DB": db, "COLUMNS": "200", **(env or {})}
    full_env.pop("OPENAI_API_KEY", None)
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=full_env, timeout=120)


def good_suite(path: Path) -> Path:
    path.write_text(json.dumps({"id": "a", "perspective": 1, "prompt": "hi"}) + "\n", encoding="utf-8")
    return path


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and fragment in lines[0], lines[0]


CASES = {
    "malformed": ('{"id": "a", "perspective": 1, "prompt": "x"}\n{oops\n', "s.jsonl:2: malformed JSON"),
    "perspective": ('{"id": "a", "perspective": "weather", "prompt": "x"}\n', "s.jsonl:1: perspective: unknown perspective"),
    "scorer": ('{"id": "a", "perspective": 1, "prompt": "x", "scorer": "vibes"}\n', "unknown scorer 'vibes'"),
    "empty": ("\n", "has no items"),
    "duplicate": ('{"id": "a", "perspective": 1, "prompt": "x"}\n' * 2, "duplicate item id 'a'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_suite(tmp_path: Path, sqlite_url: str, case: str) -> None:
    content, fragment = CASES[case]
    suite = tmp_path / "s.jsonl"
    suite.write_text(content, encoding="utf-8")
    result = shinsa("run", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo", db=sqlite_url)
    assert_one_line_error(result, fragment)
    assert Store(sqlite_url).list_runs() == []


def test_shift_jis_suite_needs_encoding(tmp_path: Path, sqlite_url: str) -> None:
    suite = tmp_path / "s.jsonl"
    suite.write_bytes((json.dumps({"id": "a", "perspective": 1, "prompt": "日本語の質問をします。"}, ensure_ascii=False) + "\n").encode("cp932") * 1)
    result = shinsa("run", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo", db=sqlite_url)
    assert_one_line_error(result, "--encoding cp932")
    ok = shinsa("run", "-q", "--suite", str(suite), "--encoding", "cp932", "--target", "python:shinsa.testing.bots:echo", db=sqlite_url)
    assert ok.returncode == 0, ok.stderr


def test_unknown_target_kind(tmp_path: Path, sqlite_url: str) -> None:
    result = shinsa("run", "--suite", str(good_suite(tmp_path / "s.jsonl")), "--target", "telepathy:x", db=sqlite_url)
    assert_one_line_error(result, "unknown target kind 'telepathy'")


def test_missing_api_key(tmp_path: Path, sqlite_url: str) -> None:
    result = shinsa("run", "--suite", str(good_suite(tmp_path / "s.jsonl")), "--target", "openai:gpt-4o-mini", db=sqlite_url,
                    env={"SHINSA_SECRETS_FILE": str(tmp_path / "none.env")})
    assert_one_line_error(result, "OPENAI_API_KEY")


def test_named_api_key_variable_missing(tmp_path: Path, sqlite_url: str) -> None:
    result = shinsa("run", "--suite", str(good_suite(tmp_path / "s.jsonl")), "--target", "openai:m",
                    "--base-url", "http://127.0.0.1:9/v1", "--api-key-env", "MY_TEAM_KEY", db=sqlite_url,
                    env={"SHINSA_SECRETS_FILE": str(tmp_path / "none.env")})
    assert_one_line_error(result, "MY_TEAM_KEY")


def test_key_from_secrets_file_is_used_and_never_stored(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server()
    secrets = tmp_path / "secrets.env"
    secrets.write_text("MY_TEAM_KEY=sk-test-very-secret-value\n", encoding="utf-8")
    result = shinsa("run", "-q", "--run-id", "k", "--suite", str(good_suite(tmp_path / "s.jsonl")), "--target", "openai:m",
                    "--base-url", server.base_url, "--api-key-env", "MY_TEAM_KEY", db=sqlite_url,
                    env={"SHINSA_SECRETS_FILE": str(secrets)})
    assert result.returncode == 0, result.stderr
    db_bytes = Path(sqlite_url.removeprefix("sqlite:///")).read_bytes()
    assert b"very-secret" not in db_bytes
    assert "very-secret" not in result.stdout + result.stderr


def test_unreachable_endpoint(tmp_path: Path, sqlite_url: str) -> None:
    result = shinsa("run", "--suite", str(good_suite(tmp_path / "s.jsonl")), "--target", "openai:m",
                    "--base-url", "http://127.0.0.1:9/v1", db=sqlite_url)
    assert_one_line_error(result, "cannot reach http://127.0.0.1:9/v1")
    assert Store(sqlite_url).list_runs() == []


def test_resume_with_different_manifest(tmp_path: Path, sqlite_url: str) -> None:
    suite = good_suite(tmp_path / "s.jsonl")
    first = shinsa("run", "-q", "--run-id", "r", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo", db=sqlite_url)
    assert first.returncode == 0, first.stderr
    result = shinsa("run", "--run-id", "r", "--suite", str(suite), "--target", "python:shinsa.testing.bots:refuse", db=sqlite_url)
    assert_one_line_error(result, "run 'r' exists with a different target callable ('shinsa.testing.bots:echo', now 'shinsa.testing.bots:refuse')")
    briefer = shinsa("run", "--run-id", "r", "--suite", str(suite), "--target", "python:shinsa.testing.bots:echo", "--system", "be brief", db=sqlite_url)
    assert_one_line_error(briefer, "exists with a different target system (None, now 'be brief')")


def test_resume_names_the_setting_that_differs(tmp_path: Path, sqlite_url: str, fake_server: Any) -> None:
    server = fake_server()
    suite = str(good_suite(tmp_path / "s.jsonl"))
    first = shinsa("run", "-q", "--run-id", "m", "--suite", suite, "--target", "openai:m", "--base-url", server.base_url, db=sqlite_url, env={"OPENAI_API_KEY": "sk-test"})
    assert first.returncode == 0, first.stderr
    shorter = shinsa("run", "--run-id", "m", "--suite", suite, "--target", "openai:m", "--base-url", server.base_url, "--max-tokens", "64", db=sqlite_url, env={"OPENAI_API_KEY": "sk-test"})
    assert_one_line_error(shorter, "exists with a different target sampling.max_tokens (256, now 64);")


def test_unknown_run_for_show_export_report(sqlite_url: str) -> None:
    for command in (["show", "nope"], ["export", "nope"], ["report", "nope"]):
        assert_one_line_error(shinsa(*command, db=sqlite_url), "no run 'nope'")


def test_bad_option_value_is_a_usage_error(sqlite_url: str) -> None:
    result = shinsa("run", "--suite", "quick", "--concurrency", "0", db=sqlite_url)
    assert result.returncode == 2 and "Traceback" not in result.stderr
