"""Runs started from the web in embedded mode: saved configuration → job in a thread →
``execute_run`` → progress in the job row → results, report, live events and the API."""

from __future__ import annotations

import pytest
from web_fixtures import World, csrf_of, make_world

from shinsa.web.workspace import Workspace


@pytest.fixture
def world(sqlite_url: str) -> World:
    return make_world(sqlite_url)


def test_a_run_started_from_a_saved_configuration_finishes_with_results(world: World) -> None:
    client = world.client("assessor_a")
    config = {"name": "echo", "suites": "quick", "target": "python:shinsa.testing.bots:refuse", "limit": "4", "csrf_token": csrf_of(client)}
    assert client.post("/systems/sys-a/configs", data=config, follow_redirects=False).status_code == 303
    config_id = Workspace(world.store.engine).configs("sys-a")[0]["config_id"]
    system_page = client.get("/systems/sys-a")
    assert system_page.status_code == 200 and f'action="/configs/{config_id}/runs"' in system_page.text
    started = client.post(f"/configs/{config_id}/runs", data={"csrf_token": csrf_of(client)}, follow_redirects=False)
    assert started.status_code == 303
    run_id = started.headers["location"].removeprefix("/runs/")
    world.jobs.join(120)
    job = Workspace(world.store.engine).job(run_id)
    assert job is not None and job["job_state"] == "finished", job
    assert job["progress"]["total"] == 4 and job["progress"]["done"] == 4
    assert world.store.require_run(run_id)["status"] == "finished"
    page = client.get(f"/runs/{run_id}").text
    assert 'id="results"' in page and "<svg" in page
    events = client.get(f"/runs/{run_id}/events").text
    assert '"state": "finished"' in events and "event: done" in events
    report = client.get(f"/runs/{run_id}/report")
    assert report.status_code == 200 and "sandbox" in report.headers["content-security-policy"]
    results = client.get(f"/api/v1/runs/{run_id}/results").json()
    assert results["ready"] and results["attempts"] == 4
    viewer = world.client("viewer_a")
    assert run_id in viewer.get("/").text


def test_a_failed_run_can_be_resumed_and_records_why(world: World) -> None:
    workspace = Workspace(world.store.engine)
    config_id = workspace.save_config("sys-a", "broken", {"suites": ["no-such-suite"], "target": "python:shinsa.testing.bots:echo"}, None)
    client = world.client("assessor_a")
    run_id = client.post(f"/configs/{config_id}/runs", data={"csrf_token": csrf_of(client)}, follow_redirects=False).headers["location"].split("/")[-1]
    world.jobs.join(60)
    job = workspace.job(run_id)
    assert job is not None and job["job_state"] == "failed" and "no-such-suite" in job["message"]
    assert client.post(f"/runs/{run_id}/resume", data={"csrf_token": csrf_of(client)}, follow_redirects=False).status_code == 303
    world.jobs.join(60)
    assert workspace.job(run_id)["job_state"] == "failed"  # type: ignore[index]
    viewer = world.client("viewer_a")
    assert viewer.post(f"/runs/{run_id}/resume", data={"csrf_token": csrf_of(viewer)}).status_code == 403


def test_a_saved_configuration_carries_the_scorer_options(world: World) -> None:
    client = world.client("assessor_a")
    config = {"name": "forced", "suites": "quick", "target": "python:shinsa.testing.bots:refuse", "limit": "2",
              "review_below": "0", "score_truncated": "1", "csrf_token": csrf_of(client)}
    assert client.post("/systems/sys-a/configs", data=config, follow_redirects=False).status_code == 303
    saved = Workspace(world.store.engine).configs("sys-a")[0]
    assert saved["parameters"]["review_below"] == 0 and saved["parameters"]["score_truncated"] is True
    client.post(f"/configs/{saved['config_id']}/runs", data={"csrf_token": csrf_of(client)}, follow_redirects=False)
    world.jobs.join(120)
    run = world.store.list_runs()[0]
    assert run["manifest"]["scorers"]["refusal"] == {**run["manifest"]["scorers"]["refusal"], "review_below": 0.0, "score_truncated": True}
    bad = client.post("/systems/sys-a/configs", data={**config, "review_below": "1.5"}, follow_redirects=False)
    assert bad.status_code == 422 and "review_below" in bad.text and len(Workspace(world.store.engine).configs("sys-a")) == 1


def test_a_configuration_with_words_for_numbers_is_refused_in_both_languages(world: World) -> None:
    client = world.client("assessor_a")
    config = {"name": "typo", "suites": "quick", "target": "python:shinsa.testing.bots:refuse", "csrf_token": csrf_of(client)}
    for field, value in (("review_below", "half"), ("limit", "two")):
        bad = client.post("/systems/sys-a/configs", data={**config, field: value}, follow_redirects=False)
        assert bad.status_code == 422
        assert f"{field} は" in bad.text and f"{field}: a" in bad.text and value in bad.text
    assert Workspace(world.store.engine).configs("sys-a") == []
