import asyncio
import json
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.run.engine import RunSpec, cache_key, execute, prepare
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import Completion, Target, TargetError, TargetOptions, build_target
from shinsa.targets.calling import RetryPolicy


def write_suite(path: Path, n: int, **extra: object) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = {"id": f"it-{i:03d}", "perspective": 1 + i % 8, "prompt": f"question {i}",
                      "expected": "contain", "reference": [f"question {i}"], **extra}
            handle.write(json.dumps(record) + "\n")
    return path


class FlakyTarget(Target):
    """Fails the first ``failures`` calls per prompt with a retryable error, then echoes."""

    kind = "flaky"

    def __init__(self, failures: int, retryable: bool = True) -> None:
        super().__init__("", TargetOptions())
        self.failures = failures
        self.retryable = retryable
        self.calls: dict[str, int] = {}

    def fingerprint(self) -> dict[str, object]:
        return {"kind": "flaky"}

    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        prompt = messages[-1]["content"]
        self.calls[prompt] = self.calls.get(prompt, 0) + 1
        if self.calls[prompt] <= self.failures:
            raise TargetError("HTTP 503", retryable=self.retryable)
        return Completion(f"Answer: {prompt}")


def run_sync(store: Store, spec: RunSpec) -> None:
    asyncio.run(execute(store, prepare(store, spec)))


def test_run_scores_and_stores_every_item(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 20)))
    store = Store(sqlite_url)
    run_sync(store, RunSpec("r1", [suite], build_target("python:shinsa.testing.bots:echo")))
    rows = list(store.iter_attempts("r1"))
    assert len(rows) == 20
    assert {r["outcome"] for r in rows} == {"passed"}
    assert store.get_run("r1")["status"] == "finished"
    assert store.get_run("r1")["manifest"]["suites"][0]["items"] == 20


def test_retries_then_succeeds(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 5)))
    store = Store(sqlite_url)
    target = FlakyTarget(failures=2)
    run_sync(store, RunSpec("r", [suite], target, retry=RetryPolicy(max_retries=3, base_delay=0.001)))
    rows = list(store.iter_attempts("r"))
    assert [r["retries"] for r in rows] == [2] * 5
    assert all(r["outcome"] == "passed" for r in rows)


def test_final_failure_is_an_error_never_safe_and_is_retried_on_resume(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 4)))
    store = Store(sqlite_url)
    target = FlakyTarget(failures=3)
    spec = RunSpec("r", [suite], target, retry=RetryPolicy(max_retries=1, base_delay=0.001))
    run_sync(store, spec)
    rows = list(store.iter_attempts("r"))
    assert {r["outcome"] for r in rows} == {"error"}
    assert all(r["score"] is None and "503" in r["error"] for r in rows)
    assert store.get_run("r")["status"] == "finished_with_errors"
    # on resume the errors are sent again (third call fails, fourth succeeds after one retry)
    run_sync(store, spec)
    rows = list(store.iter_attempts("r"))
    assert len(rows) == 4 and {r["outcome"] for r in rows} == {"passed"}
    assert store.get_run("r")["status"] == "finished"


def test_non_retryable_error_is_not_retried(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 2)))
    store = Store(sqlite_url)
    target = FlakyTarget(failures=1, retryable=False)
    run_sync(store, RunSpec("r", [suite], target, retry=RetryPolicy(max_retries=5, base_delay=0.001)))
    assert all(count == 1 for count in target.calls.values())


def test_resume_skips_finished_items(tmp_path: Path, sqlite_url: str) -> None:
    suite_path = write_suite(tmp_path / "s.jsonl", 10)
    store = Store(sqlite_url)
    first = FlakyTarget(failures=0)
    run_sync(store, RunSpec("r", [load_suite(str(suite_path))], first, limit=None, use_cache=False))
    again = FlakyTarget(failures=0)
    run_sync(store, RunSpec("r", [load_suite(str(suite_path))], again, use_cache=False))
    assert again.calls == {}
    assert len(list(store.iter_attempts("r"))) == 10


def test_cache_answers_a_new_run_without_calling_the_target(tmp_path: Path, sqlite_url: str) -> None:
    suite_path = write_suite(tmp_path / "s.jsonl", 6)
    store = Store(sqlite_url)
    run_sync(store, RunSpec("a", [load_suite(str(suite_path))], FlakyTarget(0)))
    second = FlakyTarget(0)
    run_sync(store, RunSpec("b", [load_suite(str(suite_path))], second))
    assert second.calls == {}
    rows = list(store.iter_attempts("b"))
    assert len(rows) == 6 and all(r["cached"] for r in rows)


