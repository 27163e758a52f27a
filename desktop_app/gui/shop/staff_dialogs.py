"""The owner's windows: staff accounts (add, change role, switch off, new PIN) and the audit log. Both open at
once and fill when the worker lane has read them; every change is written on the lane."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import ROLES, Actor
from desktop_app.domain.dates import zone
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.i18n import error_text, format_datetime_local
from desktop_app.gui.common.tasks import NOTHING, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label, while_alive
from desktop_app.gui.shell.login_dialog import role_label
from desktop_app.services.shop import audit, staff
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.shop.staff import StaffMember


class StaffDialog(QDialog):
    def __init__(self, tasks: TaskRunner, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.actor = tasks, actor
        self._members: list[StaffMember] = []
        self.loaded = False  # the accounts have arrived from the lane
        self.saving = False  # a change is on the lane: the buttons do nothing meanwhile
        self.setWindowTitle(self.tr("Staff"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Active")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (arrows pick a row), as in any form
        layout.addWidget(self.table)
        row_actions = QHBoxLayout()
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.active_button = QPushButton(self.tr("Switch &off / on"))
        self.pin_button = QPushButton(self.tr("New &PIN…"))
        for b in (self.role_button, self.active_button, self.pin_button):
            row_actions.addWidget(b)
        row_actions.addStretch(1)
        layout.addLayout(row_actions)
        add = QFormLayout()
        self.new_name = QLineEdit()
        self.new_role = QComboBox()
        for role in ROLES:
            self.new_role.addItem(role_label(role), role)
        self.new_role.setCurrentIndex(self.new_role.findData("counter"))
        self.new_pin = QLineEdit()
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        add.addRow(self.tr("New account"), self.new_name)
        add.addRow(self.tr("Role"), self.new_role)
        add.addRow(self.tr("PIN"), self.new_pin)
        layout.addLayout(add)
        self.add_button = QPushButton(self.tr("&Add"))
        layout.addWidget(self.add_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.error = error_label()
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.add_button.clicked.connect(self.add)
        for b in (self.role_button, self.active_button, self.pin_button):
            b.setAutoDefault(False)  # Space presses them; Enter never does (it opened "Change role" for a row)
        enter_means(self.add_button)  # Enter in the new account's form adds it
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.pin_button.clicked.connect(self.new_pin_for_selected)
        self.reload()
        self.resize(520, 460)

    def reload(self) -> None:
        """Read the accounts on the lane; the table fills when they arrive (keeping the selected row)."""
        self.tasks.run(lambda: staff.accounts(include_inactive=True), while_alive(self, self._show_members),
                       while_alive(self, self._failed))

    def _show_members(self, members: list[StaffMember]) -> None:
        row = self.table.currentRow()
        self._members = members
        self.loaded = True
        self.table.setRowCount(len(members))
        for r, m in enumerate(members):
            for col, text in enumerate((m.name, role_label(m.role), self.tr("yes") if m.active else self.tr("no"))):
                self.table.setItem(r, col, QTableWidgetItem(text))
        if 0 <= row < len(members):
            self.table.setCurrentCell(row, self.table.currentColumn() if self.table.currentColumn() >= 0 else 0)

    def _selected(self) -> StaffMember | None:
        row = self.table.currentRow()
        return self._members[row] if 0 <= row < len(self._members) else None

    def _failed(self, exc: BaseException) -> None:
        self.saving = False
        if not isinstance(exc, ReguaError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()

    def _attempt(self, fn, then=None) -> bool:
        """Write `fn()` on the lane; when it worked, `then()` and the table afresh. False when the
        dialog is not ready for a change (the accounts not yet read, or a change still on the lane)."""
        if not self.loaded or self.saving:
            return False
        self.saving = True

        def done(_result) -> None:
            self.saving = False
            self.error.hide()
            if then is not None:
                then()
            self.reload()

        self.tasks.write(fn, NOTHING, while_alive(self, done), while_alive(self, self._failed))
        return True

    def add(self) -> None:
        name, role, pin, actor = self.new_name.text(), self.new_role.currentData(), self.new_pin.text(), self.actor

        def added() -> None:
            self.new_name.clear()
            self.new_pin.clear()

        self._attempt(lambda: staff.add_staff(name, role, pin, actor=actor), added)

    def change_role(self) -> None:
        member = self._selected()
        if member is None:
            return
        labels = [role_label(r) for r in ROLES]
        label, ok = QInputDialog.getItem(self, self.tr("Role"), member.name, labels, ROLES.index(member.role), False)
        if ok:
            role, actor = ROLES[labels.index(label)], self.actor
            self._attempt(lambda: staff.change_staff(member.id, role=role, actor=actor))

    def toggle_active(self) -> None:
        member = self._selected()
        if member is not None:
            actor = self.actor
            self._attempt(lambda: staff.change_staff(member.id, active=not member.active, actor=actor))

    def new_pin_for_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        pin, ok = QInputDialog.getText(self, self.tr("New PIN"), member.name, QLineEdit.EchoMode.Password)
        if ok:
            actor = self.actor
            self._attempt(lambda: staff.change_staff(member.id, pin=pin, actor=actor))


class AuditDialog(QDialog):
    def __init__(self, tasks: TaskRunner, actor: Actor, shop: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        table = QTableWidget(0, 4)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(table)
        self.table = table
        self.error = error_label()
        layout.addWidget(self.error)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(760, 480)
        self.rows: list[tuple[str, str, str, str]] | None = None  # None until the lane has read them
        tz = shop.timezone
        tasks.run(lambda: _audit_rows(audit.recent(500, actor=actor), tz), while_alive(self, self._show_rows),
                  while_alive(self, self._failed))

    def _show_rows(self, rows: list[tuple[str, str, str, str]]) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, cells in enumerate(rows):
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ReguaError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()


def _audit_rows(entries, timezone: str) -> list[tuple[str, str, str, str]]:
    """The audit log's cells (when, who, what, details), worked out on the lane with the entries."""
    from datetime import UTC

    tz = zone(timezone)
    rows = []
    for r in entries:
        details = ", ".join(f"{k}: {v}" for k, v in json.loads(r.details).items()) if r.details else ""
        when = format_datetime_local(r.at.replace(tzinfo=UTC).astimezone(tz))
        rows.append((when, r.actor, f"{r.action} {r.subject}".strip(), details))
    return rows
