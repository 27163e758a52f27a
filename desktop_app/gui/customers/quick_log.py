"""The quick log (F2 from anywhere): find the customer, pick what happened, Enter. Keyboard only.

Find by any part of the name, the last digits of the phone, the card code (a barcode scanner types it
and presses Enter) or the tax id; Up/Down pick among the matches, Enter takes the one highlighted (a
click takes it too). Nobody found: Enter opens a short form to create the customer with the consent
boxes; Enter there creates her and moves on (a phone or e-mail someone already has is warned about
first, as in the full customer form; the next Enter creates her anyway). She stays saved whatever
follows, and Escape's question says so. Then the kind, the amount, Enter. Every read and write
goes through the worker lane; an Enter that arrives while the customer is still loading saves once
she is.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.kinds import KINDS, TAKES_AMOUNT, UNFINISHED
from desktop_app.domain.loyalty import earned_by_entry
from desktop_app.domain.money import parse_money
from desktop_app.domain.search import Typed, guess_typed
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text, format_date, format_money, kind_label
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import (
    CustomerFinder,
    DateField,
    ask_discard,
    enter_means,
    error_label,
    fill_customer_list,
)
from desktop_app.gui.customers.customer_dialog import WARNING_STYLE, duplicate_lines
from desktop_app.gui.loyalty.loyalty_panel import format_points
from desktop_app.services.customers import customers, interactions
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.customers.interactions import LogEntry
from desktop_app.services.loyalty import views
from desktop_app.services.shop.shop import ShopSettings

MAX_MATCHES = 8
OLDEST_DAYS = 366  # the quick log takes what happened in the last year; older history comes by import
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class QuickLogDialog(QDialog):
    logged = Signal(int, str)  # the customer whose timeline changed; what it earned in points, in words
    customer_created = Signal(int)

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.customer_id: int | None = None
        self.created_name: str | None = None  # the customer this dialog created (she stays, whatever follows)
        self._acknowledged: set[tuple[str, int]] = set()  # duplicates shown once: the next Enter creates anyway
        self._return_focus = QApplication.focusWidget()  # given back, with its window, when the dialog closes
        self.finished.connect(self._give_focus_back)
        self.setWindowTitle(self.tr("Quick log"))
        layout = QVBoxLayout(self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, phone digits, card or tax id — then Enter"))
        self.matches = QListWidget()
        self.matches.setMaximumHeight(170)
        self.chosen = QLabel()
        self.chosen.setStyleSheet("font-weight: 600; font-size: 12pt;")
        self.chosen.hide()
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        layout.addWidget(self.chosen)

        self.new_box = QGroupBox(self.tr("New customer"))
        new_form = QFormLayout(self.new_box)
        self.new_name, self.new_phone, self.new_email = QLineEdit(), QLineEdit(), QLineEdit()
        self.new_consent_email = QCheckBox(self.tr("May receive e-mails"))
        self.new_consent_whatsapp = QCheckBox(self.tr("May receive WhatsApp messages"))
        new_form.addRow(self.tr("Name"), self.new_name)
        new_form.addRow(self.tr("Phone"), self.new_phone)
        new_form.addRow(self.tr("E-mail"), self.new_email)
        new_form.addRow("", self.new_consent_email)
        new_form.addRow("", self.new_consent_whatsapp)
        self.duplicates = QLabel()
        self.duplicates.setWordWrap(True)
        self.duplicates.setStyleSheet(WARNING_STYLE)
        self.duplicates.hide()
        new_form.addRow(self.duplicates)
        self.new_box.hide()
        layout.addWidget(self.new_box)

        self.entry_box = QWidget()
        form = QFormLayout(self.entry_box)
        form.setContentsMargins(0, 0, 0, 0)
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("e.g. 149,90"))
        self.note = QLineEdit()
        self.when = DateField()  # no maximum: a day after today is refused in words (check_dates)
        self.follow_up = DateField()
        self.refund_of = QComboBox()
        self.closes = QListWidget()
        self.closes.setMaximumHeight(90)
        self.points_hint = QLabel()
        form.addRow(self.tr("What happened"), self.kind)
        form.addRow(self.tr("Amount"), self.amount)
        self.points_hint.setStyleSheet("color: #1e7e34;")
        self.points_hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        form.addRow("", self.points_hint)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Day"), self.when)
        self._follow_label = QLabel(self.tr("Follow up on"))
        form.addRow(self._follow_label, self.follow_up)
        self._refund_label = QLabel(self.tr("Refund of"))
        form.addRow(self._refund_label, self.refund_of)
        self._closes_label = QLabel(self.tr("This purchase closes"))
        form.addRow(self._closes_label, self.closes)
        self.entry_box.setEnabled(False)
        layout.addWidget(self.entry_box)

        self.error = error_label()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(False)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        enter_means(self.save_button)  # Enter in the kind, the amount or the note saves
        self.confirm_discard = None  # the "Discard…?" box Escape opened over typed work
        self._loading = False  # the chosen customer's lists are on their way
        self._busy = False  # a create or a save is on its way
        self._save_when_loaded = False

        self.finder = CustomerFinder(tasks, self.search, shop, limit=MAX_MATCHES, delay_ms=120)
        self.finder.found.connect(self._found)
        self.finder.failed.connect(self._failed)
        self.search.installEventFilter(self)
        self.matches.installEventFilter(self)
        for field in (self.new_name, self.new_phone, self.new_email):
            field.installEventFilter(self)
        for field in (self.new_phone, self.new_email):  # another phone or e-mail is checked afresh
            field.textChanged.connect(lambda _t: (self.duplicates.hide(), self._acknowledged.clear()))
        # A click on a match picks her and moves on; the arrows in the list change the pick (Enter moves on).
        self.matches.itemClicked.connect(self._pick_item)
        self.matches.currentItemChanged.connect(
            lambda item, _prev: self._pick_item(item, move_on=False) if item is not None and self.matches.hasFocus()
            else None)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.amount.textChanged.connect(lambda _t: self._update_points_hint())
        # a message about the entry goes once what it was about changes (a refund larger than the purchase,
        # corrected); the next Save checks afresh
        for changed in (self.amount.textChanged, self.note.textChanged, self.when.dateChanged,
                        self.follow_up.dateChanged, self.kind.currentIndexChanged, self.refund_of.currentIndexChanged):
            changed.connect(lambda *_: self.error.hide())
        self.previews: list[views.EarnPreview] = []
        self._reset_dates()
        self._kind_changed()
        self.resize(520, 560)
        self.search.setFocus()

    # --- finding the customer -------------------------------------------------------------------

    def _found(self, rows) -> None:
        self.matches.blockSignals(True)
        fill_customer_list(self.matches, rows)
        if rows:
            self.matches.setCurrentRow(0)
        self.matches.blockSignals(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        key = event.key()
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.matches.currentRow() + step, 0), self.matches.count() - 1)
                self.matches.setCurrentRow(row)
                return True
            if key in ENTER_KEYS:
                self.finder.answer_then(self._take_highlighted)
                return True
        elif watched is self.matches and key in ENTER_KEYS:
            self._pick_item(self.matches.currentItem())
            return True  # not on to the dialog: it would save before the customer is loaded
        elif key in ENTER_KEYS and watched in (self.new_name, self.new_phone, self.new_email):
            self.create_customer()
            return True
        return super().eventFilter(watched, event)

    def _pick_item(self, item: QListWidgetItem | None, move_on: bool = True) -> None:
        if item is not None:
            if move_on and not self.new_box.isHidden():
                self._drop_new_customer()  # she was found after all (the duplicate warning said who)
            self.choose(item.data(Qt.ItemDataRole.UserRole)[0], move_on=move_on)

    def _drop_new_customer(self) -> None:
        for field in (self.new_name, self.new_phone, self.new_email):
            field.clear()
        self.new_consent_email.setChecked(False)
        self.new_consent_whatsapp.setChecked(False)
        self.duplicates.hide()
        self._acknowledged.clear()
        self.new_box.hide()

    def _take_highlighted(self) -> None:
        """Enter in the search, once the list answers what is typed: the match highlighted, or a new
        customer when nobody matches."""
        item = self.matches.currentItem()
        if item is not None:
            self._pick_item(item)
        elif self.search.text().strip():
            self._offer_new_customer()

    def _offer_new_customer(self) -> None:
        text = self.search.text().strip()
        self.new_box.show()
        typed = guess_typed(text)
        if typed is Typed.PHONE:
            self.new_phone.setText(text)
        elif typed is Typed.EMAIL:
            self.new_email.setText(text)
        elif typed is Typed.NAME:  # a "#123" code is nobody's name, phone or e-mail: nothing is kept
            self.new_name.setText(text)
        for field in (self.new_name, self.new_phone, self.new_email):
            if not field.text():
                field.setFocus()
                break

    def create_customer(self) -> None:
        if self._busy:
            return
        data = CustomerInput(name=self.new_name.text(), phone=self.new_phone.text(), email=self.new_email.text(),
                             consent_email=self.new_consent_email.isChecked() or None,  # unticked: not asked
                             consent_whatsapp=self.new_consent_whatsapp.isChecked() or None)
        shop, actor, today = self.shop, self.actor, self.today()
        acknowledged = set(self._acknowledged)
        self._busy = True

        def work():
            # The full form's check (CustomerDialog): someone else with this e-mail or phone stops the
            # first Enter; the next one means "yes, a new customer".
            found = customers.duplicates_of(data, shop, today)
            if {(d.field, d.customer_id) for d in found} - acknowledged:
                return found, None
            return found, customers.create_customer(data, shop=shop, actor=actor, today=today)

        def created(result) -> None:
            self._busy = False
            found, new_id = result
            self.error.hide()  # what she typed is valid now: only the duplicates are left to say
            self._show_duplicates(found)
            if new_id is None:
                self._acknowledged |= {(d.field, d.customer_id) for d in found}
                return
            self.duplicates.hide()
            self.created_name = data.name.strip()
            self.choose(new_id)  # the entry fields get the focus before the form that had it hides
            self.new_box.hide()
            self.customer_created.emit(new_id)

        self.tasks.write(work, lambda result: Changes(customers=result[1] is not None), created, self._failed)

    def _show_duplicates(self, found) -> None:
        lines = duplicate_lines(found)  # the full customer form's lines, then what Enter does here
        if lines:
            lines.append(self.tr("If it is the same person, find her in the search above; press Enter again "
                                 "to create a new customer anyway."))
        self.duplicates.setText("\n".join(lines))
        self.duplicates.setVisible(bool(lines))

    def choose(self, customer_id: int, *, move_on: bool = True) -> None:
        """Load the customer's lists (refundable purchases, open items, what a purchase earns) and move
        on to what happened (`move_on=False`: the focus stays, as when arrowing through the matches)."""
        self.entry_box.setEnabled(True)
        self.save_button.setEnabled(True)
        if move_on:
            self.kind.setFocus()
        if customer_id == self.customer_id and (self._loading or not self.chosen.isHidden()):
            return  # the same pick again (Enter or a click on the match the arrows picked)
        self.chosen.hide()
        self.customer_id = customer_id
        self._loading = True
        shop, today = self.shop, self.today()

        def work():
            return (customers.detail(customer_id, shop), interactions.refundable_purchases(customer_id),
                    interactions.open_items(customer_id), views.earn_preview(customer_id, today))

        self.tasks.run(work, lambda result: self._chosen(customer_id, *result), self._failed)

    def _chosen(self, customer_id: int, d, refundable, open_items, previews) -> None:
        if customer_id != self.customer_id:
            return  # another pick came after this one
        self._loading = False
        self.chosen.setText("  ·  ".join(x for x in (d.name, d.phone_display, d.email or "") if x))
        self.chosen.show()
        self._fill_customer_lists(refundable, open_items)
        self.previews = previews
        self._update_points_hint()
        if self._save_when_loaded:
            self._save_when_loaded = False
            self.save()

    # --- what happened --------------------------------------------------------------------------

    def _reset_dates(self) -> None:
        today = self.today()
        self.when.setDate(_qdate(today))
        self.follow_up.setDate(_qdate(today).addDays(interactions.DEFAULT_FOLLOW_UP_DAYS))

    def _fill_customer_lists(self, refundable, open_items) -> None:
        self.refund_of.clear()
        self.closes.clear()
        for r in refundable:
            label = f"{format_date(r.on)}  {format_money(r.amount_cents, self.shop.currency)}  {r.note}".strip()
            self.refund_of.addItem(label, r.id)
        for item in open_items:
            if item.kind not in UNFINISHED:
                continue
            text = f"{kind_label(item.kind)} {format_date(item.on)}  {item.note}"
            if item.amount_cents is not None:
                text += f"  {format_money(item.amount_cents, self.shop.currency)}"
            row = QListWidgetItem(text.strip())
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.closes.addItem(row)
        self._kind_changed()

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.amount.setEnabled(kind in TAKES_AMOUNT)
        for label, widget, visible in (
            (self._follow_label, self.follow_up, kind in UNFINISHED),
            (self._refund_label, self.refund_of, kind == "return"),
            (self._closes_label, self.closes, kind == "purchase" and self.closes.count() > 0),
        ):
            label.setVisible(visible)
            widget.setVisible(visible)
        self._update_points_hint()

    def _update_points_hint(self) -> None:
        """As the amount is typed: what this purchase will earn (the tier's multiplier included)."""
        texts = []
        if self.kind.currentData() in ("purchase", "visit") and self.customer_id is not None:
            try:
                cents = parse_money(self.amount.text()) if self.amount.text().strip() else 0
            except ReguaError:
                cents = 0
            for p in self.previews:
                n = earned_by_entry(self.kind.currentData(), cents, p.rules, p.multiplier_pct)
                if n > 0:
                    text = self.tr("Earns {points} in {program}").format(points=format_points(n, p.rules.kind),
                                                                         program=p.program)
                    if p.tier and p.multiplier_pct != 100:
                        text += f" ({p.tier})"
                    texts.append(text)
        self.points_hint.setText(" · ".join(texts))
        self.points_hint.setVisible(bool(texts))

    def entry(self) -> LogEntry:
        kind = self.kind.currentData()
        closes = [self.closes.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.closes.count())
                  if self.closes.item(i).checkState() == Qt.CheckState.Checked]
        return LogEntry(
            kind=kind, amount=self.amount.text() if kind in TAKES_AMOUNT else None, note=self.note.text(),
            on=_pydate(self.when.date()),
            follow_up_on=_pydate(self.follow_up.date()) if kind in UNFINISHED else None,
            purchase_id=self.refund_of.currentData() if kind == "return" else None,
            closes=closes if kind == "purchase" else ())

    def save(self) -> None:
        if self.customer_id is None:
            self.search.setFocus()
            return
        if self._loading:
            self._save_when_loaded = True  # Enter came before the customer's lists: save once they are in
            return
        if self._busy:
            return
        problem = self.date_problem()
        if problem is not None:
            self._show_message(*problem)
            return
        customer_id, entry, actor, shop, today = self.customer_id, self.entry(), self.actor, self.shop, self.today()
        self._busy = True
        self.save_button.setEnabled(False)

        def work():
            new_id = interactions.log_interaction(customer_id, entry, actor=actor, shop=shop, today=today)
            return views.earned_by(new_id)

        def saved(earned) -> None:
            self._busy = False
            self.last_points = " · ".join(
                f"{'+' if e.points > 0 else ''}{format_points(e.points, e.kind)} ({e.program})" for e in earned)
            self.logged.emit(customer_id, self.last_points)
            self.accept()

        self.tasks.write(work, Changes(interactions=True, loyalty=True, outbox=True), saved, self._failed)

    def changed(self) -> bool:
        """Something typed that Escape would lose: an amount, a note, a new customer's details."""
        return any(field.text().strip() for field in (self.amount, self.note, self.new_name, self.new_phone,
                                                      self.new_email))

    def reject(self) -> None:
        if self.created_name is not None:  # she was saved on the first Enter: the question says so
            question = self.tr("Discard the entry? {name} stays saved as a new customer.").format(
                name=self.created_name)
        else:
            question = self.tr("Discard what you typed in the quick log?")
        if not self.changed() or ask_discard(self, question):
            super().reject()

    def _give_focus_back(self, _result: int) -> None:
        """The dialog closed (saved, or discarded from its question): the window that opened it is the
        active one again, with the focus where it was, so F2 and typing work at once (openbox left the
        main window inactive until a click)."""
        parent = self.parentWidget()
        if parent is not None:
            parent.window().activateWindow()
        widget = self._return_focus
        with contextlib.suppress(RuntimeError):  # the widget was deleted meanwhile: the window's own focus
            if widget is not None and widget.isVisible():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def date_problem(self) -> tuple[str, QWidget] | None:
        """What is wrong with the days, in words, and the field to fix: a day that is no date, after
        today or more than a year ago; a follow-up before the day. Nothing is saved until it is fixed."""
        today, kind = self.today(), self.kind.currentData()
        on = _pydate(self.when.date())
        not_a_day = self.tr("That is not a day: type it as {example}.").format(example=format_date(today))
        if self.when.typed_invalid:
            return not_a_day, self.when
        if on > today:
            return error_text(ValidationError("date", "date_future")), self.when
        if on < today - timedelta(days=OLDEST_DAYS):
            return self.tr("That day is more than a year ago: the quick log takes what happened in the last "
                           "year."), self.when
        if kind in UNFINISHED:
            if self.follow_up.typed_invalid:
                return not_a_day, self.follow_up
            if _pydate(self.follow_up.date()) < on:
                return error_text(ValidationError("follow_up", "follow_up_past")), self.follow_up
        return None

    def _show_message(self, text: str, target: QWidget | None) -> None:
        self.error.setText(text)
        self.error.show()
        if target is not None and target.isVisible():
            target.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._busy = self._loading = self._save_when_loaded = False
        self.save_button.setEnabled(self.customer_id is not None)
        if isinstance(exc, ReguaError):
            self._show_error(exc)
        else:
            show_error(self, exc)

    def _show_error(self, exc: ReguaError) -> None:
        field = getattr(exc, "field", None)
        target = {"amount": self.amount, "note": self.note, "date": self.when, "follow_up": self.follow_up,
                  "name": self.new_name, "phone": self.new_phone, "email": self.new_email}.get(field)
        self._show_message(error_text(exc), target)
