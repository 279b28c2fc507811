"""The house's shape, checked on the source: SQL stays with its tables, imports run one way.

Read from the code with `ast`, nothing imported: a newcomer who writes SQL in the web
app, or makes reading import knowledge, is told here and not in review.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import osteon

PACKAGE = Path(osteon.__file__).parent
SQL_OWNERS = ("corpus", "knowledge")
"""The packages that own tables: only their modules may hold SQL."""
SQL = re.compile(r"\b(SELECT\b.+\bFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|"
                 r"DELETE\s+FROM|(CREATE|DROP)\s+(TABLE|INDEX|TRIGGER|VIEW)|PRAGMA)\b", re.S)

LAYERS = {"corpus": 0, "reading": 1, "knowledge": 2,
          "ask": 3, "assess": 3, "mechanism": 3, "html": 3,
          "parallel": 3,  # reads on many processes, into knowledge's claim tables
          "": 4,  # the facade, osteon/__init__.py
          "mcp_server": 5, "web": 5, "cli": 5}
"""corpus → reading → knowledge → ask / assess / mechanism (and parallel) → the facade → the faces.
A stage may import its own layer and those below; top-level helpers not named here
(errors, settings, datafiles, ...) are below every stage."""
UPWARD_ALLOWED = {
    ("osteon.ask.evaluate", "osteon"):
        "the answer benchmark builds a KnowledgeBase over a scratch store, as a face would",
}


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(("osteon", *parts)), path))
    return found


def docstrings(tree: ast.AST) -> set[int]:
    """ids of the strings that stand alone as statements: docstrings, prose that may say
    'delete from', never SQL that runs."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)}


def test_no_sql_text_outside_the_packages_that_own_tables() -> None:
    offenders = []
    for name, path in modules():
        if name.split(".")[1:2] and name.split(".")[1] in SQL_OWNERS:
            continue  # corpus/ and knowledge/ own their tables
        tree = ast.parse(path.read_text(encoding="utf-8"))
        prose = docstrings(tree)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str)
                    and id(node) not in prose and SQL.search(node.value)):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value[:60]!r}")
    assert offenders == [], ("SQL belongs to the store that owns the table (corpus/ or "
                             "knowledge/); call its typed API instead:\n" + "\n".join(offenders))


def test_the_check_sees_sql_in_plain_and_formatted_strings() -> None:
    tree = ast.parse('x = f"SELECT a FROM {t} WHERE b = ?"\n'
                     'y = "INSERT OR REPLACE INTO t VALUES (?)"\n'
                     'def f():\n    """Rows delete from the index when removed."""\n')
    prose = docstrings(tree)
    hits = [n for n in ast.walk(tree) if isinstance(n, ast.Constant)
            and isinstance(n.value, str) and id(n) not in prose and SQL.search(n.value)]
    assert len(hits) == 2


def _layer(module: str) -> int:
    parts = module.split(".")
    return LAYERS.get(parts[1] if len(parts) > 1 else "", -1)


def _type_checking_only(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.update(id(n) for stmt in node.body for n in ast.walk(stmt))
    return found


def test_stages_import_only_their_own_layer_and_those_below() -> None:
    known = {name for name, _ in modules()}
    upward = []
    for name, path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hints = _type_checking_only(tree)
        for node in ast.walk(tree):
            if id(node) in hints:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                # `from osteon import datafiles` imports a module, not the facade
                targets = [f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in known
                           else node.module for a in node.names]
            else:
                continue
            for target in targets:
                if (target.split(".")[0] == "osteon" and _layer(target) > _layer(name)
                        and (name, target) not in UPWARD_ALLOWED):
                    upward.append(f"{name} imports {target} (line {node.lineno})")
    assert upward == [], "imports that run back up the stages:\n" + "\n".join(upward)


FACES = ("cli", "web", "mcp_server")
"""The faces: every module under them reaches the store and the knowledge only through
KnowledgeBase's verbs, never the objects it wraps."""
WRAPPED = ("store", "knowledge", "knowledge_store", "_knowledge", "_reader")
"""What the facade keeps inside: the corpus store and the knowledge store."""
BASES = ("kb", "base", "_kb", "_worker_kb")
"""The names a face gives a KnowledgeBase (`kb`, `state.base`, `self.kb`, ...)."""


def face_modules() -> list[tuple[str, Path]]:
    return [(name, path) for name, path in modules()
            if (name.split(".") + [""])[1] in FACES]


def reaches_through(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, text) of each `kb.store` / `state.base.knowledge` / ... in the tree."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Attribute) and node.attr in WRAPPED):
            continue
        inner = node.value
        name = inner.id if isinstance(inner, ast.Name) else (
            inner.attr if isinstance(inner, ast.Attribute) else None)
        if name in BASES:
            found.append((node.lineno, ast.unparse(node)))
    return sorted(found)


def test_the_faces_go_through_the_facade_not_its_store_or_knowledge() -> None:
    faces = face_modules()
    assert {name.split(".")[1] for name, _ in faces} == set(FACES)
    assert any(name == "osteon.web.state" for name, _ in faces)
    reaching = [f"{path.relative_to(PACKAGE)}:{line}: {text}" for _, path in faces
                for line, text in reaches_through(ast.parse(path.read_text(encoding="utf-8")))]
    assert reaching == [], "call a KnowledgeBase verb instead:\n" + "\n".join(reaching)


def test_the_facade_check_sees_every_way_a_face_names_its_base() -> None:
    tree = ast.parse("kb.store.path\nstate.base.knowledge.hierarchy()\n"
                     "self.kb.knowledge_store\nself.store\nkb.path\nstate.base.facts()\n")
    assert [text for _, text in reaches_through(tree)] == [
        "kb.store", "state.base.knowledge", "self.kb.knowledge_store"]


def test_no_face_handles_sqlite_itself() -> None:
    """SQLite's errors become osteon's in the store (Store.osteon_errors): faces catch those."""
    importing = []
    for _, path in face_modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module] if isinstance(node, ast.ImportFrom) else [])
            if "sqlite3" in names:
                importing.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert importing == [], "a face imports sqlite3:\n" + "\n".join(importing)
