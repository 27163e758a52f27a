"""DESIGN.md section 2, enforced: each layer imports only what it may."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"
STDLIB = set(sys.stdlib_module_names)


def imports_of(path: Path) -> set[str]:
    """Absolute top-level names and package-relative module paths imported by a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    module_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module_parts[: len(module_parts) - node.level]
                name = ".".join(base + ((node.module,) if node.module else ()))
                if node.module is None:
                    found.update(f"{name}.{alias.name}" for alias in node.names)
                else:
                    found.add(name)
            else:
                found.add(node.module)
    return found


def files(layer: str) -> list[Path]:
    folder = PACKAGE / layer
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [PACKAGE / f"{layer}.py"]


def top(name: str) -> str:
    return name.split(".")[0]


def layer_of(name: str) -> str | None:
    """The layer a desktop_app import lands in; None for the package root (its __version__ and name)."""
    parts = name.split(".")
    if parts[0] != "desktop_app" or len(parts) < 2:
        return None
    is_module = (PACKAGE / parts[1]).is_dir() or (PACKAGE / f"{parts[1]}.py").exists()
    return parts[1] if is_module else None


def violations(layer: str, allowed_layers: set[str], allowed_third_party: set[str]) -> list[str]:
    bad = []
    for path in files(layer):
        for name in imports_of(path):
            if top(name) == "desktop_app":
                target = layer_of(name)
                if target is not None and target != layer and target not in allowed_layers:
                    bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
            elif top(name) not in STDLIB and top(name) not in allowed_third_party:
                bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    return bad


def test_domain_uses_only_the_standard_library():
    assert violations("domain", set(), set()) == []


def test_db_uses_only_domain_peewee_and_the_drivers():
    """psycopg, like sqlite3, only in its engine's module (the seam test below)."""
    assert violations("db", {"domain"}, {"peewee", "playhouse", "psycopg"}) == []


def test_services_never_import_qt():
    io_libraries = {"phonenumbers", "email_validator", "openpyxl", "keyring", "defusedxml", "python_calamine",
                    "argon2", "platformdirs"}
    assert violations("services", {"domain", "db", "config"}, io_libraries) == []


def test_gui_never_builds_a_query():
    bad = violations("gui", {"domain", "services", "config"}, {"PySide6"})
    # The one exception: closing the worker thread's own connection at shutdown.
    allowed = {"gui/shell/app.py imports desktop_app.db.database"}
    assert [v for v in bad if v not in allowed] == []
    peewee_users = [p for p in files("gui") if "peewee" in {top(n) for n in imports_of(p)}]
    assert peewee_users == []


def test_cli_never_imports_the_gui_or_qt():
    names = imports_of(PACKAGE / "cli.py")
    assert not any(n.startswith("desktop_app.gui") or top(n) == "PySide6" for n in names)


def test_only_gui_imports_qt():
    outside = [p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts]
    assert [str(p) for p in outside if "PySide6" in {top(n) for n in imports_of(p)}] == []


def test_only_the_task_runner_makes_threads():
    thread_modules = {"threading", "concurrent", "multiprocessing", "_thread"}
    makers = []
    for path in PACKAGE.rglob("*.py"):
        names = {top(n) for n in imports_of(path)}
        text = path.read_text(encoding="utf-8")
        if names & thread_modules or "QThread" in text:
            makers.append(path.relative_to(PACKAGE).as_posix())
    # the work process (a child for the heavy jobs), and the bundle's entry point that lets it start; the
    # server engine's write-behind thread lives inside one write (an import's chunks) and is joined before it
    # returns, on the caller's connection and transaction: it never outlives the call that made it
    assert sorted(makers) == ["__main__.py", "db/postgres_engine.py", "gui/common/tasks.py",
                              "gui/common/work_process.py"]


def test_only_config_decides_paths():
    offenders = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py")
                 if "platformdirs" in {top(n) for n in imports_of(p)} and p.name != "config.py"]
    assert offenders == []


def signal_traps(source: str, where: str = "") -> list[str]:
    """`button.clicked.connect(self.m)` / `action.triggered.connect(self.m)` where `m` takes a parameter:
    Qt passes `checked` (False) into it. (Messages' send_now(only=None) got only=False and sent nothing.)"""
    found = []
    for cls in (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.ClassDef)):
        methods = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        for call in ast.walk(cls):
            if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "connect"
                    and isinstance(call.func.value, ast.Attribute) and call.func.value.attr in ("clicked", "triggered")
                    and call.args and isinstance(call.args[0], ast.Attribute)
                    and isinstance(call.args[0].value, ast.Name) and call.args[0].value.id == "self"):
                continue
            method = methods.get(call.args[0].attr)
            if method is None:
                continue
            params = method.args.args[1:]
            if (params and params[0].arg != "checked") or method.args.vararg:
                found.append(f"{where}:{call.lineno} {call.func.value.attr} -> {cls.name}.{method.name}")
    return found


