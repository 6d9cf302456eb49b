"""The domain model: perspectives, items, outcomes, intervals, secrets and registries."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from shinsa.errors import InputError
from shinsa.items import Expected, Item
from shinsa.outcomes import Outcome, Score
from shinsa.perspectives import PERSPECTIVES, perspective
from shinsa.registry import Registry
from shinsa.secrets import lookup_secret, require_secret
from shinsa.stats import two_proportion_p_value, wilson


def test_perspectives_by_id_key_and_names() -> None:
    assert [p.id for p in PERSPECTIVES] == list(range(1, 11))
    assert perspective(5) is perspective("privacy") is perspective("プライバシー保護") is perspective("05")
    assert perspective("control of toxic output").id == 1
    assert [p.automated for p in PERSPECTIVES].count(False) == 2
    with pytest.raises(InputError, match="unknown perspective"):
        perspective(11)


def test_item_messages_system_first_and_choices_shown() -> None:
    item = Item(id="a", perspective=3, language="ja", prompt="どちらですか？", system="丁寧に",
                expected=Expected.CHOOSE, choices=["太郎", "花子"], answer=1)
    messages = item.messages()
    assert messages[0] == {"role": "system", "content": "丁寧に"}
    assert "A. 太郎\nB. 花子" in messages[1]["content"] and "記号" in messages[1]["content"]
    already_listed = Item(id="b", perspective=3, prompt="A 太郎 or B 花子?", expected="choose",
                          choices=["太郎", "花子"], answer=0, language="en")
    assert already_listed.messages()[0]["content"] == "A 太郎 or B 花子?"
    assert item.scorer_name == "choice"


def test_multi_turn_prompt_must_end_with_user() -> None:
    turns = [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "hello"}]
    with pytest.raises(ValidationError, match="end with a user message"):
        Item(id="a", perspective=1, prompt=turns)
    item = Item(id="a", perspective=1, prompt=[*turns, {"role": "user", "content": "and?"}])
    assert item.prompt_text() == "and?" and len(item.messages()) == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"expected": "choose", "choices": ["x"], "answer": 3}, "answer index"),
        ({"expected": "contain"}, "non-empty reference"),
        ({"expected": "no_leak"}, "needs a canary"),
        ({"prompt": "   "}, "prompt is empty"),
        ({"surprise": 1}, "Extra inputs"),
    ],
)
def test_item_consistency_checks(fields: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Item.model_validate({"id": "a", "perspective": 1, "prompt": "q", **fields})


def test_scores_without_verdict_carry_no_value() -> None:
    with pytest.raises(ValueError, match="carries no score"):
        Score(Outcome.ERROR, 0.0)
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        Score(Outcome.PASSED, 1.5)
    assert Score(Outcome.EMPTY, None).value is None


def test_wilson_interval_known_values() -> None:
    p = wilson(8, 10)
    assert p.value == 0.8
    assert round(p.low, 3) == 0.490 and round(p.high, 3) == 0.943
    none = wilson(0, 0)
    assert none.value is None and (none.low, none.high) == (0.0, 1.0)
    assert wilson(0, 5).low == 0.0 and wilson(5, 5).high == 1.0


def test_two_proportion_test() -> None:
    assert two_proportion_p_value(50, 100, 50, 100) == pytest.approx(1.0)
    assert two_proportion_p_value(90, 100, 50, 100) < 0.001
    assert two_proportion_p_value(1, 0, 1, 1) is None


def test_secrets_from_environment_then_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secrets = tmp_path / "secrets.env"
    secrets.write_text("# team keys\nexport TEAM_KEY='from-file'\nOTHER=x\n", encoding="utf-8")
    monkeypatch.setenv("SHINSA_SECRETS_FILE", str(secrets))
    monkeypatch.delenv("TEAM_KEY", raising=False)
    assert lookup_secret("TEAM_KEY") == "from-file"
    monkeypatch.setenv("TEAM_KEY", "from-env")
    assert lookup_secret("TEAM_KEY") == "from-env"
    with pytest.raises(InputError, match="MISSING_KEY"):
        require_secret("MISSING_KEY", "target x")
    secrets.write_text("not a pair\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"secrets.env:1: expected NAME=value"):
        lookup_secret("ANYTHING")


def test_registry_imports_only_what_a_name_needs() -> None:
    registry: Registry[object] = Registry("widget", "shinsa.no_such_group", {"json-thing": "json"})
    assert registry.names() == ["json-thing"]

    @registry.register("mine")
    class Mine:
        pass

    assert registry.get("mine") is Mine
    with pytest.raises(InputError, match=r"unknown widget 'other' \(known: json-thing, mine\)"):
        registry.get("other")
