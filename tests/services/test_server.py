"""A till on the shop's PostgreSQL server (issue 20, "Connecting"): the paths of a server's shop, the URL Régua
connects with (keyring password, TLS), server.ini, the command line on a URL, and the plain messages for a
wrong password, a server that is down and a database that does not exist. The password never reaches a file,
a log line or a message."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import keyring
import pytest

from desktop_app import cli
from desktop_app.config import resolve_paths, server_parts, server_url, without_password
from desktop_app.db.database import close_database
from desktop_app.domain.errors import DatabaseError, ReguaError
from desktop_app.services.shop import server
from tests.mailserver import MemoryKeyring

SECRET = "s3gr3do-da-loja"
TILL = "till_pw"  # a role that logs in with a password (scram over the cluster's Unix socket)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


def password_role(cluster) -> str:
    """A role that must give SECRET over the socket: a line in pg_hba.conf before the cluster's `trust`, once
    per test session (a reload, no restart)."""
    hba = cluster.data / "pg_hba.conf"
    rule = f"local all {TILL} scram-sha-256\n"
    text = hba.read_text()
    if rule not in text:
        with cluster.connect("postgres") as conn:
            conn.execute(f"DROP ROLE IF EXISTS {TILL}")
            conn.execute(f"CREATE ROLE {TILL} LOGIN SUPERUSER PASSWORD '{SECRET}'")
        hba.write_text(rule + text)
        cluster._run("pg_ctl", "-D", str(cluster.data), "reload")
    return TILL


@pytest.fixture
def cluster():
    from tests import postgres

    return postgres.cluster()


def till_url(cluster, name: str, user: str = TILL) -> str:
    return server_url(str(cluster.socket), 5432, name, user)


def new_database(cluster) -> str:
    """An empty database (no Régua schema): its name."""
    url = cluster.fresh(template="regua_empty")
    return server_parts(url).database


# --- the paths and the URL, no server needed --------------------------------------------------------------


def test_a_server_url_gives_paths_in_the_pcs_data_folder_named_after_the_database(tmp_path):
    paths = resolve_paths(db=f"postgresql://ana:{SECRET}@db.loja.pt:6543/loja", data_dir=tmp_path)
    assert paths.is_server and paths.db_path is None
    assert paths.data_dir == tmp_path / "servers" / "loja@db.loja.pt-6543"
    assert paths.backup_dir.parent == paths.log_dir.parent == paths.settings_file.parent == paths.data_dir
    assert paths.label == "loja"
    for text in (paths.shown, paths.public_url, repr(paths), str(paths.data_dir)):
        assert SECRET not in text
    assert paths.shown == "postgresql://ana@db.loja.pt:6543/loja"
    other = resolve_paths(db="postgresql://ana@db.loja.pt:6543/outra", data_dir=tmp_path)
    assert other.data_dir != paths.data_dir  # two shops never mix


def test_a_server_url_without_a_database_is_refused_plainly(tmp_path):
    with pytest.raises(DatabaseError) as caught:
        resolve_paths(db=f"postgresql://ana:{SECRET}@db.loja.pt", data_dir=tmp_path)
    assert "names no database" in caught.value.message() and SECRET not in caught.value.message()


def test_a_remote_host_gets_a_verified_certificate_a_local_one_does_not(memory_keyring, tmp_path):
    remote = server.connect_url("postgresql://ana@db.loja.pt/loja", env={})
    assert "sslmode=verify-full" in remote and "connect_timeout=" in remote
    assert "sslrootcert=system" in remote  # no root.crt of its own: the system's authorities
    assert "sslrootcert" not in server.connect_url("postgresql://ana@db.loja.pt/loja", env={"PGSSLROOTCERT": "x"})
    assert "sslmode=require" in server.connect_url("postgresql://ana@db.loja.pt/loja?sslmode=require", env={})
    assert "verify-full" not in server.connect_url("postgresql://ana@db.loja.pt/loja?sslmode=require", env={})
    for local in ("postgresql://ana@localhost/loja", "postgresql://ana@127.0.0.1:5432/loja",
                  "postgresql://ana@[::1]/loja", "postgresql://ana@/loja?host=/run/postgresql"):
        assert "sslmode" not in server.connect_url(local, env={}), local


def test_the_keyrings_password_is_used_when_the_url_has_none_and_the_urls_own_wins(memory_keyring):
    url = "postgresql://ana@db.loja.pt:5432/loja"
    assert server.set_password_command(url, SECRET) == "ana@db.loja.pt:5432/loja"
    assert memory_keyring.store == {(server.SERVICE, "ana@db.loja.pt:5432/loja"): SECRET}
    assert server_parts(server.connect_url(url)).password == SECRET
    assert server_parts(server.connect_url("postgresql://ana:other@db.loja.pt:5432/loja")).password == "other"
    assert server_parts(server.connect_url(url, "typed")).password == "typed"
    with pytest.raises(ReguaError):  # the password never goes on the command line of `server-password set`
        server.set_password_command("postgresql://ana:x@db.loja.pt/loja", SECRET)


def test_server_ini_remembers_the_url_without_the_password_and_a_file_given_still_wins(memory_keyring, tmp_path):
    paths = server.ready(resolve_paths(db=f"postgresql://ana:{SECRET}@db.loja.pt/loja", data_dir=tmp_path))
    file = server.remember(paths)
    assert file == tmp_path / "server.ini" and SECRET not in file.read_text()
    again = resolve_paths(data_dir=tmp_path)  # plain `regua`: the server
    assert again.is_server and again.public_url == "postgresql://ana@db.loja.pt/loja"
    assert again.data_dir == paths.data_dir
    own = resolve_paths(db=tmp_path / "mine.db", data_dir=tmp_path)  # --db of a file wins
    assert not own.is_server and own.db_path == tmp_path / "mine.db"
    assert not resolve_paths(data_dir=tmp_path, demo=True).is_server  # the demo is always a file
    assert server.forget_server(tmp_path) and not resolve_paths(data_dir=tmp_path).is_server


def test_without_password_takes_it_from_both_places():
    assert without_password(f"postgresql://ana:{SECRET}@h/loja?password={SECRET}&sslmode=require") == \
        "postgresql://ana@h/loja?sslmode=require"


# --- on the throw-away cluster -----------------------------------------------------------------------------


def test_a_wrong_password_a_missing_password_and_a_missing_database_are_said_plainly(cluster, memory_keyring, tmp_path):
    role = password_role(cluster)
    name = new_database(cluster)
    with pytest.raises(DatabaseError) as wrong:
        server.reach(till_url(cluster, name, role), "not-it", data_dir=tmp_path)
    assert wrong.value.code == "db_server_password"
    with pytest.raises(DatabaseError) as none:
        server.reach(till_url(cluster, name, role), None, data_dir=tmp_path)
    assert none.value.code == "db_server_no_password"
    with pytest.raises(DatabaseError) as missing:
        server.reach(till_url(cluster, "no_such_shop", role), SECRET, data_dir=tmp_path)
    assert missing.value.code == "db_not_found"
    for exc in (wrong.value, none.value, missing.value):
        assert SECRET not in exc.message() and "not-it" not in exc.message()
    reached = server.reach(till_url(cluster, name, role), SECRET, data_dir=tmp_path)
    assert reached.state == server.EMPTY
    assert not (tmp_path / "server.ini").exists() and memory_keyring.store == {}  # nothing stored on a try
    close_database()


def test_a_server_that_is_down_gives_the_plain_message(tmp_path):
    down = server_url(str(tmp_path / "no-server-here"), 5432, "loja", "ana")
    with pytest.raises(DatabaseError) as caught:
        server.reach(down, SECRET, data_dir=tmp_path)
    assert caught.value.code == "db_server_down"
    assert "does not answer" in caught.value.message() and SECRET not in caught.value.message()
    out, err = io.StringIO(), io.StringIO()
    assert cli.run(["--data-dir", str(tmp_path), "--db", f"postgresql://ana:{SECRET}@127.0.0.1:1/loja",
                    "search", "ana"], out=out, err=err) == 1
    assert "does not answer" in err.getvalue() and SECRET not in err.getvalue() and "Traceback" not in err.getvalue()


def test_init_then_log_and_search_on_a_url_with_the_keyrings_password(cluster, memory_keyring, tmp_path, caplog):
    role = password_role(cluster)
    url = till_url(cluster, new_database(cluster), role)
    data = ["--data-dir", str(tmp_path)]

    def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        if stdin is not None:
            import sys

            saved, sys.stdin = sys.stdin, io.StringIO(stdin)
            try:
                return cli.run(list(args), out=out, err=err), out.getvalue(), err.getvalue()
            finally:
                sys.stdin = saved
        return cli.run(list(args), out=out, err=err), out.getvalue(), err.getvalue()

    caplog.set_level(logging.DEBUG)
    code, _, err = run(*data, "--db", url, "init", "--name", "Loja Centro", "--country", "BR")
    assert code == 1 and "asks for a password" in err  # nothing stored yet
    assert run("server-password", "set", url, "--password-stdin", stdin=SECRET + "\n")[0] == 0
    code, out, err = run(*data, "--db", url, "init", "--name", "Loja Centro", "--country", "BR")
    assert code == 0, err
    assert "Loja Centro" in out and url.split("?")[0] in out
    code, _, err = run(*data, "--db", url, "init", "--name", "Outra", "--country", "BR")
    assert code == 1 and "already holds the shop “Loja Centro”" in err  # refused as for a file
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput
    from desktop_app.services.shop import shop
    from tests.conftest import OWNER_ACTOR, TODAY

    shop.open_shop(server.ready(resolve_paths(db=url, data_dir=tmp_path)), create=False)
    cid = customers.create_customer(CustomerInput(name="Maria Servidor", phone="(11) 98888-1234"),
                                    shop=shop.shop_settings(), actor=OWNER_ACTOR, today=TODAY)
    close_database()
    code, out, err = run(*data, "--db", url, "log", f"#{cid}", "--kind", "purchase", "--amount", "49,90")
    assert code == 0 and f"for Maria Servidor (#{cid})" in out, err
    code, out, err = run(*data, "--db", url, "search", "servidor", "--json")
    assert code == 0 and "Maria Servidor" in out, err
    code, out, err = run(*data, "--db", url, "backup")
    assert code == 0, err
    copy = Path(out.strip().removeprefix("backup written to "))
    assert copy.parent == resolve_paths(db=url, data_dir=tmp_path).backup_dir and copy.name.startswith(
        server_parts(url).database)
    from desktop_app.services.shop import backups

    with pytest.raises(ReguaError) as refused:  # the window's restore: said plainly, nothing changed
        backups.restore(resolve_paths(db=url, data_dir=tmp_path), copy, actor=OWNER_ACTOR, now=None)
    assert refused.value.code == "not_on_server" and SECRET not in refused.value.message()
    code, out, err = run(*data, "--db", url, "self-check", "--json")
    assert '"database_exists": true' in out and SECRET not in out
    everything = "".join(r.getMessage() for r in caplog.records)
    assert SECRET not in everything
    assert not list(tmp_path.rglob("*.ini")) or all(SECRET not in f.read_text() for f in tmp_path.rglob("*.ini"))
