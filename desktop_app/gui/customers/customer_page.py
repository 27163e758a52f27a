"""The customer's page, beside the list: who she is, her points and gifts, what is still open, and the
timeline of everything that happened. It only shows what it is given; the Customers section loads it
on the worker lane and acts on it (gui/customers/customer_actions.py)."""

from __future__ import annotations

import html
from datetime import UTC

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.dates import zone
from desktop_app.domain.kinds import UNFINISHED
from desktop_app.gui.common.i18n import (
    format_birthday,
    format_date,
    format_datetime_local,
    format_money,
    kind_label,
    segment_label,
    stage_hint,
    stage_label,
)
from desktop_app.gui.loyalty.loyalty_panel import LoyaltyPanel
from desktop_app.services.customers.customers import SOURCE_AUTHORS, CustomerDetail, TimelineEntry
from desktop_app.services.customers.interactions import OpenItem
from desktop_app.services.loyalty.coupons import CouponInfo
from desktop_app.services.loyalty.views import Summary
from desktop_app.services.reports import reports
from desktop_app.services.shop.shop import ShopSettings


class CustomerPage(QWidget):
    """The detail pane: who the customer is and the timeline of everything that happened."""

    def __init__(self, shop: ShopSettings, parent: QWidget | None = None, *, this_till=lambda: "") -> None:
        super().__init__(parent)
        self.shop = shop
        self.this_till = this_till  # an entry made at another till says where ("by Ana at Caixa 2")
        self.gifts: list[CouponInfo] = []
        self.customer_name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self._build_header())
        self.loyalty = LoyaltyPanel(shop)
        layout.addWidget(self.loyalty)
        layout.addWidget(self._build_gifts())
        for widget in self._build_open_items():
            layout.addWidget(widget)
        self.timeline_title, self.timeline = self._build_timeline()
        layout.addWidget(self.timeline_title)
        layout.addWidget(self.timeline, 1)
        self.show_empty()

    # --- the widgets ----------------------------------------------------------------------------

    def _build_header(self) -> QLabel:
        self.header = QLabel()
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return self.header

    def _build_gifts(self) -> QWidget:
        """The open gifts (birthday coupons) in one line, with the button that uses the first."""
        self.gift_text = QLabel()
        self.gift_text.setWordWrap(True)
        self.gift_text.setStyleSheet("color: #1f6f43;")
        self.gift_button = QPushButton(self.tr("Use &gift…"))
        self.gift_box = QWidget()
        row = QHBoxLayout(self.gift_box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.gift_text, 1)
        row.addWidget(self.gift_button)
        return self.gift_box

    def _build_open_items(self) -> tuple[QWidget, ...]:
        """What is still open (complaints, quotes, orders) with the buttons that close the chosen one."""
        self.open_title = QLabel(self.tr("Open"))
        self.open_title.setStyleSheet("font-weight: 600; margin-top: 8px; color: #8a3b00;")
        self.open_list = QListWidget()
        self.open_list.setMaximumHeight(110)
        self.open_list.setWordWrap(True)
        self.open_list.currentItemChanged.connect(lambda _c, _p: self._update_open_buttons())
        self.resolve_button = QPushButton(self.tr("Resolve &complaint…"))
        self.bought_button = QPushButton(self.tr("&Bought"))
        self.lost_button = QPushButton(self.tr("&Lost"))
        self.open_actions = QWidget()
        row = QHBoxLayout(self.open_actions)
        row.setContentsMargins(0, 0, 0, 0)
        for button in (self.resolve_button, self.bought_button, self.lost_button):
            row.addWidget(button)
        row.addStretch(1)
        return self.open_title, self.open_list, self.open_actions

    def _build_timeline(self) -> tuple[QLabel, QListWidget]:
        title = QLabel(self.tr("Timeline"))
        title.setStyleSheet("font-weight: 600; margin-top: 8px;")
        timeline = QListWidget()
        timeline.setAlternatingRowColors(True)
        timeline.setWordWrap(True)
        return title, timeline

    # --- what it shows --------------------------------------------------------------------------

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

    def show_customer(self, d: CustomerDetail, entries: list[TimelineEntry], open_items: list[OpenItem] = (),
                      points: list[Summary] = (), gifts: list[CouponInfo] = (),
                      standing: reports.CustomerStanding | None = None) -> None:
        self.customer_name = d.name
        self.loyalty.show_summaries(list(points))
        self._show_gifts(list(gifts))
        self.header.setText(self._header_html(d, standing))
        self._show_timeline(entries)
        self._show_open(list(open_items))

    def _show_gifts(self, gifts: list[CouponInfo]) -> None:
        self.gifts = gifts
        self.gift_box.setVisible(bool(gifts))
        self.gift_text.setText("\n".join(self.tr("Gift: {gift} — code {code}, until {date}").format(
            gift=g.gift, code=g.code, date=format_date(g.valid_until)) for g in gifts))

    def _header_html(self, d: CustomerDetail, standing: reports.CustomerStanding | None) -> str:
        esc = html.escape
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
        return "<br>".join(lines)

    def _show_timeline(self, entries: list[TimelineEntry]) -> None:
        self.timeline.clear()
        for e in entries:
            self.timeline.addItem(self._timeline_item(e))
        self.timeline_title.show()
        self.timeline.show()

    def _timeline_item(self, e: TimelineEntry) -> QListWidgetItem:
        when = format_datetime_local(e.at.replace(tzinfo=UTC).astimezone(zone(self.shop.timezone)))
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
            text += "\n" + (self.tr("by {name} at {till}").format(name=author, till=e.till)
                             if e.till and e.till != self.this_till() else self.tr("by {name}").format(name=author))
        item = QListWidgetItem(text)
        if e.status == "open":
            item.setForeground(Qt.GlobalColor.darkRed if e.kind == "complaint" else Qt.GlobalColor.darkBlue)
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

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
