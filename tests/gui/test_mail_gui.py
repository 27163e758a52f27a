"""Mail as the owner meets it: the account dialog fills a preset, Test speaks plain words against a real
TLS server, Save keeps the password out of the database; the Today screen sends one e-mail now; the
Messages screen shows a paused queue with the server's words and resumes it."""

from __future__ import annotations

from datetime import datetime, timedelta

import keyring
import pytest
import trustme
from mailserver import PASSWORD, USER, start_server, trusted_server
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.db.models import Customer, Outbox
from desktop_app.domain import cadence as c
from desktop_app.domain.dates import local_noon_utc
from desktop_app.domain.errors import MESSAGES
from desktop_app.domain.mail import SmtpAccount
from desktop_app.gui.mail.mail_setup import MailAccountDialog
from desktop_app.gui.shell.main_window import MainWindow
from desktop_app.services.cadence import planner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.mail import mailer, sender
from desktop_app.services.shop import shop, staff


@pytest.fixture
def owner(shop_settings):
    return staff.create_first_owner("Ana Paula", "2468")


@pytest.fixture
def smtp_server(tmp_path, monkeypatch):
    ca = trustme.CA()
    with trusted_server(ca, tmp_path, monkeypatch) as server:
        yield server


def test_the_account_dialog_tests_in_plain_words_and_saves_without_the_password(
        qtbot, tasks, shop_settings, owner, smtp_server, english):
    controller, box = smtp_server
    dialog = MailAccountDialog(tasks, shop_settings, owner)
    qtbot.waitUntil(lambda: dialog.ready)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.preset.setCurrentIndex(dialog.preset.findData("gmail"))
    assert (dialog.host.text(), dialog.port.value()) == ("smtp.gmail.com", 587)
    assert "app password" in dialog.hint.text()
    dialog.preset.setCurrentIndex(dialog.preset.findData("other"))
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(controller.port)
    dialog.user.setText(USER)
    dialog.from_addr.setText("loja@flordelis.com.br")
    dialog.password.setText("wrong")
    dialog.test()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "app password" in dialog.error.text()
    dialog.password.setText(PASSWORD)
    dialog.test()
    qtbot.waitUntil(lambda: dialog.result.text().startswith("It works"), timeout=10000)
    assert not dialog.error.isVisible()
    dialog.colour.setText("verde")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.isVisible() and "#RRGGBB" in dialog.error.text() and mailer.account() is None
    dialog.colour.setText("#1F6F43")
    dialog.signature.setPlainText("Rua Augusta, 120 · <seg–sáb>")
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.isVisible())  # saved on the worker lane, then closed
    assert mailer.branding() == ("#1f6f43", "Rua Augusta, 120 · <seg–sáb>")
    assert "Rua Augusta, 120 · &lt;seg–sáb&gt;" in mailer.html_from_text("Oi", "Loja")
    assert mailer.account().host == "127.0.0.1"
    assert PASSWORD not in str(shop.get_setting(mailer.SETTING_KEY))
    assert keyring.get_keyring().get_password("Régua SMTP", mailer.account().keyring_user) == PASSWORD


def test_today_sends_one_email_now_and_messages_show_a_paused_queue(
        qtbot, window_at, shop_settings, owner, today, smtp_server, english):
    controller, box = smtp_server
    mailer.save_account(SmtpAccount("127.0.0.1", controller.port, "starttls", USER, "loja@flordelis.com.br",
                                    "Flor de Lis"), PASSWORD, actor=owner)
    shop.set_setting(planner.SINCE_KEY, (today - timedelta(days=30)).isoformat())
    for name, email in (("Maria Souza", "maria@example.com"), ("Ana Quota", "quota@example.com")):
        cid = customers.create_customer(CustomerInput(name=name, email=email, consent_email=True),
                                        shop=shop_settings, actor=owner, today=today)
        Customer.update(created_at=local_noon_utc(today - timedelta(days=3), shop_settings.timezone)).where(
            Customer.id == cid).execute()
    w, view = window_at(owner, "today_view")
    qtbot.waitUntil(lambda: len(view.items) == 2)
    maria = next(i for i in view.items.values() if i.customer == "Maria Souza")
    group = view.tree.topLevelItem(0)
    view.tree.setCurrentItem(next(group.child(j) for j in range(group.childCount())
                                  if group.child(j).text(0) == "Maria Souza"))
    assert view.email_button.isVisible()
    view.email_button.click()
    qtbot.waitUntil(lambda: len(box.messages) == 1, timeout=10000)
    qtbot.waitUntil(lambda: maria.outbox_id not in view.items)
    assert Outbox.get_by_id(maria.outbox_id).status == c.SENT
    w.nav.setCurrentRow(w.stack.indexOf(w.messages_view))
    messages = w.messages_view
    messages.send_now()
    qtbot.waitUntil(lambda: messages.banner_box.isVisible(), timeout=10000)
    assert "paused" in messages.banner.text() and messages.resume_button.isVisible()
    assert sender.paused()["code"] == 552
    qtbot.waitUntil(lambda: messages.model.rowCount() == 2)
    statuses = {messages.model.index(r, 0).data(): messages.model.index(r, 3).data()
                for r in range(messages.model.rowCount())}
    assert statuses == {"Maria Souza": "sent", "Ana Quota": "planned"}
    messages.resume_button.click()
    qtbot.waitUntil(lambda: not messages.banner_box.isVisible())
    assert sender.paused() is None


