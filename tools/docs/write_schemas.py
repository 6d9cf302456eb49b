"""Write the JSON Schemas of Shinsa's input files to docs/schemas/, generated from the pydantic models
that read them, so editors can validate suites, plans, policies and answers as they are typed.

    python tools/docs/write_schemas.py           # (re)write docs/schemas/*.schema.json
    python tools/docs/write_schemas.py --check   # exit 1 if a committed schema is out of date

The models' schemas are used as they are, widened only where a validator accepts more than the
annotation says: perspectives by key or name (``toxic``, ``プライバシー保護``) besides 1-10, and
checklist answers by their Japanese or English label besides the value. tests/docs/test_schemas.py
fails when a committed file differs from what this script writes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from shinsa.checklists import AnswerScale, ChecklistAnswer
from shinsa.gov.decisions import DecisionInput
from shinsa.gov.intake import Intake
from shinsa.gov.public import Publication
from shinsa.items import Item
from shinsa.perspectives import _BY_NAME, PERSPECTIVES
from shinsa.redteam.plan import AttackPlan
from shinsa.report.policy import Policy
from shinsa.suites.bundled import BundledManifest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_DIR = ROOT / "docs" / "schemas"
DIALECT = "https://json-schema.org/draft/2020-12/schema"

Schema = dict[str, Any]


def perspective_names() -> list[str]:
    """Every string the perspective lookup accepts as written: "1", "01", keys, Japanese names,
    English names (the lookup also lower-cases them, which an enum cannot express)."""
    return sorted({*_BY_NAME, *(p.name_en for p in PERSPECTIVES)})


def perspective_ref(integer: Schema) -> Schema:
    """A perspective given by id (``integer``, the model's own schema) or by name."""
    return {"anyOf": [integer, {"type": "string", "enum": perspective_names()}]}


def _document(schema: Schema, title: str, description: str) -> Schema:
    """The schema with the dialect and a title first, for readers and editors."""
    rest = {key: value for key, value in schema.items() if key not in ("title", "description")}
    return {"$schema": DIALECT, "title": title, "description": description, **rest}


def item_schema() -> Schema:
    schema = Item.model_json_schema()
    properties = schema["properties"]
    properties["perspective"] = perspective_ref(
        {key: properties["perspective"][key] for key in ("type", "minimum", "maximum")}
    )
    return _document(schema, "Shinsa item", "One assessment item of a suite (JSONL line, YAML list entry or CSV row); see docs/formats.md.")


def suite_schema() -> Schema:
    return _document(
        BundledManifest.model_json_schema(),
        "Shinsa suite manifest",
        "suite.yaml of a suite folder or bundled suite; see docs/formats.md.",
    )


def attack_plan_schema() -> Schema:
    schema = AttackPlan.model_json_schema()
    listed = schema["properties"]["perspectives"]["anyOf"][0]
    listed["items"] = perspective_ref(listed["items"])
    return _document(schema, "Shinsa attack plan", "Attack plan YAML for shinsa redteam run; see docs/formats.md.")


def policy_schema() -> Schema:
    schema = Policy.model_json_schema()
    schema["properties"]["perspectives"]["propertyNames"] = {"enum": perspective_names()}
    return _document(schema, "Shinsa gate policy", "Policy YAML for shinsa gate and shinsa report --policy; see docs/formats.md.")


def checklist_answers_schema() -> Schema:
    answer = ChecklistAnswer.model_json_schema()
    scale = answer.pop("$defs")
    labels = sorted({member.label(language) for member in AnswerScale for language in ("ja", "en")})
    scale["AnswerScale"]["enum"] = [*scale["AnswerScale"]["enum"], *labels]
    answer_list = {"type": "array", "items": {"$ref": "#/$defs/ChecklistAnswer"}}
    envelope = {
        "type": "object",
        "additionalProperties": False,
        "required": ["answers"],
        "properties": {
            "answers": answer_list,
            "assessor": {"type": "string", "description": "For answers that name no assessor."},
            "date": {"type": "string", "format": "date", "description": "For answers that give no date."},
        },
    }
    schema = {"anyOf": [answer_list, envelope], "$defs": {**scale, "ChecklistAnswer": answer}}
    return _document(
        schema,
        "Shinsa checklist answers",
        "Assessor answers for shinsa checklist fill (YAML; CSV files have the same columns); see docs/formats.md.",
    )


def intake_schema() -> Schema:
    return _document(Intake.model_json_schema(), "Shinsa system intake", "Intake YAML for shinsa system add; see docs/government.md.")


def decision_schema() -> Schema:
    return _document(DecisionInput.model_json_schema(), "Shinsa decision", "Decision YAML for shinsa decision record; see docs/government.md.")


def publication_schema() -> Schema:
    return _document(Publication.model_json_schema(), "Shinsa publication", "Publication YAML for shinsa publish; see docs/government.md.")


SCHEMAS: dict[str, Callable[[], Schema]] = {
    "item": item_schema,
    "suite": suite_schema,
    "attack-plan": attack_plan_schema,
    "policy": policy_schema,
    "checklist-answers": checklist_answers_schema,
    "intake": intake_schema,
    "decision": decision_schema,
    "publication": publication_schema,
}


def rendered() -> dict[Path, str]:
    """Each schema file's path and exact text."""
    return {
        SCHEMA_DIR / f"{name}.schema.json": json.dumps(build(), ensure_ascii=False, indent=2) + "\n"
        for name, build in SCHEMAS.items()
    }


def stale() -> list[Path]:
    """Schema files that are missing or differ from what the models produce."""
    return [path for path, text in rendered().items() if not path.is_file() or path.read_text(encoding="utf-8") != text]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report out-of-date files (exit 1)")
    args = parser.parse_args()
    if args.check:
        outdated = stale()
        for path in outdated:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if outdated else 0
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in rendered().items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
