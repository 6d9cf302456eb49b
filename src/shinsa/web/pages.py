"""The server-rendered pages: systems and their runs, administration and API tokens. Run pages
are in ``web.runs``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from shinsa.web.access import MEMBER_ROLES, Permission, Principal, Role
from shinsa.web.deps import Access, CurrentUser, render, require, services, system_access

router = APIRouter(include_in_schema=False)
Admin = Annotated[Principal, Depends(require(Permission.MANAGE))]


@router.get("/")
def systems_page(request: Request, user: CurrentUser) -> Response:
    web = services(request)
    visible = user.visible_projects()
    return render(
        request,
        "systems.html.j2",
        systems=web.workspace.systems(visible),
        runs=web.workspace.runs(visible),
        projects=web.accounts.list_projects(visible),
    )


@router.get("/systems/{system_id}")
def system_page(request: Request, access: Annotated[Access, Depends(system_access())]) -> Response:
    web = services(request)
    assert access.system_id is not None
    return render(
        request,
        "system.html.j2",
        system=web.workspace.system(access.system_id),
        runs=web.workspace.runs(access.principal.visible_projects(), access.system_id),
        configs=web.workspace.configs(access.system_id),
        can_run=access.principal.can(Permission.RUN, access.project_id or 0),
        unfiled=web.workspace.unfiled_runs() if access.principal.user.is_admin else [],
    )


@router.post("/systems")
def add_system(
    request: Request,
    user: CurrentUser,
    project_id: Annotated[int, Form()],
    system_id: Annotated[str, Form(max_length=100)],
    name: Annotated[str, Form(max_length=200)] = "",
    description: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    """Admins, and assessors of the project, add systems to it."""
    if not user.can(Permission.RUN, project_id):
        raise HTTPException(403 if user.role_in(project_id) else 404, detail="forbidden")
    services(request).workspace.add_system(project_id, system_id, name, description)
    return RedirectResponse(f"/systems/{system_id}", status_code=303)


# --- API tokens --------------------------------------------------------------------------------
@router.get("/tokens")
def tokens_page(request: Request, user: CurrentUser) -> Response:
    return render(request, "tokens.html.j2", tokens=services(request).accounts.list_tokens(user.user.user_id), new_token=None)


@router.post("/tokens")
def create_token(request: Request, user: CurrentUser, name: Annotated[str, Form(min_length=1, max_length=200)]) -> Response:
    accounts = services(request).accounts
    token = accounts.create_token(user.user.user_id, name)
    return render(request, "tokens.html.j2", tokens=accounts.list_tokens(user.user.user_id), new_token=token)


@router.post("/tokens/{token_id}/revoke")
def revoke_token(request: Request, user: CurrentUser, token_id: int) -> Response:
    services(request).accounts.revoke_token(user.user.user_id, token_id)
    return RedirectResponse("/tokens", status_code=303)


# --- administration ----------------------------------------------------------------------------
@router.get("/admin")
def admin_page(request: Request, _admin: Admin) -> Response:
    accounts = services(request).accounts
    return render(
        request,
        "admin.html.j2",
        users=accounts.list_users(),
        projects=accounts.list_projects(),
        logins=accounts.login_events(),
        roles=MEMBER_ROLES,
    )


@router.post("/admin/users")
def add_user(
    request: Request,
    _admin: Admin,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    is_admin: Annotated[bool, Form()] = False,
) -> Response:
    services(request).accounts.create_user(username, password, is_admin=is_admin)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/projects")
def add_project(request: Request, _admin: Admin, name: Annotated[str, Form(max_length=200)]) -> Response:
    services(request).accounts.create_project(name)
    return RedirectResponse("/admin", status_code=303)


@router.post("/admin/memberships")
def set_membership(
    request: Request,
    _admin: Admin,
    user_id: Annotated[int, Form()],
    project_id: Annotated[int, Form()],
    role: Annotated[Role, Form()],
) -> Response:
    services(request).accounts.set_membership(user_id, project_id, role)
    return RedirectResponse("/admin", status_code=303)
