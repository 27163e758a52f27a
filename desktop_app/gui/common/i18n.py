"""Languages in the GUI: the translators (Régua's and Qt's own), and translated domain texts.

Domain and service modules mark their user-facing texts with QT_TRANSLATE_NOOP (contexts "errors"
and "kinds"); here they are translated at display time. Dates and money go through QLocale.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from desktop_app.config import resources_dir
from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.errors import ReguaError
from desktop_app.services.customers.customers import KIND_LABELS

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "pt_BR": "Português (Brasil)", "pt_PT": "Português (Portugal)"}
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """Where the .qm files are: next to the package in a checkout, or bundled by PyInstaller."""
    return resources_dir() / "translations"


def pick_language(shop_language: str | None) -> str:
    """The shop's language if Régua has it, else the system's, else English. Portuguese outside Brazil
    (Portugal, Angola, Mozambique, Cape Verde...) is written as in Portugal; a bare "pt" means Brazil's."""
    for candidate in (shop_language, QLocale.system().name()):
        if not candidate:
            continue
        if candidate in LANGUAGES:
            return candidate
        language, _, region = candidate.partition("_")
        if language == "pt":
            return "pt_BR" if region in ("", "BR") else "pt_PT"
        if language == "en":
            return "en"
    return "en"


EUROPEAN_PORTUGUESE_COUNTRIES = ("PT", "AO", "MZ")


def locale_for(language: str, country: str | None) -> QLocale:
    """Dates, numbers and money as written in the shop's country: Portuguese in Brazil or Portugal (a
    Portuguese-speaking shop elsewhere follows its language); English with day-first dates outside the US."""
    if language == "en":
        return QLocale("en_US" if country == "US" else "en_GB")
    if language.startswith("pt"):
        if country == "BR":
            return QLocale("pt_BR")
        if country in EUROPEAN_PORTUGUESE_COUNTRIES:
            return QLocale("pt_PT")
        return QLocale(language)
    return QLocale(language)


def install_language(language: str, country: str | None = None) -> bool:
    """Install Régua's and Qt's translators for `language`; returns whether Régua's own loaded.

    English has a catalogue too, for its plural forms only ("1 customer", "2 customers"). Qt ships its
    own texts for Portugal's Portuguese only in the older all-in-one qt_pt_PT catalogue."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(language, country))
    _date_formats.clear()
    catalogues = [(f"regua_{language}", str(translations_dir()))]
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.insert(0, next(((name, qt_dir) for name in (f"qtbase_{language}", f"qt_{language}")
                                   if Path(qt_dir, f"{name}.qm").exists()), (f"qtbase_{language}", qt_dir)))
    loaded = False
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            _installed.append(translator)
            loaded = loaded or name.startswith("regua")
        else:
            log.warning("translation %s not found in %s", name, folder)
    return loaded


def error_text(exc: ReguaError) -> str:
    """The error's message in the user's language, with a country name translated too."""
    template = QCoreApplication.translate("errors", exc.template)
    params = dict(exc.params)
    if isinstance(params.get("country"), str):
        params["country"] = QCoreApplication.translate("countries", params["country"])
    try:
        return template.format(**{k: str(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template


def kind_label(kind: str) -> str:
    text = KIND_LABELS.get(kind)
    return QCoreApplication.translate("kinds", text) if text else kind


def _four_digit_year(fmt: str) -> str:
    """Portugal's short format writes the year with two digits (05/03/26); a shop reads 05/03/2026."""
    return fmt if "yyyy" in fmt else fmt.replace("yy", "yyyy")


_date_formats: dict[str, str] = {}  # the default locale's, worked out once (install_language clears it)


def date_format() -> str:
    """How a day is written and typed where the shop is: the locale's short format, four-digit year
    (dd/MM/yyyy in Brazil and Portugal, M/d/yyyy in the US). Asked for once a row by lists of thousands
    (Today, Messages), so it is read from the locale once."""
    fmt = _date_formats.get("short")
    if fmt is None:
        fmt = _date_formats["short"] = _four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    return fmt


def format_date(value: date | None) -> str:
    if value is None:
        return ""
    return QLocale().toString(QDate(value.year, value.month, value.day), date_format())


def format_datetime_local(value: datetime) -> str:
    """A local (already converted) date and time, in the user's format."""
    from PySide6.QtCore import QDateTime, QTime

    qdt = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    loc = QLocale()
    return loc.toString(qdt, _four_digit_year(loc.dateTimeFormat(QLocale.FormatType.ShortFormat)))


def format_birthday(b: Birthday | None, day_first: bool = True) -> str:
    """'15/03' or '15/03/1990' (month first only for a US shop), the form the customer dialog reads back."""
    if b is None:
        return ""
    dm = f"{b.day:02d}/{b.month:02d}" if day_first else f"{b.month:02d}/{b.day:02d}"
    return f"{dm}/{b.year}" if b.year else dm


def currency_symbol(currency: str) -> str:
    return {"BRL": "R$", "EUR": "€", "USD": "$", "GBP": "£", "AOA": "Kz", "MZN": "MT"}.get(currency, currency)


def format_count(n: float) -> str:
    """A count as the locale groups its digits: 3.000 in Brazil, 3 000 in Portugal, 3,000 in English."""
    return QLocale().toString(round(n))


def format_money(cents: int | None, currency: str) -> str:
    if cents is None:
        return ""
    return QLocale().toCurrencyString(cents / 100, currency_symbol(currency))


