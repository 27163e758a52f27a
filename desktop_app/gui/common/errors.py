"""Expected errors become a translated message; bugs get a dialog with copyable details and go to the log."""

from __future__ import annotations

import logging
import platform
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import __version__
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.i18n import error_text

log = logging.getLogger("regua")


def expected(exc: BaseException) -> ReguaError | None:
    """The ReguaError to show for `exc`, or None for a bug. A busy database is expected, not a bug, even
    when SQLite's "database is locked" reaches here unwrapped (the database layer normally wraps it as
    a DatabaseBusy ReguaError): the user is told to try again in a moment, never shown a traceback."""
    if isinstance(exc, ReguaError):
        return exc
    seen = 0
    while exc is not None and seen < 10:
        text = str(exc).lower()
        if type(exc).__name__ == "OperationalError" and ("database is locked" in text or "database is busy" in text):
            return ReguaError("db_busy")
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return None


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """What the worker lane and the dialogs call when something failed."""
    known = expected(exc)
    if known is not None:
        QMessageBox.warning(parent, QApplication.translate("errors", "Régua"), error_text(known))
    else:
        report_bug(type(exc), exc, exc.__traceback__, parent)


def show_read_error(parent: QWidget | None, exc: BaseException, tasks) -> None:
    """A read that failed: as show_error, unless the window's server line already says it (the shop's server
    does not answer: `tasks.told`); the screen then keeps what it showed and reads again when it answers."""
    if not tasks.told(exc):
        show_error(parent, exc)


class BugDialog(QDialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        layout = QVBoxLayout(self)
        label = QLabel(self.tr(
            "Régua hit a problem it did not expect. Your data is safe: nothing half-done was saved.\n"
            "Copy the details below and send them to whoever supports your Régua."))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(640, 420)


def bug_details(exc_type, exc, tb: TracebackType | None) -> str:
    lines = traceback.format_exception(exc_type, exc, tb)
    return (f"Régua {__version__}, Python {platform.python_version()}, {platform.platform()}\n\n"
            + "".join(lines))


_showing = False


def report_bug(exc_type, exc, tb, parent: QWidget | None = None) -> None:
    global _showing
    details = bug_details(exc_type, exc, tb)
    log.error("bug:\n%s", details)
    if _showing or QApplication.instance() is None:
        return
    _showing = True  # a bug inside the dialog must not open dialogs forever
    try:
        BugDialog(details, parent).exec()
    finally:
        _showing = False


def install_excepthook() -> None:
    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        if expected(exc) is not None:
            show_error(QApplication.activeWindow(), exc)
            return
        report_bug(exc_type, exc, tb, QApplication.activeWindow())

    sys.excepthook = hook


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def install_qt_message_handler() -> None:
    """Qt's own warnings go to Régua's log file instead of vanishing on a console nobody sees."""
    qt_log = logging.getLogger("qt")

    def handler(msg_type, context, message):
        qt_log.log(_QT_LEVELS.get(msg_type, logging.WARNING), "%s (%s:%s)", message, context.file, context.line)

    qInstallMessageHandler(handler)
