"""The Reports section driven as a user does: it loads on the worker lane, shows charts with their
numbers as tables, takes the owner from a segment to those customers, and exports what it shows."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import openpyxl
import pytest

from desktop_app.db.models import Customer, Interaction
from desktop_app.domain.actors import COUNTER, MANAGER, Actor
from desktop_app.domain.dates import local_noon_utc
from desktop_app.domain.permissions import PermissionDenied
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput


def shop_with_history(settings, actor, today: date) -> dict[str, int]:
    ids = {}
    plan = {"Beatriz Frequente": (3, 15, 30, 45, 70, 100), "Nina Nova": (2,), "Olga Antiga": (420,), "Lia Curiosa": ()}
    for name, days in plan.items():
        cid = customers.create_customer(CustomerInput(name=name), shop=settings, actor=actor, today=today)
        created = today - timedelta(days=max(days) + 1 if days else 0)
        Customer.update(created_at=local_noon_utc(created, settings.timezone)).where(Customer.id == cid).execute()
        for d in days:
            on = today - timedelta(days=d)
            at = datetime.combine(on, time(15))
            Interaction.create(customer=cid, kind="purchase", amount_cents=20000, occurred_at=at, occurred_on=on,
                               source="counter", created_at=at)
        ids[name] = cid
    return ids


def open_reports(qtbot, window_at, actor, today):
    window, view = window_at(actor, "reports_view")
    qtbot.waitUntil(lambda: view.data is not None and view.data.segments_on == today
                    and view.service_table.rowCount() == 12, timeout=10000)
    return window, view


def test_the_dashboard_loads_and_shows_its_numbers(qtbot, window_at, paths, shop_settings, actor, today, english):
    shop_with_history(shop_settings, actor, today)
    window, view = open_reports(qtbot, window_at, actor, today)
    assert view.tile_customers.value.text() == "4"
    assert view.tile_returning.value.text() == "50%"  # Beatriz had bought before; Nina had not
    assert view.state.text() == "as of 24/11/2026"
    card = view.new_card
    assert card.figure is not None and len(card.figure.categories) == 12
    card.toggle.click()  # the same numbers, as a table
    table = card.stack.currentWidget()
    assert table.rowCount() == 12 and table.item(11, 1).text() == "2"  # Nina and Lia
    segments = {view.segment_table.item(r, 0).text(): view.segment_table.item(r, 1).text()
                for r in range(view.segment_table.rowCount())}
    assert set(segments) >= {"Champions", "Loyal", "New", "Lost"}
    assert sum(int(n) for n in segments.values()) == 3  # Lia never bought: a lead, not a segment
    view.grab().save(str(paths.data_dir / "reports.png"))


def test_a_segment_opens_the_filtered_customer_list(qtbot, window_at, shop_settings, actor, today, english):
    ids = shop_with_history(shop_settings, actor, today)
    window, view = open_reports(qtbot, window_at, actor, today)
    view.tabs.setCurrentIndex(1)
    row = next(r for r in range(view.stage_table.rowCount()) if view.stage_table.item(r, 0).text() == "Lead")
    view.stage_table.selectRow(row)
    assert view.open_group_button.isEnabled()
    view.open_group_button.click()
    assert window.stack.currentWidget() is window.customers
    qtbot.waitUntil(lambda: window.customers.model.rowCount() == 1)
    assert window.customers.model.customer_id(0) == ids["Lia Curiosa"]
    assert window.customers.group_filter.currentText() == "Stage: Lead"
    window.customers.table.selectRow(0)
    qtbot.waitUntil(lambda: "Stage: Lead" in window.customers.page.header.text())


def test_the_export_writes_every_table_and_the_staff_figures_stay_with_the_owner(
        qtbot, window_at, shop_settings, actor, today, tmp_path, english):
    shop_with_history(shop_settings, actor, today)
    window, view = open_reports(qtbot, window_at, actor, today)
    assert not view.staff_table.isHidden()
    target = tmp_path / "relatorio.xlsx"
    view.export(str(target))
    qtbot.waitUntil(target.exists)
    book = openpyxl.load_workbook(target)
    assert "New customers per month" in book.sheetnames and "Segments" in book.sheetnames
    sheet = book["Segments"]
    assert sheet["A1"].value == "Group" and sheet.max_row == 9

    window.set_actor(Actor(None, "Carla", MANAGER))
    assert not view.export_button.isVisible()
    view.load(force=True)
    qtbot.waitUntil(view.staff_table.isHidden)
    window.set_actor(Actor(None, "Bruno", COUNTER))
    assert window.nav.item(window.stack.indexOf(view)).isHidden()
    assert window.stack.currentWidget() is window.customers


def test_a_filter_is_saved_under_a_name_and_brought_back(qtbot, window_at, shop_settings, actor, today, english):
    from desktop_app.domain.errors import ValidationError
    from desktop_app.services.customers import saved_filters

    ids = shop_with_history(shop_settings, actor, today)
    window, view = open_reports(qtbot, window_at, actor, today)
    window.open_group("stage", "inactive")
    listing = window.customers
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    listing.save_filter("Sumidas")
    qtbot.waitUntil(lambda: [f.name for f in listing.saved] == ["Sumidas"])
    listing.group_filter.setCurrentIndex(0)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 4)
    listing._build_filters_menu()
    [action] = [a for a in listing.filters_menu.actions() if a.text() == "Sumidas"]
    action.trigger()
    qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
    assert listing.model.customer_id(0) == ids["Olga Antiga"]
    assert listing.group_filter.currentText() == "Stage: Inactive"
    listing.delete_filter("Sumidas")
    qtbot.waitUntil(lambda: listing.saved == [])
    with pytest.raises(ValidationError):
        saved_filters.save(saved_filters.SavedFilter("  "), actor=actor)
    with pytest.raises(PermissionDenied):
        saved_filters.save(saved_filters.SavedFilter("x"), actor=Actor(None, "Bruno", COUNTER))
