"""``shinsa serve`` (the web workspace), ``shinsa worker`` (its job runner in team mode) and
``shinsa users`` / ``shinsa projects`` (accounts from the terminal). The web package and its
libraries are imported inside the commands, so other commands never load them."""

from __future__ import annotations

import ipaddress
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from shinsa.cli.common import DEFAULT_LANG, DbOption, LangOption, console, err_console, open_store
from shinsa.errors import InputError

users_app = typer.Typer(help="Workspace accounts: add users, reset passwords, list them.", no_args_is_help=True)
projects_app = typer.Typer(help="Workspace projects: create them, set members and their systems.", no_args_is_help=True)
DEFAULT_PORT = 8765


def _say(lang: str, ja: str, en: str) -> str:
    return ja if lang == "ja" else en


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _web_modules() -> None:
    try:
        import fastapi  # noqa: F401
        import uvicorn  # noqa: F401
    except ImportError:
        raise InputError("the web workspace needs the 'web' extra: pip install 'shinsa[web]'") from None


def _password(env: str | None, lang: str) -> tuple[str, bool]:
    """The password from the variable ``env``, or a new random one (to be printed once)."""
    from shinsa.web.security import new_password

    if env is None:
        return new_password(), True
    value = os.environ.get(env)
    if not value:
        raise InputError(_say(lang, f"環境変数 {env} が設定されていません", f"environment variable {env} is not set"))
    return value, False


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on: 127.0.0.1 (this machine only, the default) or 0.0.0.0 (team mode).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = DEFAULT_PORT,
    allow_python_target: Annotated[list[str] | None, typer.Option(help="Module whose functions web users may assess as python: targets. Repeatable.")] = None,
    tls_cert: Annotated[Path | None, typer.Option(help="TLS certificate (PEM) to serve HTTPS directly.")] = None,
    tls_key: Annotated[Path | None, typer.Option(help="TLS private key (PEM) for --tls-cert.")] = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Serve the assessment workspace. With no options: your SQLite database on 127.0.0.1, runs in
    this process, and a first admin created (password printed once). With --db postgresql+psycopg://…
    runs go to the job queue: start `shinsa worker` with the same --db."""
    _web_modules()
    import uvicorn

    from shinsa.web.accounts import Accounts
    from shinsa.web.app import create_app
    from shinsa.web.deps import Settings

    if (tls_cert is None) != (tls_key is None):
        raise InputError("give --tls-cert and --tls-key together")
    store = open_store(db)
    team = store.engine.dialect.name == "postgresql"
    accounts = Accounts(store.engine)
    if accounts.user_count() == 0:
        password = _password(None, lang)[0]
        accounts.create_user("admin", password, is_admin=True)
        console.print(_say(
            lang,
            f"管理者 admin を作成しました。パスワード(この一度だけ表示): {password}",
            f"created the admin user 'admin'; its password (shown this once only): {password}",
        ), markup=False)
    jobs = None
    if team:
        from shinsa.web.queue import QueuedJobs

        jobs = QueuedJobs(store.url)
        jobs.prepare()
    settings = Settings(
        secure_cookies=tls_cert is not None or not _loopback(host),
        python_targets=frozenset(allow_python_target or ()),
        team=team,
    )
    if settings.secure_cookies and tls_cert is None:  # plain HTTP is allowed on the loopback address only
        err_console.print(_say(
            lang,
            "注意: Cookie は Secure です。HTTPS を終端するリバースプロキシの後ろで動かすか、--tls-cert/--tls-key を指定してください。",
            "note: cookies are Secure: serve behind a reverse proxy that terminates HTTPS, or give --tls-cert/--tls-key.",
        ))
    app = create_app(store, settings=settings, jobs=jobs)
    scheme = "https" if tls_cert else "http"
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    console.print(_say(lang, f"ワークスペース: {scheme}://{shown}:{port}/ (Ctrl-C で停止)", f"workspace: {scheme}://{shown}:{port}/ (Ctrl-C stops it)"), markup=False)
    sys.stdout.flush()
    uvicorn.run(
        app, host=host, port=port, log_level="warning", proxy_headers=True,
        ssl_certfile=str(tls_cert) if tls_cert else None, ssl_keyfile=str(tls_key) if tls_key else None,
    )


def worker(
    db: DbOption = None,
    concurrency: Annotated[int, typer.Option(min=1, max=16, help="Runs this worker executes at once.")] = 1,
) -> None:
    """Run the workspace's queued runs (team mode, PostgreSQL). A worker stopped mid-run leaves the
    run resumable from its page; several workers may share one database."""
    _web_modules()
    from shinsa.web.queue import QueuedJobs

    store = open_store(db)
    if store.engine.dialect.name != "postgresql":
        raise InputError("shinsa worker serves a PostgreSQL workspace (--db postgresql+psycopg://…); SQLite runs in `shinsa serve` itself")
    queue = QueuedJobs(store.url)
    queue.prepare()
    err_console.print(f"worker: waiting for runs in {store.safe_url} (Ctrl-C stops it)")
    queue.work(concurrency)


@users_app.command("add")
def users_add(
    username: str,
    admin: Annotated[bool, typer.Option("--admin", help="An administrator: sees and manages every project.")] = False,
    password_env: Annotated[str | None, typer.Option(help="Take the password from this environment variable (default: print a new random one once).")] = None,
    db: DbOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Add a user."""
    from shinsa.web.accounts import Accounts

    password, generated = _password(password_env, lang)
    Accounts(open_store(db).engine).create_user(username, password, is_admin=admin)
    if generated:
        console.print(_say(lang, f"{username} のパスワード(この一度だけ表示): {password}", f"password of {username} (shown this once only): {password}"), markup=False)
    else:
        console.print(_say(lang, f"ユーザー {username} を追加しました", f"added user {username}"))


