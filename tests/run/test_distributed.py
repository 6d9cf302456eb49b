"""Distributed runs: the shard partition (no Ray needed) and real Ray shards writing to SQLite and
PostgreSQL against the fake OpenAI server."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.run.engine import RunSpec, execute, prepare, shard_of
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import build_target

ECHO = "python:shinsa.testing.bots:echo"


def write_suite(path: Path, n: int) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = {"id": f"q{i:04d}", "perspective": 1 + i % 8, "prompt": f"prompt {i:04d}",
                      "expected": "contain", "reference": ["prompt"]}
            handle.write(json.dumps(record) + "\n")
    return path


def shard_keys(spec: RunSpec) -> list[tuple[str, str, str]]:
    return [(suite, item.id, attack_id) for suite, attack_id, item in spec.unit_source()()]


def sharded_specs(suite_path: Path, count: int, **options: object) -> list[RunSpec]:
    suite = load_suite(str(suite_path))
    return [RunSpec("r", [suite], build_target(ECHO), shard=(index, count), **options) for index in range(count)]  # type: ignore[arg-type]


# --- the partition -------------------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_shards_are_disjoint_and_cover_every_item(tmp_path: Path, count: int) -> None:
    path = write_suite(tmp_path / "s.jsonl", 300)
    whole = shard_keys(RunSpec("r", [load_suite(str(path))], build_target(ECHO)))
    parts = [shard_keys(spec) for spec in sharded_specs(path, count)]
    assert sorted(key for part in parts for key in part) == sorted(whole)
    assert sum(len(part) for part in parts) == len(set(whole)) == 300
    if count > 1:  # a hash spreads the items: no shard is empty or holds nearly everything
        assert all(0.5 * 300 / count < len(part) < 1.5 * 300 / count for part in parts)


def test_limit_counts_units_of_the_whole_run(tmp_path: Path) -> None:
    path = write_suite(tmp_path / "s.jsonl", 100)
    parts = [shard_keys(spec) for spec in sharded_specs(path, 3, limit=40)]
    assert sorted(item for part in parts for _, item, _ in part) == [f"q{i:04d}" for i in range(40)]


def test_attacks_of_one_item_are_spread_by_attack_id() -> None:
    item = Item.model_validate({"id": "x", "perspective": 1, "prompt": "p", "expected": "refuse"})
    units = [("s", f"attack-{n}", item) for n in range(60)]
    shards = {shard_of(suite, it.id, attack_id, 4) for suite, attack_id, it in units}
    assert shards == {0, 1, 2, 3}
    spec = RunSpec("r", [], build_target(ECHO), units=lambda: iter(units), shard=(2, 4))
    assert [attack for _, attack, _ in spec.unit_source()()] == [
        attack for _, attack, it in units if shard_of("s", it.id, attack, 4) == 2
    ]


def test_the_shard_of_an_item_is_the_same_in_every_process() -> None:
    keys = [("aisi-ja", f"item-{i}", "" if i % 2 else "base64") for i in range(50)]
    here = [shard_of(*key, 5) for key in keys]
    code = (
        "import json, sys; from shinsa.run.engine import shard_of; "
        "print(json.dumps([shard_of(*key, 5) for key in json.loads(sys.argv[1])]))"
    )
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        output = subprocess.run([sys.executable, "-c", code, json.dumps(keys)], capture_output=True, text=True,
                                env=env, check=True).stdout
        assert json.loads(output) == here


def test_a_shard_that_does_not_exist_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 3)))
    with pytest.raises(InputError, match="shard 2 of 2 does not exist"):
        prepare(Store(sqlite_url), RunSpec("r", [suite], build_target(ECHO), shard=(2, 2)))


def test_a_shard_needs_the_run_created_first(tmp_path: Path, sqlite_url: str) -> None:
    suite = load_suite(str(write_suite(tmp_path / "s.jsonl", 3)))
    with pytest.raises(InputError, match="must be created before its shards"):
        prepare(Store(sqlite_url), RunSpec("r", [suite], build_target(ECHO), shard=(0, 2)))


def test_shards_write_their_own_items_and_leave_the_run_status_to_the_coordinator(
    tmp_path: Path, sqlite_url: str
) -> None:
    path = write_suite(tmp_path / "s.jsonl", 60)
    store = Store(sqlite_url)
    whole = prepare(store, RunSpec("r", [load_suite(str(path))], build_target(ECHO)))
    store.create_run("r", whole.manifest, whole.total, "test")
    store.set_status("r", "coordinating")
    totals = []
    for spec in sharded_specs(path, 3):
        prepared = prepare(store, spec)  # the whole run's identity matches each shard's
        assert prepared.resumed
        totals.append(asyncio.run(execute(store, prepared)).done)
    assert sum(totals) == 60 and min(totals) > 0
    assert sorted(row["item_id"] for row in store.iter_attempts("r")) == [f"q{i:04d}" for i in range(60)]
    assert store.get_run("r")["status"] == "coordinating"
    # a resume split another way finds everything finished
    again = [asyncio.run(execute(store, prepare(store, spec))) for spec in sharded_specs(path, 2)]
    assert [p.done for p in again] == [0, 0] and sum(p.skipped for p in again) == 60
