"""Decisions: validated, resting on verified evidence, immutable once signed, superseded only by a
newer signed decision."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from gov_fixtures import assert_one_line_error, example, keys, shinsa, verified_evidence, write_yaml
from sqlalchemy import update

from shinsa.errors import InputError
from shinsa.gov.decisions import (
    DecisionInput,
    load_decision,
    record_decision,
    sign_decision,
    signature_status,
)
from shinsa.gov.records import GovRecords
from shinsa.store.schema import gov_decisions
from shinsa.store.store import Store


def decision(bundle_hash: str, **changes: Any) -> DecisionInput:
    data = {**example("city-faq-decision.yaml"), "evidence": [bundle_hash], **changes}
    return DecisionInput.model_validate(data)


@pytest.fixture
def evidence(tmp_path: Path, sqlite_url: str) -> tuple[GovRecords, str]:
    return verified_evidence(Store(sqlite_url), tmp_path)


def test_signed_decision_verifies_and_cannot_be_signed_again(evidence: tuple[GovRecords, str], tmp_path: Path) -> None:
    records, bundle_hash = evidence
    decision_id = record_decision(records, decision(bundle_hash))
    row = records.require_decision(decision_id)
    assert signature_status(row) is None
    assert row["record"]["evidence_summary"][bundle_hash]["runs"][0]["run_id"] == "v1"
    assert row["record"]["risk_level"] == "high" and row["record"]["profile"]["profile"] == "municipal-faq"
    private, _ = keys(tmp_path / "approver", "caio")
    sign_decision(records, decision_id, private)
    signed = records.require_decision(decision_id)
    assert signature_status(signed) is True
    assert records.current_decision("city-faq")["decision_id"] == decision_id  # type: ignore[index]
    with pytest.raises(InputError, match="already signed"):
        sign_decision(records, decision_id, private)


def test_a_changed_record_fails_its_signature(evidence: tuple[GovRecords, str], tmp_path: Path) -> None:
    records, bundle_hash = evidence
    decision_id = record_decision(records, decision(bundle_hash))
    private, _ = keys(tmp_path / "approver", "caio")
    sign_decision(records, decision_id, private)
    record = records.require_decision(decision_id)["record"]
    record["outcome"] = "go"
    with records.engine.begin() as conn:
        conn.execute(update(gov_decisions).where(gov_decisions.c.decision_id == decision_id).values(record=json.dumps(record)))
    assert signature_status(records.require_decision(decision_id)) is False


def test_a_newer_signed_decision_supersedes(evidence: tuple[GovRecords, str], tmp_path: Path) -> None:
    records, bundle_hash = evidence
    private, _ = keys(tmp_path / "approver", "caio")
    first = record_decision(records, decision(bundle_hash))
    sign_decision(records, first, private)
    second = record_decision(records, decision(bundle_hash, outcome="no_go", conditions=[]))
    assert records.require_decision(second)["record"]["supersedes"] == first
    assert records.current_decision("city-faq")["decision_id"] == first  # type: ignore[index]
    sign_decision(records, second, private)
    assert records.require_decision(first)["superseded_by"] == second
    assert records.current_decision("city-faq")["decision_id"] == second  # type: ignore[index]
    assert signature_status(records.require_decision(first)) is True  # the old record is untouched


def test_signing_a_stale_draft_is_refused(evidence: tuple[GovRecords, str], tmp_path: Path) -> None:
    records, bundle_hash = evidence
    private, _ = keys(tmp_path / "approver", "caio")
    draft_a = record_decision(records, decision(bundle_hash))
    draft_b = record_decision(records, decision(bundle_hash, outcome="no_go", conditions=[]))
    sign_decision(records, draft_a, private)
    with pytest.raises(InputError, match="was signed after this one was recorded"):
        sign_decision(records, draft_b, private)


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"approver": None}, "approver"),
        ({"conditions": []}, "a go with conditions needs at least one condition"),
        ({"outcome": "go"}, "a plain go has no conditions"),
        ({"outcome": "maybe"}, "outcome"),
    ],
)
def test_bad_decision_file(tmp_path: Path, changes: dict[str, Any], fragment: str) -> None:
    data = {**example("city-faq-decision.yaml"), **changes}
    data = {key: value for key, value in data.items() if value is not None}
    with pytest.raises(InputError) as caught:
        load_decision(write_yaml(tmp_path / "decision.yaml", data))
    assert fragment in str(caught.value)


def test_unverified_or_foreign_evidence_is_refused(evidence: tuple[GovRecords, str]) -> None:
    records, bundle_hash = evidence
    with pytest.raises(InputError, match="has not been verified here"):
        record_decision(records, decision("sha256:" + "0" * 64))
    with pytest.raises(InputError, match=r"no system 'city-faq' version '2099\.1'"):
        record_decision(records, decision(bundle_hash, system_version="2099.1"))


def test_cli_decision_without_approver_exits_2_and_records_nothing(evidence: tuple[GovRecords, str], tmp_path: Path, sqlite_url: str) -> None:
    records, bundle_hash = evidence
    data = {**example("city-faq-decision.yaml"), "evidence": [bundle_hash]}
    del data["approver"]
    result = shinsa("decision", "record", str(write_yaml(tmp_path / "d.yaml", data)), db=sqlite_url)
    assert_one_line_error(result, "approver: Field required")
    assert records.decisions_for("city-faq") == []


def test_cli_record_notes_what_the_evidence_lacks(evidence: tuple[GovRecords, str], tmp_path: Path, sqlite_url: str) -> None:
    _, bundle_hash = evidence
    data = {**example("city-faq-decision.yaml"), "evidence": [bundle_hash]}
    result = shinsa("decision", "record", str(write_yaml(tmp_path / "d.yaml", data)), db=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert "has no passed spot-check" in result.stdout
    assert "lacks planned suites aisi-ja, aisi-en" in result.stdout
