"""Intake validation and DS-920 triage: each aspect gives a level with a reason and a source."""

from __future__ import annotations

from pathlib import Path

import pytest
from gov_fixtures import assert_one_line_error, intake_data, shinsa, write_yaml

from shinsa.errors import InputError
from shinsa.gov.catalogue import catalogue
from shinsa.gov.intake import Intake, load_intake
from shinsa.gov.records import GovRecords
from shinsa.gov.triage import Level, triage
from shinsa.store.store import Store


def test_worked_example_intake_is_high_risk_with_reasons() -> None:
    result = triage(Intake.model_validate(intake_data()))
    assert result.level is Level.HIGH
    levels = {finding.aspect: finding.level for finding in result.findings}
    assert levels == {
        "users": Level.HIGH,
        "work": Level.MEDIUM,
        "confidential_training": Level.LOW,
        "human_judgement": Level.HIGH,
        "personal_data": Level.LOW,
        "channel": Level.MEDIUM,
    }
    assert "users" in result.decisive.en and "human_judgement" in result.decisive.en
    for finding in result.findings:
        assert finding.reason.ja and finding.reason.en
        assert result.cite(finding.aspect, "ja") and result.cite(finding.aspect, "en")


def test_staff_drafting_with_review_is_low() -> None:
    data = intake_data(users="staff", work="internal_support", human_review="always", channel="internal_tool")
    assert triage(Intake.model_validate(data)).level is Level.LOW


def test_one_medium_aspect_gives_medium() -> None:
    data = intake_data(users="staff", work="internal_support", human_review="sometimes", channel="internal_tool")
    assert triage(Intake.model_validate(data)).level is Level.MEDIUM


@pytest.mark.parametrize("flag", ["trains_on_confidential", "my_number"])
def test_confidential_training_or_my_number_is_high_on_its_own(flag: str) -> None:
    data = intake_data(users="staff", work="internal_support", human_review="always", channel="internal_tool")
    data["data"] = {**data["data"], flag: True}
    result = triage(Intake.model_validate(data))
    assert result.level is Level.HIGH
    assert "high risk on its own" in result.decisive.en


def test_every_ds920_aspect_cites_the_high_risk_sheet_and_admits_missing_section_numbers() -> None:
    book = catalogue()
    ds920 = [aspect for aspect in book.aspects if aspect.source.doc == "ds920"]
    assert [a.id for a in ds920] == ["users", "work", "confidential_training", "human_judgement"]
    for aspect in ds920:
        assert "高リスク判定シート" in aspect.source.part
        assert aspect.source.section is None
        assert "section number not found" in aspect.source.cite(book, "en")
        assert "節番号未確認" in aspect.source.cite(book, "ja")
    assert book.version and book.date


def test_missing_aspect_is_a_one_line_error(tmp_path: Path) -> None:
    data = intake_data()
    del data["human_review"]
    with pytest.raises(InputError, match="human_review: Field required"):
        load_intake(write_yaml(tmp_path / "intake.yaml", data))


def test_missing_data_flag_names_the_field(tmp_path: Path) -> None:
    data = intake_data()
    del data["data"]["trains_on_confidential"]
    with pytest.raises(InputError, match=r"data\.trains_on_confidential: Field required"):
        load_intake(write_yaml(tmp_path / "intake.yaml", data))


def test_cli_rejects_intake_without_an_aspect_and_records_nothing(tmp_path: Path, sqlite_url: str) -> None:
    data = intake_data()
    del data["users"]
    result = shinsa("system", "add", str(write_yaml(tmp_path / "intake.yaml", data)), db=sqlite_url)
    assert_one_line_error(result, "users: Field required")
    assert GovRecords(Store(sqlite_url)).systems() == []


def test_cli_triage_of_a_file_shows_sources_in_both_languages(tmp_path: Path, sqlite_url: str) -> None:
    path = write_yaml(tmp_path / "intake.yaml", intake_data())
    ja = shinsa("triage", str(path), db=sqlite_url)
    en = shinsa("triage", str(path), "--lang", "en", db=sqlite_url)
    assert ja.returncode == 0 and en.returncode == 0, ja.stderr + en.stderr
    assert "リスク: 高" in ja.stdout and "利用者の範囲・種別" in ja.stdout
    assert "risk level: high" in en.stdout and "section number not found" in en.stdout
    assert GovRecords(Store(sqlite_url)).systems() == []  # triage of a file records nothing


def test_catalogue_evidence_items_name_real_checklists_and_sources() -> None:
    from shinsa.checklists import load_checklists

    book = catalogue()
    bundled = {checklist.perspective for checklist in load_checklists()}
    for item in book.evidence:
        assert item.source.doc in book.sources and (item.also is None or item.also.doc in book.sources)
        assert set(item.checklists) <= bundled and all(1 <= p <= 8 for p in item.perspectives)
        assert item.question.ja and item.question.en
    assert len({item.id for item in book.evidence}) == len(book.evidence)


def test_cli_system_add_list_and_show(tmp_path: Path, sqlite_url: str) -> None:
    path = write_yaml(tmp_path / "intake.yaml", intake_data())
    first = shinsa("system", "add", str(path), db=sqlite_url)
    again = shinsa("system", "add", str(path), "--lang", "en", db=sqlite_url)
    assert first.returncode == 0 and "登録しました" in first.stdout
    assert again.returncode == 0 and "already recorded" in again.stdout
    changed = intake_data(vendor="Another Vendor")
    clash = shinsa("system", "add", str(write_yaml(tmp_path / "changed.yaml", changed)), db=sqlite_url)
    assert_one_line_error(clash, "already recorded with different content")
    listed = shinsa("system", "list", "--lang", "en", db=sqlite_url)
    assert "city-faq" in listed.stdout and "Midori City FAQ chatbot" in listed.stdout and "high" in listed.stdout
    shown = shinsa("system", "show", "city-faq", db=sqlite_url)
    assert "みどり市 市民課" in shown.stdout and "municipal-faq 1.0.0" in shown.stdout
    assert "2026-XYZ" not in shown.stdout
