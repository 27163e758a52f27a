"""Loyalty as staff meet it: points shown while typing a purchase, the panel on the customer's page,
Ctrl+R Enter to redeem, an adjustment that needs the owner's PIN, the ledger, setup and the report."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop_app.db.models import LoyaltyEntry, LoyaltyProgram
from desktop_app.domain.actors import MANAGER
from desktop_app.domain.loyalty import POINTS, Rules, Tier
from desktop_app.gui.common.widgets import ERROR_STYLE
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.gui.loyalty.loyalty_panel import AdjustDialog, LedgerDialog, RedeemDialog
from desktop_app.gui.loyalty.loyalty_setup import LoyaltyReportDialog, ProgramsDialog
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.loyalty import programs
from desktop_app.services.loyalty.programs import ProgramInfo, RewardInfo
from desktop_app.services.shop import staff


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


@pytest.fixture
def club(owner):
    rules = Rules(kind=POINTS, points=1, per_cents=100, expiry_months=12, adjust_limit=100,
                  tiers=(Tier("Bronze", 0, 100), Tier("Ouro", 50_000, 150)))
    return programs.save_program(ProgramInfo(None, "Clube", True, rules, (
        RewardInfo(None, "Vale R$ 10", 100, 1000), RewardInfo(None, "Vale R$ 30", 250, 3000))), actor=owner)


@pytest.fixture
def maria(shop_settings, owner, club, today):
    cid = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98765-4321"),
                                    shop=shop_settings, actor=owner, today=today)
    interactions.log_interaction(cid, LogEntry(kind="purchase", amount="180,00"), actor=owner, shop=shop_settings,
                                 today=today)
    return cid


def make_window(qtbot, tasks, paths, shop_settings, actor, today):
    w = MainWindow(paths, tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(w)
    w.show()
    w.customers.reload()
    return w


@pytest.fixture
def window(qtbot, tasks, paths, shop_settings, owner, today, english):
    return make_window(qtbot, tasks, paths, shop_settings, owner, today)


def open_page(qtbot, window, name="Maria Souza"):
    page = window.customers.page
    qtbot.waitUntil(lambda: window.customers.model.rowCount() >= 1)
    window.customers.table.selectRow(0)
    qtbot.waitUntil(lambda: name in page.header.text() and bool(page.loyalty.summaries))
    return page


def test_ctrl_r_enter_redeems_a_reward_and_the_page_shows_the_new_balance(qtbot, tasks, window, maria, today):
    page = open_page(qtbot, window)
    assert "180 points" in page.loyalty.text.text() and "Vale R$ 10" in page.loyalty.text.text()
    window.customers.table.setFocus()
    qtbot.keyClick(window.customers.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = window.customers.findChild(RedeemDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.rewards.count() == 1  # only what she can have now: 180 points buy the R$ 10 voucher
    qtbot.keyClick(dialog.rewards, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(page.loyalty.summaries) and page.loyalty.summaries[0].balance == 80)
    assert "80 points" in page.loyalty.text.text()
    row = LoyaltyEntry.get(LoyaltyEntry.kind == "redeem")
    assert (row.points, row.reason, row.actor) == (-100, "Vale R$ 10", "Ana Paula")
    history = LedgerDialog(tasks, "Maria Souza", page.loyalty.summaries, maria, window)
    qtbot.addWidget(history)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert history.table.rowCount() == 2
    assert history.table.item(0, 1).text() == "Redeemed: Vale R$ 10"
    assert history.table.item(0, 3).text() == "80 points"


def test_a_reward_switched_off_meanwhile_is_refused_and_nothing_is_written(qtbot, tasks, window, maria, owner, monkeypatch):
    page = open_page(qtbot, window)
    dialog = window.customers.actions.redeem()
    program = programs.programs()[0]
    programs.save_program(ProgramInfo(program.id, program.name, True, program.rules, program.rewards[1:]), actor=owner)
    shown = []
    monkeypatch.setattr("desktop_app.gui.customers.customer_actions.show_error", lambda parent, exc: shown.append(exc.code))
    qtbot.keyClick(dialog.rewards, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not tasks.busy)
    assert shown == ["reward_not_found"]
    assert not LoyaltyEntry.select().where(LoyaltyEntry.kind == "redeem").exists()
    assert page.loyalty.summaries


def test_the_quick_log_shows_the_points_a_purchase_will_earn(qtbot, tasks, shop_settings, owner, maria, today,
                                                            english):
    dialog = QuickLogDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(maria)
    qtbot.waitUntil(dialog.chosen.isVisible)  # her points come from the worker lane
    dialog.kind.setCurrentIndex(dialog.kind.findData("purchase"))
    qtbot.keyClicks(dialog.amount, "49,90")
    assert dialog.points_hint.isVisible() and dialog.points_hint.text() == "Earns 49 points in Clube"
    with qtbot.waitSignal(dialog.logged) as signal:
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
    assert signal.args == [maria, "+49 points (Clube)"]


def test_a_big_adjustment_by_a_manager_needs_the_owners_pin(qtbot, tasks, paths, shop_settings, owner, maria, today,
                                                          english):
    carla = staff.log_in(staff.add_staff("Carla", MANAGER, "1111", actor=owner), "1111")
    window = make_window(qtbot, tasks, paths, shop_settings, carla, today)
    page = open_page(qtbot, window)
    dialog = AdjustDialog(tasks, maria, page.loyalty.summaries, carla, lambda: today, window)
    qtbot.waitUntil(lambda: dialog.ready)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.points.setValue(500)
    dialog.reason.setText("saldo do cartão antigo")
    assert dialog.pin.isVisible()
    dialog.pin.setText("0000")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.error.isVisible() and "Wrong PIN" in dialog.error.text()
    assert not LoyaltyEntry.select().where(LoyaltyEntry.kind == "adjust").exists()
    dialog.pin.setText("2468")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.result() == QDialog.DialogCode.Accepted
    row = LoyaltyEntry.get(LoyaltyEntry.kind == "adjust")
    assert (row.points, row.actor, row.approved_by) == (500, "Carla", "Ana Paula")


def test_an_adjustment_without_a_reason_is_refused_in_the_dialog(qtbot, tasks, window, maria, owner, today):
    page = open_page(qtbot, window)
    dialog = AdjustDialog(tasks, maria, page.loyalty.summaries, owner, lambda: today, window)
    qtbot.waitUntil(lambda: dialog.ready)
    qtbot.addWidget(dialog)
    dialog.points.setValue(10)
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.error.text() == "Write the reason for this adjustment."
    assert not dialog.pin.isVisibleTo(dialog)  # the owner needs nobody's approval


def test_the_owner_sets_up_a_program_and_bad_values_are_explained(qtbot, tasks, shop_settings, owner, english):
    dialog = ProgramsDialog(tasks, shop_settings, owner)
    qtbot.addWidget(dialog)
    assert not dialog.save_button.isEnabled()  # open at once; the programs are read on the lane
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.name.text() == "Clube" and dialog.rewards.rowCount() == 2  # a ready-made start
    dialog.rate_amount.setText("0")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.error.text() == "Earning: The earning rate must be at least 1 point for an amount above zero."
    assert LoyaltyProgram.select().count() == 0
    dialog.rate_amount.setText("10,00")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    [program] = programs.programs()
    assert (program.rules.points, program.rules.per_cents, len(program.rewards)) == (1, 1000, 2)
    assert [t.name for t in program.rules.tiers] == ["Bronze", "Prata", "Ouro"]
    dialog.new_stamps.click()
    dialog.rewards.setRowCount(0)
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "A stamp card needs a reward" in dialog.error.text()
    assert len(programs.programs()) == 1


def test_the_report_shows_what_the_shop_owes(qtbot, tasks, shop_settings, owner, maria, today, english):
    dialog = LoyaltyReportDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.reports is not None)
    assert dialog.table.horizontalHeaderItem(0).text() == "Clube"
    cells = [dialog.table.item(row, 0).text() for row in range(7)]
    assert cells[:3] == ["1", "180 points", "R$21.60"]  # 180 points at R$ 30 for 250
    assert cells[5] == "Bronze: 1\nOuro: 0"


def open_programs(qtbot, tasks, shop_settings, owner):
    dialog = ProgramsDialog(tasks, shop_settings, owner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    return dialog


def answer(qtbot, dialog, button):
    qtbot.waitUntil(lambda: dialog.confirm_discard is not None and dialog.confirm_discard.isVisible())
    box = dialog.confirm_discard
    assert box.text() == "Discard changes?"
    box.button(button).click()
    qtbot.waitUntil(lambda: dialog.confirm_discard is None)


def test_escape_with_unsaved_edits_asks_before_the_programs_dialog_closes(qtbot, tasks, shop_settings, owner, club,
                                                                       english):
    dialog = open_programs(qtbot, tasks, shop_settings, owner)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing edited: it closes, no question
    assert not dialog.isVisible() and dialog.confirm_discard is None

    dialog = open_programs(qtbot, tasks, shop_settings, owner)
    dialog.welcome.setValue(25)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)  # Keep editing
    assert dialog.isVisible() and dialog.welcome.value() == 25
    dialog.reject()  # the Close button
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()
    assert programs.programs()[0].rules.welcome_bonus == 0  # nothing was saved


def test_picking_another_program_with_unsaved_edits_asks_first(qtbot, tasks, shop_settings, owner, club, english):
    first = programs.programs()[0]
    programs.save_program(ProgramInfo(None, "Cartão", True, Rules(kind="stamps", expiry_months=6, adjust_limit=5),
                                      (RewardInfo(None, "Café", 10, 800),)), actor=owner)
    dialog = open_programs(qtbot, tasks, shop_settings, owner)
    assert dialog.name.text() == first.name
    dialog.list.setCurrentRow(1)  # nothing edited: shown at once
    assert dialog.name.text() == "Cartão" and dialog.confirm_discard is None
    dialog.list.setCurrentRow(0)
    dialog.welcome.setValue(25)
    dialog.list.setCurrentRow(1)
    answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)  # Keep editing: the edited program stays
    assert dialog.name.text() == first.name and dialog.welcome.value() == 25 and dialog.list.currentRow() == 0
    dialog.new_stamps.click()  # starting a new one asks too
    answer(qtbot, dialog, QMessageBox.StandardButton.Cancel)
    assert dialog.welcome.value() == 25
    dialog.list.setCurrentRow(1)
    answer(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert dialog.name.text() == "Cartão" and dialog.list.currentRow() == 1
    dialog.list.setCurrentRow(0)
    assert dialog.welcome.value() == first.rules.welcome_bonus and dialog.confirm_discard is None


def test_a_refused_save_after_a_saved_one_is_red_and_names_the_field(qtbot, tasks, shop_settings, owner, club,
                                                                     english):
    dialog = open_programs(qtbot, tasks, shop_settings, owner)
    dialog.welcome.setValue(25)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible() and "Saved." in dialog.error.text())
    assert not dialog.changed()  # the saved program is what is on screen: Escape closes without a question
    dialog.activateWindow()
    dialog.name.clear()
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy and "required" in dialog.error.text())
    assert dialog.error.text() == "Name: This field is required."
    assert dialog.error.styleSheet() == ERROR_STYLE
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name)  # the field to correct has the focus
    assert programs.programs()[0].name == "Clube"
