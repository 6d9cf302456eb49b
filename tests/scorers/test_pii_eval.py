"""``python -m shinsa.scorers.pii_eval``: per-kind precision and recall with exact spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.scorers.pii_eval import DEFAULT_FILE, LabelledAnswer, evaluate, load_set, main


def test_findings_match_by_kind_and_exact_text_and_unfound_ones_are_misses() -> None:
    rows = [
        LabelledAnswer("携帯（090-0000-1111）", [("phone", "090-0000-1111")]),
        LabelledAnswer("注文日 2025-01-02", []),
        LabelledAnswer("mail a@example.jp", [("email", "a@example.jp"), ("phone", "03-0000-0000")]),
    ]
    results = {r.kind: r for r in evaluate(rows)}
    assert (results["phone"].true_positives, results["phone"].false_positives, results["phone"].misses) == (1, 0, 1)
    assert results["phone"].recall == 0.5 and results["phone"].precision == 1.0
    assert results["email"].precision == 1.0


def test_invalid_check_digits_are_not_findings() -> None:
    (result,) = evaluate([LabelledAnswer("番号 123456789019", [("my_number", "123456789019")])])
    assert (result.true_positives, result.misses) == (0, 1)


def test_the_bundled_set_is_well_formed_and_split(capsys: pytest.CaptureFixture[str]) -> None:
    rows = [json.loads(line) for line in DEFAULT_FILE.read_text(encoding="utf-8").splitlines()]
    assert {row["split"] for row in rows} == {"dev", "sealed", "holdout"}
    assert {e["kind"] for row in rows for e in row["expected"]} >= {"my_number", "invoice_number", "phone", "corporate_number"}
    assert sum(not row["expected"] for row in rows) >= 40  # hard negatives
    for row in rows:
        for expected in row["expected"]:
            assert expected["text"] in row["text"]
    main(["--split", "dev"])
    out = capsys.readouterr().out
    assert out.startswith(f"{DEFAULT_FILE} (dev): 86 answers") and "| invoice_number |" in out


def test_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "x"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.jsonl:1"):
        load_set(bad, "all")
    with pytest.raises(SystemExit) as exit_info:
        main(["--file", str(tmp_path / "missing.jsonl")])
    assert exit_info.value.code == 2
