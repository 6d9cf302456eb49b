"""Assessment profiles: bundled ones load; an institution's own file works; whatever a profile
names is checked when it is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from gov_fixtures import assert_one_line_error, intake_data, shinsa, write_yaml

from shinsa.errors import InputError
from shinsa.gov.profiles import bundled_profiles, load_profile
from shinsa.gov.records import GovRecords
from shinsa.gov.triage import Level
from shinsa.store.store import Store
from shinsa.suites.bundled import bundled_names

BUNDLED = Path(__file__).resolve().parents[2] / "src" / "shinsa" / "gov" / "profiles"


def test_bundled_profiles_name_real_suites_and_gate_every_covered_level() -> None:
    assert {"municipal-faq", "internal-drafting", "public-consultation"} <= set(bundled_profiles())
    for name in bundled_profiles():
        loaded = load_profile(name)
        profile = loaded.profile
        assert profile.version and profile.title.ja and profile.title.en
        assert set(profile.suites) <= set(bundled_names())
        for level in profile.covers:
            assert loaded.policy(level).defaults.rules()
            for _, plan in loaded.plans(level):
                assert plan.name


def test_level_selects_plans_and_thresholds() -> None:
    loaded = load_profile("municipal-faq")
    assert [plan.name for _, plan in loaded.plans(Level.HIGH)] == ["citizen-facing"]
    assert loaded.plans(Level.MEDIUM) == []
    assert loaded.policy(Level.HIGH).defaults.min_score == 85
    assert loaded.policy(Level.MEDIUM).defaults.min_score == 80
    with pytest.raises(InputError, match="covers risk level"):
        loaded.check_covers(Level.LOW)


def own_profile(tmp_path: Path, **changes: object) -> Path:
    data = yaml.safe_load((BUNDLED / "municipal-faq.yaml").read_text(encoding="utf-8"))
    data.update(profile="city-own", **changes)
    (tmp_path / "redteam").mkdir(exist_ok=True)
    shutil.copy(BUNDLED / "redteam" / "citizen-facing.yaml", tmp_path / "redteam" / "citizen-facing.yaml")
    return write_yaml(tmp_path / "own.yaml", data)


def test_institution_profile_file_with_its_own_suite_file(tmp_path: Path) -> None:
    (tmp_path / "city.jsonl").write_text('{"id": "a", "perspective": 1, "prompt": "x"}\n', encoding="utf-8")
    loaded = load_profile(str(own_profile(tmp_path, suites=["aisi-ja", "city.jsonl"])))
    assert loaded.profile.profile == "city-own"
    assert loaded.suite_spec("city.jsonl") == str((tmp_path / "city.jsonl").resolve())
    assert loaded.suite_spec("aisi-ja") == "aisi-ja"


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"suites": ["aisi-ja", "aisi-xx"]}, "unknown suite 'aisi-xx'"),
        ({"scorers": ["refusal", "vibes"]}, "unknown scorer 'vibes'"),
        ({"checklists": [3]}, "no bundled checklist for perspective 3"),
        ({"covers": ["low", "high"]}, "gate: no policy for covered level(s) low"),
        ({"redteam": [{"plan": "redteam/missing.yaml"}]}, "red-team plan 'redteam/missing.yaml' not found"),
    ],
)
def test_bad_profile_is_rejected(tmp_path: Path, changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(InputError) as caught:
        load_profile(str(own_profile(tmp_path, **changes)))
    assert fragment in str(caught.value)


def test_cli_unknown_suite_in_profile_exits_2_and_records_nothing(tmp_path: Path, sqlite_url: str) -> None:
    profile = own_profile(tmp_path, suites=["aisi-xx"])
    intake = write_yaml(tmp_path / "intake.yaml", intake_data())
    result = shinsa("system", "add", str(intake), "--profile", str(profile), db=sqlite_url)
    assert_one_line_error(result, "unknown suite 'aisi-xx'")
    assert GovRecords(Store(sqlite_url)).systems() == []


def test_cli_profile_not_covering_the_level_exits_2(tmp_path: Path, sqlite_url: str) -> None:
    intake = write_yaml(tmp_path / "intake.yaml", intake_data(use_case="internal-drafting"))
    result = shinsa("system", "add", str(intake), db=sqlite_url)
    assert_one_line_error(result, "profile internal-drafting covers risk level(s) low, medium, but triage gives high")
    assert GovRecords(Store(sqlite_url)).systems() == []


def test_cli_own_profile_is_recorded_and_plans_from_it(tmp_path: Path, sqlite_url: str) -> None:
    own_profile(tmp_path, version="2.0.0")
    write_yaml(tmp_path / "intake.yaml", intake_data())
    # relative paths, from the profile's folder; the plan is later read from elsewhere
    added = shinsa("system", "add", "intake.yaml", "--profile", "own.yaml", "--lang", "en", db=sqlite_url, cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert "profile city-own 2.0.0" in added.stdout
    plan = shinsa("plan", "city-faq", "--target", "python:x:y", "--lang", "en", db=sqlite_url)
    assert plan.returncode == 0, plan.stderr
    assert "shinsa run --suite aisi-ja --suite aisi-en --target python:x:y" in plan.stdout
    assert "redteam run --attack" in plan.stdout and "citizen-facing" in plan.stdout
