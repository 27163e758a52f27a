"""The import wizard: file -> sheet and header -> mapping -> preview with problems -> import.

Reading, checking and writing run in the work process (gui/common/work_process.py), which keeps the
whole file and the checked plan between the steps, with a progress bar and Cancel; the window never
waits on them, and gets back only the first rows, the counts and the rows it shows. Nothing is written before the last step, and the last step writes all or nothing. The
preview lists possible duplicates (a row sharing a phone, e-mail, tax id or card code with a customer of
another name) for the owner to decide: a new customer unless she says it is the same person. A step that
fails unexpectedly says so on its page and leaves the wizard usable (Back, try again, Cancel).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.errors import MESSAGES, ReguaError
from desktop_app.domain.importing import DATE_FIELDS, FIELDS, cell_text, date_order, guess_mapping
from desktop_app.gui.common.errors import report_bug, show_error
from desktop_app.gui.common.i18n import error_text, format_count
from desktop_app.gui.common.tasks import WORK, Changes, TaskRunner
from desktop_app.gui.common.widgets import error_label, while_alive
from desktop_app.services import work_jobs
from desktop_app.services.shop.shop import ShopSettings
from desktop_app.services.spreadsheets import import_history, import_write
from desktop_app.services.spreadsheets.import_types import Cancelled, ImportOptions
from desktop_app.services.spreadsheets.spreadsheet import Table

PREVIEW_ROWS = 8
FILL_SLICE_S = 0.010  # the problem rows go on screen in slices of about 10 ms, one per event-loop turn


def _translations() -> dict[tuple[str, str], str]:
    """The texts a problem's message is made of, in the user's language, for the work process (no Qt
    there): every error template and country name."""
    texts = {("errors", text): QCoreApplication.translate("errors", text) for text in MESSAGES.values()}
    texts.update({("countries", c.name): QCoreApplication.translate("countries", c.name) for c in COUNTRIES.values()})
    return texts


class _Busy:
    """A progress bar with Cancel for one job on the worker lane."""

    def __init__(self, page: QWizardPage, layout: QVBoxLayout) -> None:
        self.bar = QProgressBar()
        self.bar.hide()
        self.cancel = QPushButton(QCoreApplication.translate("ImportWizard", "Cancel"))
        self.cancel.hide()
        self.cancelled = False
        self._last = (0, 0)
        self.cancel.clicked.connect(self._cancel)
        self.timer = QTimer(page)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._show_progress)
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        layout.addLayout(row)

    def _cancel(self) -> None:
        self.cancelled = True

    def start(self) -> Callable[[int, int], None]:
        self.cancelled = False
        self._last = (0, 0)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel.show()
        self.timer.start()

        def progress(done: int, total: int) -> None:
            # Called on the worker thread: it only stores numbers; the GUI timer shows them.
            if self.cancelled:
                raise Cancelled
            self._last = (done, total)

        return progress

    def _show_progress(self) -> None:
        done, total = self._last
        if total:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def stop(self) -> None:
        self.timer.stop()
        self.bar.hide()
        self.cancel.hide()


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Which file?"))
        self.setSubTitle(self.tr("An Excel sheet (.xlsx, .xls), a LibreOffice sheet (.ods) or a .csv file."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self.choose)
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.error = error_label()
        layout.addWidget(self.error)
        self.busy = _Busy(self, layout)
        layout.addStretch(1)
        self.registerField("path*", self.path)

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import customers"), "",
                                              self.tr("Spreadsheets (*.xlsx *.xls *.ods *.csv);;All files (*)"))
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.w.table is not None and self.w.table_path == self.path.text():
            return True
        self.w.load(self.path.text(), None, self)
        return False


class SheetPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Sheet and header"))
        self.setSubTitle(self.tr("Régua found the row with the column titles; change it if it is wrong."))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.sheet = QComboBox()
        self.header_row = QSpinBox()
        self.header_row.setMinimum(1)
        row.addWidget(QLabel(self.tr("Sheet")))
        row.addWidget(self.sheet, 1)
        row.addWidget(QLabel(self.tr("Titles in row")))
        row.addWidget(self.header_row)
        layout.addLayout(row)
        self.preview = QTableWidget()
        layout.addWidget(self.preview, 1)
        self.error = error_label()
        layout.addWidget(self.error)
        self.busy = _Busy(self, layout)
        self.sheet.activated.connect(lambda _i: self.w.load(self.w.table_path, self.sheet.currentText(), self))
        self.header_row.valueChanged.connect(self._header_changed)

    def initializePage(self) -> None:  # noqa: N802
        t = self.w.table
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(t.sheets)
        self.sheet.setCurrentText(t.sheet)
        self.sheet.setEnabled(len(t.sheets) > 1)
        self.sheet.blockSignals(False)
        self.header_row.blockSignals(True)
        self.header_row.setMaximum(max(1, len(t.head)))
        self.header_row.setValue(t.header_index + 1)
        self.header_row.blockSignals(False)
        self._fill_preview()

    def _header_changed(self, value: int) -> None:
        self.w.table.header_index = value - 1
        self.w.mapping = None
        self._fill_preview()

    def _fill_preview(self) -> None:
        t = self.w.table
        rows = t.head[t.header_index:t.header_index + 1 + PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.preview.clear()
        self.preview.setRowCount(max(0, len(rows) - 1))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([cell_text(v) for v in (rows[0] if rows else [])])
        for r, row in enumerate(rows[1:]):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(cell_text(value)))


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Which column is which?"))
        self.setSubTitle(self.tr("Régua guessed from the titles. Pick another field or (ignore) for any column."))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Example"), self.tr("Goes to"),
                                              self.tr("Dates written as")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.file_wins = QCheckBox(self.tr("For customers already in Régua, the file's values replace theirs "
                                           "(otherwise only empty fields are filled)"))
        layout.addWidget(self.file_wins)
        self.error = error_label()
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        t = self.w.table
        header = t.header
        mapping = self.w.mapping or guess_mapping(header)
        data = t.head[t.header_index + 1:]
        self.table.setRowCount(len(header))
        self.combos: list[QComboBox] = []
        self.orders: dict[int, QComboBox] = {}
        for c, title in enumerate(header):
            self.table.setItem(c, 0, QTableWidgetItem(cell_text(title) or f"#{c + 1}"))
            example = next((cell_text(r[c]) for r in data[:50] if c < len(r) and cell_text(r[c]).strip()), "")
            self.table.setItem(c, 1, QTableWidgetItem(example[:80]))
            combo = QComboBox()
            for key, label in FIELDS.items():
                combo.addItem(QCoreApplication.translate("fields", label), key)
            combo.setCurrentIndex(max(combo.findData(mapping[c] if c < len(mapping) else "ignore"), 0))
            self.table.setCellWidget(c, 2, combo)
            self.combos.append(combo)
            order = QComboBox()
            order.addItem(self.tr("day/month/year"), "dmy")
            order.addItem(self.tr("month/day/year"), "mdy")
            guessed = date_order((r[c] for r in data if c < len(r)), default_day_first=self.w.shop.country != "US")
            order.setCurrentIndex(order.findData(guessed))
            self.table.setCellWidget(c, 3, order)
            self.orders[c] = order
            combo.currentIndexChanged.connect(lambda _i, c=c: self._field_changed(c))
            self._field_changed(c)
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(2, 170)
        self.table.setColumnWidth(3, 140)

    def _field_changed(self, column: int) -> None:
        is_date = self.combos[column].currentData() in DATE_FIELDS
        self.orders[column].setEnabled(is_date)
        self.orders[column].setStyleSheet("" if is_date else "color: transparent;")

    def options(self, same_person: frozenset[int] = frozenset()) -> ImportOptions:
        mapping = [c.currentData() for c in self.combos]
        orders = {c: self.orders[c].currentData() for c, f in enumerate(mapping) if f in DATE_FIELDS}
        return ImportOptions(mapping=mapping, date_orders=orders, file_wins=self.file_wins.isChecked(),
                             same_person=same_person)

    def validatePage(self) -> bool:  # noqa: N802
        mapping = [c.currentData() for c in self.combos]
        if not {"name", "first_name", "last_name"} & set(mapping):
            self.error.setText(error_text(ReguaError("no_name_column")))
            self.error.show()
            return False
        self.w.mapping = mapping
        return True


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.w = wizard
        self.setTitle(self.tr("Check before importing"))
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-size: 11pt;")
        layout.addWidget(self.summary)
        self.problems = QTableWidget(0, 5)
        self.problems.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Column"), self.tr("Value"),
                                                 self.tr("Kind"), self.tr("Problem")])
        self.problems.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problems.verticalHeader().hide()
        layout.addWidget(self.problems, 1)
        self.duplicates_label = QLabel(self.tr(
            "Possible duplicates: these rows share a phone, e-mail, tax id or card code with a customer of "
            "another name (families often share a phone). Each becomes a new customer unless you say it is the "
            "same person."))
        self.duplicates_label.setWordWrap(True)
        layout.addWidget(self.duplicates_label)
        self.duplicates = QTableWidget(0, 4)
        self.duplicates.setHorizontalHeaderLabels([self.tr("Row"), self.tr("In the file"), self.tr("In Régua"),
                                                   self.tr("Import as")])
        self.duplicates.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.duplicates.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.duplicates.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.duplicates.verticalHeader().hide()
        layout.addWidget(self.duplicates, 1)
        self.decisions: dict[int, QComboBox] = {}
        self.save_problems = QPushButton(self.tr("Save the problem rows as a spreadsheet…"))
        self.save_problems.clicked.connect(self.save_problem_rows)
        layout.addWidget(self.save_problems, alignment=Qt.AlignmentFlag.AlignLeft)
        self.error = error_label()
        layout.addWidget(self.error)
        self.busy = _Busy(self, layout)
        self.plan: work_jobs.ImportCheck | None = None  # the last check's answer, once on screen
        self._filling: Iterator[None] | None = None
        self.batch: int | None = None

    def initializePage(self) -> None:  # noqa: N802
        self.same_person: set[int] = set()
        self._check()

    def _check(self) -> None:
        """Plan the import on the worker lane, with the owner's decisions on possible duplicates."""
        self.plan = None
        self.completeChanged.emit()
        self.error.hide()
        self.summary.setText(self.tr("Checking every row…"))
        self.problems.setRowCount(0)
        self.duplicates.setEnabled(False)
        self._filling = None
        options = self.w.mapping_page.options(frozenset(self.same_person))
        path, sheet, header_index = self.w.table_path, self.w.table.sheet, self.w.table.header_index
        shop, today, texts, child = self.w.shop, self.w.today(), _translations(), self.w.tasks.child(WORK)
        progress = self.busy.start()

        def work() -> work_jobs.ImportCheck:  # in the work process, which keeps the plan for the commit
            return child.call(work_jobs.check_import, path, sheet, header_index, options, shop, today, texts,
                              progress=progress)

        self.w.tasks.run(work, self._planned, self._failed, lane=WORK)

    def _fill_duplicates(self, check: work_jobs.ImportCheck) -> None:
        shown = check.duplicates
        self.duplicates_label.setVisible(bool(shown))
        self.duplicates.setVisible(bool(shown))
        self.duplicates.setEnabled(True)
        self.duplicates.setRowCount(len(shown))
        self.decisions = {}
        for r, (row, name, existing_name, same_person) in enumerate(shown):
            for c, text in enumerate((str(row), name, existing_name)):
                self.duplicates.setItem(r, c, QTableWidgetItem(text))
            choice = QComboBox()
            choice.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # "Um cliente n…" was cut
            choice.addItem(self.tr("A new customer"), False)
            choice.addItem(self.tr("The same person: update {name}").format(name=existing_name), True)
            choice.setCurrentIndex(1 if same_person else 0)
            choice.currentIndexChanged.connect(lambda _i, row=row, box=choice: self._decided(row, box))
            self.duplicates.setCellWidget(r, 3, choice)
            self.decisions[row] = choice

    def _decided(self, row: int, box: QComboBox) -> None:
        if box.currentData():
            self.same_person.add(row)
        else:
            self.same_person.discard(row)
        self._check()

    def _planned(self, check: work_jobs.ImportCheck) -> None:
        """The check's answer: the summary and the duplicates at once, the problem rows a slice per
        event-loop turn (5,000 rows of 5 cells would hold the window for a few hundred ms); the page is
        complete (Import on) once the last row is in."""
        self.busy.stop()
        self._fill_duplicates(check)
        errors, warnings = check.errors, check.warnings
        rows, created, updated, merged, skipped = check.rows, check.created, check.updated, check.merged, check.skipped
        # one plural form per count ("1 warning", "2 warnings"), each a literal that lupdate sees
        summary = self.tr("{rows}: {created}, {updated}, {merged}, {skipped}. {errors}; {warnings}.")
        self.summary.setText(summary.format(
            rows=self.tr("{n} rows", "", rows).format(n=format_count(rows)),
            created=self.tr("{n} new customers", "", created).format(n=format_count(created)),
            updated=self.tr("{n} updated", "", updated).format(n=format_count(updated)),
            merged=self.tr("{n} merged with another row of the file", "", merged).format(n=format_count(merged)),
            skipped=self.tr("{n} skipped", "", skipped).format(n=format_count(skipped)),
            errors=self.tr("{n} rows have errors and will not be imported", "", errors).format(n=format_count(errors)),
            warnings=self.tr("{n} warnings", "", warnings).format(n=format_count(warnings))))
        if check.duplicate_count:
            self.summary.setText(self.summary.text() + " " + self.tr(
                "%n possible duplicates: decide below.", "", check.duplicate_count))
        self.problems.setRowCount(len(check.problems))
        self._filling = self._fill_problems(check)
        self._fill_slice(self._filling)

    def _fill_problems(self, check: work_jobs.ImportCheck) -> Iterator[None]:
        """Put the problem rows in the table, yielding after each row (the slicer decides when to pause)."""
        kinds = {"error": self.tr("error"), "warning": self.tr("warning")}
        for r, (row, column, value, severity, message) in enumerate(check.problems):
            for c, text in enumerate((row, column, value, kinds[severity], message)):
                item = QTableWidgetItem(text)
                if severity == "error":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.problems.setItem(r, c, item)
            yield
        self.save_problems.setEnabled(bool(check.problems))
        self.plan = check
        self.completeChanged.emit()

    def _fill_slice(self, filling: Iterator[None]) -> None:
        if filling is not self._filling:
            return  # a newer check started meanwhile
        end = time.perf_counter() + FILL_SLICE_S
        for _ in filling:
            if time.perf_counter() >= end:
                QTimer.singleShot(0, self, lambda: self._fill_slice(filling))
                return
        self._filling = None

    def _failed(self, exc: BaseException) -> None:
        self.busy.stop()
        self.duplicates.setEnabled(True)
        if isinstance(exc, Cancelled):
            self.summary.setText(self.tr("Cancelled. Nothing was imported."))
            return
        self.summary.setText(self.tr("Nothing was imported. Go Back to change the file or the columns, or "
                                     "Cancel."))
        if isinstance(exc, ReguaError):
            self.error.setText(error_text(exc))
            self.error.show()
            return
        _unexpected(self, exc)

    def isComplete(self) -> bool:  # noqa: N802
        return self.plan is not None and self.batch is None

    def save_problem_rows(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the problem rows"),
                                              str(Path(self.w.table_path).with_name("problemas.xlsx")),
                                              "Excel (*.xlsx)")
        if not name:
            return
        texts, child = _translations(), self.w.tasks.child(WORK)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, OSError | ReguaError):
                raise exc
            self.error.setText(error_text(exc) if isinstance(exc, ReguaError) else str(exc))
            self.error.show()

        self.w.tasks.run(lambda: child.call(work_jobs.save_problem_rows, name, texts), None,
                         while_alive(self, failed), lane=WORK)

    def validatePage(self) -> bool:  # noqa: N802
        if self.batch is not None:
            return True
        actor, shop, today, child = self.w.actor, self.w.shop, self.w.today(), self.w.tasks.child(WORK)
        progress = self.busy.start()
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.w.tasks.run(lambda: child.call(work_jobs.commit_import, actor, shop, today, progress=progress),
                         self._committed, self._commit_failed, lane=WORK)
        return False

    def _committed(self, batch: int) -> None:
        self.busy.stop()
        self.batch = batch
        self.w.batch = batch
        self.w.accept()

    def _commit_failed(self, exc: BaseException) -> None:
        self._failed(exc)
        self.w.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        if isinstance(exc, ReguaError) and exc.code == "work_process_stopped":
            self.plan = None  # the work process that kept the plan is gone: Import waits for a new check
            self.completeChanged.emit()


