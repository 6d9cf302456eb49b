"""CI outputs of ``shinsa gate``: JUnit XML (one test case per threshold) and SARIF 2.1.0 (one
result per failed threshold, located at its rule in the policy file), so CI systems and
code-scanning views show which perspective failed which rule."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Any

import shinsa
from shinsa.report.i18n import Translator
from shinsa.report.policy import Check, Grades, LoadedPolicy, RelativeGrade, grade_fails

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _check_message(check: Check, t: Translator) -> str:
    measured = t("no_data") if check.value is None else f"{check.value:.1f}"
    return f"{check.perspective.id}. {check.perspective.name(t.lang)}: {t(f'rule_{check.rule}', threshold=f'{check.threshold:g}')} — {t('col_measured')} {measured}"


def _grade_message(grade: RelativeGrade, grades: Grades, t: Translator) -> str:
    level = t(f"level_{grade.level}") if grade.level else t("no_data")
    return f"{grade.perspective.id}. {grade.perspective.name(t.lang)}: {t('relative_heading', reference=grades.reference)} — {level}"


def junit_xml(grades: Grades, loaded: LoadedPolicy, lang: str = "en") -> str:
    t = Translator(lang)
    suite = ET.Element("testsuite", name=f"shinsa gate {grades.run_id}")
    failures = skipped = tests = 0
    for check in grades.checks:
        tests += 1
        case = ET.SubElement(suite, "testcase", classname=f"perspective.{check.perspective.key}", name=check.rule)
        if check.passed is None:
            skipped += 1
            ET.SubElement(case, "skipped", message=_check_message(check, t))
        elif not check.passed:
            failures += 1
            ET.SubElement(case, "failure", message=_check_message(check, t), type="threshold")
    relative = loaded.policy.relative
    for grade in grades.relative:
        tests += 1
        case = ET.SubElement(suite, "testcase", classname=f"perspective.{grade.perspective.key}", name="relative_grade")
        if relative is not None and grade_fails(relative, grade):
            failures += 1
            ET.SubElement(case, "failure", message=_grade_message(grade, grades, t), type="relative_grade")
    suite.set("tests", str(tests))
    suite.set("failures", str(failures))
    suite.set("skipped", str(skipped))
    suite.set("errors", "0")
    ET.indent(suite)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suite, encoding="unicode") + "\n"


def sarif(grades: Grades, loaded: LoadedPolicy, lang: str = "en") -> dict[str, Any]:
    t = Translator(lang)
    rules: dict[str, dict[str, Any]] = {}
    results = []
    location_uri = loaded.path.as_posix()

    def location(key: str) -> list[dict[str, Any]]:
        line = loaded.lines.get(key) or loaded.lines.get("defaults") or 1
        return [{"physicalLocation": {"artifactLocation": {"uri": location_uri}, "region": {"startLine": line}}}]

    for check in grades.checks:
        rule_id = f"shinsa/{check.rule}"
        rules.setdefault(rule_id, {"id": rule_id, "shortDescription": {"text": t(f"rule_{check.rule}", threshold="N")}})
        if check.passed is False:
            key = f"perspectives.{check.perspective.id}" if check.explicit else "defaults"
            results.append({"ruleId": rule_id, "level": "error", "message": {"text": _check_message(check, t)}, "locations": location(key)})
    relative = loaded.policy.relative
    for grade in grades.relative:
        if relative is not None and grade_fails(relative, grade):
            rule_id = "shinsa/relative_grade"
            rules.setdefault(rule_id, {"id": rule_id, "shortDescription": {"text": t("col_grade")}})
            results.append({"ruleId": rule_id, "level": "error", "message": {"text": _grade_message(grade, grades, t)}, "locations": location("relative")})
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {"driver": {"name": "shinsa", "version": shinsa.__version__, "rules": list(rules.values())}},
                "automationDetails": {"id": f"shinsa-gate/{grades.run_id}"},
                "results": results,
            }
        ],
    }
