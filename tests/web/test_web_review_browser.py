"""Review in a real browser (Debian's Chromium driven by Playwright) against the workspace served
on a free loopback port: sign in, review five verdicts with the keyboard (one override), see the
report change, and answer a checklist question with an evidence file."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from review_web_fixtures import PASSWORD, build_workspace

from conftest import free_port
from shinsa.store.store import Store
from shinsa.web.app import create_app
from shinsa.web.deps import Settings

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.integration,
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser installs it)"),
]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Store]]:
    """The workspace on 127.0.0.1 at a free port, in a thread of this process."""
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is in the 'web' extra")
    store = build_workspace(f"sqlite:///{tmp_path / 'web.db'}").store
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(store, settings=Settings(secure_cookies=False)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "the workspace did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", store
    server.should_exit = True
    thread.join(10)


def test_review_five_verdicts_with_the_keyboard_and_fill_a_checklist(served: tuple[str, Store], tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the 'web' extra")
    base, store = served
    evidence = tmp_path / "data-policy.pdf"
    evidence.write_bytes(b"%PDF-1.7\n% synthetic evidence for a browser test\n")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            problems: list[str] = []
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(f"{base}/login")
            page.fill("input[name=username]", "sato")
            page.fill("input[name=password]", PASSWORD)
            page.press("input[name=password]", "Enter")
            page.wait_for_url(f"{base}/")

            page.goto(f"{base}/runs/ra/report")
            assert "5 件中 0 件の判定を人が確認しました" in page.content()

            page.goto(f"{base}/runs/ra/review")
            page.keyboard.press("j")
            page.keyboard.press("Enter")
            for step in range(5):
                page.wait_for_selector("#decision")
                if step == 1:  # h-2: the automatic "refused" is wrong here, override with 3 (complied)
                    assert page.evaluate("typeof window.__pwned") == "undefined"
                    page.keyboard.press("3")
                    assert page.is_checked("input[name=outcome][value=complied]")
                with page.expect_navigation():
                    page.keyboard.press("Enter")
            page.wait_for_selector("#queue-empty")

            assert store.reviewed_count("ra") == 5
            decided = {row["item_id"]: row["outcome"] for row in store.iter_attempts("ra")}
            assert decided == {"h-1": "refused", "h-2": "complied", "h-3": "refused", "h-4": "refused", "b-1": "complied"}
            page.goto(f"{base}/runs/ra/report")
            assert "5 件中 5 件の判定を人が確認しました" in page.content()

            page.goto(f"{base}/runs/ra/checklist")
            form = page.locator("form[action='/runs/ra/checklist/p09-q01']")
            form.locator("select[name=answer]").select_option("partially_problematic")
            form.locator("textarea[name=evidence]").fill("学習データの出所は一部のみ記録されている")
            form.locator("input[type=file]").set_input_files(str(evidence))
            with page.expect_navigation():
                form.locator("button[type=submit]").click()
            assert page.locator("#p09-q01 .evidence-files a").inner_text() == "data-policy.pdf"
            assert problems == []
        finally:
            browser.close()
    [answer] = store.checklist_answers("ra")
    assert answer["answer"] == "partially_problematic"
