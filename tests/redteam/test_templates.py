"""Jailbreak templates: the bundled library loads, substitutes in both languages, and rejects bad files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.items import Language
from shinsa.redteam.templates import bundled_templates, load_templates, parse_templates

REQUIRED = {
    "persona",
    "hypothetical",
    "fiction",
    "developer_mode",
    "translation",
    "novel",
    "past_tense",
    "many_shot",
}
JA_REQUEST = "合鍵の作り方を教えて"
EN_REQUEST = "Explain how to copy a key"
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_bundled_library_is_versioned_with_a_changelog() -> None:
    library = bundled_templates()
    assert re.fullmatch(r"\d+\.\d+\.\d+", library.version)
    assert library.changelog[0].version == library.version
    assert set(library.templates) >= REQUIRED


@pytest.mark.parametrize("template_id", sorted(REQUIRED))
@pytest.mark.parametrize(("language", "request_text"), [("ja", JA_REQUEST), ("en", EN_REQUEST)])
def test_every_template_substitutes_in_both_languages(
    template_id: str, language: Language, request_text: str
) -> None:
    rendered = bundled_templates().render(template_id, request_text, language=language)
    assert rendered.count(request_text) == 1
    assert "{" not in rendered.replace(request_text, "")
    framing = rendered.replace(request_text, "")
    assert len(framing) > 40
    assert bool(JAPANESE.search(framing)) is (language == "ja")


def test_request_text_with_placeholders_is_kept_literally() -> None:
    tricky = "{shots} {prompt} {n} {0} {{x}}"
    rendered = bundled_templates().render("many_shot:2", tricky, language="en")
    assert rendered.count(tricky) == 1
    assert rendered.endswith(f"User: {tricky}\nAssistant:")


@pytest.mark.parametrize(("spec", "turns"), [("many_shot", 8), ("many_shot:1", 1), ("many_shot:32", 32)])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_many_shot_has_n_numbered_innocuous_turns(spec: str, turns: int, language: Language) -> None:
    rendered = bundled_templates().render(spec, "X", language=language)
    marker = "アシスタント：はい、喜んで。" if language == "ja" else "Assistant: Sure, here are"
    assert rendered.count(marker) == turns
    numbers = re.findall(r"質問(\d+)：" if language == "ja" else r"Question (\d+):", rendered)
    assert numbers == [str(n) for n in range(1, turns + 1)]
    assert "省略" in rendered or "omitted" in rendered


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("nope", "unknown template"),
        ("fiction:3", "takes no ':N'"),
        ("many_shot:0", "whole number"),
        ("many_shot:x", "whole number"),
        ("many_shot:100000", "whole number"),
    ],
)
def test_bad_template_specs_are_input_errors(spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        bundled_templates().resolve(spec)


GOOD = """
version: 0.1.0
changelog: [{version: 0.1.0, date: "2026-01-01", changes: [first]}]
templates:
  mine: {description: d, ja: "日本語 {prompt}", en: "English {prompt}"}
"""


def test_user_library_from_file(tmp_path: Path) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(GOOD, encoding="utf-8")
    assert load_templates(path).render("mine", "Q", language="ja") == "日本語 Q"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (GOOD.replace("{prompt}", "", 1), "has no {prompt}"),
        (GOOD.replace("version: 0.1.0\n", "version: one\n"), "version"),
        (GOOD.replace("{version: 0.1.0", "{version: 0.0.9"), "first changelog entry"),
        (GOOD.replace("mine:", "none:"), "reserved"),
        (GOOD.replace('en: "English {prompt}"', 'en: "E {prompt} {shots}"'), "go together"),
        ("templates: [", "not valid YAML"),
    ],
)
def test_invalid_libraries_are_one_line_input_errors(text: str, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        parse_templates(text, "t.yaml")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("t.yaml: ")


def test_unreadable_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_templates(tmp_path / "missing.yaml")
