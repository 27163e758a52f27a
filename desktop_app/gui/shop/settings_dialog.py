"""Shop → Settings: what the first-run screen asked (name, country, time zone, language) and the Feb 29
rule, changed by the owner at any time, and this till's name (kept on this PC, not in the shop: each till
has its own; services/shop/till.py). Saved on the worker lane; a bad value is told under the form
and nothing is written."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
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

from desktop_app.config import Paths
from desktop_app.domain.actors import Actor
from desktop_app.domain.birthdays import FEB29_ON_FEB28, FEB29_ON_MAR1
from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.dates import timezones
from desktop_app.domain.errors import ValidationError
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import LANGUAGES, currency_symbol, error_text
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.services.shop import shop as shop_service
from desktop_app.services.shop import till as till_service
from desktop_app.services.shop.shop import ShopSettings


class SettingsDialog(QDialog):
    """`saved(settings)` once the new settings are in the database (only if something changed)."""

    saved = Signal(object)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, parent: QWidget | None = None,
                 paths: Paths | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.paths = tasks, shop, actor, paths
        self.result_settings: ShopSettings | None = None
        self.setWindowTitle(self.tr("Shop settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(shop.name)
        form.addRow(self.tr("Shop &name"), self.name)
        self.country = QComboBox()
        for code, c in COUNTRIES.items():
            self.country.addItem(QCoreApplication.translate("countries", c.name), code)
        self.country.setCurrentIndex(max(self.country.findData(shop.country), 0))
        form.addRow(self.tr("&Country"), self.country)
        self.currency = QLabel()
        self.currency.setWordWrap(True)
        form.addRow(self.tr("Currency"), self.currency)
        self.timezone = QComboBox()
        self.timezone.setEditable(True)
        self.timezone.addItems(timezones())
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.timezone.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.timezone.setCurrentText(shop.timezone)
        form.addRow(self.tr("&Time zone"), self.timezone)
        self.language = QComboBox()
        for code, label in LANGUAGES.items():
            self.language.addItem(label, code)
        self.language.setCurrentIndex(max(self.language.findData(shop.language), 0))
        form.addRow(self.tr("&Language"), self.language)
        self.feb29 = QComboBox()
        self.feb29.addItem(self.tr("celebrated on 28 February in other years"), FEB29_ON_FEB28)
        self.feb29.addItem(self.tr("celebrated on 1 March in other years"), FEB29_ON_MAR1)
        self.feb29.setCurrentIndex(max(self.feb29.findData(shop.feb29_rule), 0))
        self.feb29.setToolTip(self.tr("For the birthday message and the birthday bonus of customers born on "
                                      "29 February"))
        form.addRow(self.tr("Born on &29 February"), self.feb29)
        self.till = QLineEdit(actor.till)  # the name this window works under (where it is kept: paths)
        self.till.setMaxLength(till_service.MAX_NAME)
        self.till.setPlaceholderText(till_service.default_name())
        self.till_hint = QLabel(self.tr("Each PC has its own; it is recorded on every entry made here."))
        self.till_hint.setWordWrap(True)
        self.till_hint.setStyleSheet("color: #666;")
        form.addRow(self.tr("Th&is till's name"), self.till)
        form.addRow("", self.till_hint)
        for widget in (self.till, self.till_hint):
            widget.setVisible(paths is not None)
        if paths is None:
            form.labelForField(self.till).hide()
        layout.addLayout(form)
        self.note = QLabel(self.tr("Régua reopens its window with the new settings when you press OK."))
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #666;")
        layout.addWidget(self.note)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.ok_button = enter_means(self.buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.country.currentIndexChanged.connect(self._country_changed)
        self._show_currency()
        self.name.setFocus()
        self.name.selectAll()
        self.resize(520, 300)

    def _country_changed(self) -> None:
        """A new country brings its own time zone and currency, as on the first-run screen."""
        self.timezone.setCurrentText(COUNTRIES[self.country.currentData()].timezone)
        self._show_currency()

    def _show_currency(self) -> None:
        code = COUNTRIES[self.country.currentData()].currency
        text = f"{currency_symbol(code)} ({code})"
        if code != self.shop.currency:
            text += " — " + self.tr("amounts already recorded keep their figures")
        self.currency.setText(text)

    def chosen(self) -> ShopSettings:
        code = self.country.currentData()
        return replace(self.shop, name=self.name.text(), country=code, timezone=self.timezone.currentText().strip(),
                       language=self.language.currentData(), currency=COUNTRIES[code].currency,
                       feb29_rule=self.feb29.currentData())

    def till_changed(self) -> bool:
        typed = " ".join(self.till.text().split())
        return self.paths is not None and (typed or till_service.default_name()) != self.actor.till

    def save(self) -> None:
        settings, actor, paths = self.chosen(), self.actor, self.paths
        self.error.hide()
        new_till = self.till.text() if self.till_changed() else None
        if settings == self.shop and new_till is None:
            self.accept()  # nothing changed: nothing to write, nothing to reopen
            return

        def job() -> ShopSettings:
            if new_till is not None:
                till_service.clean_name(new_till)  # a bad name changes nothing, the shop's settings neither
            saved = settings if settings == self.shop else shop_service.change_shop_settings(settings, actor=actor)
            if new_till is not None:
                till_service.save_name(paths, new_till)
            return saved

        self.ok_button.setEnabled(False)
        self.tasks.run(job, self._saved, self._failed)

    def _saved(self, settings: ShopSettings) -> None:
        self.result_settings = settings
        self.accept()
        self.saved.emit(settings)

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            show_error(self, exc)
            return
        self.error.setText(error_text(exc))
        self.error.show()
        focus = {"name": self.name, "timezone": self.timezone, "country": self.country, "language": self.language,
                 "feb29_rule": self.feb29, "till": self.till}.get(exc.field, self.name)
        focus.setFocus()
