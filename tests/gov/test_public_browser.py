"""The public pages in Debian's Chromium: WCAG 2.1 A/AA rules of axe-core (shipped by
axe-playwright-python) find no violation, and the pages load nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from gov_fixtures import EXAMPLES, decide, verified_evidence

from shinsa.gov.public import load_publication, render_site, write_site
from shinsa.store.store import Store

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (make browser installs it)"),
]


def test_public_pages_pass_axe_wcag21_aa(tmp_path: Path, sqlite_url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is in the 'web' extra")
    axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is in the 'dev' extra")
    records, bundle_hash = verified_evidence(Store(sqlite_url), tmp_path)
    decide(records, bundle_hash, tmp_path / "approver")
    pages = write_site(render_site(records, load_publication(EXAMPLES / "publication.yaml")), tmp_path / "site")
    ARTIFACTS.mkdir(exist_ok=True)
    axe = axe_module.Axe()
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            for path in pages:
                page = browser.new_page(viewport={"width": 1000, "height": 800})
                requests: list[str] = []
                page.on("request", lambda request, seen=requests: seen.append(request.url))
                page.goto(path.as_uri())
                page.wait_for_load_state("load")
                assert requests == [path.as_uri()]
                assert page.evaluate("document.documentElement.lang") == "ja"
                assert page.evaluate("document.scripts.length") == 0
                results = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG21_AA}})
                violations = [(v["id"], v["help"], len(v["nodes"])) for v in results.response["violations"]]
                assert violations == [], violations
                assert results.response["passes"], "axe ran no rule"
                page.screenshot(path=str(ARTIFACTS / f"gov-{path.stem}.png"), full_page=True)
                page.close()
        finally:
            browser.close()
