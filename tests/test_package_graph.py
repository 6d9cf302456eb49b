"""The import graph between Shinsa's top-level packages has no cycle and follows the layer order
written in docs/architecture.md, so a package never reaches back into one that builds on it.

Every ``import`` counts, at module level or inside a function (a late import hides a cycle from the
interpreter, not from the design); only imports under ``if TYPE_CHECKING:`` are left out, since they
never run.
"""

from __future__ import annotations

import ast
import itertools
import re
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "src" / "shinsa"
ARCHITECTURE = REPO / "docs" / "architecture.md"
LAYERS_BLOCK = re.compile(r"```text import-layers\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def documented_layers() -> list[list[str]]:
    """The layers of architecture.md's ``import-layers`` block, lowest first, one line each."""
    found = LAYERS_BLOCK.search(ARCHITECTURE.read_text(encoding="utf-8"))
    assert found, "docs/architecture.md has no ```text import-layers block"
    return [line.split(":", 1)[1].split() for line in found.group(1).splitlines() if ":" in line]


def top_level_of(path: Path) -> str:
    """``scorers`` for ``src/shinsa/scorers/judges.py``, ``items`` for ``src/shinsa/items.py``."""
    parts = path.relative_to(SOURCE).with_suffix("").parts
    return parts[0]


def module_parts(path: Path) -> list[str]:
    parts = ["shinsa", *path.relative_to(SOURCE).with_suffix("").parts]
    return parts[:-1] if parts[-1] == "__init__" else parts


def is_type_checking_block(node: ast.AST) -> bool:
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def package_of(path: Path) -> list[str]:
    """The package relative imports in ``path`` start from."""
    return module_parts(path) if path.name == "__init__.py" else module_parts(path)[:-1]


def imported_modules(text: str, package: list[str]) -> list[str]:
    """Absolute names of every module the code imports, relative imports resolved from ``package``."""
    tree = ast.parse(text)
    found: list[str] = []

    def visit(node: ast.AST) -> None:
        if is_type_checking_block(node):
            return
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            if module == "shinsa":  # ``from shinsa import items`` imports the module ``shinsa.items``
                found.extend(f"shinsa.{alias.name}" for alias in node.names)
            else:
                found.append(module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def package_graph() -> dict[str, dict[str, list[str]]]:
    """``{importer: {imported: [files that import it]}}`` between distinct top-level packages."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(SOURCE.rglob("*.py")):
        if path == SOURCE / "__init__.py":
            continue
        source = top_level_of(path)
        for module in imported_modules(path.read_text(encoding="utf-8"), package_of(path)):
            parts = module.split(".")
            if parts[0] != "shinsa" or len(parts) < 2 or parts[1] == source:
                continue
            graph[source][parts[1]].append(str(path.relative_to(REPO)))
    return graph


def top_level_names() -> set[str]:
    return {p.stem for p in SOURCE.iterdir() if (p.suffix == ".py" and p.stem != "__init__") or (p / "__init__.py").is_file()}


def test_the_layer_list_names_every_top_level_package_once() -> None:
    listed = [name for layer in documented_layers() for name in layer]
    assert sorted(listed) == sorted(set(listed)), "a package is listed twice"
    unlisted = sorted(top_level_names() - set(listed))
    assert unlisted == [], "add these to a line of docs/architecture.md's import-layers block, below every package they import"
    assert sorted(set(listed) - top_level_names()) == [], "these listed packages no longer exist"


def test_no_import_cycle_between_top_level_packages() -> None:
    graph = package_graph()
    try:
        TopologicalSorter({source: set(targets) for source, targets in graph.items()}).prepare()
    except CycleError as exc:
        cycle = exc.args[1]
        where = [f"{a} -> {b}: {graph[a][b]}" for a, b in itertools.pairwise(cycle)]
        raise AssertionError("import cycle:\n" + "\n".join(where)) from None


def test_every_import_goes_down_the_documented_layers() -> None:
    layer_of = {name: number for number, layer in enumerate(documented_layers()) for name in layer}
    against = [
        f"{source} (layer {layer_of[source]}) imports {target} (layer {layer_of[target]}) in {files}"
        for source, targets in package_graph().items()
        for target, files in targets.items()
        if layer_of[target] >= layer_of[source]
    ]
    assert against == []


def test_the_graph_reader_sees_function_level_and_relative_imports() -> None:
    """The checker itself: a late import inside a function counts, a TYPE_CHECKING one does not."""
    text = (
        "import typing\n"
        "if typing.TYPE_CHECKING:\n    from shinsa.report import html\n"
        "def late():\n    from shinsa.run import engine\n"
        "from . import base\nfrom ..store import store\nfrom shinsa import items\n"
    )
    found = imported_modules(text, ["shinsa", "scorers"])
    assert found == ["typing", "shinsa.run", "shinsa.scorers", "shinsa.store", "shinsa.items"]
