"""The countries Régua is set up for, and what each one implies for a new shop."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2; also the phone region
    name: str  # English name, a Qt Linguist source text (context "countries")
    currency: str  # ISO 4217
    language: str  # the app language a shop there starts with
    timezone: str  # the most common one; the first-run screen lets the owner pick another


COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country("BR", QT_TRANSLATE_NOOP("countries", "Brazil"), "BRL", "pt_BR", "America/Sao_Paulo"),
        Country("PT", QT_TRANSLATE_NOOP("countries", "Portugal"), "EUR", "pt_PT", "Europe/Lisbon"),
        Country("AO", QT_TRANSLATE_NOOP("countries", "Angola"), "AOA", "pt_PT", "Africa/Luanda"),
        Country("MZ", QT_TRANSLATE_NOOP("countries", "Mozambique"), "MZN", "pt_PT", "Africa/Maputo"),
        Country("ES", QT_TRANSLATE_NOOP("countries", "Spain"), "EUR", "en", "Europe/Madrid"),
        Country("US", QT_TRANSLATE_NOOP("countries", "United States"), "USD", "en", "America/New_York"),
        Country("GB", QT_TRANSLATE_NOOP("countries", "United Kingdom"), "GBP", "en", "Europe/London"),
    )
}

BRAZIL_TIMEZONES = (
    "America/Sao_Paulo", "America/Manaus", "America/Fortaleza", "America/Recife", "America/Bahia",
    "America/Belem", "America/Cuiaba", "America/Campo_Grande", "America/Porto_Velho", "America/Rio_Branco",
    "America/Boa_Vista", "America/Noronha",
)


def country(code: str) -> Country:
    return COUNTRIES[code.upper()]
