"""Scoring is bounded and leaves the event loop free: a catastrophic pattern stops at its time
limit, a long answer is scored in a worker thread on its first characters only, and a scorer that
breaks on a hostile answer makes that attempt unscorable, not the run fail."""

import asyncio
import json
import threading
from pathlib import Path

from shinsa.items import Item
from shinsa.outcomes import Outcome, Score
from shinsa.run.engine import SCORER_INPUT_CAP, RunSpec, execute, prepare
from shinsa.scorers.matching import ContainsScorer, RegexScorer
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import Completion, TargetOptions, build_target


def test_a_catastrophic_pattern_stops_at_its_time_limit() -> None:
    answer = Completion("a" * 40 + "b")
    nested = Item(id="r", perspective=1, prompt="x", expected="match", reference=["^(a+)+$"])
    assert RegexScorer().score(nested, answer).outcome is Outcome.FAILED  # hung for hours with re
    alternation = Item(id="r", perspective=1, prompt="x", expected="match", reference=["^(a|aa)+$"])
    verdict = RegexScorer().score(alternation, answer)
    assert verdict.outcome is Outcome.UNSCORABLE and "took longer than" in verdict.explanation


def long_answer(messages: list[dict[str, str]]) -> str:
    return "needle " + "x" * (2 * SCORER_INPUT_CAP)


def _suite(tmp_path: Path, scorer: str) -> Path:
    path = tmp_path / "s.jsonl"
    path.write_text(json.dumps({"id": "a", "perspective": 1, "prompt": "hi", "expected": "contain", "reference": ["needle"], "scorer": scorer}) + "\n", encoding="utf-8")
    return path


def _run(tmp_path: Path, sqlite_url: str, scorer: str) -> dict[str, object]:
    store = Store(sqlite_url)
    target = build_target("python:test_scoring_bounds:long_answer", TargetOptions())
    spec = RunSpec("long", [load_suite(str(_suite(tmp_path, scorer)))], target, use_cache=False)
    asyncio.run(execute(store, prepare(store, spec)))
    return next(store.iter_attempts("long"))


def test_a_long_answer_is_scored_off_the_event_loop_on_its_start(tmp_path: Path, sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[tuple[bool, int]] = []
    original = ContainsScorer.score

    def recording(self: ContainsScorer, item: Item, completion: Completion) -> Score:
        seen.append((threading.current_thread() is threading.main_thread(), len(completion.text)))
        return original(self, item, completion)

    monkeypatch.setattr(ContainsScorer, "score", recording)
    row = _run(tmp_path, sqlite_url, "contains")
    assert seen == [(False, SCORER_INPUT_CAP)]
    assert row["outcome"] == "passed" and f"scored on the first {SCORER_INPUT_CAP}" in str(row["explanation"])
    assert len(str(row["response"])) == 2 * SCORER_INPUT_CAP + 7  # the answer itself is kept whole


def test_a_scorer_that_breaks_affects_only_its_attempt(tmp_path: Path, sqlite_url: str, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(self: ContainsScorer, item: Item, completion: Completion) -> Score:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(ContainsScorer, "score", broken)
    row = _run(tmp_path, sqlite_url, "contains")
    assert row["outcome"] == "unscorable" and "RecursionError" in str(row["explanation"])
