"""`make test` must pass on a fresh clone with no ``../shared`` beside it: the tests that read data
outside the repository are marked ``validate``, left out by ``make test`` and run by ``make validate``."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VALIDATE_TESTS = {
    "tests/suites/test_loader.py::test_aisev_preset_imports_258_items_with_their_perspectives",
    "tests/report/test_report_aisev.py::test_every_preset_tree",
    "tests/report/test_report_aisev.py::test_preset_run_quantitative_share_matches_aisev",
    "tests/cli/test_cli_reports.py::test_report_aisev_with_leaf_answers",
    "tests/scorers/test_refusal_external.py::test_sealed_external_files_agree_with_the_published_figures",
    "tests/scorers/test_refusal_external.py::test_dev_external_file_table",
    "tests/scorers/test_refusal_external.py::test_japanese_sealed_half_per_register",
}


def make_variable(name: str) -> str:
    match = re.search(rf"^{name}\s*\??=\s*(.+)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    assert match, f"Makefile defines no {name}"
    return match.group(1).strip()


def clone_without_shared(tmp_path: Path) -> Path:
    """A copy of the repository's tracked files in a folder with no ``shared`` beside it."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    clone = tmp_path / "clone" / "shinsa"
    for name in filter(None, listed.decode().split("\0")):
        source = REPO / name
        if source.is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, clone / name)
    assert not (clone.parent / "shared").exists()
    return clone


def pytest_in(clone: Path, *args: str, no_skips: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(clone / "src"), "SHINSA_NO_SKIPS": "1" if no_skips else "0", "COLUMNS": "400"}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=clone, env=env, capture_output=True, text=True, timeout=300,
    )


def test_make_test_selection_leaves_out_exactly_the_tests_reading_shared(tmp_path: Path) -> None:
    clone = clone_without_shared(tmp_path)
    markers = make_variable("TEST_MARKERS")
    collected = pytest_in(clone, "--collect-only", "-q", "-m", markers, "tests")
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    ids = {line for line in collected.stdout.splitlines() if "::" in line}
    assert ids, collected.stdout[-2000:]
    assert not {i.split("[")[0] for i in ids} & VALIDATE_TESTS
    assert re.search(rf"{len(VALIDATE_TESTS)} deselected", collected.stdout), collected.stdout[-500:]


def test_make_validate_names_what_it_could_not_find(tmp_path: Path) -> None:
    clone = clone_without_shared(tmp_path)
    validated = pytest_in(clone, "-q", "-rs", "-m", "validate", "tests/report/test_report_aisev.py", no_skips=False)
    skipped_reason = f"could not find the aisev preset at {clone.parent / 'shared' / 'aisev-preset'}"
    assert skipped_reason in validated.stdout, validated.stdout[-3000:]


def test_make_targets_wire_the_marker() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert '-m "$(TEST_MARKERS)"' in makefile
    assert re.search(r"^validate:.*\n\t.*pytest.* -m validate", makefile, re.MULTILINE)
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").split()
    assert ci[-4:] == ["make", "test", "make", "validate"]
