"""Loyalty on the customer's page: balance, tier and progress per program, and the three things staff
do with points: redeem a reward (Ctrl+R, Enter), adjust with a reason, and read the ledger line by line."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import OWNER, Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.loyalty import MAX_POINTS, STAMPS, adjustment_needs_owner
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text, format_count, format_date, format_money
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.services.loyalty import ledger, programs, views
from desktop_app.services.loyalty.views import LedgerLine, Summary
from desktop_app.services.shop import staff
from desktop_app.services.shop.shop import ShopSettings

ENTRY_KINDS = {
    "earn": QT_TRANSLATE_NOOP("loyalty", "Earned"),
    "redeem": QT_TRANSLATE_NOOP("loyalty", "Redeemed"),
    "expire": QT_TRANSLATE_NOOP("loyalty", "Expired"),
    "adjust": QT_TRANSLATE_NOOP("loyalty", "Adjustment"),
    "reverse": QT_TRANSLATE_NOOP("loyalty", "Refund"),
}
AUTOMATIC_REASONS = {  # what the program writes by itself; staff reasons are shown as typed
    "purchase": QT_TRANSLATE_NOOP("loyalty", "purchase"),
    "visit": QT_TRANSLATE_NOOP("loyalty", "visit"),
    "welcome": QT_TRANSLATE_NOOP("loyalty", "welcome bonus"),
    "birthday": QT_TRANSLATE_NOOP("loyalty", "birthday bonus"),
    "expired": QT_TRANSLATE_NOOP("loyalty", "validity ended"),
    "refund": QT_TRANSLATE_NOOP("loyalty", "purchase refunded"),
}


def _translated(text: str) -> str:
    return QCoreApplication.translate("loyalty", text)


def format_points(n: int, kind: str) -> str:
    """'1.234 points' / '1 stamp', with the locale's digit grouping and a true minus sign."""
    number = format_count(abs(n))
    sign = "−" if n < 0 else ""
    if kind == STAMPS:
        unit = QCoreApplication.translate("loyalty", "stamp") if abs(n) == 1 \
            else QCoreApplication.translate("loyalty", "stamps")
    else:
        unit = QCoreApplication.translate("loyalty", "point") if abs(n) == 1 \
            else QCoreApplication.translate("loyalty", "points")
    return f"{sign}{number} {unit}"


def entry_text(line: LedgerLine) -> str:
    what = _translated(ENTRY_KINDS.get(line.kind, line.kind))
    reason = _translated(AUTOMATIC_REASONS[line.reason]) if line.reason in AUTOMATIC_REASONS else line.reason
    return f"{what}: {reason}" if reason else what


def summary_html(s: Summary, currency: str) -> str:
    """One program's block on the customer's page."""
    esc = html.escape
    parts = [f"<b>{esc(s.program)}</b>: <span style='font-size:13pt'>{esc(format_points(s.balance, s.kind))}</span>"]
    if s.tier:
        parts[0] += " · " + esc(QCoreApplication.translate("loyalty", "{tier} (×{factor})").format(
            tier=s.tier, factor=f"{s.multiplier_pct / 100:g}".replace(".", QLocale().decimalPoint())))
    lines = ["".join(parts)]
    if s.balance < 0:
        lines.append("<span style='color:#c0392b'>" + esc(QCoreApplication.translate(
            "loyalty", "Negative: a refund took back points already spent. The next purchases pay it back.")) + "</span>")
    progress = []
    if s.next_reward:
        progress.append(QCoreApplication.translate("loyalty", "{missing} to “{reward}”").format(
            missing=format_points(s.to_next_reward, s.kind), reward=s.next_reward))
    if s.next_tier:
        missing = format_money(s.to_next_tier, currency) if s.tier_basis == "spend" \
            else format_points(s.to_next_tier, s.kind)
        progress.append(QCoreApplication.translate("loyalty", "{missing} to {tier}").format(
            missing=missing, tier=s.next_tier))
    if progress:
        lines.append(esc(" · ".join(progress)))
    if s.affordable:
        lines.append("<span style='color:#1e7e34'>" + esc(QCoreApplication.translate(
            "loyalty", "Can redeem: {rewards}").format(rewards=", ".join(r.name for r in s.affordable))) + "</span>")
    if s.expiring_soon:
        lines.append("<span style='color:#8a3b00'>" + esc(QCoreApplication.translate(
            "loyalty", "{points} expire within 30 days (first on {date})").format(
            points=format_points(s.expiring_soon, s.kind), date=format_date(s.next_expiry))) + "</span>")
    return "<br>".join(lines)


