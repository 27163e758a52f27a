"""File → Backups (owner): the copies with their dates, Back up now, a second folder for the copies (a
synced Google Drive or OneDrive folder is fine for copies), and Restore, which checks the copy, keeps
what it replaces and asks first. The dialog opens at once and fills when the worker lane has read the
copies and the rules; every read and write runs there."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

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
from desktop_app.domain.dates import local_datetime, utc_now
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.common.i18n import error_text, format_datetime_local
from desktop_app.gui.common.tasks import NOTHING, Changes, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label, while_alive
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
                 parent: QWidget | None = None, *, timezone: str = "UTC") -> None:
        super().__init__(parent)
        self.tasks, self.paths, self.actor, self.after_restore = tasks, paths, actor, after_restore
        self.timezone = timezone  # the shop's: a copy's time is the shop's clock, not this computer's
        self.items: list[BackupInfo] = []
        self.loaded = False  # the copies and the retention rule have arrived from the lane
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
        self.retention.setEnabled(False)  # until the saved rule is read
        self.retention.setSpecialValueText(self.tr("never"))
        self.retention.valueChanged.connect(self._years_suffix)
        self._years_suffix(0)
        retention_apply = QPushButton(self.tr("Apply"))
        retention_apply.clicked.connect(self.apply_retention)
        retention_apply.setEnabled(False)
        self.retention_apply = retention_apply
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
        for b in self.findChildren(QPushButton):
            b.setAutoDefault(False)  # Space presses them; a stray Enter never does (it opened a file chooser)
        enter_means(retention_apply)  # Enter in the years box applies them (nothing before the rule is read)
        self.resize(760, 460)
        self.restore_button.setEnabled(False)
        paths = self.paths
        self.tasks.run(lambda: (privacy.retention_years(), backups.extra_dir(), backups.list_backups(paths)),
                       while_alive(self, self._opened), while_alive(self, self._fail))

    def _years_suffix(self, years: int) -> None:
        self.retention.setSuffix(self.tr(" years", "", max(years, 1)))  # "1 ano", "2 anos"

    def _when(self, made: datetime) -> str:
        return format_datetime_local(local_datetime(made, self.timezone))

    def _opened(self, read: tuple[int, Path | None, list[BackupInfo]]) -> None:
        years, extra, items = read
        self.retention.setValue(years)
        self.retention.setEnabled(True)
        self.retention_apply.setEnabled(True)
        self.loaded = True
        self._show(extra, items)

    def reload(self, then: Callable[[], None] | None = None) -> None:
        """Read the copies (and where they also go) on the lane; the list fills when they arrive, then
        `then()` (what was done is said once the list shows it)."""
        paths = self.paths

        def show(read: tuple[Path | None, list[BackupInfo]]) -> None:
            self._show(*read)
            if then is not None:
                then()

        self.tasks.run(lambda: (backups.extra_dir(), backups.list_backups(paths)), while_alive(self, show),
                       while_alive(self, self._fail))

    def _show(self, extra: Path | None, items: list[BackupInfo]) -> None:
        self.extra.setText(self.tr("Copies also go to: {folder}").format(folder=extra) if extra else
                           self.tr("Copies stay on this computer only."))
        self.items = items
        self.table.setRowCount(len(self.items))
        for i, b in enumerate(self.items):
            cells = (self._when(b.made), QCoreApplication.translate("backups", KIND_LABELS.get(b.kind, b.kind)), str(b.path))
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
            self.reload(lambda: self._done(self.tr("Copy made: {path}").format(path=path)))

        self.tasks.write(lambda: backups.backup_now(paths, None, actor=actor, now=utc_now()), NOTHING,
                         while_alive(self, done), while_alive(self, self._fail))

    def apply_retention(self) -> None:
        """Save the rule (on the lane); say how many customers it anonymises from the next daily run on.
        Nothing happens before the saved rule has been read (the box would hold a made-up value)."""
        if not self.loaded:
            return
        years, actor, today = self.retention.value(), self.actor, date.today()

        def work() -> int:
            privacy.set_retention_years(years, actor=actor)
            return len(privacy.inactive(today, years)) if years else 0

        def done(n: int) -> None:
            self._done(self.tr("Saved. Customers it would anonymise today: {n}.").format(n=n) if years else
                       self.tr("Saved. Customers are kept until erased by hand."))

        self.tasks.write(work, Changes(settings=True), while_alive(self, done), while_alive(self, self._fail))

    def choose_extra(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("A second folder for the copies"))
        if not folder:
            return
        actor = self.actor
        self.tasks.write(lambda: backups.set_extra_dir(folder, actor=actor), Changes(settings=True),
                         while_alive(self, lambda _none: self.reload()), while_alive(self, self._fail))

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
        if self.paths.is_server:  # every till works on the server: its administrator restores it
            self._fail(ReguaError("not_on_server", path=self.paths.shown))
            return
        when = self._when(made) if made else src
        if confirm and QMessageBox.question(
                self, self.tr("Restore"),
                self.tr("Replace the shop's data with the copy of {when}? Everything done since then is set "
                        "aside (kept in a copy of its own).").format(when=when)) != QMessageBox.StandardButton.Yes:
            return
        paths, actor = self.paths, self.actor

        def done(kept) -> None:
            self.after_restore()
            self.reload(lambda: self._done(self.tr("Restored. What was there before is kept in {path}.").format(
                path=kept)))

        self.tasks.run(lambda: backups.restore(paths, src, actor=actor, now=utc_now()), while_alive(self, done),
                       while_alive(self, self._fail))
