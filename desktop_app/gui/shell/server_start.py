"""Starting on the shop's server: when it does not answer (down, the network gone, a password changed), the
till is told in plain words and may try again, open this PC's own shop instead (the way back to the file:
its first-run screen or login), or close. Nothing is changed by a failed try."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from desktop_app import APP_NAME
from desktop_app.config import Paths, local_paths, pc_data_dir
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.i18n import error_text
from desktop_app.services.shop import shop

log = logging.getLogger("regua")


def open_or_fall_back(paths: Paths, open_file: Callable[[Paths], bool],
                      ask: Callable[[ReguaError], str] | None = None) -> Paths | None:
    """The paths that were opened (`paths`, or this PC's own file), or None when she closed. Runs before the
    event loop, as the file's own opening does."""
    if not paths.is_server:
        return paths if open_file(paths) else None
    ask = ask or _ask
    while True:
        try:
            shop.open_shop(paths, create=True)
            return paths
        except ReguaError as exc:
            log.warning("cannot open %s: %s", paths.shown, exc.code)
            answer = ask(exc)
        if answer == "local":
            local = local_paths(pc_data_dir(paths))
            return local if open_file(local) else None
        if answer != "retry":
            return None


def _ask(exc: ReguaError) -> str:
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, error_text(exc))
    box.setInformativeText(QCoreApplication.translate(
        "ServerStart", "You can try again, or open this computer's own shop instead: it is a separate shop, "
                       "and what is done there does not reach the server (the server is tried again the next "
                       "time Régua starts)."))
    retry = box.addButton(QCoreApplication.translate("ServerStart", "&Try again"), QMessageBox.ButtonRole.AcceptRole)
    local = box.addButton(QCoreApplication.translate("ServerStart", "Open this computer's &own shop"),
                          QMessageBox.ButtonRole.ActionRole)
    box.addButton(QCoreApplication.translate("ServerStart", "&Close"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    return "retry" if clicked is retry else "local" if clicked is local else "close"
