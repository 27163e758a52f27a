"""Small pieces several windows share: the red message label, a list of found customers, and the
search-as-you-type that fills it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services import customers
from ..services.customers import CustomerRow
from ..services.shop import ShopSettings
from .tasks import TaskRunner

ERROR_STYLE = "color: #c0392b;"


def error_label() -> QLabel:
    """A hidden, word-wrapped red label for the message of what went wrong."""
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


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
