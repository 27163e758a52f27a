"""Small pieces several windows share: the red message label, a list of found customers, and the
search-as-you-type that fills it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerRow
from desktop_app.services.shop.shop import ShopSettings

ERROR_STYLE = "color: #c0392b;"


def error_label() -> QLabel:
    """A hidden, word-wrapped red label for the message of what went wrong."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def alive(widget: QObject) -> bool:
    """False once Qt has deleted `widget` (its dialog or view was closed and deleted)."""
    try:
        widget.objectName()
    except RuntimeError:  # PySide's "Internal C++ object already deleted"
        return False
    return True


def while_alive(widget: QObject, fn: Callable[..., object]) -> Callable[..., None]:
    """`fn` for a worker lane's answer, called only while `widget` still exists: an answer that arrives
    after its dialog or view was closed and deleted is dropped instead of touching deleted widgets."""

    def call(*args: object) -> None:
        if alive(widget):
            fn(*args)

    return call


def enter_means(button: QPushButton) -> QPushButton:
    """Make `button` what Enter presses in its dialog, whatever field has the focus.

    Call it once the button box is in the dialog's layout. Qt remembers a dialog's own default button
    only when it is set on a button already inside the dialog: set earlier (on a box not yet laid out),
    it is lost the first time another button has the focus, or at once when the box holds Cancel before
    an added button, and from then on Enter means Cancel.
    """
    if not isinstance(button.window(), QDialog):
        raise RuntimeError("enter_means: the button must already be inside its dialog")
    button.setDefault(True)
    return button


