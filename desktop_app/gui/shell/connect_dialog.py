"""Connect to the shop's server (from the first-run screen): host, port, database, user and password; the
connection is tried on a lane, a failure is said in the dialog with everything she typed kept, and a server
database with no shop yet can be set up there (name and country, as the new-shop form asks).

When it works the password goes to the OS keyring and the URL (without it) to server.ini, and the dialog is
accepted with `reached` (the server's paths, the database open on them) and `settings` (the shop's)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config import Paths
from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.common.server_fields import ServerFields
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label, while_alive
from desktop_app.services.shop import server
from desktop_app.services.shop import shop as shop_service


class ConnectDialog(QDialog):
    def __init__(self, tasks: TaskRunner, data_dir: Path, back_to: Paths, language: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.data_dir, self.back_to, self.language = tasks, Path(data_dir), back_to, language
        self.busy = False
        self.reached: server.Reached | None = None  # the server that answered (its shop, or an empty database)
        self.settings = None  # the shop's settings, once connected to a shop
        self.setWindowTitle(self.tr("Connect to the shop's server"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The shop's PostgreSQL server, as whoever set it up gave it to you. The password is "
                               "kept in this computer's keyring, never in a file."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.fields = ServerFields(form)
        self.host, self.port, self.database, self.user, self.password = (
            self.fields.host, self.fields.port, self.fields.database, self.fields.user, self.fields.password)
        layout.addLayout(form)
        # shown when the database has no shop yet: set one up there (regua init on the server)
        self.setup = QWidget()
        setup_layout = QFormLayout(self.setup)
        setup_layout.setContentsMargins(0, 0, 0, 0)
        self.setup_note = QLabel()
        self.setup_note.setWordWrap(True)
        setup_layout.addRow(self.setup_note)
        self.shop_name = QLineEdit()
        self.shop_name.setPlaceholderText(self.tr("e.g. Ateliê Flor de Lis"))
        self.country = QComboBox()
        for code, c in COUNTRIES.items():
            self.country.addItem(QCoreApplication.translate("countries", c.name), code)
        system = QLocale.territoryToCode(QLocale.system().territory())
        default = system if system in COUNTRIES else "PT" if language == "pt_PT" else "BR"
        self.country.setCurrentIndex(max(self.country.findData(default), 0))
        for text, widget in ((self.tr("Shop &name"), self.shop_name), (self.tr("Coun&try"), self.country)):
            label = QLabel(text)
            label.setBuddy(widget)
            setup_layout.addRow(label, widget)
        self.setup.hide()
        layout.addWidget(self.setup)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = QPushButton(self.tr("&Connect"))
        self.setup_button = QPushButton(self.tr("&Set up the shop here"))
        self.setup_button.hide()
        self.buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.setup_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button.clicked.connect(self.try_connect)
        self.setup_button.clicked.connect(self.set_up)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_means(self.connect_button)
        self.host.setFocus()
        self.resize(460, 300)

    def url(self) -> str:
        return self.fields.url()

    def _working(self, on: bool) -> None:
        self.busy = on
        for widget in (self.connect_button, self.setup_button):
            widget.setEnabled(not on)

    def try_connect(self) -> None:
        """Try the server on the lane: its shop opens the login, an empty database offers to set one up."""
        if self.busy:
            return
        if not self.database.text().strip():
            self._show_error(ValidationError("database", "required"))
            return
        url, password, data_dir = self.url(), self.password.text() or None, self.data_dir

        def work():
            reached = server.reach(url, password, data_dir=data_dir)
            if reached.state == server.SHOP:
                server.connected(reached, password)
                return reached, shop_service.shop_settings()
            return reached, None

        self._working(True)
        self.error.hide()
        self.tasks.run(work, while_alive(self, self._reached), while_alive(self, self._failed))

    def _reached(self, result) -> None:
        self._working(False)
        self.reached, self.settings = result
        if self.settings is not None:
            self.accept()
            return
        self.setup_note.setText(self.tr("The database {name} on this server has no Régua shop yet. Set one up "
                                        "there? Every till of the shop will then connect to it.").format(
                                            name=self.database.text().strip()))
        self.setup.show()
        self.setup_button.show()
        enter_means(self.setup_button)
        self.connect_button.setDefault(False)
        self.shop_name.setFocus()

    def set_up(self) -> None:
        """`regua init` on the server that answered: the schema, the shop's settings; then connected."""
        if self.busy or self.reached is None:
            return
        reached, password = self.reached, self.password.text() or None
        name, country = self.shop_name.text(), self.country.currentData()

        def work():
            settings = server.set_up(reached, name, country)  # the country's language, as the new-shop form
            server.connected(reached, password)
            return reached, settings

        self._working(True)
        self.error.hide()
        self.tasks.run(work, while_alive(self, self._reached), while_alive(self, self._failed))

    def _failed(self, exc: BaseException) -> None:
        self._working(False)
        if not isinstance(exc, ReguaError):
            raise exc
        self._show_error(exc)

    def _show_error(self, exc: ReguaError) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        field = getattr(exc, "field", None)
        code = exc.code
        focus = {"database": self.database, "name": self.shop_name, "country": self.country}.get(field) or (
            self.password if code in ("db_server_password", "db_server_no_password") else
            self.database if code == "db_not_found" else self.host)
        focus.setFocus()

    def reject(self) -> None:
        """Cancel: the till stays on its own file (reopened on the lane if a server's database was opened)."""
        if self.reached is not None:
            back = self.back_to
            self.tasks.run(lambda: shop_service.open_shop(back, create=True), lambda _r: None)
        super().reject()
