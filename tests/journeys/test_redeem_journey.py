"""Redeem by keyboard in the demo shop (it has loyalty programs): find a customer with enough points,
Ctrl+R, Enter: the first reward within reach is redeemed and her balance goes down by its cost."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.db.models import Customer, LoyaltyEntry
from desktop_app.gui.loyalty.loyalty_panel import RedeemDialog
from desktop_app.services.loyalty import views


def someone_with_a_reward_in_reach(today):
    for customer in Customer.select().order_by(Customer.id):
        for s in views.summaries(customer.id, today):
            if s.affordable:
                return customer, s
    raise AssertionError("the demo shop has nobody with a reward in reach")


def test_ctrl_r_then_enter_redeems_the_first_reward_in_reach(journey):
    j = journey(shop="demo")
    customer, summary = someone_with_a_reward_in_reach(j.today)
    reward = summary.affordable[0]
    before = LoyaltyEntry.select().where(LoyaltyEntry.customer == customer.id).count()

    def steps():
        window = yield j.log_in()
        view = window.customers
        yield j.focus_on(view.search)
        j.type(customer.name)
        page = view.page
        yield j.until(lambda: view.selected_id() == customer.id and page.loyalty.redeem_button.isEnabled()
                      and customer.name in page.header.text() and not j.tasks.busy,
                      f"{customer.name}'s page with her points")
        j.press("Ctrl+R")
        dialog = yield j.dialog(RedeemDialog)
        assert dialog.reward_id() == reward.id and dialog.rewards.hasFocus()
        j.press(Qt.Key.Key_Return)
        yield j.gone(dialog)
        yield j.idle()
        new = list(LoyaltyEntry.select().where(LoyaltyEntry.customer == customer.id).order_by(LoyaltyEntry.id))[before:]
        assert [(e.kind, e.reward_id, e.points) for e in new] == [("redeem", reward.id, -reward.cost)]
        after = next(s for s in views.summaries(customer.id, j.today) if s.program_id == summary.program_id)
        assert after.balance == summary.balance - reward.cost
        yield j.until(lambda: window.statusBar().currentMessage(), "the status bar to say so")

    j.play(steps())
