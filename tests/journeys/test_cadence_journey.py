"""The owner changes the régua and Today follows: a step switched off leaves Today at once."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.gui.cadence.cadence_setup import CadenceDialog
from desktop_app.gui.shell.login_dialog import LoginDialog
from tests.journeys.driver import PIN


def mnemonic(text: str) -> str:
    """The underlined letter of a menu text ("&Shop" -> "S")."""
    return text[text.index("&") + 1].upper()


def test_switching_a_step_off_takes_its_people_off_today(journey):
    from desktop_app.db.models import Outbox

    j = journey(shop="demo", work_process=True)

    def steps():
        yield j.dialog(LoginDialog)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        today_view = window.today_view
        j.click_row(window.nav, window.stack.indexOf(today_view))
        yield j.until(lambda: today_view.isVisible() and today_view.items, "Today to list who to contact")
        steps_on_today = Counter(i.step for i in today_view.items.values())
        step, count = steps_on_today.most_common(1)[0]
        assert count >= 2, steps_on_today

        # the Shop menu, then its "Relationship cadence…", each by its underlined letter in the shop's language
        j.press(f"Alt+{mnemonic(window.shop_menu.title())}")
        yield j.until(lambda: window.shop_menu.isVisible(), "the Shop menu to open")
        j.press(mnemonic(QCoreApplication.translate("MainWindow", "Relationship &cadence…")))
        dialog = yield j.dialog(CadenceDialog)
        card = dialog.cards[step]
        assert card.enabled.isChecked()
        yield j.until(lambda: card.count.text() != "…", "the card to say how many it would reach")
        j.click(card.enabled)
        yield j.until(lambda: not card.enabled.isChecked(), "the step's switch to be off")
        listed = today_view.items
        j.press(f"Alt+{mnemonic(dialog.save_button.text())}")  # Save by its own letter (Qt's "Salvar" had none)
        yield j.gone(dialog)
        yield j.until(lambda: today_view.items is not listed and step not in {i.step for i in today_view.items.values()},
                      f"Today to list afresh without the {step} step")
        others = Counter(i.step for i in today_view.items.values())
        assert others == Counter({s: n for s, n in steps_on_today.items() if s != step})
        waiting = Outbox.select().where(Outbox.step == step, Outbox.status.in_(("planned", "held"))).count()
        assert waiting == 0

    j.play(steps())
