"""Public pages for citizens: one static, bilingual, accessible page per published system and an
index page listing them (``shinsa publish publication.yaml -o site/``).

The operator chooses what is published in a publication file. A page is built only from the
intake's public fields, the signed decision's record and the operator's own text: it never reads
a prompt or an answer, never shows a condition marked ``public: false``, and never shows the
intake's internal notes. Everything is rendered in memory before the first file is written."""

from __future__ import annotations

import datetime
import os
import tempfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel, ConfigDict, Field

import shinsa
from shinsa.checklists import LocalizedText
from shinsa.errors import InputError
from shinsa.gov.decisions import DecisionOutcome, signature_status
from shinsa.gov.records import GovRecords
from shinsa.perspectives import perspective
from shinsa.yamlfiles import read_yaml_model


class Section(StrEnum):
    PURPOSE = "purpose"
    DECISION = "decision"
    RESULTS = "results"
    LIMITS = "limits"
    CONTACT = "contact"


class PublishedSystem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    sections: list[Section] = Field(min_length=1)
    limits: list[LocalizedText] = Field(default_factory=list)
    """Known limits, in the operator's words."""
    report_problem: LocalizedText | None = None
    """How to report a problem with this system (default: the publication's contact)."""


class Publication(BaseModel):
    model_config = ConfigDict(extra="forbid")

    publisher: LocalizedText
    contact: LocalizedText
    systems: list[PublishedSystem] = Field(min_length=1)


def load_publication(path: Path) -> Publication:
    return read_yaml_model(Publication, path, "publication")


@dataclass
class ResultLine:
    name: LocalizedText
    safe: int
    scored: int

    @property
    def percent(self) -> int:
        return round(100 * self.safe / self.scored) if self.scored else 0


def _results(record: dict[str, Any]) -> tuple[list[ResultLine], bool]:
    """Per perspective: test questions answered as desired, summed over the un-attacked runs."""
    totals: dict[int, list[int]] = {}
    attacked = False
    for evidence in record["evidence_summary"].values():
        for run in evidence["runs"]:
            attacked = attacked or run.get("attack", False)
            if run.get("attack"):
                continue
            for pid, counts in run["results"].items():
                pair = totals.setdefault(int(pid), [0, 0])
                pair[0] += counts["safe"]
                pair[1] += counts["scored"]
    lines = []
    for pid, (safe, scored) in sorted(totals.items()):
        if scored:
            p = perspective(pid)
            lines.append(ResultLine(LocalizedText(ja=p.name_ja, en=p.name_en), round(safe), scored))
    return lines, attacked


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("shinsa.gov", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_site(records: GovRecords, publication: Publication) -> dict[str, str]:
    """File name → HTML of every page; raises before anything is written."""
    env = _environment()
    pages: dict[str, str] = {}
    listed = []
    seen: set[str] = set()
    for entry in publication.systems:
        if entry.id in seen:
            raise InputError(f"publication: system {entry.id!r} is listed twice")
        seen.add(entry.id)
        records.require_system(entry.id)
        decision = records.current_decision(entry.id)
        if decision is None:
            raise InputError(f"system {entry.id!r} has no signed decision: only decided systems are published")
        if signature_status(decision) is not True:
            raise InputError(f"decision {decision['decision_id']} of {entry.id!r} fails signature verification: not published")
        record = decision["record"]
        decided_version = records.require_system(entry.id, record["system_version"])
        intake = decided_version["intake"]
        results, attacked = _results(record)
        context = {
            "entry": entry,
            "sections": {section.value for section in entry.sections},
            "intake": intake,
            "version": record["system_version"],
            "outcome": DecisionOutcome(record["outcome"]),
            "approver": record["approver"],
            "decided": record["date"],
            "conditions": [c for c in record["conditions"] if c.get("public", True)],
            "results": results,
            "attacked": attacked,
            "report": entry.report_problem or publication.contact,
            "publication": publication,
            "shinsa_version": shinsa.__version__,
            "generated": datetime.date.today().isoformat(),
        }
        pages[f"{entry.id}.html"] = env.get_template("public_system.html.j2").render(**context)
        listed.append({"id": entry.id, "name": intake["name"], "operator": intake["operator"]["name"], "decided": record["date"], "outcome": DecisionOutcome(record["outcome"])})
    pages["index.html"] = env.get_template("public_index.html.j2").render(
        systems=listed, publication=publication, shinsa_version=shinsa.__version__, generated=datetime.date.today().isoformat()
    )
    return pages


def write_site(pages: dict[str, str], folder: Path) -> list[Path]:
    """Write each page through a temporary file renamed into place."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in sorted(pages.items()):
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(html)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(folder / name)
    return written
