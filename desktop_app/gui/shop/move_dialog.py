"""Shop → Move the shop to a server…: the owner names the shop's PostgreSQL server (host, port, database,
user, password) and the shop is copied there on the database lane, with a progress bar, every table checked
(services/shop/move.py). At the end it says what was copied and how the other tills connect.

This window stays on its file: switching it to the server would reopen the session on another database in
the middle of its work, so the owner opens Régua on the server when she is ready (the file stays as it was,
a copy of the day of the move). The password is only used for this move: it is never shown, saved or logged
(the connect screen keeps the tills' password in the keyring).

A small form of its own: gui/shell/connect_dialog.py (issue 20, Connecting) landed after this one and is the
first-run screen's (it sets up or opens a shop and remembers the server); this one shares its URL
(config.server_url) and how a URL gets its password and TLS (services/shop/server.connect_url).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from desktop_app.config import server_url
from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.common.server_fields import ServerFields
from desktop_app.gui.common.tasks import DB, TaskRunner
from desktop_app.services.shop import move, server


class MoveDialog(QDialog):
    def __init__(self, tasks: TaskRunner, source, actor: Actor, parent=None) -> None:
        super().__init__(parent)
        self.tasks, self.source, self.actor = tasks, source, actor
        self.result_info: move.MoveResult | None = None
        self.running = False
        self._progress = (move.db_move.COPYING, 0, 0)
        self.setWindowTitle(self.tr("Move the shop to a server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Copies this shop into an empty database on the shop's server and checks every "
                               "table. This shop is not changed; what is saved here while the copy runs waits "
                               "for it to finish."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields = ServerFields(form, host="localhost")
        self.host, self.port, self.database, self.user, self.password = (
            self.fields.host, self.fields.port, self.fields.database, self.fields.user, self.fields.password)
        layout.addLayout(form)
        self.bar = QProgressBar()
        self.bar.hide()
        layout.addWidget(self.bar)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.move_button = QPushButton(self.tr("&Move"))
        self.move_button.setDefault(True)
        buttons.addButton(self.move_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.move_button.clicked.connect(self.start)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_progress)
        self.resize(520, self.sizeHint().height())

    def reject(self) -> None:
        if not self.running:  # a move under way finishes (or fails whole) before the dialog goes
            super().reject()

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)
        self.message.show()

    def start(self) -> None:
        if self.running:
            return
        fields = {self.tr("Server"): self.host, self.tr("Database"): self.database, self.tr("User"): self.user}
        for name, field in fields.items():
            if not field.text().strip():
                self._say(self.tr("Fill in {field}.").format(field=name), error=True)
                field.setFocus()
                return
        self.shown_url = server_url(self.host.text().strip(), self.port.value(), self.database.text().strip(),
                                    self.user.text().strip())  # no password: what the message shows
        url = server.connect_url(self.shown_url, self.password.text() or None)  # the keyring's, TLS to a remote host
        self.running = True
        for widget in (self.host, self.port, self.database, self.user, self.password, self.move_button):
            widget.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self._say(self.tr("Copying the shop…"))
        self.timer.start()
        source, actor = self.source, self.actor

        def progress(phase: str, done: int, total: int) -> None:
            self._progress = (phase, done, total)  # the worker only stores numbers; the timer shows them

        self.tasks.run(lambda: move.move_shop(source, url, actor=actor, progress=progress), self._done,
                       self._failed, lane=DB)

    def _show_progress(self) -> None:
        phase, done, total = self._progress
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
            self.message.setText(self.tr("Copying the shop…") if phase == move.db_move.COPYING
                                 else self.tr("Checking every table…"))

    def _finish(self) -> None:
        self.timer.stop()
        self.running = False
        self.bar.hide()

    def _done(self, result: move.MoveResult) -> None:
        self._finish()
        self.result_info = result
        self.close_button.setFocus()
        self._say(self.tr(
            "Moved: {customers} customers and {rows} rows in {tables} tables, every table checked. This window "
            "stays on the shop it opened, which is unchanged. To work on the server, open Régua on each till "
            "(this one too) and connect to the shop's server, or start it with: regua --db {url}").format(
                customers=result.count("customer"), rows=result.rows, tables=len(result.checks), url=self.shown_url))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        for widget in (self.host, self.port, self.database, self.user, self.password, self.move_button):
            widget.setEnabled(True)
        if isinstance(exc, ReguaError):
            text = error_text(exc)
        else:  # a bug: shown with its details; the server was left as it was (one transaction)
            show_error(self, exc)
            text = self.tr("The move failed; nothing was left on the server.")
        self._say(text, error=True)
        self.host.setFocus()
