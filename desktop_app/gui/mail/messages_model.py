"""The list of messages on the Messages screen: a table model over a plain list of outbox rows (Vorta's
archive table model idea), so a refill is one model reset, measured once, instead of one `setItem` per
cell, each making the ResizeToContents columns measure every row again (41–45 s for 500 rows).

The model holds the rows and the text of each cell, made once when the rows arrive: `data()` only looks
them up, and never reads the database. What a cell says (labels, dates in the shop's time zone) is
decided by the `cells` function the screen gives it; `column_texts` lets the screen size a column from its
different texts instead of having Qt measure every cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.services.mail.sender import MessageRow

ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the outbox id of the row's message
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the MessageRow itself
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3  # its status code ("planned", "sent"...), not its label

Cells = Callable[[MessageRow], Sequence[str]]


class MessageListModel(QAbstractTableModel):
    """Rows of the outbox, newest first, one column per entry of `headers`."""

    def __init__(self, headers: Sequence[str], cells: Cells, parent=None) -> None:
        super().__init__(parent)
        self._headers = tuple(headers)
        self._cells = cells
        self._rows: list[MessageRow] = []
        self._texts: list[tuple[str, ...]] = []

    # --- contents -------------------------------------------------------------------------------

    def set_rows(self, rows: Iterable[MessageRow], texts: Sequence[Sequence[str]] | None = None) -> None:
        """Show these rows instead of the ones before (one reset: the view measures once). `texts`, each
        row's cells as `cells` makes them, may come ready from the worker lane (the GUI thread then only
        swaps the lists)."""
        rows = list(rows)
        if texts is None:
            texts = [self._row_texts(r) for r in rows]
        else:
            if len(texts) != len(rows):
                raise ValueError(f"{len(texts)} rows of cells for {len(rows)} rows")
            texts = [self._checked(tuple(t)) for t in texts]
        self.beginResetModel()
        self._rows, self._texts = rows, texts
        self.endResetModel()

    def _row_texts(self, row: MessageRow) -> tuple[str, ...]:
        return self._checked(tuple(self._cells(row)))

    def _checked(self, texts: tuple[str, ...]) -> tuple[str, ...]:
        if len(texts) != len(self._headers):
            raise ValueError(f"{len(texts)} cells for {len(self._headers)} columns")
        return texts

    def message(self, row: int) -> MessageRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, message_id: int) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == message_id), None)

    @property
    def rows(self) -> list[MessageRow]:
        return list(self._rows)

    def column_texts(self, column: int) -> set[str]:
        """The different texts of one column (a status label once, however many rows say it)."""
        return {texts[column] for texts in self._texts}

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:  # the details may be cut off by the window's width
            text = self._texts[row][column]
            return text if column == len(self._headers) - 1 and text else None
        if role == ID_ROLE:
            return self._rows[row].id
        if role == ROW_ROLE:
            return self._rows[row]
        if role == STATUS_ROLE:
            return self._rows[row].status
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