@users_app.command("passwd")
def users_passwd(
    username: str,
    password_env: Annotated[str | None, typer.Option(help="Take the password from this environment variable (default: print a new random one once).")] = None,
    db: DbOption = None,
    lang: LangOption = DEFAULT_LANG,
) -> None:
    """Set a user's password."""
    from shinsa.web.accounts import Accounts

    accounts = Accounts(open_store(db).engine)
    user = accounts.find_user(username)
    if user is None:
        raise InputError(_say(lang, f"ユーザー {username} はいません", f"no user {username!r}"))
    password, generated = _password(password_env, lang)
    accounts.set_password(user.user_id, password)
    if generated:
        console.print(_say(lang, f"{username} の新しいパスワード(この一度だけ表示): {password}", f"new password of {username} (shown this once only): {password}"), markup=False)


@users_app.command("list")
def users_list(db: DbOption = None) -> None:
    """List users."""
    from shinsa.web.accounts import Accounts

    for user in Accounts(open_store(db).engine).list_users():
        console.print(f"{user['username']}\t{'admin' if user['is_admin'] else ''}\t{'disabled' if user['disabled'] else ''}", markup=False)


@projects_app.command("add")
def projects_add(name: str, db: DbOption = None) -> None:
    """Create a project."""
    from shinsa.web.accounts import Accounts

    project_id = Accounts(open_store(db).engine).create_project(name)
    console.print(f"project {name} (id {project_id})", markup=False)


@projects_app.command("member")
def projects_member(
    project: str,
    username: str,
    role: Annotated[str, typer.Option(help="assessor, reviewer or viewer.")] = "viewer",
    db: DbOption = None,
) -> None:
    """Give a user a role in a project (replacing the role they had there)."""
    from shinsa.web.access import Role
    from shinsa.web.accounts import Accounts

    accounts = Accounts(open_store(db).engine)
    project_id, user = accounts.find_project(project), accounts.find_user(username)
    if project_id is None or user is None:
        raise InputError(f"no project {project!r}" if project_id is None else f"no user {username!r}")
    try:
        chosen = Role(role)
    except ValueError:
        raise InputError(f"unknown role {role!r} (use assessor, reviewer or viewer)") from None
    accounts.set_membership(user.user_id, project_id, chosen)


@projects_app.command("system")
def projects_system(
    project: str,
    system_id: str,
    name: Annotated[str, typer.Option(help="Name shown for the system (default: its id).")] = "",
    db: DbOption = None,
) -> None:
    """Add a system under assessment to a project."""
    from shinsa.web.accounts import Accounts
    from shinsa.web.workspace import Workspace

    store = open_store(db)
    project_id = Accounts(store.engine).find_project(project)
    if project_id is None:
        raise InputError(f"no project {project!r}")
    Workspace(store.engine).add_system(project_id, system_id, name)


@projects_app.command("file-run")
def projects_file_run(system_id: str, run_id: str, db: DbOption = None) -> None:
    """File a run made on the command line under a system, so its project's members see it."""
    from shinsa.web.workspace import Workspace

    store = open_store(db)
    store.require_run(run_id)
    workspace = Workspace(store.engine)
    if workspace.system(system_id) is None:
        raise InputError(f"no system {system_id!r}")
    workspace.file_run(run_id, system_id, state="attached", started_by=None)


def register(app: typer.Typer) -> None:
    """Mount these commands on the main ``shinsa`` app."""
    app.command("serve")(serve)
    app.command("worker")(worker)
    app.add_typer(users_app, name="users")
    app.add_typer(projects_app, name="projects")
