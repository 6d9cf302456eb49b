"""Review pages and their JSON API: the review queue, one verdict to accept or override (keyboard:
j/k, 1–6, Enter), double review with adjudication, Cohen's κ per run; and the checklist pages
(level, evidence text and files, reviewer and approver). The work is done by ``shinsa.review``;
this module checks who may do it and shows it.

Reviewers and assessors decide verdicts and answer checklists (``Permission.REVIEW``); switching
double review on, adjudicating conflicts and approving checklist answers need ``Permission.RUN``
(assessors and admins). Every route is scoped to a run the user's projects can see."""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select
from starlette.concurrency import run_in_threadpool

from shinsa.checklists import AnswerScale, load_checklists
from shinsa.review import checklist as checklist_answers
from shinsa.review.agreement import Agreement, agreement
from shinsa.review.decisions import (
    REVIEW_OUTCOMES,
    AttemptKey,
    ReviewConflict,
    current_state,
    double_review,
    history,
    parse_outcome,
    save_decision,
    set_double_review,
)
from shinsa.review.evidence import (
    MAX_EVIDENCE_BYTES,
    check_evidence,
    evidence_content,
    evidence_for,
    store_evidence,
)
from shinsa.review.queue import QueueEntry, conflicts, pending, review_counts
from shinsa.store.schema import attempts
from shinsa.store.store import Store
from shinsa.web.access import Permission
from shinsa.web.deps import Access, render, run_access, services

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", tags=["review"])
PAGE_SIZE = 50
Reviewer = Annotated[Access, Depends(run_access(Permission.REVIEW))]
Viewer = Annotated[Access, Depends(run_access())]


def _store(request: Request) -> Store:
    return services(request).store


def _may(access: Access, permission: Permission) -> bool:
    return access.principal.user.is_admin or (access.project_id is not None and access.principal.can(permission, access.project_id))


def _attempt(store: Store, key: AttemptKey) -> dict[str, Any]:
    """The stored (automatic) attempt; 404 when the run has no such attempt."""
    with store.engine.connect() as conn:
        row = conn.execute(select(attempts).where(key.where(attempts))).mappings().first()
    if row is None:
        raise HTTPException(404, detail="not found")
    return dict(row)


def _entry_json(entry: QueueEntry) -> dict[str, Any]:
    return {
        "suite": entry.key.suite,
        "item_id": entry.key.item_id,
        "attack_id": entry.key.attack_id,
        "tier": entry.tier.name.lower(),
        "confidence": entry.confidence,
        "automatic_outcome": entry.outcome,
        "scorer": entry.scorer,
        "perspective": entry.perspective,
        "language": entry.language,
        "prompt": entry.prompt,
        "state": entry.state,
        "version": entry.version,
        "decided": entry.decided,
    }


def _agreement_json(result: Agreement) -> dict[str, Any]:
    return {
        "pairs": result.pairs,
        "agreement": result.between_reviewers.value,
        "kappa": result.kappa,
        "reviewed": result.reviewed,
        "automatic_agreement": result.automatic_agreement.value,
        "automatic_kappa": result.automatic_kappa,
    }


def item_view(store: Store, key: AttemptKey, access: Access) -> dict[str, Any]:
    """What a reviewer sees of one attempt. Under double review, the decisions of others stay hidden
    from reviewers (blind) until the verdict is settled; adjudicators see them."""
    row = _attempt(store, key)
    state = current_state(store, key)
    details = json.loads(row["details"]) if row.get("details") else {}
    blind = double_review(store, key.run_id) and not _may(access, Permission.RUN)
    settled = state is not None and state["state"] == "decided"
    suggested = row["outcome"] if row["outcome"] in {o.value for o in REVIEW_OUTCOMES} else details.get("automatic_outcome")
    return {
        "suite": key.suite,
        "item_id": key.item_id,
        "attack_id": key.attack_id,
        "perspective": row["perspective"],
        "language": row["language"],
        "benign": row["benign"],
        "expected": row["expected"],
        "prompt": row["prompt"],
        "response": row["response"],
        "automatic_outcome": row["outcome"],
        "suggested_outcome": suggested,
        "scorer": row["scorer"],
        "explanation": row["explanation"] or "",
        "confidence": details.get("confidence"),
        "state": state["state"] if state else None,
        "version": state["version"] if state else 0,
        "decided": state["outcome"] if state and (settled or not blind) else None,
        "history": [] if blind and not settled else [
            {k: d[k] for k in ("reviewer", "role", "outcome_before", "outcome_after", "reason", "created_at")}
            for d in history(store, key)
        ],
    }


