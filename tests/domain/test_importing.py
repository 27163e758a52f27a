"""The import's rules on plain values: who a row is (by its keys, then its name), what an update of a
customer already in Régua changes, which consent answers are written, and an issue in words."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.importing import (
    FILE_KEYS,
    NEEDS_ADDRESS,
    SHOP_KEYS,
    Issue,
    consent_to_record,
    consent_without_address,
    fields_to_update,
    has_text_dates,
    issue_message,
    match_by_keys,
    purchase_already_known,
)


@dataclass
class Person:
    name: str
    email: str | None = None
    phone: str | None = None
    tax_id: str | None = None
    card_code: str | None = None


def holders(*people: Person):
    """`candidates_of` over a plain list: everyone holding that value, in the list's order."""
    return lambda key, value: [p for p in people if getattr(p, key) == value]


# --- who a row is ---------------------------------------------------------------------------------

def test_a_key_shared_under_an_agreeing_name_is_the_same_person():
    maria = Person("Maria da Silva", phone="+5511987654321")
    same, other = match_by_keys(Person("Maria S.", phone="+5511987654321"), SHOP_KEYS, holders(maria))
    assert same is maria and other is None


def test_a_key_shared_under_another_name_is_only_a_possible_duplicate():
    mother = Person("Maria Souza", phone="+5511987654321")
    same, other = match_by_keys(Person("João Souza", phone="+5511987654321"), SHOP_KEYS, holders(mother))
    assert same is None and other == ("phone", mother)


def test_the_keys_are_tried_in_order_and_the_first_other_name_is_kept():
    """The phone is shared with the mother, the e-mail with nobody, the tax id with the row's own person:
    she is found by her tax id, and the mother (met first) is the one reported under another name."""
    mother = Person("Maria Souza", phone="+5511987654321")
    sister = Person("Ana Souza", phone="+5511987654321")
    himself = Person("João Souza", tax_id="12345678909")
    row = Person("João Souza", email="joao@example.com", phone="+5511987654321", tax_id="12345678909")
    same, other = match_by_keys(row, SHOP_KEYS, holders(mother, sister, himself))
    assert same is himself and other == ("phone", mother)


def test_an_empty_key_is_never_looked_up_and_the_file_does_not_match_on_card_codes():
    asked = []

    def candidates_of(key, value):
        asked.append((key, value))
        return [Person("Bia Lima", card_code=value)]

    row = Person("Bia Lima", email=None, phone="", card_code="C-1")
    assert match_by_keys(row, FILE_KEYS, candidates_of) == (None, None)
    assert asked == []
    same, _ = match_by_keys(row, SHOP_KEYS, candidates_of)
    assert same.card_code == "C-1" and asked == [("card_code", "C-1")]


# --- what an update writes --------------------------------------------------------------------------

def test_by_default_an_update_only_fills_what_the_customer_lacks():
    new = {"email": "ana@novo.com", "phone": "+5511987654321", "city": "Santos", "notes": "", "tax_id": None}
    old = {"email": "ana@antigo.com", "phone": None, "city": "Santos", "notes": "cliente antiga", "tax_id": None}
    assert fields_to_update(new, old, file_wins=False) == {"phone": "+5511987654321"}


def test_when_the_file_wins_its_values_replace_hers_but_an_empty_cell_never_clears_one():
    new = {"email": "ana@novo.com", "phone": "+5511987654321", "city": "Santos", "notes": ""}
    old = {"email": "ana@antigo.com", "phone": None, "city": "Santos", "notes": "cliente antiga"}
    changes = fields_to_update(new, old, file_wins=True)
    assert changes == {"email": "ana@novo.com", "phone": "+5511987654321"}
    assert list(changes) == ["email", "phone"]  # in the file's order of fields


def test_a_birthday_is_compared_as_a_birthday():
    same = Birthday(15, 3, 1990)
    assert fields_to_update({"birthday": Birthday(15, 3, 1990)}, {"birthday": same}, file_wins=True) == {}
    assert fields_to_update({"birthday": same}, {"birthday": None}, file_wins=False) == {"birthday": same}


def test_an_opt_out_on_record_is_never_undone_and_an_answer_in_force_is_not_written_again():
    kept, refused = consent_to_record({"email": True, "whatsapp": True}, {"email": False, "whatsapp": True})
    assert kept == {} and refused == ["email"]


def test_a_new_answer_and_every_no_are_written():
    kept, refused = consent_to_record({"email": False, "whatsapp": True}, {"email": True})
    assert kept == {"email": False, "whatsapp": True} and refused == []
    assert consent_to_record({"email": False}, {}) == ({"email": False}, [])


def test_a_yes_needs_the_address_of_its_channel_and_a_no_needs_none():
    answers = {"email": True, "whatsapp": True}
    assert consent_without_address(answers, None, None) == ["email", "whatsapp"]
    assert consent_without_address(answers, "ana@example.com", None) == ["whatsapp"]
    assert consent_without_address(answers, "ana@example.com", "+5511987654321") == []
    assert consent_without_address({"email": False, "whatsapp": False}, None, None) == []
    assert NEEDS_ADDRESS == {"email": "consent_without_email", "whatsapp": "consent_without_phone"}


def test_a_purchase_on_or_before_her_last_visit_is_history_regua_already_has():
    seen = date(2026, 5, 10)
    assert purchase_already_known(date(2026, 5, 10), seen)
    assert purchase_already_known(date(2026, 1, 2), seen)
    assert not purchase_already_known(date(2026, 5, 11), seen)
    assert purchase_already_known(None, seen)
    assert not purchase_already_known(date(2026, 5, 11), None)
    assert not purchase_already_known(None, None)


# --- reading ------------------------------------------------------------------------------------------

def test_only_dates_written_as_text_need_a_day_month_order():
    head = [["Ana", date(1990, 3, 15), "15/03/1990"], ["Bia", None], ["Caio", date(1985, 1, 2), "  "]]
    assert not has_text_dates(head, 1)
    assert has_text_dates(head, 2)
    assert not has_text_dates(head, 7)  # a column past the end of every row


# --- an issue in words --------------------------------------------------------------------------------

def test_an_issue_reads_in_english_with_its_parameters():
    issue = Issue(4, "Cartão", "C-1", "warning", "card_code_taken", (("name", "Maria Lima"),))
    assert issue_message(issue) == "This card code already belongs to Maria Lima."


def test_the_key_of_a_possible_duplicate_is_named_and_translated_with_the_text():
    issue = Issue(2, "Nome", "João", "warning", "possible_duplicate", (("key", "phone"), ("name", "Maria")))
    assert issue_message(issue).startswith("Possible duplicate: same phone as Maria, already in Régua")
    asked = []

    def translate(context, text):
        asked.append((context, text))
        return {"phone": "telefone"}.get(text, text.replace("Possible duplicate", "Possível duplicado"))

    assert issue_message(issue, translate).startswith("Possível duplicado: same telefone as Maria")
    assert ("errors", "phone") in asked


def test_a_tab_delimiter_is_written_as_tab():
    issue = Issue(3, "Nome", "a\tb", "error", "row_wrong_delimiter", (("other", "\t"), ("delimiter", ";")))
    assert "“Tab” instead of “;”" in issue_message(issue)


def test_an_unknown_code_or_a_missing_parameter_reads_as_its_template():
    assert issue_message(Issue(1, "Nome", "", "error", "no_such_code")) == "no_such_code"
    assert issue_message(Issue(1, "Nome", "", "warning", "card_code_taken")) == \
        "This card code already belongs to {name}."
