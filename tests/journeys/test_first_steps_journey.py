"""A new shop's first steps (issue 17, item 18): while the shop has no customers, the customer screen
offers what to do first (import the old list, add a customer, set up e-mail, loyalty, the régua) as
buttons that open those dialogs, instead of "Pick a customer to see their page." alone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from desktop_app.db.models import Customer
from desktop_app.gui.cadence.cadence_setup import CadenceDialog
from desktop_app.gui.customers.customer_dialog import CustomerDialog
from desktop_app.gui.shell.login_dialog import LoginDialog
from desktop_app.gui.spreadsheets.import_wizard import ImportWizard
from tests.journeys.driver import PIN
from tests.journeys.test_settings_journey import set_up_an_english_shop

ENTER, TAB = Qt.Key.Key_Return, Qt.Key.Key_Tab


def mnemonic(text: str) -> str:
    return text[text.index("&") + 1].upper()


def step_text(key: str) -> str:
    return {"import": "&Import your customer list…", "customer": "&Add a customer…",
            "mail": "Set up the shop's e-&mail…", "loyalty": "Set up &loyalty…",
            "cadence": "&Plan the régua…"}[key]


def shown_steps(window) -> list[str]:
    steps = window.customers.first_steps
    return [key for key in steps.steps if steps.button(key).isVisible()] if steps.isVisible() else []


def test_a_new_shop_imports_its_old_list_from_the_first_steps_and_the_steps_give_way_to_the_list(journey,
                                                                                                   tmp_path):
    path = tmp_path / "clientes.csv"
    path.write_text("Nome;Telefone;Cidade\nLúcia Prado;(11) 97777-1111;Recife\nRui Costa;(11) 96666-2222;Natal\n",
                    encoding="utf-8")
    j = journey(shop="new", work_process=True)

    def steps():
        window = yield from set_up_an_english_shop(j)
        customers = window.customers
        yield j.until(lambda: customers.first_steps.isVisible(), "the first steps on the empty shop")
        assert shown_steps(window) == ["import", "customer", "mail", "loyalty", "cadence"]
        assert not customers.table.isVisible() and not customers.page.header.isVisible()
        j.press(f"Alt+{mnemonic(step_text('import'))}")
        wizard = yield j.dialog(ImportWizard)
        yield j.focus_on(wizard.file_page.path)
        j.type(str(path))
        j.press(ENTER)
        yield j.until(lambda: wizard.currentPage() is wizard.sheet_page, "the header page")
        j.press(ENTER)
        yield j.until(lambda: wizard.currentPage() is wizard.mapping_page, "the mapping page")
        j.press(ENTER)
        preview = wizard.preview_page
        yield j.until(lambda: wizard.currentPage() is preview and preview.plan is not None, "the preview")
        assert preview.plan.created == 2
        j.press(f"Alt+{mnemonic(QCoreApplication.translate('ImportWizard', '&Import'))}")
        yield j.gone(wizard)
        yield j.until(lambda: not customers.first_steps.isVisible() and customers.table.isVisible()
                      and customers.model.rowCount() == 2, "the list of the two imported customers")
        assert {c.name for c in Customer.select()} == {"Lúcia Prado", "Rui Costa"}

    j.play(steps(), timeout=90)


def test_the_first_steps_speak_the_shops_language_and_open_the_regua(journey):
    j = journey(shop="staffed")  # Brazilian Portuguese, no customers
    translate = QCoreApplication.translate

    def steps():
        window = yield j.log_in()
        first = window.customers.first_steps
        yield j.until(lambda: first.isVisible(), "the first steps")
        plan = translate("FirstSteps", step_text("cadence"))
        assert plan != step_text("cadence") and first.button("cadence").text() == plan  # in Portuguese
        j.press(f"Alt+{mnemonic(plan)}")
        cadence = yield j.dialog(CadenceDialog)
        j.press(Qt.Key.Key_Escape)
        yield j.gone(cadence)
        assert first.isVisible()

    j.play(steps())


def test_counter_staff_get_only_add_a_customer_and_the_first_customer_ends_the_first_steps(journey):
    j = journey(shop="staffed")

    def steps():
        login = yield j.dialog(LoginDialog)
        j.press(TAB, Qt.KeyboardModifier.ShiftModifier)
        yield j.focus_on(login.who)
        j.press(Qt.Key.Key_Down)  # Bruno, counter
        j.press(TAB)
        j.type(PIN)
        j.press(ENTER)
        window = yield j.main_window()
        assert window.actor.role == "counter"
        yield j.until(lambda: window.customers.first_steps.isVisible(), "the first steps")
        assert shown_steps(window) == ["customer"]
        add = QCoreApplication.translate("FirstSteps", step_text("customer"))
        j.press(f"Alt+{mnemonic(add)}")
        dialog = yield j.dialog(CustomerDialog)
        yield j.focus_on(dialog.ui.name)
        j.type("Lúcia Prado")
        j.press(ENTER)
        yield j.gone(dialog)
        customers = window.customers
        yield j.until(lambda: not customers.first_steps.isVisible() and customers.model.rowCount() == 1,
                      "the list with the first customer")
        assert Customer.get().name == "Lúcia Prado"

    j.play(steps())
