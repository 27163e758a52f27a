"""The shop server's fields (host, port, database, user, password), the same in the connect dialog of the
first-run screen and in the owner's Move the shop to a server, and the URL they name (never with the
password: that goes to the keyring)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QSpinBox

from desktop_app.config import DEFAULT_PORT, server_url


class ServerFields:
    def __init__(self, form: QFormLayout, *, host: str = "") -> None:
        self.host = QLineEdit(host)
        self.host.setPlaceholderText(QCoreApplication.translate("ServerFields", "e.g. 192.168.0.10 or server.myshop.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        labels = (QCoreApplication.translate("ServerFields", "&Host"),
                  QCoreApplication.translate("ServerFields", "P&ort"),
                  QCoreApplication.translate("ServerFields", "&Database"),
                  QCoreApplication.translate("ServerFields", "&User"),
                  QCoreApplication.translate("ServerFields", "Pass&word"))
        for text, widget in zip(labels, (self.host, self.port, self.database, self.user, self.password),
                                strict=True):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)

    def url(self) -> str:
        """The server's URL as typed, without the password (a blank host is this PC)."""
        return server_url(self.host.text().strip() or "localhost", self.port.value(), self.database.text().strip(),
                          self.user.text().strip())
