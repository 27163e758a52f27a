"""The régua as staff meet it: the Today screen lists who to contact and why; one click sends the WhatsApp
(the prefilled wa.me link is opened and the message lands on the timeline), a call is marked done with
its outcome, Delete skips; the 7-day view skips ahead; the cadence settings check what the owner types."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtGui import QDesktopServices

from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.dates import local_noon_utc
from desktop_app.gui.cadence.cadence_setup import CadenceDialog
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.cadence import planner
from desktop_app.services.cadence.rules import RULES_KEY, get_rules, save_rules
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.shop import shop, staff


class LinkCatcher(QObject):
    """Takes the URLs the app asks the desktop to open (Qt's own hook), instead of starting a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot("QUrl")
    def open(self, url) -> None:  # noqa: A003
        self.urls.append(url.toString())


@pytest.fixture
def links(qapp):
    catcher = LinkCatcher()
    QDesktopServices.setUrlHandler("https", catcher, "open")
    yield catcher
    QDesktopServices.unsetUrlHandler("https")


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


@pytest.fixture
def regulars(shop_settings, owner, today):
    """Maria bought a week ago (after-sale by WhatsApp); João left a reservation due today (a call)."""
    shop.set_setting(planner.SINCE_KEY, (today - timedelta(days=30)).isoformat())
    shop.set_setting(planner.LAST_RUN_KEY, (today - timedelta(days=1)).isoformat())
    maria = customers.create_customer(CustomerInput(name="Maria Souza", phone="(11) 98765-4321",
                                                    consent_whatsapp=True), shop=shop_settings, actor=owner,
                                      today=today)
    joao = customers.create_customer(CustomerInput(name="João Lima", phone="(11) 91234-5678"), shop=shop_settings,
                                     actor=owner, today=today)
    for cid in (maria, joao):
        Customer.update(created_at=local_noon_utc(today - timedelta(days=40), shop_settings.timezone)).where(
            Customer.id == cid).execute()
    interactions.log_interaction(maria, LogEntry(kind="purchase", amount="120", on=today - timedelta(days=7)),
                                 actor=owner, shop=shop_settings, today=today)
    interactions.log_interaction(joao, LogEntry(kind="reservation", amount="300", note="bolsa caramelo",
                                                on=today - timedelta(days=2), follow_up_on=today),
                                 actor=owner, shop=shop_settings, today=today)
    return maria, joao


def today_view(qtbot, window_at, owner):
    w, view = window_at(owner, "today_view")
    qtbot.waitUntil(lambda: bool(view.items) and not view.filling)
    return w, view


def select(view, step):
    for i in range(view.tree.topLevelItemCount()):
        group = view.tree.topLevelItem(i)
        for j in range(group.childCount()):
            node = group.child(j)
            if view.items[node.data(0, Qt.ItemDataRole.UserRole)].step == step:
                view.tree.setCurrentItem(node)
                return view.items[node.data(0, Qt.ItemDataRole.UserRole)]
    raise AssertionError(f"no {step} on the list")


def test_send_on_whatsapp_opens_the_prefilled_link_and_notes_it_on_the_timeline(
        qtbot, window_at, shop_settings, owner, today, regulars, links, english):
    maria, _ = regulars
    w, view = today_view(qtbot, window_at, owner)
    groups = [view.tree.topLevelItem(i).text(0) for i in range(view.tree.topLevelItemCount())]
    assert groups == ["Unfinished purchase (1)", "After the sale (1)"]
    item = select(view, c.POST_SALE)
    qtbot.waitUntil(lambda: view.message_shown)  # the message is written on the lane
    assert "Maria" in view.message.toPlainText() and view.whatsapp_button.isVisible()
    qtbot.mouseClick(view.whatsapp_button, Qt.MouseButton.LeftButton)
    assert len(links.urls) == 1
    url = urlparse(links.urls[0])
    assert url.netloc == "wa.me" and url.path == "/5511987654321"
    assert parse_qs(url.query)["text"][0].startswith("Oi Maria!")
    qtbot.waitUntil(lambda: item.outbox_id not in view.items)
    assert Outbox.get_by_id(item.outbox_id).status == c.DONE
    assert ("message", "WhatsApp · post-sale") in [(e.kind, e.note) for e in customers.timeline(maria)]
    assert "noted as sent" in w.statusBar().currentMessage()


def test_a_call_is_marked_done_with_its_outcome_and_an_empty_outcome_is_refused(
        qtbot, window_at, shop_settings, owner, today, regulars, english):
    _, joao = regulars
    _w, view = today_view(qtbot, window_at, owner)
    item = select(view, c.UNFINISHED)
    qtbot.waitUntil(lambda: view.message_shown)
    assert "bolsa caramelo" in view.message.toPlainText()
    dialog = view.task_done()
    dialog.outcome.setText("   ")
    dialog._accept()
    assert dialog.error.isVisible() and dialog.isVisible()
    assert Outbox.get_by_id(item.outbox_id).status == c.PLANNED
    dialog.outcome.setText("Vem buscar sábado")
    dialog._accept()
    qtbot.waitUntil(lambda: item.outbox_id not in view.items)
    assert ("call", "Vem buscar sábado") in [(e.kind, e.note) for e in customers.timeline(joao)]


def test_delete_skips_the_selected_message_and_the_planner_does_not_bring_it_back(
        qtbot, window_at, shop_settings, owner, today, regulars, english):
    _w, view = today_view(qtbot, window_at, owner)
    item = select(view, c.POST_SALE)
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: item.outbox_id not in view.items)
    planner.plan(today, shop=shop_settings)
    assert Outbox.get_by_id(item.outbox_id).status == c.SKIPPED
    assert [i.step for i in planner.today_items(today)] == [c.UNFINISHED]


