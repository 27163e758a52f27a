"""The cadence settings: the steps drawn as the customer's journey, each card editable in place (on/off,
channel, days, how long it stays useful, the message), with how many customers each step would reach
today under the settings as they are on screen; and the rules every step shares (the frequency cap, the
send window, open days, catch-up and approval).

The saved rules are read on the worker lane: the dialog opens at once with its cards greyed out and
fills when they arrive; Save does nothing until then, and saves on the lane (a refusal leaves the
dialog open with the reason shown)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.domain import cadence as c
from desktop_app.domain import templates
from desktop_app.domain.actors import Actor
from desktop_app.domain.cadence import CadenceRules, Step
from desktop_app.domain.errors import ReguaError, ValidationError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.gui.cadence.today_view import CHANNEL_LABELS, step_label, tr
from desktop_app.gui.common.i18n import add_group_items, error_text, format_date
from desktop_app.gui.common.tasks import Changes, TaskRunner
from desktop_app.gui.common.widgets import (
    CustomerFinder,
    MessageEditor,
    error_label,
    fill_customer_list,
    while_alive,
)
from desktop_app.services.cadence import compose, planner
from desktop_app.services.cadence.default_texts import default_text, subject_for
from desktop_app.services.cadence.rules import get_rules, save_rules
from desktop_app.services.customers import customers
from desktop_app.services.mail import mailer
from desktop_app.services.shop.shop import ShopSettings

# What "days" means for each step (None: the step has no day setting).
DAYS_LABELS = {
    c.WELCOME: QT_TRANSLATE_NOOP("cadence", "days after signup"),
    c.POST_SALE: QT_TRANSLATE_NOOP("cadence", "days after a purchase"),
    c.BIRTHDAY: QT_TRANSLATE_NOOP("cadence", "days before"),
    c.REACTIVATION: QT_TRANSLATE_NOOP("cadence", "days without a visit"),
}
WHEN = {
    c.SIGNUP: QT_TRANSLATE_NOOP("cadence", "Right after a customer signs up at the counter (no consent needed)."),
    c.UNFINISHED: QT_TRANSLATE_NOOP("cadence", "On the follow-up day of an open quote, reservation or order."),
    c.REWARD_REACHED: QT_TRANSLATE_NOOP("cadence", "When a customer's points reach a reward."),
    c.POINTS_EXPIRING: QT_TRANSLATE_NOOP("cadence", "30 and 7 days before points expire."),
}
WEEKDAYS = range(7)


class StepCard(QFrame):
    def __init__(self, step: Step, text: str, default: str, on_change: Callable[[], None]) -> None:
        super().__init__()
        self.key, self.default = step.key, default
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("card")
        self.setStyleSheet("#card { background: palette(base); border-radius: 6px; }")
        self.setFixedWidth(262)
        layout = QVBoxLayout(self)
        self.enabled = QCheckBox(step_label(step.key))
        font = self.enabled.font()
        font.setBold(True)
        self.enabled.setFont(font)
        self.enabled.setChecked(step.enabled)
        layout.addWidget(self.enabled)
        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        self.channel = QComboBox()
        for key, label in CHANNEL_LABELS.items():
            if step.key == c.SIGNUP and key == c.TASK:
                continue
            self.channel.addItem(tr(label), key)
        self.channel.setCurrentIndex(max(self.channel.findData(step.channel), 0))
        form.addRow(self.tr("By"), self.channel)
        self.days = QSpinBox()
        self.days.setRange(7 if step.key == c.REACTIVATION else 0, 60 if step.key == c.BIRTHDAY else 3650)
        self.days.setValue(step.days)
        if step.key in DAYS_LABELS:
            self.days.setSuffix(" " + tr(DAYS_LABELS[step.key]))
            form.addRow(self.tr("When"), self.days)
            if step.key == c.BIRTHDAY:
                self.days.setToolTip(self.tr("0: on the birthday itself"))
        else:
            when = QLabel(tr(WHEN[step.key]))
            when.setWordWrap(True)
            form.addRow(self.tr("When"), when)
        self.audience = QComboBox()
        self.audience.setToolTip(self.tr("Only the customers of one segment, lifecycle stage or tag get this step "
                                         "(segments and stages as worked out that day; see Reports)"))
        self.audience.addItem(self.tr("Every customer"), "")
        add_group_items(self.audience)
        self._tag_start = self.audience.count()
        if step.key != c.SIGNUP:  # a signup confirmation goes to everyone who signs up
            form.addRow(self.tr("Who"), self.audience)
        else:
            self.audience.hide()
        self.late = QSpinBox()
        self.late.setRange(0, 60)
        self.late.setValue(step.late_days)
        self.late.setSuffix(self.tr(" day(s) late"))
        form.addRow(self.tr("Up to"), self.late)
        self.gift = QLineEdit(step.gift)
        self.gift_days = QSpinBox()
        self.gift_days.setRange(1, 365)
        self.gift_days.setValue(step.gift_days)
        self.gift_days.setSuffix(self.tr(" days to use it"))
        if step.key == c.BIRTHDAY:
            self.gift.setMaxLength(120)
            self.gift.setPlaceholderText(self.tr("optional, e.g. 10% off"))
            self.gift.setToolTip(self.tr("Each customer gets a code of their own in the message, used once at the "
                                         "counter (Use gift on the customer's page)"))
            form.addRow(self.tr("Gift"), self.gift)
            form.addRow("", self.gift_days)
        layout.addLayout(form)
        self.text = QPlainTextEdit(text)
        self.text.setFixedHeight(80)
        self.text.setToolTip(self.tr("Placeholders: {names}").format(
            names=", ".join("{{ " + p + " }}" for p in templates.PLACEHOLDERS)))
        layout.addWidget(self.text)
        self.subject = step.subject
        self._saved_audience = step.audience
        self._tags: list[str] = []
        self.set_tags([])
        self.edit_button = QPushButton(self.tr("Subject and preview…"))
        layout.addWidget(self.edit_button)
        self.count = QLabel("…")
        self.count.setStyleSheet("color: #1f6f43;")
        layout.addWidget(self.count)
        self.error = error_label()
        layout.addWidget(self.error)
        for signal in (self.enabled.toggled, self.channel.currentIndexChanged, self.days.valueChanged,
                       self.late.valueChanged, self.audience.currentIndexChanged):
            signal.connect(lambda *_: on_change())

    def load(self, step: Step, text: str) -> None:
        """Show the step as the shop saved it (read on the lane after the dialog opened)."""
        self.enabled.setChecked(step.enabled)
        self.channel.setCurrentIndex(max(self.channel.findData(step.channel), 0))
        self.days.setValue(step.days)
        self.late.setValue(step.late_days)
        self.gift.setText(step.gift)
        self.gift_days.setValue(step.gift_days)
        self.text.setPlainText(text)
        self.subject = step.subject
        self._saved_audience = step.audience
        self.set_tags(self._tags)

    def set_tags(self, tags: list[str]) -> None:
        """The shop's tags as audiences (loaded after the dialog opens), keeping the current choice."""
        self._tags = list(tags)
        current = self._saved_audience if self._saved_audience is not None else self.audience.currentData()
        self._saved_audience = None  # from now on, what is on screen
        self.audience.blockSignals(True)
        while self.audience.count() > self._tag_start:
            self.audience.removeItem(self.audience.count() - 1)
        names = list(tags)
        if current and current.startswith("tag:") and current[4:] not in names:
            names.append(current[4:])  # a tag no customer carries any more stays visible while chosen
        if names:
            self.audience.insertSeparator(self.audience.count())
        for name in names:
            self.audience.addItem(self.tr("Tag: {name}").format(name=name), f"tag:{name}")
        self.audience.setCurrentIndex(max(self.audience.findData(current or ""), 0))
        self.audience.blockSignals(False)

    def step(self, old: Step) -> Step:
        text = self.text.toPlainText().strip()
        return replace(old, enabled=self.enabled.isChecked(), channel=self.channel.currentData(),
                       days=self.days.value(), late_days=self.late.value(), audience=self.audience.currentData() or "",
                       text="" if text == self.default.strip() else text, subject=self.subject,
                       gift=" ".join(self.gift.text().split()), gift_days=self.gift_days.value())

    def show_count(self, n: int) -> None:
        self.count.setText(self.tr("Customers it would reach today: {n}").format(n=n) if self.enabled.isChecked()
                           else self.tr("Off"))


