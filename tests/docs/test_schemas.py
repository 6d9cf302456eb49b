"""The JSON Schemas in docs/schemas/ match the models that read Shinsa's files, and accept what
Shinsa accepts (bundled suites, perspectives by name, checklist answers by label)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from shinsa.checklists import AnswerScale
from shinsa.items import Item
from shinsa.perspectives import PERSPECTIVES
from shinsa.suites.bundled import bundled_names, data_root, load_bundled

REPO = Path(__file__).resolve().parents[2]
WRITER = REPO / "tools" / "docs" / "write_schemas.py"


def _writer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("write_schemas", WRITER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("write_schemas", module)
    spec.loader.exec_module(module)
    return module


write_schemas = _writer()


def validator(name: str) -> Draft202012Validator:
    schema = json.loads((REPO / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=FormatChecker())


def errors(name: str, document: Any) -> list[str]:
    return [error.message for error in validator(name).iter_errors(document)]


def test_committed_schemas_are_what_the_models_produce() -> None:
    outdated = [str(path.relative_to(REPO)) for path in write_schemas.stale()]
    assert outdated == [], f"out of date: {outdated}; run python tools/docs/write_schemas.py"


def test_a_changed_schema_file_is_reported_stale(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(write_schemas, "SCHEMA_DIR", tmp_path)
    for path, text in write_schemas.rendered().items():
        path.write_text(text, encoding="utf-8")
    assert write_schemas.stale() == []
    item = tmp_path / "item.schema.json"
    item.write_text(item.read_text(encoding="utf-8").replace('"benign"', '"harmless"'), encoding="utf-8")
    (tmp_path / "policy.schema.json").unlink()
    assert sorted(path.name for path in write_schemas.stale()) == ["item.schema.json", "policy.schema.json"]


@pytest.mark.parametrize("name", list(write_schemas.SCHEMAS))
def test_schemas_are_valid_draft_2020_12(name: str) -> None:
    Draft202012Validator.check_schema(validator(name).schema)


def test_every_bundled_item_satisfies_the_item_schema() -> None:
    checked = 0
    for name in bundled_names():
        for item in load_bundled(name).items():
            assert errors("item", item.model_dump(mode="json", exclude_defaults=True)) == [], item.id
            checked += 1
    assert checked > 1000


def test_bundled_manifests_satisfy_the_suite_schema() -> None:
    for name in bundled_names():
        manifest = yaml.safe_load((data_root() / name / "suite.yaml").read_text(encoding="utf-8"))
        assert errors("suite", manifest) == [], name


def test_perspective_names_are_accepted_like_the_model_accepts_them() -> None:
    for perspective in PERSPECTIVES:
        for ref in (perspective.id, str(perspective.id), perspective.key, perspective.name_ja, perspective.name_en):
            record = {"id": "x", "perspective": ref, "prompt": "こんにちは"}
            assert errors("item", record) == [], ref
            assert Item.model_validate(record).perspective == perspective.id
    for bad in ("toxicity", 0, 11):
        record = {"id": "x", "perspective": bad, "prompt": "こんにちは"}
        assert errors("item", record), bad
        with pytest.raises(ValueError):
            Item.model_validate(record)


def test_item_schema_rejects_what_the_model_rejects() -> None:
    assert errors("item", {"id": "x", "perspective": 1, "prompt": "q", "colour": "red"})
    assert errors("item", {"id": "x", "perspective": 1, "prompt": "q", "expected": "obey"})
    assert errors("item", {"id": "x", "perspective": 1})


def test_checklist_answers_by_value_or_label_in_either_layout() -> None:
    answers = [{"question_id": "p05-q01", "answer": member.value} for member in AnswerScale]
    answers += [{"question_id": "p05-q02", "answer": member.label(lang)} for member in AnswerScale for lang in ("ja", "en")]
    assert errors("checklist-answers", answers) == []
    envelope = {"assessor": "テスト 花子", "date": "2026-12-01", "answers": answers}
    assert errors("checklist-answers", envelope) == []
    assert errors("checklist-answers", {"answers": [{"question_id": "p05-q01", "answer": "fine"}]})
    assert errors("checklist-answers", {"answers": [], "reviewer": "x"})


def test_policy_perspectives_by_name_or_id() -> None:
    assert errors("policy", {"perspectives": {"toxic": {"min_score": 90}, "5": {"min_n": 10}}}) == []
    assert errors("policy", {"perspectives": {"toxicity": {"min_score": 90}}})
    assert errors("policy", {"defaults": {"min_score": 120}})


def test_attack_plan_perspectives_by_name_or_id() -> None:
    assert errors("attack-plan", {"name": "p", "converters": ["base64"], "perspectives": [1, "privacy"]}) == []
    assert errors("attack-plan", {"name": "p", "perspectives": ["nothing"]})
    assert errors("attack-plan", {"converters": ["base64"]})


@pytest.mark.parametrize(("name", "example"), [("intake", "city-faq-intake.yaml"), ("decision", "city-faq-decision.yaml"), ("publication", "publication.yaml")])
def test_government_examples_satisfy_their_schemas(name: str, example: str) -> None:
    document = yaml.safe_load((REPO / "examples" / "gov" / example).read_text(encoding="utf-8"))
    assert errors(name, json.loads(json.dumps(document, default=str))) == []
    broken = {key: value for key, value in document.items() if key not in ("users", "approver", "systems")}
    assert errors(name, json.loads(json.dumps(broken, default=str)))
