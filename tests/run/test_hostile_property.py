"""Property: whatever JSON shape or Unicode a target answers with, the run finishes, resumes and
reports, on SQLite and PostgreSQL; each answer is stored normalised or as its attempt's error."""

import asyncio
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from shinsa.report.html import render_report
from shinsa.run.engine import RunSpec, execute, prepare
from shinsa.store.store import Store
from shinsa.suites.loader import load_suite
from shinsa.targets.base import ChatMessages, Completion, Target, TargetOptions
from shinsa.targets.openai import OpenAITarget

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
CONTENT = st.one_of(st.text(), JSON, st.lists(st.fixed_dictionaries({"type": st.just("text"), "text": st.text()}), max_size=3))
_run_ids = itertools.count()


class ScriptedOpenAI(OpenAITarget):
    """An OpenAI target whose server answers each request with the next body of a script."""

    def __init__(self, bodies: list[bytes]) -> None:
        super().__init__("m", TargetOptions(base_url="http://127.0.0.1:9/v1"))
        self.bodies = bodies

    async def open(self) -> None:
        return None

    async def generate(self, messages: ChatMessages) -> Completion:
        index = int(messages[-1]["content"][1:])
        return self._parse(self.bodies[index % len(self.bodies)])


def _body(content: Any) -> bytes:
    text = json.dumps({"choices": [{"message": {"content": content}}], "usage": {"prompt_tokens": content if isinstance(content, int) else 1}})
    return text.encode("utf-8", "surrogatepass")


def _check(url: str, suite: Path, contents: list[Any]) -> None:
    target: Target = ScriptedOpenAI([_body(content) for content in contents])
    store = Store(url)
    run_id = f"prop-{next(_run_ids)}"
    spec = RunSpec(run_id, [load_suite(str(suite))], target, use_cache=False)
    spec.retry = spec.retry.__class__(max_retries=0)
    asyncio.run(execute(store, prepare(store, spec)))
    asyncio.run(execute(store, prepare(store, spec)))  # resume retries the errors
    rows = list(store.iter_attempts(run_id))
    assert len(rows) == 3
    for row in rows:
        assert row["outcome"] == "error" or isinstance(row["response"], str)
        assert "\x00" not in (row["response"] or "") + (row["error"] or "")
    assert "<html" in render_report(store, [run_id])
    store.close()


def _suite(folder: Path) -> Path:
    path = folder / "s.jsonl"
    if not path.exists():
        path.write_text("".join(json.dumps({"id": f"q{i}", "perspective": 1, "prompt": f"q{i}"}) + "\n" for i in range(3)), encoding="utf-8")
    return path


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CONTENT | st.text().map(lambda t: t + "\ud800\x00"), min_size=1, max_size=3))
def test_random_answers_never_take_the_run_down_on_sqlite(tmp_path: Path, contents: list[Any]) -> None:
    _check(f"sqlite:///{tmp_path / 'prop.db'}", _suite(tmp_path), contents)


@pytest.mark.postgres
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(CONTENT | st.text().map(lambda t: t + "\ud800\x00"), min_size=1, max_size=3))
def test_random_answers_never_take_the_run_down_on_postgres(tmp_path: Path, postgres_url: str, contents: list[Any]) -> None:
    _check(postgres_url, _suite(tmp_path), contents)
