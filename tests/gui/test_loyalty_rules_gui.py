"""The widgets ask domain/loyalty.py what the services decide: the quick log's hint says a visit earns a
stamp exactly when the counter then gives one, and the adjust dialog asks for the owner's PIN exactly
when the service would refuse the adjustment without it."""

from __future__ import annotations

import pytest

from desktop_app.db.models import LoyaltyEntry
from desktop_app.domain.actors import MANAGER
from desktop_app.domain.loyalty import POINTS, STAMPS, Rules
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.gui.loyalty.loyalty_panel import AdjustDialog
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.loyalty import programs, views
from desktop_app.services.loyalty.programs import ProgramInfo, RewardInfo
from desktop_app.services.shop import staff


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


@pytest.fixture
def bia(shop_settings, owner, today):
    return customers.create_customer(CustomerInput(name="Bia Lima", phone="(11) 98765-1111"),
                                     shop=shop_settings, actor=owner, today=today)


def stamp_card(owner, stamp_on: str) -> None:
    programs.save_program(ProgramInfo(None, "Cartão", True, Rules(kind=STAMPS, stamp_on=stamp_on), (
        RewardInfo(None, "Café grátis", 10, 500),)), actor=owner)


@pytest.mark.parametrize("stamp_on, earns", [("visit", True), ("both", True), ("purchase", False)])
def test_the_quick_log_promises_a_stamp_for_a_visit_exactly_when_the_counter_gives_one(
        qtbot, tasks, shop_settings, owner, bia, today, english, stamp_on, earns):
    stamp_card(owner, stamp_on)
    dialog = QuickLogDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.choose(bia)
    qtbot.waitUntil(dialog.chosen.isVisible)  # the previews come from the worker lane
    dialog.kind.setCurrentIndex(dialog.kind.findData("visit"))
    assert dialog.points_hint.isVisible() == earns
    assert dialog.points_hint.text() == ("Earns 1 stamp in Cartão" if earns else "")
    with qtbot.waitSignal(dialog.logged) as signal:
        dialog.save()
        qtbot.waitUntil(lambda: not tasks.busy)
    assert signal.args == [bia, "+1 stamp (Cartão)" if earns else ""]
    assert LoyaltyEntry.select().where(LoyaltyEntry.customer == bia).count() == int(earns)


def test_the_adjust_dialog_asks_for_the_pin_above_the_limit_and_never_from_the_owner(
        qtbot, tasks, shop_settings, owner, bia, today, english):
    programs.save_program(ProgramInfo(None, "Clube", True, Rules(kind=POINTS, adjust_limit=100)), actor=owner)
    carla = staff.log_in(staff.add_staff("Carla", MANAGER, "1111", actor=owner), "1111")
    summaries = views.summaries(bia, today)
    for actor, points, needs_pin in [(carla, 100, False), (carla, 101, True), (carla, -101, True),
                                     (carla, -100, False), (owner, 5000, False)]:
        dialog = AdjustDialog(tasks, bia, summaries, actor, lambda: today)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda d=dialog: d.ready)
        dialog.points.setValue(points)
        assert (dialog.needs_owner(), dialog.pin.isVisible()) == (needs_pin, needs_pin), (actor.name, points)
        assert ("More than 100 points" in dialog.approval_note.text()) == needs_pin
        dialog.done(0)
