"""The owner's loyalty screens: setting up programs (rules, tiers, rewards) and the liability report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.loyalty import MAX_POINTS, POINTS, STAMPS, Rules, Tier
from desktop_app.domain.money import parse_money
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import currency_symbol, error_text, format_count, format_money
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import ERROR_STYLE, ask_discard, error_label, while_alive
from desktop_app.gui.loyalty.loyalty_panel import format_points
from desktop_app.services.loyalty import programs as loyalty_programs
from desktop_app.services.loyalty import reports as loyalty_reports
from desktop_app.services.loyalty.programs import ProgramInfo, RewardInfo
from desktop_app.services.loyalty.reports import ProgramReport
from desktop_app.services.shop.shop import ShopSettings


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    return box


class ProgramsDialog(QDialog):
    """Programs on the left; the chosen one's rules, tiers and rewards on the right. The programs are read,
    and saved, on the worker lane: the dialog opens at once and Save does nothing until they are in."""

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor = tasks, shop, actor
        self.programs: list[ProgramInfo] = []
        self.current: ProgramInfo | None = None
        self.loaded = False  # the saved programs have arrived from the lane
        self.saving = False  # a save is on the lane
        self.confirm_discard: QMessageBox | None = None  # the "Discard…?" box over unsaved edits
        self._initial: tuple | None = None  # the form as last shown, to tell whether anything was edited
        self.setWindowTitle(self.tr("Loyalty programs"))
        outer = QHBoxLayout(self)

        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setMaximumWidth(220)
        left.addWidget(self.list, 1)
        self.new_points = QPushButton(self.tr("New &points club"))
        self.new_stamps = QPushButton(self.tr("New &stamp card"))
        left.addWidget(self.new_points)
        left.addWidget(self.new_stamps)
        outer.addLayout(left)

        right = QVBoxLayout()
        form = QFormLayout()
        self.name = QLineEdit()
        self.active = QCheckBox(self.tr("Running (customers earn)"))
        self.kind_label = QLabel()
        form.addRow(self.tr("Name"), self.name)
        form.addRow("", self.active)
        form.addRow(self.tr("Kind"), self.kind_label)
        # points
        self.rate_points = _spin(1, MAX_POINTS)
        self.rate_amount = QLineEdit()
        self.rate_amount.setMaximumWidth(120)
        rate = QHBoxLayout()
        rate.addWidget(self.rate_points)
        rate.addWidget(QLabel(self.tr("point(s) for every")))
        rate.addWidget(self.rate_amount)
        rate.addStretch(1)
        self.rate_row = QWidget()
        self.rate_row.setLayout(rate)
        rate.setContentsMargins(0, 0, 0, 0)
        self.rounding = QComboBox()
        for key, text in (("down", self.tr("down (R$ 49,90 → 49)")), ("nearest", self.tr("to the nearest")),
                          ("up", self.tr("up"))):
            self.rounding.addItem(text, key)
        self.stamp_on = QComboBox()
        for key, text in (("purchase", self.tr("each purchase")), ("visit", self.tr("each visit")),
                          ("both", self.tr("each visit or purchase"))):
            self.stamp_on.addItem(text, key)
        self.min_purchase = QLineEdit()
        self.min_purchase.setMaximumWidth(120)
        self.expiry = _spin(0, 120, self.tr(" months"))
        self.expiry.setSpecialValueText(self.tr("never"))
        self.welcome = _spin(0, MAX_POINTS)
        self.birthday = _spin(0, MAX_POINTS)
        self.quiet = _spin(0, 366, self.tr(" days"))
        self.adjust_limit = _spin(0, MAX_POINTS)
        self._rate_label = QLabel(self.tr("Earning"))
        self._rounding_label = QLabel(self.tr("Round points"))
        self._stamp_label = QLabel(self.tr("One stamp for"))
        form.addRow(self._rate_label, self.rate_row)
        form.addRow(self._rounding_label, self.rounding)
        form.addRow(self._stamp_label, self.stamp_on)
        form.addRow(self.tr("Minimum purchase"), self.min_purchase)
        form.addRow(self.tr("Valid for"), self.expiry)
        form.addRow(self.tr("Welcome bonus"), self.welcome)
        form.addRow(self.tr("Birthday bonus"), self.birthday)
        form.addRow(self.tr("No birthday bonus if the birthday changed within"), self.quiet)
        form.addRow(self.tr("Adjustments above this need the owner"), self.adjust_limit)
        right.addLayout(form)

        self.tiers_box = QGroupBox(self.tr("Tiers"))
        tiers_layout = QVBoxLayout(self.tiers_box)
        tier_form = QHBoxLayout()
        self.tier_basis = QComboBox()
        self.tier_basis.addItem(self.tr("by money spent"), "spend")
        self.tier_basis.addItem(self.tr("by points earned"), "points")
        self.window = _spin(1, 3660, self.tr(" days"))
        self.retention = _spin(0, 3660, self.tr(" days"))
        tier_form.addWidget(self.tier_basis)
        tier_form.addWidget(QLabel(self.tr("over the last")))
        tier_form.addWidget(self.window)
        tier_form.addWidget(QLabel(self.tr("kept for")))
        tier_form.addWidget(self.retention)
        tier_form.addStretch(1)
        tiers_layout.addLayout(tier_form)
        self.tiers = QTableWidget(0, 3)
        self.tiers.setHorizontalHeaderLabels([self.tr("Tier"), self.tr("From"), self.tr("Multiplier %")])
        self._compact(self.tiers)
        tiers_layout.addWidget(self.tiers)
        tiers_layout.addLayout(self._row_buttons(self.tiers, lambda: ("", "", "100")))
        right.addWidget(self.tiers_box)

        rewards_box = QGroupBox(self.tr("Rewards"))
        rewards_layout = QVBoxLayout(rewards_box)
        self.rewards = QTableWidget(0, 3)
        self.rewards.setHorizontalHeaderLabels([self.tr("Reward"), self.tr("Cost"), self.tr("Worth")])
        self._compact(self.rewards)
        rewards_layout.addWidget(self.rewards)
        rewards_layout.addLayout(self._row_buttons(self.rewards, lambda: ("", "", "")))
        right.addWidget(rewards_box)

        self.error = error_label()
        right.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        for b in (self.save_button, self.new_points, self.new_stamps):
            b.setEnabled(False)  # until the saved programs are on screen (they would replace a new one)
        right.addWidget(buttons)
        outer.addLayout(right, 1)

        self.list.currentRowChanged.connect(self._row_chosen)
        self.new_points.clicked.connect(lambda: self._leave(lambda: self._new(POINTS)))
        self.new_stamps.clicked.connect(lambda: self._leave(lambda: self._new(STAMPS)))
        # Where a refused field's problem points: its label (as on the form) and the widget to focus.
        self.fields: dict[str, tuple[QWidget, str]] = {
            "name": (self.name, self.tr("Name")), "points": (self.rate_points, self.tr("Earning")),
            "per_cents": (self.rate_amount, self.tr("Earning")),
            "rounding": (self.rounding, self.tr("Round points")),
            "stamp_on": (self.stamp_on, self.tr("One stamp for")),
            "min_purchase_cents": (self.min_purchase, self.tr("Minimum purchase")),
            "expiry_months": (self.expiry, self.tr("Valid for")),
            "welcome_bonus": (self.welcome, self.tr("Welcome bonus")),
            "birthday_bonus": (self.birthday, self.tr("Birthday bonus")),
            "birthday_quiet_days": (self.quiet, self.tr("No birthday bonus if the birthday changed within")),
            "adjust_limit": (self.adjust_limit, self.tr("Adjustments above this need the owner")),
            "tier_basis": (self.tier_basis, self.tr("Tiers")), "tier_window_days": (self.window, self.tr("Tiers")),
            "tier_retention_days": (self.retention, self.tr("Tiers")), "tiers": (self.tiers, self.tr("Tiers")),
            "rewards": (self.rewards, self.tr("Rewards")),
        }
        self.resize(920, 780)
        self.reload()

    def _compact(self, table: QTableWidget) -> None:
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setMinimumHeight(5 * (self.fontMetrics().height() + 10))

    def _row_buttons(self, table: QTableWidget, blank: Callable[[], tuple[str, ...]]) -> QHBoxLayout:
        row = QHBoxLayout()
        add, remove = QPushButton(self.tr("Add")), QPushButton(self.tr("Remove"))
        add.clicked.connect(lambda: self._add_row(table, blank()))
        remove.clicked.connect(lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None)
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    @staticmethod
    def _add_row(table: QTableWidget, values: tuple[str, ...], data: object = None) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, data)
            table.setItem(row, column, item)

    # --- loading -------------------------------------------------------------------------------

    def reload(self, select_id: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Read the programs on the lane; show them (the one with `select_id` picked), then `then()`."""

        def show(programs: list[ProgramInfo]) -> None:
            self._show_programs(programs, select_id)
            if then is not None:
                then()

        self.tasks.run(loyalty_programs.programs, while_alive(self, show), while_alive(self, self._failed))

    def _show_programs(self, programs: list[ProgramInfo], select_id: int | None) -> None:
        self.loaded = True
        for b in (self.save_button, self.new_points, self.new_stamps):
            b.setEnabled(True)
        self.programs = programs
        self.list.blockSignals(True)
        self.list.clear()
        for p in self.programs:
            item = QListWidgetItem(p.name if p.active else self.tr("{name} (stopped)").format(name=p.name))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if not self.programs:
            self._show(loyalty_programs.default_program(currency_symbol(self.shop.currency)))
            return
        index = next((i for i, p in enumerate(self.programs) if p.id == select_id), 0)
        self.list.blockSignals(True)  # the programs as saved replace the form: nothing of it is to keep
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)
        self._pick(index)

    # --- unsaved edits ---------------------------------------------------------------------------

    def _state(self) -> tuple:
        """Everything the form holds, as typed (it may not parse), to compare with what was shown."""
        widgets = (self.name.text(), self.active.isChecked(), self.rate_points.value(), self.rate_amount.text(),
                   self.rounding.currentData(), self.stamp_on.currentData(), self.min_purchase.text(),
                   self.expiry.value(), self.welcome.value(), self.birthday.value(), self.quiet.value(),
                   self.adjust_limit.value(), self.tier_basis.currentData(), self.window.value(),
                   self.retention.value())
        tables = tuple(tuple(tuple(self._cell(t, r, c) for c in range(t.columnCount())) for r in range(t.rowCount()))
                       for t in (self.tiers, self.rewards))
        return widgets + tables

    def changed(self) -> bool:
        return self._initial is not None and self._state() != self._initial

    def reject(self) -> None:
        """Escape, Close or the window's close: unsaved edits are only lost when she says so."""
        if not self.changed() or ask_discard(self, QCoreApplication.translate("CustomerDialog", "Discard changes?")):
            super().reject()

    def _leave(self, then: Callable[[], None]) -> None:
        """Leave the program on screen (another picked, a new one started) and `then()`: at once when nothing
        was edited, else once she answers Discard to the same question Escape asks (Keep editing stays)."""
        if not self.changed():
            then()
            return
        if self.confirm_discard is not None:
            return
        ask_discard(self, QCoreApplication.translate("CustomerDialog", "Discard changes?"), on_discard=then)

    def _row_chosen(self, row: int) -> None:
        """Another program clicked in the list: the edited one stays picked until she discards its edits."""
        if not self.changed():
            self._pick(row)
            return
        shown = self.programs.index(self.current) if self.current in self.programs else -1
        self.list.blockSignals(True)
        self.list.setCurrentRow(shown)
        if shown < 0:
            self.list.clearSelection()
        self.list.blockSignals(False)

        def switch() -> None:
            self.list.blockSignals(True)
            self.list.setCurrentRow(row)
            self.list.blockSignals(False)
            self._pick(row)

        self._leave(switch)

    def _pick(self, row: int) -> None:
        if 0 <= row < len(self.programs):
            self._show(self.programs[row])

    def _new(self, kind: str) -> None:
        if kind == POINTS:
            program = replace(loyalty_programs.default_program(currency_symbol(self.shop.currency)), name=self.tr("Points club"))
        else:
            program = ProgramInfo(None, self.tr("Stamp card"), True, Rules(kind=STAMPS, expiry_months=6,
                                                                             adjust_limit=5),
                                  (RewardInfo(None, self.tr("A free coffee"), 10, 800),))
        self.list.clearSelection()
        self._show(program)
        self.name.setFocus()
        self.name.selectAll()

    def _show(self, p: ProgramInfo) -> None:
        self.current = p
        r = p.rules
        self.error.hide()
        self.name.setText(p.name)
        self.active.setChecked(p.active)
        self.kind_label.setText(self.tr("points") if r.kind == POINTS else self.tr("stamp card"))
        self.rate_points.setValue(r.points)
        self.rate_amount.setText(format_money(r.per_cents, self.shop.currency))
        self.rounding.setCurrentIndex(max(self.rounding.findData(r.rounding), 0))
        self.stamp_on.setCurrentIndex(max(self.stamp_on.findData(r.stamp_on), 0))
        self.min_purchase.setText(format_money(r.min_purchase_cents, self.shop.currency))
        self.expiry.setValue(r.expiry_months)
        self.welcome.setValue(r.welcome_bonus)
        self.birthday.setValue(r.birthday_bonus)
        self.quiet.setValue(r.birthday_quiet_days)
        self.adjust_limit.setValue(r.adjust_limit)
        self.tier_basis.setCurrentIndex(max(self.tier_basis.findData(r.tier_basis), 0))
        self.window.setValue(r.tier_window_days)
        self.retention.setValue(r.tier_retention_days)
        self.tiers.setRowCount(0)
        for t in r.tiers:
            threshold = format_money(t.threshold, self.shop.currency) if r.tier_basis == "spend" else str(t.threshold)
            self._add_row(self.tiers, (t.name, threshold, str(t.multiplier_pct)))
        self.rewards.setRowCount(0)
        for reward in p.rewards:
            if reward.active:
                self._add_row(self.rewards, (reward.name, str(reward.cost),
                                             format_money(reward.value_cents, self.shop.currency)), reward.id)
        is_points = r.kind == POINTS
        for w in (self._rate_label, self.rate_row, self._rounding_label, self.rounding, self.tiers_box):
            w.setVisible(is_points)
        self._stamp_label.setVisible(not is_points)
        self.stamp_on.setVisible(not is_points)
        self._initial = self._state()

    # --- saving --------------------------------------------------------------------------------

    def _cell(self, table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text().strip() if item is not None else ""

    def program_from_form(self) -> ProgramInfo:
        assert self.current is not None
        kind = self.current.rules.kind
        basis = self.tier_basis.currentData()
        tiers = []
        for row in range(self.tiers.rowCount()):
            name, raw, pct = (self._cell(self.tiers, row, c) for c in range(3))
            if not (name or raw):
                continue
            try:
                threshold = parse_money(raw or "0") if basis == "spend" else int(raw or "0")
                multiplier = int(pct or "100")
            except (ValueError, ReguaError):
                raise ValidationError("tiers", "loyalty_number_invalid", low=0, high=MAX_POINTS) from None
            tiers.append(Tier(name, threshold, multiplier))
        rewards = []
        for row in range(self.rewards.rowCount()):
            name, cost, worth = (self._cell(self.rewards, row, c) for c in range(3))
            if not (name or cost or worth):
                continue
            reward_id = self.rewards.item(row, 0).data(Qt.ItemDataRole.UserRole) if self.rewards.item(row, 0) else None
            rewards.append(loyalty_programs.reward_input(name, cost, worth or "0", True, reward_id))
        rules = Rules(
            kind=kind, points=self.rate_points.value(), per_cents=parse_money(self.rate_amount.text() or "0"),
            rounding=self.rounding.currentData(), min_purchase_cents=parse_money(self.min_purchase.text() or "0"),
            stamp_on=self.stamp_on.currentData(), expiry_months=self.expiry.value(),
            welcome_bonus=self.welcome.value(), birthday_bonus=self.birthday.value(),
            birthday_quiet_days=self.quiet.value(), adjust_limit=self.adjust_limit.value(), tier_basis=basis,
            tier_window_days=self.window.value(), tier_retention_days=self.retention.value(), tiers=tuple(tiers))
        return ProgramInfo(self.current.id, self.name.text(), self.active.isChecked(), rules, tuple(rewards))

    def _failed(self, exc: BaseException) -> None:
        """A typed error in words under the form (the dialog stays open); anything else is a bug."""
        self.saving = False
        if not isinstance(exc, ReguaError):
            raise exc
        text = error_text(exc)
        widget, label = self.fields.get(exc.field, (None, "")) if isinstance(exc, ValidationError) else (None, "")
        if widget is not None and widget.isVisibleTo(self):
            # The MailAccountDialog's "{field}: {problem}", already translated.
            text = QCoreApplication.translate("MailAccountDialog", "{field}: {problem}").format(field=label,
                                                                                              problem=text)
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        self.error.setStyleSheet(ERROR_STYLE)  # a "Saved." before it left the label green
        self.error.setText(text)
        self.error.show()

    def save(self) -> None:
        """Check the form here, save on the lane; once saved, the programs afresh with this one picked."""
        if not self.loaded or self.saving:
            return
        try:
            program = self.program_from_form()
        except ReguaError as exc:
            self._failed(exc)
            return
        actor = self.actor

        def saved() -> None:
            self.error.setStyleSheet("color: #1e7e34;")
            self.error.setText(self.tr("Saved. The new rules apply to points earned from now on."))
            self.error.show()

        def done(program_id: int) -> None:
            self.saving = False
            self.reload(program_id, saved)

        self.saving = True
        self.tasks.write(lambda: loyalty_programs.save_program(program, actor=actor), Changes(loyalty=True),
                         while_alive(self, done), while_alive(self, self._failed), initiator=self)


class LoyaltyReportDialog(QDialog):
    """What the shop owes in points, what that is worth, what expires next month, how much is redeemed,
    and how many customers sit in each tier. Computed on the worker lane."""

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.setWindowTitle(self.tr("Loyalty report"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 0)  # one column per program, one row per figure
        self.measures = [self.tr("Members"), self.tr("Outstanding"), self.tr("Worth"), self.tr("Expiring next month"),
                         self.tr("Redeemed / earned (12 months)"), self.tr("Customers per tier"),
                         self.tr("Negative balances")]
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table)
        self.note = QLabel(self.tr("Loading…"))
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(760, 420)
        self.reports: list[ProgramReport] | None = None
        day = today()
        tasks.run(lambda: loyalty_reports.report(day, actor=actor), self.show_reports, lambda exc: show_error(self, exc))

    def show_reports(self, reports: list[ProgramReport]) -> None:
        self.reports = reports
        self.table.setColumnCount(len(reports))
        self.table.setRowCount(len(self.measures))
        self.table.setHorizontalHeaderLabels([r.program for r in reports])
        self.table.setVerticalHeaderLabels(self.measures)
        no_tier = self.tr("no tier")
        for column, r in enumerate(reports):
            rate = self.tr("no points earned") if r.redemption_rate is None else \
                f"{r.redemption_rate:.0%}  ({format_points(r.redeemed_12m, r.kind)} / {format_points(r.earned_12m, r.kind)})"
            tiers = "\n".join(f"{name or no_tier}: {format_count(count)}"
                              for name, count in r.per_tier if name or count)
            values = [format_count(r.members), format_points(r.outstanding, r.kind),
                      format_money(r.value_cents, self.shop.currency), format_points(r.expiring_next_month, r.kind),
                      rate, tiers or "—", str(r.negative_balances)]
            for row, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.note.setText(self.tr(
            "Outstanding: points earned and not yet spent or expired. Worth: at the most generous reward's rate, "
            "what the shop would give if every point were redeemed.") if reports else
            self.tr("No loyalty program yet: set one up in Shop → Loyalty programs."))
