"""Every string of the workspace exists in Japanese and English with the same placeholders, and
every key a template names is in the catalogue."""

from __future__ import annotations

import re
from pathlib import Path

from shinsa.web.access import Role
from shinsa.web.i18n import MESSAGES, placeholders
from shinsa.web.workspace import JOB_STATES

TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "shinsa" / "web" / "templates"
KEY = re.compile(r"""\bt\(\s*["']([a-z_.0-9]+)["']""")


def test_both_languages_with_the_same_placeholders() -> None:
    for key, (ja, en) in MESSAGES.items():
        assert ja.strip() and en.strip(), key
        assert placeholders(ja) == placeholders(en), key


def test_templates_name_only_known_keys() -> None:
    used = {key for path in TEMPLATES.glob("*.j2") for key in KEY.findall(path.read_text(encoding="utf-8"))}
    assert used, "no keys found: the pattern no longer matches the templates"
    prefixes = {key for key in used if key.endswith((".", "_"))}  # t("state." ~ state): checked below
    assert sorted(used - prefixes - set(MESSAGES)) == []
    assert {"role.", "state."} <= prefixes
    assert sorted(p for p in prefixes if not any(key.startswith(p) for key in MESSAGES)) == []


def test_every_state_and_role_has_its_words() -> None:
    for state in (*JOB_STATES, "stale"):
        assert f"state.{state}" in MESSAGES
    for role in Role:
        assert f"role.{role}" in MESSAGES
