"""The owner moves her shop to the shop's server by keyboard: Shop → Move the shop to a server…, the server's
fields by Tab, Enter moves (on the database lane, with a progress bar), and the dialog says what was copied
and how the other tills connect; the window stays on its file. A second move onto the same database is
refused in words, the dialog open."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.shop.move_dialog import MoveDialog
from tests import postgres
from tests.journeys.test_shop_dialogs_journey import open_from_menu, tab_to

ENTER, ESCAPE = Qt.Key.Key_Return, Qt.Key.Key_Escape


def test_owner_moves_the_shop_to_a_server_by_keyboard(journey):
    cluster = postgres.cluster()
    url = cluster.fresh(postgres.EMPTY_TEMPLATE)
    name = url.split("@/", 1)[1].split("?", 1)[0]
    j = journey(shop="counter", on_file=True)

    def steps():
        window = yield j.log_in()
        dialog = yield from open_from_menu(j, "&Shop", "Mo&ve the shop to a server…", MoveDialog)
        yield j.focus_on(dialog.host)
        j.press(ENTER)  # no database named yet: said in words, the field given the focus
        yield j.until(lambda: dialog.message.isVisible() and QApplication.focusWidget() is dialog.database,
                      "the missing database said")
        assert dialog.message.text() == QCoreApplication.translate("MoveDialog", "Fill in {field}.").format(
            field=QCoreApplication.translate("MoveDialog", "Database")) and not dialog.running
        j.type(name)
        yield from tab_to(j, dialog.host, back=True)
        j.press("Ctrl+A")
        j.type(str(cluster.socket))  # a folder: the server's Unix socket
        yield from tab_to(j, dialog.database)
        yield from tab_to(j, dialog.user)
        j.type(postgres.USER)
        j.press(ENTER)  # Move is the default button
        yield j.until(lambda: dialog.result_info is not None and not dialog.running and not j.tasks.busy,
                      "the move to finish")
        assert dialog.result_info.count("customer") == 3 and all(c.ok for c in dialog.result_info.checks)
        text = dialog.message.text()
        said = QCoreApplication.translate("MoveDialog", (
            "Moved: {customers} customers and {rows} rows in {tables} tables, every table checked. This window "
            "stays on the shop it opened, which is unchanged. To work on the server, open Régua on each till "
            "(this one too) and connect to the shop's server, or start it with: regua --db {url}"))
        assert text.startswith(said.split("{customers}")[0] + "3 "), text  # in the shop's language
        assert f"regua --db postgresql://{postgres.USER}@/{name}" in text
        assert QApplication.focusWidget() is dialog.close_button
        assert str(j.paths.db_path) in window.db_label.text()  # this window stays on its file
        j.press(ESCAPE)
        yield j.gone(dialog)

        again = yield from open_from_menu(j, "&Shop", "Mo&ve the shop to a server…", MoveDialog)
        yield j.focus_on(again.host)
        j.press("Ctrl+A")
        j.type(str(cluster.socket))
        yield from tab_to(j, again.database)
        j.type(name)
        yield from tab_to(j, again.user)
        j.type(postgres.USER)
        j.press(ENTER)
        refusal = QCoreApplication.translate("errors", (  # "already holds a shop", in the shop's language
            "{target} already holds a shop ({customers} customers): a shop is only moved into an empty database. "
            "Nothing was changed.")).split(" (")[0].replace("{target}", "").strip()
        yield j.until(lambda: again.message.isVisible() and not again.running and not j.tasks.busy
                      and refusal in again.message.text(), "the refusal")
        assert again.result_info is None and again.isVisible() and again.move_button.isEnabled()
        j.press(ESCAPE)
        yield j.gone(again)

    try:
        j.play(steps())
        with cluster.connect(name) as conn:
            assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 3
    finally:
        cluster.drop(url)