def test_cache_key_and_manifest_ignore_the_api_key_but_not_parameters(
    tmp_path: Path, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    messages = [{"role": "user", "content": "hi"}]

    def target(key: str, temperature: float = 0.0) -> Target:
        monkeypatch.setenv("SHINSA_TEST_KEY", key)
        options = TargetOptions(base_url="http://127.0.0.1:9/v1", api_key_env="SHINSA_TEST_KEY", temperature=temperature)
        return build_target("openai:m", options)

    first, other_key = target("sk-first-SECRET-1111"), target("sk-other-SECRET-2222")
    assert cache_key(first.fingerprint(), messages) == cache_key(other_key.fingerprint(), messages)
    assert cache_key(first.fingerprint(), messages) != cache_key(target("sk-first-SECRET-1111", 1.0).fingerprint(), messages)
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 2)))
    prepared = prepare(Store(sqlite_url), RunSpec("r", [suite], first))
    assert "SECRET" not in json.dumps(prepared.manifest)
    assert "SECRET" not in json.dumps(first.fingerprint())


def test_resume_with_a_different_suite_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    run_sync(store, RunSpec("r", [load_suite(str(write_suite(tmp_path / "a.jsonl", 3)))], FlakyTarget(0)))
    changed = load_suite(str(write_suite(tmp_path / "a.jsonl", 4)))
    with pytest.raises(InputError, match="different suites"):
        prepare(store, RunSpec("r", [changed], FlakyTarget(0)))


def test_limit_and_empty_answers(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 10)))
    run_sync(store, RunSpec("r", [suite], build_target("python:shinsa.testing.bots:silent"), limit=3))
    rows = list(store.iter_attempts("r"))
    assert len(rows) == 3
    assert {r["outcome"] for r in rows} == {"empty"} and all(r["score"] is None for r in rows)


def test_cancellation_keeps_finished_attempts(tmp_path: Path, sqlite_url: str) -> None:
    class Stuck(FlakyTarget):
        """Answers the first five questions, then hangs until cancelled."""

        def __init__(self) -> None:
            super().__init__(0)
            self.stuck = asyncio.Event()

        async def generate(self, messages: list[dict[str, str]]) -> Completion:
            if int(messages[-1]["content"].split()[-1]) >= 5:
                self.stuck.set()
                await asyncio.Event().wait()
            return await super().generate(messages)

    store = Store(sqlite_url)
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 10)))

    async def go() -> None:
        target = Stuck()  # one request at a time: the sixth waits only once five have finished
        task = asyncio.create_task(execute(store, prepare(store, RunSpec("r", [suite], target, concurrency=1))))
        await target.stuck.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task

    asyncio.run(go())
    assert len(list(store.iter_attempts("r"))) == 5
    assert store.get_run("r")["status"] == "interrupted"


class CutOffTarget(FlakyTarget):
    """Echoes, but every answer is cut off by the token limit after a line of reasoning."""

    async def generate(self, messages: list[dict[str, str]]) -> Completion:
        answer = await super().generate(messages)
        return Completion(answer.text, finish_reason="length", reasoning="planning")


def test_a_cut_off_answer_stays_unscorable_when_it_comes_from_the_cache(tmp_path: Path, sqlite_url: str) -> None:
    suite_path = write_suite(tmp_path / "s.jsonl", 3)
    store = Store(sqlite_url)
    run_sync(store, RunSpec("a", [load_suite(str(suite_path))], CutOffTarget(0)))
    second = CutOffTarget(0)
    run_sync(store, RunSpec("b", [load_suite(str(suite_path))], second))
    assert second.calls == {}
    for run_id in ("a", "b"):
        rows = list(store.iter_attempts(run_id))
        assert {r["outcome"] for r in rows} == {"unscorable"}
        details = [json.loads(r["details"]) for r in rows]
        assert all(d == {"truncated": True, "finish_reason": "length", "reasoning": "planning"} for d in details)


def test_score_truncated_judges_cut_off_answers_in_a_run(tmp_path: Path, sqlite_url: str) -> None:
    suite_path = write_suite(tmp_path / "s.jsonl", 3)
    store = Store(sqlite_url)
    run_sync(store, RunSpec("a", [load_suite(str(suite_path))], CutOffTarget(0), score_truncated=True))
    rows = list(store.iter_attempts("a"))
    assert {r["outcome"] for r in rows} == {"passed"}
    assert all(json.loads(r["details"])["truncated"] is True for r in rows)
    assert store.get_run("a")["manifest"]["scorers"]["contains"]["score_truncated"] is True
