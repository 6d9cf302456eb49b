"""Checklist answers given in the workspace: the same ``checklist_answers`` rows ``shinsa checklist
fill`` writes, plus who reviewed and who approved each answer and its evidence files."""

from __future__ import annotations

import datetime
import time
from typing import Any

from sqlalchemy import insert, select, update

from shinsa.checklists import AnswerScale, load_checklists
from shinsa.errors import InputError
from shinsa.review.decisions import audit
from shinsa.store.schema import checklist_signoffs
from shinsa.store.store import Store


def question_perspective(question_id: str) -> int:
    for checklist in load_checklists():
        if any(question.id == question_id for question in checklist.questions):
            return checklist.perspective
    raise InputError(f"unknown checklist question {question_id!r}")


def record_answer(store: Store, run_id: str, question_id: str, answer: str, evidence: str, assessor: str) -> None:
    """Answer one question for a run (answering again replaces the answer, as the CLI does)."""
    store.require_run(run_id)
    level = AnswerScale.parse(answer)
    row = {
        "question_id": question_id,
        "perspective": question_perspective(question_id),
        "answer": level.value,
        "evidence": evidence,
        "assessor": assessor,
        "answered_at": datetime.date.today().isoformat(),
    }
    store.write_checklist_answers(run_id, [row])
    with store.engine.begin() as conn:
        audit(conn, assessor, "checklist_answer", run_id, question_id, {"answer": level.value})


def sign_off(store: Store, run_id: str, question_id: str, person: str, as_approver: bool) -> None:
    """Record that ``person`` reviewed (or approved) a run's answer to one question."""
    answered = {row["question_id"] for row in store.checklist_answers(run_id)}
    if question_id not in answered:
        raise InputError(f"question {question_id!r} has no answer in run {run_id!r} yet")
    now = time.time()
    values = {"approver": person, "approved_at": now} if as_approver else {"reviewer": person, "reviewed_at": now}
    s = checklist_signoffs.c
    with store.engine.begin() as conn:
        if not conn.execute(update(checklist_signoffs).where(s.run_id == run_id, s.question_id == question_id).values(**values)).rowcount:
            conn.execute(insert(checklist_signoffs).values(run_id=run_id, question_id=question_id, **values))
        audit(conn, person, "checklist_approve" if as_approver else "checklist_review", run_id, question_id, {})


def signoffs(store: Store, run_id: str) -> dict[str, dict[str, Any]]:
    s = checklist_signoffs.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(checklist_signoffs).where(s.run_id == run_id)).mappings()
        return {row["question_id"]: dict(row) for row in rows}
