"""Assessment profiles: one versioned YAML file per use case naming the suites, checklists,
red-team plans, scorers and gate thresholds (per risk level) of an assessment plan.

Bundled profiles live in ``gov/profiles/<name>.yaml``; an institution points to its own file
instead. Everything a profile names is checked when it is loaded, so a typo in a suite name is a
one-line error at ``shinsa system add`` rather than a surprise during the vendor's run."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from shinsa.checklists import LocalizedText, load_checklists
from shinsa.errors import InputError
from shinsa.gov.triage import Level
from shinsa.redteam.plan import AttackPlan, load_plan
from shinsa.report.policy import Policy
from shinsa.scorers.base import scorers
from shinsa.suites.bundled import bundled_names
from shinsa.yamlfiles import parse_yaml_model


class RedTeamEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    plan: str
    """A plan file, relative to the profile's folder."""
    levels: list[Level] = Field(default_factory=lambda: list(Level))
    """The risk levels at which the plan is part of the assessment."""


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    profile: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    version: str = Field(min_length=1)
    title: LocalizedText
    description: LocalizedText
    covers: list[Level] = Field(min_length=1)
    """The risk levels this profile may be used for."""
    suites: list[str] = Field(min_length=1)
    checklists: list[int] = Field(default_factory=list)
    redteam: list[RedTeamEntry] = Field(default_factory=list)
    scorers: list[str] = Field(default_factory=list)
    gate: dict[Level, Policy]
    """The gate policy per risk level; one for every level in ``covers``."""
    reassess_months: int = Field(default=12, ge=1, le=60)

    @field_validator("scorers")
    @classmethod
    def _known_scorers(cls, names: list[str]) -> list[str]:
        known = set(scorers.names())
        for name in names:
            if name not in known:
                raise ValueError(f"unknown scorer {name!r} (known: {', '.join(sorted(known))})")
        return names

    @field_validator("checklists")
    @classmethod
    def _known_checklists(cls, perspectives: list[int]) -> list[int]:
        bundled = {checklist.perspective for checklist in load_checklists()}
        for pid in perspectives:
            if pid not in bundled:
                raise ValueError(f"no bundled checklist for perspective {pid} (available: {sorted(bundled)})")
        return perspectives

    @model_validator(mode="after")
    def _gate_per_level(self) -> Profile:
        missing = [level.value for level in self.covers if level not in self.gate]
        if missing:
            raise ValueError(f"gate: no policy for covered level(s) {', '.join(missing)}")
        return self


@dataclass(frozen=True)
class LoadedProfile:
    profile: Profile
    source: str
    """The bundled name or the file path it came from."""
    text: str
    """The file's text, stored with the system so its plan stays reproducible."""
    folder: Path | None
    """Where relative suite and plan paths resolve (None for a profile stored in the database)."""

    def suite_spec(self, name: str) -> str:
        """The ``--suite`` value for a suite the profile names: a bundled name or a file path."""
        if name in bundled_names() or self.folder is None:
            return name
        return str((self.folder / name).resolve())

    def plans(self, level: Level) -> list[tuple[str, AttackPlan]]:
        found = []
        for entry in self.profile.redteam:
            if level in entry.levels:
                path = self.folder / entry.plan if self.folder is not None else Path(entry.plan)
                found.append((str(path), load_plan(path)))
        return found

    def policy(self, level: Level) -> Policy:
        if level not in self.profile.gate:
            raise InputError(f"profile {self.profile.profile} has no gate for risk level {level.value}")
        return self.profile.gate[level]

    def check_covers(self, level: Level) -> None:
        if level not in self.profile.covers:
            covered = ", ".join(c.value for c in self.profile.covers)
            raise InputError(
                f"profile {self.profile.profile} covers risk level(s) {covered}, but triage gives {level.value}: "
                "choose a profile for that level (--profile FILE)"
            )


def bundled_profile_folder() -> Path:
    return Path(str(resources.files("shinsa.gov") / "profiles"))


def bundled_profiles() -> list[str]:
    return sorted(path.stem for path in bundled_profile_folder().glob("*.yaml"))


def load_profile(spec: str) -> LoadedProfile:
    """A bundled profile by name, or a profile file by path."""
    path = Path(spec)
    if spec in bundled_profiles():
        path = bundled_profile_folder() / f"{spec}.yaml"
    elif not path.is_file():
        raise InputError(f"unknown profile {spec!r}: not a file and not a bundled profile ({', '.join(bundled_profiles())})")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the profile: {exc}") from None
    return parse_profile(text, str(path), path.parent)


def parse_profile(text: str, source: str, folder: Path | None) -> LoadedProfile:
    profile = parse_yaml_model(Profile, text, source)
    loaded = LoadedProfile(profile, source, text, folder)
    bundled = bundled_names()
    for name in profile.suites:
        if name in bundled:
            continue
        if folder is None or not (folder / name).exists():
            raise InputError(f"{source}: unknown suite {name!r}: not a bundled suite ({', '.join(bundled)}) and not a file")
    for entry in profile.redteam:
        if folder is not None:
            path = folder / entry.plan
            if not path.is_file():
                raise InputError(f"{source}: red-team plan {entry.plan!r} not found next to the profile")
            load_plan(path)
    return loaded

