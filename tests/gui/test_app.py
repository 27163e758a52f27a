"""Start-up, languages, errors and the main window."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.domain.errors import MESSAGES, ValidationError
from desktop_app.gui.common import errors as gui_errors
from desktop_app.gui.common.i18n import error_text, install_language, translations_dir


@pytest.fixture
def portuguese(qapp):
    assert install_language("pt_BR", "BR")
    yield
    install_language("en", "BR")


def test_every_portuguese_text_is_translated():
    ts = translations_dir() / "regua_pt_BR.ts"
    tree = ET.parse(ts)
    unfinished = [m.findtext("source") for m in tree.iter("message")
                  if m.find("translation").get("type") in ("unfinished", "obsolete") or not m.findtext("translation")]
    assert unfinished == []
    sources = {m.findtext("source") for m in tree.iter("message")}
    assert set(MESSAGES.values()) <= sources  # every error message reached lupdate
    # that each .qm is built from its .ts is checked by content in test_translations.py (mtimes are
    # whatever a checkout or a re-scan leaves)


def test_portuguese_covers_regua_and_qts_own_buttons(qtbot, portuguese):
    assert QCoreApplication.translate("MainWindow", "Customers") == "Clientes"
    assert error_text(ValidationError("phone", "phone_invalid", country="Brazil")) == \
        "Este não é um telefone válido para Brasil."
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Save).text() == "Salvar"


def test_dates_and_money_follow_the_locale(portuguese):
    from datetime import date

    from desktop_app.gui.common.i18n import format_date, format_money

    assert format_date(date(2026, 3, 15)) == "15/03/2026"
    assert format_money(123456, "BRL") == "R$\xa01.234,56"


def test_the_main_window_shows_only_working_sections(qtbot, tasks, paths, shop_settings, actor, today, english):
    from desktop_app.gui.shell.main_window import MainWindow

    window = MainWindow(paths, tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(window)
    window.show()
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == ["Customers", "Today", "Messages",
                                                                              "Reports"]
    window.focus_search()
    assert window.focusWidget() is window.customers.search
    window.close()
    assert paths.settings_file.exists()  # window state goes to the ini file, not the database


def test_a_bug_is_logged_and_gets_a_dialog_with_copyable_details(qtbot, monkeypatch, caplog):
    shown = []
    monkeypatch.setattr(gui_errors.BugDialog, "exec", lambda self: shown.append(self.details.toPlainText()))
    try:
        raise ZeroDivisionError("boom")
    except ZeroDivisionError as exc:
        with caplog.at_level(logging.ERROR, logger="regua"):
            gui_errors.report_bug(type(exc), exc, exc.__traceback__)
    assert shown and "ZeroDivisionError: boom" in shown[0] and "Traceback" in shown[0]
    assert "ZeroDivisionError" in caplog.text


def test_an_expected_error_is_a_translated_message_not_a_bug(qtbot, monkeypatch, portuguese):
    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    monkeypatch.setattr(gui_errors.BugDialog, "exec", lambda self: pytest.fail("not a bug"))
    gui_errors.show_error(None, ValidationError("email", "email_invalid"))
    assert said == ["Este não é um e-mail válido."]


def test_a_damaged_database_at_start_is_explained(qtbot, tmp_path, monkeypatch, english):
    from desktop_app.config import resolve_paths
    from desktop_app.gui.shell.app import open_or_explain

    bad = tmp_path / "regua.db"
    bad.write_bytes(b"not a database at all" * 20)
    said = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: said.append(text))
    assert open_or_explain(resolve_paths(db=bad)) is False
    assert "damaged" in said[0]


def test_first_run_needs_a_name_and_saves_the_shop(qtbot, tasks, paths, english):
    from desktop_app.db.database import close_database
    from desktop_app.gui.shell.first_run import FirstRunDialog
    from desktop_app.services.shop import shop, staff

    shop.open_shop(paths)
    try:
        dialog = FirstRunDialog("en", tasks)
        qtbot.addWidget(dialog)
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
        assert dialog.error.text() == "This field is required." and shop.shop_settings() is None
        dialog.name.setText("Loja da Rita")
        dialog.country.setCurrentIndex(dialog.country.findData("PT"))
        assert dialog.timezone.currentText() == "Europe/Lisbon"
        dialog.timezone.setCurrentText("Mars/Olympus")
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
        assert dialog.error.text() == "Unknown time zone." and shop.shop_settings() is None
        dialog.timezone.setCurrentText("Europe/Lisbon")
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
        assert dialog.error.text() == "This field is required." and shop.shop_settings() is None  # the owner
        dialog.owner_name.setText("Rita")
        dialog.pin.setText("2580")
        dialog.pin_again.setText("2581")
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
        assert dialog.error.text() == "The two PINs are not the same." and shop.shop_settings() is None
        dialog.pin_again.setText("2580")
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
        saved = shop.shop_settings()
        assert (saved.name, saved.country, saved.currency, saved.timezone) == \
            ("Loja da Rita", "PT", "EUR", "Europe/Lisbon")
        assert dialog.owner.name == "Rita" and dialog.owner.role == "owner"
        assert staff.log_in(dialog.owner.staff_id, "2580") == dialog.owner
    finally:
        close_database()


def test_the_real_worker_thread_delivers_on_the_gui_thread(qtbot):
    import threading

    from desktop_app.gui.common.tasks import TaskRunner

    runner = TaskRunner()
    seen = {}
    runner.run(lambda: threading.get_ident(), lambda worker: seen.update(worker=worker,
                                                                         gui=threading.get_ident()))
    qtbot.waitUntil(lambda: "worker" in seen, timeout=5000)
    assert seen["worker"] != seen["gui"] == threading.main_thread().ident
    failures = []
    runner.run(lambda: 1 / 0, None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)


def test_a_bug_in_a_views_answer_to_a_job_is_reported_not_lost(qtbot, caplog):
    """An exception raised by on_done (a bug in the view, not in the job) reaches `unhandled`, which the app
    shows as a bug and the tests fail on; Qt's event loop would otherwise drop it silently. Both modes."""
    from desktop_app.gui.common.tasks import TaskRunner

    def broken_view(_result):
        raise RuntimeError("the view's answer failed")

    for runner in (TaskRunner(synchronous=True), TaskRunner()):
        reported = []
        runner.unhandled.connect(reported.append)
        runner.run(lambda: 1, broken_view)
        qtbot.waitUntil(lambda reported=reported: bool(reported), timeout=5000)
        assert str(reported[0]) == "the view's answer failed"
        assert not runner.busy
    assert "a view's answer to a finished job failed" in caplog.text


def test_a_job_that_ends_after_the_app_closed_is_dropped_quietly(qtbot, caplog):
    """Seen at the end of the bundle's GUI smoke test: a lane's job finished after Qt had deleted the
    runner's relay, and PySide printed 'Signal source has been deleted' with a traceback."""
    import logging
    import threading

    import shiboken6

    from desktop_app.gui.common.tasks import TaskRunner

    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()

    def job():
        started.set()
        release.wait(5)
        return 1

    runner.run(job, lambda _r: None)
    assert started.wait(5)
    shiboken6.delete(runner._relay)  # what closing the app does to it
    with caplog.at_level(logging.INFO, logger="desktop_app.gui.common.tasks"):
        release.set()
        for pool in runner._pools.values():
            pool.waitForDone(5000)
    assert "a job finished after the window closed" in caplog.text
