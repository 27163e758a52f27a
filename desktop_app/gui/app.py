"""Start the window: logging, translators, the database, the first-run screen, then the main window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_NAME, __version__
from ..config import Paths, resources_dir
from ..domain.actors import Actor
from ..domain.dates import local_today
from ..domain.errors import ReguaError
from ..services import customers, demo, shop, staff
from .errors import install_excepthook, install_qt_message_handler, show_error
from .i18n import error_text, install_language, pick_language
from .single_instance import SingleInstance
from .tasks import TaskRunner

log = logging.getLogger("regua")
DEMO_CUSTOMERS = 3000


def setup_logging(log_file: Path) -> None:
    """A rotating log file (1 MB x 5) in the data folder; never customer data beyond ids."""
    log_file.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
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
        log.warning("cannot open %s: %s", paths.db_path, exc.code)
        QMessageBox.critical(None, APP_NAME, error_text(exc))
        return False
    if result.backup is not None:
        log.info("database upgraded from %s to %s; backup at %s", result.from_version, result.to_version,
                 result.backup)
    return True


def run_gui(paths: Paths, *, demo_shop: bool = False) -> int:
    setup_logging(paths.log_file)
    log.info("Régua %s starting on %s", __version__, paths.db_path)
    app = application()
    install_qt_message_handler()
    install_excepthook()
    install_language(pick_language(None))
    instance = SingleInstance(paths.db_path)
    if not instance.acquire():
        log.info("already running on %s: asked it to come to the front", paths.db_path)
        return 0
    if not open_or_explain(paths):
        instance.release()
        return 1
    settings = shop.shop_settings()
    if demo_shop and customers.count() == 0:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            demo.generate(DEMO_CUSTOMERS, today=local_today(demo.DEMO_SHOP.timezone))
        finally:
            QGuiApplication.restoreOverrideCursor()
        settings = shop.shop_settings()
    if settings is not None:
        install_language(pick_language(settings.language), settings.country)
    actor = start_session(settings, demo_shop=demo_shop)
    if actor is None:
        return 0
    settings = shop.shop_settings()
    install_language(pick_language(settings.language), settings.country)

    from .main_window import MainWindow

    tasks = TaskRunner(app)
    tasks.unhandled.connect(lambda exc: show_error(QApplication.activeWindow(), exc))
    window = MainWindow(paths, tasks, settings, actor, lambda: local_today(settings.timezone), demo_shop=demo_shop)
    window.show()
    window.customers.reload()
    window.customers.search.setFocus()
    instance.activated.connect(lambda: _bring_to_front(window))
    code = app.exec()
    _shutdown(tasks)
    instance.release()
    log.info("Régua closed (%s)", code)
    return code


def _bring_to_front(window) -> None:
    window.showNormal()
    window.raise_()
    window.activateWindow()


def start_session(settings, *, demo_shop: bool) -> Actor | None:
    """First run (the shop and its owner), or the login screen. None when the user cancels."""
    if settings is None or staff.needs_owner():
        from .first_run import FirstRunDialog

        dialog = FirstRunDialog(pick_language(settings.language if settings else None), existing=settings)
        return dialog.owner if dialog.exec() else None
    from .login_dialog import LoginDialog

    dialog = LoginDialog(settings.name, demo_hint=demo_shop)
    return dialog.actor if dialog.exec() else None


def _shutdown(tasks: TaskRunner) -> None:
    from ..db.database import close_database

    tasks.wait()
    tasks.run_blocking(close_database)  # the worker thread's own connection
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
    if not open_or_explain(paths):
        return 1
    settings = shop.shop_settings()
    from ..domain.actors import OWNER
    from .main_window import MainWindow

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
