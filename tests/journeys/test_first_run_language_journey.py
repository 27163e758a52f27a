"""The first-run screen's language follows the country chosen (pt_BR for Brazil, pt_PT for Portugal and
the other Portuguese-speaking countries, English elsewhere) until the owner picks a language herself."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.gui.shell.first_run import FirstRunDialog

TAB, DOWN, UP = Qt.Key.Key_Tab, Qt.Key.Key_Down, Qt.Key.Key_Up


def arrow_to(j, combo, data):
    """Up/Down in a combo box until the item with `data` is current."""
    target = combo.findData(data)
    key = UP if target < combo.currentIndex() else DOWN
    for _ in range(abs(target - combo.currentIndex())):
        j.press(key)
    yield j.until(lambda: combo.currentData() == data, f"{data} chosen")


def test_the_language_follows_the_country_until_she_picks_one(journey):
    j = journey(shop="new")

    def steps():
        first = yield j.dialog(FirstRunDialog)
        yield j.focus_on(first.name)
        j.type("Loja Nova")
        j.press(TAB)
        yield j.focus_on(first.country)
        yield from arrow_to(j, first.country, "PT")
        assert first.language.currentData() == "pt_PT"
        yield from arrow_to(j, first.country, "US")
        assert first.language.currentData() == "en"
        yield from arrow_to(j, first.country, "AO")
        assert first.language.currentData() == "pt_PT"
        yield from arrow_to(j, first.country, "BR")
        assert first.language.currentData() == "pt_BR"
        j.press(TAB)
        yield j.focus_on(first.timezone)
        j.press(TAB)
        yield j.focus_on(first.language)
        yield from arrow_to(j, first.language, "en")  # picked by hand
        j.press(Qt.Key.Key_Backtab)
        j.press(Qt.Key.Key_Backtab)
        yield j.focus_on(first.country)
        yield from arrow_to(j, first.country, "PT")
        assert first.language.currentData() == "en"  # hers, kept

    j.play(steps())
