"""Charts behind one small interface, so the rest of the GUI never touches the chart library (QtCharts
today). A chart is made from a `Figure`: categories along one axis and one or more named series of
numbers. The same figure is shown as a table (for screen readers, for copying, for the colour-blind)
and written to the xlsx export, so the numbers never differ between the three.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

BAR, LINE, HBAR = "bar", "line", "hbar"
# Colours that stay apart in both themes and for the common colour-blindnesses (Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00")


@dataclass
class Figure:
    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    kind: str = BAR
    category_title: str = ""
    text: Callable[[float], str] = field(default=lambda v: f"{v:g}")  # how a value reads in the table

    def rows(self) -> list[list]:
        return [[c, *(values[i] for _n, values in self.series)] for i, c in enumerate(self.categories)]

    def headers(self) -> list[str]:
        return [self.category_title, *(name for name, _v in self.series)]


def dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def chart_view(figure: Figure, parent: QWidget | None = None) -> QChartView:
    chart = QChart()
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if parent is not None and dark(parent)
                   else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setVisible(len(figure.series) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    top = max([max(values, default=0) for _n, values in figure.series] + [0])
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%.0f")
    if top < 5:  # small counts: whole-number ticks
        value_axis.setRange(0, max(1, int(top + 0.999)))
        value_axis.setTickCount(max(1, int(top + 0.999)) + 1)
    else:
        value_axis.setRange(0, top)
        value_axis.applyNiceNumbers()  # round ticks: 0, 50, 100... never 63, 125, 188
    small = chart.font()
    small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    value_axis.setLabelsFont(small)
    flip = figure.kind == HBAR  # horizontal bars grow upwards: reversed, the first category is on top
    category_axis = QBarCategoryAxis()
    category_axis.append(figure.categories[::-1] if flip else figure.categories)
    category_axis.setLabelsFont(small)
    category_axis.setTruncateLabels(False)  # "Champions", never "…"
    if figure.kind == LINE:
        for index, (name, values) in enumerate(figure.series):
            line = QLineSeries()
            line.setName(name)
            for x, y in enumerate(values):
                line.append(x, y)
            pen = line.pen()
            pen.setColor(QColor(PALETTE[index % len(PALETTE)]))
            pen.setWidth(3)
            line.setPen(pen)
            chart.addSeries(line)
        position = QCategoryAxis()  # a label every few points, so a half-year of weeks stays readable
        position.setRange(0, max(len(figure.categories) - 1, 1))
        position.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        position.setLabelsFont(small)
        position.setTruncateLabels(False)
        every = max(1, -(-len(figure.categories) // 7))
        for index in range(0, len(figure.categories), every):
            position.append(figure.categories[index], index)
        chart.addAxis(position, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        for s in chart.series():
            s.attachAxis(position)
            s.attachAxis(value_axis)
    else:
        series = QHorizontalBarSeries() if figure.kind == HBAR else QBarSeries()
        for index, (name, values) in enumerate(figure.series):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in (values[::-1] if flip else values)])
            bar_set.setColor(QColor(PALETTE[index % len(PALETTE)]))
            bar_set.setBorderColor(QColor(PALETTE[index % len(PALETTE)]))
            series.append(bar_set)
        chart.addSeries(series)
        if figure.kind == HBAR:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(category_axis, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(value_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(category_axis)
        series.attachAxis(value_axis)
    view = QChartView(chart, parent)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(200)
    return view


def table_of(figure: Figure, parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(len(figure.categories), 1 + len(figure.series), parent)
    table.setHorizontalHeaderLabels(figure.headers())
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    for r, row in enumerate(figure.rows()):
        for c, value in enumerate(row):
            item = QTableWidgetItem(str(value) if c == 0 else figure.text(value))
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


class ChartCard(QFrame):
    """A titled chart with a button that shows the same numbers as a table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.figure: Figure | None = None
        self.title = QLabel()
        self.title.setStyleSheet("font-weight: bold;")
        self.toggle = QPushButton(self.tr("Table"))
        self.toggle.setCheckable(True)
        self.toggle.setToolTip(self.tr("Show the numbers behind the chart"))
        self.toggle.toggled.connect(self._toggled)
        self.stack = QStackedWidget()
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(head)
        layout.addWidget(self.stack, 1)

    def show_figure(self, figure: Figure) -> None:
        self.figure = figure
        self.title.setText(figure.title)
        while self.stack.count():
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.stack.addWidget(chart_view(figure, self))
        self.stack.addWidget(table_of(figure, self))
        self.stack.setCurrentIndex(1 if self.toggle.isChecked() else 0)

    def _toggled(self, table: bool) -> None:
        self.toggle.setText(self.tr("Chart") if table else self.tr("Table"))
        self.stack.setCurrentIndex(1 if table else 0)
