"""A new shop's first steps, shown in place of the empty customer list while the shop has no customers:
bring in the old list, or add the first customer, then set up the shop's e-mail, loyalty and the régua.
Each step is a button that opens the dialog that does it; the main window connects them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.domain.actors import Actor
from desktop_app.domain.permissions import allowed


class FirstSteps(QFrame):
    import_list = Signal()
    add_customer = Signal()
    set_up_mail = Signal()
    set_up_loyalty = Signal()
    set_up_cadence = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstSteps")
        self.setStyleSheet("#firstSteps { background: palette(base); border: 1px solid palette(mid); "
                           "border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        self.title = QLabel(self.tr("Your shop has no customers yet"))
        self.title.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(self.title)
        intro = QLabel(self.tr("A few first steps, in any order; each can be done again later from the menus."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(10)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.steps: dict[str, tuple[QPushButton, QLabel, str]] = {}
        for key, text, hint, signal, permission in (
            ("import", self.tr("&Import your customer list…"),
             self.tr("The Excel or CSV list you keep today: Régua finds the columns and shows every problem "
                     "before anything is saved. An import can be undone."), self.import_list, "customer.import"),
            ("customer", self.tr("&Add a customer…"),
             self.tr("Or start with the next person at the counter (F2 logs a visit or a purchase in seconds)."),
             self.add_customer, "customer.create"),
            ("mail", self.tr("Set up the shop's e-&mail…"),
             self.tr("The account Régua sends from: birthday wishes, thank-yous and “we miss you” go out on "
                     "their own."), self.set_up_mail, "settings.change"),
            ("loyalty", self.tr("Set up &loyalty…"),
             self.tr("A points club or a stamp card, with the rewards your customers earn."),
             self.set_up_loyalty, "settings.change"),
            ("cadence", self.tr("&Plan the régua…"),
             self.tr("Which messages the shop sends, when, and how: e-mail, WhatsApp or a call."),
             self.set_up_cadence, "settings.change"),
        ):
            button = QPushButton(text)
            button.clicked.connect(signal)  # clicked's `checked` is dropped: the step signals take none
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
            row = grid.rowCount()
            grid.addWidget(button, row, 0)
            grid.addWidget(label, row, 1)
            self.steps[key] = (button, label, permission)

    def button(self, key: str) -> QPushButton:
        return self.steps[key][0]

    def set_actor(self, actor: Actor) -> None:
        """Only the steps this person may take (counter staff see "Add a customer" only)."""
        for button, label, permission in self.steps.values():
            button.setVisible(allowed(actor, permission))
            label.setVisible(allowed(actor, permission))
