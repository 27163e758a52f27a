"""Small pieces several windows share: the red message label, a list of found customers, and the
search-as-you-type that fills it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem

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
    newer one. `answer_now()` answers the current text at once (Enter after a barcode scan)."""

    found = Signal(list)  # list[CustomerRow]
    failed = Signal(object)

    def __init__(self, tasks: TaskRunner, edit: QLineEdit, shop: ShopSettings, *, limit: int,
                 exclude: int | None = None, delay_ms: int = 150, parent: QObject | None = None) -> None:
        super().__init__(parent or edit)
        self.tasks, self.edit, self.shop, self.limit, self.exclude = tasks, edit, shop, limit, exclude
        self._generation = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.run)
        edit.textChanged.connect(lambda _t: self._timer.start())

    @property
    def pending(self) -> bool:
        """A search is waiting for the pause in typing or is on its way."""
        return self._timer.isActive() or self.tasks.busy

    def _lookup(self, text: str) -> list[CustomerRow]:
        ids = customers.search(text, limit=self.limit + (1 if self.exclude is not None else 0))
        ids = [i for i in ids if i != self.exclude][:self.limit]
        return customers.rows(ids, self.shop)

    def run(self) -> None:
        self._timer.stop()
        self._generation += 1
        generation, text = self._generation, self.edit.text().strip()
        if not text:
            self.found.emit([])
            return
        self.tasks.run(lambda: self._lookup(text), lambda rows: self._deliver(generation, rows), self.failed.emit)

    def answer_now(self) -> None:
        self._timer.stop()
        self._generation += 1
        text = self.edit.text().strip()
        self.found.emit(self._lookup(text) if text else [])

    def _deliver(self, generation: int, rows: list[CustomerRow]) -> None:
        if generation == self._generation:
            self.found.emit(rows)
