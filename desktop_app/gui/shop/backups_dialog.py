"""File → Backups (owner): the copies with their dates, Back up now, a second folder for the copies (a
synced Google Drive or OneDrive folder is fine for copies), and Restore, which checks the copy, keeps
what it replaces and asks first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config import Paths
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.common.i18n import error_text, format_datetime_local
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import error_label
from desktop_app.services.customers import privacy
from desktop_app.services.shop import backups
from desktop_app.services.shop.backups import BackupInfo

KIND_LABELS = {
    "daily": QT_TRANSLATE_NOOP("backups", "daily"),
    "weekly": QT_TRANSLATE_NOOP("backups", "weekly"),
    "manual": QT_TRANSLATE_NOOP("backups", "made by hand"),
    "before-restore": QT_TRANSLATE_NOOP("backups", "before a restore"),
    "other": QT_TRANSLATE_NOOP("backups", "other"),
}


class BackupsDialog(QDialog):
    def __init__(self, tasks: TaskRunner, paths: Paths, actor: Actor, after_restore: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.paths, self.actor, self.after_restore = tasks, paths, actor, after_restore
        self.items: list[BackupInfo] = []
        self.setWindowTitle(self.tr("Backups"))
        intro = QLabel(self.tr("Régua copies the shop's data every day it is opened: a copy a day for a week "
                               "and a copy a week for a month, in {folder}.").format(folder=paths.backup_dir))
        intro.setWordWrap(True)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        extra_button = QPushButton(self.tr("Also copy to a folder…"))
        extra_button.clicked.connect(self.choose_extra)
        extra_row = QHBoxLayout()
        extra_row.addWidget(self.extra, 1)
        extra_row.addWidget(extra_button)
        self.retention = QSpinBox()
        self.retention.setRange(0, 30)
        self.retention.setValue(privacy.retention_years())
        self.retention.setSpecialValueText(self.tr("never"))
        self.retention.setSuffix(self.tr(" years"))
        retention_apply = QPushButton(self.tr("Apply"))
        retention_apply.clicked.connect(self.apply_retention)
        retention_row = QHBoxLayout()
        retention_row.addWidget(QLabel(self.tr("Anonymise customers with nothing logged for")))
        retention_row.addWidget(self.retention)
        retention_row.addWidget(retention_apply)
        retention_row.addStretch(1)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("File")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.error = error_label()
        self.backup_button = QPushButton(self.tr("Back up &now"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("&Restore the selected copy…"))
        self.restore_button.clicked.connect(self.restore_selected)
        other = QPushButton(self.tr("Restore from a file…"))
        other.clicked.connect(self.restore_file)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addStretch(1)
        buttons.addWidget(other)
        buttons.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(extra_row)
        layout.addLayout(retention_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(760, 460)
        self.reload()

    def reload(self) -> None:
        extra = backups.extra_dir()
        self.extra.setText(self.tr("Copies also go to: {folder}").format(folder=extra) if extra else
                           self.tr("Copies stay on this computer only."))
        self.items = backups.list_backups(self.paths)
        self.table.setRowCount(len(self.items))
        for i, b in enumerate(self.items):
            cells = (format_datetime_local(b.made), QCoreApplication.translate("backups", KIND_LABELS.get(b.kind, b.kind)), str(b.path))
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        if self.items:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.items))

    def _fail(self, exc: BaseException) -> None:
        if not isinstance(exc, ReguaError):
            raise exc
        self.message.hide()
        self.error.setText(error_text(exc))
        self.error.show()

    def _done(self, text: str) -> None:
        self.error.hide()
        self.message.setText(text)
        self.message.show()

    def backup_now(self) -> None:
        paths, actor = self.paths, self.actor

        def done(path) -> None:
            self._done(self.tr("Copy made: {path}").format(path=path))
            self.reload()

        self.tasks.run(lambda: backups.backup_now(paths, None, actor=actor, now=utc_now()), done, self._fail)

    def apply_retention(self) -> None:
        """Save the rule; say how many customers it anonymises from the next daily run on."""
        years = self.retention.value()
        try:
            privacy.set_retention_years(years, actor=self.actor)
        except ReguaError as exc:
            self._fail(exc)
            return
        n = len(privacy.inactive(date.today(), years)) if years else 0
        self._done(self.tr("Saved. Customers it would anonymise today: {n}.").format(n=n) if years else
                   self.tr("Saved. Customers are kept until erased by hand."))

    def choose_extra(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A second folder for the copies"))
        if not folder:
            return
        try:
            backups.set_extra_dir(folder, actor=self.actor)
        except ReguaError as exc:
            self._fail(exc)
            return
        self.reload()

    def restore_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.items):
            self.restore(str(self.items[row].path), self.items[row].made)

    def restore_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a copy"), str(self.paths.backup_dir),
                                              self.tr("Régua copies (*.db)"))
        if name:
            self.restore(name, None)

    def restore(self, src: str, made: datetime | None, *, confirm: bool = True) -> None:
        when = format_datetime_local(made) if made else src
        if confirm and QMessageBox.question(
                self, self.tr("Restore"),
                self.tr("Replace the shop's data with the copy of {when}? Everything done since then is set "
                        "aside (kept in a copy of its own).").format(when=when)) != QMessageBox.StandardButton.Yes:
            return
        paths, actor = self.paths, self.actor

        def done(kept) -> None:
            self._done(self.tr("Restored. What was there before is kept in {path}.").format(path=kept))
            self.reload()
            self.after_restore()

        self.tasks.run(lambda: backups.restore(paths, src, actor=actor, now=utc_now()), done, self._fail)
