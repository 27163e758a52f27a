"""The main window: navigation on the left (only sections that work), the section on the right."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__
from ..config import Paths
from ..domain.actors import Actor
from ..services.shop import ShopSettings
from .customers_view import CustomersView
from .tasks import TaskRunner


class MainWindow(QMainWindow):
    def __init__(self, paths: Paths, tasks: TaskRunner, shop: ShopSettings, actor: Actor,
                 today: Callable[[], date]) -> None:
        super().__init__()
        self.paths, self.tasks, self.shop = paths, tasks, shop
        self.setWindowTitle(f"{shop.name} — {APP_NAME}")
        self.nav = QListWidget()
        self.nav.setFixedWidth(140)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget()
        self.customers = CustomersView(tasks, shop, actor, today)
        self._add_section(self.tr("Customers"), self.customers)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)

        self.db_label = QLabel(str(paths.db_path))
        self.db_label.setStyleSheet("color: #666;")
        self.statusBar().addPermanentWidget(self.db_label)
        self.customers.status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._build_menus()
        self._settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        geometry = self._settings.value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 720)
        split = self._settings.value("main/customers_splitter")
        if split is not None:
            self.customers.splitter.restoreState(split)

    def _add_section(self, title: str, widget: QWidget) -> None:
        self.stack.addWidget(widget)
        QListWidgetItem(title, self.nav)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        new = QAction(self.tr("&New customer"), self)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self.customers.new_customer)
        file_menu.addAction(new)
        find = QAction(self.tr("&Find customer"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        file_menu.addAction(find)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        logs = QAction(self.tr("Open the &log folder"), self)
        logs.triggered.connect(lambda: self._open_folder(self.paths.log_dir))
        help_menu.addAction(logs)
        about = QAction(self.tr("&About Régua"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)

    def focus_search(self) -> None:
        self.nav.setCurrentRow(0)
        self.customers.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.customers.search.selectAll()

    def _open_folder(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Régua"), self.tr(
            "Régua {version}\nA customer relationship manager for small shops.\n\nDatabase: {db}").format(
                version=__version__, db=self.paths.db_path))

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.setValue("main/customers_splitter", self.customers.splitter.saveState())
        self._settings.sync()
        super().closeEvent(event)
