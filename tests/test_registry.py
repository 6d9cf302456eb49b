"""The one registry behind every extension point: built-ins load their own module on first lookup,
plugins come from the entry-point group, and an unknown name is one line listing the known ones."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from shinsa.errors import InputError
from shinsa.registry import Registry

REPO = Path(__file__).resolve().parents[1]


def test_a_builtin_is_imported_only_when_looked_up() -> None:
    code = (
        "import sys\n"
        "from shinsa.scorers.base import scorers\n"
        "assert 'shinsa.scorers.judges' not in sys.modules\n"
        "assert 'rubric' in scorers.names()\n"
        "assert 'shinsa.scorers.judges' not in sys.modules\n"
        "scorers.get('rubric')\n"
        "assert 'shinsa.scorers.judges' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], env={"PYTHONPATH": str(REPO / "src")}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_registered_values_of_any_kind_and_unknown_names() -> None:
    registry: Registry[str] = Registry("greeting", "shinsa.tests.no-such-group")
    registry.register("hello")("こんにちは")
    assert "hello" in registry and "bye" not in registry
    assert registry.get("hello") == "こんにちは"
    with pytest.raises(InputError, match=r"^unknown greeting 'bye' \(known: hello\)$"):
        registry.get("bye")
