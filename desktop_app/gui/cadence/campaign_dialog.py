"""A one-off message to the customers the list shows now (a search, a tag, a birthday month): how many it
will reach (only those who agreed to e-mails), the subject and text with placeholders, a preview for one
of them, and nothing is queued until Send. The preview and the queueing run on the worker lane."""

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

from desktop_app.domain.actors import Actor
from desktop_app.domain.errors import ReguaError
from desktop_app.gui.common.i18n import error_text, format_date
from desktop_app.gui.common.tasks import TaskRunner
from desktop_app.gui.common.widgets import MessageEditor, error_label
from desktop_app.services.cadence import campaigns
from desktop_app.services.cadence.campaigns import Audience
from desktop_app.services.mail import mailer
from desktop_app.services.shop.shop import ShopSettings


class CampaignDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.ids = list(ids)
        self.reach: Audience | None = None
        self.sent = 0
        self._preview_no = 0  # the newest preview asked for; older answers are dropped
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
        """Ask for the preview of what is typed now; Send is possible once it came back without a problem."""
        self.error.hide()
        self._preview_no += 1
        number = self._preview_no
        ready = bool(self.subject.text().strip() and self.text.toPlainText().strip())
        self.send_button.setEnabled(False)
        if not ready or not self.reach or not self.reach.reachable:
            self.preview.setPlainText(self.tr("The message, as the first of them will read it, shows here."))
            return
        subject, text, first, shop, today = (self.subject.text(), self.text.toPlainText(), self.reach.reachable[0],
                                             self.shop, self.today())

        def work() -> str:
            shown_subject, shown_text = campaigns.preview(subject, text, first, shop=shop, today=today,
                                                          date_format=format_date)
            return (f"<p><b>{html.escape(shown_subject)}</b></p>"
                    + mailer.html_from_text(html.escape(shown_text), shop.name))

        def done(page: str) -> None:
            if number == self._preview_no:
                self.preview.setHtml(page)
                self.send_button.setEnabled(True)

        def failed(exc: BaseException) -> None:
            if number == self._preview_no:
                self._failed(exc)

        self.tasks.run(work, done, failed)

    def send(self) -> None:
        if not self.reach or not self.send_button.isEnabled():
            return
        subject, text, ids, actor, today, shop = (self.subject.text(), self.text.toPlainText(), self.ids, self.actor,
                                                  self.today(), self.shop)
        self.send_button.setEnabled(False)

        def done(sent: int) -> None:
            self.sent = sent
            self.accept()

        def failed(exc: BaseException) -> None:
            self.send_button.setEnabled(True)
            self._failed(exc)

        self.tasks.run(lambda: campaigns.create(subject, text, ids, actor=actor, today=today, shop=shop), done, failed)