def test_a_one_off_message_goes_to_the_listed_customers_who_agreed_and_through_the_outbox(
        qtbot, tasks, paths, shop_settings, owner, today, smtp_server, english):
    controller, box = smtp_server
    mailer.save_account(SmtpAccount("127.0.0.1", controller.port, "starttls", USER, "loja@flordelis.com.br",
                                    "Flor de Lis"), PASSWORD, actor=owner)
    for name, email, consent in (("Maria Souza", "maria@example.com", True), ("Marta Lima", "marta@example.com", None),
                                 ("Mariana Dias", "mariana@example.com", True), ("Ana Costa", "ana@example.com", True)):
        customers.create_customer(CustomerInput(name=name, email=email, consent_email=consent),
                                  shop=shop_settings, actor=owner, today=today)
    w = MainWindow(paths, tasks, shop_settings, owner, lambda: today)
    qtbot.addWidget(w)
    w.show()
    w.customers.search.setText("mar")
    qtbot.waitUntil(lambda: w.customers.model.rowCount() == 3)
    dialog = w.customers.message_list()
    qtbot.waitUntil(lambda: dialog.reach is not None)
    assert "2 of the 3" in dialog.count.text() and not dialog.send_button.isEnabled()
    dialog.subject.setText("Liquidação, {{ first_name }}!")
    dialog.text.setPlainText("Oi {{ first_name }}, tudo com 30% até sábado. {{ nome }}")
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert "nome" in dialog.error.text() and not dialog.send_button.isEnabled()
    dialog.text.setPlainText("Oi {{ first_name }}, tudo com 30% até sábado.")
    qtbot.waitUntil(lambda: dialog.send_button.isEnabled())
    assert "Liquidação, Maria" in dialog.preview.toPlainText() or "Liquidação, Mariana" in dialog.preview.toPlainText()
    dialog.send_button.click()
    qtbot.waitUntil(lambda: dialog.sent == 2 or dialog.error.isVisible())
    assert dialog.sent == 2, dialog.error.text()
    assert "queued for 2" in w.statusBar().currentMessage()
    sender.send_due(today, shop=shop_settings)  # (the four signup confirmations go too)
    sale = [m for m in box.messages if str(m["Subject"]).startswith("Liquidação")]
    assert sorted(m["To"].addresses[0].addr_spec for m in sale) == ["maria@example.com", "mariana@example.com"]
    assert all(m["List-Unsubscribe"] for m in sale)
    assert sender.send_due(today, shop=shop_settings).get("sent", 0) == 0
    assert all(i.step != c.CAMPAIGN for i in planner.today_items(today))  # one-offs live on Messages, not Today


# --- the account dialog as the owner fills it (issue 17, item 14) -----------------------------------------


def fill(qtbot, dialog, *, host: str, port: int, user: str = USER, from_addr: str = "loja@flordelis.com.br",
         password: str = PASSWORD) -> None:
    """Pick "Other server" from the keyboard and type the account, field by field."""
    dialog.preset.setFocus()
    qtbot.keyClick(dialog.preset, Qt.Key.Key_End)  # the last provider: Other server
    for field, text in ((dialog.host, host), (dialog.user, user), (dialog.from_addr, from_addr),
                        (dialog.password, password)):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(port)


def test_other_server_clears_a_providers_server_but_keeps_one_the_owner_typed(qtbot, tasks, shop_settings, owner,
                                                                             english):
    dialog = MailAccountDialog(tasks, shop_settings, owner)
    qtbot.waitUntil(lambda: dialog.ready)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.preset.currentData() == "gmail" and dialog.host.text() == "smtp.gmail.com"
    dialog.preset.setFocus()
    qtbot.keyClick(dialog.preset, Qt.Key.Key_End)
    assert dialog.preset.currentData() == "other"
    assert dialog.host.text() == "" and dialog.host.placeholderText()  # for the owner to type, with an example
    qtbot.keyClick(dialog.preset, Qt.Key.Key_Home)  # Gmail again, then Zoho, whose server the owner changes
    assert dialog.host.text() == "smtp.gmail.com"
    dialog.preset.setCurrentIndex(dialog.preset.findData("zoho"))
    dialog.host.clear()
    qtbot.keyClicks(dialog.host, "mail.flordelis.com.br")
    qtbot.keyClick(dialog.preset, Qt.Key.Key_End)
    assert dialog.host.text() == "mail.flordelis.com.br"  # her own server is not thrown away


