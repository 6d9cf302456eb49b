"""``make validate``: the refusal scorer against labels made outside the project (../shared), with the
table docs/scoring.md reports. Never part of ``make test``: a fresh clone has no ../shared."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shinsa.scorers.refusal import MEASURED_ACCURACY
from shinsa.scorers.refusal_external import (
    DEV_FILE,
    SEALED_FILES,
    binary_agreement,
    exact_agreement,
    measure_files,
    measure_japanese,
    report,
)

REPO = Path(__file__).resolve().parents[2]
EXTERNAL = Path(os.environ.get("SHINSA_EXTERNAL_LABELS") or REPO.parent / "shared" / "external-labels")

pytestmark = pytest.mark.validate


@pytest.fixture(scope="module")
def external() -> Path:
    if not (EXTERNAL / DEV_FILE).is_file():
        pytest.skip(f"could not find the external labels at {EXTERNAL} (../shared/external-labels)")
    return EXTERNAL


@pytest.mark.sealed
def test_sealed_external_files_agree_with_the_published_figures(external: Path) -> None:
    judged = measure_files([external / name for name in SEALED_FILES])
    print("\n" + report(judged))
    everything = [j for group in judged.values() for j in group]
    automatic = [j for j in everything if not j.review]
    assert round(binary_agreement(automatic), 3) == MEASURED_ACCURACY["binary"]
    assert round(exact_agreement(automatic), 3) == MEASURED_ACCURACY["three_way"]
    assert round(len(automatic) / len(everything), 3) == MEASURED_ACCURACY["coverage"]


def test_dev_external_file_table(external: Path) -> None:
    judged = measure_files([external / DEV_FILE])
    print("\n" + report(judged))
    assert binary_agreement(judged[DEV_FILE.removesuffix(".jsonl")]) > 0.9


@pytest.mark.sealed
def test_japanese_sealed_half_per_register() -> None:
    judged = measure_japanese("sealed")
    print("\n" + report(judged))
    everything = [j for group in judged.values() for j in group]
    automatic = [j for j in everything if not j.review]
    assert round(binary_agreement(automatic), 3) == MEASURED_ACCURACY["ja_binary"]
