"""Any JSONL/JSON/CSV/TSV/parquet file with a column mapping becomes native items."""

from __future__ import annotations

from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.items import Expected
from shinsa.scorers.base import scorers
from shinsa.suites.importers import importers, load_imported
from shinsa.suites.importers.mapped import ColumnMapping, load_mapped, parse_mapping
from shinsa.suites.loader import load_suite

FIXTURES = Path(__file__).parent / "fixtures"
KNOWN = set(scorers.names())


def test_csv_with_inline_mapping_and_constants() -> None:
    spec = f"mapped:{FIXTURES / 'qa.csv'}?map=id=qid,prompt=question,perspective=cat&set=expected=comply,benign=true"
    first, second = load_suite(spec).items()
    assert first.id == "q-1"
    assert first.perspective == 2  # "misinformation" resolved by name
    assert first.language == "ja"  # guessed from the prompt
    assert first.expected is Expected.COMPLY and first.benign is True
    assert first.source == "mapped"
    assert second.perspective == 4 and second.language == "en"


def test_csv_header_names_are_compared_loosely(tmp_path: Path) -> None:
    path = tmp_path / "loose.csv"
    path.write_text("Question Text,Gold Answer\n富士山の高さは？,3776\n", encoding="utf-8")
    spec = f"mapped:{path}?map=prompt=question_text,reference=Gold Answer&set=perspective=2,expected=contain"
    (item,) = load_suite(spec).items()
    assert item.id == "loose-0001"
    assert item.reference == ["3776"]
    assert item.expected is Expected.CONTAIN


def test_csv_list_cells_use_the_native_conventions(tmp_path: Path) -> None:
    path = tmp_path / "mc.tsv"
    path.write_text("q\topts\tgold\nどれ？\t赤|青|緑\t1\n", encoding="utf-8")
    spec = (
        f"mapped:{path}?map=prompt=q,choices=opts,answer=gold&set=perspective=3,expected=choose,scorer=choice"
    )
    (item,) = load_suite(spec).items()
    assert item.choices == ["赤", "青", "緑"]
    assert item.answer == 1


def test_jsonl_with_dotted_paths_and_a_yaml_mapping_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)  # the mapping file path is relative to the working directory
    items = list(load_suite("mapped:nested.jsonl?map=mapping.yaml").items())
    assert [i.id for i in items] == ["7", "8"]
    assert [i.perspective for i in items] == [5, 5]
    assert [i.language for i in items] == ["ja", "en"]
    assert all(i.scorer == "pii" and i.tags == {"topic": "phone"} for i in items)


def test_json_array_source(tmp_path: Path) -> None:
    path = tmp_path / "arr.json"
    path.write_text('[{"q": "こんにちは"},\n {"q": "Hello"}]', encoding="utf-8")
    items = list(load_suite(f"mapped:{path}?map=prompt=q&set=perspective=8").items())
    assert [(i.id, i.language) for i in items] == [("arr-0001", "ja"), ("arr-0002", "en")]


def test_parquet_source(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist([{"question": "Is this fine?", "n": 1}]), path)
    (item,) = load_suite(f"mapped:{path}?map=prompt=question,id=n&set=perspective=1").items()
    assert (item.id, item.prompt) == ("1", "Is this fine?")


def test_the_mapping_is_part_of_the_content_hash() -> None:
    path = FIXTURES / "qa.csv"
    base = f"mapped:{path}?map=id=qid,prompt=question,perspective=cat"
    refuse = load_suite(base).scan(KNOWN).content_hash
    comply = load_suite(base + "&set=expected=comply").scan(KNOWN).content_hash
    assert refuse != comply
    assert load_suite(base).scan(KNOWN).content_hash == refuse


def test_load_mapped_takes_a_mapping_directly() -> None:
    mapping = parse_mapping("map=prompt=question,perspective=cat")
    assert mapping == ColumnMapping({"prompt": "question", "perspective": "cat"}, {})
    suite = load_mapped(FIXTURES / "qa.csv", mapping)
    assert [i.id for i in suite.items()] == ["qa-0001", "qa-0002"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", r"has no column mapping"),
        ("?map=promt=question,perspective=cat", r"unknown item field 'promt'"),
        ("?map=id=qid&set=perspective=1", r"map prompt to a column"),
        ("?map=prompt=question", r"map perspective to a column or set it"),
        ("?map=prompt", r"map entry 'prompt' is not FIELD=VALUE"),
        ("?map=prompt=question&sets=perspective=1", r"unknown option 'sets=perspective=1'"),
        ("?set=perspective=1", r"missing map=\.\.\."),
        ("?map=missing.yaml", r"mapping file not found: missing\.yaml"),
    ],
)
def test_bad_mappings_say_what_is_wrong(query: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_suite(f"mapped:{FIXTURES / 'qa.csv'}{query}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("map: [prompt]\n", r"map: expected a mapping of item fields"),
        ("map: {prompt: q}\nextra: 1\n", r"a mapping file holds 'map' and optionally 'set'"),
        ("map: {prompt: q\n", r"malformed mapping file"),
    ],
)
def test_bad_mapping_files(tmp_path: Path, content: str, message: str) -> None:
    mapping = tmp_path / "m.yaml"
    mapping.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_suite(f"mapped:{FIXTURES / 'qa.csv'}?map={mapping}")


def test_missing_csv_column_is_reported_on_the_header() -> None:
    spec = f"mapped:{FIXTURES / 'qa.csv'}?map=prompt=query,perspective=cat"
    with pytest.raises(
        InputError, match=r"qa\.csv:1: missing column 'query' \(columns found: qid, question, cat, gold\)"
    ):
        load_suite(spec).scan(KNOWN)


def test_invalid_values_are_reported_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"q": "ok", "p": 1}\n{"q": "ok too", "p": "nonsense"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:2: perspective: unknown perspective 'nonsense'"):
        load_suite(f"mapped:{path}?map=prompt=q,perspective=p").scan(KNOWN)


def test_a_record_without_the_prompt_column(tmp_path: Path) -> None:
    path = tmp_path / "gap.jsonl"
    path.write_text('{"q": "ok"}\n{"other": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"gap\.jsonl:2: prompt: Field required"):
        load_suite(f"mapped:{path}?map=prompt=q&set=perspective=1").scan(KNOWN)


def test_prefixes_are_registered_and_other_specs_pass_through() -> None:
    assert set(importers.names()) == {"aisev", "answercarefully", "bbq", "jtruthfulqa", "ailuminate", "mapped"}
    assert load_imported("aisi-ja") is None
    assert load_imported("nosuch:preset.csv") is None
    assert load_imported("suite.jsonl") is None
    with pytest.raises(InputError, match="bbq: file not found"):
        load_suite("BBQ:/no/such/file.jsonl")
