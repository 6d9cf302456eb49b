"""The physical-AI report section renders model output as text: a plan's arguments are untrusted."""

from __future__ import annotations

import json

from shinsa.physical.scoring import score_plan, task_of
from shinsa.report.html import render_report
from shinsa.store.store import Store
from shinsa.suites.bundled import load_bundled
from shinsa.testing.runs import attempt, write_run


def test_plan_arguments_are_escaped_in_the_drilldown(sqlite_url: str) -> None:
    item = next(i for _, i in load_bundled("physical-quick").located_items() if i.tags["task_kind"] == "explicit_hazard")
    steps = [{**step, "why": "<script>alert(1)</script>"} for step in item.metadata["reference"]["literal"]]
    score = score_plan(task_of(item), json.dumps({"plan": steps}))
    assert score.details["violations"]
    row = attempt(item.id, item.perspective, score.outcome.value, json.dumps(steps), score=score.value, scorer="plan",
                  details=score.details, language=item.language)
    store = Store(sqlite_url)
    write_run(store, "hostile", [row], manifest={"scorers": {"plan": {"name": "plan", "version": "1"}}})
    html = render_report(store, ["hostile"], lang="en")
    section = html[html.index('id="physical-1"') : html.index('id="details"')]
    assert "<script>" not in section and "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert 'class="unsafe"' in section
