"""Evidence bundles: signed by the vendor, verified by the ministry; one changed byte, an unknown
key or an unlisted file fails verification with one line; a failed write leaves nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gov_fixtures import assert_one_line_error, keys, record_system, shinsa, vendor_run

from shinsa.errors import InputError
from shinsa.gov.bundles import create_bundle, summarise, verify_bundle
from shinsa.gov.records import GovRecords
from shinsa.gov.triage import Level
from shinsa.store.store import Store


@pytest.fixture
def vendor(tmp_path: Path, sqlite_url: str) -> tuple[Store, Path, Path, Path]:
    """A vendor store with one finished run, a key pair, and the signed bundle."""
    store = Store(sqlite_url)
    vendor_run(store, "v1")
    private, public = keys(tmp_path / "keys", "vendor")
    bundle = tmp_path / "bundle"
    create_bundle(store, "city-faq", "2026.1", "Example Vendor", ["v1"], private, bundle)
    return store, private, public, bundle


def test_verified_bundle_holds_every_attempt_and_its_hash_is_stable(vendor: tuple[Store, Path, Path, Path]) -> None:
    store, _, public, bundle = vendor
    verified = verify_bundle(bundle, [public])
    assert verified.system_id == "city-faq" and verified.system_version == "2026.1"
    assert [run.run_id for run in verified.runs] == ["v1"]
    assert len(verified.runs[0].attempts) == len(list(store.iter_attempts("v1"))) > 0
    assert verify_bundle(bundle, [public]).bundle_hash == verified.bundle_hash
    assert sorted(p.name for p in bundle.iterdir()) == ["bundle.json", "bundle.sig", "runs"]


def test_summary_gates_against_the_profile_policy_and_lists_missing_suites(vendor: tuple[Store, Path, Path, Path], sqlite_url: str) -> None:
    _, _, public, bundle = vendor
    profile = record_system(GovRecords(Store(sqlite_url)))
    summary = summarise(verify_bundle(bundle, [public]), profile.policy(Level.HIGH), profile.profile.suites)
    run = summary["runs"][0]
    assert run["suites"][0]["name"] == "quick"
    assert summary["missing_suites"] == ["aisi-ja", "aisi-en"]
    checks = run["gate"]["checks"]
    assert checks and run["gate"]["passed"] is all(c["passed"] is not False for c in checks)
    assert "pq-safety" in summary["evidence_items"]  # quick covers perspectives 1 and 4
    assert "pq-privacy" not in summary["evidence_items"]  # needs checklist answers for perspective 5


def test_one_changed_byte_in_an_attempt_fails(vendor: tuple[Store, Path, Path, Path]) -> None:
    _, _, public, bundle = vendor
    attempts = bundle / "runs" / "v1" / "attempts.jsonl"
    data = bytearray(attempts.read_bytes())
    data[10] ^= 0x01
    attempts.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"runs/v1/attempts.jsonl does not match its hash"):
        verify_bundle(bundle, [public])


def test_one_changed_byte_in_the_manifest_breaks_the_signature(vendor: tuple[Store, Path, Path, Path]) -> None:
    _, _, public, bundle = vendor
    manifest = bundle / "bundle.json"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("Example Vendor", "Example Vendos"), encoding="utf-8")
    with pytest.raises(InputError, match=r"signature does not match bundle\.json"):
        verify_bundle(bundle, [public])


def test_unknown_key_and_unlisted_file_fail(vendor: tuple[Store, Path, Path, Path], tmp_path: Path) -> None:
    _, _, public, bundle = vendor
    _, stranger = keys(tmp_path / "other", "stranger")
    with pytest.raises(InputError, match="not among the trusted keys"):
        verify_bundle(bundle, [stranger])
    (bundle / "runs" / "v1" / "extra.txt").write_text("smuggled", encoding="utf-8")
    with pytest.raises(InputError, match=r"runs/v1/extra\.txt is not listed"):
        verify_bundle(bundle, [public])


def test_a_signature_by_another_key_under_a_trusted_id_fails(vendor: tuple[Store, Path, Path, Path], tmp_path: Path, sqlite_url: str) -> None:
    store, _, public, bundle = vendor
    other_private, _ = keys(tmp_path / "other", "forger")
    forged = tmp_path / "forged"
    create_bundle(store, "city-faq", "2026.1", "Example Vendor", ["v1"], other_private, forged)
    signature = json.loads((forged / "bundle.sig").read_text(encoding="utf-8"))
    signature["key_id"] = json.loads((bundle / "bundle.sig").read_text(encoding="utf-8"))["key_id"]
    (forged / "bundle.sig").write_text(json.dumps(signature), encoding="utf-8")
    with pytest.raises(InputError, match="signature does not match"):
        verify_bundle(forged, [public])


def test_unfinished_run_or_existing_output_writes_nothing(vendor: tuple[Store, Path, Path, Path], tmp_path: Path) -> None:
    store, private, _, bundle = vendor
    store.create_run("half", {"suites": []}, 3, "shinsa run")
    target = tmp_path / "new-bundle"
    with pytest.raises(InputError, match="run 'half' is running, not finished"):
        create_bundle(store, "city-faq", "2026.1", "V", ["v1", "half"], private, target)
    with pytest.raises(InputError, match="already exists"):
        create_bundle(store, "city-faq", "2026.1", "V", ["v1"], private, bundle)
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_cli_verify_records_evidence_and_rejects_tampering(vendor: tuple[Store, Path, Path, Path], sqlite_url: str, tmp_path: Path) -> None:
    _, _, public, bundle = vendor
    record_system(GovRecords(Store(sqlite_url)))
    ok = shinsa("bundle", "verify", str(bundle), "--trust", str(public), "--lang", "en", db=sqlite_url)
    assert ok.returncode == 0, ok.stderr
    assert "verified: sha256:" in ok.stdout and "planned suites not in the bundle: aisi-ja, aisi-en" in ok.stdout
    assert len(GovRecords(Store(sqlite_url)).evidence_for("city-faq")) == 1
    (bundle / "runs" / "v1" / "checklist.json").write_text("[ ]\n", encoding="utf-8")
    bad = shinsa("bundle", "verify", str(bundle), "--trust", str(public), db=sqlite_url)
    assert_one_line_error(bad, "checklist.json does not match its hash")
    _, stranger = keys(tmp_path / "other", "stranger")
    unknown = shinsa("bundle", "verify", str(bundle), "--trust", str(stranger), db=sqlite_url)
    assert_one_line_error(unknown, "not among the trusted keys")


@pytest.mark.parametrize(("answered", "counts"), [(1, False), (None, True)])
def test_a_checklist_counts_as_evidence_only_when_fully_answered(tmp_path: Path, sqlite_url: str, answered: int | None, counts: bool) -> None:
    from shinsa.checklists import load_checklists

    store = Store(sqlite_url)
    vendor_run(store, "v1")
    privacy = next(c for c in load_checklists() if c.perspective == 5)
    rows = [{"question_id": q.id, "perspective": 5, "answer": "no_problem", "evidence": "e", "assessor": "a", "answered_at": ""} for q in privacy.questions]
    store.write_checklist_answers("v1", rows[:answered])
    private, public = keys(tmp_path / "keys", "vendor")
    create_bundle(store, "city-faq", "2026.1", "V", ["v1"], private, tmp_path / "b")
    profile = record_system(GovRecords(store))
    summary = summarise(verify_bundle(tmp_path / "b", [public]), profile.policy(Level.HIGH), profile.profile.suites)
    assert ("pq-privacy" in summary["evidence_items"]) is counts
    assert summary["runs"][0]["checklist_answers"] == len(rows[:answered])


def test_a_validly_signed_but_malformed_manifest_is_bad_input(vendor: tuple[Store, Path, Path, Path]) -> None:
    from shinsa.gov import signing

    _, private, public, bundle = vendor
    manifest = json.loads((bundle / "bundle.json").read_text(encoding="utf-8"))
    manifest["runs"] = "v1"
    data = json.dumps(manifest).encode("utf-8")
    (bundle / "bundle.json").write_bytes(data)
    signature = json.loads((bundle / "bundle.sig").read_text(encoding="utf-8"))
    signature["signature"] = signing.sign(signing.load_private_key(private), data)
    (bundle / "bundle.sig").write_text(json.dumps(signature), encoding="utf-8")
    with pytest.raises(InputError, match="no valid 'runs' list"):
        verify_bundle(bundle, [public])
