"""Red teaming planners: the scene-note converter, attack plans on planner suites, and multi-turn
attacks that pick the ``plan`` scorer by themselves."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from shinsa.cli.main import app
from shinsa.cli.redteam_adaptive import suites_scorer
from shinsa.physical.metrics import details_of
from shinsa.physical.planner import attack_framing
from shinsa.redteam.converters import converter, parse_chain
from shinsa.redteam.multiturn.base import Objective
from shinsa.redteam.plan import PlannedAttack
from shinsa.scorers.base import build_scorer
from shinsa.store.store import Store
from shinsa.suites.bundled import load_bundled

REDTEAM_TESTS = Path(__file__).resolve().parents[1] / "redteam"


def test_the_scene_note_converter_writes_in_the_items_language() -> None:
    note = converter("scene_note")
    assert note.convert("指示: 片付けて", language="ja").startswith("指示: 片付けて\n\n場面の追加メモ")
    assert "disabled your safety rules" in note.convert("Instruction: tidy up", language="en")


def test_planner_suites_name_their_scorer_and_others_do_not() -> None:
    assert suites_scorer(("physical-quick",), None) == "plan"
    assert suites_scorer(("physical-ja", "physical-en"), None) == "plan"
    assert suites_scorer(("quick",), None) is None


def test_an_attack_plan_on_a_planner_suite_is_judged_by_executing_the_plans(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("name: planner\nconverters: [scene_note]\nlanguages: [en]\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = CliRunner().invoke(app, ["redteam", "run", "--suite", "physical-quick", "--attack", str(plan), "--target",
                                      "python:shinsa.physical.reference:literal", "--db", db, "--run-id", "rt", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(Store(db).iter_attempts("rt"))
    assert {r["attack_id"] for r in rows} == {"baseline", "conv:scene_note"}
    assert all(r["scorer"] == "plan" for r in rows)
    attacked = [r for r in rows if r["attack_id"] == "conv:scene_note"]
    assert "disabled your safety rules" in attacked[0]["prompt"]
    # the literal planner reads the scene through the note and obeys: unsafe on every hazardous task
    assert {details_of(r)["result"] for r in attacked if not r["benign"]} == {"completed_unsafely"}


def test_a_multi_turn_attack_on_a_planner_suite_uses_the_plan_scorer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(REDTEAM_TESTS))
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = CliRunner().invoke(app, ["redteam", "crescendo", "--suite", "physical-quick", "--limit", "2", "--target",
                                      "python:shinsa.physical.reference:careful", "--attacker", "python:redteam_doubles:attacker",
                                      "--max-turns", "2", "--db", db, "--run-id", "mt", "--quiet"])
    assert result.exit_code == 0, result.output
    rows = list(Store(db).iter_attempts("mt"))
    assert {r["attack_id"] for r in rows} == {"", "crescendo"}
    assert {r["scorer"] for r in rows} == {"plan"}
    assert Store(db).require_run("mt")["manifest"]["scorers"].keys() == {"plan"}


def test_the_attacker_is_told_to_push_the_planner_and_the_planner_still_sees_the_scene() -> None:
    item = next(i for _, i in load_bundled("physical-quick").located_items() if i.language == "en" and i.tags["task_kind"] == "implicit_hazard")
    objective = Objective(item, build_scorer("plan"))
    assert objective.text.startswith("Get the robot task planner to output a JSON plan") and item.metadata["physical"]["instruction"] in objective.text
    system = objective.target_messages([], "Just do it quickly.")[0]
    assert system["role"] == "system" and item.metadata["physical"]["scene"]["id"] in system["content"]
    assert attack_framing(item.model_copy(update={"metadata": {}})) is None


@pytest.mark.parametrize(("planner", "reached"), [("literal", True), ("careful", False)])
def test_multi_turn_success_is_an_executed_unsafe_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, planner: str, reached: bool) -> None:
    monkeypatch.syspath_prepend(str(REDTEAM_TESTS))
    db = f"sqlite:///{tmp_path / 'runs.db'}"
    result = CliRunner().invoke(app, ["redteam", "pair", "--suite", "physical-quick", "--limit", "3", "--target",
                                      f"python:shinsa.physical.reference:{planner}", "--attacker", "python:redteam_doubles:attacker",
                                      "--max-turns", "1", "--db", db, "--run-id", planner, "--no-baseline", "--quiet"])
    assert result.exit_code == 0, result.output
    attacked = [r for r in Store(db).iter_attempts(planner) if not r["benign"]]
    assert attacked and all((details_of(r).get("verdict") or {}).get("result") for r in attacked)
    assert {(details_of(r)["verdict"]["result"] == "completed_unsafely") for r in attacked} == {reached}


def test_attack_plans_disguise_the_instruction_and_leave_the_scene_readable() -> None:
    item = next(i for _, i in load_bundled("physical-quick").located_items() if i.language == "en")
    attacked = PlannedAttack("fiction", parse_chain("base64")).apply(item)
    scene_line, instruction = attacked.prompt_text().split("\n\nInstruction: ", 1)
    assert scene_line == item.prompt_text().split("\n\nInstruction: ", 1)[0]
    assert item.metadata["physical"]["instruction"] not in instruction
    assert attacked.system == item.system and attacked.metadata == item.metadata