def test_the_next_seven_days_list_what_is_coming_and_a_row_can_be_skipped(
        qtbot, window_at, shop_settings, owner, today, regulars, english):
    maria, _ = regulars
    interactions.log_interaction(maria, LogEntry(kind="purchase", amount="60", on=today - timedelta(days=5)),
                                 actor=owner, shop=shop_settings, today=today)
    _w, view = today_view(qtbot, window_at, owner)
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.week.topLevelItemCount() > 0)
    rows = [(view.week.topLevelItem(i).text(1), view.week.topLevelItem(i).text(2))
            for i in range(view.week.topLevelItemCount())]
    assert ("After the sale", "Maria Souza") in rows
    assert all(r[1] != "João Lima" for r in rows)  # today's call is on today's list, not here
    view.week.topLevelItem(rows.index(("After the sale", "Maria Souza"))).setSelected(True)
    view.skip_coming()
    qtbot.waitUntil(lambda: view.week.topLevelItemCount() == len(rows) - 1)
    skipped = Outbox.get((Outbox.customer == maria) & (Outbox.status == c.SKIPPED))
    assert skipped.due_on == today + timedelta(days=2)


def test_cadence_settings_show_todays_reach_refuse_unknown_placeholders_and_save(
        qtbot, tasks, shop_settings, owner, today, regulars, english):
    dialog = CadenceDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isEnabled()  # open at once; the saved rules are read on the lane
    qtbot.waitUntil(lambda: dialog.cards[c.POST_SALE].count.text().endswith("1"))
    assert dialog.save_button.isEnabled()
    assert dialog.cards[c.UNFINISHED].count.text().endswith("1")
    card = dialog.cards[c.BIRTHDAY]
    card.text.setPlainText("Parabéns {{ nome }}!")
    dialog.save()
    assert card.error.isVisible() and "nome" in card.error.text() and dialog.isVisible()
    assert shop.get_setting(RULES_KEY) is None
    card.text.setPlainText("Parabéns {{ first_name }}!")
    dialog.cards[c.POST_SALE].enabled.setChecked(False)
    qtbot.waitUntil(lambda: dialog.cards[c.POST_SALE].count.text() == "Off")
    dialog.cards[c.REACTIVATION].days.setValue(90)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rules = get_rules(shop_settings)
    assert rules.step(c.BIRTHDAY).text == "Parabéns {{ first_name }}!"
    assert not rules.step(c.POST_SALE).enabled and rules.step(c.REACTIVATION).days == 90
    assert rules.step(c.WELCOME).text == ""  # untouched default texts follow the shop's language


