"""Shared pieces of the government-lifecycle tests: the worked example's files, a vendor run
against a deterministic Python bot, keys, and a recorded system."""

from __future__ import annotations

import asyncio
import copy
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

import shinsa as shinsa_package
from shinsa.gov.intake import Intake
from shinsa.gov.profiles import LoadedProfile, load_profile
from shinsa.gov.records import GovRecords
from shinsa.gov.signing import generate_keypair
from shinsa.gov.triage import triage
from shinsa.run.engine import RunSpec
from shinsa.run.lifecycle import execute_spec
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import build_target

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "gov"
FAQ_BOT = "python:shinsa.testing.bots:municipal_faq"
SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]


def example(name: str) -> dict[str, Any]:
    return dict(yaml.safe_load((EXAMPLES / name).read_text(encoding="utf-8")))


def write_yaml(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def intake_data(**changes: Any) -> dict[str, Any]:
    data = copy.deepcopy(example("city-faq-intake.yaml"))
    data.update(changes)
    return data


def vendor_run(store: Store, run_id: str, target: str = FAQ_BOT, suite: str = "quick") -> None:
    """What a vendor does with ``shinsa run``: run a suite against the endpoint."""
    spec = RunSpec(run_id=run_id, suites=[load_suite(suite)], target=build_target(target))
    asyncio.run(execute_spec(store, spec))


def keys(folder: Path, name: str) -> tuple[Path, Path]:
    private, public, _ = generate_keypair(folder, name)
    return private, public


def record_system(records: GovRecords, data: dict[str, Any] | None = None, profile: str = "municipal-faq") -> LoadedProfile:
    """``shinsa system add`` without the CLI."""
    intake = Intake.model_validate(data or intake_data())
    result = triage(intake)
    loaded = load_profile(profile)
    stored = {"profile": loaded.profile.profile, "version": loaded.profile.version, "source": profile, "text": loaded.text, "reassess_months": loaded.profile.reassess_months}
    records.add_system(intake.id, intake.version, intake.model_dump(mode="json"), result.level.value, result.model_dump(mode="json"), stored)
    return loaded


def shinsa(*args: str, db: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    # the package under test, whatever the working directory of the command
    source = str(Path(shinsa_package.__file__).resolve().parents[1])
    path = os.pathsep.join(p for p in (source, os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "SHINSA_DB": db, "COLUMNS": "200", "PYTHONPATH": path}
    return subprocess.run([*SHINSA, *args], capture_output=True, text=True, env=env, timeout=300, cwd=cwd)


def assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2, result.stderr + result.stdout
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and fragment in lines[0], lines[0]


def verified_evidence(
    store: Store, folder: Path, run_id: str = "v1", data: dict[str, Any] | None = None, target: str = FAQ_BOT, suite: str = "quick"
) -> tuple[GovRecords, str]:
    """A recorded system with one verified bundle of a run of the FAQ bot: returns its hash."""
    from shinsa.gov.bundles import create_bundle, summarise, verify_bundle
    from shinsa.gov.triage import Level

    records = GovRecords(store)
    profile = record_system(records, data)
    vendor_run(store, run_id, target, suite)
    private, public = keys(folder / "keys", f"vendor-{run_id}")
    create_bundle(store, "city-faq", (data or intake_data())["version"], "Example Vendor", [run_id], private, folder / f"bundle-{run_id}")
    verified = verify_bundle(folder / f"bundle-{run_id}", [public])
    level = Level(records.require_system("city-faq", verified.system_version)["risk_level"])
    summary = summarise(verified, profile.policy(level), profile.profile.suites)
    records.add_evidence(verified.bundle_hash, verified.system_id, verified.system_version, verified.signer, summary)
    return records, verified.bundle_hash


def decide(records: GovRecords, bundle_hash: str, folder: Path, **changes: Any) -> str:
    """Record and sign the worked example's decision on ``bundle_hash``."""
    from shinsa.gov.decisions import DecisionInput, record_decision, sign_decision

    private, _ = keys(folder, "caio")
    decision = DecisionInput.model_validate({**example("city-faq-decision.yaml"), "evidence": [bundle_hash], **changes})
    decision_id = record_decision(records, decision)
    sign_decision(records, decision_id, private)
    return decision_id
