"""Checklist answers from the workspace, their sign-off and evidence files stored by content hash."""

from __future__ import annotations

import pytest

from shinsa.errors import InputError
from shinsa.review.checklist import record_answer, sign_off, signoffs
from shinsa.review.evidence import (
    MAX_EVIDENCE_BYTES,
    EvidenceRefused,
    evidence_content,
    evidence_for,
    store_evidence,
)
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run

PDF = b"%PDF-1.7\n% synthetic evidence\n"


@pytest.fixture
def store(sqlite_url: str) -> Store:
    store = Store(sqlite_url)
    write_run(store, "r1", [attempt("a", 1, "refused")])
    write_run(store, "r2", [attempt("a", 1, "refused")])
    return store


def test_an_answer_is_the_row_checklist_fill_writes_with_its_sign_off(store: Store) -> None:
    record_answer(store, "r1", "p09-q01", "一部問題あり", "学習データの出所は一部のみ記録", "sato")
    [row] = store.checklist_answers("r1")
    assert (row["question_id"], row["perspective"], row["answer"], row["assessor"]) == ("p09-q01", 9, "partially_problematic", "sato")
    sign_off(store, "r1", "p09-q01", "suzuki", as_approver=False)
    sign_off(store, "r1", "p09-q01", "tanaka", as_approver=True)
    signed = signoffs(store, "r1")["p09-q01"]
    assert (signed["reviewer"], signed["approver"]) == ("suzuki", "tanaka")
    with pytest.raises(InputError, match="no answer"):
        sign_off(store, "r1", "p09-q02", "tanaka", as_approver=True)
    with pytest.raises(InputError, match="unknown checklist question"):
        record_answer(store, "r1", "p99-q01", "no_problem", "", "sato")


def test_evidence_is_stored_once_by_content_hash_and_only_shown_for_its_run(store: Store) -> None:
    first = store_evidence(store, "r1", "p09-q01", "C:\\docs\\policy.pdf", PDF, "sato")
    again = store_evidence(store, "r1", "p09-q02", "copy.pdf", PDF, "sato")
    assert first.sha256 == again.sha256 and first.media_type == "application/pdf" and first.filename == "policy.pdf"
    assert sorted(evidence_for(store, "r1")) == ["p09-q01", "p09-q02"]
    assert evidence_content(store, "r1", first.sha256) == ("application/pdf", PDF)
    assert evidence_content(store, "r2", first.sha256) is None


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00\x03executable", "must be a PDF, PNG, JPEG or UTF-8 text"),
        (b"<svg onload=alert(1)>\xff\xfe", "must be a PDF, PNG, JPEG or UTF-8 text"),
        (b"%PDF-" + b"0" * MAX_EVIDENCE_BYTES, "larger than the 10 MB"),
        (b"", "empty"),
    ],
)
def test_wrong_type_or_too_large_evidence_is_refused(store: Store, content: bytes, message: str) -> None:
    with pytest.raises(EvidenceRefused, match=message):
        store_evidence(store, "r1", "p09-q01", "file.bin", content, "sato")
    assert evidence_for(store, "r1") == {}
