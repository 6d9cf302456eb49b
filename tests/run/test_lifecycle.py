"""One call runs a run: parameters as plain values, progress through a callback, a summary back."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.run.engine import RunProgress
from shinsa.run.lifecycle import RunSummary, execute_run
from shinsa.run.parameters import RunParameters, build_expansion
from shinsa.store.store import Store

ECHO = "python:shinsa.testing.bots:echo"


def write_suite(path: Path, n: int, **extra: object) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = {"id": f"q{i}", "perspective": 1, "prompt": f"question {i}", "expected": "contain",
                      "reference": [f"question {i}"], **extra}
            handle.write(json.dumps(record) + "\n")
    return path


class Recorder:
    """A progress callback keeping a copy of what it heard each time."""

    def __init__(self) -> None:
        self.heard: list[tuple[int, int, int, int, bool]] = []

    def __call__(self, progress: RunProgress) -> None:
        self.heard.append((progress.total, progress.done, progress.skipped, progress.judge_missing, progress.sending))


def test_a_run_reports_progress_from_preparation_to_the_end(tmp_path: Path, sqlite_url: str) -> None:
    parameters = RunParameters(run_id="r", suites=(str(write_suite(tmp_path / "s.jsonl", 12)),), target=ECHO, limit=10)
    store = Store(sqlite_url)
    recorder = Recorder()
    summary = asyncio.run(execute_run(store, parameters, recorder))
    assert summary == RunSummary("r", total=10, done=10, skipped=0, errors=0, cached=0, judge_missing=0)
    assert recorder.heard[0] == (10, 0, 0, 0, False)  # prepared: nothing sent, targets not yet open
    assert recorder.heard[-1] == (10, 10, 0, 0, True)
    assert store.get_run("r")["status"] == "finished"
    assert store.get_run("r")["manifest"]["limit"] == 10

    again = Recorder()
    resumed = asyncio.run(execute_run(store, parameters, again))
    assert (resumed.done, resumed.skipped) == (0, 10)
    assert not any(sending for *_, sending in again.heard)  # a finished run never reaches the target


def test_items_needing_a_judge_are_counted_before_anything_is_sent(tmp_path: Path, sqlite_url: str) -> None:
    path = write_suite(tmp_path / "s.jsonl", 3, expected="meet_requirement", requirement="declines", scorer="requirement")
    recorder = Recorder()
    summary = asyncio.run(execute_run(Store(sqlite_url), RunParameters(run_id="j", suites=(str(path),), target=ECHO), recorder))
    assert recorder.heard[0][3] == 3 and summary.judge_missing == 3


def test_ray_address_without_shards_is_refused_before_anything_is_read(sqlite_url: str) -> None:
    parameters = RunParameters(run_id="r", suites=("no-such-suite",), target=ECHO)
    with pytest.raises(InputError, match="--ray-address needs --shards"):
        asyncio.run(execute_run(Store(sqlite_url), parameters, ray_address="auto"))


def test_an_attack_plan_travels_as_a_name_and_a_path(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: one\nconverters: [base64]\n", encoding="utf-8")
    suite = write_suite(tmp_path / "s.jsonl", 2)
    spec = RunParameters(run_id="r", suites=(str(suite),), target=ECHO, attack=f"plan:{plan}").spec()
    assert spec.attack is not None and spec.attack["name"] == "one"
    assert spec.units is not None
    assert sorted(attack for _, attack, _ in spec.units()) == ["baseline", "baseline", "conv:base64", "conv:base64"]
    with pytest.raises(InputError, match="KIND:SOURCE"):
        build_expansion("plan.yaml")
    with pytest.raises(InputError, match="unknown attack kind 'gcg'"):
        build_expansion("gcg:x")