class DateField(QDateEdit):
    """A day, shown and typed as the shop's locale writes it (dd/MM/yyyy in Brazil and Portugal,
    M/d/yyyy in the US), with a calendar popup (Alt+Down or F4).

    Tab and Shift+Tab leave the field like any other: Qt's QDateEdit spends them on moving between its
    day, month and year, so at the counter digits meant for the next field landed in the year. Typed
    digits fill the day, the month and the year in the locale's order, a full section moves on by
    itself, and a separator ends a section early ("5/3/2026"; one typed right after a section that
    filled itself is not a second move); "20112026" is 20/11/2026 too. A two-digit year means 20yy.
    Left/Right pick a section and Up/Down change it, as in any QDateEdit. What is typed but is no day
    (31/02) leaves the field on its last good day with `typed_invalid` set, for its form to refuse."""

    WIDTHS = {"d": 2, "M": 2, "y": 4}

    def __init__(self, parent: QWidget | None = None) -> None:
        from desktop_app.gui.common.i18n import date_format

        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_format())
        self._order = [c for c in dict.fromkeys(date_format()) if c in self.WIDTHS]
        self._separators = {c for c in date_format() if not c.isalpha()} | {"/", ".", "-"}
        self._typed = ""
        self.typed_invalid = False

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        return QWidget.focusNextPrevChild(self, next)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self._typed = ""
        super().focusInEvent(event)

    def setDate(self, value: QDate) -> None:  # noqa: N802
        self.typed_invalid = False
        super().setDate(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        text = event.text()
        plain = not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        if plain and len(text) == 1 and (text.isdigit() or text in self._separators):
            self._typed += text
            self._apply_typed()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Backspace and self._typed:
            self._typed = self._typed[:-1]
            self._apply_typed()
            event.accept()
            return
        self._typed = ""  # an arrow, Up/Down, the popup: the next digit starts afresh
        super().keyPressEvent(event)

    def _apply_typed(self) -> None:
        parts, i = ["", "", ""], 0
        for ch in self._typed:
            if i >= 3:
                break
            if ch.isdigit():
                parts[i] += ch
                if len(parts[i]) == self.WIDTHS[self._order[i]]:
                    i += 1
            elif parts[i]:
                i += 1  # a separator after "5": on to the next section
        current = self.date()
        values = {"d": current.day(), "M": current.month(), "y": current.year()}
        for section, digits in zip(self._order, parts, strict=True):
            if section == "y":
                if len(digits) == 4:
                    values["y"] = int(digits)
                elif len(digits) == 2:
                    values["y"] = 2000 + int(digits)
            elif digits and int(digits) > 0:
                values[section] = int(digits)
        typed = QDate(values["y"], values["M"], values["d"])
        if typed.isValid() and self.minimumDate() <= typed <= self.maximumDate():
            self.typed_invalid = False
            QDateEdit.setDate(self, typed)
        else:
            self.typed_invalid = True
        sections = {"d": QDateEdit.Section.DaySection, "M": QDateEdit.Section.MonthSection,
                    "y": QDateEdit.Section.YearSection}
        self.setSelectedSection(sections[self._order[min(i, 2)]])


def ask_discard(dialog: QDialog, question: str, on_discard: Callable[[], None] | None = None) -> bool:
    """What a dialog's `reject()` (Escape, Cancel, the window's close) calls when something was typed in
    it: "Discard changes?" with Keep editing as the default and as Escape's answer, so a second Escape
    does not throw the work away. Discard closes the dialog as rejected (or runs `on_discard`: leaving
    what is on screen for something else). Returns whether the dialog may close now: False while the
    question is open (it is `dialog.confirm_discard`), True when asked again from inside it (the Discard
    answer itself)."""
    if getattr(dialog, "confirm_discard", None) is not None:
        return True
    # The CustomerDialog's texts, where they were first written and translated.
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("CustomerDialog", "Discard changes?"),
                      question, QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, dialog)
    box.button(QMessageBox.StandardButton.Cancel).setText(QCoreApplication.translate("CustomerDialog",
                                                                                     "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)

    def answered(_result: int) -> None:
        dialog.confirm_discard = None
        if box.clickedButton() is box.button(QMessageBox.StandardButton.Discard):
            if on_discard is None:
                QDialog.reject(dialog)
            else:
                on_discard()

    box.finished.connect(answered)
    dialog.confirm_discard = box
    box.open()
    return False


def fill_customer_list(widget: QListWidget, rows: Sequence[CustomerRow], *, two_lines: bool = False) -> None:
    """One line per found customer (name, phone, e-mail, city); the item's UserRole holds (id, name)."""
    widget.clear()
    for r in rows:
        details = "  ·  ".join(x for x in (r.phone, r.email, r.city) if x)
        text = f"#{r.id}  {r.name}\n{details}" if two_lines else f"{r.name}    {details}"
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, (r.id, r.name))
        widget.addItem(item)


class CustomerFinder(QObject):
    """Search as you type for a line edit: after a pause in typing the worker lane looks the text up, and
    only the answer to the newest text is delivered (`found`), so a slow answer never overwrites a
    newer one. `answer_then(callback)` calls back once the list shows the answer to the text in the box
    now: at once when it already does (the row the user moved to stays picked), else after a search
    started at once (Enter right after a barcode scan)."""

    found = Signal(list)  # list[CustomerRow]
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, edit: QLineEdit, shop: ShopSettings, *, limit: int,
                 exclude: int | None = None, delay_ms: int = 150, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self.tasks, self.edit, self.shop, self.limit, self.exclude = tasks, edit, shop, limit, exclude
        self._generation = 0
        self._answered: str | None = None  # the text whose answer the list shows
        self._asked: str | None = None  # the text of the newest search
        self._then: list[Callable[[], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run)
        edit.textChanged.connect(lambda _t: self._timer.start())

    @property
    def pending(self) -> bool:
        """The list does not show the answer to the text in the box yet."""
        return self._timer.isActive() or self._answered != self.edit.text().strip()

    def _lookup(self, text: str) -> list[CustomerRow]:
        ids = customers.search(text, limit=self.limit + (1 if self.exclude is not None else 0))
        ids = [i for i in ids if i != self.exclude][:self.limit]
        return customers.rows(ids, self.shop)

    def run(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.edit.text().strip()
        self._asked = text
        if not text:
            self._deliver(generation, text, [])
            return
        self.tasks.run(lambda: self._lookup(text), lambda rows: self._deliver(generation, text, rows),
                       self._failed)

    def answer_then(self, callback: Callable[[], None]) -> None:
        if not self.pending:
            callback()
            return
        self._then.append(callback)
        if self._timer.isActive() or self._asked != self.edit.text().strip():
            self.run()  # else the answer to this very text is on its way

    def _deliver(self, generation: int, text: str, rows: list[CustomerRow]) -> None:
        if generation != self._generation:
            return
        self._answered = text
        self.found.emit(rows)
        if not self.pending:
            then, self._then = self._then, []
            for callback in then:
                callback()

    def _failed(self, exc: BaseException) -> None:
        self._then = []
        self._asked = None  # no answer is on its way: the next Enter asks again (the server may be back)
        self.failed.emit(exc)


class MessageEditor(QWidget):
    """A message's subject and text, with the placeholders it may use; `changed` fires after a pause in
    typing (so a preview follows the text without re-rendering on every key)."""

    changed = Signal()

    def __init__(self, subject: str, text: str, placeholders: Sequence[str], *, subject_hint: str = "",
                 text_hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.subject = QLineEdit(subject)
        self.subject.setPlaceholderText(subject_hint)
        self.text = QPlainTextEdit(text)
        self.text.setPlaceholderText(text_hint)
        names = QLabel(self.tr("Placeholders: {names}. A fallback for an empty value: "
                               "{{{{ first_name | \"cliente\" }}}}").format(
            names=", ".join("{{ " + p + " }}" for p in placeholders)))
        names.setWordWrap(True)
        names.setStyleSheet("color: #555;")
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Subject"), self.subject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(names)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.changed.emit)
        self.subject.textChanged.connect(lambda _t: self._timer.start())
        self.text.textChanged.connect(self._timer.start)
