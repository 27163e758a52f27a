"""The Messages screen: every message of the outbox (planned, sent, failed, uncertain, expired...), with
retry for a failed or uncertain e-mail (the owner's call) and cancel for one still waiting; a banner
when sending is paused, with the server's words and a Resume button; Send now."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QItemSelection, QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.config import Paths
from desktop_app.domain import cadence as c
from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import local_date, local_datetime, utc_now
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.permissions import allowed
from desktop_app.gui.cadence.today_view import channel_label, step_label
from desktop_app.gui.common.i18n import error_text, format_date, format_datetime_local
from desktop_app.gui.common.tasks import NET, TaskRunner
from desktop_app.gui.mail import send_outcome
from desktop_app.gui.mail.messages_model import MessageListModel
from desktop_app.services import work_jobs
from desktop_app.services.mail import scheduler, sender
from desktop_app.services.mail.sender import MessageRow
from desktop_app.services.shop.shop import ShopSettings

STATUS_LABELS = {
    c.PLANNED: QT_TRANSLATE_NOOP("messages", "planned"),
    c.HELD: QT_TRANSLATE_NOOP("messages", "awaiting approval"),
    c.SENDING: QT_TRANSLATE_NOOP("messages", "sending"),
    c.SENT: QT_TRANSLATE_NOOP("messages", "sent"),
    c.DONE: QT_TRANSLATE_NOOP("messages", "done by staff"),
    c.FAILED: QT_TRANSLATE_NOOP("messages", "failed"),
    c.UNCERTAIN: QT_TRANSLATE_NOOP("messages", "uncertain (may have arrived)"),
    c.EXPIRED: QT_TRANSLATE_NOOP("messages", "expired"),
    c.SUPPRESSED: QT_TRANSLATE_NOOP("messages", "not sent: no consent or bounced"),
    c.SKIPPED: QT_TRANSLATE_NOOP("messages", "skipped"),
}
REASON_LABELS = {
    "frequency_cap": QT_TRANSLATE_NOOP("messages", "waiting: one message per customer every few days"),
    "too_late": QT_TRANSLATE_NOOP("messages", "its last useful day passed"),
    "missed": QT_TRANSLATE_NOOP("messages", "the PC was off that day"),
    "closed": QT_TRANSLATE_NOOP("messages", "the shop was closed until too late"),
    "no_consent": QT_TRANSLATE_NOOP("messages", "no consent any more"),
    "bounced": QT_TRANSLATE_NOOP("messages", "the address does not exist"),
    "by_staff": QT_TRANSLATE_NOOP("messages", "skipped by staff"),
    "step_off": QT_TRANSLATE_NOOP("messages", "its step was turned off"),
    "refunded": QT_TRANSLATE_NOOP("messages", "the purchase was refunded in full"),
    "item_closed": QT_TRANSLATE_NOOP("messages", "the quote or reservation was closed"),
    "below_reward": QT_TRANSLATE_NOOP("messages", "the customer's points no longer reach a reward"),
    "points_gone": QT_TRANSLATE_NOOP("messages", "those points were spent or taken back"),
    "interrupted": QT_TRANSLATE_NOOP("messages", "Régua stopped while sending it"),
    "no_reply": QT_TRANSLATE_NOOP("messages", "the server did not answer after receiving it"),
    "template": QT_TRANSLATE_NOOP("messages", "the message text has a problem"),
    "gave_up": QT_TRANSLATE_NOOP("messages", "gave up after several tries"),
    "refused": QT_TRANSLATE_NOOP("messages", "refused by the server"),
    "retried": QT_TRANSLATE_NOOP("messages", "sent again by the owner"),
    "address_unsupported": QT_TRANSLATE_NOOP(
        "messages", "the mail server cannot send to this address (letters with accents need SMTPUTF8)"),
    "error": QT_TRANSLATE_NOOP("messages", "Régua could not build or send it"),
}
BANNER_STYLE = "background: #fdecea; color: #8a1c1c; padding: 8px; border-radius: 4px;"


def status_label(status: str) -> str:
    return QCoreApplication.translate("messages", STATUS_LABELS.get(status, status))


def reason_label(reason: str) -> str:
    text = REASON_LABELS.get(reason)
    return QCoreApplication.translate("messages", text) if text else reason


def message_cells(row: MessageRow, timezone: str) -> tuple[str, ...]:
    """What the Messages table shows of one message: customer, step, channel, status, when, details."""
    when = format_date(local_date(row.done_at, timezone)) if row.done_at else format_date(row.send_on)
    detail = " · ".join(x for x in (reason_label(row.reason) if row.reason else "", row.error) if x)
    return (row.customer, step_label(row.step), channel_label(row.channel), status_label(row.status), when, detail)


class MessagesView(QWidget):
    status = Signal(str)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today, self.paths = tasks, shop, actor, today, paths
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.resume_button = QPushButton(self.tr("Resume sending"))
        self.resume_button.clicked.connect(self.resume)
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.resume_button)
        self.banner_box = QWidget()
        self.banner_box.setLayout(banner_row)
        self.filter = QComboBox()
        self.filter.addItem(self.tr("All messages"), "")
        for status in sender.SHOWN:
            self.filter.addItem(status_label(status), status)
        self.filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.send_button = QPushButton(self.tr("Send due e-mails now"))
        self.send_button.clicked.connect(self.send_now)
        self.retry_button = QPushButton(self.tr("Send again"))
        self.retry_button.setToolTip(self.tr("For a failed or uncertain e-mail; an uncertain one may arrive twice"))
        self.retry_button.clicked.connect(self.retry)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        self.scheduled = QCheckBox(self.tr("Also send while Régua is closed (the system's scheduler, every 15 "
                                           "minutes)"))
        self.scheduled.toggled.connect(self.set_scheduled)
        self.set_actor(self.actor)
        self.scheduled_note = QLabel()
        self.scheduled_note.setStyleSheet("color: #555;")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter)
        top.addStretch(1)
        top.addWidget(self.send_button)
        self.model = MessageListModel([self.tr("Customer"), self.tr("Step"), self.tr("Channel"), self.tr("Status"),
                                       self.tr("When"), self.tr("Details")],
                                      lambda row: message_cells(row, self.shop.timezone), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Columns sized by _fit_columns, once a refill: Qt's ResizeToContents asks every cell's delegate
        # for its size (2,500 cells: 170 ms of a frozen window for 500 rows, 41–45 s with one item each)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        actions = QHBoxLayout()
        self.summary = QLabel()
        self.summary.setStyleSheet("color: #555;")
        actions.addWidget(self.summary, 1)
        actions.addWidget(self.retry_button)
        actions.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner_box)
        scheduled_row = QHBoxLayout()
        scheduled_row.addWidget(self.scheduled)
        scheduled_row.addWidget(self.scheduled_note, 1)
        layout.addLayout(scheduled_row)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self._update_buttons()
        self.show_pause()
        self.show_scheduler()

    # Every read and write of this screen runs on the worker lane; the answers come back here.

    def set_actor(self, actor: Actor) -> None:
        """Who is at the keyboard (at the start and after a switch of user): the scheduler's box is only
        for those who may change it, greyed out with a word about who can for the others."""
        self.actor = actor
        may = allowed(actor, "settings.change")
        self.scheduled.setEnabled(may)
        self.scheduled.setToolTip("" if may else self.tr("Only the shop's owner can switch this on or off."))

    def set_scheduled(self, on: bool) -> None:
        paths, actor = self.paths, self.actor

        def work() -> None:
            if on:
                scheduler.register(paths, actor=actor, now=utc_now())
            else:
                scheduler.unregister(actor=actor)

        def failed(exc: BaseException) -> None:
            self._error(exc)
            self.show_scheduler()

        self.scheduled.setEnabled(False)
        self.tasks.run(work, lambda _none: self.show_scheduler(), failed, lane=NET)  # a 30 s subprocess at worst

    def show_scheduler(self) -> None:
        self.tasks.run(lambda: (scheduler.registered(), scheduler.last_run()),
                       lambda state: self._show_scheduler(*state), self._error)

    def _show_scheduler(self, registered: dict | None, last: datetime | None) -> None:
        self.scheduled.blockSignals(True)
        self.scheduled.setChecked(registered is not None)
        self.scheduled.blockSignals(False)
        self.scheduled.setEnabled(allowed(self.actor, "settings.change"))
        if registered is None:
            self.scheduled_note.setText("")
        elif last is None:
            self.scheduled_note.setText(self.tr("(it has not run yet)"))
        else:
            self.scheduled_note.setText(self.tr("(last run: {when})").format(
                when=format_datetime_local(local_datetime(last, self.shop.timezone))))

    def show_pause(self) -> None:
        """Show the banner if sending is paused (read on the worker lane)."""
        self.tasks.run(sender.paused, self._show_pause, self._error)

    def _show_pause(self, paused: dict | None) -> None:
        self.banner_box.setVisible(bool(paused))
        if paused:
            reason = ReguaError(paused.get("reason") or "smtp_paused", reply=paused.get("reply", ""))
            self.banner.setText(self.tr("Sending is paused. {reason}").format(reason=error_text(reason)))
        self.resume_button.setVisible(bool(paused) and allowed(self.actor, "smtp.change"))

    def reload(self) -> None:
        """The list afresh, with the pause banner and the scheduler's note: one job on the worker lane."""
        status, timezone = self.filter.currentData(), self.shop.timezone

        def work():
            rows = sender.messages(status or None)
            texts = [message_cells(r, timezone) for r in rows]  # labels and dates written here, not on the GUI thread
            return rows, texts, sender.paused(), scheduler.registered(), scheduler.last_run()

        def done(state) -> None:
            rows, texts, paused, registered, last = state
            self._loaded(rows, texts)
            self._show_pause(paused)
            self._show_scheduler(registered, last)

        self.tasks.run(work, done, self._error)

    @property
    def rows(self) -> list[MessageRow]:
        return self.model.rows

    def _loaded(self, rows: list[MessageRow], texts: list[tuple[str, ...]] | None = None) -> None:
        """The refill: one model reset; the messages that were selected stay selected, the list keeps its
        place (staff who retried one failed e-mail go on from there)."""
        chosen = {r.id for r in self._selected()}
        scrolled = self.table.verticalScrollBar().value()
        self.model.set_rows(rows, texts)
        self._fit_columns()
        selection = QItemSelection()
        for i, r in enumerate(rows):
            if r.id in chosen:
                selection.select(self.model.index(i, 0), self.model.index(i, self.model.columnCount() - 1))
        if not selection.isEmpty():
            self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.table.verticalScrollBar().setValue(scrolled)
        self.summary.setText(self.tr("Showing {n} (newest first)").format(n=len(rows)))
        self._update_buttons()

    def _fit_columns(self) -> None:
        """Each column but the last (it takes the rest) as wide as its widest text or its title."""
        header, metrics = self.table.horizontalHeader(), self.table.fontMetrics()
        margin = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.table) + 1)
        for col in range(self.model.columnCount() - 1):
            widest = max((metrics.horizontalAdvance(t) for t in self.model.column_texts(col)), default=0)
            header.resizeSection(col, max(widest + margin + 8, header.sectionSizeHint(col)))

    def _selected(self) -> list[MessageRow]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [m for m in (self.model.message(r) for r in rows) if m is not None]

    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.retry_button.setEnabled(allowed(self.actor, "smtp.change") and any(
            r.status in (c.FAILED, c.UNCERTAIN) and r.channel == c.EMAIL for r in chosen))
        self.cancel_button.setEnabled(any(r.status in c.WAITING for r in chosen))

    def _error(self, exc: BaseException) -> None:
        if not isinstance(exc, ReguaError):
            raise exc
        if exc.code == "smtp_not_set_up" and not allowed(self.actor, "smtp.change"):
            # the error names Shop → Mail account, a menu only the owner has
            self.summary.setText(self.tr("The shop's mail account is not set up yet: ask the owner to set it up."))
            return
        self.summary.setText(error_text(exc))

    def retry(self) -> None:
        ids, actor, today = [r.id for r in self._selected()], self.actor, self.today()

        def done(n: int) -> None:
            self.status.emit(self.tr("Will be sent again: {n}.").format(n=n))
            self.reload()

        self.tasks.run(lambda: sender.retry(ids, actor=actor, today=today), done, self._error)

    def cancel(self) -> None:
        ids, actor = [r.id for r in self._selected()], self.actor

        def done(n: int) -> None:
            self.status.emit(self.tr("Cancelled: {n}.").format(n=n))
            self.reload()

        self.tasks.run(lambda: sender.cancel(ids, actor=actor), done, self._error)

    def resume(self) -> None:
        actor = self.actor

        def done(_none) -> None:
            self._show_pause(None)
            self.status.emit(self.tr("Sending resumed."))

        self.tasks.run(lambda: sender.resume(actor=actor), done, self._error)

    def send_now(self) -> None:
        """Send every e-mail that is due, now, on the worker lane. (It takes no argument: the button's
        `clicked(checked)` would land in it, as it once landed in an "only these ids" parameter and
        sent nothing.)"""
        today, shop = self.today(), self.shop
        self.send_button.setEnabled(False)

        def done(counts: dict[str, int]) -> None:
            self.send_button.setEnabled(True)
            if send_outcome.elsewhere(counts):
                self.status.emit(self.tr("E-mails sent: 0. Another till is sending the shop's e-mails right now."))
            else:
                self.status.emit(self.tr("E-mails sent: {sent}.").format(sent=counts.get("sent", 0)))
            self.reload()

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            self._error(exc)
            self.show_pause()

        self.tasks.run(lambda: self.tasks.child(NET).call(work_jobs.send_due, today, shop), done, failed, lane=NET)
