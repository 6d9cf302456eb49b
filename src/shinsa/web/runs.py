"""Run pages: start a run from a saved configuration, watch it live (server-sent events), its
per-perspective table and radar, drill-down to the answers, the HTML report, the red-team hit log
and the comparison of two runs. Every page reaches a run through ``run_access`` (project-scoped)."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.concurrency import run_in_threadpool

from shinsa.errors import InputError
from shinsa.run.engine import new_run_id
from shinsa.web.access import Permission
from shinsa.web.configs import parse_config
from shinsa.web.deps import (
    Access,
    CurrentUser,
    Services,
    language,
    render,
    run_access,
    services,
    system_access,
)
from shinsa.web.jobs import STALE_SECONDS
from shinsa.web.workspace import ACTIVE_STATES

router = APIRouter(include_in_schema=False)
EVENT_SECONDS = 1.0
"""How often the live progress stream looks at the job row."""
ITEMS_PER_PAGE = 50
REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
"""The report is a document of its own: no script at all, sandboxed (it also carries this policy
in a meta element when saved to a file)."""


def job_state(job: dict[str, Any] | None) -> str:
    """The job's state, with a running job whose worker went silent shown as ``stale``."""
    if job is None:
        return "attached"
    if job["job_state"] == "running" and time.time() - job["updated_at"] > STALE_SECONDS:
        return "stale"
    return str(job["job_state"])


def resumable(state: str) -> bool:
    return state in ("failed", "interrupted", "stale")


# --- saved configurations and starting runs ----------------------------------------------------
def _form_config(form: dict[str, Any]) -> dict[str, Any]:
    """The form's fields as a configuration: empty fields left out, numbers as numbers."""
    config: dict[str, Any] = {}
    for key in ("target", "base_url", "api_key_env", "judge", "judge_base_url", "judge_api_key_env"):
        if value := str(form.get(key, "")).strip():
            config[key] = value
    config["suites"] = [s.strip() for s in str(form.get("suites", "")).split(",") if s.strip()]
    for key in ("limit", "concurrency", "max_tokens"):
        if value := str(form.get(key, "")).strip():
            try:
                config[key] = int(value)
            except ValueError:
                raise InputError(f"{key} は整数です（{value!r} ではなく）/ {key}: a whole number, not {value!r}") from None
    if value := str(form.get("review_below", "")).strip():
        try:
            config["review_below"] = float(value)
        except ValueError:
            raise InputError(
                f"review_below は 0 以上 1 以下の数です（{value!r} ではなく）/ review_below: a number from 0 to 1, not {value!r}"
            ) from None
    if form.get("score_truncated"):
        config["score_truncated"] = True
    return config


@router.post("/systems/{system_id}/configs")
async def save_config(request: Request, access: Annotated[Access, Depends(system_access(Permission.RUN))]) -> Response:
    form = dict(await request.form())
    web = services(request)
    config = parse_config(_form_config(form))
    config.check_targets(web.settings.python_targets)
    assert access.system_id is not None
    name = str(form.get("name", "")).strip() or config.target
    web.workspace.save_config(access.system_id, name, config.model_dump(exclude_none=True), access.principal.user.user_id)
    return RedirectResponse(f"/systems/{access.system_id}", status_code=303)


def start_run(web: Services, user: CurrentUser, config_id: int) -> str:
    """File a new run under the configuration's system and hand it to the job queue."""
    config_row = web.workspace.config(config_id)
    system = web.workspace.system(config_row["system_id"]) if config_row else None
    if config_row is None or system is None or user.role_in(int(system["project_id"])) is None:
        raise HTTPException(404, detail="not found")
    if not user.can(Permission.RUN, int(system["project_id"])):
        raise HTTPException(403, detail="forbidden")
    parse_config(config_row["parameters"]).check_targets(web.settings.python_targets)
    run_id = new_run_id()
    web.workspace.file_run(run_id, system["system_id"], state="queued", started_by=user.user.user_id, config_id=config_id)
    web.jobs.submit(run_id)
    return run_id


@router.post("/configs/{config_id}/runs")
async def start_run_page(request: Request, user: CurrentUser, config_id: int) -> Response:
    run_id = start_run(services(request), user, config_id)
    return RedirectResponse(f"/runs/{run_id}", status_code=303)


@router.post("/runs/{run_id}/resume")
async def resume_run(request: Request, run_id: str, access: Annotated[Access, Depends(run_access(Permission.RUN))]) -> Response:
    web = services(request)
    if not resumable(job_state(web.workspace.job(run_id))):
        raise InputError("only a failed, interrupted or silent run can be resumed")
    web.workspace.set_job(run_id, state="queued", message="")
    web.jobs.submit(run_id)
    return RedirectResponse(f"/runs/{run_id}", status_code=303)


