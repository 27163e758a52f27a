"""A till joins the shop's server from the first-run screen, by keyboard: Connect to the shop's server, the
server's fields, a wrong password (said in the dialog, everything typed kept), the right one, the server
shop's login, and the window on the server's customers. The password is in the keyring only: not in
server.ini, not in the log."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import Qt

from desktop_app.config import resolve_paths, server_parts
from desktop_app.db.database import close_database
from desktop_app.gui.shell.connect_dialog import ConnectDialog
from desktop_app.gui.shell.first_run import FirstRunDialog
from desktop_app.gui.shell.login_dialog import LoginDialog
from desktop_app.services.shop import server
from tests.journeys.driver import PIN
from tests.mailserver import MemoryKeyring
from tests.services.test_server import SECRET, new_database, password_role

TAB, ENTER = Qt.Key.Key_Tab, Qt.Key.Key_Return
SERVER_CUSTOMERS = ("Helena do Servidor", "Caio da Loja Centro")


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def server_shop(tmp_path):
    """A shop set up on the cluster (its owner Ana Paula, two customers): (socket folder, database, role)."""
    from tests import postgres

    cluster = postgres.cluster()
    role = password_role(cluster)
    name = new_database(cluster)
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput
    from desktop_app.services.shop import shop, staff
    from desktop_app.services.shop.shop import ShopSettings
    from tests.conftest import TODAY

    shop.open_shop(resolve_paths(db=cluster.url(name), data_dir=tmp_path / "setup"), create=True)
    settings = shop.save_shop_settings(ShopSettings.for_country("Loja do Servidor", "BR"))
    owner = staff.create_first_owner("Ana Paula", PIN)
    for customer, phone in zip(SERVER_CUSTOMERS, ("(11) 97777-1111", "(11) 97777-2222"), strict=True):
        customers.create_customer(CustomerInput(name=customer, phone=phone), shop=settings, actor=owner, today=TODAY)
    close_database()
    yield str(cluster.socket), name, role
    close_database()


def test_first_run_connect_to_the_shops_server_wrong_then_right_password_then_its_login(
        journey, server_shop, memory_keyring, tmp_path):
    socket, name, role = server_shop
    j = journey(shop="new", on_file=True)

    def steps():
        first = yield j.dialog(FirstRunDialog)
        j.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Connect to the shop's &server…
        connect = yield j.dialog(ConnectDialog)
        yield j.focus_on(connect.host)
        j.type(socket)
        j.press(TAB)
        yield j.focus_on(connect.port)  # 5432 already
        j.press(TAB)
        j.type(name)
        j.press(TAB)
        j.type(role)
        j.press(TAB)
        yield j.focus_on(connect.password)
        j.type("not-the-password")
        j.press(ENTER)
        yield j.until(lambda: connect.error.isVisible() and "refused" in connect.error.text(),
                      "the wrong password said in the dialog")
        assert connect.isVisible() and first.isVisible()
        assert (connect.host.text(), connect.database.text(), connect.user.text()) == (socket, name, role)
        assert connect.password.hasFocus()
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type(SECRET)
        j.press(ENTER)
        login = yield j.dialog(LoginDialog)
        assert "Loja do Servidor" in login.windowTitle()  # the server shop's login
        window = yield j.log_in()
        assert window.paths.is_server and window.actor.name == "Ana Paula"
        model = window.customers.model
        yield j.until(lambda: model.rowCount() == len(SERVER_CUSTOMERS), "the server's two customers listed")
        shown = {model.index(row, column).data() for row in range(model.rowCount())
                 for column in range(model.columnCount())}
        assert set(SERVER_CUSTOMERS) <= shown
        assert SECRET not in window.db_label.text()

    j.play(steps())
    url = j.session.paths.public_url
    ini = (tmp_path / "server.ini").read_text(encoding="utf-8")
    assert url in ini and SECRET not in ini and "not-the-password" not in ini
    assert memory_keyring.store == {(server.SERVICE, server_parts(url).key): SECRET}
    log_file = j.session.paths.log_dir / "regua.log"
    for f in tmp_path.rglob("*"):  # no file this PC wrote holds the password
        if f.is_file() and f.suffix in (".ini", ".log", ".txt"):
            assert SECRET not in f.read_text(encoding="utf-8", errors="replace"), f
    assert not log_file.exists() or SECRET not in log_file.read_text(encoding="utf-8")
    assert resolve_paths(data_dir=tmp_path).is_server  # the next plain `regua` opens the server


def test_a_server_that_is_down_is_said_then_an_empty_database_is_set_up_as_the_shop(journey, memory_keyring, tmp_path):
    """A wrong host's "does not answer" in the dialog; then an empty server database: the dialog offers to set
    up the shop there (regua init on the URL), and the first-run screen asks for its owner."""
    from tests import postgres

    cluster = postgres.cluster()
    role = password_role(cluster)
    name = new_database(cluster)
    j = journey(shop="new", on_file=True)

    def steps():
        yield j.dialog(FirstRunDialog)
        j.press(Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
        connect = yield j.dialog(ConnectDialog)
        j.type(str(tmp_path / "no-server-here"))
        for text in (None, name, role, SECRET):
            j.press(TAB)
            if text:
                j.type(text)
        j.press(ENTER)
        yield j.until(lambda: connect.error.isVisible() and "does not answer" in connect.error.text(),
                      "the server that is down said in the dialog")
        assert connect.host.hasFocus()
        j.press(Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        j.type(str(cluster.socket))
        j.press(ENTER)
        yield j.until(lambda: connect.setup.isVisible(), "the offer to set up the shop on the server")
        assert name in connect.setup_note.text()
        yield j.focus_on(connect.shop_name)
        j.type("Loja Nova no Servidor")
        j.press(ENTER)  # Set up the shop here
        owner_form = yield j.until(lambda: next((w for w in _visible(FirstRunDialog) if w.isActiveWindow()
                                                 and w.name.text() == "Loja Nova no Servidor"), None),
                                   "the first-run screen for the server shop's owner")
        assert not owner_form.server_button.isVisible()  # this shop is finished where it was begun
        yield j.focus_on(owner_form.name)
        for widget in (owner_form.country, owner_form.timezone, owner_form.language, owner_form.owner_name):
            j.press(TAB)
            yield j.focus_on(widget)
        j.type("Rita Dona")
        j.press(TAB)
        j.type(PIN)
        j.press(TAB)
        j.type(PIN)
        j.press(ENTER)
        window = yield j.main_window()
        assert window.paths.is_server and window.actor.name == "Rita Dona"

    j.play(steps())
    from desktop_app.services.shop import shop

    close_database()
    shop.open_shop(j.session.paths, create=False)
    assert shop.shop_settings().name == "Loja Nova no Servidor"  # on the server
    assert SECRET not in (tmp_path / "server.ini").read_text(encoding="utf-8")


def _visible(cls):
    from PySide6.QtWidgets import QApplication

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
