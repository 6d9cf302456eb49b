"""Decisions: go / go with conditions / no-go for one version of a system, resting on verified
evidence, with conditions (owner, due date) and the approver (CAIO or delegate).

A decision is recorded from a YAML file, then signed by the approver's Ed25519 key. Its id is the
hash of its record, the record never changes, and a signed decision can only be superseded by
signing a newer one for the same system."""

from __future__ import annotations

import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shinsa.checklists import LocalizedText
from shinsa.errors import InputError
from shinsa.gov import signing
from shinsa.gov.records import GovRecords
from shinsa.yamlfiles import read_yaml_model


class DecisionOutcome(StrEnum):
    GO = "go"
    GO_WITH_CONDITIONS = "go_with_conditions"
    NO_GO = "no_go"

    def label(self, language: str) -> str:
        ja = {"go": "利用可", "go_with_conditions": "条件付きで利用可", "no_go": "利用不可"}[self.value]
        en = {"go": "go", "go_with_conditions": "go with conditions", "no_go": "no-go"}[self.value]
        return ja if language == "ja" else en


class Condition(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    text: LocalizedText
    owner: str = Field(min_length=1)
    due: datetime.date
    public: bool = True
    """False keeps the condition off the public page (e.g. a security measure)."""


class Approver(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    role: LocalizedText
    """e.g. CAIO (AI統括責任者) or a named delegate."""


class DecisionInput(BaseModel):
    model_config = ConfigDict(extra="forbid")

    system: str
    system_version: str
    outcome: DecisionOutcome
    evidence: list[str] = Field(default_factory=list)
    """Hashes of verified evidence bundles (``shinsa bundle verify`` prints them); the CLI adds
    those of ``--bundle`` folders. At least one is required when the decision is recorded."""
    rationale: LocalizedText
    conditions: list[Condition] = Field(default_factory=list)
    approver: Approver
    date: datetime.date

    @model_validator(mode="after")
    def _conditions_fit_outcome(self) -> DecisionInput:
        if self.outcome is DecisionOutcome.GO_WITH_CONDITIONS and not self.conditions:
            raise ValueError("conditions: a go with conditions needs at least one condition")
        if self.outcome is DecisionOutcome.GO and self.conditions:
            raise ValueError("conditions: a plain go has no conditions (use go_with_conditions)")
        ids = [c.id for c in self.conditions]
        if len(set(ids)) != len(ids):
            raise ValueError("conditions: condition ids must be unique")
        return self


def load_decision(path: Path) -> DecisionInput:
    return read_yaml_model(DecisionInput, path, "decision")


def record_decision(records: GovRecords, decision: DecisionInput) -> str:
    """Store the decision unsigned, with the evidence it rests on copied into its record."""
    if not decision.evidence:
        raise InputError("evidence: a decision rests on at least one verified bundle (evidence: [hash] or --bundle DIR)")
    system = records.require_system(decision.system, decision.system_version)
    evidence: dict[str, Any] = {}
    for bundle_hash in decision.evidence:
        found = records.evidence(bundle_hash)
        if found is None:
            raise InputError(f"evidence {bundle_hash} has not been verified here (run: shinsa bundle verify)")
        if (found["system_id"], found["system_version"]) != (decision.system, decision.system_version):
            raise InputError(
                f"evidence {bundle_hash} is for {found['system_id']} {found['system_version']}, not {decision.system} {decision.system_version}"
            )
        summary = found["summary"]
        evidence[bundle_hash] = {
            "signer": found["signer"],
            "gate_passed": summary["gate_passed"],
            "evidence_items": summary["evidence_items"],
            "missing_suites": summary["missing_suites"],
            "runs": [
                {"run_id": run["run_id"], "attack": run["attack"], "suites": run["suites"], "gate": run["gate"], "results": run["results"], "checklist_answers": run["checklist_answers"]}
                for run in summary["runs"]
            ],
            "spot_checks": [{"run_id": s["run_id"], "passed": s["passed"]} for s in records.spot_checks(bundle_hash)],
        }
    current = records.current_decision(decision.system)
    record = {
        **decision.model_dump(mode="json"),
        "risk_level": system["risk_level"],
        "profile": {key: system["profile"][key] for key in ("profile", "version", "source")},
        "evidence_summary": evidence,
        "supersedes": current["decision_id"] if current is not None else None,
    }
    decision_id = signing.sha256_hex(signing.canonical_json(record))
    records.add_decision(decision_id, decision.system, decision.system_version, record)
    return decision_id


def sign_decision(records: GovRecords, decision_id: str, key_path: Path) -> str:
    """Sign a recorded decision with the approver's key; returns the key id."""
    row = records.require_decision(decision_id)
    if row["signature"] is not None:
        raise InputError(f"decision {row['decision_id']} is already signed: record a new decision to supersede it")
    private_key = signing.load_private_key(key_path)
    record = row["record"]
    current = records.current_decision(row["system_id"])
    if current is not None and current["decision_id"] != record["supersedes"]:
        raise InputError(
            f"decision {current['decision_id']} was signed after this one was recorded: record this decision again so it supersedes that one"
        )
    public_key = private_key.public_key()
    signer = signing.key_id(public_key)
    signature = signing.sign(private_key, signing.canonical_json(record))
    records.sign_decision(row["decision_id"], signature, signer, signing.public_pem(public_key), record["supersedes"])
    return signer


def signature_status(row: dict[str, Any]) -> bool | None:
    """True when the stored signature matches the record and key; None when unsigned."""
    if row["signature"] is None:
        return None
    public_key = signing.parse_public_key(row["public_key"], f"decision {row['decision_id']}")
    if signing.key_id(public_key) != row["signer"]:
        return False
    if signing.sha256_hex(signing.canonical_json(row["record"])) != row["decision_id"]:
        return False
    return signing.signature_valid(public_key, row["signature"], signing.canonical_json(row["record"]))
