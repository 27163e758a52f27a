"""The Today screen: who the shop should contact today and why, grouped by step, with the channel's action
one click away (send the WhatsApp with the message written, mark a call done with its outcome, skip), and
the next 7 days of the régua, where anything can be skipped before it is due.

Everything this screen reads or writes runs on the worker lane, the lists' texts (names, channels, dates
in words) included: the GUI thread only puts the prepared rows into the tree, a slice of at most
FILL_SLICE_S per event-loop turn, so a list of thousands never freezes the window. The selected item's
message is written on the lane too, when it is picked."""

from __future__ import annotations

import html
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
from desktop_app.gui.common.errors import show_error, show_read_error
from desktop_app.gui.common.i18n import error_text, format_date, format_datetime_local, kind_label
from desktop_app.gui.common.tasks import NET, WORK, Changes, TaskRunner
from desktop_app.gui.common.widgets import alive, enter_means, error_label, while_alive
from desktop_app.gui.mail import send_outcome
from desktop_app.services import work_jobs
from desktop_app.services.cadence import actions, compose, planner
from desktop_app.services.cadence.outbox import DueItem
from desktop_app.services.cadence.rules import get_rules
from desktop_app.services.customers.normalize import format_phone
from desktop_app.services.mail import scheduler
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
OUTBOX = Changes(outbox=True)
FILL_SLICE_S = 0.012  # the longest a list's filling holds the event loop in one turn
FIT_SAMPLE = 40  # a column's width is measured on its longest texts, not on every row


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a list as the lane prepared it: its group (Today's step), its id and its texts."""

    group: int
    key: int
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Listing:
    """A list as the lane prepared it: the groups' titles, the rows, each column's longest texts (what
    its width is measured on) and, for Today, the items by id and how many await approval."""

    groups: list[str]
    rows: list[Row]
    longest: dict[int, list[str]]
    by_id: dict[int, DueItem]
    held: int = 0


def _longest(rows: list[Row], columns: Sequence[int]) -> dict[int, list[str]]:
    return {col: sorted((r.cells[col] for r in rows), key=len, reverse=True)[:FIT_SAMPLE] for col in columns}


def today_rows(items: Sequence[DueItem], held: str) -> Listing:
    """Today's groups ("Birthday (12)", in the régua's order) and rows, grouped, each group in the order
    of `items`; `held` is what an e-mail awaiting approval adds to its channel. Runs on the lane."""
    counts = Counter(i.step for i in items)
    steps = sorted(counts, key=lambda s: c.PRIORITY[s])
    index = {step: n for n, step in enumerate(steps)}
    rows = [Row(index[i.step], i.outbox_id, (i.customer, channel_label(i.channel) + (held if i.status == c.HELD else ""),
                                             why(i))) for i in items]
    rows.sort(key=lambda r: r.group)  # stable: within a step, as listed
    return Listing([f"{step_label(step)} ({counts[step]})" for step in steps], rows, _longest(rows, (0, 1)),
                   {i.outbox_id: i for i in items}, sum(1 for i in items if i.status == c.HELD))


def week_rows(items: Sequence[DueItem]) -> Listing:
    """The next 7 days' rows (day, step, customer, channel, why); the key is the item's place in `items`."""
    locale = QLocale()
    rows = [Row(0, n, (locale.toString(_qdate(i.send_on), "ddd dd/MM"), step_label(i.step), i.customer,
                       channel_label(i.channel), why(i))) for n, i in enumerate(items)]
    return Listing([], rows, _longest(rows, range(4)), {})


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
        self._fills: dict[QTreeWidget, int] = {}  # each list's newest fill; an older one stops
        self._messages: dict[int, tuple[str, str]] = {}  # outbox id -> (message, WhatsApp link), as written
        self._asked_message: int | None = None  # the item whose message the lane is writing
        self._fill_count = 0

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
        # Columns fitted to their texts once a fill (_fit): Qt's ResizeToContents asks every row for its
        # size after each change (700 ms of a frozen window for 1,590 rows)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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
        self.week.header().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
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
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter on a row does what a double-click does
            enter = QShortcut(QKeySequence(key), self.tree, self.primary_action)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)  # only in the list (a focused button keeps Enter)
        self._day_timer = QTimer(self)  # a new day while the app stays open: plan it
        self._day_timer.setInterval(10 * 60 * 1000)
        self._day_timer.timeout.connect(self._check_day)
        self._day_timer.start()
        self._show_current()

    # --- loading ---------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Plan today (once per occasion, whatever ran before) and list what waits."""
        today, shop, held = self.today(), self.shop, self.tr(" (awaiting approval)")

        def work():
            result, items = self.tasks.child(WORK).call(work_jobs.plan_and_list_day, today, shop)  # the work process
            scheduled = scheduler.last_run() if scheduler.registered() is not None else False
            return result, items, today_rows(items, held), get_rules(shop), scheduled

        self.tasks.run(work, while_alive(self, lambda r: self._loaded(today, *r)),
                       while_alive(self, lambda exc: show_read_error(self, exc, self.tasks)), lane=WORK)

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

    def _loaded(self, today: date, result: planner.PlanResult, items: list[DueItem],
                listing: Listing, rules: c.CadenceRules, scheduled: datetime | None | bool) -> None:
        """`scheduled`: False when the OS scheduler does not send for the shop, else its last run (or None).
        The tree fills from the rows the lane prepared, a slice per event-loop turn (`_fill`); the item to
        land on (the one picked before, or the next after an action) is picked as soon as it is in."""
        self._planned_for = today
        self.rules = rules  # the texts the messages are written from, read with the list
        self._messages = {}  # written afresh under these rules
        self._stale = False
        self.title.setText(self.tr("Today, {date}").format(
            date=QLocale().toString(_qdate(today), QLocale.FormatType.LongFormat)))
        wanted = self._select_next or [self._current()]
        self._select_next = []
        self.items = listing.by_id
        rows = listing.rows
        target = next((oid for oid in wanted if oid in self.items), rows[0].key if rows else None)
        self._discard(self.tree)
        groups = [QTreeWidgetItem([label]) for label in listing.groups]
        self.tree.addTopLevelItems(groups)
        for group in groups:
            group.setFirstColumnSpanned(True)
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            group.setExpanded(True)
        self._fit(self.tree, listing.longest, {0: self.tree.indentation(), 1: 0})
        self.tree.setVisible(bool(items))
        self.empty.setVisible(not items)
        held = listing.held
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

        self._fill(self.tree, rows, lambda row: groups[row.group], target)
        if target is None:
            self._show_current()
        if self.tabs.currentIndex() == 1:
            self.load_week()

    @property
    def filling(self) -> bool:
        """A list is still being filled (its rows go in over several event-loop turns)."""
        return bool(self._fills)

    def _fill(self, tree: QTreeWidget, rows: list[Row], parent_of: Callable[[Row], QTreeWidgetItem | None],
              pick: int | None = None) -> None:
        """Put the prepared rows into `tree` (under `parent_of(row)`, None: at the top), at most FILL_SLICE_S
        of them per event-loop turn; the row whose key is `pick` becomes the current one as soon as it is
        in. A newer fill of the tree stops this one."""
        generation = self._fill_count = self._fill_count + 1
        self._fills[tree] = generation
        rest = iter(rows)

        def turn() -> None:
            if not alive(self) or self._fills.get(tree) != generation:
                return
            started, batch, last, picked = time.perf_counter(), [], None, None
            for row in rest:
                node = QTreeWidgetItem(list(row.cells))
                node.setData(0, ID_ROLE, row.key)
                if row.key == pick:
                    picked = node
                parent = parent_of(row)
                if batch and parent is not last:
                    self._add(tree, last, batch)
                    batch = []
                batch.append(node)
                last = parent
                if time.perf_counter() - started > FILL_SLICE_S:
                    break
            else:
                self._add(tree, last, batch)
                del self._fills[tree]
                if picked is not None:
                    tree.setCurrentItem(picked)
                return
            self._add(tree, last, batch)
            if picked is not None:
                tree.setCurrentItem(picked)
            QTimer.singleShot(0, self, turn)

        turn()

    @staticmethod
    def _add(tree: QTreeWidget, parent: QTreeWidgetItem | None, nodes: list[QTreeWidgetItem]) -> None:
        if not nodes:
            return
        if parent is None:
            tree.addTopLevelItems(nodes)
        else:
            parent.addChildren(nodes)

    def _discard(self, tree: QTreeWidget) -> None:
        """Empty `tree` at once, and delete its old rows a slice per event-loop turn (deleting thousands
        of rows at once, as clear() does, holds the window for as long as making them)."""
        self._fills.pop(tree, None)  # a fill still under way stops
        groups = tree.invisibleRootItem().takeChildren()
        old = [child for group in groups for child in group.takeChildren()] + groups

        def turn() -> None:
            started = time.perf_counter()
            while old and time.perf_counter() - started < FILL_SLICE_S:
                del old[-200:]  # the last references: Qt deletes those rows

            if old:
                QTimer.singleShot(0, self, turn)

        if old:
            QTimer.singleShot(0, self, turn)

    def _fit(self, tree: QTreeWidget, longest: dict[int, list[str]], indents: dict[int, int]) -> None:
        """Size the columns in `indents` (column -> its indentation) to their longest texts."""
        metrics = tree.fontMetrics()
        header = tree.header()
        for column, indent in indents.items():
            texts = [*longest.get(column, []), tree.headerItem().text(column)]
            width = max(metrics.horizontalAdvance(t) for t in texts) + indent + 2 * metrics.averageCharWidth()
            header.resizeSection(column, max(width, header.minimumSectionSize()))

    def load_week(self) -> None:
        start, shop = self.today(), self.shop

        def work() -> tuple[list[DueItem], Listing]:
            items = planner.preview(start + timedelta(days=1), 7, shop=shop, overdue=False)
            return items, week_rows(items)

        self.tasks.run(work, while_alive(self, lambda r: self._week_loaded(*r)),
                       while_alive(self, lambda exc: show_read_error(self, exc, self.tasks)))

    def _week_loaded(self, items: list[DueItem], listing: Listing) -> None:
        self.coming = items
        self._discard(self.week)
        self._fit(self.week, listing.longest, dict.fromkeys(range(4), 0))
        self._fill(self.week, listing.rows, lambda _row: None)
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
        written = self._messages.get(item.outbox_id)
        self.message.setPlainText(written[0] if written is not None else "")
        if written is None:
            self._write_message(item)
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

    def _message_job(self, item: DueItem) -> Callable[[], tuple[str, str]]:
        """A job for the lane: the item's message as shown (dates as the user writes them) and, for a
        WhatsApp, the link it opens (the message as the régua sends it)."""
        shop, rules = self.shop, self.rules

        def work() -> tuple[str, str]:
            text = compose.message_text(item, shop=shop, rules=rules, date_format=format_date)
            return text, compose.whatsapp_link(item, shop=shop) if item.channel == c.WHATSAPP else ""

        return work

    def _write_message(self, item: DueItem) -> None:
        """Ask the lane for the picked item's message; it is shown if the item is still the picked one."""
        if self._asked_message == item.outbox_id:
            return
        self._asked_message = item.outbox_id
        messages = self._messages

        def done(written: tuple[str, str]) -> None:
            if self._asked_message == item.outbox_id:
                self._asked_message = None
            messages[item.outbox_id] = written
            if self._current() == item.outbox_id and messages is self._messages:
                self.message.setPlainText(written[0])

        def failed(exc: BaseException) -> None:
            if self._asked_message == item.outbox_id:
                self._asked_message = None
            show_error(self, exc)

        self.tasks.run(self._message_job(item), while_alive(self, done), while_alive(self, failed))

    @property
    def message_shown(self) -> bool:
        """The picked item's message is on screen (it is written on the lane when the item is picked)."""
        item = self.current_item()
        return item is not None and item.outbox_id in self._messages

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

    def _act(self, fn, message: str, *, advance: bool = True, changes: Changes = OUTBOX) -> None:
        """Do `fn()` on the worker lane to the selected item, then land on the item after it (staff work
        down the list), or the one before when it was the last (`advance=False`: stay on it). The other
        views hear of `changes`; this one lists afresh itself."""
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
            self._keep_focus()
            self.refresh()

        self.tasks.write(fn, changes, while_alive(self, done), while_alive(self, failed), initiator=self)

    def _keep_focus(self) -> None:
        """After an action, the focus goes back to the list (on the row that takes the acted one's place
        when it is in): the button pressed is hidden with the row, and Qt handed the focus to the window's
        sidebar, where the next Down switched the section. Not when the focus has gone elsewhere meanwhile."""
        focus = QApplication.focusWidget()
        if self.isVisible() and (focus is None or focus is self or self.isAncestorOf(focus)):
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def send_whatsapp(self) -> None:
        """Open WhatsApp with the message written; only a link that really opened counts as sent. When
        nothing could open it (no browser), say so and offer the link and the text on the clipboard.
        The link is the one written with the message on the lane (asked for now if it is not in yet)."""
        item = self.current_item()
        if item is None or item.channel != c.WHATSAPP:
            return
        written = self._messages.get(item.outbox_id)
        if written is not None:
            self._open_whatsapp(item, *written)
            return
        messages = self._messages

        def done(answer: tuple[str, str]) -> None:
            messages[item.outbox_id] = answer
            if self._current() == item.outbox_id:
                self.message.setPlainText(answer[0])
                self._open_whatsapp(item, *answer)

        self.tasks.run(self._message_job(item), while_alive(self, done),
                       while_alive(self, lambda exc: show_error(self, exc)))

    def _open_whatsapp(self, item: DueItem, text: str, link: str) -> None:
        if not QDesktopServices.openUrl(QUrl(link)):
            self._not_opened(item, link, text)
            return
        actor, today, shop = self.actor, self.today(), self.shop
        self._act(lambda: actions.whatsapp_sent(item.outbox_id, actor=actor, today=today, shop=shop),
                  self.tr("WhatsApp to {name} noted as sent.").format(name=item.customer),
                  changes=Changes(outbox=True, interactions=True))

    def _not_opened(self, item: DueItem, link: str, text: str) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("WhatsApp did not open"), self.tr(
            "No browser or WhatsApp could be opened on this computer, so nothing was sent and {name} stays "
            "on the list. Copy the link and the message to send them another way?").format(name=item.customer),
            QMessageBox.StandardButton.NoButton, self)
        copy = box.addButton(self.tr("Copy link and text"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(copy)

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
                self.error.setText(self.tr("Not sent: {what}.").format(what=send_outcome.reasons_text(counts)))
                self.error.show()
            self.refresh()

        def failed(exc: BaseException) -> None:
            self.email_button.setEnabled(True)
            if not isinstance(exc, ReguaError):
                raise exc
            self.error.setText(error_text(exc))
            self.error.show()

        self.tasks.run(lambda: self.tasks.child(NET).call(work_jobs.send_due, today, shop, [item.outbox_id]), done,
                       failed, lane=NET)

    def task_done(self) -> OutcomeDialog | None:
        item = self.current_item()
        if item is None or item.channel != c.TASK:
            return None
        dialog = OutcomeDialog(item, self)

        def record() -> None:
            outcome, actor, today, shop = dialog.outcome.text(), self.actor, self.today(), self.shop
            self._act(lambda: actions.task_done(item.outbox_id, outcome, actor=actor, today=today, shop=shop),
                      self.tr("Call with {name} noted.").format(name=item.customer),
                      changes=Changes(outbox=True, interactions=True))

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
        """Skip the selected rows of the next 7 days (on the lane), then list the days afresh."""
        chosen = [self.coming[n.data(0, ID_ROLE)] for n in self.week.selectedItems()]
        if not chosen:
            return
        actor = self.actor

        def work() -> None:
            for item in chosen:
                actions.skip_planned(item, actor=actor)

        def done(_none) -> None:
            self.status.emit(self.tr("Skipped: {n}.").format(n=len(chosen)))
            self.load_week()

        def failed(exc: BaseException) -> None:
            show_error(self, exc)
            self.load_week()

        self.tasks.write(work, Changes(outbox=True), while_alive(self, done), while_alive(self, failed),
                         initiator=self)

    def _open_customer(self) -> None:
        item = self.current_item()
        if item is not None:
            self.open_customer.emit(item.customer_id)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
