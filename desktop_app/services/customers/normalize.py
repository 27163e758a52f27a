"""Phones and e-mails as the shop's customers type them, turned into one stored form."""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.text import clean_text

# The everyday address (no quotes, dotted words, an ASCII domain with a letters-only TLD) is accepted by
# email-validator too, so it is checked here in a microsecond; anything else goes to the library. The
# words before the @ may hold the accented Latin letters Brazilians and Portuguese type ('joão.silva@'):
# letters are valid in an internationalised address, and the text is already in NFC, as the library
# would leave it.
_LOCAL_CHARS = "a-z0-9_%+\\-\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f"
_PLAIN_EMAIL = re.compile(
    rf"[{_LOCAL_CHARS}]+(?:\.[{_LOCAL_CHARS}]+)*@(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+[a-z]{{2,24}}")


_SPECIAL_USE = frozenset(SPECIAL_USE_DOMAIN_NAMES)  # '.local', '.test'...: the library refuses them


def normalize_email(raw: str | None) -> str | None:
    """Trimmed, validated (syntax only, no DNS) and lower-cased; None when empty."""
    text = clean_text(raw)
    if not text:
        return None
    lowered = text.lower()
    size = len(lowered) if text.isascii() else max(len(text.encode()), len(lowered.encode()))  # in UTF-8 bytes
    if (size <= 254 and len(lowered.split("@", 1)[0]) <= 64 and _PLAIN_EMAIL.fullmatch(lowered)
            and lowered.rsplit(".", 1)[1] not in _SPECIAL_USE):
        return lowered
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValidationError("email", "email_invalid") from exc
    return result.normalized.lower()


@lru_cache(maxsize=32)
def _region_patterns(region: str):
    """The region's country code and its mobile / fixed-line number patterns, from phonenumbers' metadata."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None:
        return None
    patterns = [re.compile(d.national_number_pattern) for d in (meta.mobile, meta.fixed_line)
                if d is not None and d.national_number_pattern]
    return str(meta.country_code), patterns


_SEPARATORS = re.compile(r"[\s().\-]")


def _fast_phone(text: str, region: str) -> str | None:
    """The common case in a microsecond: a national number, or +<country code> and one, written with
    spaces, dots, dashes or brackets, that matches the region's own mobile or fixed-line pattern
    (phonenumbers' validity test for such a number). None: let phonenumbers decide."""
    found = _region_patterns(region)
    if found is None:
        return None
    code, patterns = found
    compact = _SEPARATORS.sub("", text)
    if compact.startswith("+"):
        if not compact[1:].startswith(code):
            return None
        national = compact[1 + len(code):]
    else:
        national = compact
    if not national.isdigit() or national.startswith("0"):
        return None
    if any(p.fullmatch(national) for p in patterns):
        return f"+{code}{national}"
    return None


_LETTER = re.compile(r"[^\W\d_]")


def normalize_phone(raw: str | None, region: str) -> str | None:
    """E.164 ('+5511987654321'), reading national numbers with the shop's country as region. Letters are
    refused: phonenumbers would read them as keypad digits ('9ABCD' as 92223, a masked 'XXXX' as 9999)."""
    text = clean_text(raw)
    if not text:
        return None
    fast = _fast_phone(text, region)
    if fast is not None:
        return fast
    if _LETTER.search(text):
        raise ValidationError("phone", "phone_letters")
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
