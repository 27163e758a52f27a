"""The Today screen: who the shop should contact today and why, grouped by step, with the channel's action
one click away (send the WhatsApp with the message written, mark a call done with its outcome, skip), and
the next 7 days of the régua, where anything can be skipped before it is due."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import cadence as c
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import local_datetime
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.permissions import allowed
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text, format_date, format_datetime_local, kind_label
from desktop_app.gui.common.tasks import NET, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.services.cadence import actions, compose, planner
from desktop_app.services.cadence.outbox import DueItem
from desktop_app.services.cadence.rules import get_rules
from desktop_app.services.customers.normalize import format_phone
from desktop_app.services.mail import scheduler, sender
from desktop_app.services.shop.shop import ShopSettings

STEP_LABELS = {
    c.SIGNUP: QT_TRANSLATE_NOOP("cadence", "Signup confirmation"),
    c.WELCOME: QT_TRANSLATE_NOOP("cadence", "Welcome"),
    c.UNFINISHED: QT_TRANSLATE_NOOP("cadence", "Unfinished purchase"),
    c.POST_SALE: QT_TRANSLATE_NOOP("cadence", "After the sale"),
    c.BIRTHDAY: QT_TRANSLATE_NOOP("cadence", "Birthday"),
    c.REACTIVATION: QT_TRANSLATE_NOOP("cadence", "We miss you"),
    c.REWARD_REACHED: QT_TRANSLATE_NOOP("cadence", "Reward reached"),
    c.POINTS_EXPIRING: QT_TRANSLATE_NOOP("cadence", "Points expiring"),
}
CHANNEL_LABELS = {
    c.EMAIL: QT_TRANSLATE_NOOP("cadence", "E-mail"),
    c.WHATSAPP: QT_TRANSLATE_NOOP("cadence", "WhatsApp"),
    c.TASK: QT_TRANSLATE_NOOP("cadence", "Call (staff task)"),
}
ID_ROLE = Qt.ItemDataRole.UserRole


def tr(text: str) -> str:
    return QCoreApplication.translate("cadence", text)


def step_label(step: str) -> str:
    return tr(STEP_LABELS.get(step, step))


def channel_label(channel: str) -> str:
    return tr(CHANNEL_LABELS.get(channel, channel))


def why(item: DueItem) -> str:
    """Why this customer is on the list, in a few words."""
    def day(text: str) -> str:
        return format_date(date.fromisoformat(text)) if text else ""

    if item.step in (c.SIGNUP, c.WELCOME):
        return QCoreApplication.translate("cadence", "Signed up on {date}").format(date=day(item.detail))
    if item.step == c.BIRTHDAY:
        return QCoreApplication.translate("cadence", "Birthday on {date}").format(date=day(item.detail))
    if item.step == c.POST_SALE:
        return QCoreApplication.translate("cadence", "Bought on {date}").format(date=day(item.detail))
    if item.step == c.REACTIVATION:
        return QCoreApplication.translate("cadence", "Last came on {date}").format(date=day(item.detail))
    if item.step == c.UNFINISHED:
        return QCoreApplication.translate("cadence", "Follow-up: {kind}").format(kind=kind_label(item.detail))
    if item.step == c.REWARD_REACHED:
        return QCoreApplication.translate("cadence", "Reached a reward on {date}").format(date=day(item.detail))
    if item.step == c.POINTS_EXPIRING and "|" in item.detail:
        points, on = item.detail.split("|", 1)
        return QCoreApplication.translate("cadence", "{points} points expire on {date}", "",
                                          int(points) if points.isdigit() else 2).format(points=points, date=day(on))
    return ""


class OutcomeDialog(QDialog):
    """What came of a call: one line, required."""

    def __init__(self, item: DueItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call done"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What came of the call with {name}?").format(name=item.customer)))
        self.outcome = QLineEdit()
        self.outcome.setPlaceholderText(self.tr("e.g. will come on Saturday; did not answer"))
        self.outcome.setMaxLength(actions.MAX_OUTCOME)
        layout.addWidget(self.outcome)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_means(buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.resize(420, self.sizeHint().height())

    def _accept(self) -> None:
        if not self.outcome.text().strip():
            self.error.setText(error_text(ReguaError("outcome_required")))
            self.error.show()
            return
        self.accept()


class TodayView(QWidget):
    open_customer = Signal(int)
    status = Signal(str)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.items: dict[int, DueItem] = {}
        self.coming: list[DueItem] = []
        self._planned_for: date | None = None
        self._stale = False  # something changed while Today was not on screen
        self.rules: c.CadenceRules | None = None  # the régua's texts, read on the lane with each refresh
        self._select_next: list[int] = []  # after an action: the items to land on, nearest first
        self.no_browser: QMessageBox | None = None

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #555;")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Customer"), self.tr("Channel"), self.tr("Why")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setUniformRowHeights(True)
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.tree.itemDoubleClicked.connect(lambda *_: self.primary_action())
        self.empty = QLabel(self.tr("Nothing to do today. The régua will tell you when someone needs a message."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.who = QLabel()
        self.who.setWordWrap(True)
        self.who.setTextFormat(Qt.TextFormat.RichText)
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(180)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.error = error_label()
        self.whatsapp_button = QPushButton(self.tr("Send on WhatsApp"))
        self.whatsapp_button.setToolTip(self.tr("Opens WhatsApp with the message written and notes it as sent"))
        self.whatsapp_button.clicked.connect(self.send_whatsapp)
        self.email_button = QPushButton(self.tr("Send e-mail now"))
        self.email_button.clicked.connect(self.send_email)
        self.done_button = QPushButton(self.tr("Call done…"))
        self.done_button.clicked.connect(self.task_done)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.clicked.connect(self.approve)
        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.clicked.connect(self.skip)
        self.customer_button = QPushButton(self.tr("Open customer"))
        self.customer_button.clicked.connect(self._open_customer)
        buttons = QHBoxLayout()
        for b in (self.whatsapp_button, self.email_button, self.done_button, self.approve_button, self.skip_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.customer_button)
        detail = QWidget()
        dl = QVBoxLayout(detail)
        dl.setContentsMargins(8, 0, 0, 0)
        dl.addWidget(self.who)
        dl.addWidget(QLabel(self.tr("Message:")))
        dl.addWidget(self.message)
        dl.addWidget(self.note)
        dl.addWidget(self.error)
        dl.addLayout(buttons)
        dl.addStretch(1)

        today_tab = QWidget()
        tl = QVBoxLayout(today_tab)
        tl.setContentsMargins(0, 0, 0, 0)
        split = QSplitter()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.tree)
        ll.addWidget(self.empty)
        split.addWidget(left)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([660, 440])
        tl.addWidget(split)

        self.week = QTreeWidget()
        self.week.setHeaderLabels([self.tr("Day"), self.tr("Step"), self.tr("Customer"), self.tr("Channel"),
                                   self.tr("Why")])
        self.week.setRootIsDecorated(False)
        self.week.setUniformRowHeights(True)
        self.week.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        for col in range(4):
            self.week.header().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.week_skip = QPushButton(self.tr("Skip the selected"))
        self.week_skip.clicked.connect(self.skip_coming)
        week_tab = QWidget()
        wl = QVBoxLayout(week_tab)
        wl.setContentsMargins(0, 0, 0, 0)
        wl.addWidget(self.week, 1)
        row = QHBoxLayout()
        self.week_note = QLabel()
        self.week_note.setStyleSheet("color: #555;")
        row.addWidget(self.week_note, 1)
        row.addWidget(self.week_skip)
        wl.addLayout(row)

        self.tabs = QTabWidget()
        self.tabs.addTab(today_tab, self.tr("Today"))
        self.tabs.addTab(week_tab, self.tr("Next 7 days"))
        self.tabs.currentChanged.connect(lambda i: self.load_week() if i == 1 else None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.tree, self.skip)
        self._day_timer = QTimer(self)  # a new day while the app stays open: plan it
        self._day_timer.setInterval(10 * 60 * 1000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._show_current()

    # --- loading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Plan today (once per occasion, whatever ran before) and list what waits."""
        today, shop = self.today(), self.shop

        def work():
            result = planner.plan(today, shop=shop)
            scheduled = scheduler.last_run() if scheduler.registered() is not None else False
            return result, planner.today_items(today), get_rules(shop), scheduled

        self.tasks.run(work, lambda r: self._loaded(today, *r), lambda exc: show_error(self, exc))

    def data_changed(self) -> None:
        """A customer was created or an entry logged elsewhere in the window: list today afresh (now if
        Today is on screen, else when it is shown), keeping the selection."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def _check_day(self) -> None:
        if self._planned_for is not None and self.today() != self._planned_for:
            self.refresh()

    def _loaded(self, today: date, result: planner.PlanResult, items: list[DueItem], rules: c.CadenceRules,
                scheduled: datetime | None | bool) -> None:
        """`scheduled`: False when the OS scheduler does not send for the shop, else its last run (or None)."""
        self._planned_for = today
        self.rules = rules  # the texts the messages are written from, read with the list
        self._stale = False
        self.title.setText(self.tr("Today, {date}").format(
            date=QLocale().toString(_qdate(today), QLocale.FormatType.LongFormat)))
        wanted = self._select_next or [self._current()]
        self._select_next = []
        self.items = {i.outbox_id: i for i in items}
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for step in sorted({i.step for i in items}, key=lambda s: c.PRIORITY[s]):
            group = QTreeWidgetItem(self.tree)
            count = sum(1 for i in items if i.step == step)
            group.setText(0, f"{step_label(step)} ({count})")
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[step] = group
        select = None
        nodes: dict[int, QTreeWidgetItem] = {}
        for i in items:
            node = QTreeWidgetItem(groups[i.step])
            held = self.tr(" (awaiting approval)") if i.status == c.HELD else ""
            node.setText(0, i.customer)
            node.setText(1, channel_label(i.channel) + held)
            node.setText(2, why(i))
            node.setData(0, ID_ROLE, i.outbox_id)
            nodes[i.outbox_id] = node
        select = next((nodes[oid] for oid in wanted if oid in nodes), None)
        self.tree.expandAll()
        self.tree.setVisible(bool(items))
        self.empty.setVisible(not items)
        held = sum(1 for i in items if i.status == c.HELD)
        text = self.tr("To do: {n}").format(n=len(items))
        if held:
            text += " · " + self.tr("awaiting approval: {n}").format(n=held)
        if result.missed or result.expired:
            text += " · " + self.tr("too late to send (the PC was off): {n}").format(n=result.missed + result.expired)
        if scheduled is not False:
            last = scheduled
            text += " · " + (self.tr("sending while closed: last run {when}").format(
                when=format_datetime_local(local_datetime(last, self.shop.timezone))) if last else
                self.tr("sending while closed: not run yet"))
        self.summary.setText(text)
        if select is None and groups:
            first = next(iter(groups.values()))
            select = first.child(0) if first.childCount() else None
        if select is not None:
            self.tree.setCurrentItem(select)
        self._show_current()
        if self.tabs.currentIndex() == 1:
            self.load_week()

    def load_week(self) -> None:
        start, shop = self.today(), self.shop
        self.tasks.run(lambda: planner.preview(start + timedelta(days=1), 7, shop=shop, overdue=False), self._week_loaded,
                       lambda exc: show_error(self, exc))

    def _week_loaded(self, items: list[DueItem]) -> None:
        self.coming = items
        self.week.clear()
        for n, i in enumerate(items):
            node = QTreeWidgetItem(self.week, [
                QLocale().toString(_qdate(i.send_on), "ddd dd/MM"), step_label(i.step), i.customer,
                channel_label(i.channel), why(i)])
            node.setData(0, ID_ROLE, n)
        self.week_note.setText(self.tr("Planned for the next 7 days: {n}").format(n=len(items)))

    # --- the selected item ----------------------------------------------------------------------------

    def _current(self) -> int | None:
        node = self.tree.currentItem()
        return node.data(0, ID_ROLE) if node is not None else None

    def current_item(self) -> DueItem | None:
        oid = self._current()
        return self.items.get(oid) if oid is not None else None

    def _show_current(self) -> None:
        item = self.current_item()
        self.error.hide()
        for b in (self.whatsapp_button, self.email_button, self.done_button, self.approve_button,
                  self.skip_button, self.customer_button):
            b.setVisible(False)
        if item is None:
            self.who.setText("")
            self.message.setPlainText("")
            self.note.setText("")
            return
        contact = " · ".join(x for x in (format_phone(item.phone, self.shop.country), item.email) if x)
        self.who.setText(f"<b>{html.escape(item.customer)}</b><br>{html.escape(contact)}<br>"
                         f"{html.escape(step_label(item.step))} · {html.escape(channel_label(item.channel))} · {html.escape(why(item))}")
        self.message.setPlainText(compose.message_text(item, shop=self.shop, rules=self.rules, date_format=format_date))
        held = item.status == c.HELD
        self.whatsapp_button.setVisible(item.channel == c.WHATSAPP)
        self.done_button.setVisible(item.channel == c.TASK)
        self.approve_button.setVisible(held and allowed(self.actor, "cadence.approve"))
        self.skip_button.setVisible(True)
        self.customer_button.setVisible(True)
        self.email_button.setVisible(item.channel == c.EMAIL and not held)
        if item.channel == c.EMAIL:
            self.note.setText(self.tr("E-mails go out by themselves within the send window once the shop's mail "
                                      "account is set up (Shop → Mail account)."))
        elif item.channel == c.TASK:
            self.note.setText(self.tr("Call the customer; the message above is a suggestion of what to say."))
        else:
            self.note.setText(self.tr("Last day worth sending: {date}").format(date=format_date(item.not_after)))

    def primary_action(self) -> None:
        item = self.current_item()
        if item is None:
            return
        if item.channel == c.WHATSAPP:
            self.send_whatsapp()
        elif item.channel == c.TASK:
            self.task_done()
        else:
            self._open_customer()

    def _order(self) -> list[int]:
        """The items' ids in the order the list shows them."""
        ids = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            ids += [group.child(n).data(0, ID_ROLE) for n in range(group.childCount())]
        return ids

    def _act(self, fn, message: str, *, advance: bool = True) -> None:
        """Do `fn()` on the worker lane to the selected item, then land on the item after it (staff work
        down the list), or the one before when it was the last (`advance=False`: stay on it)."""
        current, order = self._current(), self._order()
        if current in order:
            at = order.index(current)
            self._select_next = ([] if advance else [current]) + order[at + 1:] + order[:at][::-1]

        def failed(exc: BaseException) -> None:
            self._select_next = []
            if not isinstance(exc, ReguaError):
                show_error(self, exc)
                return
            self.error.setText(error_text(exc))
            self.error.show()

        def done(_result) -> None:
            self.status.emit(message)
            self.refresh()

        self.tasks.run(fn, done, failed)

    def send_whatsapp(self) -> None:
        """Open WhatsApp with the message written; only a link that really opened counts as sent. When
        nothing could open it (no browser), say so and offer the link and the text on the clipboard."""
        item = self.current_item()
        if item is None or item.channel != c.WHATSAPP:
            return
        link = compose.whatsapp_link(item, shop=self.shop)
        if not QDesktopServices.openUrl(QUrl(link)):
            self._not_opened(item, link)
            return
        actor, today, shop = self.actor, self.today(), self.shop
        self._act(lambda: actions.whatsapp_sent(item.outbox_id, actor=actor, today=today, shop=shop),
                  self.tr("WhatsApp to {name} noted as sent.").format(name=item.customer))

    def _not_opened(self, item: DueItem, link: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("WhatsApp did not open"), self.tr(
            "No browser or WhatsApp could be opened on this computer, so nothing was sent and {name} stays "
            "on the list. Copy the link and the message to send them another way?").format(name=item.customer),
            QMessageBox.StandardButton.NoButton, self)
        copy = box.addButton(self.tr("Copy link and text"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)
        text = self.message.toPlainText()

        def answered(_result: int) -> None:
            self.no_browser = None
            if box.clickedButton() is copy:
                QGuiApplication.clipboard().setText(f"{text}\n\n{link}")
                self.status.emit(self.tr("The message and the WhatsApp link are on the clipboard; "
                                         "nothing was noted as sent."))
            else:
                self.status.emit(self.tr("WhatsApp did not open; nothing was noted as sent."))

        box.finished.connect(answered)
        self.no_browser = box
        box.open()
        return box

    def send_email(self) -> None:
        item = self.current_item()
        if item is None or item.channel != c.EMAIL:
            return
        today, shop = self.today(), self.shop
        self.email_button.setEnabled(False)

        def done(counts: dict[str, int]) -> None:
            self.email_button.setEnabled(True)
            if counts.get("sent"):
                self.status.emit(self.tr("E-mail to {name} sent.").format(name=item.customer))
            else:
                self.error.setText(self.tr("Not sent: {what}").format(what=", ".join(counts) or "-"))
                self.error.show()
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.email_button.setEnabled(True)
            if not isinstance(exc, ReguaError):
                raise exc
            self.error.setText(error_text(exc))
            self.error.show()

        self.tasks.run(lambda: sender.send_due(today, shop=shop, only=[item.outbox_id]), done, failed, lane=NET)

    def task_done(self) -> OutcomeDialog | None:
        item = self.current_item()
        if item is None or item.channel != c.TASK:
            return None
        dialog = OutcomeDialog(item, self)

        def record() -> None:
            outcome, actor, today, shop = dialog.outcome.text(), self.actor, self.today(), self.shop
            self._act(lambda: actions.task_done(item.outbox_id, outcome, actor=actor, today=today, shop=shop),
                      self.tr("Call with {name} noted.").format(name=item.customer))

        dialog.accepted.connect(record)
        dialog.open()
        return dialog

    def skip(self) -> None:
        item = self.current_item()
        if item is None:
            return
        actor = self.actor
        self._act(lambda: actions.skip(item.outbox_id, actor=actor),
                  self.tr("Skipped: {name}.").format(name=item.customer))

    def approve(self) -> None:
        held = [i.outbox_id for i in self.items.values() if i.status == c.HELD]
        item = self.current_item()
        ids = [item.outbox_id] if item is not None and item.status == c.HELD else held
        actor = self.actor
        self._act(lambda: actions.approve(ids, actor=actor), self.tr("Approved."), advance=False)

    def skip_coming(self) -> None:
        chosen = [self.coming[n.data(0, ID_ROLE)] for n in self.week.selectedItems()]
        if not chosen:
            return
        try:
            for item in chosen:
                actions.skip_planned(item, actor=self.actor)
        except ReguaError as exc:
            show_error(self, exc)
        self.status.emit(self.tr("Skipped: {n}.").format(n=len(chosen)))
        self.load_week()

    def _open_customer(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_customer.emit(item.customer_id)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
