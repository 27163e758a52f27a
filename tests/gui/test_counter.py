"""The counter, driven from the keyboard as staff use it: log in, F2, find, log, see it on the page."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QPushButton

from desktop_app.db.models import Interaction
from desktop_app.domain.actors import COUNTER
from desktop_app.gui.cadence.today_view import OutcomeDialog
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.customers.merge_dialog import MergeDialog
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.gui.loyalty.loyalty_panel import AdjustDialog, GiftDialog, RedeemDialog
from desktop_app.gui.mail.mail_setup import MailAccountDialog
from desktop_app.gui.shell.first_run import FirstRunDialog
from desktop_app.gui.shell.login_dialog import LoginDialog
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.gui.shop.staff_dialogs import StaffDialog
from desktop_app.services.cadence.outbox import DueItem
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.shop import staff


@pytest.fixture
def team(shop_settings):
    owner = staff.create_first_owner("Ana Paula", "2468")
    bruno_id = staff.add_staff("Bruno", COUNTER, "1357", actor=owner)
    return owner, staff.log_in(bruno_id, "1357")


@pytest.fixture
def maria(shop_settings, team, today):
    return customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98765-4321"),
                                     shop=shop_settings, actor=team[0], today=today)


@pytest.fixture
def window(qtbot, tasks, paths, shop_settings, team, today, english):
    w = MainWindow(paths, tasks, shop_settings, team[1], lambda: today)
    qtbot.addWidget(w)
    w.show()
    w.customers.reload()
    return w


def test_a_purchase_logged_with_keystrokes_only_shows_on_the_timeline(qtbot, window, maria):
    qtbot.keyClick(window, Qt.Key.Key_F2)
    dialog = window.findChild(QuickLogDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.search, "4321")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.customer_id == maria and dialog.chosen.isVisible())
    assert dialog.focusWidget() is dialog.kind
    qtbot.keyClicks(dialog.kind, "Pu")
    assert dialog.kind.currentData() == "purchase"
    qtbot.keyClick(dialog.kind, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.amount, "149,90")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    row = Interaction.get(Interaction.customer == maria)
    assert (row.kind, row.amount_cents, row.staff_id) == ("purchase", 14990, window.actor.staff_id)
    page = window.customers.page
    qtbot.waitUntil(lambda: "Maria Souza" in page.header.text() and page.timeline.count() >= 2)
    top = page.timeline.item(0).text()
    assert "Purchase" in top and "149.90" in top and "by Bruno" in top


def test_a_scanned_card_code_finds_the_customer_at_once(qtbot, tasks, shop_settings, team, today, english):
    cid = customers.create_customer(CustomerInput(name="Rita", card_code="FL-1002"), shop=shop_settings,
                                    actor=team[0], today=today)
    dialog = QuickLogDialog(tasks, shop_settings, team[1], lambda: today)
    qtbot.addWidget(dialog)
    dialog.search.setText("FL-1002")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)  # the scanner's Enter, before the search timer fired
    qtbot.waitUntil(lambda: dialog.customer_id == cid)


def test_nobody_found_creates_the_customer_inline_with_consent(qtbot, tasks, shop_settings, team, today, english):
    dialog = QuickLogDialog(tasks, shop_settings, team[1], lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "Joana Prado")
    qtbot.waitUntil(lambda: not tasks.busy)
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.new_box.isVisible())
    assert dialog.new_name.text() == "Joana Prado"
    dialog.new_phone.setText("11 91234")  # too short: refused, nothing created
    dialog.new_consent_whatsapp.setChecked(True)
    qtbot.keyClick(dialog.new_phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "not a valid phone number" in dialog.error.text())
    assert dialog.customer_id is None
    dialog.new_phone.setText("11 91234-5678")
    qtbot.keyClick(dialog.new_phone, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.customer_id is not None and dialog.chosen.isVisible())
    assert customers.detail(dialog.customer_id, shop_settings).consent["whatsapp"] is True


def test_bad_amounts_are_refused_in_the_dialog(qtbot, tasks, shop_settings, team, today, maria, english):
    dialog = QuickLogDialog(tasks, shop_settings, team[1], lambda: today)
    qtbot.addWidget(dialog)
    dialog.choose(maria)
    qtbot.waitUntil(lambda: "Maria Souza" in dialog.chosen.text())
    dialog.kind.setCurrentIndex(dialog.kind.findData("purchase"))
    for typed, message in (("abc", "Enter an amount such as 49,90."), ("-5", "The amount cannot be negative."),
                           ("", "Enter the amount.")):
        dialog.amount.setText(typed)
        dialog.save()
        qtbot.waitUntil(lambda message=message: dialog.error.text() == message and not tasks.busy)
    dialog.kind.setCurrentIndex(dialog.kind.findData("return"))
    dialog.amount.setText("10")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.text() == "This customer has no purchase this refund could reverse.")
    assert Interaction.select().count() == 0


def test_a_purchase_can_close_an_open_quote(qtbot, tasks, shop_settings, team, today, maria, english):
    quote = interactions.log_interaction(maria, LogEntry(kind="quote", amount="890", note="vestido"),
                                         actor=team[1], shop=shop_settings, today=today)
    dialog = QuickLogDialog(tasks, shop_settings, team[1], lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(maria)
    qtbot.waitUntil(lambda: dialog.chosen.isVisible())
    dialog.kind.setCurrentIndex(dialog.kind.findData("purchase"))
    assert dialog.closes.isVisible() and dialog.closes.count() == 1
    dialog.closes.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.amount.setText("890")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy and Interaction.get_by_id(quote).status == "bought")


def test_open_items_stand_out_and_are_closed_from_the_page(qtbot, window, maria, team, shop_settings, today,
                                                           monkeypatch):
    for entry in (LogEntry(kind="complaint", note="zíper"), LogEntry(kind="quote", amount="300", note="saia")):
        interactions.log_interaction(maria, entry, actor=team[1], shop=shop_settings, today=today)
    window.customers.show_customer(maria)
    page = window.customers.page
    qtbot.waitUntil(lambda: page.open_list.count() == 2)
    assert "Complaint" in page.open_list.item(0).text() and "OPEN" in page.timeline.item(0).text()
    page.open_list.setCurrentRow(0)
    page.resolve_button.click()
    ask = window.findChild(QDialog, "resolve_complaint")
    assert ask.isVisible() and isinstance(ask.text, QLineEdit)  # one line: Enter records it
    ask.text.setText("trocamos o zíper")
    ask.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: page.open_list.count() == 1)
    page.open_list.setCurrentRow(0)
    page.lost_button.click()
    qtbot.waitUntil(lambda: page.open_list.count() == 0)
    assert interactions.open_items(maria) == []


def test_login_refuses_a_wrong_pin_with_tries_left(qtbot, tasks, team, english):
    from desktop_app.services.shop import staff

    dialog = LoginDialog("Ateliê", tasks, staff.accounts())
    qtbot.addWidget(dialog)
    dialog.who.setCurrentIndex(dialog.who.findData(team[1].staff_id))
    dialog.pin.setText("0000")
    dialog.try_login()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.error.text() == "Wrong PIN. 4 tries left before this account is locked."
    assert dialog.actor is None
    dialog.pin.setText("1357")
    dialog.try_login()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.actor == team[1]


def test_a_counter_account_does_not_see_the_owners_menus(window, team):
    assert not window.shop_menu.menuAction().isVisible()
    assert not window.customers.merge_button.isVisibleTo(window)
    window.set_actor(team[0])
    assert window.shop_menu.menuAction().isVisible()
    assert "Ana Paula" in window.user_label.text()


def _default_after_the_focus_passed_every_button(qtbot, dialog, field):
    """Show the dialog, let the focus pass over each of its buttons (as Tab does), come back to a field,
    and say which button Enter would press there."""
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for b in dialog.findChildren(QPushButton):
        if b.isVisible() and b.isEnabled() and b.focusPolicy() != Qt.FocusPolicy.NoFocus:
            b.setFocus()
            qtbot.waitUntil(b.hasFocus)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return [b for b in dialog.findChildren(QPushButton) if b.isDefault() and b.isVisible()]


def test_enter_means_ok_in_every_form_even_after_the_focus_passed_over_cancel(
        qtbot, tasks, shop_settings, team, today, maria, english):
    """The trap behind the login that quit and the quick log that lost the entry: an OK button made the
    default before its box was in the dialog, or added after a standard Cancel, lost the default to
    Cancel (at once or the first time Cancel had the focus). Every dialog where a form is filled in."""
    owner = team[0]
    quick = QuickLogDialog(tasks, shop_settings, owner, lambda: today)
    form = CustomerDialog(tasks, shop_settings, owner, lambda: today)
    first = FirstRunDialog("pt_BR", tasks)
    redeem = RedeemDialog("Maria", [])
    gift = GiftDialog("Maria", "ANIV-1234")
    adjust = AdjustDialog(tasks, maria, [], owner, lambda: today)
    qtbot.waitUntil(lambda: adjust.ready)
    merge = MergeDialog(tasks, shop_settings, maria, "Maria Souza")
    outcome = OutcomeDialog(DueItem(1, maria, "Maria Souza", "", "", "unfinished_purchase", "1", "task", today,
                                    today, today, "planned", "", "quote", None))
    mail = MailAccountDialog(tasks, shop_settings, owner)
    qtbot.waitUntil(lambda: mail.ready)
    cases = [(quick, quick.search, quick.save_button),
             (form, form.ui.name, form.ui.buttons.button(QDialogButtonBox.StandardButton.Save)),
             (first, first.pin_again, first.ok), (redeem, redeem.rewards, redeem.ok), (gift, gift.code, gift.ok),
             (adjust, adjust.reason, adjust.ok), (merge, merge.search, merge.merge_button),
             (outcome, outcome.outcome, outcome.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)),
             (mail, mail.findChildren(QLineEdit)[0],
              mail.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save))]
    for dialog, field, ok in cases:
        qtbot.addWidget(dialog)
        assert _default_after_the_focus_passed_every_button(qtbot, dialog, field) == [ok], type(dialog).__name__
        dialog.hide()
    qtbot.waitUntil(lambda: not tasks.busy)


def test_enter_in_the_new_staff_form_adds_the_account(qtbot, tasks, team, english):
    dialog = StaffDialog(tasks, team[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)  # the accounts are read on the lane
    dialog.new_name.setText("Carla")
    dialog.new_pin.setText("9753")
    qtbot.keyClick(dialog.new_pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Carla" in [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
    assert "Carla" in [m.name for m in staff.accounts()] and dialog.isVisible()
    assert dialog.new_name.text() == "" and dialog.new_pin.text() == ""
