"""A one-off message to the customers the list shows now (a search, a tag, a birthday month): how many it
will reach (only those who agreed to e-mails), the subject and text with placeholders, a preview for one
of them, and nothing is queued until Send."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.actors import Actor
from ..domain.errors import ReguaError
from ..services import campaigns, mailer
from ..services.campaigns import Audience
from ..services.shop import ShopSettings
from .i18n import error_text, format_date
from .tasks import TaskRunner
from .widgets import MessageEditor, error_label


class CampaignDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.ids = list(ids)
        self.reach: Audience | None = None
        self.sent = 0
        self.setWindowTitle(self.tr("Message these customers"))
        self.count = QLabel(self.tr("Counting who agreed to receive e-mails…"))
        self.count.setWordWrap(True)
        self.editor = MessageEditor("", "", ("first_name", "name", "shop_name"),
                                    subject_hint=self.tr("e.g. Summer sale: 30% off until Saturday"),
                                    text_hint=self.tr("Hi {{ first_name | \"there\" }}, ..."))
        self.subject, self.text = self.editor.subject, self.editor.text
        self.preview = QTextBrowser()
        self.error = error_label()
        body = QHBoxLayout()
        body.addWidget(self.editor, 1)
        body.addWidget(self.preview, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button = self.buttons.addButton(self.tr("Send"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setEnabled(False)
        self.buttons.accepted.connect(self.send)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.editor.changed.connect(self.render)
        self.resize(900, 480)
        ids = self.ids
        self.tasks.run(lambda: campaigns.audience(ids), self._counted, self._failed)

    def _counted(self, reach: Audience) -> None:
        self.reach = reach
        self.count.setText(self.tr("Will go by e-mail to {n} of the {total} customers in the list: those who "
                                   "agreed to receive e-mails.", "", reach.total).format(n=len(reach.reachable),
                                                                                        total=reach.total))
        self.send_button.setText(self.tr("Send to {n} customers", "", len(reach.reachable)).format(
            n=len(reach.reachable)))
        self.render()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ReguaError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()

    def render(self) -> None:
        self.error.hide()
        ready = bool(self.subject.text().strip() and self.text.toPlainText().strip())
        self.send_button.setEnabled(ready and bool(self.reach and self.reach.reachable))
        if not ready or not self.reach or not self.reach.reachable:
            self.preview.setPlainText(self.tr("The message, as the first of them will read it, shows here."))
            return
        try:
            subject, text = campaigns.preview(self.subject.text(), self.text.toPlainText(), self.reach.reachable[0],
                                              shop=self.shop, today=self.today(), date_format=format_date)
        except ReguaError as exc:
            self.send_button.setEnabled(False)
            self._failed(exc)
            return
        self.preview.setHtml(f"<p><b>{html.escape(subject)}</b></p>"
                             + mailer.html_from_text(html.escape(text), self.shop.name))

    def send(self) -> None:
        if not self.reach:
            return
        try:
            self.sent = campaigns.create(self.subject.text(), self.text.toPlainText(), self.ids, actor=self.actor,
                                         today=self.today(), shop=self.shop)
        except ReguaError as exc:
            self._failed(exc)
            return
        self.accept()
