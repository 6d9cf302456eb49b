from pathlib import Path

import pytest
from pydantic import BaseModel

from shinsa.errors import InputError
from shinsa.yamlfiles import parse_yaml_model, read_yaml_model


class Config(BaseModel):
    name: str
    size: int = 1


def test_a_valid_document_becomes_the_model() -> None:
    assert parse_yaml_model(Config, "name: x\nsize: 3\n", "c.yaml") == Config(name="x", size=3)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("name: [x\n", r"c.yaml: not valid YAML \(line \d+"),
        ("- a\n- b\n", "c.yaml: expected a mapping, got list"),
        ("size: 2\n", "c.yaml: name: Field required"),
        ("name: x\nsize: big\n", "c.yaml: size: Input should be a valid integer"),
    ],
)
def test_bad_documents_give_one_line_errors(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_yaml_model(Config, text, "c.yaml")
    assert "\n" not in str(info.value)


def test_files(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_bytes("\ufeffname: ボム\n".encode())
    assert read_yaml_model(Config, path, "config").name == "ボム"
    with pytest.raises(InputError, match="cannot read the config: file not found"):
        read_yaml_model(Config, tmp_path / "none.yaml", "config")
