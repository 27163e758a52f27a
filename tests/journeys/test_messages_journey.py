"""Messages → Send due e-mails now, pressed as the owner presses it (issue 17, item 3).

The shop has e-mails planned for today and a mail account on a real SMTP server on 127.0.0.1 (TLS from
the test's certificate authority, the password in an in-memory keyring). The owner logs in, clicks
Messages, clicks the send button; the send runs on the real threaded worker lane. What the journey
checks is what the server received, what the screen says and what the outbox now holds.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
import trustme
from mailserver import PASSWORD, USER, trusted_server
from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.db.database import close_database
from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.dates import local_noon_utc
from desktop_app.domain.mail import SmtpAccount
from desktop_app.gui.mail.messages_view import status_label
from desktop_app.gui.shell.login_dialog import LoginDialog
from tests.journeys.driver import PIN, button

PEOPLE = (("Maria Souza", "maria@example.com"), ("Mariana Lima", "mariana@example.com"),
          ("Marta Dias", "marta@example.com"))


@pytest.fixture
def smtp_server(tmp_path, monkeypatch):
    """A real SMTP server whose certificate the app trusts, and a keyring in memory."""
    ca = trustme.CA()
    with trusted_server(ca, tmp_path, monkeypatch) as server:
        yield server


def shop_with_planned_emails(j, port: int) -> None:
    """Before the app starts: three customers who agreed to e-mails, signed up three days ago, their
    welcome e-mails planned for today, and the shop's mail account on the local server."""
    from desktop_app.services.cadence import planner
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput
    from desktop_app.services.mail import mailer
    from desktop_app.services.shop import shop

    shop.open_shop(j.paths)
    settings = shop.shop_settings()
    owner = Actor(None, "Ana Paula", OWNER)
    shop.set_setting(planner.SINCE_KEY, (j.today - timedelta(days=30)).isoformat())
    for name, email in PEOPLE:
        cid = customers.create_customer(CustomerInput(name=name, email=email, consent_email=True),
                                        shop=settings, actor=owner, today=j.today - timedelta(days=3))
        Customer.update(created_at=local_noon_utc(j.today - timedelta(days=3), settings.timezone)).where(
            Customer.id == cid).execute()
    planner.plan(j.today, shop=settings)
    mailer.save_account(SmtpAccount("127.0.0.1", port, "starttls", USER, "loja@flordelis.com.br", "Flor de Lis",
                                    daily_limit=500, per_minute=500), PASSWORD, actor=owner)
    assert Outbox.select().where(Outbox.status == c.PLANNED, Outbox.channel == c.EMAIL).count() == len(PEOPLE)
    close_database()


def on_screen(text: str) -> str:
    """A text of the Messages screen as the shop's language shows it (the shop is Brazilian)."""
    return QCoreApplication.translate("MessagesView", text)


def cells(view, column: int) -> list[str]:
    """What one column of the Messages table shows, top to bottom."""
    model = view.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_send_due_emails_now_sends_them_through_the_worker_lane_and_says_so(journey, smtp_server):
    controller, box = smtp_server
    j = journey(shop="staffed", start=False, work_process=True)
    shop_with_planned_emails(j, controller.port)
    j.start()

    def steps():
        yield j.dialog(LoginDialog)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        yield j.idle()
        messages = window.messages_view
        j.click_row(window.nav, window.stack.indexOf(messages))
        yield j.until(lambda: window.stack.currentWidget() is messages and len(cells(messages.table, 0)) == 3,
                      "the Messages screen with the three planned e-mails")
        assert set(cells(messages.table, 3)) == {status_label(c.PLANNED)}
        j.click(button(messages, on_screen("Send due e-mails now")))
        yield j.until(lambda: len(box.messages) == 3, "the server to receive the three e-mails", timeout=30)
        yield j.status_text(on_screen("E-mails sent: {sent}.").format(sent=3))
        yield j.until(lambda: set(cells(messages.table, 3)) == {status_label(c.SENT)}, "the table to say sent")
        assert sorted(m["To"].addresses[0].addr_spec for m in box.messages) == sorted(e for _, e in PEOPLE)
        assert sorted(cells(messages.table, 0)) == sorted(n for n, _ in PEOPLE)
        assert messages.send_button.isEnabled()
        assert {o.status for o in Outbox.select().where(Outbox.channel == c.EMAIL)} == {c.SENT}

    j.play(steps())


def test_cancelling_one_planned_email_keeps_it_selected_and_send_leaves_it_out(journey, smtp_server):
    controller, box = smtp_server
    j = journey(shop="staffed", start=False, work_process=True)
    shop_with_planned_emails(j, controller.port)
    j.start()

    def steps():
        yield j.dialog(LoginDialog)
        j.type(PIN)
        j.press(Qt.Key.Key_Return)
        window = yield j.main_window()
        yield j.idle()
        messages = window.messages_view
        j.click_row(window.nav, window.stack.indexOf(messages))
        yield j.until(lambda: len(cells(messages.table, 0)) == 3, "the three planned e-mails")
        marta = cells(messages.table, 0).index("Marta Dias")
        j.click_row(messages.table, marta)
        yield j.until(lambda: messages.cancel_button.isEnabled(), "Cancel to be possible for the chosen row")
        j.click(messages.cancel_button)
        skipped = status_label(c.SKIPPED)
        yield j.until(lambda: dict(zip(cells(messages.table, 0), cells(messages.table, 3), strict=True)).get(
            "Marta Dias") == skipped, "Marta's e-mail to show as skipped")
        chosen = [messages.model.message(i.row()).customer for i in messages.table.selectionModel().selectedRows()]
        assert chosen == ["Marta Dias"]  # the refill kept her row selected, wherever it moved to
        assert not messages.cancel_button.isEnabled()  # nothing left to cancel in what is selected
        j.click(button(messages, on_screen("Send due e-mails now")))
        yield j.status_text(on_screen("E-mails sent: {sent}.").format(sent=2))
        assert sorted(m["To"].addresses[0].addr_spec for m in box.messages) == ["maria@example.com",
                                                                               "mariana@example.com"]
        marta_row = Outbox.get(Outbox.customer == Customer.get(Customer.name == "Marta Dias").id)
        assert (marta_row.status, marta_row.reason, marta_row.actor) == (c.SKIPPED, "by_staff", "Ana Paula")

    j.play(steps())