def month_names() -> list[str]:
    loc = QLocale()
    return [loc.standaloneMonthName(m, QLocale.FormatType.LongFormat).capitalize() for m in range(1, 13)]


# Qt's own texts that Qt ships no Portugal translation for (its qt_pt_PT catalogue predates them): the
# standard buttons of every dialog and message box, and the menu of a text box. Marked here so that they
# are in Régua's catalogues, which are searched before Qt's.
QT_TEXTS = (
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"), QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save All"), QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"), QT_TRANSLATE_NOOP("QPlatformTheme", "Yes to &All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"), QT_TRANSLATE_NOOP("QPlatformTheme", "N&o to All"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Abort"), QT_TRANSLATE_NOOP("QPlatformTheme", "Retry"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore"), QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"), QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"), QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset"), QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Undo"), QT_TRANSLATE_NOOP("QWidgetTextControl", "&Redo"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Cu&t"), QT_TRANSLATE_NOOP("QWidgetTextControl", "&Copy"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "&Paste"), QT_TRANSLATE_NOOP("QWidgetTextControl", "Delete"),
    QT_TRANSLATE_NOOP("QWidgetTextControl", "Select All"),
)


SEGMENT_LABELS = {
    "champions": (QT_TRANSLATE_NOOP("segments", "Champions"),
                  QT_TRANSLATE_NOOP("segments", "Bought recently, often, and spend the most")),
    "loyal": (QT_TRANSLATE_NOOP("segments", "Loyal"),
              QT_TRANSLATE_NOOP("segments", "Come back regularly and spend well")),
    "new": (QT_TRANSLATE_NOOP("segments", "New"),
            QT_TRANSLATE_NOOP("segments", "Bought once, recently: the second visit makes a customer")),
    "promising": (QT_TRANSLATE_NOOP("segments", "Promising"),
                  QT_TRANSLATE_NOOP("segments", "Bought recently, not much yet")),
    "at_risk": (QT_TRANSLATE_NOOP("segments", "At risk"),
                QT_TRANSLATE_NOOP("segments", "Good customers who have not been back for a while")),
    "cant_lose": (QT_TRANSLATE_NOOP("segments", "Can't lose"),
                  QT_TRANSLATE_NOOP("segments", "Were among the best, gone the longest: call them")),
    "hibernating": (QT_TRANSLATE_NOOP("segments", "Hibernating"),
                    QT_TRANSLATE_NOOP("segments", "Bought little, a while ago")),
    "lost": (QT_TRANSLATE_NOOP("segments", "Lost"),
             QT_TRANSLATE_NOOP("segments", "Bought little, long ago")),
}
STAGE_LABELS = {
    "lead": (QT_TRANSLATE_NOOP("segments", "Lead"), QT_TRANSLATE_NOOP("segments", "No purchase yet")),
    "new": (QT_TRANSLATE_NOOP("segments", "New customer"),
            QT_TRANSLATE_NOOP("segments", "First purchase in the last 90 days")),
    "active": (QT_TRANSLATE_NOOP("segments", "Active"), QT_TRANSLATE_NOOP("segments", "Comes back now and then")),
    "loyal": (QT_TRANSLATE_NOOP("segments", "Loyal customer"),
              QT_TRANSLATE_NOOP("segments", "Four or more purchases in the last 12 months")),
    "at_risk": (QT_TRANSLATE_NOOP("segments", "Slipping away"),
                QT_TRANSLATE_NOOP("segments", "No visit for as long as the régua's “we miss you” waits")),
    "inactive": (QT_TRANSLATE_NOOP("segments", "Inactive"),
                 QT_TRANSLATE_NOOP("segments", "No visit for six months or more")),
    "reactivated": (QT_TRANSLATE_NOOP("segments", "Came back"),
                    QT_TRANSLATE_NOOP("segments", "Returned in the last 90 days after a long absence")),
}


def _segments_text(table: dict[str, tuple[str, str]], key: str | None, which: int, fallback: str) -> str:
    pair = table.get(key or "")
    return QCoreApplication.translate("segments", pair[which]) if pair else fallback


def segment_label(key: str | None) -> str:
    return _segments_text(SEGMENT_LABELS, key, 0, "")


def segment_hint(key: str) -> str:
    return _segments_text(SEGMENT_LABELS, key, 1, "")


def stage_label(key: str) -> str:
    return _segments_text(STAGE_LABELS, key, 0, key)


def stage_hint(key: str) -> str:
    return _segments_text(STAGE_LABELS, key, 1, "")


def add_group_items(combo) -> None:
    """Append the segments, then the lifecycle stages, to a combo box, with "segment:<key>" and
    "stage:<key>" as their data (the customer list's filter and a régua step's audience)."""
    combo.insertSeparator(combo.count())
    for key in SEGMENT_LABELS:
        combo.addItem(QCoreApplication.translate("segments", "Segment: {name}").format(name=segment_label(key)),
                      f"segment:{key}")
    combo.insertSeparator(combo.count())
    for key in STAGE_LABELS:
        combo.addItem(QCoreApplication.translate("segments", "Stage: {name}").format(name=stage_label(key)),
                      f"stage:{key}")


def short_month(day: date) -> str:
    """'nov/26' style: a month on a chart's axis."""
    name = QLocale().standaloneMonthName(day.month, QLocale.FormatType.ShortFormat).rstrip(".").lower()
    return f"{name}/{day.year % 100:02d}"


def format_percent(value: float | None) -> str:
    return "—" if value is None else QLocale().toString(value * 100, "f", 0) + "%"