@router.post("/systems/{system_id}/runs/file")
async def file_run(
    request: Request, access: Annotated[Access, Depends(system_access(Permission.MANAGE))], run_id: Annotated[str, Form(max_length=100)]
) -> Response:
    """Admins file a run made on the command line under a system, so its project sees it."""
    web = services(request)
    web.store.require_run(run_id)
    assert access.system_id is not None
    web.workspace.file_run(run_id, access.system_id, state="attached", started_by=access.principal.user.user_id)
    return RedirectResponse(f"/systems/{access.system_id}", status_code=303)


# --- the run page and its live progress ----------------------------------------------------------
def run_results(web: Services, run_id: str, lang: str) -> dict[str, Any]:
    """The per-perspective table and the radar, from the report's own computation."""
    from shinsa.report.html import radar_svg
    from shinsa.report.i18n import Translator
    from shinsa.report.model import collect_run
    from shinsa.report.view import score_rows

    view = collect_run(web.store, run_id, max_items=0)
    return {"rows": score_rows(view, Translator(lang), lang), "radar": radar_svg([view], lang), "attempts": view.aggregate.attempts}


@router.get("/runs/{run_id}")
async def run_page(request: Request, run_id: str, access: Annotated[Access, Depends(run_access())]) -> Response:
    web = services(request)
    job = web.workspace.job(run_id)
    run = web.store.get_run(run_id)
    state = job_state(job)
    results = None
    if run is not None and state not in ACTIVE_STATES:
        results = await run_in_threadpool(run_results, web, run_id, language(request))
    return render(
        request,
        "run.html.j2",
        run_id=run_id,
        run=run,
        job=job,
        progress=progress_event(job, run),
        state=state,
        results=results,
        system=web.workspace.system(access.system_id) if access.system_id else None,
        can_run=access.principal.can(Permission.RUN, access.project_id) if access.project_id is not None else True,
        resumable=resumable(state),
    )


def progress_event(job: dict[str, Any] | None, run: dict[str, Any] | None) -> dict[str, Any]:
    progress = dict(job["progress"]) if job else {}
    if not progress and run is not None:
        progress = {"total": run["total"]}
    return {"state": job_state(job) if job else (run["status"] if run else "queued"), **progress}


async def progress_stream(web: Services, run_id: str) -> AsyncIterator[str]:
    """A server-sent event whenever the job's counters change, until the job stops."""
    last = None
    while True:
        job = await run_in_threadpool(web.workspace.job, run_id)
        event = progress_event(job, None)
        if event != last:
            yield f"data: {json.dumps(event)}\n\n"
            last = event
        if event["state"] not in ACTIVE_STATES:
            yield "event: done\ndata: {}\n\n"
            return
        await asyncio.sleep(EVENT_SECONDS)


@router.get("/runs/{run_id}/events")
async def run_events(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access())]) -> Response:
    return StreamingResponse(
        progress_stream(services(request), run_id),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


@router.get("/runs/{run_id}/items")
async def run_items(
    request: Request,
    run_id: str,
    _access: Annotated[Access, Depends(run_access())],
    perspective: Annotated[int | None, Query(ge=1, le=10)] = None,
    outcome: Annotated[str | None, Query(max_length=20)] = None,
    page: Annotated[int, Query(ge=1)] = 1,
) -> Response:
    web = services(request)
    rows, total = await run_in_threadpool(
        web.workspace.attempts_page, run_id, perspective, outcome, (page - 1) * ITEMS_PER_PAGE, ITEMS_PER_PAGE
    )
    return render(
        request, "items.html.j2", run_id=run_id, rows=rows, total=total, page=page, per_page=ITEMS_PER_PAGE,
        perspective=perspective, outcome=outcome,
    )


@router.get("/runs/{run_id}/report")
async def run_report(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access())]) -> Response:
    from shinsa.report.html import render_report

    html = await run_in_threadpool(render_report, services(request).store, [run_id], language(request))
    return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_POLICY})


@router.get("/runs/{run_id}/hits")
async def run_hits(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access())]) -> Response:
    from shinsa.redteam.hits import hits

    store = services(request).store

    def load() -> list[Any]:
        return list(hits(store.iter_attempts(run_id)))

    return render(request, "hits.html.j2", run_id=run_id, hits=await run_in_threadpool(load))


# --- comparing two runs ----------------------------------------------------------------------------
@router.get("/compare")
def compare_page(request: Request, user: CurrentUser) -> Response:
    web = services(request)
    return render(request, "compare.html.j2", runs=web.workspace.runs(user.visible_projects()))


@router.get("/compare/report")
async def compare_report(
    request: Request,
    user: CurrentUser,
    base: Annotated[str, Query(max_length=100)],
    other: Annotated[str, Query(max_length=100)],
) -> Response:
    """The report comparing ``other`` against ``base``; both must be visible to the user."""
    from shinsa.report.html import render_report

    web = services(request)
    for run_id in (base, other):
        await run_in_threadpool(run_access(), run_id, request, user)
    html = await run_in_threadpool(render_report, web.store, [base, other], language(request))
    return HTMLResponse(html, headers={"Content-Security-Policy": REPORT_POLICY})
