"""Small pieces several windows share: the red message label and a list of found customers."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from ..services.customers import CustomerRow

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
