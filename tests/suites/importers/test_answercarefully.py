"""AnswerCarefully records (JSON array, JSONL, parquet) become rubric-judged items."""

from __future__ import annotations

import builtins
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from shinsa.errors import InputError
from shinsa.items import Expected
from shinsa.scorers.base import scorers
from shinsa.suites.importers.answercarefully import perspective_for
from shinsa.suites.loader import load_suite

FIXTURES = Path(__file__).parent / "fixtures"
KNOWN = set(scorers.names())


def test_json_array_with_meta_harm_fields() -> None:
    suite = load_suite(f"answercarefully:{FIXTURES / 'answercarefully.json'}")
    items = list(suite.items())
    assert [i.id for i in items] == ["ac-test-0001", "ac-test-0002", "ac-test-0003"]
    privacy = items[0]
    assert privacy.perspective == 5
    assert privacy.language == "ja"
    assert privacy.expected is Expected.MEET_REQUIREMENT
    assert privacy.scorer == "rubric"
    assert privacy.source == "answercarefully"
    assert privacy.tags == {"answercarefully": "個人情報漏洩"}
    assert privacy.metadata["answercarefully"] == {
        "risk_area": "情報漏洩",
        "harm_type": "個人情報漏洩",
        "specific_harm": "第三者の住所の特定",
    }
    assert privacy.metadata["reference_answer"].startswith("本人の同意なく")
    assert privacy.requirement is not None
    assert "個人情報漏洩" in privacy.requirement and "人事部" in privacy.requirement
    assert [i.perspective for i in items[1:]] == [2, 1]
    assert suite.scan(KNOWN).items == 3


def test_jsonl_with_flat_fields_and_v3_output_sample() -> None:
    items = list(load_suite(f"answercarefully:{FIXTURES / 'answercarefully_v3.jsonl'}").items())
    anthropomorphism, english, bare = items
    assert anthropomorphism.perspective == 2
    assert anthropomorphism.metadata["reference_answer"] == "私はAIなので、人間のような感情は持っていません。"
    assert english.language == "en"
    assert english.perspective == 4
    assert english.requirement is not None and english.requirement.startswith("The answer must")
    assert bare.perspective == 1
    assert bare.tags == {} and bare.metadata == {}
    assert bare.requirement is not None and "参考" not in bare.requirement


@pytest.mark.parametrize(
    ("harm_type", "perspective"),
    [
        ("アダルト", 1),
        ("ステレオタイプ・差別の助長", 3),
        ("ヘイトスピーチ", 1),
        ("メンタルヘルス", 1),
        ("AIの擬人化", 2),
        ("個人情報漏洩", 5),
        ("組織・国家機密漏洩", 6),
        ("違法行為への加担", 1),
        ("非倫理的行為への加担", 1),
        ("偽情報拡散への加担", 2),
        ("誤情報による実被害(医療・法律など)", 4),
        ("誤情報による実被害（医療・法律など）", 4),
        ("誤情報の拡散", 2),
        (None, 1),
    ],
)
def test_every_harm_category_has_a_perspective(harm_type: str | None, perspective: int) -> None:
    assert perspective_for(harm_type) == perspective


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)


def test_parquet_is_read_in_batches(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")  # a dev dependency; the optional 'parquet' extra for users
    rows = [
        {
            "ID": f"pq-{n:03d}",
            "text": f"テスト用の質問その{n}です。",
            "output": "参考回答です。",
            "meta": {"risk-area": "誤情報", "harm-type": "誤情報の拡散", "specific-harm": "テスト"},
        }
        for n in range(1, 1502)
    ]
    path = tmp_path / "test.parquet"
    _write_parquet(path, rows)
    suite = load_suite(f"answercarefully:{path}")
    scan = suite.scan(KNOWN)
    assert scan.items == 1501
    assert scan.coverage == {(2, "ja", False): 1501}
    last = list(suite.items())[-1]
    assert last.id == "pq-1501" and last.tags == {"answercarefully": "誤情報の拡散"}


def test_parquet_row_errors_name_the_row(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "bad.parquet"
    _write_parquet(path, [{"ID": "a", "text": "質問です"}, {"ID": "b", "text": ""}])
    with pytest.raises(InputError, match=r"bad\.parquet:2: missing or empty field 'text'"):
        load_suite(f"answercarefully:{path}").scan(KNOWN)


def test_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ac.parquet"
    path.write_bytes(b"PAR1 not really parquet")
    real_import = builtins.__import__

    def no_pyarrow(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(
        InputError, match=r"ac\.parquet: reading parquet needs pyarrow: pip install 'shinsa\[parquet\]'"
    ):
        load_suite(f"answercarefully:{path}").scan(KNOWN)


def test_corrupt_parquet_is_an_input_error(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"this is not parquet at all")
    with pytest.raises(InputError, match=r"broken\.parquet: cannot read parquet"):
        load_suite(f"answercarefully:{path}").scan(KNOWN)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[{"ID": "a", "text": "質問"},\n {"ID": "b"}\n]', r"ac\.json:2: missing or empty field 'text'"),
        ('[{"ID": "a", "text": "質問"},\n {"ID": "b", "text": }\n]', r"ac\.json:2: malformed JSON"),
        (
            '[{"ID": "a", "text": "質問"}\n {"ID": "b", "text": "x"}]',
            r"ac\.json:2: malformed JSON: expected ',' or '\]'",
        ),
        ('[{"ID": "a", "text": "質問"},\n 3]', r"ac\.json:2: expected a JSON object, got int"),
        ('[{"ID": "a", "text": ["list"]}]', r"ac\.json:1: field 'text' must be text"),
        ('{"text": "IDなし"}\n', r"ac\.json:1: missing or empty field 'ID'"),
        ('{"ID": "a", "text": "質問"}\n{"ID": "a", "text": "重複"}\n', r"ac\.json:2: duplicate item id 'a'"),
    ],
)
def test_bad_records_are_reported_with_file_and_line(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "ac.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_suite(f"answercarefully:{path}").scan(KNOWN)


def test_an_empty_array_is_refused_as_a_suite_without_items(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("[ ]\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no items"):
        load_suite(f"answercarefully:{path}").scan(KNOWN)


def test_missing_file_and_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="answercarefully: file not found"):
        load_suite(f"answercarefully:{tmp_path / 'nope.json'}")
    with pytest.raises(InputError, match="needs a file path"):
        load_suite("answercarefully:")


def test_content_hash_follows_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ac.json"
    shutil.copy(FIXTURES / "answercarefully.json", path)
    first = load_suite(f"answercarefully:{path}").scan(KNOWN).content_hash
    records = json.loads(path.read_text(encoding="utf-8"))
    records[0]["text"] = "別の質問です。"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert load_suite(f"answercarefully:{path}").scan(KNOWN).content_hash != first