class ImportWizard(QWizard):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.table: Table | None = None
        self.table_path = ""
        self.mapping: list[str] | None = None
        self.batch: int | None = None
        self.setWindowTitle(self.tr("Import customers"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.file_page = FilePage(self)
        self.sheet_page = SheetPage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        for page in (self.file_page, self.sheet_page, self.mapping_page, self.preview_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.resize(860, 600)
        self.finished.connect(self._forget)

    def _forget(self, _result: int) -> None:
        """Closed: the work process drops the file and the plan it kept for this wizard."""
        child = self.tasks.child(WORK)
        self.tasks.run(lambda: child.call(work_jobs.forget_import), lane=WORK)

    def load(self, path: str, sheet: str | None, page) -> None:
        """Read the file (or another sheet of it) on the worker lane, then move on or show why not."""
        page.error.hide()
        page.busy.start()

        def done(table: Table) -> None:
            page.busy.stop()
            self.table, self.table_path, self.mapping = table, path, None
            if page is self.file_page:
                self.next()
            else:
                page.initializePage()

        def failed(exc: BaseException) -> None:
            page.busy.stop()
            if isinstance(exc, ReguaError):
                page.error.setText(error_text(exc))
                page.error.show()
            else:
                _unexpected(page, exc)

        child = self.tasks.child(WORK)  # it keeps the whole file; the window gets its first rows
        self.tasks.run(lambda: child.call(work_jobs.read_import, path, sheet), done, failed, lane=WORK)


def _unexpected(page, exc: BaseException) -> None:
    """A bug in a step: the page says so in words and stays usable; the details go to the bug report."""
    page.error.setText(QCoreApplication.translate(
        "ImportWizard", "Something went wrong while reading or checking the file, and nothing was imported. "
                        "You can try again, go Back, or Cancel. The details are in Régua's log."))
    page.error.show()
    report_bug(type(exc), exc, exc.__traceback__, page)


def confirm_undo(parent: QWidget, file_name: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("ImportWizard", "Undo import"),
                                  QCoreApplication.translate("ImportWizard", "Undo the import of {file}? The customers "
                                                             "it created are removed and what it changed is "
                                                             "restored.").format(file=file_name))
    return answer == QMessageBox.StandardButton.Yes



class ImportHistoryDialog(QDialog):
    """Every import with when, who and what it did; any can be undone while nothing newer depends on it."""

    def __init__(self, tasks: TaskRunner, actor: Actor, shop: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.actor, self.shop = tasks, actor, shop
        self.undone = False
        self.batches: list = []
        self.setWindowTitle(self.tr("Imports"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("File"), self.tr("Who"),
                                              self.tr("Created / updated"), self.tr("Undone")])
        header = self.table.horizontalHeader()
        for column in (0, 2, 3, 4):  # a header is never cut ("reated / update")
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.undo_button = buttons.addButton(self.tr("&Undo this import"), QDialogButtonBox.ButtonRole.ActionRole)
        self.undo_button.clicked.connect(self.undo_selected)
        self._undoing = False
        self.table.itemSelectionChanged.connect(self._update_undo)
        self._update_undo()
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        self.resize(720, 380)

    def _update_undo(self) -> None:
        """Undo is offered for a selected import not undone yet, and not while an undo runs."""
        row = self.table.currentRow()
        self.undo_button.setEnabled(not self._undoing and 0 <= row < len(self.batches)
                                    and self.batches[row].undone_at is None)

    def reload(self) -> None:
        """The imports afresh, read on the worker lane."""
        self.tasks.run(import_history.batches, self._show, lambda exc: show_error(self, exc))

    def _show(self, batches: list) -> None:
        from datetime import UTC

        from desktop_app.domain.dates import zone
        from desktop_app.gui.common.i18n import format_datetime_local

        tz = zone(self.shop.timezone)
        self.batches = batches
        self.table.setRowCount(len(self.batches))
        for r, b in enumerate(self.batches):
            when = format_datetime_local(b.at.replace(tzinfo=UTC).astimezone(tz))
            undone = format_datetime_local(b.undone_at.replace(tzinfo=UTC).astimezone(tz)) if b.undone_at else ""
            for c, text in enumerate((when, b.file_name, b.actor, f"{b.created} / {b.updated}", undone)):
                self.table.setItem(r, c, QTableWidgetItem(text))
        if self.batches:
            self.table.selectRow(0)
        self._undoing = False  # the list as it is now (after an undo, too)
        self._update_undo()

    def undo_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.batches):
            return
        batch = self.batches[row]
        if not confirm_undo(self, batch.file_name):
            return
        actor = self.actor

        def undone(_result) -> None:
            self.error.hide()
            self.undone = True
            self.reload()  # its Undone column filled in; Undo stays off until the list is read afresh

        def refused(exc: BaseException) -> None:
            self._undoing = False
            self._update_undo()
            if not isinstance(exc, ReguaError):
                raise exc
            self.error.setText(error_text(exc))
            self.error.show()

        self._undoing = True  # one undo at a time
        self._update_undo()
        self.tasks.write(lambda: import_write.undo_import(batch.id, actor=actor),
                         Changes(customers=True, interactions=True, loyalty=True, outbox=True), undone, refused)
