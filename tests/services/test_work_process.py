"""The work process (gui/common/work_process.py, services/work_jobs.py): the window's heavy jobs in a real
child process that opens the same database. A typed error comes back typed, a killed child comes back as
a clear error and the next job gets a fresh child, Cancel reaches a job under way, and the counter's quick
log gets through while a 50,000-row import writes the same SQLite file."""

from __future__ import annotations

import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest

from desktop_app.db.models import Customer, ImportBatch, Interaction
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.work_process import WorkProcess
from desktop_app.services import work_jobs
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.spreadsheets.import_types import Cancelled, ImportOptions


@pytest.fixture
def child(shop_settings):
    """A real work process on the test's database (started by its first call), stopped at the end."""
    work = WorkProcess(work_jobs.database_target)
    yield work
    work.close()


def sheet(folder, rows: int):
    path = folder / "clientes.csv"
    with path.open("w", encoding="utf-8") as fh:
        fh.write("Nome;Telefone;E-mail;Cidade\n")
        for i in range(rows):
            fh.write(f"Cliente Importada {i};(11) 9{i % 10000:04d}-{i // 10000:04d};imp{i}@example.com;Recife\n")
    return path


def test_the_plan_of_the_day_runs_in_the_child_on_the_same_database(child, shop_settings, today, actor):
    from desktop_app.services.cadence import planner

    cid = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98888-0101",
                                                  consent_whatsapp=True), shop=shop_settings, actor=actor,
                                    today=today - timedelta(days=7))
    interactions.log_interaction(cid, LogEntry(kind="purchase", amount="100", on=today - timedelta(days=7)),
                                 actor=actor, shop=shop_settings, today=today - timedelta(days=7))
    result, items = child.call(work_jobs.plan_and_list_day, today, shop_settings)
    assert child.pid is not None and child.pid != os.getpid()
    assert isinstance(result, planner.PlanResult) and result.planned == 1
    assert [i.customer for i in items] == ["Maria Souza"]
    assert [i.customer for i in planner.today_items(today)] == ["Maria Souza"]  # written by the child, read here
    again, _ = child.call(work_jobs.plan_and_list_day, today, shop_settings)
    assert again.planned == 0  # the same child, and each occasion planned once
    assert child.started == 1


def test_an_error_in_the_child_comes_back_as_the_same_typed_error(child, shop_settings, today, tmp_path):
    with pytest.raises(ReguaError) as caught:
        child.call(work_jobs.check_import, str(tmp_path / "nowhere.csv"), None, 0, ImportOptions(), shop_settings,
                   today, {})
    assert caught.value.code == "file_unreadable" and caught.value.params["name"] == "nowhere.csv"
    assert any("work process" in note for note in caught.value.__notes__)  # the child's traceback, for a bug report
    with pytest.raises(ReguaError) as lost:  # no check kept: nothing to commit
        child.call(work_jobs.commit_import, None, shop_settings, today)
    assert lost.value.code == "work_process_stopped"
    assert child.started == 1  # an error is not a crash: the same child goes on


def test_a_killed_child_is_a_clear_error_and_the_next_job_gets_a_fresh_one(child, shop_settings, today, tmp_path):
    path = sheet(tmp_path, 30_000)
    seen = threading.Event()

    def progress(done: int, total: int) -> None:
        if done:
            seen.set()

    with ThreadPoolExecutor(1) as pool:  # the lane's thread, waiting on the child
        job = pool.submit(child.call, work_jobs.check_import, str(path), None, 0, ImportOptions(), shop_settings,
                          today, {}, progress=progress)
        assert seen.wait(60)
        os.kill(child.pid, signal.SIGKILL)
        with pytest.raises(ReguaError) as caught:
            job.result(60)
    assert caught.value.code == "work_process_stopped"
    table = child.call(work_jobs.read_import, str(path), None)  # a fresh child
    assert child.started == 2 and table.row_count == 30_001 and len(table.head) == 200


def test_cancel_reaches_the_job_in_the_child_and_nothing_is_written(child, shop_settings, today, actor, tmp_path):
    path = sheet(tmp_path, 20_000)
    check = child.call(work_jobs.check_import, str(path), None, 0, ImportOptions(), shop_settings, today, {})
    assert (check.rows, check.created, check.errors) == (20_000, 20_000, 0)
    cancelled = {"at": None}

    def progress(done: int, total: int) -> None:
        if done and cancelled["at"] is None:
            cancelled["at"] = done
        if cancelled["at"] is not None:
            raise Cancelled  # the wizard's Cancel

    with pytest.raises(Cancelled):
        child.call(work_jobs.commit_import, actor, shop_settings, today, progress=progress)
    assert Customer.select().count() == 0 and ImportBatch.select().count() == 0
    assert child.started == 1


@pytest.mark.slow
@pytest.mark.sqlite_only("SQLite's one write lock, shared by the window's lane and the work process")
def test_the_quick_log_gets_through_while_a_50000_row_import_writes_in_the_child(child, shop_settings, today, actor,
                                                                                 tmp_path):
    """The child's import holds the write lock for its one transaction (all or nothing); the counter's
    write waits for it (BEGIN IMMEDIATE with a bounded busy wait, 60 s) and goes through as soon as the
    import's transaction ends, never failing with "busy" (a few seconds on a quiet 2-core machine)."""
    cid = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98888-0101"),
                                    shop=shop_settings, actor=actor, today=today)
    path = sheet(tmp_path, 50_000)
    check = child.call(work_jobs.check_import, str(path), None, 0, ImportOptions(), shop_settings, today, {})
    assert check.created == 50_000
    writing, ended = threading.Event(), []

    def progress(done: int, total: int) -> None:
        if done:
            writing.set()  # inside the import's transaction: the lock is held

    with ThreadPoolExecutor(1) as pool:
        job = pool.submit(child.call, work_jobs.commit_import, actor, shop_settings, today, progress=progress)
        assert writing.wait(60)
        clock = time.monotonic()
        job.add_done_callback(lambda _job: ended.append(time.monotonic()))
        interactions.log_interaction(cid, LogEntry(kind="purchase", amount="49,90", on=today), actor=actor,
                                     shop=shop_settings, today=today)
        logged = time.monotonic()
        batch = job.result(120)
    assert Interaction.select().where(Interaction.customer == cid).count() == 1
    assert Customer.select().count() == 50_001 and ImportBatch.get_by_id(batch)
    # it waited for the import's transaction, and then at most a moment (the child's answer may come later)
    assert logged - clock < (ended[0] - clock) + 2.0, (logged - clock, ended[0] - clock)
