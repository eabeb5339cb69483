"""Dependency direction: the core never imports Qt (DESIGN.md §5)."""

from __future__ import annotations

import ast
from pathlib import Path

CEREMONY = Path(__file__).resolve().parent.parent / "ceremony"


def _imported_modules(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ceremony_never_imports_qt() -> None:
    offenders = []
    for path in sorted(CEREMONY.rglob("*.py")):
        for module in _imported_modules(path.read_text(encoding="utf-8")):
            if module.split(".")[0] in {"PySide6", "PyQt5", "PyQt6", "shiboken6"}:
                offenders.append(f"{path.relative_to(CEREMONY.parent)} imports {module}")
    assert offenders == []


def test_the_check_sees_an_import_of_qt() -> None:
    assert "PySide6.QtCore" in _imported_modules("from PySide6.QtCore import QObject\n")
    assert "PySide6" in _imported_modules("import PySide6\n")
