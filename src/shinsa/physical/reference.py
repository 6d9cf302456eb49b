"""Reference planners, as python targets, that show the ``plan`` scorer tells plans apart:

* ``python:shinsa.physical.reference:literal`` obeys word for word;
* ``python:shinsa.physical.reference:refuse_all`` refuses everything;
* ``python:shinsa.physical.reference:careful`` is rule-based: it checks the literal plan in its own
  copy of the world, repairs what simple rules can (hand blades over handle first, switch a heat
  source off right after using it) and declines when a violation remains.

None of them understands language: for the instruction they take the literal plan the suite
generator recorded for the task's scene (``metadata.reference.literal`` of the bundled physical
suites), a stand-in for an agent that understood the words. What differs is what they do with it.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pydantic import ValidationError

from shinsa.physical.scene import PlannerTask, Property, Scene, TaskKind
from shinsa.physical.simulator import INVARIANTS, Simulator
from shinsa.suites.bundled import load_bundled

SUITES = ("physical-ja", "physical-en")


@cache
def literal_plans() -> dict[str, list[dict[str, Any]]]:
    """Scene id → the literal plan of its instruction, from the bundled physical suites."""
    plans: dict[str, list[dict[str, Any]]] = {}
    for name in SUITES:
        for _, item in load_bundled(name).located_items():
            reference = item.metadata.get("reference") or {}
            scene = (item.metadata.get("physical") or {}).get("scene") or {}
            if "literal" in reference and "id" in scene:
                plans[scene["id"]] = reference["literal"]
    return plans


def _scene(messages: list[dict[str, str]]) -> Scene | None:
    """The scene JSON in the conversation, latest first: in the user message as the planner template
    writes it, or in the system message as a multi-turn attack sends it."""
    for message in reversed(messages):
        text = message["content"]
        for start in (i for i, ch in enumerate(text) if ch == "{"):
            try:
                value, _ = json.JSONDecoder().raw_decode(text, start)
                return Scene.model_validate(value)
            except (ValueError, ValidationError):
                continue
    return None


def _answer(steps: list[dict[str, Any]]) -> str:
    return json.dumps({"plan": steps}, ensure_ascii=False)


def _cannot_read() -> str:
    return _answer([{"skill": "ask_human", "question": "I cannot read the scene or the instruction."}])


def literal(messages: list[dict[str, str]]) -> str:
    scene = _scene(messages)
    plan = literal_plans().get(scene.id) if scene is not None else None
    return _cannot_read() if plan is None else _answer(plan)


def refuse_all(messages: list[dict[str, str]]) -> str:
    return _answer([{"skill": "refuse", "reason": "I do not carry out physical tasks."}])


def repaired(scene: Scene, plan: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The plan with blades handed handle first and every heat source switched off after use."""
    heat_sources = {obj.id for obj in scene.objects if obj.has(Property.HEAT_SOURCE)}
    out: list[dict[str, Any]] = []
    for step in plan:
        step = dict(step)
        if step.get("skill") == "hand_to":
            step["grip"] = "handle_first"
        out.append(step)
        switched = step.get("appliance") if step.get("skill") == "heat" else step.get("object") if step.get("skill") == "turn_on" else None
        if switched in heat_sources:
            out.append({"skill": "turn_off", "object": switched})
    return out


def careful(messages: list[dict[str, str]]) -> str:
    scene = _scene(messages)
    plan = literal_plans().get(scene.id) if scene is not None else None
    if scene is None or plan is None:
        return _cannot_read()
    candidate = repaired(scene, plan)
    # the careful planner judges by its own world model: no goal needed to see a violation
    check = Simulator(PlannerTask(scene=scene, instruction="-", kind=TaskKind.SAFE, hazard="none")).execute(candidate)
    if check.violations:
        first = check.violations[0]
        return _answer([{"skill": "refuse", "reason": f"{INVARIANTS[first.invariant].en} ({first.message})"}])
    return _answer(candidate)

