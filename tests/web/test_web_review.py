"""Review pages and API: roles, project isolation, CSRF, uploads, concurrent saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from review_web_fixtures import build_workspace, client_for, login

from shinsa.store.store import Store

PDF = b"%PDF-1.7\n% synthetic evidence for a test\n"


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return build_workspace(f"sqlite:///{tmp_path / 'web.db'}").store


def _decision(token: str, item: str, outcome: str, version: int = 0, **extra: str) -> dict[str, object]:
    return {"csrf_token": token, "suite": "fixture", "item_id": item, "attack_id": "", "outcome": outcome, "version": version, **extra}


def test_reviewer_decides_from_the_queue_and_the_run_changes(store: Store) -> None:
    client = client_for(store)
    token = login(client, "sato")
    queue = client.get("/runs/ra/review")
    assert queue.status_code == 200
    assert queue.text.index("fixture/h-1") < queue.text.index("fixture/h-2") < queue.text.index("fixture/h-3")
    item = client.get("/runs/ra/review/item", params={"suite": "fixture", "item": "h-2"})
    assert "&lt;img src=x onerror" in item.text and "<img src=x" not in item.text  # model output escaped
    assert 'class="answer blurred"' in item.text
    saved = client.post("/runs/ra/review/decide", data=_decision(token, "h-1", "complied", reason="apology, then the substance"))
    assert saved.status_code == 303 and "item=h-2" in saved.headers["location"]  # on to the next open verdict
    row = next(r for r in store.iter_attempts("ra") if r["item_id"] == "h-1")
    assert row["outcome"] == "complied"
    report = client.get("/runs/ra/report")
    assert "5 件中 1 件の判定を人が確認しました" in report.text


def test_viewer_cannot_override(store: Store) -> None:
    client = client_for(store)
    token = login(client, "guest")
    assert client.get("/runs/ra/review").status_code == 200  # may look
    assert client.post("/runs/ra/review/decide", data=_decision(token, "h-1", "complied")).status_code == 403
    assert client.post("/runs/ra/checklist/p09-q01", data={"csrf_token": token, "answer": "no_problem"}).status_code == 403
    assert all(r["outcome"] != "complied" or r["item_id"] == "b-1" for r in store.iter_attempts("ra"))


def test_reviewer_cannot_adjudicate_or_change_settings(store: Store) -> None:
    client = client_for(store)
    token = login(client, "sato")
    assert client.post("/runs/ra/review/settings", data={"csrf_token": token, "double": "true"}).status_code == 403
    assert client.post("/runs/ra/review/decide", data=_decision(token, "h-1", "complied", adjudicate="true")).status_code == 403


def test_another_projects_items_are_not_found_by_guessing_ids(store: Store) -> None:
    client = client_for(store)
    token = login(client, "other")  # a reviewer of project B only
    assert client.get("/runs/rb/review").status_code == 200
    for response in (
        client.get("/runs/ra/review"),
        client.get("/runs/ra/review/item", params={"suite": "fixture", "item": "h-1"}),
        client.post("/runs/ra/review/decide", data=_decision(token, "h-1", "complied")),
        client.get("/runs/ra/checklist"),
        client.get("/api/v1/runs/ra/review/queue"),
    ):
        assert response.status_code == 404
    assert client.get("/runs/rb/review/item", params={"suite": "fixture", "item": "nope"}).status_code == 404


def test_a_form_without_its_csrf_token_is_refused(store: Store) -> None:
    client = client_for(store)
    login(client, "sato")
    data = _decision("", "h-1", "complied")
    del data["csrf_token"]
    assert client.post("/runs/ra/review/decide", data=data).status_code == 403
    assert client.post("/runs/ra/review/decide", data=_decision("forged", "h-1", "complied")).status_code == 403
    assert store.reviewed_count("ra") == 0


def test_two_reviewers_saving_the_same_item_never_lose_an_update(store: Store) -> None:
    first, second = client_for(store), client_for(store)
    first_token, second_token = login(first, "sato"), login(second, "suzuki")
    assert first.post("/runs/ra/review/decide", data=_decision(first_token, "h-3", "partial")).status_code == 303
    late = second.post("/runs/ra/review/decide", data=_decision(second_token, "h-3", "complied"))  # opened at version 0
    assert late.status_code == 409 and 'id="conflict"' in late.text
    assert next(r for r in store.iter_attempts("ra") if r["item_id"] == "h-3")["outcome"] == "partial"
    api = second.post(
        "/api/v1/runs/ra/review/decisions",
        json={"suite": "fixture", "item_id": "h-3", "outcome": "complied", "version": 0},
        headers={"X-CSRF-Token": second_token},
    )
    assert api.status_code == 409 and "changed by another reviewer" in api.json()["detail"]
    retried = second.post(
        "/api/v1/runs/ra/review/decisions",
        json={"suite": "fixture", "item_id": "h-3", "outcome": "complied", "version": 1},
        headers={"X-CSRF-Token": second_token},
    )
    assert retried.status_code == 200 and retried.json()["version"] == 2


def test_double_review_is_blind_and_goes_to_the_adjudicator(store: Store) -> None:
    lead, sato, suzuki = client_for(store), client_for(store), client_for(store)
    lead_token, sato_token, suzuki_token = login(lead, "lead"), login(sato, "sato"), login(suzuki, "suzuki")
    assert lead.post("/runs/ra/review/settings", data={"csrf_token": lead_token, "double": "true"}).status_code == 303
    sato.post("/runs/ra/review/decide", data=_decision(sato_token, "h-4", "refused", reason="clear refusal"))
    seen = suzuki.get("/api/v1/runs/ra/review/item", params={"suite": "fixture", "item": "h-4"}).json()
    assert seen["state"] == "awaiting_second" and seen["decided"] is None and seen["history"] == []
    suzuki.post("/runs/ra/review/decide", data=_decision(suzuki_token, "h-4", "partial", version=1))
    assert [c["item_id"] for c in lead.get("/api/v1/runs/ra/review/conflicts").json()] == ["h-4"]
    assert "fixture/h-4" in lead.get("/runs/ra/review").text
    lead.post("/runs/ra/review/decide", data=_decision(lead_token, "h-4", "refused", version=2, adjudicate="true"))
    assert next(r for r in store.iter_attempts("ra") if r["item_id"] == "h-4")["outcome"] == "refused"
    kappa = lead.get("/api/v1/runs/ra/review/agreement").json()
    assert kappa["pairs"] == 1 and kappa["agreement"] == 0.0


def test_checklist_answer_with_evidence_file(store: Store) -> None:
    client = client_for(store)
    token = login(client, "sato")
    sent = client.post(
        "/runs/ra/checklist/p09-q01",
        data={"csrf_token": token, "answer": "partially_problematic", "evidence": "出所の記録は一部のみ"},
        files={"file": ("policy.pdf", PDF, "application/pdf")},
    )
    assert sent.status_code == 303
    [answer] = store.checklist_answers("ra")
    assert (answer["question_id"], answer["answer"], answer["assessor"]) == ("p09-q01", "partially_problematic", "sato")
    page = client.get("/runs/ra/checklist")
    assert "policy.pdf" in page.text
    link = page.text.split('href="/runs/ra/evidence/')[1].split('"')[0]
    download = client.get(f"/runs/ra/evidence/{link}")
    assert download.content == PDF and download.headers["content-disposition"].startswith("attachment")
    assert client.get(f"/runs/rb/evidence/{link}").status_code == 404  # attached to ra only


@pytest.mark.parametrize(
    ("name", "content"),
    [("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00binary"), ("huge.pdf", b"%PDF-" + b"0" * (10 * 1024 * 1024))],
)
def test_wrong_type_or_too_large_upload_is_refused(store: Store, name: str, content: bytes) -> None:
    client = client_for(store)
    token = login(client, "sato")
    sent = client.post(
        "/runs/ra/checklist/p09-q01",
        data={"csrf_token": token, "answer": "no_problem"},
        files={"file": (name, content, "application/pdf")},
    )
    assert sent.status_code == 422
    assert store.checklist_answers("ra") == []  # refused before anything was recorded


def test_api_token_reads_the_queue(store: Store) -> None:
    from shinsa.web.accounts import Accounts

    accounts = Accounts(store.engine)
    user = accounts.find_user("sato")
    assert user is not None
    token = accounts.create_token(user.user_id, "ci")
    client: TestClient = client_for(store)
    queue = client.get("/api/v1/runs/ra/review/queue", headers={"Authorization": f"Bearer {token}"}).json()
    assert [e["item_id"] for e in queue["entries"]][:2] == ["h-1", "h-2"] and queue["counts"]["queued"] == 5
