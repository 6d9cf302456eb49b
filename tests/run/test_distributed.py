"""Distributed runs: the shard partition (no Ray needed) and real Ray shards writing to SQLite and
PostgreSQL against the fake OpenAI server."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.errors import InputError
from shinsa.items import Item
from shinsa.redteam.adaptive import AdaptiveParameters
from shinsa.redteam.multiturn import AttackConfig, Budget
from shinsa.run.distributed import (
    execute_sharded,
    import_ray,
    ray_session,
    worker_database_url,
)
from shinsa.run.engine import RunProgress, RunSpec, execute, prepare, shard_of
from shinsa.run.lifecycle import RunSummary, execute_run
from shinsa.run.parameters import RunParameters
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import TargetOptions, build_target

ECHO = "python:shinsa.testing.bots:echo"
REDTEAM_TESTS = Path(__file__).resolve().parents[1] / "redteam"


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


# --- the payload and the checks made before Ray starts ---------------------------------------------


def test_a_shard_payload_carries_no_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHINSA_TEST_KEY", "sk-secret-4242")
    description = RunParameters(
        run_id="r", suites=("quick",), target="openai:fake",
        target_options=TargetOptions(base_url="http://127.0.0.1:9/v1", api_key_env="SHINSA_TEST_KEY"),
        judge="openai:judge", judge_options=TargetOptions(base_url="http://127.0.0.1:9/v1", api_key_env="SHINSA_TEST_KEY"),
    )
    description.spec()  # the coordinator builds its own run, reading the key here
    payload = pickle.dumps(description)
    assert b"sk-secret-4242" not in payload
    monkeypatch.delenv("SHINSA_TEST_KEY")
    with pytest.raises(InputError, match="SHINSA_TEST_KEY"):  # a worker reads the key from its own environment
        pickle.loads(payload).spec()


def test_a_multi_turn_shard_payload_carries_no_api_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SHINSA_TEST_ATTACKER_KEY", "sk-attacker-4242")
    parameters = AdaptiveParameters(
        run_id="r", suites=("quick",), target=ECHO, attacker="openai:attacker",
        attacker_options=TargetOptions(base_url="http://127.0.0.1:9/v1", api_key_env="SHINSA_TEST_ATTACKER_KEY"),
        config=AttackConfig("crescendo", Budget(max_turns=2, max_tokens=500)),
    )
    parameters.adaptive_spec()  # the coordinator builds its attacker, reading the key here
    payload = pickle.dumps(parameters)
    assert b"sk-attacker-4242" not in payload
    rebuilt = pickle.loads(payload)
    assert rebuilt.config.budget.max_tokens == 500 and rebuilt.attacker_options.api_key_env == "SHINSA_TEST_ATTACKER_KEY"
    monkeypatch.delenv("SHINSA_TEST_ATTACKER_KEY")
    with pytest.raises(InputError, match="SHINSA_TEST_ATTACKER_KEY"):  # a worker reads the key from its own environment
        rebuilt.adaptive_spec(shard=(0, 2))


def test_sqlite_is_refused_for_a_remote_cluster_and_made_absolute_for_local_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert worker_database_url("sqlite:///runs.db", None) == f"sqlite:///{tmp_path / 'runs.db'}"
    assert worker_database_url("sqlite:///runs.db", "auto").endswith("/runs.db")
    assert worker_database_url("sqlite:///runs.db", "ray://127.0.0.1:10001").startswith("sqlite:////")
    with pytest.raises(InputError, match="needs --db postgresql"):
        worker_database_url("sqlite:///runs.db", "ray://head.example.jp:10001")
    with pytest.raises(InputError, match="in-memory"):
        worker_database_url("sqlite://", None)
    with pytest.raises(InputError, match="must not contain a password"):
        worker_database_url("postgresql+psycopg://shinsa:hunter2@db.example.jp/shinsa", "10.0.0.5:6379")
    pg = "postgresql+psycopg://shinsa@db.example.jp/shinsa"
    assert worker_database_url(pg, "10.0.0.5:6379") == pg


def test_without_ray_installed_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(InputError, match=r"install shinsa\[ray\]"):
        import_ray()


def test_ray_address_without_shards_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    path = write_suite(tmp_path / "s.jsonl", 2)
    result = CliRunner().invoke(app, ["run", "--suite", str(path), "--target", ECHO, "--db", sqlite_url,
                                      "--ray-address", "auto"])
    assert isinstance(result.exception, InputError) and "--ray-address needs --shards" in str(result.exception)


# --- real Ray shards -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ray_session_for_tests() -> Iterator[None]:
    """One local Ray for the module: starting Ray takes seconds. ``ray_session`` uses it as it is.
    Its workers can import the red-team doubles (``python:redteam_doubles:NAME``)."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # as import_ray() does: no telemetry call
    ray = pytest.importorskip("ray")
    with pytest.MonkeyPatch.context() as patch:  # the workers inherit the environment Ray starts in
        patch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(REDTEAM_TESTS), os.environ.get("PYTHONPATH")])))
        ray.init(num_cpus=2, include_dashboard=False, logging_level=logging.WARNING, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))


