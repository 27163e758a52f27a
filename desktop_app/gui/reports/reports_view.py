"""The Reports section: the shop's health at a glance, segments and lifecycle in plain words, what the
régua brought back, and how complaints are handled. Each tab loads on the worker lane (the figures for
a big shop take a second or two) and the GUI stays usable meanwhile. Every chart can show its numbers
as a table, and everything on screen can go to one xlsx file.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.permissions import allowed
from desktop_app.domain.segments import group_of
from desktop_app.gui.cadence.today_view import step_label
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import (
    format_count,
    format_date,
    format_money,
    format_percent,
    segment_hint,
    segment_label,
    short_month,
    stage_hint,
    stage_label,
)
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.reports.charts import BAR, HBAR, LINE, ChartCard, Figure
from desktop_app.services.reports import reports
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets import exporter

GROUP_ROLE = Qt.ItemDataRole.UserRole


def _number(value: float) -> str:
    return format_count(value)


class Tile(QFrame):
    """One figure, big, with what it is under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("—")
        self.value.setStyleSheet("font-size: 20pt; font-weight: bold;")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setStyleSheet("color: palette(mid);")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class _Table(QTableWidget):
    """A read-only table whose figures line up on the right; `text_columns` stay on the left."""

    def __init__(self, headers: list[str], text_columns: tuple[int, ...]) -> None:
        super().__init__(0, len(headers))
        self.text_columns = text_columns


def _table(headers: list[str], text_columns: tuple[int, ...] = (0,)) -> _Table:
    table = _Table(headers, text_columns)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: _Table, rows: list[list], data: list | None = None) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value))
            if c not in table.text_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if data is not None and c == 0:
                item.setData(GROUP_ROLE, data[r])
            table.setItem(r, c, item)


def _table_rows(table: QTableWidget) -> tuple[list[str], list[list[str]]]:
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]
    return headers, rows


