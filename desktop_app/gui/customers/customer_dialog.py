"""Create or edit a customer: the Designer form in ui/customer_dialog.ui, validated field by field.

Nothing is saved while a field is wrong; each wrong field shows its own translated message under it,
which goes as soon as the field is put right. Enter saves; Escape or Cancel asks before throwing away
what was typed. An e-mail, phone or tax id that already belongs to someone else is a warning: the first Save shows
who has it, and a second Save confirms that these really are two people. The customer being edited is
read by whoever opens the dialog; the duplicate check and the save run on the worker lane.

Several tills share one shop: the form keeps when her record was last saved, as it was read, and the save
checks it in the same unit that writes. If another till saved her meanwhile, nothing is overwritten: the
form says where and how long ago, keeps what was typed, and the user reopens her to see the change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import SERVER_FAULTS, ChangedElsewhere, ValidationError
from desktop_app.gui.common.i18n import error_text, format_birthday
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import ERROR_STYLE, ask_discard, enter_means
from desktop_app.gui.forms.ui_customer_dialog import Ui_CustomerDialog
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerDetail, CustomerInput, Duplicate
from desktop_app.services.shop.shop import ShopSettings

WARNING_STYLE = "color: #8a5a00; background: #fff4d6; padding: 6px; border-radius: 4px;"
FIELDS = ("name", "email", "phone", "birthday", "city", "tax_id", "card_code", "tags", "consent_email")


def duplicate_lines(found: Sequence[Duplicate]) -> list[str]:
    """One line per other customer who already has the e-mail, phone or tax id typed (the customer form's
    words, which the quick log's new-customer form shows too)."""
    labels = {"email": QCoreApplication.translate("CustomerDialog", "This e-mail already belongs to {name} (#{id})."),
              "phone": QCoreApplication.translate("CustomerDialog", "This phone already belongs to {name} (#{id})."),
              "tax_id": QCoreApplication.translate("CustomerDialog", "This tax id already belongs to {name} (#{id}).")}
    return [labels[d.field].format(name=d.name, id=d.customer_id) for d in found]


class CustomerDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 detail: CustomerDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.customer_id = detail.id if detail is not None else None
        self.loaded_at = detail.updated_at if detail is not None else None  # her last save, as read
        self._checks = 0  # duplicate checks asked for; an older answer than the newest is dropped
        self.saving = False
        self.saved_id: int | None = None
        self._acknowledged: set[tuple[str, int]] = set()
        self._ticked: dict[str, bool] = {}  # consent boxes as loaded: unticking a yes is a no
        for name in FIELDS:
            getattr(self.ui, f"{name}_error").setStyleSheet(ERROR_STYLE)
        self.ui.duplicates.setStyleSheet(WARNING_STYLE)
        self.conflict = QLabel()  # saved at another till meanwhile: said here, above the buttons
        self.conflict.setObjectName("conflict")
        self.conflict.setWordWrap(True)
        self.conflict.setStyleSheet(ERROR_STYLE)
        self.conflict.hide()
        self.ui.main_layout.insertWidget(self.ui.main_layout.indexOf(self.ui.buttons), self.conflict)
        self.ui.buttons.accepted.connect(self.save)
        self.ui.buttons.rejected.connect(self.reject)
        enter_means(self.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
        self.confirm_discard: QMessageBox | None = None
        self.ui.email.editingFinished.connect(self.check_duplicates)
        self.ui.phone.editingFinished.connect(self.check_duplicates)
        self.ui.tax_id.editingFinished.connect(self.check_duplicates)
        self.ui.notes.setPlaceholderText(self.tr("Sizes, preferences, anything the team should know"))
        if shop.country != "US":
            self.ui.birthday.setPlaceholderText(self.tr("day/month, year optional: 15/03 or 15/03/1990"))
        if detail is None:
            self.setWindowTitle(self.tr("New customer"))
        else:
            self.setWindowTitle(self.tr("Edit customer"))
            self._load(detail)
        self.ui.name.setFocus()
        self.loaded()
        for name in FIELDS[:-1]:
            getattr(self.ui, name).textChanged.connect(lambda _t, name=name: self._recheck(name))
        self.ui.email.textChanged.connect(lambda _t: self._recheck("consent_email"))
        self.ui.consent_email.toggled.connect(lambda _on: self._recheck("consent_email"))

    def loaded(self) -> None:
        """What the form holds now counts as unchanged (after it was filled in for the user)."""
        self._initial = self.form_input()

    @property
    def day_first(self) -> bool:
        return self.shop.country != "US"

    def _load(self, d: CustomerDetail) -> None:
        self.ui.name.setText(d.name)
        self.ui.email.setText(d.email or "")
        self.ui.phone.setText(d.phone_display)
        self.ui.birthday.setText(format_birthday(d.birthday, self.day_first))
        self.ui.city.setText(d.city)
        self.ui.tax_id.setText(d.tax_id or "")
        self.ui.card_code.setText(d.card_code or "")
        self.ui.tags.setText(", ".join(d.tags))
        self.ui.notes.setPlainText(d.notes)
        self._ticked = {ch: d.consent.get(ch, False) for ch in ("email", "whatsapp")}
        self.ui.consent_email.setChecked(self._ticked["email"])
        self.ui.consent_whatsapp.setChecked(self._ticked["whatsapp"])

    def form_input(self) -> CustomerInput:
        ui = self.ui
        return CustomerInput(
            name=ui.name.text(), email=ui.email.text(), phone=ui.phone.text(), birthday=ui.birthday.text(),
            city=ui.city.text(), tax_id=ui.tax_id.text(), card_code=ui.card_code.text(),
            notes=ui.notes.toPlainText(), tags=[t for t in ui.tags.text().split(",") if t.strip()],
            # A box left unticked is no answer (None: left as it is), not a "no": only unticking a yes is.
            consent_email=ui.consent_email.isChecked() or (False if self._ticked.get("email") else None),
            consent_whatsapp=ui.consent_whatsapp.isChecked() or (False if self._ticked.get("whatsapp") else None),
        )

    # --- messages -------------------------------------------------------------------------------

    def show_errors(self, errors: list[ValidationError]) -> None:
        by_field = {e.field: e for e in reversed(errors)}
        first = None
        for name in FIELDS:
            label = getattr(self.ui, f"{name}_error")
            exc = by_field.get(name)
            label.setVisible(exc is not None)
            label.setText(error_text(exc) if exc else "")
            if exc and first is None:
                first = getattr(self.ui, name)
        if "notes" in by_field:
            self.ui.notes.setToolTip(error_text(by_field["notes"]))
            first = first or self.ui.notes
        if first is not None:
            first.setFocus()

    def _recheck(self, name: str) -> None:
        """A field with a message was edited: the message goes once the field is right (or changes)."""
        label = getattr(self.ui, f"{name}_error")
        if label.isHidden():
            return
        _clean, errors = customers.validate(self.form_input(), self.shop, self.today())
        exc = next((e for e in errors if e.field == name), None)
        label.setVisible(exc is not None)
        label.setText(error_text(exc) if exc else "")

    def field_error(self, name: str) -> str:
        label = getattr(self.ui, f"{name}_error")
        return label.text() if not label.isHidden() else ""

    def _duplicates_job(self):
        """A job for the worker lane: who else has this e-mail, phone or tax id."""
        data, shop, today, exclude = self.form_input(), self.shop, self.today(), self.customer_id
        return lambda: customers.duplicates_of(data, shop, today, exclude_id=exclude)

    def check_duplicates(self) -> None:
        """A field was left: say who already has its e-mail, phone or tax id (asked on the worker lane)."""
        self._checks += 1
        asked = self._checks
        self.tasks.run(self._duplicates_job(), lambda found: asked == self._checks and self._show_duplicates(found),
                       lambda _exc: None)  # only a hint: the save checks again

    def _show_duplicates(self, found: list[Duplicate]) -> list[Duplicate]:
        lines = duplicate_lines(found)
        if lines:
            lines.append(self.tr("If it is the same person, cancel and use Merge on the customer's page; "
                                 "press Save again to keep them as two customers."))
        self.ui.duplicates.setText("\n".join(lines))
        self.ui.duplicates.setVisible(bool(lines))
        return found

    # --- saving ---------------------------------------------------------------------------------

    def save(self) -> None:
        """Check the fields here, then, on the worker lane, who else has the same contact and the save
        itself: a duplicate not yet shown stops the save once; the next Save means "yes, two people"."""
        if self.saving:
            return
        data = self.form_input()
        _clean, errors = customers.validate(data, self.shop, self.today())
        self.show_errors(errors)
        if errors:
            return
        duplicates = self._duplicates_job()
        acknowledged, customer_id, loaded_at = set(self._acknowledged), self.customer_id, self.loaded_at
        shop, actor, today = self.shop, self.actor, self.today()

        def work():
            found = duplicates()
            if {(d.field, d.customer_id) for d in found} - acknowledged:
                return found, None
            if customer_id is None:
                return found, customers.create_customer(data, shop=shop, actor=actor, today=today)
            customers.update_customer(customer_id, data, shop=shop, actor=actor, today=today, loaded_at=loaded_at)
            return found, customer_id

        def done(result) -> None:
            self._saving(False)
            found, saved_id = result
            self._checks += 1  # this answer is the newest
            self._show_duplicates(found)
            if saved_id is None:
                self._acknowledged |= {(d.field, d.customer_id) for d in found}
                self.ui.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save anyway"))
                return
            self.saved_id = saved_id
            self.accept()

        def failed(exc: BaseException) -> None:
            self._saving(False)
            # nothing written (or, the server gone while saving, perhaps written): what was typed stays in the form
            if isinstance(exc, ChangedElsewhere) or getattr(exc, "code", None) in SERVER_FAULTS:
                self.conflict.setText(error_text(exc))
                self.conflict.show()
                return
            if not isinstance(exc, ValidationError):
                raise exc
            self.show_errors([exc])

        self._saving(True)
        self.tasks.write(work, lambda result: Changes(customers=result[1] is not None), done, failed,
                         initiator=self.parent())

    def _saving(self, on: bool) -> None:
        self.saving = on  # Save does nothing meanwhile (the buttons stay enabled: Enter's release lands)

    # --- leaving --------------------------------------------------------------------------------

    def changed(self) -> bool:
        return self.form_input() != self._initial

    def reject(self) -> None:
        """Escape, Cancel or the window's close: what was typed is only thrown away when the user says so."""
        if not self.changed() or ask_discard(self, self.tr("Discard what you typed for this customer?")):
            super().reject()
