"""Evidence bundles: a vendor's runs (manifests, every scored attempt, checklist answers) in a
folder with a manifest of SHA-256 hashes, signed with the vendor's Ed25519 key.

Layout::

    bundle.json                  what the bundle holds, with the hash of every other file
    bundle.sig                   {key_id, public_key, signature} over bundle.json's exact bytes
    runs/<run id>/run.json       the run's manifest, status and command
    runs/<run id>/attempts.jsonl every attempt as stored (prompt, answer, verdict)
    runs/<run id>/checklist.json the run's checklist answers

A bundle is written to a temporary folder and renamed into place, so a failure leaves nothing.
Its identity is the hash of ``bundle.json``; one changed byte anywhere fails verification."""

from __future__ import annotations

import datetime
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import shinsa
from shinsa.checklists import load_checklists
from shinsa.errors import InputError
from shinsa.gov import signing
from shinsa.gov.catalogue import catalogue
from shinsa.report.aggregate import aggregate
from shinsa.report.policy import Policy, absolute_checks
from shinsa.store.store import Store

FORMAT = "shinsa-evidence-bundle"
FORMAT_VERSION = 1
MANIFEST, SIGNATURE = "bundle.json", "bundle.sig"
FINISHED = ("finished", "finished_with_errors")


@dataclass
class BundleRun:
    run: dict[str, Any]
    attempts: list[dict[str, Any]]
    checklist: list[dict[str, Any]]

    @property
    def run_id(self) -> str:
        return str(self.run["run_id"])

    @property
    def manifest(self) -> dict[str, Any]:
        return dict(self.run["manifest"])


@dataclass
class VerifiedBundle:
    path: Path
    bundle_hash: str
    manifest: dict[str, Any]
    signer: str
    runs: list[BundleRun]

    @property
    def system_id(self) -> str:
        return str(self.manifest["system"]["id"])

    @property
    def system_version(self) -> str:
        return str(self.manifest["system"]["version"])


def _write_json(path: Path, value: Any) -> bytes:
    data = (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def _jsonl(rows: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(json.dumps(row, ensure_ascii=False, sort_keys=True, default=str).encode("utf-8") + b"\n" for row in rows)


def create_bundle(
    store: Store, system_id: str, system_version: str, vendor: str, run_ids: list[str], key_path: Path, output: Path
) -> tuple[str, str]:
    """Write and sign a bundle of ``run_ids``; returns (bundle hash, signing key id)."""
    if not run_ids:
        raise InputError("a bundle needs at least one --run")
    if len(set(run_ids)) != len(run_ids):
        raise InputError("a run is given twice")
    if output.exists():
        raise InputError(f"{output} already exists: a bundle is never written over another")
    private_key = signing.load_private_key(key_path)
    runs = []
    for run_id in run_ids:
        run = store.require_run(run_id)
        if run["status"] not in FINISHED:
            raise InputError(f"run {run_id!r} is {run['status']}, not finished: finish it before bundling")
        runs.append(run)
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=output.parent, prefix=f".{output.name}."))
    try:
        files: dict[str, str] = {}
        for run in runs:
            run_id = run["run_id"]
            folder = staging / "runs" / run_id
            folder.mkdir(parents=True)
            header = {key: run[key] for key in ("run_id", "status", "total", "manifest", "command", "created_at")}
            files[f"runs/{run_id}/run.json"] = signing.sha256_hex(_write_json(folder / "run.json", header))
            attempts = _jsonl(store.iter_attempts(run_id))
            (folder / "attempts.jsonl").write_bytes(attempts)
            files[f"runs/{run_id}/attempts.jsonl"] = signing.sha256_hex(attempts)
            answers = store.checklist_answers(run_id)
            files[f"runs/{run_id}/checklist.json"] = signing.sha256_hex(_write_json(folder / "checklist.json", answers))
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "system": {"id": system_id, "version": system_version},
            "vendor": vendor,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "shinsa_version": shinsa.__version__,
            "runs": run_ids,
            "files": files,
        }
        manifest_bytes = _write_json(staging / MANIFEST, manifest)
        public_key = private_key.public_key()
        signer = signing.key_id(public_key)
        _write_json(
            staging / SIGNATURE,
            {"key_id": signer, "public_key": signing.public_pem(public_key), "signature": signing.sign(private_key, manifest_bytes)},
        )
        os.rename(staging, output)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return signing.sha256_hex(manifest_bytes), signer


