"""The Customers section: search as you type, filters, the lazy list, and the customer's page.

Every read goes through the worker lane; a newer search makes older answers stale, so what the list
shows always matches what is in the search box.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import utc_now, zone
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.kinds import UNFINISHED
from desktop_app.domain.permissions import allowed
from desktop_app.domain.search import Typed, guess_typed
from desktop_app.domain.segments import group_of
from desktop_app.gui.cadence.campaign_dialog import CampaignDialog
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import (
    add_group_items,
    error_text,
    format_birthday,
    format_count,
    format_date,
    format_datetime_local,
    format_money,
    kind_label,
    month_names,
    segment_label,
    stage_hint,
    stage_label,
)
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.customers.customer_model import CustomerListModel
from desktop_app.gui.customers.merge_dialog import MergeDialog
from desktop_app.gui.loyalty.loyalty_panel import (
    AdjustDialog,
    GiftDialog,
    LedgerDialog,
    LoyaltyPanel,
    RedeemDialog,
)
from desktop_app.gui.shell.first_steps import FirstSteps
from desktop_app.services.customers import customers, interactions, privacy, saved_filters
from desktop_app.services.customers.customers import SOURCE_AUTHORS, CustomerDetail, TimelineEntry
from desktop_app.services.customers.interactions import OpenItem
from desktop_app.services.loyalty import coupons, loyalty
from desktop_app.services.loyalty.coupons import CouponInfo
from desktop_app.services.loyalty.loyalty import Summary
from desktop_app.services.reports import reports
from desktop_app.services.shop.shop import ShopSettings

SEARCH_DELAY_MS = 150  # long enough to skip keystrokes in a burst, short enough to feel instant
SEARCH_LIMIT = 1000


class CustomerPage(QWidget):
    """The detail pane: who the customer is and the timeline of everything that happened."""

    def __init__(self, shop: ShopSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.header)
        self.loyalty = LoyaltyPanel(shop)
        layout.addWidget(self.loyalty)
        self.gifts: list[CouponInfo] = []
        self.gift_text = QLabel()
        self.gift_text.setWordWrap(True)
        self.gift_text.setStyleSheet("color: #1f6f43;")
        self.gift_button = QPushButton(self.tr("Use &gift…"))
        gift_row = QHBoxLayout()
        gift_row.setContentsMargins(0, 0, 0, 0)
        gift_row.addWidget(self.gift_text, 1)
        gift_row.addWidget(self.gift_button)
        self.gift_box = QWidget()
        self.gift_box.setLayout(gift_row)
        layout.addWidget(self.gift_box)
        self.open_title = QLabel(self.tr("Open"))
        self.open_title.setStyleSheet("font-weight: 600; margin-top: 8px; color: #8a3b00;")
        layout.addWidget(self.open_title)
        self.open_list = QListWidget()
        self.open_list.setMaximumHeight(110)
        self.open_list.setWordWrap(True)
        layout.addWidget(self.open_list)
        open_actions = QHBoxLayout()
        self.resolve_button = QPushButton(self.tr("Resolve &complaint…"))
        self.bought_button = QPushButton(self.tr("&Bought"))
        self.lost_button = QPushButton(self.tr("&Lost"))
        for button in (self.resolve_button, self.bought_button, self.lost_button):
            open_actions.addWidget(button)
        open_actions.addStretch(1)
        self.open_actions = QWidget()
        self.open_actions.setLayout(open_actions)
        open_actions.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.open_actions)
        self.open_list.currentItemChanged.connect(lambda _c, _p: self._update_open_buttons())
        self.timeline_title = QLabel(self.tr("Timeline"))
        self.timeline_title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        layout.addWidget(self.timeline_title)
        self.timeline = QListWidget()
        self.timeline.setAlternatingRowColors(True)
        self.timeline.setWordWrap(True)
        layout.addWidget(self.timeline, 1)
        self.show_empty()

    def show_empty(self) -> None:
        hint = self.tr("Pick a customer to see their page.")  # a literal lupdate can see, not inside an f-string
        self.header.setText(f"<p style='color:#777'>{html.escape(hint)}</p>")
        self.timeline.clear()
        self.open_list.clear()
        for widget in (self.timeline_title, self.timeline, self.open_title, self.open_list, self.open_actions,
                       self.loyalty, self.gift_box):
            widget.hide()
        self.gifts = []
        self.customer_name = ""

    def status_text(self, status: str) -> str:
        return {"open": self.tr("OPEN"), "resolved": self.tr("resolved"), "bought": self.tr("bought"),
                "lost": self.tr("lost")}.get(status, status)

    def selected_open_item(self):
        item = self.open_list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _update_open_buttons(self) -> None:
        chosen = self.selected_open_item()
        kind = chosen[1] if chosen else None
        self.resolve_button.setEnabled(kind == "complaint")
        self.bought_button.setEnabled(kind in UNFINISHED)
        self.lost_button.setEnabled(kind in UNFINISHED)

    def _show_open(self, items: list[OpenItem]) -> None:
        self.open_list.clear()
        for item in items:
            text = f"{kind_label(item.kind)} · {format_date(item.on)}"
            if item.amount_cents is not None:
                text += f" · {format_money(item.amount_cents, self.shop.currency)}"
            if item.note:
                text += f" · {item.note}"
            if item.follow_up_on:
                text += "  " + self.tr("(follow up {date})").format(date=format_date(item.follow_up_on))
            row = QListWidgetItem(text)
            row.setData(Qt.ItemDataRole.UserRole, (item.id, item.kind))
            row.setForeground(Qt.GlobalColor.darkRed if item.kind == "complaint" else Qt.GlobalColor.darkBlue)
            self.open_list.addItem(row)
        for widget in (self.open_title, self.open_list, self.open_actions):
            widget.setVisible(bool(items))
        if items:
            self.open_list.setCurrentRow(0)
        self._update_open_buttons()

    def show_customer(self, d: CustomerDetail, entries: list[TimelineEntry], open_items: list[OpenItem] = (),
                      points: list[Summary] = (), gifts: list[CouponInfo] = (),
                      standing: reports.CustomerStanding | None = None) -> None:
        esc = html.escape
        self.customer_name = d.name
        self.loyalty.show_summaries(list(points))
        self.gifts = list(gifts)
        self.gift_box.setVisible(bool(gifts))
        self.gift_text.setText("\n".join(self.tr("Gift: {gift} — code {code}, until {date}").format(
            gift=g.gift, code=g.code, date=format_date(g.valid_until)) for g in gifts))
        lines = [f"<h2 style='margin:0'>{esc(d.name)}</h2>"]
        contact = [x for x in (d.phone_display, d.email or "", d.city) if x]
        if contact:
            lines.append(esc("  ·  ".join(contact)))
        facts = []
        if d.birthday:
            facts.append(self.tr("Birthday: {date}").format(date=format_birthday(d.birthday, self.shop.country != "US")))
        if d.card_code:
            facts.append(self.tr("Card: {code}").format(code=d.card_code))
        if d.tax_id:
            facts.append(self.tr("Tax id: {id}").format(id=d.tax_id))
        if facts:
            lines.append(esc("  ·  ".join(facts)))
        if standing is not None:
            where = [self.tr("Stage: {name}").format(name=stage_label(standing.stage))]
            if standing.segment:
                where.append(self.tr("Segment: {name}").format(name=segment_label(standing.segment)))
            lines.append(f"<span title='{esc(stage_hint(standing.stage))}'>{esc('  ·  '.join(where))}</span>")
        yes, no = "✔", "✘"
        lines.append(esc(self.tr("E-mail: {email}   WhatsApp: {whatsapp}").format(
            email=yes if d.consent.get("email") else no, whatsapp=yes if d.consent.get("whatsapp") else no)))
        if d.tags:
            lines.append(" ".join(f"<span style='background:#e8eef7;color:#234'>&nbsp;{esc(t)}&nbsp;</span>"
                                  for t in d.tags))
        if d.notes:
            lines.append(f"<i>{esc(d.notes)}</i>".replace("\n", "<br>"))
        self.header.setText("<br>".join(lines))
        self.timeline.clear()
        tz = zone(self.shop.timezone)
        from datetime import UTC

        for e in entries:
            when = format_datetime_local(e.at.replace(tzinfo=UTC).astimezone(tz))
            parts = [when, kind_label(e.kind)]
            if e.amount_cents is not None:
                parts.append(format_money(e.amount_cents, self.shop.currency))
            if e.status:
                parts.append(self.status_text(e.status))
            text = "  ·  ".join(parts)
            if e.note:
                text += f"\n{e.note}"
            if e.resolution:
                text += "\n" + self.tr("Resolution: {text}").format(text=e.resolution)
            if e.staff:
                author = QCoreApplication.translate("sources", e.staff) if e.staff in SOURCE_AUTHORS.values() \
                    else e.staff
                text += "\n" + self.tr("by {name}").format(name=author)
            item = QListWidgetItem(text)
            if e.status == "open":
                item.setForeground(Qt.GlobalColor.darkRed if e.kind == "complaint" else Qt.GlobalColor.darkBlue)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.timeline.addItem(item)
        self.timeline_title.show()
        self.timeline.show()
        self._show_open(list(open_items))


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

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: name, phone digits, e-mail, card or tax id"))
        self.search.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.month_filter = QComboBox()
        self.month_filter.addItem(self.tr("Any birthday month"), 0)
        for number, name in enumerate(month_names(), start=1):
            self.month_filter.addItem(self.tr("Birthday in {month}").format(month=name), number)
        self.group_filter = QComboBox()
        self.group_filter.setToolTip(self.tr("Segments and lifecycle stages, worked out once a day (see Reports)"))
        self.group_filter.addItem(self.tr("Every customer"), None)
        add_group_items(self.group_filter)
        self.saved: list[saved_filters.SavedFilter] = []
        self.filters_menu = QMenu(self)
        self.filters_menu.aboutToShow.connect(self._build_filters_menu)
        self.filters_button = QPushButton(self.tr("Saved filters"))
        self.filters_button.setToolTip(self.tr("Keep the search and filters above under a name, and come back to "
                                               "them in one click"))
        self.filters_button.setMenu(self.filters_menu)
        self.new_button = QPushButton(self.tr("&New customer"))
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.campaign_button = QPushButton(self.tr("Message these customers…"))
        self.campaign_button.setToolTip(self.tr("An e-mail (a sale, news, an event) to the customers the list "
                                                "shows now, to those who agreed to e-mails"))
        # The rarer things done with a customer, behind one button so the page stays calm.
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
        self.count_label = QLabel()

        top = QHBoxLayout()
        for box in (self.tag_filter, self.month_filter, self.group_filter):  # "Todas as et…" was cut
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            box.setSizePolicy(QSizePolicy.Policy.Minimum, box.sizePolicy().verticalPolicy())  # never below it
        top.addWidget(self.search, 3)
        top.addWidget(self.tag_filter, 1)
        top.addWidget(self.month_filter, 1)
        top.addWidget(self.group_filter, 1)
        top.addWidget(self.filters_button)
        top.addWidget(self.new_button)

        self.model = CustomerListModel(tasks, lambda ids: customers.rows(ids, self.shop), self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((230, 140, 220, 130, 90, 90)):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())

        self.page = CustomerPage(shop)
        page_box = QWidget()
        page_layout = QVBoxLayout(page_box)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.page, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.edit_button)
        actions.addWidget(self.merge_button)
        actions.addWidget(self.more_button)
        actions.addStretch(1)
        page_layout.addLayout(actions)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        self.first_steps = FirstSteps()  # in place of the empty list while the shop has no customers
        self.first_steps.hide()
        self.first_steps.add_customer.connect(self.new_customer)
        left_layout.addWidget(self.first_steps, 1)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.campaign_button)
        left_layout.addLayout(under)
        split.addWidget(left)
        split.addWidget(page_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([760, 400])
        self.splitter = split
        self.page_box = page_box

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.run_query)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.run_query)
        self.tag_filter.currentIndexChanged.connect(lambda _i: self.run_query())
        self.month_filter.currentIndexChanged.connect(lambda _i: self.run_query())
        self.group_filter.currentIndexChanged.connect(lambda _i: self.run_query())
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._show_row(cur.row()))
        self.new_button.clicked.connect(self.new_customer)
        self.edit_button.clicked.connect(self.edit_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.stop_action.triggered.connect(self.stop_messages)
        self.data_action.triggered.connect(lambda: self.export_data())
        self.erase_action.triggered.connect(lambda: self.erase())
        self.campaign_button.clicked.connect(self.message_list)
        self.page.resolve_button.clicked.connect(self.resolve_selected_complaint)
        self.page.bought_button.clicked.connect(lambda: self.close_selected_unfinished("bought"))
        self.page.lost_button.clicked.connect(lambda: self.close_selected_unfinished("lost"))
        self.page.loyalty.redeem_button.clicked.connect(self.redeem)
        self.page.loyalty.adjust_button.clicked.connect(self.adjust_points)
        self.page.loyalty.history_button.clicked.connect(self.points_history)
        self.page.gift_button.clicked.connect(self.use_gift)
        redeem = QShortcut(QKeySequence("Ctrl+R"), self)
        redeem.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redeem.activated.connect(self.redeem)
        self._update_buttons()

    # --- loading --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Reload the tag list and the current query (after a change or at start)."""
        self.tasks.run(lambda: (customers.tags(), customers.count(), saved_filters.saved()), self._tags_loaded,
                       self._failed)
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
        shop, today = self.shop, self.today()

        def work():
            if group:
                reports.refresh_segments(today, shop=shop)  # once a day, the first time a group is asked for
            if text:
                return customers.search(text, limit=SEARCH_LIMIT, tag=tag, birth_month=month, group=group)
            return customers.list_ids(tag=tag, birth_month=month, group=group)

        self.tasks.run(work, lambda ids: self._query_done(generation, text, ids), self._failed)

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
        show_error(self, exc)

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
                                interactions.open_items(customer_id), loyalty.summaries(customer_id, today),
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

    # --- actions --------------------------------------------------------------------------------

    def new_customer(self) -> CustomerDialog:
        dialog = CustomerDialog(self.tasks, self.shop, self.actor, self.today, parent=self)
        text = self.search.text().strip()
        if guess_typed(text) is Typed.NAME:
            dialog.ui.name.setText(text)  # searched, found nobody, creates her: keep what was typed
            dialog.loaded()
        dialog.accepted.connect(lambda: dialog.saved_id and self._show_new(dialog.saved_id))
        dialog.open()
        return dialog

    def edit_selected(self) -> None:
        customer_id = self.selected_id()
        if customer_id is None:
            return
        shop = self.shop
        # read on the worker lane; e.g. deleted meanwhile: told, not crashed
        self.tasks.run(lambda: customers.detail(customer_id, shop), self._edit, self._failed)

    def _edit(self, detail: CustomerDetail) -> CustomerDialog:
        customer_id = detail.id
        dialog = CustomerDialog(self.tasks, self.shop, self.actor, self.today, detail, parent=self)

        def saved() -> None:
            self.model.refresh_customer(customer_id)
            self._after_change(customer_id, self.tr("Customer saved."))

        dialog.accepted.connect(saved)
        dialog.open()
        return dialog

    def merge_selected(self) -> None:
        keep_id = self.selected_id()
        if keep_id is None:
            return
        shop = self.shop
        self.tasks.run(lambda: customers.detail(keep_id, shop).name, lambda name: self._merge_into(keep_id, name),
                       self._failed)

    def _merge_into(self, keep_id: int, keep_name: str) -> None:
        dialog = MergeDialog(self.tasks, self.shop, keep_id, keep_name, parent=self)
        if not dialog.exec() or dialog.other_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Merge customers"),
            self.tr("Merge “{other}” into “{keep}”? Their history, consents and tags move over, and "
                    "“{other}” is removed. This cannot be undone.").format(
                other=dialog.other_name, keep=dialog.keep_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        other_id, actor, today = dialog.other_id, self.actor, self.today()
        self.tasks.write(lambda: customers.merge_customers(keep_id, other_id, actor=actor, today=today),
                         Changes(customers=True, interactions=True, loyalty=True, outbox=True),
                         lambda _r: self._after_change(keep_id, self.tr("Customers merged.")), self._failed, initiator=self)

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

    def resolve_selected_complaint(self) -> QDialog | None:
        """How the complaint was resolved, in one line: Enter records it. An empty line is refused in the
        dialog, in words under the box (no message box to steal the keys typed ahead); the dialog closes
        once the resolution is recorded. The dialog's `text` is the box, its `error` the message."""
        chosen = self.page.selected_open_item()
        if not chosen or chosen[1] != "complaint":
            return None
        dialog = QDialog(self)
        dialog.setObjectName("resolve_complaint")
        dialog.setWindowTitle(self.tr("Resolve complaint"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(self.tr("How was it resolved?")))
        dialog.text = QLineEdit()
        dialog.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for widget in (dialog.text, dialog.error, buttons):
            layout.addWidget(widget)
        ok = enter_means(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.rejected.connect(dialog.reject)
        dialog.text.textChanged.connect(lambda _t: dialog.error.hide())
        dialog.resize(460, dialog.sizeHint().height())
        actor = self.actor

        def refuse(exc: ReguaError) -> None:
            ok.setEnabled(True)
            dialog.error.setText(error_text(exc))
            dialog.error.show()
            dialog.text.setFocus()

        def resolve() -> None:
            text = dialog.text.text()
            if not text.strip():
                refuse(ValidationError("resolution", "resolution_required"))
                return
            ok.setEnabled(False)
            self.tasks.write(lambda: interactions.resolve_complaint(chosen[0], text, actor=actor),
                             Changes(interactions=True), resolved, failed, initiator=self)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                refuse(exc)
            else:
                ok.setEnabled(True)
                self._failed(exc)

        def resolved(_result) -> None:
            dialog.accept()
            self.status.emit(self.tr("Complaint resolved."))
            self.refresh_page()

        buttons.accepted.connect(resolve)
        dialog.open()
        return dialog

    def close_selected_unfinished(self, outcome: str) -> None:
        chosen = self.page.selected_open_item()
        if not chosen or chosen[1] not in UNFINISHED:
            return
        actor = self.actor
        self.tasks.write(lambda: interactions.close_unfinished(chosen[0], outcome, actor=actor),
                         Changes(interactions=True, outbox=True), lambda _r: self.refresh_page(), self._failed, initiator=self)

    # --- loyalty ------------------------------------------------------------------------------------

    def _loyalty_target(self) -> int | None:
        customer_id = self.selected_id()
        return customer_id if customer_id is not None and self.page.loyalty.summaries else None

    def message_list(self) -> CampaignDialog:
        """A one-off e-mail to the customers the list shows now (search, tag, birthday month)."""
        dialog = CampaignDialog(self.tasks, self.shop, self.actor, self.today, self.model.all_ids(), self)
        dialog.accepted.connect(lambda: self.status.emit(
            self.tr("Message queued for {n} customers; it goes out within the send window.", "",
                    dialog.sent).format(n=dialog.sent)))
        dialog.open()
        return dialog

    def export_data(self, folder: str | None = None) -> None:
        """An access request: the customer's data as xlsx and JSON in a folder the owner picks."""
        customer_id = self.selected_id()
        if customer_id is None:
            return
        folder = folder or QFileDialog.getExistingDirectory(self, self.tr("Where to save her data"))
        if not folder:
            return
        actor = self.actor
        self.tasks.run(lambda: privacy.export_customer(customer_id, folder, actor=actor),
                       lambda paths: self.status.emit(self.tr("Data saved in {folder}.").format(folder=paths[0].parent)),
                       self._failed)

    def erase(self, *, confirm: bool = True) -> None:
        """Erase the selected customer at her request (after asking)."""
        customer_id = self.selected_id()
        if customer_id is None:
            return
        name = self.page.customer_name
        if confirm and QMessageBox.warning(
                self, self.tr("Erase customer"),
                self.tr("Erase {name} for good? Her sales and points stay in the figures without her name; "
                        "her details, notes, consent and messages are deleted, and a re-import will skip her. "
                        "This cannot be undone.").format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        actor, shop, now = self.actor, self.shop, utc_now()

        def erased(_result) -> None:
            self.status.emit(self.tr("{name} was erased.").format(name=name))
            self.reload()

        self.tasks.write(lambda: privacy.erase_customer(customer_id, actor=actor, shop=shop, now=now),
                         Changes(customers=True, interactions=True, loyalty=True, outbox=True), erased, self._failed, initiator=self)

    def stop_messages(self) -> None:
        """One click: the customer asked to hear nothing more from the shop."""
        customer_id = self.selected_id()
        if customer_id is None:
            return
        actor, name = self.actor, self.page.customer_name

        def stopped(cancelled: int) -> None:
            self.status.emit(self.tr("{name} will get no more messages (cancelled: {n}).").format(
                name=name, n=cancelled))
            self.refresh_page()

        self.tasks.write(lambda: customers.unsubscribe(customer_id, actor=actor), Changes(customers=True, outbox=True),
                         stopped, self._failed, initiator=self)

    def use_gift(self) -> GiftDialog | None:
        """The customer shows a gift's code (a birthday coupon): check it and mark it used."""
        customer_id = self.selected_id()
        if customer_id is None or not self.page.gifts:
            return None
        dialog = GiftDialog(self.page.customer_name, self.page.gifts[0].code, self)

        def use() -> None:
            if getattr(dialog, "using", False):
                return  # one use at a time
            code, actor, today, shop = dialog.code.text(), self.actor, self.today(), self.shop
            dialog.using = True
            self.tasks.write(lambda: coupons.redeem(code, customer_id, actor=actor, today=today, shop=shop),
                             Changes(loyalty=True), used, failed, initiator=self)

        def used(coupon) -> None:
            dialog.using = False
            dialog.accept()
            self.status.emit(self.tr("Gift used: {gift}.").format(gift=coupon.gift))
            self.refresh_page()

        def failed(exc: BaseException) -> None:
            dialog.using = False
            if not isinstance(exc, ReguaError):
                raise exc
            dialog.show_error(exc)

        dialog.use_requested.connect(use)
        dialog.open()
        return dialog

    def redeem(self) -> RedeemDialog | None:
        """Ctrl+R, Enter: the first reward within reach is redeemed."""
        customer_id = self._loyalty_target()
        if customer_id is None:
            return None
        dialog = RedeemDialog(self.page.customer_name, self.page.loyalty.summaries, self)

        def done(result: int) -> None:
            reward_id = dialog.reward_id()
            if result != QDialog.DialogCode.Accepted or reward_id is None:
                return
            actor, today = self.actor, self.today()

            def redeemed(_result) -> None:
                self.status.emit(self.tr("Reward redeemed."))
                self.refresh_page()

            def failed(exc: BaseException) -> None:  # e.g. the reward was switched off meanwhile
                show_error(self, exc)
                self.refresh_page()

            self.tasks.write(lambda: loyalty.redeem(customer_id, reward_id, actor=actor, today=today),
                             Changes(loyalty=True), redeemed, failed, initiator=self)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def adjust_points(self) -> None:
        customer_id = self._loyalty_target()
        if customer_id is None:
            return
        dialog = AdjustDialog(self.tasks, customer_id, self.page.loyalty.summaries, self.actor, self.today, self)
        if dialog.exec():
            self.status.emit(self.tr("Points adjusted."))
            self.refresh_page()

    def points_history(self) -> None:
        customer_id = self._loyalty_target()
        if customer_id is not None:
            LedgerDialog(self.tasks, self.page.customer_name, self.page.loyalty.summaries, customer_id, self).exec()

    def _show_new(self, customer_id: int) -> None:
        """After creating a customer: select her in the list and show her page, clearing a search or
        filter that would hide her."""
        self._show_at_any_cost = customer_id
        self._after_change(customer_id, self.tr("Customer saved."))

    def _after_change(self, customer_id: int, message: str) -> None:
        self._select_after_load = customer_id
        self.status.emit(message)
        self.reload()