N = 200


def prompt_ids(server: Any) -> list[str]:
    """The prompts the fake server answered, as item numbers, in order."""
    return [prompt.removeprefix("prompt ") for prompt in server.requests()]


def wait_until_answered(server: Any, deadline_seconds: float = 60.0) -> None:
    """Wait until the fake server has answered every request it received (a condition, not a
    guess at how long that takes; the deadline only keeps a broken run from hanging the suite)."""
    deadline = time.monotonic() + deadline_seconds
    while server.stats()["in_flight"]:
        assert time.monotonic() < deadline, "the fake server still answers requests"
        time.sleep(0.02)


def stored_ids(store: Store, run_id: str) -> list[str]:
    return [row["item_id"].removeprefix("q") for row in store.iter_attempts(run_id)]


@pytest.mark.integration
@pytest.mark.usefixtures("ray_session_for_tests")
def test_two_shards_answer_every_item_exactly_once(tmp_path: Path, db_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(latency=0.01)
    path = write_suite(tmp_path / "s.jsonl", N)
    args = ["run", "--suite", str(path), "--target", "openai:fake", "--base-url", server.base_url, "--db", db_url,
            "--run-id", "dist", "--shards", "2", "--concurrency", "4"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert f"{N} answered (0 errors, 0 from cache), 0 already finished" in result.output
    store = Store(db_url)
    assert stored_ids(store, "dist") == [f"{i:04d}" for i in range(N)]
    requested = prompt_ids(server)
    assert sorted(requested) == [f"{i:04d}" for i in range(N)]  # each once: the shards never overlap
    run = store.get_run("dist")
    assert run["status"] == "finished" and run["total"] == N
    assert store.list_runs()[0]["attempts"] == N  # one run row, written by the coordinator


@pytest.mark.integration
@pytest.mark.usefixtures("ray_session_for_tests")
def test_cancelled_run_keeps_what_finished_and_resumes_with_another_shard_count(
    tmp_path: Path, db_url: str, fake_server  # type: ignore[no-untyped-def]
) -> None:
    server = fake_server(latency=0.1)  # the run lasts seconds: a loaded machine still stops it midway
    description = RunParameters(
        run_id="stopped", suites=(str(write_suite(tmp_path / "s.jsonl", N)),), target="openai:fake",
        target_options=TargetOptions(base_url=server.base_url), concurrency=2, use_cache=False,
    )
    store = Store(db_url)

    async def run(shards: int, cancel_after: int | None) -> RunProgress:
        with ray_session(None, shards, store.url) as worker_url:
            prepared = prepare(store, description.spec())
            task = asyncio.create_task(execute_sharded(store, prepared, description, shards, worker_url))
            while cancel_after is not None and not task.done():
                if sum(store.count_attempts("stopped").values()) >= cancel_after:
                    task.cancel()
                    break
                await asyncio.sleep(0.05)
            return await task

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(run(2, cancel_after=N // 4))
    assert store.get_run("stopped")["status"] == "interrupted"
    finished_before = set(stored_ids(store, "stopped"))
    assert N // 4 <= len(finished_before) < N
    wait_until_answered(server)  # requests cancelled in flight are still logged once the server answers them
    requested_before = len(server.requests())
    assert requested_before >= len(finished_before)

    progress = asyncio.run(run(3, cancel_after=None))
    assert progress.skipped == len(finished_before) and progress.done == N - len(finished_before)
    resent = prompt_ids(server)[requested_before:]
    # the stopped shards sent nothing more: every request after the stop is one of the resumed run,
    # once per unfinished item
    assert sorted(resent) == sorted(set(f"{i:04d}" for i in range(N)) - finished_before)
    assert stored_ids(store, "stopped") == [f"{i:04d}" for i in range(N)]
    assert store.get_run("stopped")["status"] == "finished"


@pytest.mark.integration
@pytest.mark.usefixtures("ray_session_for_tests")
def test_a_red_team_plan_runs_on_shards_like_any_run(tmp_path: Path, sqlite_url: str, fake_server) -> None:  # type: ignore[no-untyped-def]
    server = fake_server(latency=0.01)
    path = write_suite(tmp_path / "s.jsonl", 30)
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: two-chains\nconverters: [base64, fullwidth]\n", encoding="utf-8")
    args = ["redteam", "run", "--suite", str(path), "--attack", str(plan), "--target", "openai:fake",
            "--base-url", server.base_url, "--db", sqlite_url, "--run-id", "rt", "--shards", "2", "-q"]
    result = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    units = 30 * 3  # the baseline and two converter chains per item
    assert f"{units} answered (0 errors, 0 from cache), 0 already finished" in result.output
    assert "attack success rate" in result.output
    store = Store(sqlite_url)
    rows = list(store.iter_attempts("rt"))
    assert len({(row["item_id"], row["attack_id"]) for row in rows}) == len(rows) == units
    assert {row["attack_id"] for row in rows} == {"baseline", "conv:base64", "conv:fullwidth"}
    assert len(server.requests()) == units  # each attempt sent once: the shards split the attacks too
    run = store.get_run("rt")
    assert run["status"] == "finished" and run["total"] == units
    assert run["manifest"]["attack"]["name"] == "two-chains"


# --- multi-turn attacks on real Ray shards ---------------------------------------------------------


def write_objectives(path: Path, n: int) -> Path:
    """``n`` harmful items (objectives) and a benign look-alike for every fourth (neither attacked
    nor in the baseline)."""
    with path.open("w", encoding="utf-8") as handle:
        for i in range(n):
            record = {"id": f"o{i:03d}", "perspective": 1 + i % 8, "language": "en", "prompt": f"objective {i:03d}"}
            handle.write(json.dumps(record) + "\n")
            if i % 4 == 0:
                benign = {"id": f"b{i:03d}", "perspective": 1, "language": "en", "prompt": f"benign {i:03d}",
                          "benign": True, "expected": "comply"}
                handle.write(json.dumps(benign) + "\n")
    return path


def attack_results(store: Store, run_id: str) -> dict[str, tuple[Any, ...]]:
    """Each attack's stored result and turns, without times (which differ between sessions)."""
    results = {}
    for row in store.iter_attempts(run_id):
        if row["attack_id"] == "crescendo":
            turns = [
                (t["branch"], t["turn_index"], t["attacker_prompt"], t["target_response"], t["outcome"], t["score"], t["tokens"])
                for t in store.load_turns(run_id, row["suite"], row["item_id"], "crescendo")
            ]
            results[row["item_id"]] = (row["outcome"], row["score"], row["response"], row["details"], tuple(turns))
    return results


def crescendo_parameters(run_id: str, suite: Path, server: Any, attacks_in_flight: int) -> AdaptiveParameters:
    return AdaptiveParameters(
        run_id=run_id, suites=(str(suite),), target="openai:fake", target_options=TargetOptions(base_url=server.base_url),
        attacker="python:redteam_doubles:attacker", config=AttackConfig("crescendo", Budget(max_turns=4)),
        attacks_in_flight=attacks_in_flight, use_cache=False,
    )


@pytest.mark.integration
@pytest.mark.usefixtures("ray_session_for_tests")
def test_two_shards_attack_every_objective_once_with_the_results_of_one_process(
    tmp_path: Path, sqlite_url: str, fake_server, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.syspath_prepend(str(REDTEAM_TESTS))
    server = fake_server(latency=0.01)
    n = 24
    path = write_objectives(tmp_path / "s.jsonl", n)
    common = ["--suite", str(path), "--target", "openai:fake", "--base-url", server.base_url,
              "--attacker", "python:redteam_doubles:attacker", "--db", sqlite_url, "--max-turns", "3", "-q"]
    sharded = CliRunner().invoke(app, ["redteam", "crescendo", *common, "--run-id", "sharded", "--shards", "2"],
                                 env={"COLUMNS": "200"})
    assert sharded.exit_code == 0, sharded.output
    baseline = n  # the attacked items, asked as they are
    assert f"{baseline + n} baseline answers and attacks run (0 errors, 0 from cache), 0 already finished" in sharded.output
    assert "crescendo: attack success rate" in sharded.output
    store = Store(sqlite_url)
    asked = [row["prompt"] for row in store.iter_attempts("sharded") if row["attack_id"] == ""]
    asked += [turn[2] for result in attack_results(store, "sharded").values() for turn in result[4]]
    assert sorted(server.requests()) == sorted(asked)  # every turn of every attack asked once, by one shard

    single = CliRunner().invoke(app, ["redteam", "crescendo", *common, "--run-id", "single"], env={"COLUMNS": "200"})
    assert single.exit_code == 0, single.output
    assert f"{n} attacks run (" in single.output and "0 errors), 0 already finished" in single.output
    assert attack_results(store, "sharded") == attack_results(store, "single")
    assert len(attack_results(store, "sharded")) == n
    for run_id in ("sharded", "single"):
        run = store.get_run(run_id)
        assert run["status"] == "finished" and run["total"] == baseline + n
        assert len(list(store.iter_attempts(run_id))) == baseline + n


@pytest.mark.integration
@pytest.mark.usefixtures("ray_session_for_tests")
def test_a_cancelled_sharded_attack_resumes_at_its_last_finished_turns_with_another_shard_count(
    tmp_path: Path, sqlite_url: str, fake_server, monkeypatch: pytest.MonkeyPatch  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.syspath_prepend(str(REDTEAM_TESTS))
    server = fake_server(latency=0.15, reply="refuse")  # refuses: every attack runs to its last turn
    n = 8
    path = write_objectives(tmp_path / "s.jsonl", n)
    store = Store(sqlite_url)

    def stored_turns(run_id: str) -> dict[tuple[str, str, int], float]:
        return {
            (f"o{i:03d}", t["branch"], t["turn_index"]): t["created_at"]
            for i in range(n)
            for t in store.load_turns(run_id, "s", f"o{i:03d}", "crescendo")
        }

    async def run(shards: int, cancel_after_turns: int | None) -> RunSummary:
        parameters = crescendo_parameters("stopped", path, server, attacks_in_flight=1)  # a few seconds per shard
        task = asyncio.create_task(execute_run(store, parameters, shards=shards))
        while cancel_after_turns is not None and not task.done():
            if len(stored_turns("stopped")) >= cancel_after_turns:
                task.cancel()
                break
            await asyncio.sleep(0.02)
        return await task

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(run(2, cancel_after_turns=10))
    assert store.get_run("stopped")["status"] == "interrupted"
    before = stored_turns("stopped")
    per_attack = 3 + 4 + 4  # three refused turns dropped and rephrased, four accepted turns and their probes
    assert 10 <= len(before) < n * per_attack
    taken = [sum(1 for item, _, _ in before if item == f"o{i:03d}") for i in range(n)]
    assert any(0 < count < per_attack for count in taken)  # stopped in the middle of an attack

    summary = asyncio.run(run(3, cancel_after_turns=None))
    assert summary.total == n + n  # the baseline of the attacked items and the attacks
    after = stored_turns("stopped")
    assert len(after) == n * per_attack
    assert {key: after[key] for key in before} == before  # turns finished before were replayed, not asked again

    asyncio.run(execute_run(store, crescendo_parameters("reference", path, server, attacks_in_flight=4)))
    assert attack_results(store, "stopped") == attack_results(store, "reference")
    assert {json.loads(result[3])["stop"] for result in attack_results(store, "stopped").values()} == {"max_turns"}
    assert store.get_run("stopped")["status"] == "finished"
