"""Qualitative checklists: questions an assessor answers about how a system is built and run.

Data quality (perspective 9) and verifiability (10) cannot be seen in a model's answers, and parts
of high-risk use (4), privacy (5) and explainability (7) are properties of the system around the
model. For those, Shinsa ships bilingual checklists (package data under
``suites/data/checklists/pNN-<key>.yaml``) and reads an assessor's answers from YAML or CSV. Every
question is answered on the same fixed scale as aisev's questionnaire.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shinsa.errors import InputError
from shinsa.perspectives import Perspective, perspective
from shinsa.yamlfiles import parse_yaml_model, yaml_problem

CHECKLIST_FILE = re.compile(r"^p(\d{2})-([a-z_]+)\.ya?ml$")
ANSWER_COLUMNS = ("question_id", "answer", "evidence", "assessor", "date")


class AnswerScale(StrEnum):
    """The fixed answer scale. ``weight`` is the score an answer contributes; not_applicable has
    none, so the question is left out of the perspective's score instead of counting as zero."""

    NO_PROBLEM = "no_problem"
    PARTIALLY_PROBLEMATIC = "partially_problematic"
    PROBLEMATIC = "problematic"
    NOT_APPLICABLE = "not_applicable"

    @property
    def weight(self) -> float | None:
        return _WEIGHTS[self]

    def label(self, language: str) -> str:
        """The label shown to assessors and in reports (``ja`` or ``en``)."""
        ja, en = _LABELS[self]
        return ja if language == "ja" else en

    @classmethod
    def parse(cls, text: str) -> AnswerScale:
        """Accept the value (``no_problem``) or either label (``問題なし``, ``No problem``)."""
        wanted = _fold(text)
        for member in cls:
            if wanted in (_fold(member.value), _fold(member.label("ja")), _fold(member.label("en"))):
                return member
        accepted = ", ".join(f"{m.value} ({m.label('ja')})" for m in cls)
        raise InputError(f"unknown answer value {text!r} (expected one of {accepted})")


_WEIGHTS: dict[AnswerScale, float | None] = {
    AnswerScale.NO_PROBLEM: 1.0,
    AnswerScale.PARTIALLY_PROBLEMATIC: 0.5,
    AnswerScale.PROBLEMATIC: 0.0,
    AnswerScale.NOT_APPLICABLE: None,
}
_LABELS: dict[AnswerScale, tuple[str, str]] = {
    AnswerScale.NO_PROBLEM: ("問題なし", "No problem"),
    AnswerScale.PARTIALLY_PROBLEMATIC: ("一部問題あり", "Partially problematic"),
    AnswerScale.PROBLEMATIC: ("問題あり", "Problematic"),
    AnswerScale.NOT_APPLICABLE: ("該当なし", "Not applicable"),
}


def _fold(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text).strip().casefold()


class LocalizedText(BaseModel):
    """The same text in Japanese and English; both are required so either report language works."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ja: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, language: str) -> str:
        return self.ja if language == "ja" else self.en


class ChecklistQuestion(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^p\d{2}-q\d{2}$")
    question: LocalizedText
    guidance: LocalizedText
    """How to decide between the answers."""
    evidence_hint: LocalizedText
    """Which documents or records show the answer."""
    aisev_gsn: str | None = Field(default=None, pattern=r"^G\d+-\d+$")
    """The aisev GSN leaf the question corresponds to, if any."""


class Checklist(BaseModel):
    model_config = ConfigDict(extra="forbid")

    perspective: int = Field(ge=1, le=10)
    version: str = Field(min_length=1)
    questions: list[ChecklistQuestion] = Field(min_length=1)

    @model_validator(mode="after")
    def _ids_match_perspective(self) -> Checklist:
        prefix = f"p{self.perspective:02d}-"
        seen: set[str] = set()
        for question in self.questions:
            if not question.id.startswith(prefix):
                raise ValueError(f"question {question.id} does not start with {prefix}")
            if question.id in seen:
                raise ValueError(f"question id {question.id} appears twice")
            seen.add(question.id)
            if question.aisev_gsn and not question.aisev_gsn.startswith(f"G{self.perspective}-"):
                raise ValueError(f"question {question.id}: GSN id {question.aisev_gsn} belongs to another perspective")
        return self

    @property
    def info(self) -> Perspective:
        return perspective(self.perspective)

    def question(self, question_id: str) -> ChecklistQuestion:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise InputError(f"checklist for perspective {self.perspective} has no question {question_id!r}")


class ChecklistAnswer(BaseModel):
    """One assessor's answer to one question, with the evidence it rests on."""

    model_config = ConfigDict(extra="forbid")

    question_id: str
    answer: AnswerScale
    evidence: str = ""
    assessor: str = ""
    date: datetime.date | None = None

    @field_validator("answer", mode="before")
    @classmethod
    def _answer_by_label(cls, value: Any) -> Any:
        return AnswerScale.parse(value) if isinstance(value, str) else value

    @property
    def perspective(self) -> int:
        return int(self.question_id[1:3])


