"""Take the README's screenshots of the real windows on a demo shop, in English and Portuguese.

    uv run python ui/screenshots.py            # writes resources/screenshots/*.png

Runs on the offscreen platform, so it works on a machine without a display.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.config import resolve_paths  # noqa: E402
from desktop_app.db.database import close_database  # noqa: E402
from desktop_app.domain.dates import local_today  # noqa: E402
from desktop_app.gui.app import application, open_or_explain  # noqa: E402
from desktop_app.gui.customer_dialog import CustomerDialog  # noqa: E402
from desktop_app.gui.i18n import install_language  # noqa: E402
from desktop_app.gui.login_dialog import LoginDialog  # noqa: E402
from desktop_app.gui.main_window import MainWindow  # noqa: E402
from desktop_app.gui.tasks import TaskRunner  # noqa: E402
from desktop_app.services import customers, demo, interactions, shop, staff  # noqa: E402
from desktop_app.services.interactions import LogEntry  # noqa: E402

OUT = ROOT / "resources" / "screenshots"


def spin(ms: int) -> None:
    """Run the real event loop (QTest.qWait would starve the worker thread of the GIL)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(language: str, db: Path, app: QApplication) -> None:
    install_language(language, "BR")
    paths = resolve_paths(db=db)
    open_or_explain(paths)
    settings = shop.shop_settings()
    tasks = TaskRunner(app)
    login = LoginDialog(settings.name, demo_hint=True)
    login.pin.setText("••••")
    login.show()
    spin(100)
    login.grab().save(str(OUT / f"login_{language}.png"))
    login.close()
    owner = staff.log_in(staff.accounts()[0].id, staff.DEMO_PIN)
    bruno = next(m for m in staff.accounts() if m.name.startswith("Bruno"))
    counter = staff.log_in(bruno.id, staff.DEMO_PIN)
    today = local_today(settings.timezone)
    window = MainWindow(paths, tasks, settings, owner, lambda: today, demo_shop=True)
    window.resize(1280, 760)
    window.show()
    window.customers.reload()
    spin(800)
    window.customers.table.selectRow(3)
    spin(500)
    window.grab().save(str(OUT / f"main_window_{language}.png"))
    window.customers.search.setText("silva 98")
    spin(800)
    window.grab().save(str(OUT / f"search_{language}.png"))
    # A customer with an open complaint and an open quote, as the counter sees her.
    target = customers.search("fernanda", limit=1)[0]
    for entry in (LogEntry(kind="quote", amount="890", note="Vestido de festa sob medida"),
                  LogEntry(kind="complaint", note="Zíper quebrou na primeira semana")):
        interactions.log_interaction(target, entry, actor=counter, shop=settings, today=today)
    window.customers.search.setText("fernanda")
    spin(600)
    window.customers.show_customer(target)
    spin(600)
    window.grab().save(str(OUT / f"timeline_open_{language}.png"))
    quick = window.quick_log()
    quick.search.setText("fernanda")
    spin(400)
    quick.choose(target)
    quick.kind.setCurrentIndex(quick.kind.findData("purchase"))
    quick.amount.setText("890,00")
    quick.closes.item(0).setCheckState(Qt.CheckState.Checked) if quick.closes.count() else None
    spin(200)
    quick.grab().save(str(OUT / f"quick_log_{language}.png"))
    quick.reject()
    dialog = CustomerDialog(settings, owner, lambda: today, parent=window)
    dialog.ui.name.setText("Juliana Mendes")
    dialog.ui.email.setText("juliana.mendes@gmail")
    dialog.ui.phone.setText("11 98765")
    dialog.ui.birthday.setText("31/02")
    dialog.ui.consent_email.setChecked(True)
    dialog.show()
    dialog.save()
    spin(200)
    dialog.grab().save(str(OUT / f"customer_dialog_error_{language}.png"))
    dialog.close()
    window.close()
    tasks.wait()
    tasks.run_blocking(close_database)
    close_database()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shop.open_shop(resolve_paths(db=folder / "demo.db"))
        demo.generate(3000, today=local_today(demo.DEMO_SHOP.timezone))
        close_database()
        for language in ("en", "pt_BR"):
            shutil.copy(folder / "demo.db", folder / f"demo-{language}.db")
            shoot(language, folder / f"demo-{language}.db", app)
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
