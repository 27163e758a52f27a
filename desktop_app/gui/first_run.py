"""The first-run screen: the shop's name, country (phone region, currency, language) and time zone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..domain.countries import COUNTRIES
from ..domain.dates import timezones
from ..domain.errors import ValidationError
from ..services import shop as shop_service
from ..services.shop import ShopSettings
from .i18n import LANGUAGES, error_text


class FirstRunDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings: ShopSettings | None = None
        self.setWindowTitle(self.tr("Welcome to Régua"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tell Régua about your shop. The country sets the phone prefix, the currency "
                               "and the date format; you can change all of this later."))
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
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setStyleSheet("color: #c0392b;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.country.currentIndexChanged.connect(self._country_changed)
        self.country.setCurrentIndex(max(self.country.findData("PT" if language == "pt_PT" else "BR"), 0))
        self._country_changed()
        self.resize(480, 260)

    def _country_changed(self) -> None:
        c = COUNTRIES[self.country.currentData()]
        self.timezone.setCurrentText(c.timezone)

    def save(self) -> None:
        code = self.country.currentData()
        language = self.language.currentData()
        try:
            settings = ShopSettings(self.name.text(), code, self.timezone.currentText().strip(), language,
                                    COUNTRIES[code].currency).validated()
            self.settings = shop_service.save_shop_settings(settings)
        except ValidationError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            (self.name if exc.field == "name" else self.timezone).setFocus()
            return
        self.accept()
