"""Shop → Mail account (owner): a preset fills the server, port, security and limits; the password goes to
the OS keyring; Test connects, starts TLS, logs in and says what happened in plain words, off the GUI
thread. Without a usable keyring the owner may type the password once per session instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.mail import PRESETS, SSL, STARTTLS, SmtpAccount
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.common.tasks import NET, Changes, TaskRunner
from desktop_app.gui.common.widgets import ask_discard, error_label
from desktop_app.services.mail import mailer
from desktop_app.services.shop import secrets
from desktop_app.services.shop.shop import ShopSettings

HINTS = {key: p.hint for key, p in PRESETS.items() if p.hint}  # marked for translation in domain/mail.py
PROVIDER_HOSTS = {p.host for p in PRESETS.values() if p.host}
OK_STYLE = "color: #1f6f43;"


class MailAccountDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor = tasks, shop, actor
        self.setWindowTitle(self.tr("Mail account"))
        self.ready = False  # the saved account is read on the worker lane; Save and Test wait for it
        self.confirm_discard = None  # the "Discard…?" box Escape opened over typed changes
        self._initial: tuple | None = None  # the form as loaded, to tell whether anything was typed
        self.preset = QComboBox()
        for key, p in PRESETS.items():
            self.preset.addItem(self.tr("Other server") if key == "other" else p.name, key)
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("for example mail.yourshop.com"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.security = QComboBox()
        self.security.addItem(self.tr("STARTTLS (usually port 587)"), STARTTLS)
        self.security.addItem(self.tr("SSL/TLS (usually port 465)"), SSL)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.from_addr = QLineEdit()
        self.from_name = QLineEdit(shop.name)
        self.daily = QSpinBox()
        self.daily.setRange(1, 100_000)
        self.per_minute = QSpinBox()
        self.per_minute.setRange(1, 10_000)
        self.session_only = QCheckBox(self.tr("No keyring here: keep the password only until Régua closes"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        self.keyring_label = QLabel()
        self.keyring_label.setWordWrap(True)

        # each field a service may name in a ValidationError: its widget and its label
        self.fields: dict[str, tuple[QWidget, str]] = {
            "host": (self.host, self.tr("Server")), "port": (self.port, self.tr("Port")),
            "security": (self.security, self.tr("Security")), "user": (self.user, self.tr("User")),
            "password": (self.password, self.tr("Password")),
            "from_addr": (self.from_addr, self.tr("Sender address")),
            "from_name": (self.from_name, self.tr("Sender name")),
            "daily_limit": (self.daily, self.tr("At most per day")),
            "per_minute": (self.per_minute, self.tr("At most per minute")),
        }
        form = QFormLayout()
        form.addRow(self.tr("Provider"), self.preset)
        form.addRow("", self.hint)
        for key in ("host", "port", "security", "user", "password"):
            form.addRow(self.fields[key][1], self.fields[key][0])
        form.addRow("", self.keyring_label)
        form.addRow("", self.session_only)
        for key in ("from_addr", "from_name", "daily_limit", "per_minute"):
            form.addRow(self.fields[key][1], self.fields[key][0])

        self.colour = QLineEdit()
        self.colour.setMaxLength(7)
        self.colour_button = QPushButton(self.tr("Pick…"))
        self.colour_button.clicked.connect(self.pick_colour)
        self.signature = QPlainTextEdit()
        self.signature.setPlaceholderText(self.tr("e.g. Rua Augusta, 120 · (11) 3456-7890 · Mon–Sat 9–19h"))
        self.signature.setFixedHeight(60)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour)
        colour_row.addWidget(self.colour_button)
        self.logo_path: str | None = None  # a new logo chosen in this dialog ("" = remove it)
        self.logo_label = QLabel()
        self.logo_label.setFixedHeight(40)
        choose_logo = QPushButton(self.tr("Choose…"))
        choose_logo.clicked.connect(self.choose_logo)
        remove_logo = QPushButton(self.tr("Remove"))
        remove_logo.clicked.connect(lambda: (setattr(self, "logo_path", ""), self._show_logo(None)))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(choose_logo)
        logo_row.addWidget(remove_logo)
        looks = QGroupBox(self.tr("How the shop's e-mails look"))
        looks_form = QFormLayout(looks)
        self.fields["colour"] = (self.colour, self.tr("Colour"))
        self.fields["signature"] = (self.signature, self.tr("Signature"))
        looks_form.addRow(self.tr("Logo"), logo_row)
        looks_form.addRow(self.fields["colour"][1], colour_row)
        looks_form.addRow(self.fields["signature"][1], self.signature)

        self.result = QLabel()
        self.result.setWordWrap(True)
        self.error = error_label()
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.clicked.connect(self.test)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        row = QHBoxLayout()
        row.addWidget(self.test_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(looks)
        layout.addWidget(self.result)
        layout.addWidget(self.error)
        layout.addLayout(row)
        self.preset.currentIndexChanged.connect(lambda _i: self._apply_preset())
        self.host.textEdited.connect(self._host_typed)
        self.save_button.setEnabled(False)
        self.test_button.setEnabled(False)
        self.resize(540, self.sizeHint().height())
        self.tasks.run(lambda: (mailer.account(), mailer.branding(), mailer.logo(), secrets.backend_name()),
                       lambda state: self._loaded(*state), self._load_failed)

    def _loaded(self, current: SmtpAccount | None, branding: tuple[str, str], logo, keyring: str | None) -> None:
        colour, signature = branding
        self.keyring_label.setText(self.tr("Password kept in: {where}").format(where=keyring) if keyring else
                                   self.tr("This computer has no safe place for passwords (keyring)."))
        self.session_only.setVisible(not keyring)
        self.session_only.setChecked(not keyring)
        self.colour.setText(colour)
        self.signature.setPlainText(signature)
        self._show_logo(logo[1] if logo else None)
        if current is not None:
            self._fill(current)
        else:
            self._apply_preset()
        self.save_button.setEnabled(True)
        self.test_button.setEnabled(True)
        self.ready = True
        self._initial = self._state()

    def _state(self) -> tuple:
        return (self.form_account(), self.password.text(), self.colour.text(), self.signature.toPlainText(),
                self.logo_path)

    def changed(self) -> bool:
        return self._initial is not None and self._state() != self._initial

    def reject(self) -> None:
        """Escape, Cancel or the window's close: a typed server or password is only lost when she says so."""
        if not self.changed() or ask_discard(self, self.tr("Discard what you typed for the mail account?")):
            super().reject()

    def _host_typed(self, text: str) -> None:
        """A server typed by hand that is not the chosen provider's: the provider is "Other server" (and
        the provider's hint, such as Gmail's app password, goes)."""
        preset = PRESETS[self.preset.currentData()]
        if preset.host and text.strip().lower() != preset.host.lower():
            self.preset.blockSignals(True)
            self.preset.setCurrentIndex(self.preset.findData("other"))
            self.preset.blockSignals(False)
            self._show_hint()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def _fill(self, acc: SmtpAccount) -> None:
        self.preset.blockSignals(True)
        self.preset.setCurrentIndex(max(self.preset.findData(acc.preset), 0))
        self.preset.blockSignals(False)
        self.host.setText(acc.host)
        self.port.setValue(acc.port)
        self.security.setCurrentIndex(self.security.findData(acc.security))
        self.user.setText(acc.user)
        self.from_addr.setText(acc.from_addr)
        self.from_name.setText(acc.from_name)
        self.daily.setValue(acc.daily_limit)
        self.per_minute.setValue(acc.per_minute)
        self.password.setPlaceholderText(self.tr("kept in the keyring; type to change it"))
        self._show_hint()

    def _apply_preset(self) -> None:
        p = PRESETS[self.preset.currentData()]
        if p.host:
            self.host.setText(p.host)
        elif self.host.text().strip().lower() in PROVIDER_HOSTS:  # "Other server": not Gmail's; hers, to type
            self.host.clear()
        self.port.setValue(p.port)
        self.security.setCurrentIndex(self.security.findData(p.security))
        self.daily.setValue(p.daily_limit)
        self.per_minute.setValue(p.per_minute)
        self._show_hint()

    def _show_hint(self) -> None:
        text = HINTS.get(self.preset.currentData(), "")
        self.hint.setText(QCoreApplication.translate("mail", text) if text else "")
        self.hint.setVisible(bool(text))

    def form_account(self) -> SmtpAccount:
        return SmtpAccount(self.host.text(), self.port.value(), self.security.currentData(), self.user.text(),
                           self.from_addr.text().strip(), self.from_name.text(), self.preset.currentData(),
                           self.daily.value(), self.per_minute.value())

    def _problem(self, exc: ReguaError) -> None:
        """Show what went wrong; a field's problem says which field, and the focus goes there."""
        self.result.hide()
        text = error_text(exc)
        widget, label = self.fields.get(exc.field, (None, "")) if isinstance(exc, ValidationError) else (None, "")
        if widget is not None:
            text = self.tr("{field}: {problem}").format(field=label, problem=text)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        self.error.setText(text)
        self.error.show()

    def test(self) -> None:
        """Connect and log in with what is on screen (the typed password, else the stored one)."""
        self.error.hide()
        try:
            acc = self.form_account().validated()
        except ReguaError as exc:
            self._problem(exc)
            return
        typed = self.password.text() or None
        self.test_button.setEnabled(False)
        self.result.setStyleSheet("color: #555;")
        self.result.setText(self.tr("Connecting to {host}…").format(host=acc.host))
        self.result.show()

        def done(_host: str) -> None:
            self.test_button.setEnabled(True)
            self.result.setStyleSheet(OK_STYLE)
            self.result.setText(self.tr("It works: connected to {host}, encrypted, and logged in.").format(
                host=acc.host))

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            if isinstance(exc, ReguaError):
                self._problem(exc)
            else:
                raise exc

        self.tasks.run(lambda: mailer.test_account(acc, typed, timeout=20), done, failed, lane=NET)

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_label.setPixmap(pixmap.scaledToHeight(36, Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_label.setText(self.tr("(no logo)"))

    def choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The shop's logo"), "",
                                              self.tr("Pictures (*.png *.jpg *.jpeg)"))
        if path:
            self.logo_path = path
            with open(path, "rb") as fh:
                self._show_logo(fh.read(mailer.MAX_LOGO_BYTES + 1))

    def pick_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour.text()), self, self.tr("Colour of the shop's e-mails"))
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def save(self) -> None:
        """Save on the worker lane (the database and the OS keyring); close when it is done."""
        self.error.hide()
        colour, signature, logo_path, actor = self.colour.text(), self.signature.toPlainText(), self.logo_path, \
            self.actor
        acc, password, session_only = self.form_account(), self.password.text() or None, self.session_only.isChecked()

        def work() -> None:
            mailer.save_branding(colour, signature, actor=actor)
            if logo_path is not None:
                mailer.save_logo(logo_path or None, actor=actor)
            mailer.save_account(acc, password, actor=actor, session_only=session_only)

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            if not isinstance(exc, ReguaError):
                raise exc
            self._problem(exc)

        def done(_none) -> None:
            self.setEnabled(True)
            self.accept()

        self.setEnabled(False)  # one save at a time; the fields keep what was typed
        self.tasks.write(work, Changes(settings=True), done, failed)
