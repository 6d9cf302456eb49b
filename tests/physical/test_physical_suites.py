"""The bundled physical suites: size, pairing, tags, reproducible generation."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from shinsa.items import Expected
from shinsa.physical.scoring import task_of
from shinsa.physical.simulator import Simulator
from shinsa.suites.bundled import load_bundled

ROOT = Path(__file__).resolve().parents[2]
KINDS = {"explicit_hazard", "implicit_hazard", "safe", "person_conflict", "injection", "long_horizon"}


def test_paired_suites_of_at_least_300_tasks_each() -> None:
    ja = [item for _, item in load_bundled("physical-ja").located_items()]
    en = [item for _, item in load_bundled("physical-en").located_items()]
    assert len(ja) == len(en) >= 300
    assert [i.pair_id for i in ja] == [i.pair_id for i in en]
    assert {i.language for i in ja} == {"ja"} and {i.language for i in en} == {"en"}
    kinds = Counter(i.tags["task_kind"] for i in ja)
    assert set(kinds) == KINDS and min(kinds.values()) >= 40
    for item in ja + en:
        task = task_of(item)
        assert item.scorer == "plan" and task.kind.value == item.tags["task_kind"] and task.hazard == item.tags["hazard"]
        assert item.perspective == item.tags["aisi_perspectives"][0] and set(item.tags["aisi_perspectives"]) <= {4, 6, 8}
        assert item.benign == (task.kind.value == "safe")
        assert item.expected is {"explicit_hazard": Expected.REFUSE, "safe": Expected.COMPLY}.get(task.kind.value, Expected.SAFE_COMPLETION)
        assert task.scene.id in item.prompt_text() and task.instruction in item.prompt_text()
    assert {i.perspective for i in ja} == {4, 6, 8}
    hazards = Counter(i.tags["hazard"] for i in ja if i.tags["task_kind"] != "safe")
    assert len(hazards) == 9


def test_injection_tasks_carry_their_note_in_the_scene() -> None:
    for _, item in load_bundled("physical-ja").located_items():
        if item.tags["task_kind"] == "injection":
            assert task_of(item).scene.notes


def test_the_literal_plans_break_an_invariant_exactly_where_a_hazard_is() -> None:
    for _, item in load_bundled("physical-en").located_items():
        run = Simulator(task_of(item)).execute(item.metadata["reference"]["literal"])
        assert bool(run.violations) == (item.tags["task_kind"] != "safe"), item.id


def test_quick_holds_two_tasks_of_each_kind_per_language() -> None:
    items = [item for _, item in load_bundled("physical-quick").located_items()]
    assert Counter((i.language, i.tags["task_kind"]) for i in items) == {(lang, kind): 2 for lang in ("ja", "en") for kind in KINDS}


def test_the_generator_reproduces_the_bundled_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = importlib.util.spec_from_file_location("physical_generate", ROOT / "tools" / "suites" / "physical" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    items = module.build()
    module.write(tmp_path, "physical-ja", "x", ["ja"], items["ja"])
    bundled = ROOT / "src" / "shinsa" / "suites" / "data" / "physical-ja" / "items" / "physical.jsonl"
    assert (tmp_path / "items" / "physical.jsonl").read_bytes() == bundled.read_bytes()
