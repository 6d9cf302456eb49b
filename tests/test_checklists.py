"""Bundled qualitative checklists and reading an assessor's answers."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from shinsa.checklists import (
    AnswerScale,
    Checklist,
    ChecklistAnswer,
    load_answers,
    load_checklists,
    parse_checklist,
)
from shinsa.errors import InputError

MINIMUM_QUESTIONS = {4: 6, 5: 6, 7: 6, 9: 15, 10: 15}


@pytest.fixture(scope="module")
def checklists() -> list[Checklist]:
    return load_checklists()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# --- the scale ---------------------------------------------------------------------------------


def test_scale_weights_and_labels() -> None:
    assert [(a.value, a.weight) for a in AnswerScale] == [
        ("no_problem", 1.0),
        ("partially_problematic", 0.5),
        ("problematic", 0.0),
        ("not_applicable", None),
    ]
    assert [a.label("ja") for a in AnswerScale] == ["問題なし", "一部問題あり", "問題あり", "該当なし"]
    assert AnswerScale.PARTIALLY_PROBLEMATIC.label("en") == "Partially problematic"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no_problem", AnswerScale.NO_PROBLEM),
        ("問題あり", AnswerScale.PROBLEMATIC),
        (" 一部問題あり ", AnswerScale.PARTIALLY_PROBLEMATIC),
        ("Not applicable", AnswerScale.NOT_APPLICABLE),
        ("PARTIALLY-PROBLEMATIC", AnswerScale.PARTIALLY_PROBLEMATIC),
    ],
)
def test_scale_parses_values_and_labels(text: str, expected: AnswerScale) -> None:
    assert AnswerScale.parse(text) is expected


def test_scale_rejects_other_words() -> None:
    with pytest.raises(InputError, match="unknown answer value 'maybe'"):
        AnswerScale.parse("maybe")


# --- bundled checklists ------------------------------------------------------------------------


def test_bundled_checklists_cover_the_required_perspectives(checklists: list[Checklist]) -> None:
    counts = {c.perspective: len(c.questions) for c in checklists}
    assert counts.keys() == MINIMUM_QUESTIONS.keys()
    for perspective, minimum in MINIMUM_QUESTIONS.items():
        assert counts[perspective] >= minimum, perspective
    assert [c.perspective for c in checklists] == sorted(counts)


def test_every_question_is_bilingual_and_well_formed(checklists: list[Checklist]) -> None:
    all_ids: list[str] = []
    for checklist in checklists:
        assert checklist.version == "1.0.0"
        for number, question in enumerate(checklist.questions, start=1):
            assert question.id == f"p{checklist.perspective:02d}-q{number:02d}"
            all_ids.append(question.id)
            for text in (question.question, question.guidance, question.evidence_hint):
                assert text.ja.strip() and text.en.strip()
                assert any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text.ja), question.id
                assert text.en.isascii(), f"{question.id}: English text has non-ASCII characters"
            assert question.question.ja.endswith(("か。", "か？")), question.id
            assert question.question.en.endswith("?"), question.id
            if question.aisev_gsn is not None:
                assert question.aisev_gsn.startswith(f"G{checklist.perspective}-")
    assert len(all_ids) == len(set(all_ids))


def test_all_but_a_few_questions_map_to_a_gsn_leaf(checklists: list[Checklist]) -> None:
    for checklist in checklists:
        unmapped = [q.id for q in checklist.questions if q.aisev_gsn is None]
        assert len(unmapped) <= 2, unmapped
    assert next(c for c in checklists if c.perspective == 9).info.key == "data_quality"


def test_question_lookup(checklists: list[Checklist]) -> None:
    checklist = checklists[0]
    assert checklist.question(checklist.questions[1].id) is checklist.questions[1]
    with pytest.raises(InputError, match="no question 'p04-q99'"):
        checklist.question("p04-q99")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("perspective: 9\nversion: '1'\nquestions: [", "not valid YAML"),
        ("perspective: 9\nversion: '1'\nquestions: []", "questions"),
        (
            "perspective: 9\nversion: '1'\nquestions:\n - {id: p10-q01, question: {ja: あ, en: a},"
            " guidance: {ja: あ, en: a}, evidence_hint: {ja: あ, en: a}}",
            "does not start with p09-",
        ),
        (
            "perspective: 9\nversion: '1'\nquestions:\n - {id: p09-q01, question: {ja: あ},"
            " guidance: {ja: あ, en: a}, evidence_hint: {ja: あ, en: a}}",
            "question.en",
        ),
    ],
)
def test_malformed_checklist_is_an_input_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_checklist(text, "bad.yaml")


# --- answers -----------------------------------------------------------------------------------


def test_yaml_answers_with_shared_assessor_and_date(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "answers.yaml",
        "assessor: 山田太郎\ndate: 2026-11-01\nanswers:\n"
        "  - {question_id: p09-q01, answer: no_problem, evidence: データ台帳 v3}\n"
        "  - {question_id: p09-q02, answer: 一部問題あり, assessor: テスト花子, date: 2026-11-02}\n"
        "  - {question_id: p10-q12, answer: Not applicable}\n",
    )
    answers = load_answers(path)
    assert answers == [
        ChecklistAnswer(
            question_id="p09-q01",
            answer=AnswerScale.NO_PROBLEM,
            evidence="データ台帳 v3",
            assessor="山田太郎",
            date=datetime.date(2026, 11, 1),
        ),
        ChecklistAnswer(
            question_id="p09-q02",
            answer=AnswerScale.PARTIALLY_PROBLEMATIC,
            assessor="テスト花子",
            date=datetime.date(2026, 11, 2),
        ),
        ChecklistAnswer(
            question_id="p10-q12",
            answer=AnswerScale.NOT_APPLICABLE,
            assessor="山田太郎",
            date=datetime.date(2026, 11, 1),
        ),
    ]
    assert answers[2].perspective == 10


def test_yaml_answers_as_a_plain_list(tmp_path: Path) -> None:
    path = write(tmp_path, "answers.yml", "- question_id: p05-q03\n  answer: problematic\n")
    assert [(a.question_id, a.answer, a.date) for a in load_answers(path)] == [
        ("p05-q03", AnswerScale.PROBLEMATIC, None)
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_answers_in_the_encodings_excel_writes(tmp_path: Path, encoding: str) -> None:
    text = (
        "question_id,answer,evidence,assessor,date\r\n"
        "p07-q01,問題なし,\"出典表示の画面, 評価結果\",山田太郎,2026-11-03\r\n"
        ",,,,\r\n"
        "p07-q02,partially_problematic,,,\r\n"
    )
    answers = load_answers(write(tmp_path, "answers.csv", text, encoding))
    assert [(a.question_id, a.answer, a.evidence, a.assessor, a.date) for a in answers] == [
        ("p07-q01", AnswerScale.NO_PROBLEM, "出典表示の画面, 評価結果", "山田太郎", datetime.date(2026, 11, 3)),
        ("p07-q02", AnswerScale.PARTIALLY_PROBLEMATIC, "", "", None),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("question_id,answer\np09-q01,no_problem\np09-q77,no_problem\n", r"line 3: unknown question id 'p09-q77'"),
        ("question_id,answer\np09-q01,たぶん大丈夫\n", r"line 2: unknown answer value 'たぶん大丈夫'"),
        ("question_id,answer\np09-q01,\n", r"line 2: question p09-q01 has no answer"),
        ("question_id,answer,date\np09-q01,no_problem,2026/11/01\n", r"line 2: invalid date '2026/11/01'"),
        ("question_id,answer\np09-q01,no_problem\np09-q01,problematic\n", r"line 3: question p09-q01 was already answered at line 2"),
        ("question_id,result\np09-q01,no_problem\n", r"line 1: missing column\(s\) answer"),
        ("question_id,answer,comment\np09-q01,no_problem,x\n", r"line 1: unknown column\(s\) comment"),
        ("question_id,answer\np09-q01,no_problem,extra\n", r"line 2: more fields than columns"),
    ],
)
def test_bad_csv_answers_name_the_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_answers(write(tmp_path, "answers.csv", text))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- {question_id: p04-q42, answer: no_problem}\n", r"answer 1: unknown question id 'p04-q42'"),
        ("- {question_id: p04-q01, answer: fine}\n", r"answer 1: unknown answer value 'fine'"),
        ("- {question_id: p04-q01, answer: no_problem, note: x}\n", r"answer 1: unknown field\(s\) note"),
        ("- {answer: no_problem}\n", r"answer 1: missing question_id"),
        ("- just a string\n", r"answer 1: expected a mapping"),
        ("answers: {p04-q01: no_problem}\n", r"expected a list of answers"),
        ("assessor: x\nanswer: []\n", r"unknown top-level keys \['answer'\]"),
        ("- {question_id: p04-q01, answer: [no_problem\n", r"not valid YAML \(line 2"),
    ],
)
def test_bad_yaml_answers_are_input_errors(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_answers(write(tmp_path, "answers.yaml", text))


def test_answers_file_must_exist_and_have_a_known_format(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_answers(tmp_path / "missing.csv")
    with pytest.raises(InputError, match=r"\.yaml, \.yml or \.csv"):
        load_answers(write(tmp_path, "answers.txt", "p09-q01 no_problem"))
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b"question_id,answer\np09-q01,\x81 \xef\xff\n")
    with pytest.raises(InputError, match="UTF-8 or Shift_JIS"):
        load_answers(broken)
