"""Take the README's screenshots of the real windows on a demo shop, in English and Portuguese.

    uv run python ui/screenshots.py            # writes resources/screenshots/*.png
    uv run python ui/screenshots.py new-shop   # only a new shop's first steps and its settings

Runs on the offscreen platform, so it works on a machine without a display.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.config import resolve_paths  # noqa: E402
from desktop_app.db.database import close_database  # noqa: E402
from desktop_app.domain.dates import local_today  # noqa: E402
from desktop_app.gui.common.i18n import install_language  # noqa: E402
from desktop_app.gui.common.tasks import TaskRunner  # noqa: E402
from desktop_app.gui.customers.customer_dialog import CustomerDialog  # noqa: E402
from desktop_app.gui.shell.app import application, open_or_explain  # noqa: E402
from desktop_app.gui.shell.login_dialog import LoginDialog  # noqa: E402
from desktop_app.gui.shell.main_window import MainWindow  # noqa: E402
from desktop_app.services.customers import customers, interactions  # noqa: E402
from desktop_app.services.customers.interactions import LogEntry  # noqa: E402
from desktop_app.services.loyalty import programs, reports  # noqa: E402
from desktop_app.services.shop import demo, shop, staff  # noqa: E402

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
    login = LoginDialog(settings.name, tasks, staff.accounts(), demo_hint=True)
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
    dialog = CustomerDialog(window.tasks, settings, owner, lambda: today, parent=window)
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
    shoot_import(window, language, db.parent)
    shoot_loyalty(window, language, today)
    shoot_cadence(window, language)
    window.close()
    tasks.wait()
    tasks.run_blocking(close_database)
    close_database()


def messy_sheet(folder: Path) -> Path:
    """A sheet as owners keep them: a title, a date line, mixed dates, a bad e-mail, a totals row."""
    from datetime import datetime

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Clientes"
    for row in (["Clientes — Ateliê Flor de Lis"], ["Atualizada em 03/11/2026"], [],
                ["Nome completo", "Celular", "E-mail", "Aniversário", "Cidade", "Última compra", "Total gasto",
                 "Aceita receber e-mails"],
                ["Helena Martins", "(11) 98123-4567", "helena.martins@gmail.com", datetime(1988, 5, 4), "São Paulo",
                 "12/10/2026", "1.249,90", "Sim"],
                ["Otávio Ribeiro", "11 97654-3210", "otavio@", "15/03", "Santos", "03/09/2026", "389,00", "não"],
                ["Priscila Nunes", "123", "pri.nunes@hotmail.com", "31/02/1990", "Campinas", "", "", "talvez"],
                ["", "(11) 95555-0000", "", "", "", "", "", ""],
                ["Rosângela Dias", "21 99876-1234", "rosangela@uol.com.br", "0000-07-09", "Niterói", "45930", "",
                 "Sim"],
                ["Total", "", "", "", "", "", "1.638,90", ""]):
        ws.append(row)
    path = folder / "clientes-antigos.xlsx"
    wb.save(path)
    return path


def shoot_import(window: MainWindow, language: str, folder: Path) -> None:
    wizard = window.import_customers()
    wizard.resize(900, 560)
    wizard.file_page.path.setText(str(messy_sheet(folder)))
    wizard.next()
    spin(800)
    wizard.next()
    spin(300)
    wizard.grab().save(str(OUT / f"import_mapping_{language}.png"))
    wizard.next()
    spin(1200)
    wizard.grab().save(str(OUT / f"import_preview_{language}.png"))
    wizard.reject()


def shoot_loyalty(window: MainWindow, language: str, today) -> None:
    """A regular with points to spend, points about to expire and a tier; the setup and the report."""
    club = programs.programs()[0]
    accounts = reports.balances_and_tiers(club, today)
    best = max(accounts, key=lambda cid: (accounts[cid][1], accounts[cid][0]))
    window.customers.show_customer(best)
    spin(900)
    window.grab().save(str(OUT / f"loyalty_panel_{language}.png"))
    redeem = window.customers.actions.redeem()
    if redeem is not None:
        spin(200)
        redeem.grab().save(str(OUT / f"loyalty_redeem_{language}.png"))
        redeem.reject()
    setup = window.loyalty_programs()
    spin(300)
    setup.grab().save(str(OUT / f"loyalty_programs_{language}.png"))
    setup.reject()
    report = window.loyalty_report()
    spin(1500)
    report.grab().save(str(OUT / f"loyalty_report_{language}.png"))
    report.reject()


def shoot_cadence(window: MainWindow, language: str) -> None:
    """The Today screen on a call (the message staff can read out), the week ahead, and the settings."""
    window.nav.setCurrentRow(window.stack.indexOf(window.today_view))
    view = window.today_view
    view.refresh()
    spin(1500)
    for i in range(view.tree.topLevelItemCount()):
        group = view.tree.topLevelItem(i)
        if group.childCount() and view.items[group.child(0).data(0, Qt.ItemDataRole.UserRole)].channel == "whatsapp":
            view.tree.setCurrentItem(group.child(0))
            break
    spin(300)
    window.grab().save(str(OUT / f"today_{language}.png"))
    view.tabs.setCurrentIndex(1)
    spin(1500)
    window.grab().save(str(OUT / f"today_week_{language}.png"))
    view.tabs.setCurrentIndex(0)
    settings = window.cadence_settings()
    spin(1500)
    settings.grab().save(str(OUT / f"cadence_settings_{language}.png"))
    editor = settings.edit_message("birthday")
    editor.search.setText("ana")
    spin(800)
    editor.found.setCurrentRow(0)
    spin(400)
    editor.grab().save(str(OUT / f"message_editor_{language}.png"))
    editor.reject()
    settings.reject()
    shoot_mail(window, language)


def shoot_mail(window: MainWindow, language: str) -> None:
    """The mail account with a failed test (nothing listens on that port), and the Messages screen."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    dialog = window.mail_account()
    dialog.preset.setCurrentIndex(dialog.preset.findData("gmail"))
    dialog.host.setText("127.0.0.1")
    dialog.port.setValue(free)
    dialog.user.setText("atelie.flordelis@gmail.com")
    dialog.from_addr.setText("atelie.flordelis@gmail.com")
    dialog.password.setText("senha-de-app")
    dialog.test()
    spin(1500)
    dialog.grab().save(str(OUT / f"mail_account_{language}.png"))
    dialog.reject()
    window.nav.setCurrentRow(window.stack.indexOf(window.messages_view))
    spin(1200)
    window.grab().save(str(OUT / f"messages_{language}.png"))
    shoot_reports(window, language)


