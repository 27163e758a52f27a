"""The customer list: a lazy, id-backed table model with a page cache (Anki's DataModel idea).

The model holds only the ids of the rows it shows (a compact array: 8 bytes a customer, 8 MB for a
million) and a bounded cache of pages of rows. `data()` never queries: a row that is not cached shows
a placeholder and its page is fetched on the list's reading lane (never behind the database lane's long
jobs); when it arrives, only those rows repaint.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QMutex,
    QMutexLocker,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from desktop_app.gui.common.i18n import format_birthday, format_date
from desktop_app.gui.common.tasks import LIST, TaskRunner
from desktop_app.services.customers.customers import CustomerRow

PAGE_SIZE = 100
MAX_PAGES = 60  # at most 6,000 rows of text in memory, whatever the size of the shop
ID_ROLE = Qt.ItemDataRole.UserRole + 1

RowLoader = Callable[[Sequence[int]], list[CustomerRow]]


class CustomerListModel(QAbstractTableModel):
    COLUMNS = ("name", "phone", "email", "city", "birthday", "last_seen")

    def __init__(self, tasks: TaskRunner, load_rows: RowLoader, parent=None) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._load_rows = load_rows
        self._ids: array = array("q")
        self._pages: OrderedDict[int, dict[int, CustomerRow]] = OrderedDict()
        self._wanted: set[int] = set()
        self._in_flight: set[int] = set()
        self._generation = 0
        self._first_page_lock = QMutex()
        self._first_page: tuple[Sequence[int], list[CustomerRow]] | None = None  # read with the list, on its lane
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._fetch_wanted)

    # --- contents -------------------------------------------------------------------------------

    def with_first_page(self, ids: Sequence[int]) -> Sequence[int]:
        """On the lane that read `ids`: read their first page of rows too and keep it for `set_ids(ids)`, so
        the first rows come with the list instead of queueing behind other jobs once it is shown."""
        rows = self._load_rows(list(ids[:PAGE_SIZE]))
        with QMutexLocker(self._first_page_lock):
            self._first_page = (ids, rows)
        return ids

    def set_ids(self, ids: Sequence[int]) -> None:
        """Show these customers, in this order. Cached rows are dropped: they may belong to old data."""
        with QMutexLocker(self._first_page_lock):
            first, self._first_page = self._first_page, None
        self.beginResetModel()
        self._ids = ids if isinstance(ids, array) else array("q", ids)
        self._pages.clear()
        self._wanted.clear()
        self._in_flight.clear()
        self._generation += 1
        if first is not None and first[0] is ids and len(self._ids):  # read with this very list
            self._pages[0] = {item.id: item for item in first[1]}
        self.endResetModel()

    def refresh_customer(self, customer_id: int) -> None:
        """A customer changed: forget its page so it is read again when next painted."""
        for page_no, page in list(self._pages.items()):
            if customer_id in page:
                del self._pages[page_no]
                first = page_no * PAGE_SIZE
                last = min(first + PAGE_SIZE, len(self._ids)) - 1
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def all_ids(self) -> list[int]:
        """The customers the list shows now (the current search and filters), in order."""
        return self._ids.tolist()

    def customer_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, customer_id: int) -> int | None:
        try:
            return self._ids.index(customer_id)
        except ValueError:
            return None

    def cached_row(self, row: int) -> CustomerRow | None:
        page = self._pages.get(row // PAGE_SIZE)
        return None if page is None else page.get(self._ids[row])

    # --- Qt model interface ---------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Name"), self.tr("Phone"), self.tr("E-mail"), self.tr("City"),
                self.tr("Birthday"), self.tr("Last visit"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = index.row()
        if role == ID_ROLE:
            return self._ids[row]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            self._want(page_no)
            return "…" if index.column() == 0 else ""
        self._pages.move_to_end(page_no)
        item = page.get(self._ids[row])
        if item is None:  # deleted since the list was made
            return ""
        column = self.COLUMNS[index.column()]
        if column == "birthday":
            return format_birthday(item.birthday)
        if column == "last_seen":
            return format_date(item.last_seen)
        return getattr(item, column)

    # --- fetching -------------------------------------------------------------------------------

    def _want(self, page_no: int) -> None:
        if page_no in self._in_flight:
            return
        self._wanted.add(page_no)
        if not self._fetch_timer.isActive():
            self._fetch_timer.start()

    def _fetch_wanted(self) -> None:
        pages = sorted(self._wanted - self._in_flight)
        self._wanted.clear()
        if not pages:
            return
        self._in_flight.update(pages)
        generation = self._generation
        ids = {p: self._ids[p * PAGE_SIZE:(p + 1) * PAGE_SIZE].tolist() for p in pages}
        load = self._load_rows

        def work() -> dict[int, list[CustomerRow]]:
            return {p: load(page_ids) for p, page_ids in ids.items()}

        self._tasks.run(work, lambda result: self._arrived(generation, result),
                        lambda exc: self._failed(generation, pages, exc), lane=LIST)  # never behind a long write

    def _arrived(self, generation: int, result: dict[int, list[CustomerRow]]) -> None:
        if generation != self._generation:
            return  # the list changed while this page was on its way
        for page_no, items in result.items():
            self._in_flight.discard(page_no)
            self._pages[page_no] = {item.id: item for item in items}
            first = page_no * PAGE_SIZE
            last = min(first + PAGE_SIZE, len(self._ids)) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1),
                                      [Qt.ItemDataRole.DisplayRole])
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)

    def _failed(self, generation: int, pages: list[int], exc: BaseException) -> None:
        if generation == self._generation:
            self._in_flight.difference_update(pages)
        self._tasks.report(exc)  # the rows already shown stay; a server that does not answer is the window's line