class CadenceDialog(QDialog):
    def __init__(self, tasks: TaskRunner, shop: ShopSettings, actor: Actor, today: Callable[[], date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.actor, self.today = tasks, shop, actor, today
        self.setWindowTitle(self.tr("Relationship cadence"))
        self.rules = CadenceRules()  # the cards' layout until the shop's own rules arrive from the lane
        self.loaded = False
        self.saving = False
        self._generation = 0
        intro = QLabel(self.tr("The messages the shop sends by itself along each customer's journey. "
                               "Every customer gets each message at most once."))
        intro.setWordWrap(True)

        journey = QWidget()
        grid_j = QGridLayout(journey)  # the journey in two rows of four, read left to right
        grid_j.setContentsMargins(0, 0, 0, 0)
        self.cards: dict[str, StepCard] = {}
        for n, step in enumerate(self.rules.steps):
            row, col = divmod(n, 4)
            if col:
                arrow = QLabel("→")
                arrow.setStyleSheet("font-size: 18pt; color: #888;")
                grid_j.addWidget(arrow, row, col * 2 - 1)
            card = StepCard(step, step.text or default_text(step.key, shop.language),
                            default_text(step.key, shop.language), self._schedule_counts)
            self.cards[step.key] = card
            card.edit_button.clicked.connect(lambda _c=False, key=step.key: self.edit_message(key))
            grid_j.addWidget(card, row, col * 2, Qt.AlignmentFlag.AlignTop)
        self.journey = journey
        scroll = QScrollArea()
        scroll.setWidget(journey)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)

        general = QGroupBox(self.tr("For every step"))
        grid = QGridLayout(general)
        self.cap = QSpinBox()
        self.cap.setRange(0, 60)
        self.cap.setValue(self.rules.cap_days)
        self.cap.setSuffix(self.tr(" days"))
        for box in (self.cap,):
            box.setMaximumWidth(120)
        self.cap.setToolTip(self.tr("0: no limit. Birthday wins over loyalty, unfinished purchase, after the sale, "
                                    "we miss you and welcome; the others wait or are skipped."))
        self.window_start, self.window_end = QSpinBox(), QSpinBox()
        for box, value in ((self.window_start, self.rules.window_start), (self.window_end, self.rules.window_end)):
            box.setRange(0, 24)
            box.setSuffix(" h")
            box.setValue(value)
        self.catch_up = QSpinBox()
        self.catch_up.setRange(0, c.MAX_CATCH_UP_DAYS)
        self.catch_up.setValue(self.rules.catch_up_days)
        self.catch_up.setSuffix(self.tr(" days"))
        self.quiet = QSpinBox()
        self.quiet.setRange(0, 365)
        self.quiet.setValue(self.rules.birthday_quiet_days)
        self.quiet.setSuffix(self.tr(" days"))
        self.approve = QCheckBox(self.tr("E-mails wait for approval on the Today screen"))
        self.approve.setChecked(self.rules.approve_first)
        self.complaints = QCheckBox(self.tr("No after-sale message while a complaint is open"))
        self.complaints.setChecked(self.rules.wait_for_complaints)
        days = QHBoxLayout()
        self.weekdays: list[QCheckBox] = []
        for d in WEEKDAYS:
            box = QCheckBox(QLocale().dayName(d + 1, QLocale.FormatType.ShortFormat))
            box.setChecked(d in self.rules.weekdays)
            box.toggled.connect(lambda *_: self._schedule_counts())
            self.weekdays.append(box)
            days.addWidget(box)
        days.addStretch(1)
        window = QHBoxLayout()
        window.addWidget(self.window_start)
        window.addWidget(QLabel(self.tr("to")))
        window.addWidget(self.window_end)
        window.addStretch(1)
        grid.addWidget(QLabel(self.tr("At most one message per customer every")), 0, 0)
        grid.addWidget(self.cap, 0, 1)
        grid.addWidget(QLabel(self.tr("Send between")), 1, 0)
        grid.addLayout(window, 1, 1)
        grid.addWidget(QLabel(self.tr("Open days")), 2, 0)
        grid.addLayout(days, 2, 1)
        grid.addWidget(QLabel(self.tr("After days with the PC off, still send what is up to")), 0, 2)
        grid.addWidget(self.catch_up, 0, 3)
        grid.addWidget(QLabel(self.tr("A birthday changed less than this before waits a year")), 1, 2)
        grid.addWidget(self.quiet, 1, 3)
        grid.addWidget(self.approve, 2, 2, 1, 2)
        grid.addWidget(self.complaints, 3, 2, 1, 2)
        grid.setColumnStretch(4, 1)

        self.general = general
        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("&Save"))  # Qt's own "Salvar"/"Guardar" has no Alt letter
        for w in (journey, general, self.save_button):
            w.setEnabled(False)  # until the saved rules are on screen
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(general)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.update_counts)
        self.resize(1220, 800)
        self.tasks.run(lambda: get_rules(shop), while_alive(self, self._rules_loaded),
                       while_alive(self, self._failed))
        self.tasks.run(lambda: [tag for tag, _n in customers.tags()], while_alive(self, self._tags_loaded),
                       lambda _exc: None)

    def _rules_loaded(self, rules: CadenceRules) -> None:
        """The shop's saved rules: on the cards and in the shared settings, then today's reach."""
        self.rules = rules
        for step in rules.steps:
            card = self.cards.get(step.key)
            if card is not None:
                card.load(step, step.text or default_text(step.key, self.shop.language))
        self.cap.setValue(rules.cap_days)
        self.window_start.setValue(rules.window_start)
        self.window_end.setValue(rules.window_end)
        self.catch_up.setValue(rules.catch_up_days)
        self.quiet.setValue(rules.birthday_quiet_days)
        self.approve.setChecked(rules.approve_first)
        self.complaints.setChecked(rules.wait_for_complaints)
        for d, box in zip(WEEKDAYS, self.weekdays, strict=True):
            box.setChecked(d in rules.weekdays)
        for w in (self.journey, self.general, self.save_button):
            w.setEnabled(True)
        self.loaded = True
        self._timer.stop()  # the values just set asked for counts: one is enough
        self.update_counts()

    def _failed(self, exc: BaseException) -> None:
        """A typed error in words above the buttons (the dialog stays open); anything else is a bug."""
        self.saving = False
        if not isinstance(exc, ReguaError):
            raise exc
        self.error.setText(error_text(exc))
        self.error.show()

    def _tags_loaded(self, tags: list[str]) -> None:
        for card in self.cards.values():
            card.set_tags(tags)

    def edit_message(self, key: str) -> TemplateDialog:
        """The step's subject and text in a bigger editor with a preview for a real customer."""
        card = self.cards[key]
        rules = self.form_rules()
        step = rules.step(key)
        dialog = TemplateDialog(self.tasks, self.shop, rules, step, step.subject, card.text.toPlainText(),
                                self.today, self)

        def keep() -> None:
            edited = dialog.edited()
            card.subject = edited.subject
            card.text.setPlainText(edited.text)

        dialog.accepted.connect(keep)
        dialog.open()
        return dialog

    def form_rules(self) -> CadenceRules:
        steps = tuple(self.cards[s.key].step(s) for s in self.rules.steps)
        return replace(self.rules, steps=steps, cap_days=self.cap.value(), window_start=self.window_start.value(),
                       window_end=self.window_end.value(), catch_up_days=self.catch_up.value(),
                       birthday_quiet_days=self.quiet.value(), approve_first=self.approve.isChecked(),
                       wait_for_complaints=self.complaints.isChecked(),
                       weekdays=tuple(d for d, box in zip(WEEKDAYS, self.weekdays, strict=True) if box.isChecked()))

    def _schedule_counts(self) -> None:
        self._timer.start()

    def update_counts(self) -> None:
        """What each step puts on today's list once today is planned under the settings as they are on
        screen (not yet saved): `planner.audience`, worked out by the functions planning runs."""
        self._generation += 1
        generation, rules, today, shop = self._generation, self.form_rules(), self.today(), self.shop

        def deliver(counts: dict[str, int]) -> None:
            if generation == self._generation:
                for key, card in self.cards.items():
                    card.show_count(counts.get(key, 0))

        if self.loaded:  # the counts of the saved rules, not of the placeholder ones
            self.tasks.run(lambda: planner.audience(rules, today, shop=shop), while_alive(self, deliver),
                           lambda _exc: None)

    def save(self) -> None:
        if not self.loaded or self.saving:
            return
        for card in self.cards.values():
            card.error.hide()
        self.error.hide()
        rules = self.form_rules()
        for step in rules.steps:  # a template error is shown on its own card
            try:
                templates.check(step.text)
                templates.check(step.subject)
            except ValidationError as exc:
                card = self.cards[step.key]
                card.error.setText(error_text(exc))
                card.error.show()
                card.text.setFocus()
                return
        actor, shop, today = self.actor, self.shop, self.today()

        def done(saved: CadenceRules) -> None:
            self.saving = False
            self.rules = saved
            self.accept()

        self.saving = True
        self.tasks.write(lambda: save_rules(rules, actor=actor, shop=shop, today=today), Changes(cadence=True),
                         while_alive(self, done), while_alive(self, self._failed), initiator=self)