@pytest.mark.parametrize(("field", "user", "from_addr", "label"), [
    ("from_addr", USER, "loja@@flordelis", "Sender address"),
    ("user", "", "loja@flordelis.com.br", "User"),
])
def test_a_wrong_field_is_named_and_gets_the_focus(qtbot, tasks, shop_settings, owner, english, field, user,
                                                  from_addr, label):
    dialog = MailAccountDialog(tasks, shop_settings, owner)
    qtbot.waitUntil(lambda: dialog.ready)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(qtbot, dialog, host="smtp.flordelis.com.br", port=587, user=user, from_addr=from_addr)
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert dialog.isVisible() and dialog.error.isVisible() and mailer.account() is None
    assert dialog.error.text().startswith(f"{label}: ")
    assert dialog.focusWidget() is getattr(dialog, field)  # where the next keys go


def test_a_wrong_address_is_named_in_portuguese_too(qtbot, tasks, shop_settings, owner):
    from desktop_app.gui.common.i18n import install_language

    install_language("pt_BR", "BR")
    try:
        dialog = MailAccountDialog(tasks, shop_settings, owner)
        qtbot.waitUntil(lambda: dialog.ready)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(qtbot, dialog, host="smtp.flordelis.com.br", port=587, from_addr="loja@@flordelis")
        dialog.save()
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        assert dialog.error.text() == "Endereço do remetente: Este não é um e-mail válido."
    finally:
        install_language("en", "BR")


class _Certificate:
    """Looks like a trustme CA to start_server, and hands out the one certificate it was made with."""

    def __init__(self, configure) -> None:
        self.configure_cert = configure

    def issue_cert(self, *_names):
        return self


def _self_signed(_ca, tmp_path):
    """A certificate for 127.0.0.1 signed by its own key, as anyone can make one."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(datetime(2000, 1, 1)).not_valid_after(datetime(2999, 1, 1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(key, hashes.SHA256()))
    pem = tmp_path / "self-signed.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()) + cert.public_bytes(serialization.Encoding.PEM))
    return _Certificate(lambda ctx: ctx.load_cert_chain(str(pem)))


CERTIFICATES = {  # what the server shows, whether the client trusts the CA, what Régua says
    "self_signed": (_self_signed, True, "made for itself"),
    "expired": (lambda ca, _tmp: ca.issue_cert("127.0.0.1", not_before=datetime(2000, 1, 1),
                                               not_after=datetime(2001, 1, 1)), True, "out of date"),
    "wrong_host": (lambda ca, _tmp: ca.issue_cert("mail.example.com"), True, "for another name"),
    "unknown_authority": (lambda ca, _tmp: ca.issue_cert("127.0.0.1"), False, "authority this computer does not"),
}
OPENSSL_WORDS = ("self-signed", "self signed", "has expired", "mismatch", "issuer", "verify", "CERTIFICATE_")


@pytest.mark.parametrize("problem", sorted(CERTIFICATES))
def test_test_explains_a_certificate_problem_in_reguas_words_and_keeps_the_password(
        qtbot, tasks, shop_settings, owner, tmp_path, monkeypatch, english, problem):
    make, trusted, words = CERTIFICATES[problem]
    ca = trustme.CA()
    if trusted:
        pem = tmp_path / "ca.pem"
        ca.cert_pem.write_to_path(str(pem))
        monkeypatch.setenv("SSL_CERT_FILE", str(pem))
    else:
        monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-file.pem"))
    controller, box = start_server(_Certificate(make(ca, tmp_path).configure_cert))
    try:
        dialog = MailAccountDialog(tasks, shop_settings, owner)
        qtbot.waitUntil(lambda: dialog.ready)
        qtbot.addWidget(dialog)
        dialog.show()
        fill(qtbot, dialog, host="127.0.0.1", port=controller.port)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    finally:
        controller.stop()
    text = dialog.error.text()
    assert words in text and "127.0.0.1" in text and "Nothing was sent" in text, text
    assert not [w for w in OPENSSL_WORDS if w in text], text
    assert text == MESSAGES[f"smtp_cert_{problem}"].format(host="127.0.0.1")  # the whole of it is Régua's
    assert "AUTH" not in box.log and dialog.test_button.isEnabled()
