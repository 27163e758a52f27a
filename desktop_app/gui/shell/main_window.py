"""The main window: navigation on the left (only sections that work), the section on the right."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.config import Paths
from desktop_app.domain.actors import Actor
from desktop_app.domain.permissions import allowed
from desktop_app.gui.cadence.cadence_setup import CadenceDialog
from desktop_app.gui.cadence.today_view import TodayView
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.live import follow_other_tills
from desktop_app.gui.common.server_status import ServerLine, above_line
from desktop_app.gui.common.tasks import NET, WORK, Changes, TaskRunner
from desktop_app.gui.customers.customers_view import CustomersView
from desktop_app.gui.customers.quick_log import QuickLogDialog
from desktop_app.gui.loyalty.loyalty_setup import LoyaltyReportDialog, ProgramsDialog
from desktop_app.gui.mail.mail_setup import MailAccountDialog
from desktop_app.gui.mail.messages_view import MessagesView
from desktop_app.gui.reports.reports_view import ReportsView
from desktop_app.gui.shell.login_dialog import LoginDialog, role_label
from desktop_app.gui.shop.backups_dialog import BackupsDialog
from desktop_app.gui.shop.settings_dialog import SettingsDialog
from desktop_app.gui.shop.staff_dialogs import AuditDialog, StaffDialog
from desktop_app.gui.spreadsheets.import_wizard import ImportHistoryDialog, ImportWizard
from desktop_app.services import work_jobs
from desktop_app.services.customers import privacy
from desktop_app.services.mail import mailer, sender
from desktop_app.services.shop import backups, staff
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets import exporter

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    settings_changed = Signal(object)  # the shop's settings were saved: the session reopens the window
    changed = Signal(object, object)  # (Changes, initiator) after every write: the open views follow

    def __init__(self, paths: Paths, tasks: TaskRunner, shop: ShopSettings, actor: Actor,
                 today: Callable[[], date], *, demo_shop: bool = False,
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.now = now  # the timed send's clock (UTC, aware); None: the computer's
        self.paths, self.tasks, self.shop, self.actor, self.today = paths, tasks, shop, actor, today
        self.demo_shop = demo_shop
        self.setWindowTitle(f"{shop.name} — {APP_NAME}")
        self.nav = QListWidget()
        self.nav.setFixedWidth(140)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        self.customers = CustomersView(tasks, shop, actor, today)
        self.today_view = TodayView(tasks, shop, actor, today)
        self._add_section(self.tr("Customers"), self.customers)
        self._add_section(self.tr("Today"), self.today_view)
        self.messages_view = MessagesView(tasks, shop, actor, today, paths)
        self._add_section(self.tr("Messages"), self.messages_view)
        self.messages_view.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.reports_view = ReportsView(tasks, shop, actor, today)
        self._add_section(self.tr("Reports"), self.reports_view)
        self.reports_view.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.reports_view.show_group.connect(self.open_group)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.currentRowChanged.connect(lambda _r: self._section_shown())
        self.nav.setCurrentRow(0)
        self.today_view.open_customer.connect(self.open_customer)
        self.today_view.status.connect(lambda text: self.statusBar().showMessage(text, 5000))

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.server_line = ServerLine(tasks)  # the shop's server does not answer: said here, above the status bar
        self.setCentralWidget(above_line(body, self.server_line))

        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        self.db_label = QLabel(paths.shown)  # a server: its URL without the password
        self.db_label.setStyleSheet("color: #666;")
        self.statusBar().addPermanentWidget(self.db_label)
        self.customers.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        tasks.changed.connect(self.changed)
        self._stop_following = follow_other_tills(tasks)  # a shop on a server: the other tills' work, live
        self.changed.connect(self._changes_made)
        self._build_menus()
        steps = self.customers.first_steps  # a new shop's first steps open the same dialogs as the menus
        steps.import_list.connect(self.import_customers)
        steps.set_up_mail.connect(self.mail_account)
        steps.set_up_loyalty.connect(self.loyalty_programs)
        steps.set_up_cadence.connect(self.cadence_settings)
        self.set_actor(actor)
        self._settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 720)
        split = self._settings.value("main/customers_splitter")
        if split is not None:
            self.customers.splitter.restoreState(split)
        self._day = self.today()
        # After the customer list's first query (the session asks for it once the window is up): on a big
        # shop the day's run takes seconds on the database lane, and the first rows must not wait for it.
        QTimer.singleShot(0, self, self.run_daily)
        self._send_timer = QTimer(self)
        self._send_timer.setInterval(2 * 60 * 1000)
        self._send_timer.timeout.connect(self.tick)
        self._send_timer.start()

    def _add_section(self, title: str, widget: QWidget) -> None:
        self.stack.addWidget(widget)
        QListWidgetItem(title, self.nav)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New customer"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.customers.new_customer)
        file_menu.addAction(new)
        find = QAction(self.tr("&Find customer"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        file_menu.addAction(find)
        quick = QAction(self.tr("&Quick log…"), self)
        quick.setShortcut(QKeySequence(Qt.Key.Key_F2))
        quick.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        quick.triggered.connect(self.quick_log)
        file_menu.addAction(quick)
        self.quick_action = quick
        file_menu.addSeparator()
        self.import_action = QAction(self.tr("&Import customers…"), self)
        self.import_action.triggered.connect(self.import_customers)
        file_menu.addAction(self.import_action)
        self.history_action = QAction(self.tr("Import &history…"), self)
        self.history_action.triggered.connect(self.import_history)
        file_menu.addAction(self.history_action)
        self.export_action = QAction(self.tr("&Export customers…"), self)
        self.export_action.triggered.connect(self.export_customers)
        file_menu.addAction(self.export_action)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.backups)
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        switch = QAction(self.tr("&Switch user…"), self)
        switch.setShortcut(QKeySequence("Ctrl+L"))
        switch.triggered.connect(self.switch_user)
        file_menu.addAction(switch)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.shop_menu = self.menuBar().addMenu(self.tr("&Shop"))
        self.settings_action = QAction(self.tr("S&ettings…"), self)
        self.settings_action.triggered.connect(self.shop_settings)
        self.shop_menu.addAction(self.settings_action)
        staff_action = QAction(self.tr("&Staff…"), self)
        staff_action.triggered.connect(lambda: StaffDialog(self.tasks, self.actor, self).exec())
        self.shop_menu.addAction(staff_action)
        audit_action = QAction(self.tr("&Audit log…"), self)
        audit_action.triggered.connect(lambda: AuditDialog(self.tasks, self.actor, self.shop, self).exec())
        self.shop_menu.addAction(audit_action)
        mail_action = QAction(self.tr("&Mail account…"), self)
        mail_action.triggered.connect(self.mail_account)
        self.shop_menu.addAction(mail_action)
        cadence_action = QAction(self.tr("Relationship &cadence…"), self)
        cadence_action.triggered.connect(self.cadence_settings)
        self.shop_menu.addAction(cadence_action)
        programs_action = QAction(self.tr("&Loyalty programs…"), self)
        programs_action.triggered.connect(self.loyalty_programs)
        self.shop_menu.addAction(programs_action)
        self.move_action = QAction(self.tr("Mo&ve the shop to a server…"), self)
        self.move_action.triggered.connect(self.move_to_server)
        self.shop_menu.addAction(self.move_action)
        self.reports_menu = self.menuBar().addMenu(self.tr("&Reports"))
        report_action = QAction(self.tr("&Loyalty: points owed…"), self)
        report_action.triggered.connect(self.loyalty_report)
        self.reports_menu.addAction(report_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        logs = QAction(self.tr("Open the &log folder"), self)
        logs.triggered.connect(lambda: self._open_folder(self.paths.log_dir))
        help_menu.addAction(logs)
        about = QAction(self.tr("&About Régua"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def set_actor(self, actor: Actor) -> None:
        """Who is at the keyboard; what they may open follows their role. The till stays this PC's."""
        actor = Actor(actor.staff_id, actor.name, actor.role, actor.till or self.actor.till)
        self.actor = actor
        self.customers.actor = actor
        self.today_view.actor = actor
        self.messages_view.set_actor(actor)
        self.reports_view.set_actor(actor)
        reports_item = self.nav.item(self.stack.indexOf(self.reports_view))
        reports_item.setHidden(not allowed(actor, "reports.view"))
        if reports_item.isHidden() and self.stack.currentWidget() is self.reports_view:
            self.nav.setCurrentRow(0)
        self.user_label.setText(self.tr("Logged in: {name} ({role})").format(name=actor.name,
                                                                           role=role_label(actor.role)))
        self.shop_menu.menuAction().setVisible(allowed(actor, "staff.manage"))
        self.reports_menu.menuAction().setVisible(allowed(actor, "loyalty.report"))
        self.customers.merge_button.setVisible(allowed(actor, "customer.merge"))
        self.customers.data_action.setVisible(allowed(actor, "export"))
        self.customers.erase_action.setVisible(allowed(actor, "customer.delete"))
        self.customers.campaign_button.setVisible(allowed(actor, "campaign.send"))
        self.customers.page.loyalty.adjust_button.setVisible(allowed(actor, "loyalty.adjust"))
        self.import_action.setVisible(allowed(actor, "customer.import"))
        self.history_action.setVisible(allowed(actor, "customer.import"))
        self.export_action.setVisible(allowed(actor, "export"))
        self.backups_action.setVisible(allowed(actor, "settings.change"))
        self.settings_action.setVisible(allowed(actor, "settings.change"))
        self.move_action.setVisible(allowed(actor, "settings.change"))
        self.customers.first_steps.set_actor(actor)

    def _changes_made(self, changes: Changes, initiator: object) -> None:
        """One write's changes reach every open view but the one that made it (which refreshed itself):
        each refreshes what shows that kind of data, and nothing else."""
        if initiator is not self.customers:
            if changes.touches("customers"):
                self.customers.reload()  # keeps the selected customer
            elif changes.touches("interactions", "loyalty"):
                self.customers.refresh_page()
        if initiator is not self.today_view and changes.touches("customers", "interactions", "loyalty", "outbox",
                                                                "cadence"):
            self.today_view.data_changed()
        if initiator is not self.messages_view and changes.touches("outbox", "settings"):
            self.messages_view.show_pause()

    def switch_user(self) -> None:
        self.tasks.run(staff.accounts, self._switch_user, lambda exc: show_error(self, exc))

    def _switch_user(self, accounts: list) -> None:
        dialog = LoginDialog(self.shop.name, self.tasks, accounts, demo_hint=self.demo_shop, current=self.actor,
                             parent=self)
        if dialog.exec() and dialog.actor is not None:
            self.set_actor(dialog.actor)
            self.statusBar().showMessage(self.tr("Hello, {name}.").format(name=dialog.actor.name), 4000)

    def import_customers(self) -> ImportWizard:
        wizard = ImportWizard(self.tasks, self.shop, self.actor, self.today, parent=self)
        wizard.finished.connect(lambda _r: self._after_import(wizard))
        wizard.open()
        return wizard

    def _after_import(self, wizard: ImportWizard) -> None:
        if wizard.batch is not None:
            self.customers.reload()
            self.statusBar().showMessage(self.tr("Import finished."), 5000)

    def import_history(self) -> None:
        ImportHistoryDialog(self.tasks, self.actor, self.shop, self).exec()  # an undo is a change: the list follows

    def export_customers(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export customers"), "clientes.xlsx",
                                              self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        if not name:
            return
        ids = self.customers.model.all_ids()
        actor, shop = self.actor, self.shop

        def done(count: int) -> None:
            self.statusBar().showMessage(self.tr("{n} customers exported to {file}.", "", count).format(
                n=count, file=name), 8000)

        self.tasks.run(lambda: exporter.export_customers(name, actor=actor, shop=shop, ids=ids), done,
                       lambda exc: show_error(self, exc))

    def loyalty_programs(self) -> ProgramsDialog:
        dialog = ProgramsDialog(self.tasks, self.shop, self.actor, self)
        dialog.finished.connect(lambda _r: self.customers.refresh_page())
        dialog.open()
        return dialog

    def loyalty_report(self) -> LoyaltyReportDialog:
        dialog = LoyaltyReportDialog(self.tasks, self.shop, self.actor, self.today, self)
        dialog.open()
        return dialog

    def backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.tasks, self.paths, self.actor, self.after_restore, self,
                               timezone=self.shop.timezone)
        dialog.open()
        return dialog

    def move_to_server(self) -> None:
        from desktop_app.gui.shop.move_dialog import MoveDialog  # the owner's, once in a shop's life

        MoveDialog(self.tasks, self.paths.target, self.actor, self).open()  # a file, or this till's server

    def after_restore(self) -> None:
        """The data under every view changed: show it afresh."""
        self.customers.reload()
        self.today_view.refresh()
        self.messages_view.show_pause()
        self.statusBar().showMessage(self.tr("The copy was restored."), 8000)

    def daily_backup(self) -> None:
        """The day's automatic copy (once a day, rotating) and, when the owner set a retention rule, the
        anonymisation of customers inactive for longer; on the worker lane."""
        paths, today, shop = self.paths, self.today(), self.shop

        def retention() -> int:
            if privacy.retention_years():
                from desktop_app.domain.actors import OWNER, Actor
                from desktop_app.domain.dates import utc_now

                return privacy.apply_retention(today, actor=Actor(None, "Régua", OWNER), shop=shop, now=utc_now())
            return 0

        def copied(_made) -> None:  # the anonymisation writes: on the database lane, after the copy
            # The list reads its 100,000 ids again only when someone was anonymised.
            self.tasks.write(retention, lambda anonymised: Changes(customers=anonymised > 0), None,
                             lambda exc: log.warning("retention failed: %s", exc))

        # The copy reads through a connection of its own on the network lane, so that the first rows of
        # the customer list (and every search) need not wait the many seconds it takes on a big shop.
        self.tasks.run(lambda: backups.automatic(paths, today), copied,
                       lambda exc: log.warning("daily backup failed: %s", exc), lane=NET)

    def mail_account(self) -> MailAccountDialog:
        dialog = MailAccountDialog(self.tasks, self.shop, self.actor, self)  # its save tells the views
        dialog.open()
        return dialog

    def _section_shown(self) -> None:
        if self.stack.currentWidget() is self.messages_view:
            self.messages_view.reload()
        elif self.stack.currentWidget() is self.reports_view:
            self.reports_view.ensure_loaded()

    def open_group(self, kind: str, key: str) -> None:
        """From a report to the customers in a segment or stage (to look at them, or message them)."""
        self.nav.setCurrentRow(self.stack.indexOf(self.customers))
        self.customers.filter_group(kind, key)

    def tick(self) -> None:
        """Every two minutes: a new day (the app stayed open past midnight) gets its daily run first."""
        if self.today() != self._day:
            self._day = self.today()
            self.run_daily()
        self.send_due_quietly()

    def send_due_quietly(self) -> None:
        """The timer's send: within the send window, when an account is set up and sending is not paused.
        The OS scheduler's `regua send-due` runs the same function; the outbox keeps them from sending
        the same message twice."""
        from datetime import UTC, datetime

        from desktop_app.domain.dates import zone

        if self.tasks.busy_on(NET):
            return  # a send (or a scheduler command) is still on the network lane
        today, shop = self.today(), self.shop
        local_now = (self.now() if self.now is not None else datetime.now(UTC)).astimezone(zone(shop.timezone))

        def job() -> dict[str, int]:  # the settings reads happen on the worker lane too
            if mailer.account() is None or sender.paused():
                return {}
            return sender.scheduled_send(today, shop=shop, local_now=local_now, plan=False, wait_for_rate=False)

        def failed(exc: BaseException) -> None:
            log.warning("sending the due e-mails failed: %s", exc)
            self.messages_view.show_pause()

        self.tasks.write(job, Changes(outbox=True), None, failed, lane=NET)

    def shop_settings(self) -> SettingsDialog:
        dialog = SettingsDialog(self.tasks, self.shop, self.actor, self, paths=self.paths)  # paths: this till's name
        dialog.saved.connect(self.settings_changed.emit)
        dialog.open()
        return dialog

    def cadence_settings(self) -> CadenceDialog:
        dialog = CadenceDialog(self.tasks, self.shop, self.actor, self.today, self)  # its save tells the views
        dialog.open()
        return dialog

    def run_daily(self) -> None:
        """Expire what is due and give the day's birthday bonuses (also done by the command line), then
        plan the day's régua (the loyalty events it reads come from the ledger just brought up to date)."""
        today, rule = self.today(), self.shop.feb29_rule
        self.tasks.run(lambda: self.tasks.child(WORK).call(work_jobs.run_daily, today, rule), None,
                       lambda exc: log.warning("daily loyalty run failed: %s", exc), lane=WORK)
        self.today_view.refresh()
        self.daily_backup()

    def open_customer(self, customer_id: int) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(self.customers))
        self.customers.show_customer(customer_id)

    def quick_log(self) -> QuickLogDialog:
        dialog = QuickLogDialog(self.tasks, self.shop, self.actor, self.today, parent=self)
        dialog.logged.connect(self._logged)  # what it wrote reaches the views through the change signal
        dialog.open()
        return dialog

    def _logged(self, customer_id: int, points: str) -> None:
        self.open_customer(customer_id)
        message = self.tr("Logged.")
        self.statusBar().showMessage(f"{message} {points}".strip(), 8000)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(self.customers))
        self.customers.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.customers.search.selectAll()

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Régua"), self.tr(
            "Régua {version}\nA customer relationship manager for small shops.\n\nDatabase: {db}").format(
                version=__version__, db=self.paths.shown))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        with contextlib.suppress(RuntimeError, TypeError):
            self.tasks.changed.disconnect(self.changed)  # a replaced window no longer follows changes
        if self._stop_following is not None:
            self._stop_following()
        self.server_line.detach()
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/customers_splitter", self.customers.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
