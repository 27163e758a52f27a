"""The fast paths for e-mails and phones agree with the libraries they stand in for."""

from __future__ import annotations

import unicodedata

import phonenumbers
import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import ValidationError
from desktop_app.services.customers.normalize import _fast_phone, normalize_email, normalize_phone


def library_phone(text: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@settings(max_examples=400, deadline=None)
@given(region=st.sampled_from(["BR", "PT", "US", "GB"]),
       body=st.text(alphabet="0123456789", min_size=6, max_size=14),
       style=st.sampled_from(["plain", "plus", "spaced", "dashed"]))
def test_the_fast_phone_path_only_accepts_what_phonenumbers_accepts(region, body, style):
    code = str(phonenumbers.country_code_for_region(region))
    text = {"plain": body, "plus": f"+{code} {body}", "spaced": f"({body[:2]}) {body[2:]}",
            "dashed": f"{body[:-4]}-{body[-4:]}"}[style]
    fast = _fast_phone(text, region)
    if fast is not None:
        assert fast == library_phone(text, region)


@pytest.mark.parametrize(("text", "region", "e164"), [
    ("(11) 98765-4321", "BR", "+5511987654321"), ("+55 11 98765 4321", "BR", "+5511987654321"),
    ("912 345 678", "PT", "+351912345678"), ("+351 912345678", "BR", "+351912345678"),
    ("011 98765-4321", "BR", "+5511987654321"),
])
def test_phones_in_the_forms_shops_write_them(text, region, e164):
    assert normalize_phone(text, region) == e164


@settings(max_examples=400, deadline=None)
@given(st.one_of(
    st.from_regex(r"[a-zA-Z0-9._%+\-]{1,20}@[a-zA-Z0-9\-.]{1,20}\.[a-zA-Z]{2,6}", fullmatch=True),
    st.from_regex(r"[a-z]{1,5}@[a-z]{1,5}\.(local|test|invalid|onion|arpa|localhost|com)", fullmatch=True),
    st.from_regex(r"[a-zà-ÿÀ-ÞĀ-ſ\u0300\u0301\u00d7\u00f7._\-]{1,70}@[a-z]{1,5}\.(com|br|pt)", fullmatch=True),
    st.from_regex(r"[a-zãçéíóú]{1,3}\.[a-z]{60,240}@gmail\.com", fullmatch=True)))
@example("João.Silva@Gmail.com").via("accented local part")
@example("INÊS.5@EMPRESA.COM.BR").via("upper case")
@example("ação@" + "a" * 250 + ".com").via("too long in UTF-8 bytes")
def test_the_fast_email_path_agrees_with_email_validator(address):
    address = unicodedata.normalize("NFC", address)  # as clean_text leaves every value
    try:
        expected = validate_email(address, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        expected = None
    try:
        got = normalize_email(address)
    except ValidationError:
        got = None
    assert got == expected


def test_accented_addresses_take_the_fast_path(monkeypatch):
    def library(*args, **kwargs):
        raise AssertionError("the library was asked")

    monkeypatch.setattr("email_validator.validate_email", library)  # normalize reads it from the module when asked
    assert normalize_email(" João.Conceição@Gmail.com ") == "joão.conceição@gmail.com"


def test_the_customer_form_refuses_letters_in_a_phone_with_a_clear_message(shop_settings, actor, today):
    """Issue 17 item 7: the customer dialog saved '11 9ABCD-1234' as (11) 92223-1234."""
    import pytest

    from desktop_app.domain.errors import ValidationError
    from desktop_app.services.customers import customers
    from desktop_app.services.customers.customers import CustomerInput

    with pytest.raises(ValidationError) as err:
        customers.create_customer(CustomerInput(name="Rui Costa", phone="11 9ABCD-1234"), shop=shop_settings,
                                  actor=actor, today=today)
    assert (err.value.field, err.value.code) == ("phone", "phone_letters")
    assert err.value.message() == "A phone number cannot contain letters; write it with digits only."
