"""The journey driver: the real app, driven by keys and clicks the way staff use it.

A journey starts Régua as `regua` does (`gui.app.Session`: first-run screen or login, then the main
window) on a shop in a temporary folder, with the **real threaded worker lane**. The test then presses
keys in whatever widget has focus (or the open menu), clicks widgets, and waits for what a person
would wait for; it never calls a slot or a service of the app.

A journey is a generator, so that it keeps working while the app sits in a modal dialog's own event
loop (`exec()`, `QMessageBox.question`): every `yield` hands control back to Qt until a condition
holds, and the value of the condition comes back from the `yield`:

    def test_enter_logs_in(journey):
        j = journey(shop="staffed")
        def steps():
            login = yield j.dialog(LoginDialog)
            j.type("1234")
            j.press(Qt.Key.Key_Return)
            window = yield j.main_window()
            assert window.actor.role == "owner"
        j.play(steps())

Keys and clicks are queued and delivered from their own timer turns, in order, so a key that opens a
modal dialog does not stop the journey. A wait that does not come true fails the test with what was on
screen; any error the worker lane reports, or a "Something went wrong" dialog, fails it too.

Reading the database to check what a journey wrote is fine (the test is the user looking at the
result); writing to it from the test is not (set the shop up before the app starts).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Generator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QDialog, QMessageBox, QWidget

from desktop_app.db.database import close_database
from tests.engines import shop_paths

PIN = "1234"
TODAY_CUSTOMERS = (("Alice Ramos", "(11) 98111-0001"), ("Beatriz Nunes", "(11) 98111-0002"),
                   ("Carla Souto", "(11) 98111-0003"))
COUNTER_CUSTOMERS = (("Maria Souza", "(11) 98765-4321"), ("Mariana Lima", "(11) 91234-5678"),
                     ("Marta Dias", "(11) 95555-0101"))
TICK_MS = 10


@dataclass
class Wait:
    """A condition a journey waits for: `check()` returns something truthy when it holds."""

    check: Callable[[], Any]
    what: str
    timeout: float = 30.0


class JourneyFailed(AssertionError):
    pass


def _describe_screen() -> str:
    lines = []
    focus = QApplication.focusWidget()
    lines.append(f"focus: {type(focus).__name__ if focus else None} {focus.objectName() if focus else ''}")
    modal = QApplication.activeModalWidget()
    lines.append(f"modal: {type(modal).__name__ if modal else None}")
    for w in QApplication.topLevelWidgets():
        if w.isVisible():
            text = w.text() if isinstance(w, QMessageBox) else ""
            lines.append(f"window: {type(w).__name__} {w.windowTitle()!r} {text!r}")
    return "\n".join(lines)


def _close_dialogs() -> None:
    """Close every open dialog without its questions: done() skips a reject() that asks "Discard?",
    whose own modal box would otherwise outlive the journey and sit in front of the next one."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QDialog) and w.isVisible():
            w.done(QDialog.DialogCode.Rejected)
            w.deleteLater()


