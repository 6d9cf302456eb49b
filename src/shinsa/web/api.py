"""The JSON API (``/api/v1``, OpenAPI at ``/api/openapi.json``) for what the pages do: CI signs in
with ``Authorization: Bearer <API token>``; a browser session works too (with ``X-CSRF-Token`` on
unsafe requests). Access rules are the pages' own dependencies."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from shinsa.web.access import Permission
from shinsa.web.configs import RunConfig
from shinsa.web.deps import Access, CurrentUser, run_access, services, system_access
from shinsa.web.runs import ITEMS_PER_PAGE, job_state, progress_event, resumable, run_results, start_run
from shinsa.web.workspace import ACTIVE_STATES

router = APIRouter(prefix="/api/v1", tags=["workspace"])


class SavedConfig(BaseModel):
    name: str
    parameters: RunConfig


@router.get("/me")
def me(user: CurrentUser) -> dict[str, Any]:
    return {
        "username": user.user.username,
        "is_admin": user.user.is_admin,
        "projects": {str(project): str(role) for project, role in user.roles.items()},
    }


@router.get("/systems")
def list_systems(request: Request, user: CurrentUser) -> list[dict[str, Any]]:
    return services(request).workspace.systems(user.visible_projects())


@router.get("/systems/{system_id}/runs")
def list_runs(request: Request, access: Annotated[Access, Depends(system_access())]) -> list[dict[str, Any]]:
    rows = services(request).workspace.runs(access.principal.visible_projects(), access.system_id)
    return [{**row, "job_state": job_state(row)} for row in rows]


@router.get("/systems/{system_id}/configs")
def list_configs(request: Request, access: Annotated[Access, Depends(system_access())]) -> list[dict[str, Any]]:
    assert access.system_id is not None
    return services(request).workspace.configs(access.system_id)


@router.post("/systems/{system_id}/configs", status_code=201)
def save_config(request: Request, body: SavedConfig, access: Annotated[Access, Depends(system_access(Permission.RUN))]) -> dict[str, Any]:
    web = services(request)
    body.parameters.check_targets(web.settings.python_targets)
    assert access.system_id is not None
    config_id = web.workspace.save_config(
        access.system_id, body.name, body.parameters.model_dump(exclude_none=True), access.principal.user.user_id
    )
    return {"config_id": config_id}


@router.post("/configs/{config_id}/runs", status_code=202)
def start(request: Request, user: CurrentUser, config_id: int) -> dict[str, Any]:
    """Start a run from a saved configuration; poll ``GET /runs/{run_id}`` for its progress."""
    return {"run_id": start_run(services(request), user, config_id)}


@router.get("/runs/{run_id}")
def run_status(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access())]) -> dict[str, Any]:
    web = services(request)
    job, run = web.workspace.job(run_id), web.store.get_run(run_id)
    return {"run_id": run_id, "status": run["status"] if run else None, "progress": progress_event(job, run), "manifest": run["manifest"] if run else None}


@router.post("/runs/{run_id}/resume", status_code=202)
def resume(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access(Permission.RUN))]) -> dict[str, Any]:
    web = services(request)
    state = job_state(web.workspace.job(run_id))
    if not resumable(state):
        return {"run_id": run_id, "resumed": False, "state": state}
    web.workspace.set_job(run_id, state="queued", message="")
    web.jobs.submit(run_id)
    return {"run_id": run_id, "resumed": True, "state": "queued"}


@router.get("/runs/{run_id}/results")
async def results(request: Request, run_id: str, _access: Annotated[Access, Depends(run_access())]) -> dict[str, Any]:
    """Per-perspective figures of a finished run (the run page's table)."""
    web = services(request)
    if job_state(web.workspace.job(run_id)) in ACTIVE_STATES:
        return {"run_id": run_id, "ready": False, "perspectives": []}
    computed = await run_in_threadpool(run_results, web, run_id, "en")
    rows = [
        {
            "perspective": row.perspective.id,
            "key": row.perspective.key,
            "attempts": row.attempts,
            "figure": row.figure.value if row.figure else None,
            "safety": row.harmful.value,
            "correctness": row.task.value,
            "over_refusal": row.over_refusal.value,
            "no_verdict": row.no_verdict,
        }
        for row in computed["rows"]
        if row.attempts
    ]
    return {"run_id": run_id, "ready": True, "attempts": computed["attempts"], "perspectives": rows}


@router.get("/runs/{run_id}/attempts")
async def attempts(
    request: Request,
    run_id: str,
    _access: Annotated[Access, Depends(run_access())],
    perspective: Annotated[int | None, Query(ge=1, le=10)] = None,
    outcome: Annotated[str | None, Query(max_length=20)] = None,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = ITEMS_PER_PAGE,
) -> dict[str, Any]:
    rows, total = await run_in_threadpool(services(request).workspace.attempts_page, run_id, perspective, outcome, offset, limit)
    return {"total": total, "offset": offset, "attempts": rows}
