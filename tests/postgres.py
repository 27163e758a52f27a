"""A throw-away PostgreSQL cluster for the tests: started once per test session (initdb + pg_ctl in a
temporary folder, listening only on a Unix socket in that folder), and a clean database per test: the one
shop database emptied (Cluster.clean, ~30 ms), or, for a test that needs an empty or a changed schema, a new
one copied from a template (Cluster.fresh, ~0.7 s).

Durability is switched off (fsync, synchronous_commit, full_page_writes): the cluster lives for one run.
PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (runuser), in a
folder that user owns. Where no server binaries are found the PostgreSQL tests skip saying why; with
REGUA_REQUIRE_POSTGRES=1 (CI) they fail instead.
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import psycopg
import pytest

REQUIRED = os.environ.get("REGUA_REQUIRE_POSTGRES") == "1"
USER = "regua"
EMPTY_TEMPLATE = "regua_empty"  # nothing in it: for migrations from nothing
HEAD_TEMPLATE = "regua_head"  # the ladder run to HEAD: what a fresh database is copied from
SHOP = "regua_shop"  # the one database the tests' shops live in, emptied before each (Cluster.clean)
SETTINGS = ("fsync=off", "synchronous_commit=off", "full_page_writes=off", "listen_addresses=''",
            "max_connections=50", "shared_buffers=32MB", "log_min_messages=warning")


def server_binaries() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/*/bin."""
    found = shutil.which("pg_ctl")
    if found and shutil.which("initdb"):
        return Path(found).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name)
                         if Path(p).parent.name.isdigit() else 0, reverse=True):
        if (Path(folder) / "pg_ctl").exists() and (Path(folder) / "initdb").exists():
            return Path(folder)
    return None


class Cluster:
    def __init__(self, bin_dir: Path) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="regua-pg-"))
        self.data = self.root / "data"
        self.socket = self.root
        self.as_root = os.geteuid() == 0
        self.counter = itertools.count(1)
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")

    def _run(self, *args: str) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stdout}{done.stderr}")

    def start(self) -> None:
        self._run("initdb", "-D", str(self.data), "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C",
                  "--no-sync")
        options = " ".join(f"-c {s}" for s in SETTINGS) + f" -k {self.socket} -p 5432"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-o", options, "-w",
                  "-t", "60", "start")
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {EMPTY_TEMPLATE} TEMPLATE template0 ENCODING 'UTF8'")

    def make_head_template(self, migrate) -> None:
        """The template most tests copy: the ladder run to HEAD through Régua's own engine."""
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {HEAD_TEMPLATE} TEMPLATE {EMPTY_TEMPLATE}")
        migrate(self.url(HEAD_TEMPLATE))
        with self.connect(HEAD_TEMPLATE) as conn:
            self.head = conn.execute("SELECT version FROM regua_schema").fetchone()[0]

    def connect(self, name: str) -> psycopg.Connection:
        return psycopg.connect(dbname=name, user=USER, host=str(self.socket), port=5432, autocommit=True)

    def url(self, name: str) -> str:
        return f"postgresql://{USER}@/{name}?host={self.socket}&port=5432"

    def fresh(self, template: str = HEAD_TEMPLATE) -> str:
        """The URL of a new database copied from `template`."""
        name = f"t{os.getpid()}_{next(self.counter)}"
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        return self.url(name)

    def clean(self) -> str:
        """The URL of the session's shop database, emptied: every row deleted (triggers, so foreign keys,
        off: the cluster's user is its superuser) and every id sequence restarted, some 30 ms where copying a
        template takes most of a second and TRUNCATE half of one. It is made anew from the template when a
        test left it at another schema version."""
        with self.connect("postgres") as conn:  # what a test's threads left open is of no use now
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (SHOP,)).fetchone()
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (SHOP,))
        if exists:
            with self.connect(SHOP) as conn:
                conn.execute("SET lock_timeout = '5s'")
                version = conn.execute("SELECT version FROM regua_schema").fetchone()
                tables = [t for (t,) in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'regua_schema'")]
                if version is not None and version[0] == self.head and tables:
                    sequences = [q for (q,) in conn.execute(
                        "SELECT pg_get_serial_sequence(quote_ident(table_name), column_name) FROM "
                        "information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'")]
                    with conn.transaction():
                        conn.execute("SET LOCAL session_replication_role = replica")
                        for table in tables:
                            conn.execute(f'DELETE FROM "{table}"')
                        for sequence in sequences:
                            conn.execute("SELECT setval(%s, 1, false)", (sequence,))
                    return self.url(SHOP)
            self.drop(self.url(SHOP))
        with self.connect("postgres") as conn:
            conn.execute(f"CREATE DATABASE {SHOP} TEMPLATE {HEAD_TEMPLATE}")
        return self.url(SHOP)

    def drop(self, url: str) -> None:
        name = url.split("@/", 1)[1].split("?", 1)[0]
        with self.connect("postgres") as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


_cluster: Cluster | None = None
_failure: str | None = None


def cluster() -> Cluster:
    """The session's cluster, started on first use; skips (or, with REGUA_REQUIRE_POSTGRES=1, fails) the
    calling test when PostgreSQL cannot be had here."""
    global _cluster, _failure
    if _cluster is None and _failure is None:
        bin_dir = server_binaries()
        if bin_dir is None:
            _failure = "PostgreSQL server binaries (initdb, pg_ctl) not found on PATH or in /usr/lib/postgresql"
        else:
            candidate = Cluster(bin_dir)
            try:
                candidate.start()
                candidate.make_head_template(_migrate_to_head)
                _cluster = candidate
            except Exception as exc:  # noqa: BLE001 - said in the skip or failure
                _failure = f"could not start a throw-away PostgreSQL cluster: {exc}"
                shutil.rmtree(candidate.root, ignore_errors=True)
    if _cluster is None:
        if REQUIRED:
            pytest.fail(f"REGUA_REQUIRE_POSTGRES=1 but {_failure}")
        pytest.skip(_failure)
    return _cluster


def _migrate_to_head(url: str) -> None:
    from desktop_app.db.database import close_database, open_database
    from desktop_app.db.migrations import migrate

    db = open_database(url)
    try:
        migrate(db, backup_dir=Path(tempfile.gettempdir()))
    finally:
        close_database()


def stop() -> None:
    global _cluster
    if _cluster is not None:
        _cluster.stop()
        _cluster = None
