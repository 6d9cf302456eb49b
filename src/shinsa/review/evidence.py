"""Evidence files behind checklist answers, stored once by SHA-256 of their content.

Only a few document types are accepted, recognised by their first bytes rather than by the name or
the type the browser claims: PDF, PNG, JPEG, and UTF-8 text (plain text, CSV, Markdown). Anything
else, or anything larger than :data:`MAX_EVIDENCE_BYTES`, is refused before it is stored.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select

from shinsa.errors import InputError
from shinsa.review.decisions import audit
from shinsa.store.schema import checklist_evidence, evidence_files
from shinsa.store.store import Store

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
_SIGNATURES = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))


class EvidenceRefused(InputError):
    """An uploaded evidence file is too large or of a type that is not accepted."""


@dataclass(frozen=True, slots=True)
class StoredEvidence:
    sha256: str
    media_type: str
    size: int
    filename: str


def media_type_of(content: bytes) -> str | None:
    """The accepted type the content is, or None."""
    for signature, media_type in _SIGNATURES:
        if content.startswith(signature):
            return media_type
    if b"\x00" in content:
        return None
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "text/plain; charset=utf-8"


def check_evidence(filename: str, content: bytes) -> str:
    """The file's media type, or :class:`EvidenceRefused` when it is empty, too large or of a type
    that is not accepted (nothing is stored either way)."""
    if len(content) > MAX_EVIDENCE_BYTES:
        raise EvidenceRefused(f"{filename}: {len(content):,} bytes is larger than the {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB allowed for evidence")
    if not content:
        raise EvidenceRefused(f"{filename}: the file is empty")
    media_type = media_type_of(content)
    if media_type is None:
        raise EvidenceRefused(f"{filename}: evidence must be a PDF, PNG, JPEG or UTF-8 text file")
    return media_type


def store_evidence(store: Store, run_id: str, question_id: str, filename: str, content: bytes, uploaded_by: str) -> StoredEvidence:
    """Check and store one file, and attach it to a run's checklist question."""
    media_type = check_evidence(filename, content)
    store.require_run(run_id)
    digest = hashlib.sha256(content).hexdigest()
    name = filename.replace("\\", "/").rsplit("/", 1)[-1][:300] or digest
    now = time.time()
    with store.engine.begin() as conn:
        known = conn.execute(select(evidence_files.c.sha256).where(evidence_files.c.sha256 == digest)).first()
        if known is None:
            conn.execute(insert(evidence_files).values(sha256=digest, media_type=media_type, size=len(content), content=content, created_at=now))
        attached = conn.execute(
            select(checklist_evidence.c.sha256).where(
                checklist_evidence.c.run_id == run_id,
                checklist_evidence.c.question_id == question_id,
                checklist_evidence.c.sha256 == digest,
            )
        ).first()
        if attached is None:
            conn.execute(insert(checklist_evidence).values(run_id=run_id, question_id=question_id, sha256=digest, filename=name, uploaded_by=uploaded_by, uploaded_at=now))
        audit(conn, uploaded_by, "evidence", run_id, question_id, {"sha256": digest, "filename": name, "size": len(content)})
    return StoredEvidence(digest, media_type, len(content), name)


def evidence_for(store: Store, run_id: str) -> dict[str, list[dict[str, Any]]]:
    """A run's evidence files per question id (without their content)."""
    e, f = checklist_evidence.c, evidence_files.c
    query = (
        select(e.question_id, e.sha256, e.filename, e.uploaded_by, e.uploaded_at, f.media_type, f.size)
        .join_from(checklist_evidence, evidence_files, e.sha256 == f.sha256)
        .where(e.run_id == run_id)
        .order_by(e.question_id, e.uploaded_at)
    )
    found: dict[str, list[dict[str, Any]]] = {}
    with store.engine.connect() as conn:
        for row in conn.execute(query).mappings():
            found.setdefault(row["question_id"], []).append(dict(row))
    return found


def evidence_content(store: Store, run_id: str, sha256: str) -> tuple[str, bytes] | None:
    """A file's type and bytes, only if it is attached to this run (so ids cannot be guessed across runs)."""
    e, f = checklist_evidence.c, evidence_files.c
    query = (
        select(f.media_type, f.content)
        .join_from(checklist_evidence, evidence_files, e.sha256 == f.sha256)
        .where(e.run_id == run_id, e.sha256 == sha256)
        .limit(1)
    )
    with store.engine.connect() as conn:
        row = conn.execute(query).first()
    return None if row is None else (row[0], bytes(row[1]))
