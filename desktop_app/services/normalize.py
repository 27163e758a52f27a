"""Phones and e-mails as the shop's customers type them, turned into one stored form."""

from __future__ import annotations

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from ..domain.countries import COUNTRIES
from ..domain.errors import ValidationError
from ..domain.text import clean_text


def normalize_email(raw: str | None) -> str | None:
    """Trimmed, validated (syntax only, no DNS) and lower-cased; None when empty."""
    text = clean_text(raw)
    if not text:
        return None
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError("email", "email_invalid") from exc
    return result.normalized.lower()


def normalize_phone(raw: str | None, region: str) -> str | None:
    """E.164 ('+5511987654321'), reading national numbers with the shop's country as region."""
    text = clean_text(raw)
    if not text:
        return None
    country_name = COUNTRIES[region].name if region in COUNTRIES else region
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone", "phone_invalid", country=country_name) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("phone", "phone_invalid", country=country_name)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None, region: str) -> str:
    """National form for the shop's own country, international form for the rest."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same = phonenumbers.region_code_for_number(number) == region
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if same else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)


def whatsapp_digits(e164: str | None) -> str:
    return (e164 or "").lstrip("+")
