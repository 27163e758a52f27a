"""The Customers section: search as you type, filters, the lazy list, and beside it the customer's page
(gui/customers/customer_page.py) with the buttons of what is done to her (gui/customers/customer_actions.py).

Every read goes through the worker lane; a newer search makes older answers stale, so what the list
shows always matches what is in the search box.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.permissions import allowed
from desktop_app.domain.search import Typed, guess_typed
from desktop_app.domain.segments import group_of
from desktop_app.gui.cadence.campaign_dialog import CampaignDialog
from desktop_app.gui.common.errors import show_read_error
from desktop_app.gui.common.i18n import add_group_items, format_count, month_names
from desktop_app.gui.common.tasks import DB, LIST, TaskRunner
from desktop_app.gui.customers.customer_actions import CustomerActions
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.customers.customer_model import CustomerListModel
from desktop_app.gui.customers.customer_page import CustomerPage
from desktop_app.gui.shell.first_steps import FirstSteps
from desktop_app.services.customers import customers, interactions, saved_filters
from desktop_app.services.loyalty import coupons, views
from desktop_app.services.reports import reports
from desktop_app.services.shop.shop import ShopSettings

SEARCH_DELAY_MS = 150  # long enough to skip keystrokes in a burst, short enough to feel instant
SEARCH_LIMIT = 1000
COLUMN_WIDTHS = (230, 140, 220, 130, 90, 90)


class CustomersView(QWidget):
    status = Signal(str)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self._query_generation = 0
        self._detail_generation = 0
        self._select_after_load: int | None = None
        self._show_at_any_cost: int | None = None  # a new customer: shown even if the filters must go
        self.total = 0
        self.saved: list[saved_filters.SavedFilter] = []
        self.actions = CustomerActions(self)

        top = self._build_search_bar()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self._build_list_panel())
        self.splitter.addWidget(self._build_page_panel())
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._connect()
        self._update_buttons()

    # --- the widgets ----------------------------------------------------------------------------

    def _build_search_bar(self) -> QHBoxLayout:
        """The search box, the three filters, the saved filters and New customer, in one row."""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, phone digits, e-mail, card or tax id"))
        self.search.setClearButtonEnabled(True)
        self._build_filters()
        self._build_saved_filters()
        self.new_button = QPushButton(self.tr("&New customer"))
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        for box in (self.tag_filter, self.month_filter, self.group_filter):
            top.addWidget(box, 1)
        top.addWidget(self.filters_button)
        top.addWidget(self.new_button)
        return top

    def _build_filters(self) -> None:
        self.tag_filter = QComboBox()  # filled by reload() with the shop's tags
        self.month_filter = QComboBox()
        self.month_filter.addItem(self.tr("Any birthday month"), 0)
        for number, name in enumerate(month_names(), start=1):
            self.month_filter.addItem(self.tr("Birthday in {month}").format(month=name), number)
        self.group_filter = QComboBox()
        self.group_filter.setToolTip(self.tr("Segments and lifecycle stages, worked out once a day (see Reports)"))
        self.group_filter.addItem(self.tr("Every customer"), None)
        add_group_items(self.group_filter)
        for box in (self.tag_filter, self.month_filter, self.group_filter):  # "Todas as et…" was cut
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setSizePolicy(QSizePolicy.Policy.Minimum, box.sizePolicy().verticalPolicy())  # never below it

    def _build_saved_filters(self) -> None:
        self.filters_menu = QMenu(self)
        self.filters_menu.aboutToShow.connect(self._build_filters_menu)
        self.filters_button = QPushButton(self.tr("Saved filters"))
        self.filters_button.setToolTip(self.tr("Keep the search and filters above under a name, and come back to "
                                               "them in one click"))
        self.filters_button.setMenu(self.filters_menu)

    def _build_table(self) -> QTableView:
        self.model = CustomerListModel(self.tasks, lambda ids: customers.rows(ids, self.shop), self)
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        return table

    def _build_list_panel(self) -> QWidget:
        """The list (or, while the shop has no customers, its first steps), its count and the campaign."""
        self.table = self._build_table()
        self.first_steps = FirstSteps()  # in place of the empty list while the shop has no customers
        self.first_steps.hide()
        self.count_label = QLabel()
        self.campaign_button = QPushButton(self.tr("Message these customers…"))
        self.campaign_button.setToolTip(self.tr("An e-mail (a sale, news, an event) to the customers the list "
                                                "shows now, to those who agreed to e-mails"))
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.first_steps, 1)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.campaign_button)
        layout.addLayout(under)
        return left

    def _build_more_menu(self) -> QPushButton:
        """The rarer things done with a customer, behind one button so the page stays calm."""
        self.more_menu = QMenu(self)
        self.stop_action = self.more_menu.addAction(self.tr("Stop messages"))
        self.stop_action.setToolTip(self.tr("The customer asked for no more messages (or replied STOP/SAIR): "
                                            "no on every channel, and nothing waiting is sent"))
        self.data_action = self.more_menu.addAction(self.tr("Export her data…"))
        self.data_action.setToolTip(self.tr("Everything Régua keeps about this customer, in xlsx and JSON "
                                            "(for an access request)"))
        self.more_menu.addSeparator()
        self.erase_action = self.more_menu.addAction(self.tr("Erase…"))
        self.erase_action.setToolTip(self.tr("Erase this customer at her request: the sales figures stay, "
                                             "anonymous; nothing that names her does"))
        self.more_menu.setToolTipsVisible(True)
        self.more_button = QPushButton(self.tr("More"))
        self.more_button.setMenu(self.more_menu)
        return self.more_button

    def _build_page_panel(self) -> QWidget:
        """The customer's page with Edit, Merge and More under it."""
        self.page = CustomerPage(self.shop, this_till=lambda: self.actor.till)
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.merge_button = QPushButton(self.tr("&Merge…"))
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.merge_button)
        actions.addWidget(self._build_more_menu())
        actions.addStretch(1)
        self.page_box = QWidget()
        layout = QVBoxLayout(self.page_box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page, 1)
        layout.addLayout(actions)
        return self.page_box

    def _connect(self) -> None:
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_query)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.run_query)
        for box in (self.tag_filter, self.month_filter, self.group_filter):
            box.currentIndexChanged.connect(lambda _i: self.run_query())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur.row()))
        self.new_button.clicked.connect(self.new_customer)
        self.first_steps.add_customer.connect(self.new_customer)
        self.campaign_button.clicked.connect(self.message_list)
        actions, page = self.actions, self.page
        self.table.doubleClicked.connect(lambda _index: actions.edit_selected())
        self.edit_button.clicked.connect(actions.edit_selected)
        self.merge_button.clicked.connect(actions.merge_selected)
        self.stop_action.triggered.connect(actions.stop_messages)
        self.data_action.triggered.connect(lambda: actions.export_data())
        self.erase_action.triggered.connect(lambda: actions.erase())
        page.resolve_button.clicked.connect(actions.resolve_selected_complaint)
        page.bought_button.clicked.connect(lambda: actions.close_selected_unfinished("bought"))
        page.lost_button.clicked.connect(lambda: actions.close_selected_unfinished("lost"))
        page.loyalty.redeem_button.clicked.connect(actions.redeem)
        page.loyalty.adjust_button.clicked.connect(actions.adjust_points)
        page.loyalty.history_button.clicked.connect(actions.points_history)
        page.gift_button.clicked.connect(actions.use_gift)
        into_list = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search)
        into_list.setContext(Qt.ShortcutContext.WidgetShortcut)
        into_list.activated.connect(self._into_the_list)
        redeem = QShortcut(QKeySequence("Ctrl+R"), self)
        redeem.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redeem.activated.connect(actions.redeem)

    def _into_the_list(self) -> None:
        """Down in the search box goes into the results, on the customer shown (the first one when none is),
        so that the arrows pick from there, as in any search field with a list under it."""
        if self.table.model().rowCount() == 0:
            return
        row = max(self.table.currentIndex().row(), 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.table.selectRow(row)

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the tag list and the current query (after a change or at start)."""
        self.tasks.run(lambda: (customers.tags(), customers.count(), saved_filters.saved()), self._tags_loaded,
                       self._failed, lane=LIST)
        self.run_query()

    def _tags_loaded(self, result) -> None:
        tags, self.total, self.saved = result
        self.first_steps.set_actor(self.actor)
        for widget, empty_shop in ((self.first_steps, True), (self.table, False), (self.page_box, False)):
            widget.setVisible(empty_shop == (self.total == 0))
        self.campaign_button.setEnabled(self.total > 0)
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), "")
        for tag, count in tags:
            self.tag_filter.addItem(f"{tag} ({count})", tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    def run_query(self) -> None:
        self._debounce.stop()
        self._query_generation += 1
        generation = self._query_generation
        text = self.search.text().strip()
        tag = self.tag_filter.currentData() or None
        month = self.month_filter.currentData() or None
        group = group_of(self.group_filter.currentData() or "")
        shop, today, model = self.shop, self.today(), self.model

        def work():
            if group:
                reports.refresh_segments(today, shop=shop)  # once a day, the first time a group is asked for
            if text:
                ids = customers.search(text, limit=SEARCH_LIMIT, tag=tag, birth_month=month, group=group)
            else:
                ids = customers.list_ids(tag=tag, birth_month=month, group=group)
            return model.with_first_page(ids)  # its first rows come with it

        # Reads on the list's lane, never behind a long write; a group's first use of the day stores segments.
        self.tasks.run(work, lambda ids: self._query_done(generation, text, ids), self._failed,
                       lane=DB if group else LIST)

    def _query_done(self, generation: int, text: str, ids) -> None:
        if generation != self._query_generation:
            return  # a newer search is on its way; this answer is stale
        chosen = self._select_after_load
        keep = chosen or self.selected_id()
        self._select_after_load = None
        if chosen is not None and chosen == self._show_at_any_cost and chosen not in ids:
            self._clear_filters_to_show(chosen)
            return
        self._show_at_any_cost = None
        self.model.set_ids(ids)
        n = len(ids)
        if text and n >= SEARCH_LIMIT:
            message = self.tr("The first {n} matches; type more to narrow the search.").format(n=n)
        else:
            message = self.tr("{n} customers", "", n).format(n=format_count(n))
        self.count_label.setText(message)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and n and text:
            row = 0  # a search: the best match is ready for Enter/Edit
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
            if chosen is not None:
                self.refresh_page()  # the same row number as before holds another customer now
        else:
            self.page.show_empty()
        self._update_buttons()

    def _clear_filters_to_show(self, customer_id: int) -> None:
        """The search or a filter hides the customer just created: clear them all and list again."""
        for combo in (self.tag_filter, self.month_filter, self.group_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._show_at_any_cost = None
        self._select_after_load = customer_id
        self.run_query()

    def _failed(self, exc: BaseException) -> None:
        show_read_error(self, exc, self.tasks)  # the server does not answer: the line says so, the list stays

    # --- saved filters --------------------------------------------------------------------------

    def _build_filters_menu(self) -> None:
        menu = self.filters_menu
        menu.clear()
        for f in self.saved:
            menu.addAction(f.name).triggered.connect(lambda _c=False, f=f: self.apply_filter(f))
        if not self.saved:
            menu.addAction(self.tr("No saved filters yet")).setEnabled(False)
        if allowed(self.actor, "campaign.send"):
            menu.addSeparator()
            menu.addAction(self.tr("Save these filters…")).triggered.connect(lambda: self.save_filter())
            if self.saved:
                delete = menu.addMenu(self.tr("Delete"))
                for f in self.saved:
                    delete.addAction(f.name).triggered.connect(lambda _c=False, name=f.name: self.delete_filter(name))

    def current_filter(self, name: str = "") -> saved_filters.SavedFilter:
        return saved_filters.SavedFilter(name, self.search.text().strip(), self.tag_filter.currentData() or "",
                                         self.month_filter.currentData() or 0, self.group_filter.currentData() or "")

    def apply_filter(self, f: saved_filters.SavedFilter) -> None:
        for combo, value in ((self.tag_filter, f.tag), (self.month_filter, f.month), (self.group_filter, f.group)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value or combo.itemData(0)), 0))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(f.text)
        self.search.blockSignals(False)
        self.run_query()
        self.status.emit(self.tr("Filter “{name}”").format(name=f.name))

    def save_filter(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, self.tr("Save these filters"), self.tr("Name (e.g. VIPs in São Paulo)"))
            if not ok:
                return
        wanted, actor = self.current_filter(name), self.actor
        self.tasks.run(lambda: (saved_filters.save(wanted, actor=actor), saved_filters.saved())[1],
                       self._filters_saved, self._failed)

    def delete_filter(self, name: str) -> None:
        actor = self.actor
        self.tasks.run(lambda: (saved_filters.delete(name, actor=actor), saved_filters.saved())[1],
                       self._filters_saved, self._failed)

    def _filters_saved(self, saved: list[saved_filters.SavedFilter]) -> None:
        self.saved = saved

    def filter_group(self, kind: str, key: str) -> None:
        """Show the customers of one segment or stage (from the Reports section)."""
        index = self.group_filter.findData(f"{kind}:{key}")
        if index >= 0:
            self.search.clear()
            self.group_filter.setCurrentIndex(index)
            self.run_query()

    # --- the customer's page --------------------------------------------------------------------

    def selected_id(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.customer_id(index.row()) if index.isValid() else None

    def _show_row(self, row: int) -> None:
        self._update_buttons()
        customer_id = self.model.customer_id(row)
        if customer_id is None:
            self.page.show_empty()
            return
        self._detail_generation += 1
        generation = self._detail_generation
        shop, today = self.shop, self.today()
        self.tasks.run(lambda: (customers.detail(customer_id, shop), customers.timeline(customer_id),
                                interactions.open_items(customer_id), views.summaries(customer_id, today),
                                coupons.open_for(customer_id, today), reports.standing(customer_id, today, shop=shop)),
                       lambda result: self._detail_loaded(generation, result), self._failed)

    def _detail_loaded(self, generation: int, result) -> None:
        if generation == self._detail_generation:
            self.page.show_customer(*result)

    def _update_buttons(self) -> None:
        has = self.selected_id() is not None
        self.edit_button.setEnabled(has)
        self.merge_button.setEnabled(has)
        self.more_button.setEnabled(has)

    def refresh_page(self) -> None:
        """Show the selected customer's page again (after something was logged or closed)."""
        index = self.table.selectionModel().currentIndex()
        if index.isValid():
            self._show_row(index.row())

    def show_customer(self, customer_id: int) -> None:
        """Select a customer in the list (searching for them if they are not in it) and show the page."""
        row = self.model.row_of(customer_id)
        if row is not None:
            self.table.selectRow(row)
            self.refresh_page()
            return
        self._select_after_load = customer_id
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.run_query()

    def customer_saved(self, customer_id: int) -> None:
        """After her record was edited: her row and her page show the new values."""
        self.model.refresh_customer(customer_id)
        self.after_change(customer_id, self.tr("Customer saved."))

    def after_change(self, customer_id: int, message: str) -> None:
        """After a write that this section made: say so, and list again with the customer selected."""
        self._select_after_load = customer_id
        self.status.emit(message)
        self.reload()

    # --- what is done with the list -------------------------------------------------------------

    def new_customer(self) -> CustomerDialog:
        dialog = CustomerDialog(self.tasks, self.shop, self.actor, self.today, parent=self)
        text = self.search.text().strip()
        if guess_typed(text) is Typed.NAME:
            dialog.ui.name.setText(text)  # searched, found nobody, creates her: keep what was typed
            dialog.loaded()
        dialog.accepted.connect(lambda: dialog.saved_id and self._show_new(dialog.saved_id))
        dialog.open()
        return dialog

    def _show_new(self, customer_id: int) -> None:
        """After creating a customer: select her in the list and show her page, clearing a search or
        filter that would hide her."""
        self._show_at_any_cost = customer_id
        self.after_change(customer_id, self.tr("Customer saved."))

    def message_list(self) -> CampaignDialog:
        """A one-off e-mail to the customers the list shows now (search, tag, birthday month)."""
        dialog = CampaignDialog(self.tasks, self.shop, self.actor, self.today, self.model.all_ids(), self)
        dialog.accepted.connect(lambda: self.status.emit(
            self.tr("Message queued for {n} customers; it goes out within the send window.", "",
                    dialog.sent).format(n=dialog.sent)))
        dialog.open()
        return dialog
