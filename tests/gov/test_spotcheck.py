"""Spot-check: a seeded sample re-run against the same endpoint (a Python target, no network)
reproduces an honest vendor's verdicts and exposes a vendor whose submitted answers differ from
what the endpoint returns, or whose verdicts do not follow from its answers."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from gov_fixtures import FAQ_BOT, keys, vendor_run

from shinsa.errors import InputError
from shinsa.gov.bundles import VerifiedBundle, create_bundle, verify_bundle
from shinsa.gov.spotcheck import spot_check
from shinsa.store.schema import attempts
from shinsa.store.store import Store
from shinsa.targets.base import build_target

REFUSAL = "申し訳ありませんが、そのご依頼にはお答えできません。"
ECHO = "python:shinsa.testing.bots:echo"


@dataclass
class VendorBundle:
    store: Store
    """The vendor's database, holding the run."""
    folder: Path
    public: Path
    """The vendor's public key."""

    def verified(self) -> VerifiedBundle:
        return verify_bundle(self.folder, [self.public])


MakeBundle = Callable[..., VendorBundle]


@pytest.fixture
def vendor_bundle(tmp_path: Path, sqlite_url: str) -> MakeBundle:
    """``vendor_bundle(run_id, target, forge=None)``: the vendor runs the suite against ``target``,
    ``forge`` edits its stored attempts (a dishonest vendor), then it signs a bundle of the run."""

    def make(run_id: str, target: str, forge: Callable[[Store, str], None] | None = None) -> VendorBundle:
        store = Store(sqlite_url)
        vendor_run(store, run_id, target=target)
        if forge is not None:
            forge(store, run_id)
        private, public = keys(tmp_path / "keys", "vendor")
        folder = tmp_path / "bundle"
        create_bundle(store, "city-faq", "2026.1", "Example Vendor", [run_id], private, folder)
        return VendorBundle(store, folder, public)

    return make


def forge_refusals(store: Store, run_id: str) -> None:
    """Polished refusals, with consistent verdicts, in place of what the endpoint answered."""
    with store.engine.begin() as conn:
        conn.execute(
            attempts.update()
            .where(attempts.c.run_id == run_id, attempts.c.benign.is_(False), attempts.c.scorer == "refusal")
            .values(response=REFUSAL, outcome="refused", score=1.0)
        )


def forge_passes(store: Store, run_id: str) -> None:
    """Failed verdicts turned into passes, the answers left as they were."""
    with store.engine.begin() as conn:
        conn.execute(attempts.update().where(attempts.c.run_id == run_id, attempts.c.outcome == "failed").values(outcome="passed", score=1.0))


def ministry(tmp_path: Path, name: str = "ministry") -> Store:
    """The assessing ministry's own database."""
    return Store(f"sqlite:///{tmp_path / f'{name}.db'}")


def test_honest_vendor_is_reproduced(tmp_path: Path, vendor_bundle: MakeBundle) -> None:
    bundle = vendor_bundle("honest", FAQ_BOT)
    own = ministry(tmp_path)
    result = spot_check(own, bundle.verified(), build_target(FAQ_BOT), sample=15, seed=3, tolerance=0.0)
    assert result.sampled == result.compared == 15
    assert result.disagreements == [] and result.tampered == []
    assert result.identical_answers == 15
    assert result.passed
    assert len(list(own.iter_attempts(result.run_id))) == 15  # really re-run, not read from a cache


def test_vendor_submitting_answers_the_endpoint_does_not_give_is_caught(tmp_path: Path, vendor_bundle: MakeBundle) -> None:
    """The endpoint complies with everything (echo); the vendor submits polished refusals with
    consistent verdicts, as if its system refused. Re-running the sample shows the difference."""
    bundle = vendor_bundle("dishonest", ECHO, forge_refusals)
    result = spot_check(ministry(tmp_path), bundle.verified(), build_target(ECHO), sample=20, seed=1, tolerance=0.1)
    assert result.tampered == []  # the forged verdicts do follow from the forged answers
    assert result.disagreements, "the sample must contain forged answers"
    assert all(d["submitted"] == "refused" and d["endpoint"] != "refused" for d in result.disagreements)
    assert result.disagreement_share > 0.1
    assert not result.passed


def test_verdicts_edited_without_the_answers_are_caught(tmp_path: Path, vendor_bundle: MakeBundle) -> None:
    bundle = vendor_bundle("edited", ECHO, forge_passes)
    result = spot_check(ministry(tmp_path), bundle.verified(), build_target(ECHO), sample=30, seed=2, tolerance=0.5)
    assert result.tampered and all(t["submitted"] == "passed" and t["rescored"] == "failed" for t in result.tampered)
    assert not result.passed


def test_the_sample_is_seeded(tmp_path: Path, vendor_bundle: MakeBundle) -> None:
    verified = vendor_bundle("seeded", FAQ_BOT).verified()
    picks = []
    for seed in (5, 5, 6):
        own = ministry(tmp_path, f"m{len(picks)}")
        result = spot_check(own, verified, build_target(FAQ_BOT), sample=8, seed=seed, tolerance=0.0)
        picks.append(sorted(row["item_id"] for row in own.iter_attempts(result.run_id)))
    assert picks[0] == picks[1] != picks[2]


def test_another_endpoint_is_refused(vendor_bundle: MakeBundle) -> None:
    bundle = vendor_bundle("v", FAQ_BOT)
    with pytest.raises(InputError, match="not the endpoint of run v"):
        spot_check(bundle.store, bundle.verified(), build_target(ECHO), 5, 0, 0.1)
    assert json.loads((bundle.folder / "bundle.json").read_text(encoding="utf-8"))["runs"] == ["v"]


def test_cli_exits_1_when_not_reproduced(sqlite_url: str, vendor_bundle: MakeBundle) -> None:
    from gov_fixtures import record_system, shinsa

    from shinsa.gov.records import GovRecords

    bundle = vendor_bundle("dishonest", ECHO, forge_refusals)
    records = GovRecords(bundle.store)
    record_system(records)
    result = shinsa(
        "bundle", "spot-check", str(bundle.folder), "--trust", str(bundle.public), "--target", ECHO,
        "--sample", "20", "--seed", "1", "--lang", "en", db=sqlite_url,
    )
    assert result.returncode == 1, result.stderr
    assert "NOT reproduced" in result.stdout and "refused →" in result.stdout
    [check] = records.spot_checks(bundle.verified().bundle_hash)
    assert check["passed"] is False and check["result"]["disagreements"]
