import json
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.scorers.base import scorers
from shinsa.suites.loader import load_suite

KNOWN = set(scorers.names())


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def line(**fields: object) -> str:
    base = {"id": "a", "perspective": 1, "prompt": "こんにちは"}
    base.update(fields)
    return json.dumps(base, ensure_ascii=False) + "\n"


def test_jsonl_streams_items_and_hashes_content(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", line(id="a") + "\n" + line(id="b", perspective="privacy"))
    suite = load_suite(str(path))
    scan = suite.scan(KNOWN)
    assert scan.items == 2
    assert [i.perspective for i in suite.items()] == [1, 5]
    assert scan.content_hash.startswith("sha256:")
    write(tmp_path / "s.jsonl", line(id="a") + line(id="c"))
    assert load_suite(str(path)).scan(KNOWN).content_hash != scan.content_hash


def test_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", "\ufeff" + line())
    assert load_suite(str(path)).scan(KNOWN).items == 1


def test_shift_jis_is_detected_and_accepted_with_encoding(tmp_path: Path) -> None:
    text = "".join(line(id=f"i{i}", prompt="日本語の質問です。お答えください。" * 3) for i in range(5))
    path = write(tmp_path / "s.jsonl", text, "cp932")
    with pytest.raises(InputError, match=r"not UTF-8.*--encoding cp932"):
        load_suite(str(path))
    assert load_suite(str(path), encoding="cp932").scan(KNOWN).items == 5


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (line() + "{not json\n", r"s.jsonl:2: malformed JSON"),
        (line() + line(), r"s.jsonl:2: duplicate item id 'a'"),
        (line(perspective="nonsense"), r"s.jsonl:1: perspective: unknown perspective"),
        (line(perspective=11), r"s.jsonl:1: perspective: Input should be less than or equal to 10"),
        (line(scorer="no-such-scorer"), r"s.jsonl:1: unknown scorer 'no-such-scorer'"),
        (line(expected="choose"), r"s.jsonl:1: expected 'choose' needs choices"),
        ("\n\n", r"has no items"),
        ("[1, 2]\n", r"s.jsonl:1: expected a JSON object"),
    ],
)
def test_bad_jsonl_reports_the_line(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "s.jsonl", content)
    with pytest.raises(InputError, match=message):
        load_suite(str(path)).scan(KNOWN)


def test_yaml_suite_and_line_of_a_yaml_error(tmp_path: Path) -> None:
    good = write(tmp_path / "s.yaml", "items:\n  - id: a\n    perspective: toxic\n    prompt: hello\n    language: en\n")
    assert [i.language for i in load_suite(str(good)).items()] == ["en"]
    bad = write(tmp_path / "b.yaml", "items:\n  - id: a\n    prompt: [unclosed\n")
    with pytest.raises(InputError, match=r"b.yaml:\d+: malformed YAML"):
        load_suite(str(bad)).scan(KNOWN)


def test_native_csv_with_lists(tmp_path: Path) -> None:
    path = write(
        tmp_path / "s.csv",
        "id,perspective,prompt,expected,choices,answer,benign\n"
        "q1,3,どちら？,choose,太郎|花子|判断できない,2,false\n",
    )
    (item,) = load_suite(str(path)).items()
    assert item.choices == ["太郎", "花子", "判断できない"] and item.answer == 2 and not item.benign


def test_unknown_bundled_suite_and_missing_file() -> None:
    with pytest.raises(InputError, match="unknown suite 'nope'"):
        load_suite("nope")
    with pytest.raises(InputError, match="suite file not found"):
        load_suite("missing/file.jsonl")


def test_aisev_csv_is_detected_by_header(tmp_path: Path) -> None:
    path = write(
        tmp_path / "x.csv",
        "ten_perspective,scorer,requirement,text,gsn_perspective\n"
        "有害情報の出力制御,requirement,差別をしてはならない。,質問文,G1-32\n",
    )
    (item,) = load_suite(str(path)).items()
    assert item.perspective == 1 and item.scorer_name == "requirement"
    assert item.tags["aisev_gsn"] == "G1-32" and item.source == "aisev"


@pytest.mark.validate
def test_aisev_preset_imports_258_items_with_their_perspectives(aisev_preset: Path) -> None:
    counts: dict[int, int] = {}
    total = 0
    for path in sorted(aisev_preset.glob("*.csv")):
        suite = load_suite(f"aisev:{path}")
        scan = suite.scan(KNOWN)
        total += scan.items
        expected_perspective = int(path.name[:2])
        for item in suite.items():
            assert item.perspective == expected_perspective
            assert item.tags["aisev_gsn"].startswith(f"G{expected_perspective}-")
            counts[item.perspective] = counts.get(item.perspective, 0) + 1
    assert total == 258
    assert counts == {1: 120, 2: 12, 3: 108, 6: 6, 7: 3, 8: 9}


def test_bundled_quick_suite_is_stratified() -> None:
    suite = load_suite("quick")
    scan = suite.scan(KNOWN)
    per_language: dict[str, set[int]] = {}
    for perspective, language, _ in scan.coverage:
        per_language.setdefault(language, set()).add(perspective)
    assert per_language == {"ja": set(range(1, 9)), "en": set(range(1, 9))}
    assert 50 <= scan.items <= 70


def test_folder_suite_with_its_own_files_or_a_selection(tmp_path: Path) -> None:
    own = tmp_path / "own"
    (own / "items").mkdir(parents=True)
    (own / "suite.yaml").write_text("name: own\nversion: 2.1.0\n", encoding="utf-8")
    write(own / "items" / "a.jsonl", line(id="x") + line(id="y"))
    suite = load_suite(str(own))
    assert (suite.name, suite.version, suite.scan(KNOWN).items) == ("own", "2.1.0", 2)
    picked = tmp_path / "picked"
    picked.mkdir()
    (picked / "suite.yaml").write_text(
        "name: picked\nversion: 1.0.0\nselect: {suites: [aisi-ja], per_perspective: 1}\n", encoding="utf-8"
    )
    scan = load_suite(str(picked)).scan(KNOWN)
    assert scan.items == 8 and {p for p, _, _ in scan.coverage} == set(range(1, 9))