class LoyaltyPanel(QWidget):
    """Balance, tier and progress of each program; buttons to redeem, adjust and see the ledger."""

    def __init__(self, shop: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.summaries: list[Summary] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        title = QLabel(self.tr("Loyalty"))
        title.setStyleSheet("font-weight: 600; margin-top: 6px;")
        layout.addWidget(title)
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        self.redeem_button = QPushButton(self.tr("Re&deem…"))
        self.redeem_button.setToolTip(self.tr("Redeem a reward (Ctrl+R)"))
        self.adjust_button = QPushButton(self.tr("Ad&just…"))
        self.history_button = QPushButton(self.tr("Points his&tory…"))
        for b in (self.redeem_button, self.adjust_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def show_summaries(self, summaries: list[Summary]) -> None:
        self.summaries = list(summaries)
        self.setVisible(bool(summaries))
        self.text.setText("<br><br>".join(summary_html(s, self.shop.currency) for s in summaries))
        self.redeem_button.setEnabled(any(s.affordable for s in summaries))


class RedeemDialog(QDialog):
    """The rewards the customer can have now, the first one ready: Enter redeems it."""

    def __init__(self, customer_name: str, summaries: list[Summary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Redeem a reward"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Reward for {name}:").format(name=customer_name)))
        self.rewards = QListWidget()
        for s in summaries:
            for r in s.affordable:
                item = QListWidgetItem(self.tr("{reward} — {cost} ({program}; balance {balance})").format(
                    reward=r.name, cost=format_points(r.cost, s.kind), program=s.program,
                    balance=format_points(s.balance, s.kind)))
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.rewards.addItem(item)
        layout.addWidget(self.rewards)
        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Redeem"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.rewards.itemActivated.connect(lambda _i: self.accept())
        layout.addWidget(self.buttons)
        enter_means(self.ok)  # set before the box was in the dialog, Cancel (first in the box) had it
        if self.rewards.count():
            self.rewards.setCurrentRow(0)
        else:
            self.ok.setEnabled(False)
            self.error.setText(self.tr("No reward is within reach yet."))
            self.error.show()
        self.rewards.setFocus()
        self.resize(max(self.sizeHint().width(), self.rewards.sizeHintForColumn(0) + 60), 280)

    def reward_id(self) -> int | None:
        item = self.rewards.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)


