"""Signing in and out, and the language switch. The login form is protected against CSRF by a
double-submit cookie (there is no session yet); sign-ins are throttled and audited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from shinsa.web.accounts import SESSION_SECONDS, Throttled
from shinsa.web.deps import LANG_COOKIE, SESSION_COOKIE, CurrentUser, render, services
from shinsa.web.i18n import LANGUAGES
from shinsa.web.security import new_token, same

router = APIRouter(include_in_schema=False)
LOGIN_CSRF_COOKIE = "shinsa_login_csrf"


def client_of(request: Request) -> str:
    return request.client.host if request.client else ""


def _login_page(request: Request, error_key: str | None = None, status_code: int = 200) -> Response:
    token = new_token()
    response = render(request, "login.html.j2", status_code=status_code, login_csrf=token, error_key=error_key)
    secure = services(request).settings.secure_cookies
    response.set_cookie(LOGIN_CSRF_COOKIE, token, max_age=3600, httponly=True, secure=secure, samesite="strict", path="/login")
    return response


@router.get("/login")
def login_form(request: Request) -> Response:
    return _login_page(request)


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=100)],
    password: Annotated[str, Form(max_length=1000)],
    csrf_token: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not same(csrf_token, expected):
        raise HTTPException(403, detail="csrf")
    web = services(request)
    try:
        user = web.accounts.authenticate(username, password, client_of(request))
    except Throttled:
        return _login_page(request, "login.throttled", 429)
    if user is None:
        return _login_page(request, "login.failed", 401)
    session = web.accounts.open_session(user)
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(
        SESSION_COOKIE, session.token, max_age=SESSION_SECONDS, httponly=True,
        secure=web.settings.secure_cookies, samesite="lax", path="/",
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
    return response


@router.post("/logout")
def logout(request: Request, _user: CurrentUser) -> Response:
    web = services(request)
    web.accounts.close_session(request.cookies.get(SESSION_COOKIE, ""), client_of(request))
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", secure=web.settings.secure_cookies, httponly=True, samesite="lax")
    return response


@router.get("/lang/{lang}")
def switch_language(request: Request, lang: str) -> Response:
    """Remember the chosen language and go back where the user was (same site only)."""
    if lang not in LANGUAGES:
        raise HTTPException(404, detail="not found")
    back = request.headers.get("referer", "/")
    origin = f"{request.url.scheme}://{request.url.netloc}"
    target = back.removeprefix(origin) if back.startswith(origin + "/") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        LANG_COOKIE, lang, max_age=365 * 86400, httponly=True, secure=services(request).settings.secure_cookies, samesite="lax"
    )
    return response
