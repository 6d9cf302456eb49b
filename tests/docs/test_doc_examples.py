"""Every example file in docs/formats.md is read by the loader it documents (and, where a schema
exists, satisfies it), so the documentation cannot drift from what Shinsa accepts.

Example blocks carry their kind after the language: ```` ```yaml attack-plan ````.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from shinsa.checklists import Checklist, ChecklistQuestion, LocalizedText, load_answers, load_checklists
from shinsa.redteam.plan import load_plan
from shinsa.report.policy import load_policy
from shinsa.scorers.base import scorers
from shinsa.suites.importers.mapped import load_mapping_file
from shinsa.suites.loader import load_suite

REPO = Path(__file__).resolve().parents[2]
FORMATS = REPO / "docs" / "formats.md"
FENCE = re.compile(r"^```(\w+)(?: +([\w-]+))?\n(.*?)^```$", re.MULTILINE | re.DOTALL)
DATA_LANGUAGES = ("yaml", "csv", "jsonl")


def examples() -> list[tuple[str, str, str]]:
    """``(language, kind, text)`` of every fenced block in formats.md."""
    return [(m.group(1), m.group(2) or "", m.group(3)) for m in FENCE.finditer(FORMATS.read_text(encoding="utf-8"))]


def tagged(language: str, kind: str) -> list[str]:
    found = [text for lang, k, text in examples() if (lang, k) == (language, kind)]
    assert found, f"no ```{language} {kind} example in {FORMATS.name}"
    return found


def schema_errors(name: str, document: object) -> list[str]:
    schema = json.loads((REPO / "docs" / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    return [error.message for error in validator.iter_errors(json.loads(json.dumps(document, default=str)))]


def test_every_data_example_names_its_kind() -> None:
    untagged = [text.splitlines()[0] for lang, kind, text in examples() if lang in DATA_LANGUAGES and not kind]
    assert untagged == [], "tag these examples (```yaml KIND) so they are checked"


@pytest.mark.parametrize(("language", "suffix"), [("yaml", ".yaml"), ("csv", ".csv")])
def test_item_examples_load_as_suites(tmp_path: Path, language: str, suffix: str) -> None:
    for number, text in enumerate(tagged(language, "items")):
        path = tmp_path / f"example{number}{suffix}"
        path.write_text(text, encoding="utf-8")
        suite = load_suite(str(path))
        assert suite.scan(set(scorers.names())).items >= 2
        for item in suite.items():
            assert schema_errors("item", item.model_dump(mode="json", exclude_defaults=True)) == []


def test_suite_manifest_example_loads_as_a_folder_suite(tmp_path: Path) -> None:
    (text,) = tagged("yaml", "suite")
    (tmp_path / "suite.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "core.jsonl").write_text('{"id": "a", "perspective": 1, "prompt": "こんにちは"}\n', encoding="utf-8")
    suite = load_suite(str(tmp_path))
    manifest = yaml.safe_load(text)
    assert (suite.name, suite.version) == (manifest["name"], manifest["version"])
    assert schema_errors("suite", manifest) == []


def test_attack_plan_example_loads(tmp_path: Path) -> None:
    (text,) = tagged("yaml", "attack-plan")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    plan = load_plan(path)
    assert plan.attacks()
    assert schema_errors("attack-plan", yaml.safe_load(text)) == []


def test_policy_example_loads(tmp_path: Path) -> None:
    (text,) = tagged("yaml", "policy")
    path = tmp_path / "policy.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = load_policy(path)
    assert loaded.policy.perspectives and loaded.policy.relative is not None
    assert schema_errors("policy", yaml.safe_load(text)) == []


def test_checklist_answer_examples_load(tmp_path: Path) -> None:
    leaf = ChecklistQuestion.model_construct(
        id="G1-12",
        question=LocalizedText.model_construct(ja="葉", en="leaf"),
        guidance=LocalizedText.model_construct(ja="", en=""),
        evidence_hint=LocalizedText.model_construct(ja="", en=""),
        aisev_gsn="G1-12",
    )
    checklists = [*load_checklists(), Checklist.model_construct(perspective=1, version="gsn", questions=[leaf])]
    (yaml_text,) = tagged("yaml", "checklist-answers")
    (csv_text,) = tagged("csv", "checklist-answers")
    for name, text in (("answers.yaml", yaml_text), ("answers.csv", csv_text)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert load_answers(path, checklists)
    assert schema_errors("checklist-answers", yaml.safe_load(yaml_text)) == []


def test_mapping_file_example_loads(tmp_path: Path) -> None:
    (text,) = tagged("yaml", "mapping")
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    mapping = load_mapping_file(path)
    assert mapping.columns["prompt"] == "input.text"