def test_no_button_passes_its_checked_flag_into_a_parameter_that_means_something_else():
    traps = [t for p in files("gui") for t in signal_traps(p.read_text(encoding="utf-8"), p.name)]
    assert traps == []


def test_the_signal_trap_checker_catches_the_send_now_of_old():
    old = ("class MessagesView:\n    def __init__(self):\n        self.send_button.clicked.connect(self.send_now)\n"
           "    def send_now(self, only=None):\n        pass\n")
    assert signal_traps(old, "messages_view.py") == ["messages_view.py:3 clicked -> MessagesView.send_now"]


def test_the_checker_catches_a_broken_rule(tmp_path, monkeypatch):
    """The rule is not vacuous: a domain module importing peewee is reported."""
    fake = tmp_path / "desktop_app" / "domain"
    fake.mkdir(parents=True)
    (fake / "bad.py").write_text("import peewee\nfrom ..db import models\n")
    (tmp_path / "desktop_app" / "db").mkdir()
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "desktop_app")
    found = violations("domain", set(), set())
    assert any("peewee" in v for v in found) and any("desktop_app.db" in v for v in found)


# --- the database seam: engine-specific SQL only in its engine's module, raw SQL only in db/ ----------------

SQLITE_MODULE = "db/sqlite_engine.py"
POSTGRES_MODULE = "db/postgres_engine.py"
ENGINE_MODULES = (SQLITE_MODULE, POSTGRES_MODULE)
SQLITE_WORDS = re.compile(r"\bsqlite3\b|\bPRAGMA\b|sqlite_master|INDEXED BY|OR REPLACE")
POSTGRES_WORDS = re.compile(r"\bpsycopg\b|\bpg_[a-z_]+|information_schema|ON CONFLICT|FROM STDIN|COLLATE|"
                            r"\bnextval\b|FOR UPDATE")
ANY_MODULE_WORDS = re.compile(r"\bimportlib\b")
# db/__init__.py names the server drivers to hide them from peewee's own import (a file's shop never loads
# psycopg); it imports none of them and writes no SQL.
DRIVER_GATE = "db/__init__.py"
DRIVER_NAMES = re.compile(r"\bpsycopg\b")
SQL_WORDS = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|VALUES)\b")
LITERAL_MARK = re.compile(r"(?<![\w?'])\?(?![\w?])")
RAW_SQL = re.compile(r"\bexecute_sql\b")


def _string_constants(tree: ast.AST) -> list[ast.Constant]:
    """Every string literal, including the literal parts of f-strings (implicitly joined literals are one)."""
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def engine_specific(path: Path) -> list[str]:
    """What in `path` belongs to an engine's module only: SQLite's words, sqlite3 and a literal `?`
    placeholder in an SQL string (the driver's placeholder is `database.param`) to sqlite_engine.py;
    PostgreSQL's words and psycopg to postgres_engine.py; importlib to neither."""
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(PACKAGE).as_posix()
    words = [ANY_MODULE_WORDS]
    if where != SQLITE_MODULE:
        words.append(SQLITE_WORDS)
    if where != POSTGRES_MODULE:
        words.append(POSTGRES_WORDS)
    found = [(m.start(), f"{where}:{text.count(chr(10), 0, m.start()) + 1} {m.group(0)}")
             for pattern in words for m in pattern.finditer(text)
             if not (where == DRIVER_GATE and DRIVER_NAMES.fullmatch(m.group(0)))]
    found = [f for _, f in sorted(found)]
    if where != SQLITE_MODULE:
        found += [f"{where}:{n.lineno} ? in SQL" for n in _string_constants(ast.parse(text))
                  if SQL_WORDS.search(n.value) and LITERAL_MARK.search(n.value)]
    return found


def raw_sql_outside_db(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    where = path.relative_to(PACKAGE).as_posix()
    return [f"{where}:{text.count(chr(10), 0, m.start()) + 1} execute_sql" for m in RAW_SQL.finditer(text)]


def seam_violations() -> list[str]:
    bad = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE).as_posix()
        bad += engine_specific(path)
        if not where.startswith("db/"):
            bad += raw_sql_outside_db(path)
    return bad


