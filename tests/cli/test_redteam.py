"""``shinsa redteam converters`` and ``templates`` list the attack library one entry per line."""

from __future__ import annotations

from typer.testing import CliRunner

from shinsa.cli.redteam import app
from shinsa.redteam.converters import converter, converters
from shinsa.redteam.templates import bundled_templates


def test_converters_lists_every_converter_once_with_its_description() -> None:
    result = CliRunner().invoke(app, ["converters"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split()[0] for line in lines] == converters.names()
    for line in lines:
        name = line.split()[0]
        assert line.endswith(converter(name).description)


def test_templates_lists_every_template_and_marks_many_shot() -> None:
    result = CliRunner().invoke(app, ["templates"])
    assert result.exit_code == 0, result.output
    names = [
        line.split()[0] for line in result.stdout.splitlines() if not line.startswith("templates version")
    ]
    library = bundled_templates()
    assert sorted(name.removesuffix("[:N]") for name in names) == sorted(library.templates)
    assert "many_shot[:N]" in names


def test_mounted_under_the_main_command() -> None:
    from shinsa.cli.main import app as main_app

    result = CliRunner().invoke(main_app, ["redteam", "converters"])
    assert result.exit_code == 0, result.output
    assert "kyujitai" in result.output
