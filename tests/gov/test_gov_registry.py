"""Registry: the decision in force, open conditions, suite versions, and when re-assessment is
due — a year after the decision, or at once when the model, vendor, risk level or suite changes."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from gov_fixtures import example, intake_data, keys, record_system, shinsa, verified_evidence

from shinsa.gov import registry as registry_module
from shinsa.gov.decisions import DecisionInput, record_decision, sign_decision
from shinsa.gov.records import GovRecords
from shinsa.gov.registry import add_months, history, registry
from shinsa.store.store import Store
from shinsa.suites.bundled import BundledManifest

DAY = datetime.date(2026, 12, 5)


@pytest.fixture
def decided(tmp_path: Path, sqlite_url: str) -> GovRecords:
    records, bundle_hash = verified_evidence(Store(sqlite_url), tmp_path)
    private, _ = keys(tmp_path / "approver", "caio")
    decision = DecisionInput.model_validate({**example("city-faq-decision.yaml"), "evidence": [bundle_hash]})
    sign_decision(records, record_decision(records, decision), private)
    return records


def test_undecided_system_is_due_now(tmp_path: Path, sqlite_url: str) -> None:
    records = GovRecords(Store(sqlite_url))
    record_system(records)
    [entry] = registry(records, DAY)
    assert entry.decision is None and entry.next_due == DAY
    assert entry.due_reasons[0].en == "No signed decision yet."


def test_decided_system_is_due_a_year_later_with_its_conditions_and_suites(decided: GovRecords) -> None:
    [entry] = registry(decided, DAY)
    assert entry.decision is not None and entry.risk_level == "high"
    assert entry.next_due == datetime.date(2027, 12, 4) and entry.due_reasons == []
    assert [c["id"] for c in entry.open_conditions] == ["scope-notice", "waf-rule"]
    assert entry.suite_versions == ["quick 1.0.0"]
    [later] = registry(decided, datetime.date(2027, 12, 4))
    assert later.overdue(datetime.date(2027, 12, 4)) and later.due_reasons[0].en == "The periodic re-assessment is due."


def test_a_new_model_makes_reassessment_due_at_once(decided: GovRecords) -> None:
    changed = intake_data(version="2026.2")
    changed["model"] = {"name": "faq-bot-2", "provider": "Example Vendor"}
    record_system(decided, changed)
    [entry] = registry(decided, DAY)
    assert entry.version == "2026.2" and entry.next_due == DAY
    assert [reason.en for reason in entry.due_reasons] == ["The model changed."]


def test_a_newer_suite_version_makes_reassessment_due(decided: GovRecords, monkeypatch: pytest.MonkeyPatch) -> None:
    def newer(name: str) -> BundledManifest:
        return BundledManifest(name=name, version="2.0.0")

    monkeypatch.setattr(registry_module, "load_manifest", newer)
    [entry] = registry(decided, DAY)
    assert entry.next_due == DAY
    assert [reason.en for reason in entry.due_reasons] == ["Suite quick is now at version 2.0.0."]


def test_history_says_what_is_comparable(decided: GovRecords, tmp_path: Path, sqlite_url: str) -> None:
    _, bundle_hash = verified_evidence(decided.store, tmp_path, run_id="v2")
    private, _ = keys(tmp_path / "approver2", "caio")
    decision = DecisionInput.model_validate({**example("city-faq-decision.yaml"), "evidence": [bundle_hash], "date": "2027-12-01"})
    sign_decision(decided, record_decision(decided, decision), private)
    [comparison] = history(decided, "city-faq")
    assert comparison.comparable == ["quick 1.0.0"] and comparison.not_comparable == []
    shown = shinsa("registry", "--history", "city-faq", "--lang", "en", db=sqlite_url)
    assert shown.returncode == 0, shown.stderr
    assert "comparable: quick 1.0.0" in shown.stdout


def test_add_months_keeps_the_day_or_the_month_end() -> None:
    assert add_months(datetime.date(2026, 12, 4), 12) == datetime.date(2027, 12, 4)
    assert add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)


def test_cli_registry_lists_the_system_in_both_languages(decided: GovRecords, sqlite_url: str) -> None:
    ja = shinsa("registry", "--today", "2026-12-05", db=sqlite_url)
    en = shinsa("registry", "--today", "2026-12-05", "--lang", "en", db=sqlite_url)
    assert ja.returncode == 0 and en.returncode == 0, ja.stderr + en.stderr
    assert "条件付きで利用可" in ja.stdout and "2027-12-04" in ja.stdout
    assert "go with conditions" in en.stdout and "quick 1.0.0" in en.stdout
    bad = shinsa("registry", "--today", "tomorrow", db=sqlite_url)
    assert bad.returncode == 2 and "not a date" in bad.stderr


def test_history_flags_a_suite_used_in_only_one_assessment(decided: GovRecords, tmp_path: Path) -> None:
    tiny = tmp_path / "tiny.jsonl"
    tiny.write_text('{"id": "a", "perspective": 1, "prompt": "ごみの日はいつですか"}\n', encoding="utf-8")
    _, bundle_hash = verified_evidence(decided.store, tmp_path, run_id="v3", suite=str(tiny))
    private, _ = keys(tmp_path / "approver3", "caio")
    decision = DecisionInput.model_validate({**example("city-faq-decision.yaml"), "evidence": [bundle_hash], "date": "2027-12-01"})
    sign_decision(decided, record_decision(decided, decision), private)
    [comparison] = history(decided, "city-faq")
    assert comparison.comparable == []
    assert sorted(reason.en for reason in comparison.not_comparable) == ["quick: used in only one assessment", "tiny: used in only one assessment"]