def _click_point(w: QWidget) -> QPoint:
    """Where a person clicks: a check box or radio button on its box (the middle of a wide one is
    empty space that Qt rightly ignores), anything else in its middle."""
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    if isinstance(w, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        w.initStyleOption(option)
        element = (QStyle.SubElement.SE_CheckBoxClickRect if isinstance(w, QCheckBox)
                   else QStyle.SubElement.SE_RadioButtonClickRect)
        return w.style().subElementRect(element, option, w).center()
    return w.rect().center()


class Journey:
    def __init__(self, qtbot, tmp_path, shop: str, today: date, work_process: bool = False, *,
                 on_file: bool = False) -> None:
        """`work_process`: the heavy jobs (planning, an import, sending) in the real child process, as the
        app runs them; otherwise the same jobs run on their lane's thread (a child costs ~0.5 s to start,
        so only the journeys about those jobs take it)."""
        self.qtbot, self.today = qtbot, today
        self.work_process = work_process
        self.paths = shop_paths(tmp_path, file_only=on_file)
        self.session = None
        self.tasks = None
        self.errors: list[BaseException] = []
        self._queue: list[Callable[[], None]] = []
        self._prepare(shop)

    # --- the shop before the app starts ---------------------------------------------------------

    def _prepare(self, kind: str) -> None:
        from desktop_app.services.shop import demo, shop, staff
        from desktop_app.services.shop.shop import ShopSettings

        shop.open_shop(self.paths, create=True)
        if kind == "new":  # nothing at all: the first-run screen
            pass
        elif kind == "staffed":  # a Brazilian shop, an owner and a counter clerk, no customers
            shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
            owner = staff.create_first_owner("Ana Paula", PIN)
            staff.add_staff("Bruno", "counter", PIN, actor=owner)
        elif kind == "counter":  # "staffed" with three customers whose names start alike (Mar...)
            from desktop_app.services.customers import customers
            from desktop_app.services.customers.customers import CustomerInput

            settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
            owner = staff.create_first_owner("Ana Paula", PIN)
            staff.add_staff("Bruno", "counter", PIN, actor=owner)
            for name, phone in COUNTER_CUSTOMERS:
                customers.create_customer(CustomerInput(name=name, phone=phone), shop=settings, actor=owner,
                                          today=self.today)
        elif kind == "today":  # "staffed", with three purchases a week ago (their WhatsApp after the sale
            # is due today) and a quote whose follow-up call is due today
            from datetime import timedelta

            from desktop_app.services.customers import customers, interactions
            from desktop_app.services.customers.customers import CustomerInput
            from desktop_app.services.customers.interactions import LogEntry

            settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê Teste", "BR"))
            owner = staff.create_first_owner("Ana Paula", PIN)
            week_ago = self.today - timedelta(days=7)
            for name, phone in TODAY_CUSTOMERS:
                cid = customers.create_customer(CustomerInput(name=name, phone=phone, consent_whatsapp=True),
                                                shop=settings, actor=owner, today=week_ago)
                interactions.log_interaction(cid, LogEntry(kind="purchase", amount="100", on=week_ago),
                                             actor=owner, shop=settings, today=week_ago)
            cid = customers.create_customer(CustomerInput(name="Quésia Prado", phone="(11) 94444-0202"),
                                            shop=settings, actor=owner, today=week_ago)
            interactions.log_interaction(cid, LogEntry(kind="quote", amount="900", note="vestido de noiva",
                                                       on=week_ago, follow_up_on=self.today),
                                         actor=owner, shop=settings, today=week_ago)
        elif kind.startswith("demo"):  # the demo shop as of the journey's day: "demo" or "demo:300"
            count = int(kind.split(":")[1]) if ":" in kind else 120
            demo.generate(count, today=self.today)
        else:
            raise ValueError(kind)
        close_database()

    # --- starting the app -------------------------------------------------------------------------

    def start(self, *, demo_shop: bool = False) -> None:
        from desktop_app.gui.common.i18n import install_language
        from desktop_app.gui.common.tasks import TaskRunner
        from desktop_app.gui.shell.app import Session
        from desktop_app.services.shop import shop

        install_language("en", "BR")
        shop.open_shop(self.paths, create=True)
        self.tasks = TaskRunner(work_in_process=not self.work_process)  # the real lanes: worker threads
        self.tasks.child_setup = _child_setup
        self.tasks.unhandled.connect(self.errors.append)
        # the window's timed send reads this clock: 23:30 UTC of `today`, after the send window closes in São
        # Paulo and Lisbon, so that no journey depends on the hour it runs (it sent a journey's e-mails first)
        evening = datetime(self.today.year, self.today.month, self.today.day, 23, 30, tzinfo=UTC)
        self.session = Session(self.paths, self.tasks, demo_shop=demo_shop, today=lambda: self.today,
                               now=lambda: evening)
        self.session.start()

    def close(self) -> None:
        _close_dialogs()
        if self.session is not None and self.session.window is not None:
            self.session.window.close()
        if self.tasks is not None:
            self.tasks.closed = True  # as the app's shutdown: a job ending now is logged (a bug dialog hung the run)
            self.tasks.wait()
            self.tasks.run_blocking(close_database)
            self.tasks.stop_children()
        close_database()
        QApplication.instance().setQuitOnLastWindowClosed(True)
        QApplication.processEvents()

    @property
    def window(self):
        return self.session.window if self.session else None

    # --- playing a journey -----------------------------------------------------------------------

    def play(self, steps: Generator[Wait, Any, None], timeout: float = 60.0) -> None:
        """Run the journey to its end (or its first failure), waiting at each `yield`."""
        state: dict[str, Any] = {"wait": None, "since": 0.0, "done": False, "error": None}
        timer = QTimer()
        timer.setInterval(TICK_MS)

        def finish(error: BaseException | None) -> None:
            state["done"], state["error"] = True, error
            timer.stop()
            if error is not None:  # unwind any modal loop so the outer wait can return
                _close_dialogs()

        def advance(value: Any) -> None:
            try:
                wait = steps.send(value)
            except StopIteration:
                finish(None)
                return
            except BaseException as exc:  # noqa: BLE001 - the journey's own assertion
                finish(exc)
                return
            if not isinstance(wait, Wait):
                finish(TypeError(f"a journey yields j.until(...) waits, not {wait!r}"))
                return
            state["wait"], state["since"] = wait, time.monotonic()

        def tick() -> None:
            if state["done"] or state.get("busy"):
                return
            if self.errors:
                finish(JourneyFailed(f"the worker lane reported an error: {self.errors[0]!r}"))
                return
            if self._queue:
                return  # keys still on their way
            self._window_manager()
            bug = self._bug_dialog()
            if bug is not None:
                finish(JourneyFailed("“Something went wrong”:\n" + bug.details.toPlainText()))
                return
            wait = state["wait"]
            try:
                value = wait.check()
            except BaseException as exc:  # noqa: BLE001
                finish(exc)
                return
            if value:
                state["busy"] = True
                try:
                    advance(value)
                finally:
                    state["busy"] = False
            elif time.monotonic() - state["since"] > wait.timeout:
                finish(JourneyFailed(f"waited {wait.timeout:.0f} s for {wait.what}\n{_describe_screen()}"))

        state["busy"] = True
        advance(None)
        state["busy"] = False
        timer.timeout.connect(tick)
        if not state["done"]:
            timer.start()
        self.qtbot.waitUntil(lambda: state["done"], timeout=int(timeout * 1000))
        if state["error"] is not None:
            raise state["error"]
        if self.errors:
            raise JourneyFailed(f"the worker lane reported an error: {self.errors[0]!r}")

    def _window_manager(self) -> None:
        """Do what a desktop's window manager does when a dialog closes: give the window under it the
        focus back (the offscreen platform leaves no window active, and a key would go nowhere)."""
        if QApplication.activeWindow() is not None:
            return
        modal = QApplication.activeModalWidget()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and isinstance(w, QDialog)]
        target = modal if modal is not None and modal.isVisible() else self.window
        if target is None or not target.isVisible():
            target = shown[-1] if shown else None
        if target is not None:
            target.activateWindow()

    @staticmethod
    def _bug_dialog():
        from desktop_app.gui.common.errors import BugDialog

        for w in QApplication.topLevelWidgets():
            if isinstance(w, BugDialog) and w.isVisible():
                return w
        return None

    # --- what a person does (queued, delivered in order from their own timer turns) -------------

    def _later(self, action: Callable[[], None]) -> None:
        """Queue a key or a click. One is delivered per timer turn, each after the event loop has had a
        turn of its own, as a person's keys arrive: a menu that Alt+S opens is up before the next key."""
        self._queue.append(action)
        if len(self._queue) == 1:
            QTimer.singleShot(TICK_MS, self._deliver_next)

    def _deliver_next(self) -> None:
        action = self._queue.pop(0)  # counted as delivered before it runs: it may open a modal loop
        if self._queue:
            QTimer.singleShot(TICK_MS, self._deliver_next)
        try:
            action()
        except BaseException as exc:  # noqa: BLE001 - reported by the journey, not lost in a timer
            self.errors.append(exc)

    @staticmethod
    def target() -> QWidget:
        """Where a key goes: the open menu or popup, else the focused widget, else the active window."""
        widget = QApplication.activePopupWidget() or QApplication.focusWidget() or QApplication.activeWindow()
        if widget is None:
            raise JourneyFailed("a key was pressed but no window has the focus\n" + _describe_screen())
        return widget

    def type(self, text: str) -> None:
        """Type `text` into the focused widget; letters beyond ASCII (ã, é, ç) too, as a keyboard layout
        sends them: a key press that carries the character (QTest.keyClicks only knows ASCII)."""

        def do() -> None:
            for ch in text:
                target = self.target()
                if ch.isascii():
                    QTest.keyClicks(target, ch)
                else:
                    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                        QApplication.sendEvent(target, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                                 Qt.KeyboardModifier.NoModifier, ch))

        self._later(do)

    def press(self, key: Qt.Key | str, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """One key: `Qt.Key.Key_Return`, or a shortcut as written on the menu ("Ctrl+L", "F2")."""
        if isinstance(key, str):
            combo = QKeySequence(key)[0]
            key, modifiers = combo.key(), combo.keyboardModifiers()
        self._later(lambda: QTest.keyClick(self.target(), key, modifiers))

    def click(self, widget: QWidget | Callable[[], QWidget]) -> None:
        """A left click in the middle of a widget (or of what `widget()` returns when the click comes)."""

        def do() -> None:
            w = widget() if callable(widget) and not isinstance(widget, QWidget) else widget
            if not w.isVisible() or not w.isEnabled():
                self.errors.append(JourneyFailed(f"clicked {type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
                                                 " but it is hidden or disabled"))
                return
            QTest.mouseClick(w, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, _click_point(w))

        self._later(do)

    def click_row(self, view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
        def do() -> None:
            index = view.model().index(row, column)
            view.scrollTo(index)
            centre = view.visualRect(index).center()
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
            if double:
                QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                  centre)

        self._later(do)

    def log_in(self) -> Wait:
        """At the login screen of a "staffed" or "counter" shop: type the owner's PIN and press Enter, then
        wait for the main window with the worker lane done (what it shows at start is on screen)."""
        from desktop_app.gui.shell.login_dialog import LoginDialog

        typed: list[bool] = []

        def check():
            if not typed:
                if not any(isinstance(w, LoginDialog) and w.isVisible() and w.isActiveWindow()
                           for w in QApplication.topLevelWidgets()):
                    return None
                typed.append(True)
                self.type(PIN)
                self.press(Qt.Key.Key_Return)
                return None
            window = self.window
            return window if window is not None and window.isVisible() and not self.tasks.busy else None

        return Wait(check, "the login, then the main window")

    def click_item(self, view: QAbstractItemView, index: Callable[[], Any]) -> None:
        """A left click on the row `index()` gives when the click comes (a QModelIndex: any level of a tree)."""

        def do() -> None:
            at = index()
            view.scrollTo(at)
            QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             view.visualRect(at).center())

        self._later(do)

    # --- what a person waits for -----------------------------------------------------------------

    def until(self, check: Callable[[], Any], what: str = "a condition", timeout: float = 30.0) -> Wait:
        return Wait(check, what, timeout)

    def idle(self) -> Wait:
        """The worker lane has delivered everything it was given (results shown)."""
        return Wait(lambda: not self.tasks.busy or None, "the worker lane to finish")

    def dialog(self, cls: type, timeout: float = 30.0) -> Wait:
        """A visible dialog of this class that has the focus (returns it)."""

        def check():
            for w in QApplication.topLevelWidgets():
                if isinstance(w, cls) and w.isVisible() and w.isActiveWindow():
                    return w
            return None

        return Wait(check, f"a {cls.__name__} with the focus", timeout)

    def gone(self, widget: QWidget) -> Wait:
        return Wait(lambda: not widget.isVisible(), f"the {type(widget).__name__} to close")

    def message_box(self, timeout: float = 30.0) -> Wait:
        return self.dialog(QMessageBox, timeout)

    def main_window(self, timeout: float = 30.0) -> Wait:
        return Wait(lambda: self.window if self.window is not None and self.window.isVisible() else None,
                    "the main window", timeout)

    def focus_on(self, widget: QWidget | Callable[[], QWidget]) -> Wait:
        def check():
            w = widget() if callable(widget) and not isinstance(widget, QWidget) else widget
            return QApplication.focusWidget() is w
        return Wait(check, "the focus to reach a widget")

    def status_text(self, contains: str) -> Wait:
        return Wait(lambda: contains in self.window.statusBar().currentMessage(),
                    f"the status bar to say {contains!r}")


def button(parent: QWidget, text: str) -> QAbstractButton:
    """The visible button whose text (without the & of its mnemonic) is `text`."""
    for b in parent.findChildren(QAbstractButton):
        if b.text().replace("&", "") == text and b.isVisible():
            return b
    raise JourneyFailed(f"no button {text!r} in {type(parent).__name__}")


def point_of(view: QAbstractItemView, row: int, column: int = 0) -> QPoint:
    return view.visualRect(view.model().index(row, column)).center()


def _child_setup():
    """A work process of a journey uses the test's keyring in memory (tests/mailserver.py), if it has one."""
    import keyring

    backend = keyring.get_keyring()
    if type(backend).__name__ != "MemoryKeyring":
        return None
    module = sys.modules[type(backend).__module__]  # tests/mailserver.py, by whichever name it was imported
    return module.use_keyring, (backend,)