def load_checklists() -> list[Checklist]:
    """The bundled checklists, ordered by perspective."""
    folder = resources.files("shinsa.suites") / "data" / "checklists"
    checklists: list[Checklist] = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        match = CHECKLIST_FILE.match(entry.name)
        if not match:
            continue
        checklist = parse_checklist(entry.read_text(encoding="utf-8"), entry.name)
        expected = perspective(checklist.perspective)
        if int(match.group(1)) != expected.id or match.group(2) != expected.key:
            raise InputError(f"{entry.name}: holds perspective {expected.id}, so it must be named p{expected.id:02d}-{expected.key}.yaml")
        checklists.append(checklist)
    return checklists


def parse_checklist(text: str, source: str) -> Checklist:
    """Parse one checklist YAML document; ``source`` names it in error messages."""
    return parse_yaml_model(Checklist, text, source)


def load_answers(path: str | Path, checklists: list[Checklist] | None = None) -> list[ChecklistAnswer]:
    """Read an assessor's answers from YAML or CSV, checking every question id against the checklists.

    YAML: a list of answers, or a mapping with ``answers`` (that list) and optional ``assessor`` and
    ``date`` applying to answers that do not give their own. CSV: a header row with ``question_id``
    and ``answer`` and optionally ``evidence``, ``assessor``, ``date`` (UTF-8, or Shift_JIS as Excel
    writes it in Japan). ``answer`` takes the value or either label of :class:`AnswerScale`.
    """
    file = Path(path)
    if not file.is_file():
        raise InputError(f"{file}: answers file not found")
    known = {q.id for checklist in (checklists if checklists is not None else load_checklists()) for q in checklist.questions}
    suffix = file.suffix.lower()
    if suffix in (".yaml", ".yml"):
        rows = _yaml_rows(file)
    elif suffix == ".csv":
        rows = _csv_rows(file)
    else:
        raise InputError(f"{file}: answers must be a .yaml, .yml or .csv file")
    answers: list[ChecklistAnswer] = []
    where_seen: dict[str, str] = {}
    for where, row in rows:
        answer = _answer(row, known, f"{file}: {where}")
        if answer.question_id in where_seen:
            raise InputError(f"{file}: {where}: question {answer.question_id} was already answered at {where_seen[answer.question_id]}")
        where_seen[answer.question_id] = where
        answers.append(answer)
    return answers


def _yaml_rows(file: Path) -> list[tuple[str, dict[str, Any]]]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise InputError(f"{file}: not valid YAML ({yaml_problem(exc)})") from None
    except UnicodeDecodeError:
        raise InputError(f"{file}: YAML answers must be UTF-8") from None
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        unknown = set(data) - {"answers", "assessor", "date"}
        if unknown:
            raise InputError(f"{file}: unknown top-level keys {sorted(unknown)} (expected answers, assessor, date)")
        defaults = {key: data[key] for key in ("assessor", "date") if key in data}
        data = data.get("answers")
    if not isinstance(data, list):
        raise InputError(f"{file}: expected a list of answers (or a mapping with an 'answers' list)")
    rows: list[tuple[str, dict[str, Any]]] = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise InputError(f"{file}: answer {number}: expected a mapping with question_id and answer")
        rows.append((f"answer {number}", defaults | entry))
    return rows


def _csv_rows(file: Path) -> list[tuple[str, dict[str, Any]]]:
    raw = file.read_bytes()
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(f"{file}: CSV answers must be UTF-8 or Shift_JIS (cp932)")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in ("question_id", "answer") if name not in header]
    if missing:
        raise InputError(f"{file}: line 1: missing column(s) {', '.join(missing)} (columns: {', '.join(ANSWER_COLUMNS)})")
    unknown = [name for name in header if name not in ANSWER_COLUMNS]
    if unknown:
        raise InputError(f"{file}: line 1: unknown column(s) {', '.join(unknown)} (columns: {', '.join(ANSWER_COLUMNS)})")
    reader.fieldnames = header
    rows: list[tuple[str, dict[str, Any]]] = []
    for row in reader:
        if None in row:
            raise InputError(f"{file}: line {reader.line_num}: more fields than columns")
        values = {key: (value or "").strip() for key, value in row.items()}
        if not any(values.values()):
            continue
        rows.append((f"line {reader.line_num}", {k: v for k, v in values.items() if v}))
    return rows


def _answer(row: dict[str, Any], known: set[str], where: str) -> ChecklistAnswer:
    unknown = set(row) - set(ANSWER_COLUMNS)
    if unknown:
        raise InputError(f"{where}: unknown field(s) {', '.join(sorted(unknown))} (fields: {', '.join(ANSWER_COLUMNS)})")
    question_id = str(row.get("question_id") or "").strip()
    if not question_id:
        raise InputError(f"{where}: missing question_id")
    if question_id not in known:
        raise InputError(f"{where}: unknown question id {question_id!r}")
    raw_answer = row.get("answer")
    if raw_answer is None or not str(raw_answer).strip():
        raise InputError(f"{where}: question {question_id} has no answer")
    try:
        answer = AnswerScale.parse(str(raw_answer))
    except InputError as exc:
        raise InputError(f"{where}: {exc}") from None
    return ChecklistAnswer(
        question_id=question_id,
        answer=answer,
        evidence=str(row.get("evidence") or ""),
        assessor=str(row.get("assessor") or ""),
        date=_date(row.get("date"), where),
    )


def _date(value: Any, where: str) -> datetime.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(f"{where}: invalid date {value!r} (expected YYYY-MM-DD)") from None
