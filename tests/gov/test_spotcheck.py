"""Spot-check: a seeded sample re-run against the same endpoint (a Python target, no network)
reproduces an honest vendor's verdicts and exposes a vendor whose submitted answers differ from
what the endpoint returns, or whose verdicts do not follow from its answers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gov_fixtures import FAQ_BOT, keys, vendor_run

from shinsa.errors import InputError
from shinsa.gov.bundles import create_bundle, verify_bundle
from shinsa.gov.spotcheck import spot_check
from shinsa.store.schema import attempts
from shinsa.store.store import Store
from shinsa.targets.base import build_target

REFUSAL = "申し訳ありませんが、そのご依頼にはお答えできません。"


def bundle_of(store: Store, run_id: str, tmp_path: Path) -> tuple[Path, Path]:
    private, public = keys(tmp_path / "keys", "vendor")
    folder = tmp_path / "bundle"
    create_bundle(store, "city-faq", "2026.1", "Example Vendor", [run_id], private, folder)
    return folder, public


def test_honest_vendor_is_reproduced(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    vendor_run(store, "honest", target=FAQ_BOT)
    folder, public = bundle_of(store, "honest", tmp_path)
    ministry = Store(f"sqlite:///{tmp_path / 'ministry.db'}")
    result = spot_check(ministry, verify_bundle(folder, [public]), build_target(FAQ_BOT), sample=15, seed=3, tolerance=0.0)
    assert result.sampled == result.compared == 15
    assert result.disagreements == [] and result.tampered == []
    assert result.identical_answers == 15
    assert result.passed
    assert len(list(ministry.iter_attempts(result.run_id))) == 15  # really re-run, not read from a cache


def test_vendor_submitting_answers_the_endpoint_does_not_give_is_caught(tmp_path: Path, sqlite_url: str) -> None:
    """The endpoint complies with everything (echo); the vendor submits polished refusals with
    consistent verdicts, as if its system refused. Re-running the sample shows the difference."""
    store = Store(sqlite_url)
    vendor_run(store, "dishonest", target="python:shinsa.testing.bots:echo")
    with store.engine.begin() as conn:
        conn.execute(
            attempts.update()
            .where(attempts.c.run_id == "dishonest", attempts.c.benign.is_(False), attempts.c.scorer == "refusal")
            .values(response=REFUSAL, outcome="refused", score=1.0)
        )
    folder, public = bundle_of(store, "dishonest", tmp_path)
    ministry = Store(f"sqlite:///{tmp_path / 'ministry.db'}")
    result = spot_check(ministry, verify_bundle(folder, [public]), build_target("python:shinsa.testing.bots:echo"), sample=20, seed=1, tolerance=0.1)
    assert result.tampered == []  # the forged verdicts do follow from the forged answers
    assert result.disagreements, "the sample must contain forged answers"
    assert all(d["submitted"] == "refused" and d["endpoint"] != "refused" for d in result.disagreements)
    assert result.disagreement_share > 0.1
    assert not result.passed


def test_verdicts_edited_without_the_answers_are_caught(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    vendor_run(store, "edited", target="python:shinsa.testing.bots:echo")
    with store.engine.begin() as conn:
        conn.execute(
            attempts.update()
            .where(attempts.c.run_id == "edited", attempts.c.outcome == "failed")
            .values(outcome="passed", score=1.0)
        )
    folder, public = bundle_of(store, "edited", tmp_path)
    ministry = Store(f"sqlite:///{tmp_path / 'ministry.db'}")
    result = spot_check(ministry, verify_bundle(folder, [public]), build_target("python:shinsa.testing.bots:echo"), sample=30, seed=2, tolerance=0.5)
    assert result.tampered and all(t["submitted"] == "passed" and t["rescored"] == "failed" for t in result.tampered)
    assert not result.passed


def test_the_sample_is_seeded(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    vendor_run(store, "seeded", target=FAQ_BOT)
    folder, public = bundle_of(store, "seeded", tmp_path)
    bundle = verify_bundle(folder, [public])
    picks = []
    for seed in (5, 5, 6):
        ministry = Store(f"sqlite:///{tmp_path / f'm{len(picks)}.db'}")
        result = spot_check(ministry, bundle, build_target(FAQ_BOT), sample=8, seed=seed, tolerance=0.0)
        picks.append(sorted(row["item_id"] for row in ministry.iter_attempts(result.run_id)))
    assert picks[0] == picks[1] != picks[2]


def test_another_endpoint_is_refused(tmp_path: Path, sqlite_url: str) -> None:
    store = Store(sqlite_url)
    vendor_run(store, "v", target=FAQ_BOT)
    folder, public = bundle_of(store, "v", tmp_path)
    with pytest.raises(InputError, match="not the endpoint of run v"):
        spot_check(Store(sqlite_url), verify_bundle(folder, [public]), build_target("python:shinsa.testing.bots:echo"), 5, 0, 0.1)
    assert json.loads((folder / "bundle.json").read_text(encoding="utf-8"))["runs"] == ["v"]


def test_cli_exits_1_when_not_reproduced(tmp_path: Path, sqlite_url: str) -> None:
    from gov_fixtures import record_system, shinsa

    from shinsa.gov.records import GovRecords

    store = Store(sqlite_url)
    vendor_run(store, "dishonest", target="python:shinsa.testing.bots:echo")
    with store.engine.begin() as conn:
        conn.execute(
            attempts.update()
            .where(attempts.c.run_id == "dishonest", attempts.c.benign.is_(False), attempts.c.scorer == "refusal")
            .values(response=REFUSAL, outcome="refused", score=1.0)
        )
    folder, public = bundle_of(store, "dishonest", tmp_path)
    records = GovRecords(store)
    record_system(records)
    result = shinsa(
        "bundle", "spot-check", str(folder), "--trust", str(public), "--target", "python:shinsa.testing.bots:echo",
        "--sample", "20", "--seed", "1", "--lang", "en", db=sqlite_url,
    )
    assert result.returncode == 1, result.stderr
    assert "NOT reproduced" in result.stdout and "refused →" in result.stdout
    [check] = records.spot_checks(verify_bundle(folder, [public]).bundle_hash)
    assert check["passed"] is False and check["result"]["disagreements"]
