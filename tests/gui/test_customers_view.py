"""The Customers section driven as staff use it: typing, filtering, saving, merging."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.db.models import Customer
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.customers.customers_view import CustomersView
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput


@pytest.fixture
def people(shop_settings, actor, today):
    def add(**fields):
        return customers.create_customer(CustomerInput(**fields), shop=shop_settings, actor=actor, today=today)

    return {
        "maria": add(name="Maria Conceição", phone="(11) 98765-4321", birthday="15/03", tags=["vip"]),
        "joao": add(name="João Silva", email="joao@x.com", birthday="02/07/1980"),
        "ana": add(name="Ana Silva", phone="(21) 99999-1234", tags=["vip"]),
    }


@pytest.fixture
def view(qtbot, tasks, shop_settings, actor, today, people, english):
    widget = CustomersView(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(widget)
    widget.resize(1100, 600)
    widget.show()
    widget.reload()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 3)
    return widget


def names_shown(qtbot, view) -> list[str]:
    model = view.model
    qtbot.waitUntil(lambda: all(model.data(model.index(r, 0)) != "…" for r in range(model.rowCount())))
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_the_list_shows_everyone_in_name_order(qtbot, view):
    assert names_shown(qtbot, view) == ["Ana Silva", "João Silva", "Maria Conceição"]
    assert view.count_label.text() == "3 customers"


def test_typing_searches_without_accents_and_by_phone_digits(qtbot, view, people):
    qtbot.keyClicks(view.search, "conceicao")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.customer_id(0) == people["maria"]
    view.search.clear()
    qtbot.keyClicks(view.search, "9123")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1 and view.model.customer_id(0) == people["ana"])


def test_filters_by_tag_and_birthday_month(qtbot, view, people):
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("vip"))
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    view.month_filter.setCurrentIndex(view.month_filter.findData(3))
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.customer_id(0) == people["maria"]


def test_selecting_a_customer_shows_the_page_with_the_timeline(qtbot, view):
    view.table.selectRow(2)
    qtbot.waitUntil(lambda: "Maria Conceição" in view.page.header.text())
    assert view.page.timeline.count() >= 1
    assert "Customer created" in view.page.timeline.item(view.page.timeline.count() - 1).text()


def test_the_dialog_refuses_bad_fields_and_saves_nothing(qtbot, tasks, shop_settings, actor, today, english):
    dialog = CustomerDialog(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("Juliana")
    dialog.ui.email.setText("juliana@")
    dialog.ui.phone.setText("123")
    dialog.ui.birthday.setText("31/02")
    before = Customer.select().count()
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.field_error("email") == "This is not a valid e-mail address."
    assert dialog.field_error("phone") == "This is not a valid phone number for Brazil."
    assert dialog.field_error("birthday") == "This date does not exist."
    assert dialog.field_error("name") == ""
    assert dialog.result() == 0 and Customer.select().count() == before


def test_the_dialog_saves_a_good_customer(qtbot, tasks, shop_settings, actor, today, english):
    dialog = CustomerDialog(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("Juliana Mendes")
    dialog.ui.phone.setText("11 98888-1111")
    dialog.ui.birthday.setText("29/02")
    dialog.ui.consent_whatsapp.setChecked(True)
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.saved_id is not None
    d = customers.detail(dialog.saved_id, shop_settings)
    assert d.phone == "+5511988881111" and d.consent["whatsapp"] and d.birthday.day == 29


def test_a_shared_phone_warns_once_then_saves_on_confirmation(qtbot, tasks, shop_settings, actor, today, people, english):
    dialog = CustomerDialog(tasks, shop_settings, actor, lambda: today)
    qtbot.addWidget(dialog)
    dialog.ui.name.setText("Maria C.")
    dialog.ui.phone.setText("11987654321")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.saved_id is None
    assert "already belongs to Maria Conceição" in dialog.ui.duplicates.text()
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.saved_id is not None


def test_editing_shows_the_customers_values_in_the_form(qtbot, tasks, shop_settings, actor, today, people, english):
    dialog = CustomerDialog(tasks, shop_settings, actor, lambda: today, customers.detail(people["joao"], shop_settings))
    qtbot.addWidget(dialog)
    assert dialog.ui.name.text() == "João Silva"
    assert dialog.ui.birthday.text() == "02/07/1980"
    dialog.ui.city.setText("Recife")
    dialog.save()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert customers.detail(people["joao"], shop_settings).city == "Recife"


def test_merge_from_the_customer_page(qtbot, view, people, monkeypatch):
    from desktop_app.gui.customers import customer_actions, merge_dialog

    class PickAna(merge_dialog.MergeDialog):
        def exec(self):
            self.other_id, self.other_name = people["ana"], "Ana Silva"
            return 1

    monkeypatch.setattr(customer_actions, "MergeDialog", PickAna)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.table.selectRow(view.model.row_of(people["joao"]))
    view.actions.merge_selected()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert Customer.get_or_none(Customer.id == people["ana"]) is None


def test_the_merge_dialog_finds_the_other_record(qtbot, tasks, shop_settings, people, english):
    from desktop_app.gui.customers.merge_dialog import MergeDialog

    dialog = MergeDialog(tasks, shop_settings, people["joao"], "João Silva")
    qtbot.addWidget(dialog)
    dialog.search.setText("silva")
    qtbot.waitUntil(lambda: dialog.results.count() == 1, timeout=3000)
    dialog.results.setCurrentRow(0)
    assert dialog.results.item(0).data(Qt.ItemDataRole.UserRole)[0] == people["ana"]
    dialog.merge_button.click()
    assert dialog.other_id == people["ana"]


@pytest.mark.parametrize(("typed", "name"), [
    ("Loja 2", "Loja 2"), ("Juliana Mendes", "Juliana Mendes"),
    ("(11) 98765-0000", ""), ("+351 912 345 678", ""), ("ju@x.com", ""), ("#123", ""),
])
def test_new_customer_after_a_search_keeps_what_was_typed_as_the_name_only_if_it_is_a_name(qtbot, view, typed, name):
    view.search.setText(typed)
    dialog = view.new_customer()
    qtbot.addWidget(dialog)
    assert dialog.ui.name.text() == name
    dialog.reject()
