"""Security of the workspace: sessions and cookies, CSRF on every form, throttled and audited
sign-in, roles, project isolation by guessed ids, secrets never stored in clear, escaped output."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi.testclient import TestClient
from web_fixtures import PASSWORD, World, csrf_of, login, make_world

from shinsa.testing.runs import attempt, write_run
from shinsa.web.accounts import THROTTLE_FAILURES, Accounts
from shinsa.web.app import create_app
from shinsa.web.deps import Settings
from shinsa.web.workspace import Workspace

CONFIG = {"name": "echo", "suites": "quick", "target": "python:shinsa.testing.bots:echo", "limit": "3"}


@pytest.fixture
def world(sqlite_url: str) -> World:
    return make_world(sqlite_url)


def filed_run(world: World, run_id: str, system_id: str, response: str = "I cannot help with that.") -> None:
    write_run(world.store, run_id, [attempt("p1-x", 1, "refused", response=response)])
    Workspace(world.store.engine).file_run(run_id, system_id, state="attached", started_by=None)


def test_session_cookie_is_httponly_samesite_and_secure_when_asked(world: World) -> None:
    client = world.client()
    page = client.get("/login")
    token = page.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.post("/login", data={"username": "admin", "password": PASSWORD, "csrf_token": token}, follow_redirects=False)
    cookie = response.headers["set-cookie"].lower()
    assert "shinsa_session=" in cookie and "httponly" in cookie and "samesite=lax" in cookie
    secure_app = create_app(world.store, settings=Settings(secure_cookies=True))
    secure = TestClient(secure_app, base_url="https://127.0.0.1")
    assert login(secure, "admin") == 303
    assert any(c.secure for c in secure.cookies.jar if c.name == "shinsa_session")


def test_forms_without_their_csrf_token_are_refused(world: World) -> None:
    client = world.client("assessor_a")
    assert client.post("/tokens", data={"name": "ci"}).status_code == 403
    assert client.post("/tokens", data={"name": "ci", "csrf_token": "guessed"}).status_code == 403
    assert client.post("/systems/sys-a/configs", data=CONFIG).status_code == 403
    assert client.post("/logout").status_code == 403
    assert client.post("/tokens", data={"name": "ci", "csrf_token": csrf_of(client)}).status_code == 200
    fresh = world.client()
    assert fresh.post("/login", data={"username": "admin", "password": PASSWORD}).status_code == 403


def test_sign_in_is_audited_and_throttled(world: World) -> None:
    client = world.client()
    assert login(client, "viewer_a", "wrong password") == 401
    for _ in range(THROTTLE_FAILURES - 1):
        login(client, "viewer_a", "wrong password")
    assert login(client, "viewer_a") == 429  # even the right password, until the window passes
    assert login(client, "admin") == 303  # other users are not locked out
    events = [(e["username"], e["event"]) for e in Accounts(world.store.engine).login_events()]
    assert events.count(("viewer_a", "failed")) == THROTTLE_FAILURES
    assert ("viewer_a", "throttled") in events and ("admin", "ok") in events


def test_a_user_of_project_b_cannot_reach_project_a_by_guessing_ids(world: World) -> None:
    filed_run(world, "run-a", "sys-a")
    outsider = world.client("assessor_b")
    assert "sys-a" not in outsider.get("/").text
    for path in ("/runs/run-a", "/runs/run-a/items", "/runs/run-a/report", "/runs/run-a/hits", "/runs/run-a/events",
                 "/systems/sys-a", "/api/v1/runs/run-a", "/api/v1/runs/run-a/attempts", "/api/v1/systems/sys-a/runs",
                 "/compare/report?base=run-a&other=run-a"):
        assert outsider.get(path).status_code == 404, path
    assert outsider.get("/runs/no-such-run").status_code == 404  # the same answer as a run that does not exist
    assert outsider.post("/runs/run-a/resume", data={"csrf_token": csrf_of(outsider)}).status_code == 404
    member = world.client("viewer_a")
    assert member.get("/runs/run-a").status_code == 200
    assert [s["system_id"] for s in member.get("/api/v1/systems").json()] == ["sys-a"]


def test_roles_limit_what_members_may_do(world: World) -> None:
    assessor = world.client("assessor_a")
    assert assessor.post("/systems/sys-a/configs", data={**CONFIG, "csrf_token": csrf_of(assessor)}, follow_redirects=False).status_code == 303
    config_id = Workspace(world.store.engine).configs("sys-a")[0]["config_id"]
    for name in ("viewer_a", "reviewer_a"):
        client = world.client(name)
        token = csrf_of(client)
        assert client.post("/systems/sys-a/configs", data={**CONFIG, "csrf_token": token}).status_code == 403
        assert client.post(f"/configs/{config_id}/runs", data={"csrf_token": token}).status_code == 403
        assert client.get("/admin").status_code == 403
    outsider = world.client("assessor_b")
    assert outsider.post(f"/configs/{config_id}/runs", data={"csrf_token": csrf_of(outsider)}).status_code == 404
    assert world.client("admin").get("/admin").status_code == 200


def test_passwords_and_tokens_are_never_stored_in_clear(world: World, sqlite_url: str) -> None:
    client = world.client("assessor_a")
    page = client.post("/tokens", data={"name": "ci", "csrf_token": csrf_of(client)}).text
    token = page.split('id="new-token">')[1].split("<")[0]
    session = client.cookies["shinsa_session"]
    api = world.client()
    assert api.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()["username"] == "assessor_a"
    dump = "\n".join(sqlite3.connect(sqlite_url.removeprefix("sqlite:///")).iterdump())
    assert PASSWORD not in dump and token not in dump and session not in dump
    assert dump.count("$argon2id$") == 5
    assert token not in client.get("/tokens").text  # shown once, when created


def test_api_tokens_act_without_csrf_and_stop_when_revoked(world: World) -> None:
    accounts = Accounts(world.store.engine)
    user = accounts.find_user("assessor_a")
    assert user is not None
    token = accounts.create_token(user.user_id, "ci")
    api = world.client()
    headers = {"Authorization": f"Bearer {token}"}
    body = {"name": "ci", "parameters": {"suites": ["quick"], "target": "python:shinsa.testing.bots:echo", "limit": 2}}
    assert api.post("/api/v1/systems/sys-a/configs", json=body, headers=headers).status_code == 201
    assert api.post("/api/v1/systems/sys-b/configs", json=body, headers=headers).status_code == 404
    accounts.revoke_token(user.user_id, accounts.list_tokens(user.user_id)[0]["token_id"])
    assert api.get("/api/v1/me", headers=headers).status_code == 401


def test_configurations_take_variable_names_and_allowed_targets_only(world: World) -> None:
    client = world.client("assessor_a")
    token = csrf_of(client)
    key = client.post("/systems/sys-a/configs", data={**CONFIG, "api_key_env": "sk-live-1234", "csrf_token": token})
    assert key.status_code == 422 and "sk-live-1234" not in key.text
    code = client.post("/systems/sys-a/configs", data={**CONFIG, "target": "python:os:system", "csrf_token": token})
    assert code.status_code == 422 and "--allow-python-target" in code.text
    files = client.post("/systems/sys-a/configs", data={**CONFIG, "suites": "/etc/passwd", "csrf_token": token})
    assert files.status_code == 422
    assert Workspace(world.store.engine).configs("sys-a") == []


def test_model_output_is_escaped_on_the_pages(world: World) -> None:
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    filed_run(world, "run-x", "sys-a", response=payload)
    page = world.client("viewer_a").get("/runs/run-x/items").text
    assert payload not in page and "&lt;script&gt;alert(" in page
    headers = world.client("viewer_a").get("/runs/run-x").headers
    assert "script-src 'self'" in headers["content-security-policy"]
