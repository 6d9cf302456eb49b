"""A workspace over a fresh SQLite store with two projects, a user per role, and a logged-in
client helper (CSRF tokens taken from the pages, as a browser would)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi.testclient import TestClient

from shinsa.store.store import Store
from shinsa.web.access import Role
from shinsa.web.accounts import Accounts
from shinsa.web.app import create_app
from shinsa.web.deps import Settings
from shinsa.web.jobs import InProcessJobs
from shinsa.web.workspace import Workspace

PASSWORD = "correct horse battery"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class World:
    store: Store
    app: object
    jobs: InProcessJobs
    project_a: int
    project_b: int

    def client(self, username: str | None = None) -> TestClient:
        client = TestClient(self.app, base_url="http://127.0.0.1")  # type: ignore[arg-type]
        if username is not None:
            login(client, username)
        return client


def login(client: TestClient, username: str, password: str = PASSWORD) -> int:
    page = client.get("/login")
    token = CSRF.search(page.text)
    assert token is not None
    response = client.post("/login", data={"username": username, "password": password, "csrf_token": token.group(1)}, follow_redirects=False)
    return response.status_code


def csrf_of(client: TestClient, path: str = "/tokens") -> str:
    found = CSRF.search(client.get(path).text)
    assert found is not None
    return found.group(1)


def make_world(url: str) -> World:
    store = Store(url)
    accounts, workspace = Accounts(store.engine), Workspace(store.engine)
    project_a, project_b = accounts.create_project("Ministry A"), accounts.create_project("Vendor B")
    accounts.create_user("admin", PASSWORD, is_admin=True)
    for name, role, project in (
        ("assessor_a", Role.ASSESSOR, project_a),
        ("reviewer_a", Role.REVIEWER, project_a),
        ("viewer_a", Role.VIEWER, project_a),
        ("assessor_b", Role.ASSESSOR, project_b),
    ):
        user_id = accounts.create_user(name, PASSWORD)
        accounts.set_membership(user_id, project, role)
    workspace.add_system(project_a, "sys-a", "System A")
    workspace.add_system(project_b, "sys-b", "System B")
    jobs = InProcessJobs(store)
    app = create_app(store, settings=Settings(secure_cookies=False, python_targets=frozenset({"shinsa.testing.bots"})), jobs=jobs)
    return World(store, app, jobs, project_a, project_b)
