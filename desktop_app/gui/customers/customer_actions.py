"""What staff do to the one customer the Customers section shows: edit or merge her, close what is open
(a complaint resolved, a quote bought or lost), use a gift, redeem or adjust points, and her privacy
requests (stop messages, export her data, erase her).

Each action reads the selection and the page of the section it belongs to, and writes through the
section's lane as that section (the `initiator`), so the section refreshes itself and the other views
refresh from the lane's `changed` signal.

The texts keep the translation context "CustomersView", where the catalogues have them since these
actions were methods of that class; lupdate reads the context from each literal translate() call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from desktop_app.domain.actors import Actor
from desktop_app.domain.dates import utc_now
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.kinds import UNFINISHED
from desktop_app.gui.common.errors import show_error
from desktop_app.gui.common.i18n import error_text
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import enter_means, error_label
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.customers.customer_page import CustomerPage
from desktop_app.gui.customers.merge_dialog import MergeDialog
from desktop_app.gui.loyalty.loyalty_panel import AdjustDialog, GiftDialog, LedgerDialog, RedeemDialog
from desktop_app.services.customers import customers, interactions, privacy
from desktop_app.services.customers.customers import CustomerDetail
from desktop_app.services.loyalty import coupons, ledger
from desktop_app.services.shop.shop import ShopSettings


class CustomerSection(Protocol):
    """What the actions need of the section they act in (gui/customers/customers_view.py:CustomersView,
    a QWidget: the dialogs' parent and the writes' initiator)."""

    tasks: TaskRunner
    shop: ShopSettings
    actor: Actor  # read at each action: the window changes it when someone else logs in
    today: Callable[[], date]
    page: CustomerPage
    status: SignalInstance

    def selected_id(self) -> int | None: ...
    def refresh_page(self) -> None: ...
    def reload(self) -> None: ...
    def after_change(self, customer_id: int, message: str) -> None: ...
    def customer_saved(self, customer_id: int) -> None: ...


class CustomerActions:
    """The actions on the customer selected in `view`, its dialogs parented to it."""

    def __init__(self, view: CustomerSection) -> None:
        self.view = view

    def _failed(self, exc: BaseException) -> None:
        show_error(self.view, exc)

    # --- her record -----------------------------------------------------------------------------

    def edit_selected(self) -> None:
        view = self.view
        customer_id = view.selected_id()
        if customer_id is None:
            return
        shop = view.shop
        # read on the worker lane; e.g. deleted meanwhile: told, not crashed
        view.tasks.run(lambda: customers.detail(customer_id, shop), self._edit, self._failed)

    def _edit(self, detail: CustomerDetail) -> CustomerDialog:
        view = self.view
        dialog = CustomerDialog(view.tasks, view.shop, view.actor, view.today, detail, parent=view)
        dialog.accepted.connect(lambda: view.customer_saved(detail.id))
        dialog.open()
        return dialog

    def merge_selected(self) -> None:
        view = self.view
        keep_id = view.selected_id()
        if keep_id is None:
            return
        shop = view.shop
        view.tasks.run(lambda: customers.detail(keep_id, shop).name, lambda name: self._merge_into(keep_id, name),
                       self._failed)

    def _merge_into(self, keep_id: int, keep_name: str) -> None:
        view = self.view
        dialog = MergeDialog(view.tasks, view.shop, keep_id, keep_name, parent=view)
        if not dialog.exec() or dialog.other_id is None:
            return
        answer = QMessageBox.question(
            view, QCoreApplication.translate("CustomersView", "Merge customers"),
            QCoreApplication.translate(
                "CustomersView", "Merge “{other}” into “{keep}”? Their history, consents and tags move over, and "
                "“{other}” is removed. This cannot be undone.").format(other=dialog.other_name, keep=dialog.keep_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        other_id, actor, today = dialog.other_id, view.actor, view.today()
        merged = QCoreApplication.translate("CustomersView", "Customers merged.")
        view.tasks.write(lambda: customers.merge_customers(keep_id, other_id, actor=actor, today=today),
                         Changes(customers=True, interactions=True, loyalty=True, outbox=True),
                         lambda _r: view.after_change(keep_id, merged), self._failed, initiator=view)

    # --- what is still open ---------------------------------------------------------------------

    def resolve_selected_complaint(self) -> QDialog | None:
        """How the complaint was resolved, in one line: Enter records it. An empty line is refused in the
        dialog, in words under the box (no message box to steal the keys typed ahead); the dialog closes
        once the resolution is recorded. The dialog's `text` is the box, its `error` the message."""
        view = self.view
        chosen = view.page.selected_open_item()
        if not chosen or chosen[1] != "complaint":
            return None
        dialog = QDialog(view)
        dialog.setObjectName("resolve_complaint")
        dialog.setWindowTitle(QCoreApplication.translate("CustomersView", "Resolve complaint"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(QCoreApplication.translate("CustomersView", "How was it resolved?")))
        dialog.text = QLineEdit()
        dialog.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        for widget in (dialog.text, dialog.error, buttons):
            layout.addWidget(widget)
        ok = enter_means(buttons.button(QDialogButtonBox.StandardButton.Ok))
        buttons.rejected.connect(dialog.reject)
        dialog.text.textChanged.connect(lambda _t: dialog.error.hide())
        dialog.resize(460, dialog.sizeHint().height())
        actor = view.actor

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
            view.tasks.write(lambda: interactions.resolve_complaint(chosen[0], text, actor=actor),
                             Changes(interactions=True), resolved, failed, initiator=view)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ValidationError):
                refuse(exc)
            else:
                ok.setEnabled(True)
                self._failed(exc)

        def resolved(_result) -> None:
            dialog.accept()
            view.status.emit(QCoreApplication.translate("CustomersView", "Complaint resolved."))
            view.refresh_page()

        buttons.accepted.connect(resolve)
        dialog.open()
        return dialog

    def close_selected_unfinished(self, outcome: str) -> None:
        view = self.view
        chosen = view.page.selected_open_item()
        if not chosen or chosen[1] not in UNFINISHED:
            return
        actor = view.actor
        view.tasks.write(lambda: interactions.close_unfinished(chosen[0], outcome, actor=actor),
                         Changes(interactions=True, outbox=True), lambda _r: view.refresh_page(), self._failed,
                         initiator=view)

    # --- her privacy requests -------------------------------------------------------------------

    def export_data(self, folder: str | None = None) -> None:
        """An access request: the customer's data as xlsx and JSON in a folder the owner picks."""
        view = self.view
        customer_id = view.selected_id()
        if customer_id is None:
            return
        folder = folder or QFileDialog.getExistingDirectory(
            view, QCoreApplication.translate("CustomersView", "Where to save her data"))
        if not folder:
            return
        actor = view.actor
        view.tasks.run(lambda: privacy.export_customer(customer_id, folder, actor=actor),
                       lambda paths: view.status.emit(QCoreApplication.translate(
                           "CustomersView", "Data saved in {folder}.").format(folder=paths[0].parent)),
                       self._failed)

    def erase(self, *, confirm: bool = True) -> None:
        """Erase the selected customer at her request (after asking)."""
        view = self.view
        customer_id = view.selected_id()
        if customer_id is None:
            return
        name = view.page.customer_name
        if confirm and QMessageBox.warning(
                view, QCoreApplication.translate("CustomersView", "Erase customer"),
                QCoreApplication.translate(
                    "CustomersView", "Erase {name} for good? Her sales and points stay in the figures without her "
                    "name; her details, notes, consent and messages are deleted, and a re-import will skip her. "
                    "This cannot be undone.").format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel) != QMessageBox.StandardButton.Yes:
            return
        actor, shop, now = view.actor, view.shop, utc_now()

        def erased(_result) -> None:
            view.status.emit(QCoreApplication.translate("CustomersView", "{name} was erased.").format(name=name))
            view.reload()

        view.tasks.write(lambda: privacy.erase_customer(customer_id, actor=actor, shop=shop, now=now),
                         Changes(customers=True, interactions=True, loyalty=True, outbox=True), erased, self._failed,
                         initiator=view)

    def stop_messages(self) -> None:
        """One click: the customer asked to hear nothing more from the shop."""
        view = self.view
        customer_id = view.selected_id()
        if customer_id is None:
            return
        actor, name = view.actor, view.page.customer_name

        def stopped(cancelled: int) -> None:
            view.status.emit(QCoreApplication.translate(
                "CustomersView", "{name} will get no more messages (cancelled: {n}).").format(name=name, n=cancelled))
            view.refresh_page()

        view.tasks.write(lambda: customers.unsubscribe(customer_id, actor=actor), Changes(customers=True, outbox=True),
                         stopped, self._failed, initiator=view)

    # --- gifts and points -----------------------------------------------------------------------

    def _loyalty_target(self) -> int | None:
        customer_id = self.view.selected_id()
        return customer_id if customer_id is not None and self.view.page.loyalty.summaries else None

    def use_gift(self) -> GiftDialog | None:
        """The customer shows a gift's code (a birthday coupon): check it and mark it used."""
        view = self.view
        customer_id = view.selected_id()
        if customer_id is None or not view.page.gifts:
            return None
        dialog = GiftDialog(view.page.customer_name, view.page.gifts[0].code, view)

        def use() -> None:
            if getattr(dialog, "using", False):
                return  # one use at a time
            code, actor, today, shop = dialog.code.text(), view.actor, view.today(), view.shop
            dialog.using = True
            view.tasks.write(lambda: coupons.redeem(code, customer_id, actor=actor, today=today, shop=shop),
                             Changes(loyalty=True), used, failed, initiator=view)

        def used(coupon) -> None:
            dialog.using = False
            dialog.accept()
            view.status.emit(QCoreApplication.translate("CustomersView", "Gift used: {gift}.").format(gift=coupon.gift))
            view.refresh_page()

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
        view = self.view
        customer_id = self._loyalty_target()
        if customer_id is None:
            return None
        dialog = RedeemDialog(view.page.customer_name, view.page.loyalty.summaries, view)

        def done(result: int) -> None:
            reward_id = dialog.reward_id()
            if result != QDialog.DialogCode.Accepted or reward_id is None:
                return
            actor, today = view.actor, view.today()

            def redeemed(_result) -> None:
                view.status.emit(QCoreApplication.translate("CustomersView", "Reward redeemed."))
                view.refresh_page()

            def failed(exc: BaseException) -> None:  # e.g. the reward was switched off meanwhile
                show_error(view, exc)
                view.refresh_page()

            view.tasks.write(lambda: ledger.redeem(customer_id, reward_id, actor=actor, today=today),
                             Changes(loyalty=True), redeemed, failed, initiator=view)

        dialog.finished.connect(done)
        dialog.open()
        return dialog

    def adjust_points(self) -> None:
        view = self.view
        customer_id = self._loyalty_target()
        if customer_id is None:
            return
        dialog = AdjustDialog(view.tasks, customer_id, view.page.loyalty.summaries, view.actor, view.today, view)
        if dialog.exec():
            view.status.emit(QCoreApplication.translate("CustomersView", "Points adjusted."))
            view.refresh_page()

    def points_history(self) -> None:
        view = self.view
        customer_id = self._loyalty_target()
        if customer_id is not None:
            LedgerDialog(view.tasks, view.page.customer_name, view.page.loyalty.summaries, customer_id, view).exec()
