"""The three window languages: which one a shop or a system gets, and dates and money as written there."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from desktop_app.gui.common.i18n import (
    LANGUAGES,
    format_date,
    format_datetime_local,
    format_money,
    install_language,
    pick_language,
)
from desktop_app.services.shop.shop import LANGUAGES as SHOP_LANGUAGES


def test_the_window_offers_exactly_the_languages_a_shop_can_save():
    assert tuple(LANGUAGES) == SHOP_LANGUAGES == ("en", "pt_BR", "pt_PT")


@pytest.mark.parametrize("asked, got", [("pt_PT", "pt_PT"), ("pt_BR", "pt_BR"), ("pt", "pt_BR"), ("pt_AO", "pt_PT"),
                                        ("pt_MZ", "pt_PT"), ("en_US", "en"), ("en", "en")])
def test_portuguese_outside_brazil_is_written_as_in_portugal(asked, got):
    assert pick_language(asked) == got


@pytest.fixture
def restore_english(qapp):
    yield
    install_language("en", "BR")


@pytest.mark.parametrize("lang, country, money, day, moment", [
    ("pt_PT", "PT", "123 456,78 €", "05/03/2026", "05/03/2026 14:07"),
    ("pt_BR", "BR", "R$ 123.456,78", "05/03/2026", "05/03/2026 14:07"),
    ("en", "GB", "€123,456.78", "05/03/2026", "05/03/2026 14:07"),
])
def test_dates_and_money_follow_the_shops_country_with_a_four_digit_year(restore_english, lang, country, money,
                                                                          day, moment):
    assert install_language(lang, country)
    currency = "BRL" if country == "BR" else "EUR"
    spaces = str.maketrans({"\u00a0": " ", "\u202f": " "})
    assert format_money(12345678, currency).translate(spaces) == money  # Portugal groups from 5 digits up
    assert format_date(date(2026, 3, 5)) == day
    assert format_datetime_local(datetime(2026, 3, 5, 14, 7)) == moment


def test_portugal_speaks_its_own_portuguese(restore_english):
    from PySide6.QtCore import QCoreApplication

    assert install_language("pt_PT", "PT")
    said = [QCoreApplication.translate("MainWindow", text) for text in ("&File", "S&ettings…", "Settings saved.")]
    assert said == ["&Ficheiro", "&Definições…", "Definições guardadas."]
    assert QCoreApplication.translate("CustomerDialog", "Phone / WhatsApp") == "Telefone / WhatsApp"
    assert QCoreApplication.translate("MailAccountDialog", "Password") == "Palavra-passe"


def test_dialog_buttons_speak_portugals_portuguese_too(restore_english):
    """Qt ships no Portugal translation of its standard buttons; Régua's catalogue has them."""
    from PySide6.QtWidgets import QDialogButtonBox

    assert install_language("pt_PT", "PT")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    texts = [b.text().replace("&", "") for b in box.buttons()]
    assert sorted(texts) == ["Cancelar", "Guardar"]