class ReportsView(QWidget):
    show_group = Signal(str, str)  # ("segment" | "stage", key): the customer list, filtered
    status = Signal(str)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.loaded_on: date | None = None
        self._generation = 0
        self.data: reports.Dashboard | None = None

        self.heading = QLabel(self.tr("Reports"))
        self.heading.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.state = QLabel()
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setToolTip(self.tr("Every table and chart of this section, as numbers, in one xlsx file"))
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.state, 1)
        top.addWidget(self.refresh_button)
        top.addWidget(self.export_button)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview(), self.tr("Overview"))
        self.tabs.addTab(self._segments_tab(), self.tr("Segments"))
        self.tabs.addTab(self._cadence_tab(), self.tr("Régua results"))
        self.tabs.addTab(self._service_tab(), self.tr("Service"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.refresh_button.clicked.connect(lambda: self.load(force=True))
        self.export_button.clicked.connect(lambda: self.export())
        self.set_actor(actor)

    # --- layout ---------------------------------------------------------------------------------

    def _overview(self) -> QWidget:
        page = QWidget()
        tiles = QGridLayout()
        self.tile_customers = Tile(self.tr("customers"))
        self.tile_new = Tile(self.tr("new this month"))
        self.tile_returning = Tile(self.tr("of the last 90 days' buyers had bought before"))
        self.tile_gap = Tile(self.tr("days between visits, on average"))
        self.tile_birthday = Tile(self.tr("have a birthday on file"))
        self.tile_consent = Tile(self.tr("agreed to e-mails"))
        self.tile_owed = Tile(self.tr("owed in loyalty rewards"))
        for i, tile in enumerate((self.tile_customers, self.tile_new, self.tile_returning, self.tile_gap,
                                  self.tile_birthday, self.tile_consent, self.tile_owed)):
            tiles.addWidget(tile, 0, i)
        self.new_card, self.week_card = ChartCard(), ChartCard()
        self.segment_card, self.stage_card = ChartCard(), ChartCard()
        grid = QGridLayout()
        grid.addWidget(self.new_card, 0, 0)
        grid.addWidget(self.week_card, 0, 1)
        grid.addWidget(self.segment_card, 1, 0)
        grid.addWidget(self.stage_card, 1, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(tiles)
        layout.addLayout(grid, 1)
        return page

    def _segments_tab(self) -> QWidget:
        page = QWidget()
        heads = [self.tr("Group"), self.tr("Customers"), self.tr("End of last month"), self.tr("Came in"),
                 self.tr("Went out"), self.tr("What it means")]
        self.segment_table = _table(heads, (0, 5))
        self.stage_table = _table([self.tr("Stage"), *heads[1:]], (0, 5))
        self.moved_label = QLabel()
        self.open_group_button = QPushButton(self.tr("Show these customers"))
        self.open_group_button.setToolTip(self.tr("Open the customer list filtered by the selected group "
                                                  "(then message them from there)"))
        self.open_group_button.setEnabled(False)
        explain = QLabel(self.tr(
            "Segments rank customers who bought by how recently, how often and how much (each scored 1–5 "
            "by fifths of the shop's customers). Stages follow each customer's history. Both are worked "
            "out once a day."))
        explain.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(explain)
        layout.addWidget(QLabel("<b>" + self.tr("Segments") + "</b>"))
        layout.addWidget(self.segment_table, 1)
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>" + self.tr("Lifecycle") + "</b>"))
        row.addWidget(self.moved_label, 1)
        layout.addLayout(row)
        layout.addWidget(self.stage_table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_group_button)
        layout.addLayout(buttons)
        self._group: tuple[str, str] | None = None
        for table in (self.segment_table, self.stage_table):
            table.itemSelectionChanged.connect(lambda table=table: self._group_selected(table))
            table.itemDoubleClicked.connect(lambda _item: self.open_group())
        self.open_group_button.clicked.connect(self.open_group)
        return page

    def _cadence_tab(self) -> QWidget:
        page = QWidget()
        self.window_days = QSpinBox()
        self.window_days.setRange(1, 90)
        self.window_days.setValue(reports.DEFAULT_WINDOW_DAYS)
        self.window_days.setSuffix(self.tr(" days"))
        self.window_days.valueChanged.connect(lambda _v: self.load_cadence())
        self.cadence_card = ChartCard()
        self.cadence_table = _table([self.tr("Month"), self.tr("Step"), self.tr("Sent"), self.tr("Bought after"),
                                     self.tr("Share"), self.tr("Value"), self.tr("No message (baseline)")], (0, 1))
        self.redeemed_table = _table([self.tr("Month"), self.tr("Gift coupons used"), self.tr("Rewards redeemed"),
                                      self.tr("Points spent")])
        self.baseline_note = QLabel()
        self.baseline_note.setWordWrap(True)
        self.baseline_note.setStyleSheet("color: palette(mid);")
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Purchases counted within")))
        head.addWidget(self.window_days)
        head.addWidget(QLabel(self.tr("after each message")))
        head.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(head)
        layout.addWidget(self.cadence_card, 2)
        layout.addWidget(self.baseline_note)
        layout.addWidget(self.cadence_table, 2)
        layout.addWidget(self.redeemed_table, 1)
        return page

    def _service_tab(self) -> QWidget:
        page = QWidget()
        self.service_card = ChartCard()
        self.service_table = _table([self.tr("Month"), self.tr("Complaints opened"), self.tr("Resolved"),
                                     self.tr("Median days to resolve"), self.tr("Still open")])
        self.staff_title = QLabel("<b>" + self.tr("Logged at the counter, per staff member and week") + "</b>")
        self.staff_table = _table([self.tr("Staff"), self.tr("Week of"), self.tr("Entries")], (0, 1))
        # Only for a shop whose tills share a server, once two of them have logged something.
        self.till_title = QLabel("<b>" + self.tr("Logged at the counter, per till, in the last {n} weeks").format(
            n=reports.STAFF_WEEKS) + "</b>")
        self.till_table = _table([self.tr("Till"), self.tr("Entries"), self.tr("Purchases"),
                                  self.tr("Purchases' value")])
        layout = QVBoxLayout(page)
        layout.addWidget(self.service_card, 2)
        layout.addWidget(self.service_table, 1)
        layout.addWidget(self.staff_title)
        layout.addWidget(self.staff_table, 1)
        layout.addWidget(self.till_title)
        layout.addWidget(self.till_table, 1)
        for widget in (self.till_title, self.till_table):
            widget.hide()
        return page

    def set_actor(self, actor: Actor) -> None:
        self.actor = actor
        self.export_button.setVisible(allowed(actor, "export"))
        self.loaded_on = None  # the staff table depends on who looks

    # --- loading --------------------------------------------------------------------------------

    def ensure_loaded(self) -> None:
        """When the section is shown: load once a day (Refresh reloads on demand)."""
        if self.loaded_on != self.today():
            self.load()

    def load(self, *, force: bool = False) -> None:
        if not allowed(self.actor, "reports.view"):
            return
        self._generation += 1
        generation = self._generation
        today, shop, actor = self.today(), self.shop, self.actor
        self.loaded_on = today
        self.state.setText(self.tr("Working out the figures…"))
        self.refresh_button.setEnabled(False)

        def dashboard():
            if force:
                reports.refresh_segments(today, shop=shop, force=True)
            return reports.dashboard(today, shop=shop, actor=actor, refresh=False)

        def segments_then_dashboard():
            """The day's first opening: yesterday's segments are on screen; bring them up to date."""
            if reports.refresh_segments(today, shop=shop) is None:
                return None
            return reports.dashboard(today, shop=shop, actor=actor, refresh=False)

        def shown(d: reports.Dashboard | None) -> None:
            if d is not None:
                self._dashboard_loaded(generation, d)

        self.tasks.run(dashboard, lambda d: self._dashboard_loaded(generation, d), self._failed)
        self.load_cadence()
        self.tasks.run(lambda: reports.service(today, shop=shop, actor=actor),
                       lambda s: generation == self._generation and self._service_loaded(s), self._failed)
        if not force:
            self.tasks.run(segments_then_dashboard, shown, self._failed)

    def load_cadence(self) -> None:
        today, shop, actor, window = self.today(), self.shop, self.actor, self.window_days.value()
        generation = self._generation
        self.tasks.run(lambda: reports.cadence_results(today, shop=shop, actor=actor, window_days=window),
                       lambda r: generation == self._generation and self._cadence_loaded(r), self._failed)

    def _failed(self, exc: BaseException) -> None:
        self.refresh_button.setEnabled(True)
        self.state.setText("")
        self.loaded_on = None
        show_error(self, exc)

    def _dashboard_loaded(self, generation: int, d: reports.Dashboard) -> None:
        if generation != self._generation:
            return
        self.data = d
        self.refresh_button.setEnabled(True)
        if d.segments_on == d.day:
            self.state.setText(self.tr("as of {date}").format(date=format_date(d.day)))
        elif d.segments_on is None:
            self.state.setText(self.tr("as of {date}; working out the segments…").format(date=format_date(d.day)))
        else:
            self.state.setText(self.tr("as of {date}; segments of {then}, being updated…").format(
                date=format_date(d.day), then=format_date(d.segments_on)))
        new_this_month = d.new_by_month[-1][1] if d.new_by_month else 0
        self.tile_customers.set(_number(d.customers))
        self.tile_new.set(_number(new_this_month))
        self.tile_returning.set(format_percent(d.returning_rate))
        self.tile_gap.set("—" if d.days_between_visits is None else _number(d.days_between_visits))
        self.tile_birthday.set(format_percent(d.birthday_share))
        self.tile_consent.set(format_percent(d.consent_share))
        owed = sum(x.value_cents for x in d.liability)
        self.tile_owed.set(format_money(owed, self.shop.currency) if d.liability else "—",
                           ", ".join(f"{x.program}: {_number(x.outstanding)}" for x in d.liability))

        self.new_card.show_figure(Figure(
            self.tr("New customers per month"), [short_month(m) for m, _n in d.new_by_month],
            [(self.tr("New customers"), [n for _m, n in d.new_by_month])], BAR, self.tr("Month"), _number))
        self.week_card.show_figure(Figure(
            self.tr("Visits and purchases per week"), [format_date(w)[:5] for w, _v, _p in d.by_week],
            [(self.tr("Visits"), [v for _w, v, _p in d.by_week]), (self.tr("Purchases"), [p for _w, _v, p in d.by_week])],
            LINE, self.tr("Week of"), _number))
        self.segment_card.show_figure(Figure(
            self.tr("Segments, now and at the end of last month"), [segment_label(g.key) for g in d.segments],
            [(self.tr("Now"), [g.customers for g in d.segments]),
             (self.tr("End of last month"), [g.last_month for g in d.segments])], HBAR, self.tr("Segment"), _number))
        self.stage_card.show_figure(Figure(
            self.tr("Lifecycle stages"), [stage_label(g.key) for g in d.stages],
            [(self.tr("Now"), [g.customers for g in d.stages]),
             (self.tr("End of last month"), [g.last_month for g in d.stages])], HBAR, self.tr("Stage"), _number))

        def rows(groups, label, hint):
            return [[label(g.key), _number(g.customers), _number(g.last_month), _number(g.came_in),
                     _number(g.went_out), hint(g.key)] for g in groups]

        _fill(self.segment_table, rows(d.segments, segment_label, segment_hint), [f"segment:{g.key}" for g in d.segments])
        _fill(self.stage_table, rows(d.stages, stage_label, stage_hint), [f"stage:{g.key}" for g in d.stages])
        self.moved_label.setText(self.tr("{n} customers changed stage since the end of last month", "", d.moved)
                                 .format(n=_number(d.moved)))

    def _cadence_loaded(self, r: reports.CadenceResults) -> None:
        money = self.shop.currency
        baseline = {b.month: b for b in r.baseline}
        months = sorted({s.month for s in r.steps} | set(baseline))
        sent, bought = defaultdict(int), defaultdict(int)
        for s in r.steps:
            sent[s.month] += s.sent
            bought[s.month] += s.bought
        self.cadence_card.show_figure(Figure(
            self.tr("Bought within {n} days: after a message, and without one").format(n=r.window_days),
            [short_month(m) for m in months],
            [(self.tr("Got a message (%)"), [100 * bought[m] / sent[m] if sent[m] else 0 for m in months]),
             (self.tr("No message, baseline (%)"),
              [100 * (baseline[m].rate or 0) if m in baseline else 0 for m in months])],
            BAR, self.tr("Month"), lambda v: f"{v:.0f}%"))
        self.baseline_note.setText(self.tr(
            "Baseline: customers who got no message that month, and how many of them bought within {n} days "
            "from the {day}th. A simple comparison, not an experiment: the customers who get a message "
            "are not chosen at random.").format(n=r.window_days, day=reports.BASELINE_DAY))
        rows = []
        for s in reversed(r.steps):
            b = baseline.get(s.month)
            rows.append([short_month(s.month), step_label(s.step), _number(s.sent), _number(s.bought),
                         format_percent(s.rate), format_money(s.value_cents, money),
                         format_percent(b.rate) if b else "—"])
        _fill(self.cadence_table, rows)
        used: dict[date, list[int]] = defaultdict(lambda: [0, 0, 0])
        for month, _step, n in r.coupons:
            used[month][0] += n
        for month, n, points in r.rewards:
            used[month][1] += n
            used[month][2] += points
        _fill(self.redeemed_table, [[short_month(m), _number(a), _number(b), _number(c)]
                                    for m, (a, b, c) in sorted(used.items(), reverse=True)])

    def _service_loaded(self, s: reports.Service) -> None:
        self.service_card.show_figure(Figure(
            self.tr("Complaints per month"), [short_month(m.month) for m in s.months],
            [(self.tr("Opened"), [m.opened for m in s.months]), (self.tr("Resolved"), [m.resolved for m in s.months])],
            BAR, self.tr("Month"), _number))
        _fill(self.service_table, [[short_month(m.month), _number(m.opened), _number(m.resolved),
                                    "—" if m.median_days is None else QLocale().toString(m.median_days, "f", 1), _number(m.open_now)]
                                   for m in reversed(s.months)])
        self.staff_title.setVisible(s.by_staff is not None)
        self.staff_table.setVisible(s.by_staff is not None)
        _fill(self.staff_table, [[name, format_date(monday), _number(n)]
                                 for name, monday, n in sorted(s.by_staff or [], key=lambda x: (x[1], x[0]), reverse=True)])
        self.till_title.setVisible(bool(s.by_till))
        self.till_table.setVisible(bool(s.by_till))
        _fill(self.till_table, [[t.till or self.tr("(not recorded)"), _number(t.entries), _number(t.purchases),
                                 format_money(t.purchase_cents, self.shop.currency)] for t in s.by_till])

    # --- actions --------------------------------------------------------------------------------

    def _group_selected(self, table: QTableWidget) -> None:
        """One group at a time across the two tables: the one just picked."""
        other = self.stage_table if table is self.segment_table else self.segment_table
        item = table.item(table.currentRow(), 0) if table.selectedItems() else None
        if item is not None:
            other.blockSignals(True)
            other.clearSelection()
            other.blockSignals(False)
        self._group = group_of(item.data(GROUP_ROLE) or "") if item is not None else None
        self.open_group_button.setEnabled(self._group is not None)

    def open_group(self) -> None:
        if self._group:
            self.show_group.emit(*self._group)

    def sheets(self) -> list[exporter.Sheet]:
        """What is on screen, as tables: each chart's numbers, then the tables of each tab."""
        result = []
        for card in (self.new_card, self.week_card, self.segment_card, self.stage_card, self.cadence_card,
                     self.service_card):
            if card.figure is not None:
                result.append((card.figure.title, card.figure.headers(), card.figure.rows()))
        for title, table in ((self.tr("Segments"), self.segment_table), (self.tr("Lifecycle"), self.stage_table),
                             (self.tr("Régua results"), self.cadence_table),
                             (self.tr("Coupons and rewards"), self.redeemed_table),
                             (self.tr("Service"), self.service_table), (self.tr("Staff"), self.staff_table),
                             (self.tr("Tills"), self.till_table)):
            if table not in (self.staff_table, self.till_table) or not table.isHidden():
                headers, rows = _table_rows(table)
                result.append((title, headers, rows))
        return result

    def export(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the reports"),
                                                  self.tr("reports-{date}.xlsx").format(date=self.today().isoformat()),
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not path:
                return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        sheets, actor = self.sheets(), self.actor
        self.tasks.run(lambda: exporter.export_tables(path, sheets, actor=actor, what="reports"),
                       lambda n: self.status.emit(self.tr("Reports exported: {n} rows.", "", n).format(n=n)),
                       lambda exc: show_error(self, exc))
