"""Start the window: logging, translators, the database, the first-run screen, then the main window."""

from __future__ import annotations

import gc
import logging
import logging.handlers
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app import APP_NAME, __version__
from desktop_app.config import Paths, resources_dir
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import local_today
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.errors import install_excepthook, install_qt_message_handler, show_error
from desktop_app.gui.common.i18n import error_text, install_language, pick_language
from desktop_app.gui.common.tasks import TaskRunner, before_event_loop
from desktop_app.gui.shell.single_instance import SingleInstance
from desktop_app.services.customers import customers
from desktop_app.services.shop import demo, shop, staff
from desktop_app.services.shop.shop import ShopSettings

log = logging.getLogger("regua")
DEMO_CUSTOMERS = 3000


_log_handler: logging.Handler | None = None


def setup_logging(log_file: Path) -> None:
    """A rotating log file (1 MB x 5) in the data folder; never customer data beyond ids. Called again (the
    till connected to the shop's server), the log moves to that server's folder."""
    global _log_handler
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    if _log_handler is not None:
        root.removeHandler(_log_handler)
        _log_handler.close()
    root.addHandler(handler)
    _log_handler = handler
    root.setLevel(logging.INFO)


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    icon = resources_dir() / "icons" / "regua.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_or_explain(paths: Paths) -> bool:
    """Open and upgrade the database; a damaged, newer or locked file becomes a message, not a traceback."""
    try:
        result = shop.open_shop(paths, create=True)
    except ReguaError as exc:
        log.warning("cannot open %s: %s", paths.shown, exc.code)
        QMessageBox.critical(None, APP_NAME, error_text(exc))
        return False
    if result.backup is not None:
        log.info("database upgraded from %s to %s; backup at %s", result.from_version, result.to_version,
                 result.backup)
    return True


def run_gui(paths: Paths, *, demo_shop: bool = False) -> int:
    from desktop_app.gui.shell.server_start import open_or_fall_back
    from desktop_app.services.shop import server

    paths = server.ready(paths)  # a server's URL gets the keyring's password (in memory only)
    setup_logging(paths.log_file)
    log.info("Régua %s starting on %s", __version__, paths.shown)
    app = application()
    install_qt_message_handler()
    install_excepthook()
    install_language(pick_language(None))
    instance = SingleInstance.for_paths(paths)
    if not instance.acquire():
        log.info("already running on %s: asked it to come to the front", paths.shown)
        return 0
    with before_event_loop():  # no window yet and no event loop to freeze: the database opens here
        opened = open_or_fall_back(paths, open_or_explain)
        if opened is None:
            instance.release()
            return 1
        if opened != paths:  # the remembered server did not answer and she chose this PC's own shop
            instance.release()
            paths, instance = opened, SingleInstance.for_paths(opened)
            setup_logging(paths.log_file)
            if not instance.acquire():
                return 0
        if demo_shop and customers.count() == 0:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                demo.generate(DEMO_CUSTOMERS, today=local_today(demo.DEMO_SHOP.timezone))
            finally:
                QGuiApplication.restoreOverrideCursor()
    tasks = TaskRunner(app)
    tasks.unhandled.connect(lambda exc: show_error(QApplication.activeWindow(), exc))
    holder = {"instance": instance}

    def claim(new: Paths) -> bool:
        """The till connected to the shop's server: one window per shop per PC, and the log in its folder."""
        other = SingleInstance.for_paths(new)
        if not other.acquire():
            log.info("already running on %s: asked it to come to the front", new.shown)
            return False
        holder["instance"].release()
        holder["instance"] = other
        other.activated.connect(lambda: session.window is not None and _bring_to_front(session.window))
        setup_logging(new.log_file)
        log.info("connected to %s", new.shown)
        return True

    session = Session(paths, tasks, demo_shop=demo_shop, claim=claim)
    session.ended.connect(app.quit)
    instance.activated.connect(lambda: session.window is not None and _bring_to_front(session.window))
    session.start()
    code = app.exec()
    _shutdown(tasks)
    holder["instance"].release()
    log.info("Régua closed (%s)", code)
    return code


_frozen = False