def test_engine_specific_sql_lives_only_in_its_engine_and_raw_sql_only_in_db():
    """DESIGN.md section 3: SQLite's words, sqlite3 and literal `?` placeholders only in db/sqlite_engine.py;
    PostgreSQL's words and psycopg only in db/postgres_engine.py; raw SQL (`execute_sql`) nowhere above db/."""
    assert seam_violations() == []


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_cycles(layer: str) -> list[list[str]]:
    """The import cycles among the modules of one layer (every import counts, a deferred one too), each as
    its modules sorted: the strongly connected components of more than one module, or a module importing
    itself."""
    modules = {module_name(p): p for p in files(layer)}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in imports_of(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != module_name(PACKAGE / layer / "__init__.py"):
                targets.add(imported)
        graph[name] = targets
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node: str) -> None:  # Tarjan
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1 or node in graph[node]:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(cycles)


def test_no_import_cycle_inside_a_layer():
    """DESIGN.md section 2: no import cycle inside a layer (services/cadence and services/reports shared the
    régua's rules both ways; the rules are services/cadence/rules.py now)."""
    assert {layer: import_cycles(layer) for layer in ("domain", "db", "services", "gui")} == \
        {"domain": [], "db": [], "services": [], "gui": []}


def _plant(tmp_path, monkeypatch, files_: dict[str, str]) -> None:
    for name, text in files_.items():
        target = tmp_path / "desktop_app" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", tmp_path / "desktop_app")


def test_the_seam_rules_catch_each_planted_violation(tmp_path, monkeypatch):
    """Each rule is not vacuous: one planted violation of each is reported, where it is; an engine's words in
    its own module, and raw SQL inside db/, are not; one engine's words in the other engine's module are."""
    _plant(tmp_path, monkeypatch, {
        "db/sqlite_engine.py": 'import sqlite3\nQ = "PRAGMA user_version"\nR = "SELECT 1 FROM t WHERE id = ?"\n'
                               'S = "SELECT name FROM pg_catalog.pg_tables"\n',
        "db/postgres_engine.py": 'import psycopg\nQ = "INSERT INTO t (k) VALUES (%s) ON CONFLICT (k) DO NOTHING"\n'
                                 'R = "COPY t FROM STDIN"\nS = "PRAGMA user_version"\n',
        "db/upsert.py": 'SQL = "INSERT INTO setting (key, value) VALUES (1, 2) ON CONFLICT (key) DO NOTHING"\n',
        "db/ordered.py": 'SQL = \'SELECT id FROM customer ORDER BY name_key COLLATE "C"\'\n',
        "services/server.py": "import psycopg\n",
        "db/queries.py": 'def f(db, p):\n    return db.execute_sql(f"SELECT id FROM t WHERE id = {p}", [1])\n',
        "db/hinted.py": 'SQL = "SELECT id FROM interaction INDEXED BY interaction_money"\n',
        "db/schema.py": 'SQL = "SELECT name FROM sqlite_master"\n',
        "db/replace.py": 'SQL = "INSERT OR REPLACE INTO setting (key, value) VALUES (1, 2)"\n',
        "db/marks.py": 'SQL = ("SELECT id FROM customer "\n       "WHERE name = ? AND city = ?")\nASK = "Discard changes?"\n',
        "services/backups.py": "import sqlite3\n",
        "services/loader.py": "import importlib\n",
        "services/privacy.py": 'def erase(database):\n    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")\n',
    })
    assert seam_violations() == [
        "db/hinted.py:1 INDEXED BY",
        "db/marks.py:1 ? in SQL",
        "db/ordered.py:1 COLLATE",
        "db/postgres_engine.py:4 PRAGMA",
        "db/replace.py:1 OR REPLACE",
        "db/schema.py:1 sqlite_master",
        "db/sqlite_engine.py:4 pg_catalog",
        "db/sqlite_engine.py:4 pg_tables",
        "db/upsert.py:1 ON CONFLICT",
        "services/backups.py:1 sqlite3",
        "services/loader.py:1 importlib",
        "services/privacy.py:2 PRAGMA",
        "services/privacy.py:2 execute_sql",
        "services/server.py:1 psycopg",
    ]


def test_the_cycle_rule_catches_a_planted_cycle(tmp_path, monkeypatch):
    """cadence → reports (a deferred import) and reports → cadence, as it was; a third module both import
    is no cycle."""
    _plant(tmp_path, monkeypatch, {
        "services/__init__.py": "",
        "services/cadence.py": "from .cadence_rules import get_rules\n\ndef refresh():\n    from . import reports\n",
        "services/reports.py": "from . import cadence\nfrom .cadence_rules import get_rules\n",
        "services/cadence_rules.py": "from ..domain import cadence\n",
        "services/alone.py": "from . import alone\n",
    })
    assert import_cycles("services") == [["desktop_app.services.alone"],
                                          ["desktop_app.services.cadence", "desktop_app.services.reports"]]
