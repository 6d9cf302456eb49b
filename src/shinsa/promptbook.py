"""Editable prompt templates for the models Shinsa drives (attackers, generators, LLM judges), in
Japanese and English. Defaults are package data (``redteam/data/<book>.yaml``,
``scorers/data/judge.yaml``); a user folder holding a file of the same name overrides any entries it
defines, the rest stay bundled.

Placeholders are ``{name}``; they are filled in one pass, so text substituted into a template
(a document, a model's answer) is never itself read as a placeholder, and other braces (JSON
examples) are left alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from shinsa.errors import InputError
from shinsa.items import Language

LANGUAGES: tuple[Language, ...] = ("ja", "en")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, values: dict[str, object]) -> str:
    """Replace the ``{name}`` placeholders that ``values`` defines, in a single pass."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def _read(source: str, text: str) -> dict[str, dict[str, str]]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"{source}: not valid YAML: {exc}") from None
    entries = data.get("prompts") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise InputError(f"{source}: expected a mapping 'prompts: {{name: {{ja: ..., en: ...}}}}'")
    book: dict[str, dict[str, str]] = {}
    for key, by_language in entries.items():
        if not isinstance(by_language, dict) or not by_language:
            raise InputError(f"{source}: prompt {key!r} must map languages (ja, en) to text")
        for language, text_value in by_language.items():
            if language not in LANGUAGES or not isinstance(text_value, str):
                raise InputError(f"{source}: prompt {key!r}: expected ja/en text, got {language!r}")
        book[str(key)] = {str(k): v for k, v in by_language.items()}
    return book


@dataclass(frozen=True, slots=True)
class PromptBook:
    """The prompts of one book (``attacker``, ``generation``, ``injection``, ``judge``)."""

    name: str
    entries: dict[str, dict[str, str]]
    origin: str

    def text(self, key: str, language: Language) -> str:
        try:
            return self.entries[key][language]
        except KeyError:
            raise InputError(f"prompt book {self.origin}: no {language} text for {key!r}") from None

    def render(self, key: str, language: Language, **values: object) -> str:
        return fill(self.text(key, language), values)

    @property
    def overridden(self) -> bool:
        return "+" in self.origin

    def describe(self) -> dict[str, Any]:
        """Name, origin and a digest of the texts: an edited template changes the digest."""
        blob = json.dumps(self.entries, sort_keys=True, ensure_ascii=False).encode()
        return {"book": self.name, "origin": self.origin, "digest": hashlib.sha256(blob).hexdigest()[:16]}


def load_book(
    name: str,
    override_dir: Path | None = None,
    required: dict[str, set[str]] | None = None,
    extensible: tuple[str, ...] = (),
    package: str = "shinsa.redteam",
) -> PromptBook:
    """The book ``name`` bundled in ``package``'s ``data`` folder, with entries of
    ``override_dir/<name>.yaml`` replacing bundled ones. ``required`` maps entry keys to placeholders
    an override must keep; an override may add entries whose keys start with one of ``extensible``."""
    bundled = files(package).joinpath("data", f"{name}.yaml")
    entries = _read(f"bundled {name}.yaml", bundled.read_text(encoding="utf-8"))
    origin = f"bundled:{name}"
    if override_dir is not None:
        if not override_dir.is_dir():
            raise InputError(f"{override_dir}: not a folder (prompt overrides go in {name}.yaml inside a folder)")
        path = override_dir / f"{name}.yaml"
        if path.exists():
            for key, by_language in _read(str(path), path.read_text(encoding="utf-8")).items():
                if key not in entries and not key.startswith(extensible):
                    raise InputError(f"{path}: unknown prompt {key!r} (known: {', '.join(sorted(entries))})")
                for language, text in by_language.items():
                    missing = sorted(p for p in (required or {}).get(key, set()) if f"{{{p}}}" not in text)
                    if missing:
                        raise InputError(f"{path}: prompt {key!r} ({language}) lacks {', '.join('{' + p + '}' for p in missing)}")
                entries[key] = {**entries.get(key, {}), **by_language}
            origin = f"{origin}+{path}"
    for key, by_language in entries.items():
        absent = [language for language in LANGUAGES if language not in by_language]
        if absent:
            raise InputError(f"prompt book {name}: {key!r} has no {'/'.join(absent)} text")
    return PromptBook(name, entries, origin)
