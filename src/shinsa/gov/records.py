"""The lifecycle records in the existing store (tables ``gov_*`` in ``store/schema.py``).

Systems, verified evidence, spot-checks and decisions sit next to the runs they rest on, so one
database answers "which runs support this decision"; signatures make the decisive records
tamper-evident (see docs/government.md for why a database rather than loose signed files)."""

from __future__ import annotations

import json
import time
from typing import Any

from sqlalchemy import insert, select, update

from shinsa.errors import InputError
from shinsa.store.schema import gov_decisions, gov_evidence, gov_spot_checks, gov_systems
from shinsa.store.store import Store


def _loads(row: dict[str, Any], *fields: str) -> dict[str, Any]:
    for name in fields:
        if row.get(name) is not None:
            row[name] = json.loads(row[name])
    return row


class GovRecords:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    # systems ----------------------------------------------------------------------------------
    def add_system(
        self, system_id: str, version: str, intake: dict[str, Any], risk_level: str, triage: dict[str, Any], profile: dict[str, Any]
    ) -> bool:
        """Record a system version; False when the same version was already recorded identically."""
        existing = self.system(system_id, version, required=False)
        if existing is not None:
            if existing["intake"] == intake and existing["profile"] == profile:
                return False
            raise InputError(
                f"system {system_id!r} version {version!r} is already recorded with different content: give the change a new version"
            )
        with self.engine.begin() as conn:
            conn.execute(
                insert(gov_systems).values(
                    system_id=system_id,
                    version=version,
                    created_at=time.time(),
                    intake=json.dumps(intake, ensure_ascii=False, sort_keys=True),
                    risk_level=risk_level,
                    triage=json.dumps(triage, ensure_ascii=False, sort_keys=True),
                    profile=json.dumps(profile, ensure_ascii=False, sort_keys=True),
                )
            )
        return True

    def system(self, system_id: str, version: str | None = None, *, required: bool = True) -> dict[str, Any] | None:
        """One version of a system (the latest recorded when ``version`` is None)."""
        query = select(gov_systems).where(gov_systems.c.system_id == system_id)
        if version is not None:
            query = query.where(gov_systems.c.version == version)
        query = query.order_by(gov_systems.c.created_at.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is None:
            if required:
                which = f" version {version!r}" if version is not None else ""
                raise InputError(f"no system {system_id!r}{which} in {self.store.safe_url} (add it with: shinsa system add INTAKE.yaml)")
            return None
        return _loads(dict(row), "intake", "triage", "profile")

    def require_system(self, system_id: str, version: str | None = None) -> dict[str, Any]:
        found = self.system(system_id, version)
        assert found is not None
        return found

    def systems(self) -> list[dict[str, Any]]:
        """The latest version of every system, by id."""
        with self.engine.connect() as conn:
            rows = [_loads(dict(row), "intake", "triage", "profile") for row in conn.execute(select(gov_systems).order_by(gov_systems.c.created_at)).mappings()]
        latest: dict[str, dict[str, Any]] = {}
        for row in rows:
            latest[row["system_id"]] = row
        return [latest[key] for key in sorted(latest)]

    # evidence ---------------------------------------------------------------------------------
    def add_evidence(self, bundle_hash: str, system_id: str, system_version: str, signer: str, summary: dict[str, Any]) -> None:
        """Record (or refresh) a verified bundle; its content cannot differ, its hash names it."""
        values = {
            "system_id": system_id,
            "system_version": system_version,
            "verified_at": time.time(),
            "signer": signer,
            "summary": json.dumps(summary, ensure_ascii=False, sort_keys=True),
        }
        with self.engine.begin() as conn:
            found = conn.execute(select(gov_evidence.c.bundle_hash).where(gov_evidence.c.bundle_hash == bundle_hash)).first()
            if found is None:
                conn.execute(insert(gov_evidence).values(bundle_hash=bundle_hash, **values))
            else:
                conn.execute(update(gov_evidence).where(gov_evidence.c.bundle_hash == bundle_hash).values(**values))

    def evidence(self, bundle_hash: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(gov_evidence).where(gov_evidence.c.bundle_hash == bundle_hash)).mappings().first()
        return _loads(dict(row), "summary") if row is not None else None

    def evidence_for(self, system_id: str) -> list[dict[str, Any]]:
        query = select(gov_evidence).where(gov_evidence.c.system_id == system_id).order_by(gov_evidence.c.verified_at)
        with self.engine.connect() as conn:
            return [_loads(dict(row), "summary") for row in conn.execute(query).mappings()]

    # spot-checks ------------------------------------------------------------------------------
    def add_spot_check(self, bundle_hash: str, run_id: str, passed: bool, result: dict[str, Any]) -> None:
        values = {"checked_at": time.time(), "passed": passed, "result": json.dumps(result, ensure_ascii=False, sort_keys=True)}
        key = (gov_spot_checks.c.bundle_hash == bundle_hash) & (gov_spot_checks.c.run_id == run_id)
        with self.engine.begin() as conn:
            if conn.execute(select(gov_spot_checks.c.run_id).where(key)).first() is None:
                conn.execute(insert(gov_spot_checks).values(bundle_hash=bundle_hash, run_id=run_id, **values))
            else:
                conn.execute(update(gov_spot_checks).where(key).values(**values))

    def spot_checks(self, bundle_hash: str) -> list[dict[str, Any]]:
        query = select(gov_spot_checks).where(gov_spot_checks.c.bundle_hash == bundle_hash).order_by(gov_spot_checks.c.checked_at)
        with self.engine.connect() as conn:
            return [_loads(dict(row), "result") for row in conn.execute(query).mappings()]

    # decisions --------------------------------------------------------------------------------
    def add_decision(self, decision_id: str, system_id: str, system_version: str, record: dict[str, Any]) -> None:
        if self.decision(decision_id, required=False) is not None:
            raise InputError(f"decision {decision_id} is already recorded")
        with self.engine.begin() as conn:
            conn.execute(
                insert(gov_decisions).values(
                    decision_id=decision_id,
                    system_id=system_id,
                    system_version=system_version,
                    created_at=time.time(),
                    record=json.dumps(record, ensure_ascii=False, sort_keys=True),
                )
            )

    def decision(self, decision_id: str, *, required: bool = True) -> dict[str, Any] | None:
        query = select(gov_decisions).where(gov_decisions.c.decision_id == decision_id)
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
            if row is None and len(decision_id) >= 8:  # a unique prefix names a decision too
                rows = conn.execute(select(gov_decisions).where(gov_decisions.c.decision_id.startswith(decision_id))).mappings().all()
                row = rows[0] if len(rows) == 1 else None
        if row is None:
            if required:
                raise InputError(f"no decision {decision_id!r} in {self.store.safe_url}")
            return None
        return _loads(dict(row), "record")

    def require_decision(self, decision_id: str) -> dict[str, Any]:
        found = self.decision(decision_id)
        assert found is not None
        return found

    def sign_decision(self, decision_id: str, signature: str, signer: str, public_key: str, supersedes: str | None) -> None:
        """Attach the signature (once) and mark the decision it replaces, in one transaction."""
        with self.engine.begin() as conn:
            done = conn.execute(
                update(gov_decisions)
                .where(gov_decisions.c.decision_id == decision_id, gov_decisions.c.signature.is_(None))
                .values(signature=signature, signer=signer, public_key=public_key, signed_at=time.time())
            )
            if done.rowcount != 1:
                raise InputError(f"decision {decision_id} is already signed: record a new decision to supersede it")
            if supersedes is not None:
                conn.execute(update(gov_decisions).where(gov_decisions.c.decision_id == supersedes).values(superseded_by=decision_id))

    def decisions_for(self, system_id: str) -> list[dict[str, Any]]:
        query = select(gov_decisions).where(gov_decisions.c.system_id == system_id).order_by(gov_decisions.c.created_at)
        with self.engine.connect() as conn:
            return [_loads(dict(row), "record") for row in conn.execute(query).mappings()]

    def current_decision(self, system_id: str) -> dict[str, Any] | None:
        """The signed decision in force: signed and not superseded."""
        signed = [d for d in self.decisions_for(system_id) if d["signature"] is not None and d["superseded_by"] is None]
        return max(signed, key=lambda d: d["signed_at"]) if signed else None
