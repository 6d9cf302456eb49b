"""Public pages: bilingual, only what the operator chose, never a prompt, an answer, a withheld
condition or internal notes; nothing is written when any page cannot be built."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

import pytest
from gov_fixtures import (
    EXAMPLES,
    assert_one_line_error,
    decide,
    example,
    shinsa,
    verified_evidence,
    write_yaml,
)
from sqlalchemy import update

from shinsa.errors import InputError
from shinsa.gov.public import Publication, load_publication, render_site
from shinsa.gov.records import GovRecords
from shinsa.store.schema import gov_decisions
from shinsa.store.store import Store


@pytest.fixture
def decided(tmp_path: Path, sqlite_url: str) -> GovRecords:
    """A decided system whose evidence run used the echo bot: every answer repeats its prompt,
    so any leak of run content onto the page would show."""
    records, bundle_hash = verified_evidence(Store(sqlite_url), tmp_path, target="python:shinsa.testing.bots:echo")
    decide(records, bundle_hash, tmp_path / "approver")
    return records


def publication(**changes: Any) -> Publication:
    return Publication.model_validate({**example("publication.yaml"), **changes})


def test_page_is_bilingual_and_says_who_decided_and_what_was_tested(decided: GovRecords) -> None:
    pages = render_site(decided, publication())
    assert sorted(pages) == ["city-faq.html", "index.html"]
    page = pages["city-faq.html"]
    for text in (
        "みどり市 よくある質問チャットボット", "Midori City FAQ chatbot",
        "条件付きで利用可", "go with conditions", "佐藤 花子", "2026-12-04",
        "画面に「市のウェブサイトの情報だけを案内します」と表示する。", "Show on screen that it only covers what the city website says.",
        "何を試験し、どうだったか", "What was tested, and how it went",
        "市のウェブサイトに載っていない質問には答えられません。", "It cannot answer questions the city website does not cover.",
        "市民課 AI窓口", "Citizens Division AI desk",
    ):
        assert html.escape(text) in page, text
    assert '<html lang="ja">' in page and 'lang="en" id="english"' in page
    assert 'href="city-faq.html"' in pages["index.html"]


def test_page_never_shows_run_content_withheld_conditions_or_internal_notes(decided: GovRecords) -> None:
    pages = render_site(decided, publication())
    site = "\n".join(pages.values())
    leaked = []
    for row in decided.store.iter_attempts("v1"):
        for text in (row["prompt"], row["response"]):
            if text and len(text) >= 12 and (text in site or html.escape(text) in site):
                leaked.append(text)
    assert leaked == []
    assert "Answer:" not in site  # the echo bot's answers all start so
    withheld = example("city-faq-decision.yaml")["conditions"][1]
    assert withheld["public"] is False
    for text in (withheld["text"]["ja"], withheld["text"]["en"], withheld["owner"], example("city-faq-intake.yaml")["internal_notes"], "2026-XYZ"):
        assert html.escape(text) not in site and text not in site


def test_operator_chooses_the_sections(decided: GovRecords) -> None:
    chosen = publication(systems=[{"id": "city-faq", "sections": ["purpose", "contact"]}])
    page = render_site(decided, chosen)["city-faq.html"]
    assert "What this system does" in page and "How to report a problem" in page
    for heading in ("What was tested", "Who decided", "Known limits"):
        assert heading not in page


def test_undecided_or_tampered_systems_are_not_published(decided: GovRecords, sqlite_url: str, tmp_path: Path) -> None:
    decision = decided.current_decision("city-faq")
    assert decision is not None
    record = decision["record"]
    record["conditions"][1]["public"] = True  # try to publish the withheld condition
    with decided.engine.begin() as conn:
        conn.execute(update(gov_decisions).where(gov_decisions.c.decision_id == decision["decision_id"]).values(record=json.dumps(record)))
    with pytest.raises(InputError, match="fails signature verification"):
        render_site(decided, publication())
    empty = GovRecords(Store(f"sqlite:///{tmp_path / 'empty.db'}"))
    with pytest.raises(InputError, match="no system 'city-faq'"):
        render_site(empty, publication())


def test_publication_file_is_validated(tmp_path: Path) -> None:
    data = example("publication.yaml")
    data["systems"][0]["sections"] = ["purpose", "gossip"]
    with pytest.raises(InputError, match=r"systems\.0\.sections\.1"):
        load_publication(write_yaml(tmp_path / "p.yaml", data))
    assert load_publication(EXAMPLES / "publication.yaml").systems[0].id == "city-faq"


def test_cli_publish_writes_nothing_when_one_system_fails(decided: GovRecords, sqlite_url: str, tmp_path: Path) -> None:
    data = example("publication.yaml")
    data["systems"].append({"id": "unknown-bot", "sections": ["purpose"]})
    out = tmp_path / "site"
    result = shinsa("publish", str(write_yaml(tmp_path / "p.yaml", data)), "-o", str(out), db=sqlite_url)
    assert_one_line_error(result, "no system 'unknown-bot'")
    assert not out.exists()
    ok = shinsa("publish", str(EXAMPLES / "publication.yaml"), "-o", str(out), db=sqlite_url)
    assert ok.returncode == 0, ok.stderr
    assert sorted(p.name for p in out.iterdir()) == ["city-faq.html", "index.html"]
