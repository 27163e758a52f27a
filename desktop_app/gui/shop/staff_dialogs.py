"""The owner's windows: staff accounts (add, change role, switch off, new PIN) and the audit log."""

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
from desktop_app.gui.common.widgets import error_label
from desktop_app.gui.shell.login_dialog import role_label
from desktop_app.services.shop import audit, staff
from desktop_app.services.shop.shop import ShopSettings


class StaffDialog(QDialog):
    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        self.setWindowTitle(self.tr("Staff"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"), self.tr("Active")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
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
        self.new_name.returnPressed.connect(self.add)  # Enter in the new account's form adds it
        self.new_pin.returnPressed.connect(self.add)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.pin_button.clicked.connect(self.new_pin_for_selected)
        self.reload()
        self.resize(520, 460)

    def reload(self) -> None:
        self._members = staff.accounts(include_inactive=True)
        self.table.setRowCount(len(self._members))
        for row, m in enumerate(self._members):
            for col, text in enumerate((m.name, role_label(m.role), self.tr("yes") if m.active else self.tr("no"))):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _selected(self):
        row = self.table.currentRow()
        return self._members[row] if 0 <= row < len(self._members) else None

    def _attempt(self, fn) -> bool:
        try:
            fn()
        except ReguaError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return False
        self.error.hide()
        self.reload()
        return True

    def add(self) -> None:
        if self._attempt(lambda: staff.add_staff(self.new_name.text(), self.new_role.currentData(),
                                                 self.new_pin.text(), actor=self.actor)):
            self.new_name.clear()
            self.new_pin.clear()

    def change_role(self) -> None:
        member = self._selected()
        if member is None:
            return
        labels = [role_label(r) for r in ROLES]
        label, ok = QInputDialog.getItem(self, self.tr("Role"), member.name, labels, ROLES.index(member.role), False)
        if ok:
            role = ROLES[labels.index(label)]
            self._attempt(lambda: staff.change_staff(member.id, role=role, actor=self.actor))

    def toggle_active(self) -> None:
        member = self._selected()
        if member is not None:
            self._attempt(lambda: staff.change_staff(member.id, active=not member.active, actor=self.actor))

    def new_pin_for_selected(self) -> None:
        member = self._selected()
        if member is None:
            return
        pin, ok = QInputDialog.getText(self, self.tr("New PIN"), member.name, QLineEdit.EchoMode.Password)
        if ok:
            self._attempt(lambda: staff.change_staff(member.id, pin=pin, actor=self.actor))


class AuditDialog(QDialog):
    def __init__(self, actor: Actor, shop: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        layout = QVBoxLayout(self)
        rows = audit.recent(500, actor=actor)
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Details")])
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        from datetime import UTC

        tz = zone(shop.timezone)
        for i, r in enumerate(rows):
            details = ", ".join(f"{k}: {v}" for k, v in json.loads(r.details).items()) if r.details else ""
            when = format_datetime_local(r.at.replace(tzinfo=UTC).astimezone(tz))
            for col, text in enumerate((when, r.actor, f"{r.action} {r.subject}".strip(), details)):
                table.setItem(i, col, QTableWidgetItem(text))
        layout.addWidget(table)
        self.table = table
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(760, 480)