def shoot_reports(window: MainWindow, language: str) -> None:
    """The Reports section: the overview, the segments, and what the régua brought back."""
    window.nav.setCurrentRow(window.stack.indexOf(window.reports_view))
    view = window.reports_view
    wait_for_reports(view)
    window.grab().save(str(OUT / f"reports_{language}.png"))
    for tab, name in enumerate(("segments", "cadence", "service"), start=1):
        view.tabs.setCurrentIndex(tab)
        spin(300)
        window.grab().save(str(OUT / f"reports_{name}_{language}.png"))
    view.tabs.setCurrentIndex(0)
    if language == "pt_BR":  # the charts follow a dark palette too
        app = QApplication.instance()
        light, style = app.palette(), app.style().name()
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        dark = MainWindow(window.paths, window.tasks, window.shop, window.actor, window.today, demo_shop=True)
        dark.resize(1280, 760)
        dark.show()
        dark.nav.setCurrentRow(dark.stack.indexOf(dark.reports_view))
        wait_for_reports(dark.reports_view)
        dark.grab().save(str(OUT / "reports_dark_pt_BR.png"))
        dark.close()
        app.setStyle(style)
        app.setPalette(light)


def wait_for_reports(view) -> None:
    for _ in range(60):
        spin(250)
        if (view.data is not None and view.data.segments_on == view.today() and view.cadence_table.rowCount()
                and view.service_table.rowCount()):
            break
    spin(300)


def dark_palette():
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#eeeeee"),
                        (QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#eeeeee"),
                        (QPalette.ColorRole.Button, "#3a3a3a"), (QPalette.ColorRole.ButtonText, "#eeeeee"),
                        (QPalette.ColorRole.AlternateBase, "#333333"), (QPalette.ColorRole.Mid, "#999999")):
        palette.setColor(role, QColor(color))
    return palette


def shoot_new_shop(folder: Path, app: QApplication) -> None:
    """A new, empty shop: its first steps, and Shop → Settings, in each of the three languages."""
    from desktop_app.services.shop.shop import ShopSettings

    for language, country in (("en", "GB"), ("pt_BR", "BR"), ("pt_PT", "PT")):
        paths = resolve_paths(db=folder / f"new-{language}.db")
        shop.open_shop(paths)
        settings = replace(ShopSettings.for_country("Ateliê Flor de Lis", country), language=language)
        settings = shop.save_shop_settings(settings)
        owner = staff.create_first_owner("Ana Paula", "1234")
        install_language(language, country)
        tasks = TaskRunner(app)
        today = local_today(settings.timezone)
        window = MainWindow(paths, tasks, settings, owner, lambda day=today: day)
        window.resize(1280, 760)
        window.show()
        window.customers.reload()
        spin(800)
        window.grab().save(str(OUT / f"first_steps_{language}.png"))
        dialog = window.shop_settings()
        spin(300)
        dialog.grab().save(str(OUT / f"settings_{language}.png"))
        dialog.reject()
        window.close()
        tasks.wait()
        tasks.run_blocking(close_database)
        close_database()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shoot_new_shop(folder, app)
        if sys.argv[1:] == ["new-shop"]:  # only these: quick, and no demo shop to make
            print(f"screenshots in {OUT}")
            return
        shop.open_shop(resolve_paths(db=folder / "demo.db"))
        demo.generate(3000, today=local_today(demo.DEMO_SHOP.timezone))
        close_database()
        for language in ("en", "pt_BR"):
            shutil.copy(folder / "demo.db", folder / f"demo-{language}.db")
            shoot(language, folder / f"demo-{language}.db", app)
    print(f"screenshots in {OUT}")


if __name__ == "__main__":
    main()
