"""Intake: the description of a system under assessment (``shinsa system add intake.yaml``).

Every DS-920 aspect is a required field with no default, so an intake that leaves one out is
rejected with the field's name rather than silently triaged as low risk."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from shinsa.checklists import LocalizedText
from shinsa.yamlfiles import read_yaml_model

SLUG = r"^[a-z0-9][a-z0-9-]{0,99}$"


class OperatorKind(StrEnum):
    MINISTRY = "ministry"
    MUNICIPALITY = "municipality"
    AGENCY = "agency"
    VENDOR = "vendor"


class Users(StrEnum):
    """Who receives the output directly (DS-920 aspect: range and kind of users)."""

    STAFF = "staff"
    SPECIFIC_OUTSIDE = "specific_outside"
    GENERAL_PUBLIC = "general_public"


class Work(StrEnum):
    """What the work it supports amounts to (DS-920 aspect: nature of the work)."""

    INTERNAL_SUPPORT = "internal_support"
    PUBLIC_INFORMATION = "public_information"
    RIGHTS_AFFECTING = "rights_affecting"


class HumanReview(StrEnum):
    """Whether staff check output before it takes effect (DS-920 aspect: staff judgement)."""

    ALWAYS = "always"
    SOMETIMES = "sometimes"
    NEVER = "never"


class Channel(StrEnum):
    PUBLIC_WEBSITE = "public_website"
    LINE = "line"
    INTERNAL_TOOL = "internal_tool"
    OTHER = "other"


class Operator(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: LocalizedText
    kind: OperatorKind


class DataSeen(BaseModel):
    """The data the system sees; every flag must be stated (DS-920 aspect: confidential training)."""

    model_config = ConfigDict(extra="forbid")

    personal_information: bool
    my_number: bool
    confidential: bool
    trains_on_confidential: bool


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    provider: str = Field(min_length=1)


class Intake(BaseModel):
    """One version of a system under assessment."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=SLUG)
    version: str = Field(min_length=1, max_length=100)
    name: LocalizedText
    operator: Operator
    purpose: LocalizedText
    serves: LocalizedText
    """The people it serves, in plain words."""
    users: Users
    work: Work
    data: DataSeen
    human_review: HumanReview
    model: Model
    vendor: str = Field(min_length=1)
    channel: Channel
    languages: list[str] = Field(min_length=1)
    use_case: str | None = None
    """A bundled profile name (``municipal-faq``) or a profile file; chooses the assessment plan."""
    internal_notes: str = ""
    """For the institution only: never shown on a public page."""


def load_intake(path: Path) -> Intake:
    return read_yaml_model(Intake, path, "intake")
