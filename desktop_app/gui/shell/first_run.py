"""The first-run screen: the shop's name, country (phone region, currency, language) and time zone; or
"Connect to the shop's server…" (connect_dialog.py), which ends it with SERVER and the server's shop."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config import DEMO_DB_FILE, Paths, pc_data_dir
from desktop_app.domain.actors import Actor
from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.dates import timezones
from desktop_app.domain.errors import ValidationError
from desktop_app.gui.common.i18n import LANGUAGES, error_text
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.services.shop import server, staff
from desktop_app.services.shop import shop as shop_service
from desktop_app.services.shop.shop import ShopSettings


class FirstRunDialog(QDialog):
    SERVER = 2  # the result when she connected to the shop's server instead (`reached`, `settings`)

    def __init__(self, language: str, tasks: TaskRunner, existing: ShopSettings | None = None,
                 parent: QWidget | None = None, *, paths: Paths | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.paths = paths
        self.reached = None  # the server's shop she connected to (services/shop/server.py Reached)
        self.saving = False
        self.settings: ShopSettings | None = None
        self.owner: Actor | None = None
        self.setWindowTitle(self.tr("Welcome to Régua"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tell Régua about your shop. The country sets the phone prefix, the currency "
                               "and the date format; you can change all of this later in Shop → Settings."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Ateliê Flor de Lis"))
        form.addRow(self.tr("Shop name"), self.name)
        self.country = QComboBox()
        for code, c in COUNTRIES.items():
            self.country.addItem(QCoreApplication.translate("countries", c.name), code)
        form.addRow(self.tr("Country"), self.country)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(timezones())
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        form.addRow(self.tr("Time zone"), self.timezone)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        form.addRow(self.tr("Language"), self.language)
        self.owner_name = QLineEdit()
        self.owner_name.setPlaceholderText(self.tr("Your name"))
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_again = QLineEdit()
        self.pin_again.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Owner"), self.owner_name)
        form.addRow(self.tr("Owner's PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.pin_again)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.server_button = QPushButton(self.tr("Connect to the shop's &server…"))
        self.server_button.clicked.connect(self.connect_server)
        if paths is not None and existing is None:  # a shop already begun here is finished here
            buttons.addButton(self.server_button, QDialogButtonBox.ButtonRole.ActionRole)
        else:
            self.server_button.hide()
        layout.addWidget(buttons)
        self.ok = enter_means(buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.language_picked = False  # she chose the language herself: the country no longer sets it
        self.language.activated.connect(lambda _i: setattr(self, "language_picked", True))
        self.country.currentIndexChanged.connect(self._country_changed)
        system = QLocale.territoryToCode(QLocale.system().territory())  # the computer's country, if Régua knows it
        default = system if system in COUNTRIES else "PT" if language == "pt_PT" else "BR"
        self.country.setCurrentIndex(max(self.country.findData(default), 0))
        self._country_changed()
        if existing is not None:
            self.name.setText(existing.name)
            self.country.setCurrentIndex(max(self.country.findData(existing.country), 0))
            self.timezone.setCurrentText(existing.timezone)
            self.language.setCurrentIndex(max(self.language.findData(existing.language), 0))
        self.resize(480, 320)

    def _country_changed(self) -> None:
        """The country brings its time zone, and its language (pt_BR in Brazil, pt_PT in Portugal and the
        other Portuguese-speaking countries, English elsewhere) unless she picked a language herself."""
        c = COUNTRIES[self.country.currentData()]
        self.timezone.setCurrentText(c.timezone)
        if not self.language_picked:
            self.language.setCurrentIndex(max(self.language.findData(c.language), 0))

    def connect_server(self) -> None:
        """The shop's server instead of a new shop on this PC: the connect dialog; when it worked, this screen
        ends with SERVER (the session then shows that shop's login)."""
        from desktop_app.gui.shell.connect_dialog import ConnectDialog

        dialog = ConnectDialog(self.tasks, pc_data_dir(self.paths), self.paths, self.language.currentData(), self)
        dialog.accepted.connect(lambda: self._connected(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        self.connect_dialog = dialog
        dialog.open()

    def _connected(self, dialog) -> None:
        self.reached, self.settings = dialog.reached, dialog.settings
        self.done(self.SERVER)

    def save(self) -> None:
        """Check everything first; then save the shop and create the owner's account (on the worker lane)."""
        if self.saving:
            return
        code = self.country.currentData()
        language = self.language.currentData()
        name, zone_name, owner_name = self.name.text(), self.timezone.currentText().strip(), self.owner_name.text()
        pin, pin_again = self.pin.text(), self.pin_again.text()
        back_to_file = pc_data_dir(self.paths) if self.paths is not None and not self.paths.is_server \
            and self.paths.db_path.name != DEMO_DB_FILE else None

        def work():
            settings = ShopSettings(name, code, zone_name, language, COUNTRIES[code].currency).validated()
            if not owner_name.strip():
                raise ValidationError("owner", "required")
            staff.hash_pin(pin)  # the same checks the account will get
            if pin != pin_again:
                raise ValidationError("pin", "pins_differ")
            saved = shop_service.save_shop_settings(settings), staff.create_first_owner(owner_name, pin)
            if back_to_file is not None:  # a new shop on this PC: plain `regua` opens it, not a server
                server.forget_server(back_to_file)
            return saved

        def done(result) -> None:
            self.saving = False
            self.settings, self.owner = result
            self.accept()

        self.saving = True  # one save at a time
        self.tasks.run(work, done, self._refused)

    def _refused(self, exc: BaseException) -> None:
        self.saving = False
        if not isinstance(exc, ValidationError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()
        focus = {"name": self.name, "timezone": self.timezone, "owner": self.owner_name,
                 "pin": self.pin}.get(exc.field, self.name)
        focus.setFocus()