def _read_json(path: Path, where: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{where}: {path.name} is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{where}: {path.name} is not valid JSON ({exc})") from None


def _safe_relative(name: str, where: str) -> PurePosixPath:
    relative = PurePosixPath(name)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        raise InputError(f"{where}: file entry {name!r} points outside the bundle")
    return relative


def verify_bundle(path: Path, trusted_keys: list[Path]) -> VerifiedBundle:
    """Check the signature against the trusted keys and every file against its hash."""
    where = f"bundle {path}"
    if not path.is_dir():
        raise InputError(f"{where}: not a folder")
    if not trusted_keys:
        raise InputError("give the vendor's public key with --trust KEY.pub (repeatable)")
    trusted = {signing.key_id(key): key for key in (signing.load_public_key(p) for p in trusted_keys)}
    signature = _read_json(path / SIGNATURE, where)
    if not isinstance(signature, dict) or not all(isinstance(signature.get(k), str) for k in ("key_id", "signature")):
        raise InputError(f"{where}: {SIGNATURE} lacks key_id or signature")
    signer = signature["key_id"]
    if signer not in trusted:
        raise InputError(f"{where}: signed by key {signer}, which is not among the trusted keys ({', '.join(sorted(trusted))})")
    try:
        manifest_bytes = (path / MANIFEST).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{where}: {MANIFEST} is missing") from None
    if not signing.signature_valid(trusted[signer], signature["signature"], manifest_bytes):
        raise InputError(f"{where}: the signature does not match {MANIFEST} (changed after signing, or signed by another key)")
    manifest = _read_json(path / MANIFEST, where)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        raise InputError(f"{where}: not a {FORMAT} version {FORMAT_VERSION}")
    files, run_ids = manifest.get("files"), manifest.get("runs")
    if not isinstance(files, dict) or not all(isinstance(v, str) for v in files.values()):
        raise InputError(f"{where}: {MANIFEST} has no valid 'files' mapping")
    if not isinstance(run_ids, list) or not run_ids or not all(isinstance(r, str) for r in run_ids):
        raise InputError(f"{where}: {MANIFEST} has no valid 'runs' list")
    system = manifest.get("system")
    if not isinstance(system, dict) or not all(isinstance(system.get(k), str) for k in ("id", "version")):
        raise InputError(f"{where}: {MANIFEST} has no valid 'system'")
    listed = {str(_safe_relative(name, where)) for name in files}
    for name, expected in sorted(files.items()):
        file = path / name
        if not file.is_file():
            raise InputError(f"{where}: {name} is missing")
        if signing.sha256_hex(file.read_bytes()) != expected:
            raise InputError(f"{where}: {name} does not match its hash (changed after signing)")
    for file in sorted(path.rglob("*")):
        relative = file.relative_to(path).as_posix()
        if file.is_file() and relative not in listed and relative not in (MANIFEST, SIGNATURE):
            raise InputError(f"{where}: {relative} is not listed in {MANIFEST}")
    runs = []
    for run_id in run_ids:
        folder = path / str(_safe_relative(f"runs/{run_id}", where))
        try:
            lines = (folder / "attempts.jsonl").read_text(encoding="utf-8").splitlines()
            attempts = [json.loads(line) for line in lines if line]
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"{where}: runs/{run_id}/attempts.jsonl cannot be read ({exc})") from None
        runs.append(BundleRun(_read_json(folder / "run.json", where), attempts, _read_json(folder / "checklist.json", where)))
    return VerifiedBundle(path, signing.sha256_hex(manifest_bytes), manifest, signer, runs)


def summarise(bundle: VerifiedBundle, policy: Policy, planned_suites: list[str]) -> dict[str, Any]:
    """What the bundle shows, kept with the verified evidence: per run its suites, target, gate
    checks against the profile's policy, which procurement evidence items it answers, and which
    of the plan's suites it lacks."""
    runs: list[dict[str, Any]] = []
    perspectives: set[int] = set()
    answered_questions: set[str] = set()
    redteam = False
    for entry in bundle.runs:
        manifest = entry.manifest
        agg = aggregate(entry.run_id, entry.attempts)
        checks = absolute_checks(policy, agg)
        results = {
            str(pid): {"scored": result.score.n, "safe": result.score.successes, "attempts": result.attempts}
            for pid, result in agg.perspectives.items()
            if result.attempts
        }
        perspectives.update(int(pid) for pid in results)
        answered_questions.update(answer["question_id"] for answer in entry.checklist)
        redteam = redteam or manifest.get("attack") is not None
        runs.append(
            {
                "run_id": entry.run_id,
                "suites": [{k: s.get(k) for k in ("name", "version", "content_hash")} for s in manifest.get("suites", [])],
                "target": manifest.get("target"),
                "attack": manifest.get("attack") is not None,
                "attempts": len(entry.attempts),
                "results": results,
                "checklist_answers": len(entry.checklist),
                "gate": {
                    "policy": policy.name,
                    "passed": not any(check.passed is False for check in checks),
                    "checks": [
                        {"perspective": c.perspective.id, "rule": c.rule, "threshold": c.threshold, "value": c.value, "passed": c.passed}
                        for c in checks
                    ],
                },
            }
        )
    # a checklist counts as evidence only when every one of its questions was answered
    checklists = {c.perspective for c in load_checklists() if {q.id for q in c.questions} <= answered_questions}
    answered = [
        item.id
        for item in catalogue().evidence
        if set(item.perspectives) <= perspectives and set(item.checklists) <= checklists and (redteam or not item.redteam)
    ]
    assessed = {suite["name"] for run in runs for suite in run["suites"]}
    return {
        "vendor": bundle.manifest.get("vendor"),
        "missing_suites": [name for name in planned_suites if name not in assessed],
        "created_at": bundle.manifest.get("created_at"),
        "runs": runs,
        "gate_passed": all(run["gate"]["passed"] for run in runs),
        "evidence_items": answered,
        "catalogue_version": catalogue().version,
    }
