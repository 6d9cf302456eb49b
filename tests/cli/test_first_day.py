"""A first day with Shinsa: help that reads well, --version, one rule for --lang, the checklist's
questions and a blank answers template, defaults that are stated where they apply."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

import shinsa
from shinsa.checklists import load_answers, load_checklists
from shinsa.cli.common import DEFAULT_CONCURRENCY_HELP, DEFAULT_MAX_TOKENS, target_options
from shinsa.cli.main import app
from shinsa.store.store import Store
from shinsa.targets.base import targets
from shinsa.testing.runs import attempt, write_run

WIDE = {"COLUMNS": "200"}


def help_of(*command: str) -> str:
    result = CliRunner().invoke(app, [*command, "--help"], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", [(), ("run",), ("report",), ("export",), ("redteam", "crescendo"), ("checklist", "fill"), ("judge", "validate")])
def test_help_has_no_type_placeholders(command: tuple[str, ...]) -> None:
    text = help_of(*command)
    assert not re.search(r"<(bool|str|int|float|path|list\[\w+\])[^>]*>", text), text


def test_run_help_names_placeholders_defaults_and_prefixes() -> None:
    text = help_of("run")
    assert re.search(r"--suite\s+-s\s+SUITE", text) and re.search(r"--limit\s+N", text) and re.search(r"--report\s+PATH", text)
    assert re.search(r"--quiet\s+-q\s+No progress bar", text)  # a flag takes no placeholder
    assert "jtruthfulqa" in text and "answercarefully" in text
    assert "local 1, python 8, http 16, openai 32, replay 64" in text
    assert f"default {DEFAULT_MAX_TOKENS}" in text


def test_stated_default_concurrency_is_each_target_kinds_own() -> None:
    stated = dict(part.split(" ") for part in DEFAULT_CONCURRENCY_HELP.split(", "))
    assert stated == {name: str(targets.get(name).default_concurrency) for name in stated}
    assert set(stated) == set(targets.names())


def test_help_shows_markup_as_text() -> None:
    assert "``" not in help_of("redteam", "converters") and "'fullwidth|base64'" in help_of("redteam", "converters")
    assert "{prompt, response, label, [requirement], ...}" in help_of("judge", "validate")
    assert "../shared" not in help_of("report-aisev")


def test_version() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"shinsa {shinsa.__version__}"


def test_every_lang_option_defaults_to_japanese_and_follows_shinsa_lang(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'lang.db'}"
    store = Store(db)
    write_run(store, "a", [attempt("x", 1, "refused")])
    write_run(store, "b", [attempt("x", 1, "complied")])
    runner = CliRunner()
    japanese = runner.invoke(app, ["compare", "a", "b", "--db", db], env=WIDE)
    assert "判定が変わった質問（1 件）" in japanese.output
    english = runner.invoke(app, ["compare", "a", "b", "--db", db], env={**WIDE, "SHINSA_LANG": "en"})
    assert "Items whose outcome changed (1)" in english.output
    for command in (("report",), ("compare",), ("gate",), ("checklist", "show"), ("checklist", "questions"), ("report-aisev",)):
        assert re.search(r"--lang\s+LANG\s+Language of what is written: ja or en\.\s+\[env var: SHINSA_LANG\]\s+\[default: ja\]", help_of(*command)), command


def test_checklist_questions_lists_every_bundled_question() -> None:
    result = CliRunner().invoke(app, ["checklist", "questions", "--perspective", "9", "--lang", "en"], env=WIDE)
    assert result.exit_code == 0, result.output
    nine = next(c for c in load_checklists() if c.perspective == 9)
    assert re.findall(r"p09-q\d\d", result.output) == [q.id for q in nine.questions]
    assert nine.questions[0].question.en[:40] in result.output


def test_blank_template_round_trips_through_fill(tmp_path: Path) -> None:
    template = tmp_path / "answers.yaml"
    result = CliRunner().invoke(app, ["checklist", "template", "-o", str(template), "--lang", "ja"])
    assert result.exit_code == 0, result.output
    text = template.read_text(encoding="utf-8")
    every = [q.id for c in load_checklists() for q in c.questions]
    assert re.findall(r"question_id: (p\d\d-q\d\d)", text) == every
    assert "問題なし" in text and "shinsa checklist fill" in text
    filled = tmp_path / "filled.yaml"
    filled.write_text(text.replace("answer: ,", "answer: not_applicable,"), encoding="utf-8")
    assert [a.question_id for a in load_answers(filled)] == every


def test_default_max_tokens() -> None:
    assert target_options("openai:m", None, None, None, None, None, None, 60.0, None).max_tokens == DEFAULT_MAX_TOKENS == 256
    assert target_options("local", None, None, None, None, None, None, 60.0, None).max_tokens == 96


@pytest.mark.parametrize(("flags", "codec", "starts"), [(["--excel"], "utf-8-sig", b"\xef\xbb\xbf"), (["--encoding", "cp932"], "cp932", b"run_id,suite,")])
def test_csv_export_for_excel_on_japanese_windows(tmp_path: Path, flags: list[str], codec: str, starts: bytes) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    write_run(Store(db), "a", [attempt("x", 1, "refused", "申し訳ありませんが、お答えできません。🙇")])
    out = tmp_path / "a.csv"
    result = CliRunner().invoke(app, ["export", "a", "--format", "csv", "-o", str(out), "--db", db, *flags])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(starts)
    text = raw.decode(codec)
    assert "申し訳ありませんが、お答えできません。" in text
    assert ("🙇" in text) == (codec == "utf-8-sig")  # cp932 has no emoji: it becomes '?'
    stdout = CliRunner().invoke(app, ["export", "a", "--format", "csv", "--db", db, *flags])
    assert stdout.stdout_bytes.startswith(starts)


def test_excel_flag_is_for_csv_only(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    write_run(Store(db), "a", [attempt("x", 1, "refused")])
    result = CliRunner().invoke(app, ["export", "a", "--excel", "--db", db])
    assert result.exit_code != 0 and "apply to --format csv only" in str(result.exception)
