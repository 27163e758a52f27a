"""TLS to the shop's server: a small cluster of its own with ssl=on on 127.0.0.1 and a certificate from a
test authority (trustme). A certificate checked against the right authority connects; one that cannot be
checked is the plain "could not make a secure connection" message, not a psycopg traceback, and no password
in it. (~4 s: its own initdb, because the session's cluster listens on a Unix socket only.)"""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop_app.db.database import close_database
from desktop_app.domain.errors import DatabaseError
from desktop_app.services.shop import server
from tests import postgres
from tests.mailserver import free_port

trustme = pytest.importorskip("trustme")


@pytest.fixture(scope="module")
def tls_cluster(tmp_path_factory):
    bin_dir = postgres.server_binaries()
    if bin_dir is None:
        pytest.skip("PostgreSQL server binaries not found")
    cluster = postgres.Cluster(bin_dir)
    ca, other = trustme.CA(), trustme.CA()
    cert = ca.issue_cert("localhost", "127.0.0.1")
    key_file, cert_file = cluster.root / "server.key", cluster.root / "server.crt"
    cert.private_key_pem.write_to_path(str(key_file))
    cert.cert_chain_pems[0].write_to_path(str(cert_file))
    key_file.chmod(0o600)
    if cluster.as_root:
        for f in (key_file, cert_file):
            shutil.chown(f, "postgres", "postgres")
    folder = tmp_path_factory.mktemp("cas")
    good, bad = folder / "good.pem", folder / "bad.pem"
    ca.cert_pem.write_to_path(str(good))
    other.cert_pem.write_to_path(str(bad))
    port = free_port()
    cluster._run("initdb", "-D", str(cluster.data), "-U", postgres.USER, "--auth=trust", "-E", "UTF8",
                 "--locale=C", "--no-sync")
    options = (f"-c ssl=on -c ssl_cert_file={cert_file} -c ssl_key_file={key_file} -c fsync=off "
               f"-c listen_addresses=127.0.0.1 -k {cluster.socket} -p {port}")
    try:
        cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(cluster.root / "server.log"), "-o", options, "-w",
                     "-t", "60", "start")
    except (RuntimeError, subprocess.SubprocessError) as exc:
        shutil.rmtree(cluster.root, ignore_errors=True)
        pytest.skip(f"could not start a TLS cluster: {exc}")
    yield port, good, bad
    cluster.stop()


def test_a_verified_certificate_connects_and_one_that_cannot_be_checked_is_said_plainly(tls_cluster, tmp_path):
    port, good, bad = tls_cluster
    base = f"postgresql://{postgres.USER}:pw-never-shown@127.0.0.1:{port}/postgres?sslmode=verify-full"
    reached = server.reach(f"{base}&sslrootcert={good}", None, data_dir=tmp_path)
    assert reached.state == server.EMPTY  # TLS, verified: in (an empty database)
    close_database()
    with pytest.raises(DatabaseError) as caught:
        server.reach(f"{base}&sslrootcert={bad}", None, data_dir=tmp_path)
    assert caught.value.code == "db_server_certificate"
    assert "secure connection" in caught.value.message() and "pw-never-shown" not in caught.value.message()
    missing = tmp_path / "no-such-root.crt"
    with pytest.raises(DatabaseError) as caught:
        server.reach(f"{base}&sslrootcert={missing}", None, data_dir=tmp_path)
    assert caught.value.code == "db_server_certificate"