def freeze_what_start_up_made() -> None:
    """Once per process, when the first window is open: the objects start-up made (modules, Qt's wrappers,
    the window) go to the collector's permanent generation. A full collection walks every object it tracks
    while holding Python's lock, and a lane's big job (an import's 50,000 records) triggers them: without
    the freeze, each also walked start-up's ~80,000 objects, 100-250 ms in which the window could not draw."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.freeze()


class Session(QObject):
    """The start of a session, without nested event loops: the first-run screen or the login, then the
    main window. `window_opened(window)` when it is up; `ended` when the user cancelled before that.

    The dialogs are opened with `open()` and answered through their `finished` signal, so the app's one
    event loop keeps running (the worker lane delivers, timers fire) and the journeys can drive them
    with real key presses exactly as a person does.
    """

    window_opened = Signal(object)
    ended = Signal()

    def __init__(self, paths: Paths, tasks: TaskRunner, *, demo_shop: bool = False,
                 today: Callable[[], date] | None = None, claim: Callable[[Paths], bool] | None = None,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.paths, self.tasks, self.demo_shop, self._today, self._claim = paths, tasks, demo_shop, today, claim
        self._now = now  # the clock of the window's timed send (tests give one: nothing depends on the hour)
        self.window = None
        self.dialog = None
        self.settings: ShopSettings | None = None
        self.cancelled = False

    def start(self) -> None:
        """Show the first-run screen or the login (closing the app's last window must not quit yet). Runs
        before the app's event loop: the shop's settings and who may log in are read here, on the main
        thread, as the database was opened."""
        QApplication.instance().setQuitOnLastWindowClosed(False)
        with before_event_loop():
            self._show(*_who_may_log_in())

    def _show(self, settings: ShopSettings | None, first_run: bool, accounts: list) -> None:
        self.settings = settings
        if settings is not None:
            install_language(pick_language(settings.language), settings.country)
        if first_run:
            from desktop_app.gui.shell.first_run import FirstRunDialog

            self.dialog = FirstRunDialog(pick_language(settings.language if settings else None), self.tasks,
                                         existing=settings, paths=None if self.paths.is_server else self.paths)
            self.dialog.finished.connect(lambda result: self._answered(result, self.dialog.owner))
        else:
            from desktop_app.gui.shell.login_dialog import LoginDialog

            self.dialog = LoginDialog(settings.name, self.tasks, accounts, demo_hint=self.demo_shop)
            self.dialog.finished.connect(lambda result: self._answered(result, self.dialog.actor))
        self.dialog.open()

    def _answered(self, result: int, actor: Actor | None) -> None:
        dialog, self.dialog = self.dialog, None
        dialog.deleteLater()
        reached = getattr(dialog, "reached", None)
        if result == getattr(dialog, "SERVER", None) and reached is not None:
            self.switch_to(reached.paths)
            return
        if not result or actor is None:
            self.cancelled = True
            QApplication.instance().setQuitOnLastWindowClosed(True)
            self.ended.emit()
            return
        self.open_window(actor, getattr(dialog, "settings", None) or self.settings)

    def switch_to(self, paths: Paths) -> None:
        """The till connected to the shop's server (its database is open on the lanes now): that shop's login,
        or, for a shop just set up there, its first-run screen for the owner."""
        if self._claim is not None and not self._claim(paths):
            self.cancelled = True
            QApplication.instance().setQuitOnLastWindowClosed(True)
            self.ended.emit()
            return
        self.paths = paths
        self.tasks.run(_who_may_log_in, lambda found: self._show(*found))

    def open_window(self, actor: Actor, settings: ShopSettings) -> None:
        """The main window for `actor`, with the shop's `settings` as read before (or just saved)."""
        from desktop_app.gui.shell.main_window import MainWindow
        from desktop_app.services.shop import till

        actor = till.at_this_till(actor, self.paths)  # this PC's name, as Settings may just have changed it
        self.settings = settings
        install_language(pick_language(settings.language), settings.country)
        today = self._today or (lambda: local_today(settings.timezone))
        self.window = MainWindow(self.paths, self.tasks, settings, actor, today, demo_shop=self.demo_shop,
                                 now=self._now)
        self.window.show()
        self.window.customers.reload()
        self.window.customers.search.setFocus()
        self.window.settings_changed.connect(self.reopen_window)
        QApplication.instance().setQuitOnLastWindowClosed(True)
        self.window_opened.emit(self.window)
        freeze_what_start_up_made()

    def reopen_window(self, settings: ShopSettings) -> None:
        """The owner changed the shop's settings: a new window, in the new language and with the new name,
        country and time zone in every view, replaces this one for the same person."""
        old = self.window
        QApplication.instance().setQuitOnLastWindowClosed(False)
        old.close()  # keeps its size and place for the new one
        for timer in old.findChildren(QTimer):
            timer.stop()
        self.open_window(old.actor, settings)
        self.window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Settings saved."), 8000)
        self._retire(old)

    def _retire(self, old) -> None:
        """Delete the old window once the worker lane has delivered what its views asked for."""
        if self.tasks.busy:
            QTimer.singleShot(200, lambda: self._retire(old))
        else:
            old.deleteLater()


def _who_may_log_in() -> tuple[ShopSettings | None, bool, list]:
    """The shop's settings, whether it still needs its first run (no shop, or no owner yet), and the accounts
    the login lists."""
    settings = shop.shop_settings()
    first_run = settings is None or staff.needs_owner()
    return settings, first_run, [] if first_run else staff.accounts()


def _bring_to_front(window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def _shutdown(tasks: TaskRunner) -> None:
    from desktop_app.db.database import close_database

    tasks.closed = True  # the window is gone: a job finishing now is logged, never answered with a dialog
    tasks.wait()
    tasks.close_connections(close_database)  # each lane's thread has its own connection
    close_database()
    QCoreApplication.processEvents()


def smoke_test(paths: Paths) -> int:
    """Open the main window on `paths` (offscreen in CI) as its owner, let it draw, and close: what the
    bundle check runs to prove that Qt, its plugins, the translations and the icon are all there."""
    app = application()
    if not install_language("pt_BR", "BR"):
        print("translations: NOT FOUND", file=sys.stderr)
        return 1
    if app.windowIcon().isNull():
        print("icon: NOT FOUND", file=sys.stderr)
        return 1
    with before_event_loop():
        if not open_or_explain(paths):
            return 1
        settings = shop.shop_settings()
    from desktop_app.domain.actors import OWNER
    from desktop_app.gui.shell.main_window import MainWindow

    tasks = TaskRunner(app)
    window = MainWindow(paths, tasks, settings, Actor(None, "smoke test", OWNER), lambda: local_today(settings.timezone))
    window.show()
    window.customers.reload()
    for _ in range(20):
        app.processEvents()
    ok = window.isVisible() and window.nav.count() >= 3
    window.close()
    _shutdown(tasks)
    print("gui ok" if ok else "gui: the window did not open", flush=True)
    return 0 if ok else 1
