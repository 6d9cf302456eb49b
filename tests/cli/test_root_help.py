"""``shinsa --help`` is drawn from the command table without typer (for start-up time): it must be
the page typer draws for the full command tree, character for character, and importing the CLI must
not load the packages the commands use."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from shinsa.cli.main import COMMANDS

FAST = "from shinsa.cli.main import main; main()"
TYPER = "from shinsa.cli.main import app; app()"
"""The same page through typer, which builds every command listed in the table."""


def _help(code: str, columns: int, color: bool) -> str:
    env = {key: value for key, value in os.environ.items() if key not in ("FORCE_COLOR", "NO_COLOR", "TERMINAL_WIDTH")}
    env["COLUMNS"] = str(columns)
    if color:
        env["FORCE_COLOR"] = "1"
    return subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True, check=True, env=env).stdout


@pytest.mark.parametrize(("columns", "color"), [(80, False), (120, True)])
def test_root_help_is_typers_page(columns: int, color: bool) -> None:
    fast = _help(FAST, columns, color)
    assert fast == _help(TYPER, columns, color)
    for name in COMMANDS:
        assert name in fast


def test_importing_the_cli_loads_no_command_packages() -> None:
    probe = (
        "import sys; sys.argv = ['shinsa', '--help']\n"
        "import shinsa.cli.main\n"
        "imported = set(sys.modules)\n"
        "shinsa.cli.main.main()\n"
        "print('\\n' + __import__('json').dumps([sorted(imported), sorted(sys.modules)]))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    on_import, after_help = json.loads(out.splitlines()[-1])
    heavy = ("sqlalchemy", "aiohttp", "shinsa.report", "shinsa.run", "pydantic", "typer")
    for modules in (on_import, after_help):
        assert not [name for name in modules if name.split(".")[0] in heavy or name.startswith(heavy)]


def test_a_command_loads_its_own_module_only() -> None:
    probe = (
        "import sys; sys.argv = ['shinsa', 'judge', '--help']\n"
        "from shinsa.cli.main import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('\\n' + __import__('json').dumps(sorted(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    modules = json.loads(out.splitlines()[-1])
    assert "shinsa.cli.judge" in modules
    assert not {"shinsa.cli.gov", "shinsa.cli.redteam", "shinsa.cli.run_commands", "shinsa.report.aggregate"} & set(modules)
