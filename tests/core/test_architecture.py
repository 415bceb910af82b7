"""The layers, checked from the source: core has no Qt and knows nothing of the GUI or the
command line, the GUI does not reach into the command line, formats are leaves, and no
module imports itself back through others.

Every import counts, including those inside functions: a function-level import hides a
cycle from Python at start-up but not from the reader, and it breaks just the same when the
code is moved. KNOWN lists the violations the code has today; it may only shrink, so a new
one fails here and a fixed one must leave the list.
"""

from __future__ import annotations

import ast
from pathlib import Path

import annotator

PACKAGE_DIR = Path(annotator.__file__).resolve().parent

# Modules that drive the work: a format reads and writes one file shape and must not call them.
DRIVERS = ("importer", "exporter", "project", "merge", "review", "suggest", "backup", "agreement")

KNOWN: set[tuple[str, str]] = set()


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE_DIR.rglob("*.py"):
        parts = ("annotator",) + path.relative_to(PACKAGE_DIR).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every module (ours or foreign) that `name` imports anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            out.add(target)
            # `from annotator.core import project` imports the module annotator.core.project
            out.update(f"{target}.{a.name}" for a in node.names if f"{target}.{a.name}" in modules)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def _violations(graph: dict[str, set[str]]) -> set[tuple[str, str]]:
    bad = set()
    for module, targets in graph.items():
        for target in targets:
            if module.startswith("annotator.core") and (
                target.split(".")[0] in ("PySide6", "shiboken6")
                or target.startswith(("annotator.gui", "annotator.cli", "annotator.commands"))
            ):
                bad.add((module, target))
            if module.startswith("annotator.gui") and target.startswith(("annotator.cli", "annotator.commands")):
                bad.add((module, target))
            if module.startswith("annotator.core.formats") and any(
                target == f"annotator.core.{d}" or target.startswith(f"annotator.core.{d}.") for d in DRIVERS
            ):
                bad.add((module, target))
    return bad


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of our modules (Tarjan), ignoring a package's imports of its
    own submodules: a package that re-exports its parts is not a cycle."""
    def edges(v):
        for w in graph.get(v, ()):
            if w in graph and w != v and not w.startswith(v + "."):
                yield w

    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(edges(root))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            v, children = work[-1]
            for w in children:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(edges(w)))))
                    break
                if w in on_stack:
                    low[v] = min(low[v], index[w])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    group = []
                    while True:
                        w = stack.pop()
                        on_stack.discard(w)
                        group.append(w)
                        if w == v:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_no_new_layer_violations():
    found = _violations(_graph())
    new = found - KNOWN
    assert not new, "imports that cross a layer: " + "; ".join(f"{a} -> {b}" for a, b in sorted(new))


def test_known_violations_leave_the_list_once_fixed():
    fixed = KNOWN - _violations(_graph())
    assert not fixed, "fixed, so remove from KNOWN: " + "; ".join(f"{a} -> {b}" for a, b in sorted(fixed))


def test_no_import_cycles_beyond_the_known_ones():
    graph = _graph()
    # A cycle made only of edges in KNOWN is the one already listed there.
    for a, b in KNOWN:
        graph[a] = graph[a] - {b}
    assert _cycles(graph) == []


def test_the_checker_sees_what_it_claims():
    """The rules catch the shapes they are written for (so the tests above cannot pass by
    seeing nothing)."""
    graph = {
        "annotator.core.x": {"PySide6.QtCore", "annotator.gui.y"},
        "annotator.gui.y": {"annotator.commands.z"},
        "annotator.core.formats.f": {"annotator.core.importer", "annotator.core.errors"},
        "annotator.core.importer": {"annotator.core.formats.f"},
        "annotator.core.formats": {"annotator.core.formats.f"},
    }
    assert _violations(graph) == {
        ("annotator.core.x", "PySide6.QtCore"),
        ("annotator.core.x", "annotator.gui.y"),
        ("annotator.gui.y", "annotator.commands.z"),
        ("annotator.core.formats.f", "annotator.core.importer"),
    }
    assert _cycles(graph) == [["annotator.core.formats.f", "annotator.core.importer"]]
    assert len(_graph()) > 50


# --- The store owns the SQL ---------------------------------------------------------------
# Only the store speaks SQL: core/project.py and core/store/. Anything else that calls
# execute/executemany/executescript, touches a connection (`.conn`, `.db`) or imports
# sqlite3/sqlite_utils is listed here until it moves; the list may only shrink.
STORE = ("annotator.core.project", "annotator.core.store")
SQL_ATTRS = {"execute", "executemany", "executescript", "conn", "db", "_conn"}
KNOWN_SQL: set[str] = set()  # every module has moved; keep it empty


def _speaks_sql(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in SQL_ATTRS:
            found.append(f"line {node.lineno}: .{node.attr}")
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if any(n.split(".")[0] in ("sqlite3", "sqlite_utils") for n in names):
                found.append(f"line {node.lineno}: import {names[0]}")
    return found


def _sql_outside_store() -> dict[str, list[str]]:
    return {name: hits for name, path in _modules().items()
            if not any(name == s or name.startswith(s + ".") for s in STORE)
            for hits in [_speaks_sql(path)] if hits}


def test_only_the_store_speaks_sql():
    new = {m: h for m, h in _sql_outside_store().items() if m not in KNOWN_SQL}
    assert not new, "SQL or a connection outside the store: " + "; ".join(
        f"{m} ({', '.join(h[:3])})" for m, h in sorted(new.items()))


def test_modules_that_left_the_sql_leave_the_list():
    fixed = KNOWN_SQL - set(_sql_outside_store())
    assert not fixed, "no SQL left, so remove from KNOWN_SQL: " + ", ".join(sorted(fixed))


# --- One list of subcommands ----------------------------------------------------------------
def test_every_command_module_is_a_subcommand():
    """cli.COMMANDS is the one list, and nothing in it is optional: every module of
    annotator/commands (but the shared helpers) is registered, and the parser has them all."""
    from annotator.cli import COMMANDS, _subcommands, build_parser

    modules = {p.stem for p in (PACKAGE_DIR / "commands").glob("*.py")} - {"__init__", "common"}
    assert set(COMMANDS) == modules
    assert len(_subcommands(build_parser())) >= len(COMMANDS)  # each registers one or more