def _decide(store: Store, access: Access, key: AttemptKey, outcome: str, reason: str, version: int, adjudicate: bool) -> dict[str, Any]:
    if adjudicate and not _may(access, Permission.RUN):
        raise HTTPException(403, detail="forbidden")
    _attempt(store, key)
    saved = save_decision(store, key, parse_outcome(outcome), access.principal.user.username, reason, version, adjudicate)
    return {"state": saved.state.value, "version": saved.version, "outcome": saved.outcome, "role": saved.role.value}


def _item_url(run_id: str, key: AttemptKey) -> str:
    return f"/runs/{quote(run_id, safe='')}/review/item?" + urlencode({"suite": key.suite, "item": key.item_id, "attack": key.attack_id})


# --- pages -------------------------------------------------------------------------------------


@router.get("/runs/{run_id}/review")
def queue_page(request: Request, run_id: str, access: Viewer, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    store = _store(request)
    me = access.principal.user.username
    return render(
        request,
        "review_queue.html.j2",
        run_id=run_id,
        entries=pending(store, run_id, me, limit=PAGE_SIZE, offset=offset),
        counts=review_counts(store, run_id),
        agreement=agreement(store, run_id),
        double=double_review(store, run_id),
        conflicts=conflicts(store, run_id) if _may(access, Permission.RUN) else [],
        can_review=_may(access, Permission.REVIEW),
        can_manage=_may(access, Permission.RUN),
        offset=offset,
        page_size=PAGE_SIZE,
        item_url=lambda key: _item_url(run_id, key),
    )


def _neighbours(store: Store, run_id: str, me: str, key: AttemptKey) -> tuple[str | None, str | None]:
    """Links to the previous and next open attempt of the queue around ``key`` (j/k)."""
    entries = pending(store, run_id, me, limit=PAGE_SIZE)
    keys = [entry.key for entry in entries]
    if key not in keys:
        return None, (_item_url(run_id, keys[0]) if keys else None)
    index = keys.index(key)
    before = _item_url(run_id, keys[index - 1]) if index > 0 else None
    after = _item_url(run_id, keys[index + 1]) if index + 1 < len(keys) else None
    return before, after


@router.get("/runs/{run_id}/review/item")
def item_page(
    request: Request,
    run_id: str,
    access: Viewer,
    suite: Annotated[str, Query(max_length=200)],
    item: Annotated[str, Query(max_length=200)],
    attack: Annotated[str, Query(max_length=300)] = "",
) -> Response:
    return _item_response(request, access, AttemptKey(run_id, suite, item, attack))


def _item_response(request: Request, access: Access, key: AttemptKey, conflict: str = "", status_code: int = 200) -> Response:
    store = _store(request)
    run_id = key.run_id
    view = item_view(store, key, access)
    before, after = _neighbours(store, run_id, access.principal.user.username, key)
    return render(
        request,
        "review_item.html.j2",
        status_code=status_code,
        run_id=run_id,
        view=view,
        outcomes=[o.value for o in REVIEW_OUTCOMES],
        previous_url=before,
        next_url=after,
        conflict=conflict,
        can_review=_may(access, Permission.REVIEW),
        can_adjudicate=_may(access, Permission.RUN) and view["state"] == "conflict",
    )


@router.post("/runs/{run_id}/review/decide")
def decide_page(
    request: Request,
    run_id: str,
    access: Reviewer,
    suite: Annotated[str, Form(max_length=200)],
    item_id: Annotated[str, Form(max_length=200)],
    outcome: Annotated[str, Form(max_length=20)],
    version: Annotated[int, Form(ge=0)],
    attack_id: Annotated[str, Form(max_length=300)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
    adjudicate: Annotated[bool, Form()] = False,
) -> Response:
    store = _store(request)
    key = AttemptKey(run_id, suite, item_id, attack_id)
    try:
        _decide(store, access, key, outcome, reason, version, adjudicate)
    except ReviewConflict as exc:
        return _item_response(request, access, key, conflict=str(exc), status_code=409)
    following = pending(store, run_id, access.principal.user.username, limit=1)
    target = _item_url(run_id, following[0].key) if following else f"/runs/{quote(run_id, safe='')}/review"
    return RedirectResponse(target, status_code=303)


@router.post("/runs/{run_id}/review/settings")
def settings_page(request: Request, run_id: str, access: Reviewer, double: Annotated[bool, Form()] = False) -> Response:
    if not _may(access, Permission.RUN):
        raise HTTPException(403, detail="forbidden")
    set_double_review(_store(request), run_id, double, access.principal.user.username)
    return RedirectResponse(f"/runs/{quote(run_id, safe='')}/review", status_code=303)


def checklist_view(store: Store, run_id: str, lang: str) -> list[dict[str, Any]]:
    answers = {row["question_id"]: row for row in store.checklist_answers(run_id)}
    signed = checklist_answers.signoffs(store, run_id)
    files = evidence_for(store, run_id)
    return [
        {
            "perspective": checklist.perspective,
            "questions": [
                {
                    "id": question.id,
                    "text": question.question.get(lang),
                    "hint": question.evidence_hint.get(lang),
                    "answer": answers.get(question.id),
                    "signoff": signed.get(question.id),
                    "files": files.get(question.id, []),
                }
                for question in checklist.questions
            ],
        }
        for checklist in load_checklists()
    ]


@router.get("/runs/{run_id}/checklist")
def checklist_page(request: Request, run_id: str, access: Viewer) -> Response:
    from shinsa.web.deps import language

    lang = language(request)
    return render(
        request,
        "review_checklist.html.j2",
        run_id=run_id,
        checklists=checklist_view(_store(request), run_id, lang),
        levels=[(scale.value, scale.label(lang)) for scale in AnswerScale],
        can_review=_may(access, Permission.REVIEW),
        can_approve=_may(access, Permission.RUN),
        max_mb=MAX_EVIDENCE_BYTES // (1024 * 1024),
    )


async def _read_upload(upload: UploadFile | None) -> tuple[str, bytes] | None:
    """The upload's name and bytes, reading at most one byte past the limit (so a huge file is
    refused without being held in memory)."""
    if upload is None or not upload.filename:
        return None
    return upload.filename, await upload.read(MAX_EVIDENCE_BYTES + 1)


@router.post("/runs/{run_id}/checklist/{question_id}")
async def answer_page(
    request: Request,
    run_id: str,
    question_id: str,
    access: Reviewer,
    answer: Annotated[str, Form(max_length=40)],
    evidence: Annotated[str, Form(max_length=20000)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    upload = await _read_upload(file)
    if upload is not None:
        check_evidence(*upload)  # refused before the answer is recorded
    await run_in_threadpool(_record, _store(request), run_id, question_id, answer, evidence, upload, access.principal.user.username)
    return RedirectResponse(f"/runs/{quote(run_id, safe='')}/checklist#{question_id}", status_code=303)


def _record(store: Store, run_id: str, question_id: str, answer: str, evidence: str, upload: tuple[str, bytes] | None, who: str) -> None:
    checklist_answers.record_answer(store, run_id, question_id, answer, evidence, who)
    if upload is not None:
        store_evidence(store, run_id, question_id, upload[0], upload[1], who)


@router.post("/runs/{run_id}/checklist/{question_id}/signoff")
def signoff_page(request: Request, run_id: str, question_id: str, access: Reviewer, role: Annotated[str, Form(pattern="^(reviewer|approver)$")]) -> Response:
    if role == "approver" and not _may(access, Permission.RUN):
        raise HTTPException(403, detail="forbidden")
    checklist_answers.sign_off(_store(request), run_id, question_id, access.principal.user.username, as_approver=role == "approver")
    return RedirectResponse(f"/runs/{quote(run_id, safe='')}/checklist#{question_id}", status_code=303)


@router.get("/runs/{run_id}/evidence/{sha256}")
def evidence_file(request: Request, run_id: str, sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")], _access: Viewer) -> Response:
    found = evidence_content(_store(request), run_id, sha256)
    if found is None:
        raise HTTPException(404, detail="not found")
    media_type, content = found
    return Response(content, media_type=media_type, headers={"Content-Disposition": f"attachment; filename={sha256}"})  # never shown inline


# --- JSON API ----------------------------------------------------------------------------------


class Decision(BaseModel):
    suite: str = Field(max_length=200)
    item_id: str = Field(max_length=200)
    attack_id: str = Field(default="", max_length=300)
    outcome: str = Field(max_length=20)
    reason: str = Field(default="", max_length=2000)
    version: int = Field(ge=0)
    """The version of the attempt's review state the reviewer saw (0: never reviewed)."""
    adjudicate: bool = False


class ReviewSettings(BaseModel):
    double_review: bool


class ChecklistAnswer(BaseModel):
    answer: str = Field(max_length=40)
    evidence: str = Field(default="", max_length=20000)


@api.get("/runs/{run_id}/review/queue")
def api_queue(request: Request, run_id: str, access: Viewer, limit: Annotated[int, Query(ge=1, le=500)] = PAGE_SIZE, offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    store = _store(request)
    entries = pending(store, run_id, access.principal.user.username, limit=limit, offset=offset)
    return {"counts": review_counts(store, run_id), "entries": [_entry_json(entry) for entry in entries]}


@api.get("/runs/{run_id}/review/item")
def api_item(request: Request, run_id: str, access: Viewer, suite: str, item: str, attack: str = "") -> dict[str, Any]:
    return item_view(_store(request), AttemptKey(run_id, suite, item, attack), access)


@api.post("/runs/{run_id}/review/decisions", responses={409: {"description": "the attempt changed since the given version"}})
def api_decide(request: Request, run_id: str, body: Decision, access: Reviewer) -> Response:
    key = AttemptKey(run_id, body.suite, body.item_id, body.attack_id)
    try:
        saved = _decide(_store(request), access, key, body.outcome, body.reason, body.version, body.adjudicate)
    except ReviewConflict as exc:
        return JSONResponse({"detail": str(exc)}, status_code=409)
    return JSONResponse(saved)


@api.get("/runs/{run_id}/review/agreement")
def api_agreement(request: Request, run_id: str, _access: Viewer) -> dict[str, Any]:
    return _agreement_json(agreement(_store(request), run_id))


@api.get("/runs/{run_id}/review/conflicts")
def api_conflicts(request: Request, run_id: str, _access: Viewer) -> list[dict[str, str]]:
    return [{"suite": k.suite, "item_id": k.item_id, "attack_id": k.attack_id} for k in conflicts(_store(request), run_id)]


@api.put("/runs/{run_id}/review/settings")
def api_settings(request: Request, run_id: str, body: ReviewSettings, access: Reviewer) -> dict[str, bool]:
    if not _may(access, Permission.RUN):
        raise HTTPException(403, detail="forbidden")
    set_double_review(_store(request), run_id, body.double_review, access.principal.user.username)
    return {"double_review": body.double_review}


@api.get("/runs/{run_id}/checklist")
def api_checklist(request: Request, run_id: str, _access: Viewer) -> list[dict[str, Any]]:
    from shinsa.web.deps import language

    return checklist_view(_store(request), run_id, language(request))


@api.put("/runs/{run_id}/checklist/{question_id}")
def api_answer(request: Request, run_id: str, question_id: str, body: ChecklistAnswer, access: Reviewer) -> dict[str, str]:
    checklist_answers.record_answer(_store(request), run_id, question_id, body.answer, body.evidence, access.principal.user.username)
    return {"question_id": question_id, "answer": AnswerScale.parse(body.answer).value}


@api.post("/runs/{run_id}/checklist/{question_id}/evidence", status_code=201)
async def api_evidence(request: Request, run_id: str, question_id: str, access: Reviewer, file: Annotated[UploadFile, File()]) -> dict[str, Any]:
    upload = await _read_upload(file)
    if upload is None:
        raise HTTPException(422, detail="no file")
    stored = await run_in_threadpool(store_evidence, _store(request), run_id, question_id, upload[0], upload[1], access.principal.user.username)
    return {"sha256": stored.sha256, "media_type": stored.media_type, "size": stored.size, "filename": stored.filename}

