"""Pick the duplicate record to fold into the customer on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import CustomerFinder, enter_means, fill_customer_list
from desktop_app.services.shop.shop import ShopSettings


class MergeDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, keep_id: int, keep_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.keep_id = tasks, shop, keep_id
        self.other_id: int | None = None
        self.other_name = ""
        self.keep_name = keep_name  # read on the worker lane by whoever opens the dialog
        self.setWindowTitle(self.tr("Merge customers"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Find the other record of “{name}”. It will be merged into this one, which "
                               "keeps its own values and gains what it lacks.").format(name=self.keep_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, phone digits, e-mail, card or tax id"))
        layout.addWidget(self.search)
        self.results = QListWidget()
        layout.addWidget(self.results, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_means(self.merge_button)
        self.finder = CustomerFinder(tasks, self.search, shop, limit=50, exclude=keep_id)
        self.finder.found.connect(lambda rows: fill_customer_list(self.results, rows, two_lines=True))
        self.finder.failed.connect(lambda exc: show_error(self, exc))
        self.results.currentItemChanged.connect(lambda cur, _prev: self.merge_button.setEnabled(cur is not None))
        self.results.itemDoubleClicked.connect(lambda _i: self._accept())
        self.search.setText(self.keep_name)
        self.resize(520, 420)

    def _accept(self) -> None:
        item = self.results.currentItem()
        if item is None:
            return
        self.other_id, self.other_name = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