class GiftDialog(QDialog):
    """Use a gift: the code the customer shows (the first open gift's code is already filled in)."""

    use_requested = Signal()

    def __init__(self, customer_name: str, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Use a gift"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Gift code {name} shows:").format(name=customer_name)))
        self.code = QLineEdit(code)
        self.code.setMaxLength(40)
        layout.addWidget(self.code)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("Use gift"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.use_requested.emit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        enter_means(self.ok)
        self.code.selectAll()
        self.resize(380, self.sizeHint().height())

    def show_error(self, exc: ReguaError) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.code.setFocus()
        self.code.selectAll()


class AdjustDialog(QDialog):
    """A manual correction: points (negative to remove), a reason, and the owner's PIN above the limit."""

    def __init__(self, tasks: TaskRunner, customer_id: int, summaries: list[Summary], actor: Actor,
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.customer_id, self.actor, self.today = tasks, customer_id, actor, today
        self.limits: dict[int, int] = {}  # each program's limit and the owners are read on the worker lane
        self.ready = False
        self.saving = False
        self.setWindowTitle(self.tr("Adjust points"))
        form = QFormLayout(self)
        self.program = QComboBox()
        for s in summaries:
            self.program.addItem(s.program, s.program_id)
        self.points = QSpinBox()
        self.points.setRange(-MAX_POINTS, MAX_POINTS)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why? e.g. balance from the old card system"))
        self.owner = QComboBox()
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.approval_note = QLabel()
        self.approval_note.setWordWrap(True)
        form.addRow(self.tr("Program"), self.program)
        form.addRow(self.tr("Points (− to remove)"), self.points)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.approval_note)
        self._owner_label, self._pin_label = QLabel(self.tr("Owner")), QLabel(self.tr("Owner's PIN"))
        form.addRow(self._owner_label, self.owner)
        form.addRow(self._pin_label, self.pin)
        self.error = error_label()
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok = enter_means(buttons.button(QDialogButtonBox.StandardButton.Ok))
        self.points.valueChanged.connect(lambda _v: self._update())
        self.program.currentIndexChanged.connect(lambda _i: self._update())
        self.saved_id: int | None = None
        self.ok.setEnabled(False)
        self._update()
        self.tasks.run(lambda: ({p.id: p.rules.adjust_limit for p in programs.programs()},
                                [(m.name, m.id) for m in staff.accounts() if m.role == OWNER]),
                       lambda state: self._loaded(*state), self._load_failed)

    def _loaded(self, limits: dict[int, int], owners: list[tuple[str, int]]) -> None:
        self.limits = limits
        for name, staff_id in owners:
            self.owner.addItem(name, staff_id)
        self.ok.setEnabled(True)
        self.ready = True
        self._update()

    def _load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)
        self.reject()

    def needs_owner(self) -> bool:
        limit = self.limits.get(self.program.currentData(), 0)
        return adjustment_needs_owner(self.points.value(), limit, self.actor.role)

    def _update(self) -> None:
        needed = self.needs_owner()
        self.approval_note.setText(self.tr("More than {limit} points: the owner approves with her PIN.").format(
            limit=self.limits.get(self.program.currentData(), 0)) if needed else "")
        for w in (self.approval_note, self._owner_label, self.owner, self._pin_label, self.pin):
            w.setVisible(needed)

    def save(self) -> None:
        """Check the owner's PIN when needed and adjust, on the worker lane; close when it is done."""
        if not self.ready or self.saving:
            return
        if self.needs_owner() and self.owner.currentData() is None:
            self._refused(ReguaError("adjust_needs_owner", limit=self.limits.get(self.program.currentData(), 0)))
            return
        needs_owner, owner_id, pin = self.needs_owner(), self.owner.currentData(), self.pin.text()
        customer_id, program_id, points, reason = (self.customer_id, self.program.currentData(),
                                                   self.points.value(), self.reason.text())
        actor, today = self.actor, self.today()

        def work() -> int:
            approver = staff.log_in(owner_id, pin) if needs_owner else None
            return ledger.adjust(customer_id, program_id, points, reason, actor=actor, today=today,
                                 approver=approver)

        def done(saved_id: int) -> None:
            self.saving = False
            self.saved_id = saved_id
            self.accept()

        def failed(exc: BaseException) -> None:
            self.saving = False
            if not isinstance(exc, ReguaError):
                raise exc
            self._refused(exc)

        self.saving = True  # one save at a time
        self.tasks.write(work, Changes(loyalty=True), done, failed, initiator=self.parent())

    def _refused(self, exc: ReguaError) -> None:
        self.error.setText(error_text(exc))
        self.error.show()
        self.pin.clear()


class LedgerDialog(QDialog):
    """Every row of the customer's ledger with the running balance: what, why, who, and which earlier
    points a redemption or an expiry took."""

    def __init__(self, tasks: TaskRunner, customer_name: str, summaries: list[Summary], customer_id: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.customer_id = tasks, customer_id
        self.setWindowTitle(self.tr("Points history: {name}").format(name=customer_name))
        layout = QVBoxLayout(self)
        self.program = QComboBox()
        for s in summaries:
            self.program.addItem(s.program, (s.program_id, s.kind))
        layout.addWidget(self.program)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Day"), self.tr("What"), self.tr("Points"), self.tr("Balance"),
                                              self.tr("By"), self.tr("Details")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.program.currentIndexChanged.connect(lambda _i: self.load())
        self.resize(860, 480)
        self.load()

    def load(self) -> None:
        data = self.program.currentData()
        if data is None:
            return
        program_id, kind = data
        customer_id = self.customer_id
        self.tasks.run(lambda: views.ledger_lines(customer_id, program_id), lambda lines: self._show(program_id, kind, lines),
                       lambda exc: show_error(self, exc))

    def _show(self, program_id: int, kind: str, lines: list[LedgerLine]) -> None:
        if self.program.currentData() != (program_id, kind):
            return  # another program was picked meanwhile; its lines are on their way
        self.table.setRowCount(len(lines))
        for row, line in enumerate(reversed(lines)):  # newest first
            details = []
            if line.expires_on and line.points > 0:
                details.append(self.tr("valid until {date}").format(date=format_date(line.expires_on)))
            if line.taken_from:
                details.append(self.tr("from {lots}").format(lots=", ".join(
                    f"{format_date(on)} ({n})" for on, n in line.taken_from)))
            if line.approved_by:
                details.append(self.tr("approved by {name}").format(name=line.approved_by))
            by = QCoreApplication.translate("sources", line.actor) if line.actor == ledger.SYSTEM else line.actor
            values = [format_date(line.on), entry_text(line), format_points(line.points, kind),
                      format_points(line.balance, kind), by, "; ".join(details)]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column in (2, 3):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 2 and line.points < 0:
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
