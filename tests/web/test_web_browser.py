"""The workspace in Debian's Chromium (Playwright), against ``shinsa serve`` started on a free
loopback port: sign in with the first admin's printed password, save a configuration, start a
run against a Python target, watch it finish live, open the report; and model output holding
script shows as text on every page and runs nothing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import free_port, wait_for_http
from shinsa.store.store import Store
from shinsa.testing.runs import attempt, write_run
from shinsa.web.workspace import Workspace

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
SHINSA = [sys.executable, "-c", "from shinsa.cli.main import main; main()"]
PAYLOADS = ("<script>window.__pwned=1</script>", '<img src=x onerror="window.__pwned=2">', '<a href="javascript:window.__pwned=3">click</a>')

pytestmark = [
    pytest.mark.integration,
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser installs it)"),
]


def cli(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run([*SHINSA, *args], env=env, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def served(sqlite_url: str) -> Iterator[tuple[str, str]]:
    """``shinsa serve`` on a free port with project A, its system and a hostile finished run."""
    env = {**os.environ, "SHINSA_DB": sqlite_url, "SHINSA_LANG": "en"}
    cli("projects", "add", "Ministry A", env=env)
    cli("projects", "system", "Ministry A", "sys-a", "--name", "System A", env=env)
    store = Store(sqlite_url)
    write_run(store, "hostile", [attempt(f"p1-{i}", 1, "complied", response=payload) for i, payload in enumerate(PAYLOADS)])
    Workspace(store.engine).file_run("hostile", "sys-a", state="attached", started_by=None)
    store.close()
    port = free_port()
    process = subprocess.Popen(
        [*SHINSA, "serve", "--port", str(port), "--allow-python-target", "shinsa.testing.bots"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert "shown this once only" in first, first + (process.stderr.read() if process.poll() is not None else "")
        password = first.rsplit(": ", 1)[1].strip()
        base = f"http://127.0.0.1:{port}"
        wait_for_http(base + "/login", 30, None)
        yield base, password
    finally:
        process.terminate()
        process.wait(10)


def test_sign_in_start_a_run_watch_it_and_read_the_report(served: tuple[str, str]) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the 'web' extra")
    base, password = served
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
            page.on("dialog", lambda dialog: problems.append(f"dialog: {dialog.message}"))
            page.goto(base + "/")
            assert page.url.endswith("/login")
            page.fill("input[name=username]", "admin")
            page.fill("input[name=password]", password)
            page.keyboard.press("Enter")
            page.wait_for_url(base + "/")
            assert page.locator("html").get_attribute("lang") == "ja"
            page.click("text=System A")
            page.fill("input[name=name]", "echo")
            page.fill("input[name=suites]", "quick")
            page.fill("input[name=target]", "python:shinsa.testing.bots:refuse")
            page.fill("input[name=limit]", "6")
            page.click("form[action$='/configs'] button[type=submit]")
            page.click("form[action$='/runs'] button[type=submit]")
            page.wait_for_url("**/runs/*")
            page.wait_for_selector("#results", timeout=120_000)  # live progress reloads the page at the end
            assert page.locator("#run-state").inner_text() == "完了"
            assert page.locator("#run-progress").evaluate("e => [e.value, e.max]") == [6, 6]
            assert page.locator("#results svg.radar-svg").count() == 1
            page.click("#report-link")
            page.wait_for_load_state("load")
            assert page.locator("svg.radar-svg").count() == 1

            for path in ("/runs/hostile/items", "/runs/hostile/hits", "/runs/hostile"):
                page.goto(base + path)
                page.wait_for_load_state("load")
                assert page.evaluate("typeof window.__pwned") == "undefined", path
            page.goto(base + "/runs/hostile/items")
            assert "<script>window.__pwned=1</script>" in page.locator("table").inner_text()
            assert problems == []
        finally:
            browser.close()