def test_a_step_can_be_aimed_at_a_segment_or_a_tag(qtbot, tasks, shop_settings, owner, today, regulars, english):
    from desktop_app.db.models import CustomerTag

    maria, _joao = regulars
    CustomerTag.create(customer=maria, tag="vip")
    dialog = CadenceDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    card = dialog.cards[c.REACTIVATION]
    qtbot.waitUntil(lambda: dialog.loaded and card.audience.findData("tag:vip") >= 0)
    assert card.audience.currentText() == "Every customer"
    assert dialog.cards[c.SIGNUP].audience.isHidden()  # the signup confirmation goes to everyone
    card.audience.setCurrentIndex(card.audience.findData("segment:at_risk"))
    dialog.cards[c.BIRTHDAY].audience.setCurrentIndex(dialog.cards[c.BIRTHDAY].audience.findData("tag:vip"))
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    rules = get_rules(shop_settings)
    assert rules.step(c.REACTIVATION).audience == "segment:at_risk" and rules.step(c.BIRTHDAY).audience == "tag:vip"
    again = CadenceDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(again)
    qtbot.waitUntil(lambda: again.loaded and again.cards[c.BIRTHDAY].audience.findData("tag:vip") >= 0)
    assert again.cards[c.BIRTHDAY].audience.currentText() == "Tag: vip"
    assert again.cards[c.REACTIVATION].audience.currentText() == "Segment: At risk"


def test_a_birthday_gift_is_used_from_the_customers_page(qtbot, tasks, paths, shop_settings, owner, today, english):
    from desktop_app.services.loyalty import coupons

    shop.set_setting(planner.SINCE_KEY, (today - timedelta(days=30)).isoformat())
    rules = get_rules(shop_settings)
    save_rules(rules.with_step(replace(rules.step(c.BIRTHDAY), gift="Ajuste de barra grátis")),
                       actor=owner, shop=shop_settings)
    cid = customers.create_customer(CustomerInput(name="Rita Alves", email="rita@example.com", consent_email=True,
                                                  birthday=f"{today.day}/{today.month}"),
                                    shop=shop_settings, actor=owner, today=today - timedelta(days=90))
    Customer.update(birthday_set_on=today - timedelta(days=90)).where(Customer.id == cid).execute()
    planner.plan(today, shop=shop_settings)
    code = coupons.open_for(cid, today)[0].code
    w = MainWindow(paths, tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(w)
    w.show()
    w.customers.reload()
    w.customers.show_customer(cid)
    page = w.customers.page
    qtbot.waitUntil(lambda: page.gift_box.isVisible())
    assert code in page.gift_text.text() and "Ajuste de barra grátis" in page.gift_text.text()
    dialog = w.customers.actions.use_gift()
    dialog.code.setText("ANIV-0000-0000")
    dialog.ok.click()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert dialog.error.isVisible() and dialog.isVisible()
    dialog.code.setText(code.lower())
    dialog.ok.click()
    qtbot.waitUntil(lambda: not page.gift_box.isVisible())
    assert coupons.open_for(cid, today) == []
    assert "Gift used" in w.statusBar().currentMessage()


def test_the_message_editor_previews_for_a_real_customer_and_keeps_the_subject(
        qtbot, tasks, shop_settings, owner, today, regulars, english):
    dialog = CadenceDialog(tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded)
    editor = dialog.edit_message(c.POST_SALE)
    editor.subject.setText("Tudo certo com a compra, {{ primeiro_nome }}?")
    qtbot.waitUntil(lambda: editor.error.isVisible())
    assert "primeiro_nome" in editor.error.text()
    editor.subject.setText("Tudo certo com a compra, {{ first_name }}?")
    editor.search.setText("maria")
    qtbot.waitUntil(lambda: editor.found.count() == 1)
    editor.found.setCurrentRow(0)
    qtbot.waitUntil(lambda: "Tudo certo com a compra, Maria?" in editor.preview.toPlainText())
    assert "Oi Maria!" in editor.preview.toPlainText()
    editor._accept()
    assert not editor.isVisible()
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert get_rules(shop_settings).step(c.POST_SALE).subject == "Tudo certo com a compra, {{ first_name }}?"


def test_stop_messages_is_one_click_on_the_customers_page(qtbot, tasks, shop_settings, owner, today, regulars, window_on,
                                                          english):
    maria, _ = regulars
    planner.plan(today, shop=shop_settings)
    w = window_on(owner, maria)
    w.customers.stop_action.trigger()
    qtbot.waitUntil(lambda: not tasks.busy)
    assert "no more messages" in w.statusBar().currentMessage()
    assert customers.detail(maria, shop_settings).consent == {"email": False, "whatsapp": False}
    assert all(i.customer_id != maria for i in planner.today_items(today))
