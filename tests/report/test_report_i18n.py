"""The message catalogue: both languages for every key, same placeholders, nothing missing."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from shinsa.errors import InputError
from shinsa.perspectives import PERSPECTIVES
from shinsa.report.i18n import MESSAGES, Translator, placeholders
from shinsa.report.policy import LEVELS, RULES


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, (ja, en) in MESSAGES.items():
        assert ja.strip() and en.strip(), key
        assert placeholders(ja) == placeholders(en), key
        assert ja != en or key == "comparison_pair", key


def test_every_key_the_templates_use_exists() -> None:
    folder = resources.files("shinsa.report") / "templates"
    used: set[str] = set()
    for entry in folder.iterdir():
        used |= set(re.findall(r"""\bt\(\s*["']([a-z0-9_]+)["']\s*[,)]""", entry.read_text(encoding="utf-8")))
    assert used and used <= set(MESSAGES)
    families = ["outcome_refused", "outcome_complied", "outcome_partial", "outcome_passed", "outcome_failed", "outcome_error", "outcome_empty", "outcome_unscorable"]
    families += ["direction_improved", "direction_regressed", "direction_changed", "kind_all", "kind_perspective", "kind_chain", "kind_template", "kind_attack"]
    families += [f"{prefix}_{kind}" for prefix in ("groups", "plain_groups") for kind in ("robustness", "fairness", "other")]
    families += [f"col_{prefix}{unit}" for prefix in ("", "compared_") for unit in ("groups", "pairs")]
    families += ["plain_bias_toward", "plain_bias_against", "plain_bias_none", "plain_bbq_ambiguous", "plain_bbq_disambiguated"]
    families += [f"short_{p.key}" for p in PERSPECTIVES] + [f"level_{level}" for level in LEVELS] + [f"rule_{rule}" for rule in RULES]
    assert set(families) <= set(MESSAGES)


def test_translator() -> None:
    assert Translator("ja")("of_n", n=3) == "3 問中"
    assert Translator("en")("of_n", n=3) == "of 3"
    with pytest.raises(InputError):
        Translator("de")
    with pytest.raises(KeyError, match="nope"):
        Translator("en")("nope")