class TemplateDialog(QDialog):
    """One step's e-mail subject and message, with a live preview for a real customer (as text and as the
    HTML part, values escaped). An unknown placeholder is shown at once, in words; the preview is written
    on the worker lane (it reads the customer)."""

    def __init__(self, tasks: TaskRunner, shop: ShopSettings, rules: CadenceRules, step: Step, subject: str,
                 text: str, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self.shop, self.rules, self.step, self.today = tasks, shop, rules, step, today
        self.customer_id: int | None = None
        self._renders = 0  # previews asked for; an answer older than the newest is dropped
        self.setWindowTitle(self.tr("Message: {step}").format(step=step_label(step.key)))
        self.editor = MessageEditor(subject, text, templates.PLACEHOLDERS,
                                    subject_hint=subject_for(step.key, shop.language))
        self.subject, self.text = self.editor.subject, self.editor.text
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Preview for… (type a customer's name)"))
        self.found = QListWidget()
        self.found.setMaximumHeight(90)
        self.finder = CustomerFinder(tasks, self.search, shop, limit=8, parent=self)
        self.finder.found.connect(lambda rows: fill_customer_list(self.found, rows))
        self.found.currentItemChanged.connect(self._pick)
        self.preview = QTextBrowser()
        self.error = error_label()
        right = QVBoxLayout()
        right.addWidget(self.search)
        right.addWidget(self.found)
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addWidget(self.editor, 1)
        body.addLayout(right, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.editor.changed.connect(self.render)
        self.resize(980, 520)
        self.render()

    def _pick(self, item, _previous=None) -> None:
        if item is not None:
            self.customer_id = item.data(Qt.ItemDataRole.UserRole)[0]
            self.render()

    def edited(self) -> Step:
        return replace(self.step, subject=" ".join(self.subject.text().split()), text=self.text.toPlainText().strip())

    def render(self) -> None:
        self.error.hide()
        self._renders += 1
        step = self.edited()
        try:
            templates.check(step.subject)
            templates.check(step.text)
        except ReguaError as exc:
            self.error.setText(error_text(exc))
            self.error.show()
            return
        if self.customer_id is None:
            self.preview.setPlainText(self.tr("Pick a customer above to see the message as she will get it."))
            return
        rules, asked, customer_id, shop, today = self.rules.with_step(step), self._renders, self.customer_id, \
            self.shop, self.today()

        def work() -> str:
            subject, _text, escaped = compose.sample_message(step.key, customer_id, rules, shop=shop, today=today,
                                                             date_format=format_date)
            return f"<p><b>{html.escape(subject)}</b></p>" + mailer.html_from_text(escaped, shop.name)

        def show(page: str) -> None:
            if asked == self._renders:
                self.preview.setHtml(page)

        def failed(exc: BaseException) -> None:
            if asked != self._renders:
                return
            if not isinstance(exc, ReguaError):
                raise exc
            self.error.setText(error_text(exc))
            self.error.show()

        self.tasks.run(work, while_alive(self, show), while_alive(self, failed))

    def _accept(self) -> None:
        self.render()
        if not self.error.isVisible():
            self.accept()
