"""Suite inputs that are wrong in the ways a newcomer gets them wrong: one short line that says what
to do (the valid prefixes, the importer to use, cp932), and a truncated last row is an error with
its line number, never a silently shorter item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.scorers.base import scorers
from shinsa.suites.loader import load_suite

FIXTURES = Path(__file__).parent / "importers" / "fixtures"
KNOWN = set(scorers.names())


def error_of(spec: str) -> str:
    with pytest.raises(InputError) as caught:
        load_suite(spec).scan(KNOWN)
    return str(caught.value)


def test_unknown_prefix_lists_the_valid_ones() -> None:
    message = error_of("truthfulqa:data.csv")
    assert message.startswith("unknown suite prefix 'truthfulqa': use one of ")
    for prefix in ("aisev:", "ailuminate:", "answercarefully:", "bbq:", "jtruthfulqa:", "mapped:"):
        assert prefix in message


def test_missing_file_names_the_ways_to_give_a_suite(tmp_path: Path) -> None:
    message = error_of(str(tmp_path / "none.jsonl"))
    assert "suite file not found" in message and "jtruthfulqa:" in message


@pytest.mark.parametrize("prefix", ["jtruthfulqa", "ailuminate"])
def test_an_importer_pointed_at_another_file_says_so_briefly(tmp_path: Path, prefix: str) -> None:
    wrong = tmp_path / "bbq.csv"
    record = {"example_id": 0, "context": "x" * 600, "question": "Who?", "answer_info": {"ans0": ["a", "b"]}}
    wrong.write_text(json.dumps(record) + "\n", encoding="utf-8")
    message = error_of(f"{prefix}:{wrong}")
    assert "missing column" in message and "columns found:" in message
    assert len(message) < 250 + len(str(wrong)), message


def test_a_plain_jtruthfulqa_csv_is_pointed_to_its_prefix() -> None:
    path = FIXTURES / "jtruthfulqa.csv"
    assert error_of(str(path)) == f"{path} looks like a jtruthfulqa file: use --suite jtruthfulqa:{path}"


def test_a_csv_without_id_names_the_importer_prefixes(tmp_path: Path) -> None:
    path = tmp_path / "questions.csv"
    path.write_text("question,answer\nWhat?,Yes\n", encoding="utf-8")
    message = error_of(str(path))
    assert message.startswith(f"{path}:1: a suite CSV needs an 'id' column (columns found: question, answer)")
    assert "bbq:" in message


def test_undetected_non_utf8_suggests_cp932(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(b'{"id": "a", "perspective": 1, "prompt": "caf\xe9 \xff\xfe"}\n')
    message = error_of(str(path))
    assert "is not UTF-8" in message and "--encoding cp932" in message
    assert "detected unknown" not in message


@pytest.mark.parametrize(
    ("name", "content", "spec_prefix", "line"),
    [
        ("native.csv", "id,perspective,prompt\na,1,first\nb,1\n", "", 3),
        ("aisev.csv", "ten_perspective,text,requirement,scorer,gsn_perspective\n有害情報の出力制御,質問,要件,requirement,G1-1\n有害情報の出力制御,質\n", "", 3),
        ("truncated.csv", (FIXTURES / "jtruthfulqa.csv").read_text(encoding="utf-8").splitlines()[0] + "\n事実,迷信,質問ですか？\n", "jtruthfulqa:", 2),
    ],
)
def test_a_truncated_last_row_fails_with_its_line(tmp_path: Path, name: str, content: str, spec_prefix: str, line: int) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    message = error_of(f"{spec_prefix}{path}")
    assert message.startswith(f"{path}:{line}: ") and "truncated row" in message, message
