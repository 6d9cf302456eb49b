"""The app factory: one FastAPI app serving the pages (Jinja2, htmx), the JSON API under /api
and the static files vendored in the package (no JavaScript build step, nothing fetched)."""

from __future__ import annotations

from collections.abc import MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

import shinsa
from shinsa.errors import InputError
from shinsa.web.accounts import Accounts
from shinsa.web.deps import LoginRequired, Services, Settings, render
from shinsa.web.jobs import InProcessJobs, JobQueue
from shinsa.web.workspace import Workspace

if TYPE_CHECKING:
    from starlette.types import ASGIApp, Receive, Scope, Send

    from shinsa.store.store import Store

STATIC = Path(__file__).parent / "static"
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
"""Content-Security-Policy of every page: no inline or foreign script can run, so even an escaping
mistake could not run model output."""


class SecurityHeaders:
    """Adds the page policy and the usual hardening headers to every response that has none."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"content-security-policy", PAGE_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                    (b"cache-control", b"no-store"),
                ):
                    if name not in present:
                        headers.append((name, value))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def create_app(
    store: Store,
    *,
    settings: Settings | None = None,
    jobs: JobQueue | None = None,
) -> FastAPI:
    """The workspace over ``store`` (already migrated: ``Store`` upgrades on opening). Without
    ``jobs``, web-started runs go to threads of this process (the embedded mode)."""
    from shinsa.web import api, auth, pages, review, runs

    app = FastAPI(
        title="Shinsa workspace API",
        version=shinsa.__version__,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.services = Services(
        store=store,
        accounts=Accounts(store.engine),
        workspace=Workspace(store.engine),
        jobs=jobs or InProcessJobs(store),
        settings=settings or Settings(),
    )
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(auth.router)
    app.include_router(pages.router)
    app.include_router(runs.router)
    app.include_router(api.router)
    app.include_router(review.router)
    app.include_router(review.api)

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, _exc: LoginRequired) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": "authentication required"}, status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return RedirectResponse("/login", status_code=303)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException) -> Response:
        if _wants_json(request) or exc.status_code not in (403, 404):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        key = "error.csrf" if exc.detail == "csrf" else f"error.{exc.status_code}"
        return render(request, "error.html.j2", status_code=exc.status_code, message_key=key, message="")

    @app.exception_handler(InputError)
    async def _input_error(request: Request, exc: InputError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=422)
        return render(request, "error.html.j2", status_code=422, message_key="error.input", message=str(exc))

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {"loc": (), "msg": "invalid request"}
        message = f"{'.'.join(str(part) for part in first['loc'])}: {first['msg']}"
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=422)
        return render(request, "error.html.j2", status_code=422, message_key="error.input", message=message)

    return app
