"""Jailbreak templates: framings that wrap a request, versioned package data in two languages.

Placeholders are filled with ``str.replace``, never ``str.format`` or ``eval``, so braces in a
request are harmless; the request is substituted last so its text is never read as a placeholder.
A template spec is an id, or ``many_shot:N`` to choose the number of fabricated turns.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shinsa.errors import InputError
from shinsa.items import Language
from shinsa.yamlfiles import ChangelogEntry, parse_yaml_model

PROMPT = "{prompt}"
SHOTS = "{shots}"
SHOT_NUMBER = "{n}"
NO_TEMPLATE = "none"
MAX_SHOTS = 1000


class Template(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    description: str = Field(min_length=1)
    ja: str
    en: str
    shot: dict[Language, str] | None = None
    """One fabricated exchange with ``{n}`` for its number; the template then needs ``{shots}``."""
    shots: int = Field(default=8, ge=1, le=MAX_SHOTS)
    """How many fabricated exchanges ``{shots}`` expands to when the spec does not say."""

    @model_validator(mode="after")
    def _placeholders(self) -> Template:
        languages: tuple[Language, ...] = ("ja", "en")
        for language in languages:
            text = self.text(language)
            if PROMPT not in text:
                raise ValueError(f"the {language} text has no {PROMPT}")
            if (SHOTS in text) != (self.shot is not None):
                raise ValueError(f"{SHOTS} in the {language} text and a 'shot' entry go together")
        if self.shot is not None and set(self.shot) != {"ja", "en"}:
            raise ValueError("'shot' needs both a ja and an en exchange")
        return self

    def text(self, language: Language) -> str:
        return self.ja if language == "ja" else self.en

    def render(self, prompt: str, *, language: Language, shots: int | None = None) -> str:
        out = self.text(language)
        if self.shot is not None:
            exchange = self.shot[language]
            count = shots or self.shots
            out = out.replace(
                SHOTS, "\n".join(exchange.replace(SHOT_NUMBER, str(n)) for n in range(1, count + 1))
            )
        return out.replace(PROMPT, prompt)


class TemplateLibrary(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    version: str = Field(pattern=r"^\d+\.\d+\.\d+$")
    changelog: list[ChangelogEntry] = Field(min_length=1)
    templates: dict[str, Template]

    @model_validator(mode="before")
    @classmethod
    def _ids_from_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and isinstance(data.get("templates"), dict):
            data = {
                **data,
                "templates": {
                    key: {"id": key, **value} if isinstance(value, dict) else value
                    for key, value in data["templates"].items()
                },
            }
        return data

    @model_validator(mode="after")
    def _changelog_names_this_version(self) -> TemplateLibrary:
        if self.changelog[0].version != self.version:
            raise ValueError(f"the first changelog entry must be version {self.version}")
        if NO_TEMPLATE in self.templates:
            raise ValueError(f"{NO_TEMPLATE!r} is reserved for 'no template'")
        return self

    def resolve(self, spec: str) -> tuple[Template, int | None]:
        """The template and the number of shots a spec such as ``many_shot:32`` asks for."""
        name, _, count = spec.strip().partition(":")
        template = self.templates.get(name)
        if template is None:
            known = ", ".join(sorted(self.templates))
            raise InputError(f"unknown template {name!r} (known: {known})")
        if not count:
            return template, None
        if template.shot is None:
            raise InputError(f"template {name!r} takes no ':N' (only many-shot templates do)")
        if not count.isdigit() or not 1 <= int(count) <= MAX_SHOTS:
            raise InputError(f"template {spec!r}: N must be a whole number from 1 to {MAX_SHOTS}")
        return template, int(count)

    def render(self, spec: str, prompt: str, *, language: Language) -> str:
        template, shots = self.resolve(spec)
        return template.render(prompt, language=language, shots=shots)


def parse_templates(text: str, source: str) -> TemplateLibrary:
    """Validate a template library; ``source`` names it in error messages."""
    return parse_yaml_model(TemplateLibrary, text, source)


def load_templates(path: Path) -> TemplateLibrary:
    """Read a user's own template library, in the format of the bundled one."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read templates: {exc}") from None
    return parse_templates(text, str(path))


@cache
def bundled_templates() -> TemplateLibrary:
    text = (files("shinsa.redteam") / "data" / "templates.yaml").read_text(encoding="utf-8")
    return parse_templates(text, "bundled templates.yaml")
