"""The map of the code base stays readable: no import cycles between packages, spiders imported
only by spiders and commands, no source file over 500 lines, a docstring atop every module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "newscrawler"
MAX_LINES = 500


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imported(path: Path, name: str) -> set[str]:
    """Every newscrawler module ``path`` imports, at any depth of the file (function-level
    imports count: a cycle through them is still a cycle of the design)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return {n for n in names if n == "newscrawler" or n.startswith("newscrawler.")}


def unit(module: str) -> str:
    """The package a module belongs to (a top-level module is its own unit)."""
    parts = module.split(".")
    return ".".join(parts[:2])


def test_no_import_cycle_between_packages() -> None:
    known = modules()
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        for target in imported(path, name):
            while target not in known and "." in target:
                target = target.rpartition(".")[0]  # `from pkg.mod import name`
            if target in known and unit(target) != unit(name) and target != "newscrawler":
                graph.setdefault(unit(name), set()).add(unit(target))
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, trail = stack.pop()
            for nxt in graph.get(node, ()):
                if nxt == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif nxt not in trail and len(trail) < 8:
                    stack.append((nxt, [*trail, nxt]))
    assert not cycles, "import cycles between packages:\n" + "\n".join(sorted(set(cycles)))


def test_only_spiders_and_commands_import_spider_modules() -> None:
    offenders = []
    for name, path in modules().items():
        if name.startswith(("newscrawler.spiders", "newscrawler.commands")):
            continue
        offenders += [f"{name} imports {t}" for t in imported(path, name)
                      if t.startswith("newscrawler.spiders")]
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_is_small_and_says_its_job(name: str) -> None:
    path = modules()[name]
    source = path.read_text(encoding="utf-8")
    lines = source.count("\n")
    assert lines <= MAX_LINES, f"{path} has {lines} lines (at most {MAX_LINES}): split it by job"
    docstring = ast.get_docstring(ast.parse(source))
    assert docstring, f"{path} opens with no docstring"
    assert docstring.splitlines()[0].strip(), f"{path}: the docstring's first line says its job"
