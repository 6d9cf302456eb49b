"""The report in a real browser (Debian's Chromium driven by Playwright): it renders, no script
from model output runs, nothing logs an error, and harmful answers stay blurred until clicked.
A screenshot is kept under artifacts/ for people to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import store_fixture  # noqa: F401 (provides the store fixture)

from shinsa.report.html import write_report
from shinsa.store.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.integration,
    pytest.mark.chromium,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser installs it)"),
]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_report_in_chromium(store: Store, tmp_path: Path, lang: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the 'web' extra")
    report = write_report(store, ["base", "fixed"], tmp_path / "report", lang=lang)
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            problems: list[str] = []
            page.on("console", lambda message: problems.append(f"{message.type}: {message.text}") if message.type in ("error", "warning") else None)
            page.on("pageerror", lambda error: problems.append(f"pageerror: {error}"))
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")

            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert page.evaluate("document.scripts.length") == 0
            assert problems == []
            assert requests == [report.as_uri()]  # self-contained: nothing else is fetched

            radar = page.locator("svg.radar-svg")
            box = radar.bounding_box()
            assert box is not None and box["width"] > 400 and box["height"] > 300
            assert radar.locator("text.axis-label").count() == 10
            assert radar.locator("g.series polygon").count() == 2
            assert page.locator("table.scores tbody tr").count() == 20  # two runs x ten perspectives
            consistency = page.locator("#consistency")
            assert consistency.locator("table").count() == 4  # fairness groups, BBQ, robustness groups, JA/EN pairs
            assert consistency.locator("table.consistency .ibar-dot").count() == 3

            drill = page.locator("details.drill").first
            drill.locator("summary").click()
            answer = drill.locator("pre.answer.harmful").first
            assert "blur" in answer.evaluate("e => getComputedStyle(e).filter")
            drill.locator("label.reveal-label").first.click()
            assert answer.evaluate("e => getComputedStyle(e).filter") == "none"
            assert "<script>" in drill.inner_text()  # the hostile answer shows as text
            assert page.evaluate("typeof window.__pwned") == "undefined"

            page.screenshot(path=str(ARTIFACTS / f"report-{lang}.png"), full_page=True)
            page.emulate_media(media="print")
            assert answer.evaluate("e => getComputedStyle(e).display") == "none"
            assert problems == []
        finally:
            browser.close()
