"""Imports run one way, down the layers of kg.LAYERS: no module imports one on a higher layer."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg import LAYERS

PACKAGE = Path(__file__).resolve().parent.parent / "kg"
LAYER = {name: rank for rank, names in enumerate(LAYERS) for name in names}
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _top(path: Path) -> str:
    """Name the entry directly under kg/ that holds the file."""
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def _entry(module: str, name: str = "") -> str | None:
    """Name the entry under kg/ that `import module` (or `from module import name`) reaches."""
    parts = module.split(".")
    if parts[0] != "kg":
        return None
    if len(parts) > 1:
        return parts[1]
    return name if name in LAYER else "__init__"


def _imported(tree: ast.AST) -> set[str]:
    """Name the entries under kg/ that a module imports, however deep or late the import."""
    found: set[str | None] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {_entry(alias.name) for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            assert not node.level and node.module, "kg's modules import absolutely"
            found |= {_entry(node.module, alias.name) for alias in node.names}
    return {name for name in found if name}


def test_every_entry_has_a_layer() -> None:
    entries = {p.name.removesuffix(".py") for p in PACKAGE.iterdir() if p.name != "__pycache__"}
    assert entries - LAYER.keys() == set(), "add new entries under kg/ to kg.LAYERS"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_go_down_the_layers(path: Path) -> None:
    layer = LAYER[_top(path)]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    upward = sorted(name for name in _imported(tree) if LAYER[name] > layer)
    assert not upward, f"{path.relative_to(PACKAGE)} (layer {_top(path)}) imports {upward}"
