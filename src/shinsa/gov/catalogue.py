"""The versioned question catalogue (package data ``gov/data/questions.yaml``): the intake
questions triage answers and the procurement evidence items Shinsa can show, each with the public
source section it comes from."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from shinsa.checklists import LocalizedText
from shinsa.yamlfiles import parse_yaml_model


class SourceRef(BaseModel):
    """Where a question's topic comes from; ``section`` is None when no number could be found."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc: Literal["ds920", "aigb", "shinsa"]
    part: str = ""
    topic: str
    section: str | None = None

    def cite(self, catalogue: Catalogue, language: str) -> str:
        title = catalogue.sources[self.doc].title.get(language)
        where = self.section or ("節番号未確認" if language == "ja" else "section number not found")
        part = f" {self.part}" if self.part else ""
        return f"{title}{part} — {self.topic} ({where})"


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    title: LocalizedText
    date: str


class Aspect(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: SourceRef
    question: LocalizedText


class EvidenceItem(BaseModel):
    """A procurement/contract requirement and the Shinsa evidence that answers it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    source: SourceRef
    also: SourceRef | None = None
    question: LocalizedText
    perspectives: list[int] = Field(default_factory=list)
    checklists: list[int] = Field(default_factory=list)
    redteam: bool = False


class Catalogue(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    catalogue: str
    version: str
    date: str
    sources: dict[str, Source]
    aspects: list[Aspect]
    evidence: list[EvidenceItem]

    def aspect(self, aspect_id: str) -> Aspect:
        return next(a for a in self.aspects if a.id == aspect_id)


@cache
def catalogue() -> Catalogue:
    text = (resources.files("shinsa.gov") / "data" / "questions.yaml").read_text(encoding="utf-8")
    return parse_yaml_model(Catalogue, text, "gov/data/questions.yaml")
