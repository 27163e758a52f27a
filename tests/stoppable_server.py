"""A small PostgreSQL cluster of the faults' tests' own (issue 20, item 6), which they stop and start as a shop's
server restarts: the session's cluster (tests/postgres.py) serves every other test and must stay up. Started
once per test run on first use (initdb + start + the ladder to HEAD, ~2 s), on a Unix socket in its own folder,
and stopped when the run ends."""

from __future__ import annotations

import atexit
import os

import pytest

from tests import postgres

_cluster: postgres.Cluster | None = None


def _options(cluster: postgres.Cluster) -> str:
    return " ".join(f"-c {s}" for s in postgres.SETTINGS) + f" -k {cluster.socket} -p 5432"


def server() -> postgres.Cluster:
    """The stoppable cluster (skips, or fails under REGUA_REQUIRE_POSTGRES=1, where none can be started)."""
    global _cluster
    if _cluster is None:
        postgres.cluster()  # the same skip or failure as every PostgreSQL test where there is no server
        candidate = postgres.Cluster(postgres.server_binaries())
        try:
            candidate.start()
            candidate.make_head_template(postgres._migrate_to_head)
        except Exception as exc:  # noqa: BLE001 - said in the skip or failure
            candidate.stop()
            if postgres.REQUIRED:
                pytest.fail(f"could not start a cluster to stop and start: {exc}")
            pytest.skip(f"could not start a cluster to stop and start: {exc}")
        _cluster = candidate
        atexit.register(_cluster.stop)
    return _cluster


def stop(cluster: postgres.Cluster) -> None:
    """The server stops as `pg_ctl stop` stops it (fast: every connection is told AdminShutdown and closed)."""
    cluster._run("pg_ctl", "-D", str(cluster.data), "-m", "fast", "-w", "stop")


def start(cluster: postgres.Cluster) -> None:
    cluster._run("pg_ctl", "-D", str(cluster.data), "-l", str(cluster.root / "server.log"), "-o", _options(cluster),
                 "-w", "-t", "60", "start")


def running(cluster: postgres.Cluster) -> bool:
    return (cluster.data / "postmaster.pid").exists() and os.path.exists(cluster.socket / ".s.PGSQL.5432")
