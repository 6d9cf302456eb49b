"""Report sections a scorer contributes: plain text, tables and step-by-step drill-downs, already in
the report's language, which the HTML report renders as they are (escaped). A scorer for a domain
(physical AI's ``plan``) adds its section through :meth:`Scorer.report_section` without the report
knowing the domain."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class SectionTable:
    caption: str
    headers: list[str]
    rows: list[list[str]]


@dataclass(frozen=True, slots=True)
class Drilldown:
    """One answer opened step by step; ``marked`` rows (0-based) are the ones that went wrong."""

    title: str
    summary: str
    headers: list[str]
    rows: list[list[str]]
    marked: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ReportSection:
    key: str
    """The HTML anchor: letters, digits and dashes."""
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[SectionTable] = field(default_factory=list)
    drilldowns: list[Drilldown] = field(default_factory=list)
