"""Both engines for the data layer's and the services' tests: `pytest_generate_tests` runs every test that
opens its shop through `shop_settings` (or asks for `engine`) once on SQLite and once on PostgreSQL, unless
it is marked `sqlite_only` (a test about SQLite itself: WAL, pragmas, the file), which says why."""

from __future__ import annotations

import os

# `REGUA_TEST_ENGINE=postgresql uv run pytest` is the server pass: every shop the tests open (the `paths`
# fixture's, the journeys', the command line's) lives on the throw-away cluster instead of in a file, and a
# test about SQLite itself (marked `sqlite_only`) is skipped, having run in the default pass.
SERVER_RUN = os.environ.get("REGUA_TEST_ENGINE", "sqlite") == "postgresql"
ENGINES = ("postgresql",) if SERVER_RUN else ("sqlite", "postgresql")


def shop_paths(tmp_path, *, file_only: bool = False):
    """Where a test's shop lives: `tmp_path`/shop.db, or in the server pass (unless `file_only`) the
    cluster's shop database, emptied, with this PC's data folder in `tmp_path`."""
    from desktop_app.config import resolve_paths

    if SERVER_RUN and not file_only:
        from tests import postgres

        return resolve_paths(db=postgres.cluster().clean(), data_dir=tmp_path / "pc")
    return resolve_paths(db=tmp_path / "shop.db")


def process_env(paths, env: dict | None = None) -> dict:
    """The environment of a `regua` (or a script) the test starts on `paths`' shop: a server's shop keeps its
    backups and logs in this PC's data folder, which REGUA_HOME names for the child (the tests' own is a
    folder that must stay unused)."""
    from desktop_app.config import pc_data_dir

    env = dict(os.environ if env is None else env)
    if paths.is_server:
        env["REGUA_HOME"] = str(pc_data_dir(paths))
    return env


def open_test_shop(paths, db_target) -> None:
    """What shop.open_shop does, on whichever engine the test runs (`db_target`: the fixture; a server URL
    has no Paths yet)."""
    from desktop_app.db.database import open_database
    from desktop_app.db.migrations import migrate
    from desktop_app.services.shop import shop

    if db_target == paths.target:
        shop.open_shop(paths)
    else:
        migrate(open_database(db_target), backup_dir=paths.backup_dir)


def parametrize_engines(metafunc) -> None:
    if "engine" not in metafunc.fixturenames:
        return
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        return
    if any(m.args and m.args[0] == "engine" for m in metafunc.definition.iter_markers("parametrize")):
        return  # the test names its engine itself
    metafunc.parametrize("engine", ENGINES, indirect=True)


def cli_shop(tmp_path, name: str = "shop.db") -> str:
    """A new shop's `--db` for a command-line test: `tmp_path`/`name`, or in the server pass a new database
    on the cluster (the ladder run, no shop set up yet: what `regua init` and `regua demo` start from)."""
    if SERVER_RUN:
        from tests import postgres

        return postgres.cluster().fresh()
    return str(tmp_path / name)


class _Raw:
    """A connection straight to a shop's database, beside Régua (as sqlite3's): `?` parameters, dates read
    back as SQLite keeps them (ISO text), autocommit on a server."""

    def __init__(self, target) -> None:
        self.server = str(target).startswith("postgresql://")
        if self.server:
            import psycopg

            self._conn = psycopg.connect(str(target), autocommit=True)
        else:
            import sqlite3

            self._conn = sqlite3.connect(target)

    def execute(self, sql: str, params=()):
        if not self.server:
            return self._conn.execute(sql, params)
        return _Rows(self._conn.execute(sql.replace("?", "%s"), params or None))  # no parameters: % is a %

    def commit(self) -> None:
        if not self.server:
            self._conn.commit()

    def close(self) -> None:
        self._conn.close()


class _Rows:
    def __init__(self, cursor) -> None:
        self._cursor = cursor

    @staticmethod
    def _text(row):
        from datetime import date, datetime

        return None if row is None else tuple(
            str(v) if isinstance(v, datetime) else v.isoformat() if isinstance(v, date) else v for v in row)

    def fetchone(self):
        return self._text(self._cursor.fetchone())

    def fetchall(self):
        return [self._text(r) for r in self._cursor.fetchall()]

    def __iter__(self):
        return iter(self.fetchall())


def raw_connect(target) -> _Raw:
    """sqlite3.connect for a test that reads or writes a shop's rows itself, on a file or on a server."""
    return _Raw(target)


def cli_env(target, env: dict | None = None) -> dict:
    """The environment of a `regua` (or a script) the test starts with `--db target`: for a server's URL, a
    data folder of its own for the shop's backups and logs (the tests' REGUA_HOME must stay unused)."""
    import tempfile

    env = dict(os.environ if env is None else env)
    if str(target).startswith("postgresql://"):
        env["REGUA_HOME"] = tempfile.mkdtemp(prefix="regua-pc-")
    return env
