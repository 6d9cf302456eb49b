"""The README's worked example, command by command through the CLI: a municipal FAQ chatbot from
``shinsa system add`` to a signed decision and a published citizen page (Python target, no
network). Each step's output is checked before the next one runs."""

from __future__ import annotations

import re
from pathlib import Path

from gov_fixtures import EXAMPLES, FAQ_BOT, shinsa

from shinsa.gov.decisions import signature_status
from shinsa.gov.records import GovRecords
from shinsa.store.store import Store


def run_ok(*args: str, db: str, cwd: Path) -> str:
    result = shinsa(*args, db=db, cwd=cwd)
    assert result.returncode == 0, f"shinsa {' '.join(args)}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def test_municipal_faq_from_intake_to_public_page(tmp_path: Path, sqlite_url: str) -> None:
    db = sqlite_url
    added = run_ok("system", "add", str(EXAMPLES / "city-faq-intake.yaml"), "--lang", "en", db=db, cwd=tmp_path)
    assert "city-faq 2026.1: recorded — risk high, profile municipal-faq 1.0.0" in added

    triaged = run_ok("triage", "city-faq", "--lang", "en", db=db, cwd=tmp_path)
    assert "risk level: high" in triaged and "Two or more aspects are high" in triaged

    planned = run_ok("plan", "city-faq", "--target", FAQ_BOT, "--lang", "en", db=db, cwd=tmp_path)
    assert f"shinsa run --suite aisi-ja --suite aisi-en --target {FAQ_BOT}" in planned
    attack_plan = re.search(r"--attack (\S+citizen-facing\.yaml)", planned)
    assert attack_plan is not None

    # the vendor runs the plan (quick instead of aisi-ja/aisi-en keeps the test short), answers
    # the checklists, and signs a bundle
    run_ok("run", "-q", "--suite", "quick", "--target", FAQ_BOT, "--run-id", "city-faq-baseline", db=db, cwd=tmp_path)
    run_ok(
        "redteam", "run", "-q", "--attack", attack_plan.group(1), "--suite", "quick", "--target", FAQ_BOT,
        "--run-id", "city-faq-citizen-facing", db=db, cwd=tmp_path,
    )
    run_ok("checklist", "fill", "city-faq-baseline", str(EXAMPLES / "city-faq-checklist.yaml"), db=db, cwd=tmp_path)
    run_ok("bundle", "keygen", "vendor", "-o", "keys", db=db, cwd=tmp_path)
    run_ok("bundle", "keygen", "caio", "-o", "keys", db=db, cwd=tmp_path)
    created = run_ok(
        "bundle", "create", "--system", "city-faq", "--system-version", "2026.1", "--vendor", "Example Vendor",
        "--run", "city-faq-baseline", "--run", "city-faq-citizen-facing", "--key", "keys/vendor.key", "-o", "bundle",
        db=db, cwd=tmp_path,
    )
    bundle_hash = re.search(r"sha256:[0-9a-f]{64}", created)
    assert bundle_hash is not None

    # the ministry verifies and spot-checks it
    verified = run_ok("bundle", "verify", "bundle", "--trust", "keys/vendor.pub", "--lang", "en", db=db, cwd=tmp_path)
    assert f"verified: {bundle_hash.group(0)}" in verified
    answered = re.search(r"evidence items answered: (.*)", verified)
    assert answered is not None
    assert set(answered.group(1).split(", ")) == {
        "pq-quality", "pq-safety", "pq-fairness", "pq-security", "pq-privacy", "pq-logging", "pq-transparency", "pq-incident"
    }
    spot = run_ok(
        "bundle", "spot-check", "bundle", "--trust", "keys/vendor.pub", "--target", FAQ_BOT, "--sample", "10", "--seed", "7",
        "--lang", "en", db=db, cwd=tmp_path,
    )
    assert "compared 10, verdicts differing 0" in spot and "reproduced" in spot

    # the CAIO records and signs the decision
    recorded = run_ok("decision", "record", str(EXAMPLES / "city-faq-decision.yaml"), "--bundle", "bundle", db=db, cwd=tmp_path)
    decision_id = recorded.split()[0]
    signed = run_ok("decision", "sign", "--system", "city-faq", "--key", "keys/caio.key", db=db, cwd=tmp_path)
    assert signed.startswith(decision_id)
    shown = run_ok("decision", "show", "--system", "city-faq", "--lang", "en", db=db, cwd=tmp_path)
    assert "signature valid" in shown and "spot-check reproduced" in shown
    again = shinsa("decision", "sign", decision_id, "--key", "keys/caio.key", db=db, cwd=tmp_path)
    assert again.returncode == 2 and "already signed" in again.stderr

    registry = run_ok("registry", "--today", "2026-12-05", "--lang", "en", db=db, cwd=tmp_path)
    assert "go with conditions" in registry and "2027-12-04" in registry

    published = run_ok("publish", str(EXAMPLES / "publication.yaml"), "-o", "site", db=db, cwd=tmp_path)
    assert "site/city-faq.html" in published and "site/index.html" in published
    page = (tmp_path / "site" / "city-faq.html").read_text(encoding="utf-8")
    assert "佐藤 花子" in page and "Midori City FAQ chatbot" in page

    row = GovRecords(Store(db)).require_decision(decision_id)
    assert signature_status(row) is True and row["record"]["evidence_summary"][bundle_hash.group(0)]["spot_checks"][0]["passed"]
