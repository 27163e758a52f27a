"""Who is at the counter: pick your name, type your PIN. Also used to switch user on the shared PC."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import error_label
from desktop_app.services.shop import staff
from desktop_app.services.shop.staff import StaffMember

ROLE_LABELS = {
    "owner": QT_TRANSLATE_NOOP("roles", "Owner"),
    "manager": QT_TRANSLATE_NOOP("roles", "Manager"),
    "counter": QT_TRANSLATE_NOOP("roles", "Counter"),
}


def role_label(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("roles", ROLE_LABELS.get(role, role))


class LoginDialog(QDialog):
    """`accounts` (staff.accounts(), read by whoever opens the dialog) fill the list; the PIN is checked on
    the worker lane."""

    def __init__(self, shop_name: str, tasks: TaskRunner, accounts: list[StaffMember], *, demo_hint: bool = False,
                 current: Actor | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.checking = False
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in — {shop}").format(shop=shop_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.who = QComboBox()
        for member in accounts:
            self.who.addItem(f"{member.name} ({role_label(member.role)})", member.id)
        if current is not None:
            self.who.setCurrentIndex(max(self.who.findData(current.staff_id), 0))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setPlaceholderText(self.tr("PIN"))
        form.addRow(self.tr("Who are you?"), self.who)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.hint = QLabel(self.tr("Demo shop: every account's PIN is {pin}.").format(pin=staff.DEMO_PIN))
        self.hint.setVisible(demo_hint)
        self.hint.setStyleSheet("color: #555;")
        layout.addWidget(self.hint)
        self.error = error_label()
        layout.addWidget(self.error)
        # The standard Ok button, renamed: a button added with addButton() after Cancel lost the default
        # to Cancel when the dialog was shown, so Enter in the PIN field cancelled (and quit the app).
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.login_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.login_button.setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pin.setFocus()
        self.resize(380, 0)

    def try_login(self) -> None:
        if self.checking:
            return  # the PIN typed is being checked
        staff_id, pin = self.who.currentData(), self.pin.text()
        self.checking = True  # (the dialog stays enabled: the Enter key's release still reaches the field)
        self.tasks.run(lambda: staff.log_in(staff_id, pin), self._logged_in, self._refused)

    def _logged_in(self, actor: Actor) -> None:
        self.checking = False
        self.actor = actor
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.checking = False
        if not isinstance(exc, ReguaError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()
        self.pin.clear()
        self.pin.setFocus()
