"""Phones and e-mails as the shop's customers type them, turned into one stored form."""

from __future__ import annotations

import re
from functools import lru_cache

from desktop_app.domain.countries import COUNTRIES
from desktop_app.domain.errors import ValidationError
from desktop_app.domain.text import clean_text
from desktop_app.services.customers.phone_formats import RULES

# phonenumbers and email-validator are a large part of the command line's start-up when imported, and a
# search or a customer list only shows numbers (format_phone reads the rules copied out of phonenumbers):
# each is loaded the first time a number or an address needs it (_phonenumbers(), _email_validator()).


@lru_cache(maxsize=1)
def _phonenumbers():
    import phonenumbers

    return phonenumbers


@lru_cache(maxsize=1)
def _email_validator():
    import email_validator

    return email_validator

# The everyday address (no quotes, dotted words, an ASCII domain with a letters-only TLD) is accepted by
# email-validator too, so it is checked here in a microsecond; anything else goes to the library. The
# words before the @ may hold the accented Latin letters Brazilians and Portuguese type ('joão.silva@'):
# letters are valid in an internationalised address, and the text is already in NFC, as the library
# would leave it.
_LOCAL_CHARS = "a-z0-9_%+\\-\u00df-\u00f6\u00f8-\u00ff\u0101-\u017f"
_PLAIN_EMAIL = re.compile(
    rf"[{_LOCAL_CHARS}]+(?:\.[{_LOCAL_CHARS}]+)*@(?:[a-z0-9](?:[a-z0-9\-]{{0,61}}[a-z0-9])?\.)+[a-z]{{2,24}}")


@lru_cache(maxsize=1)
def _special_use() -> frozenset[str]:
    """'local', 'test'...: the top-level domains the library refuses."""
    return frozenset(_email_validator().SPECIAL_USE_DOMAIN_NAMES)


def normalize_email(raw: str | None) -> str | None:
    """Trimmed, validated (syntax only, no DNS) and lower-cased; None when empty."""
    text = clean_text(raw)
    if not text:
        return None
    lowered = text.lower()
    size = len(lowered) if text.isascii() else max(len(text.encode()), len(lowered.encode()))  # in UTF-8 bytes
    if (size <= 254 and len(lowered.split("@", 1)[0]) <= 64 and _PLAIN_EMAIL.fullmatch(lowered)
            and lowered.rsplit(".", 1)[1] not in _special_use()):
        return lowered
    library = _email_validator()
    try:
        result = library.validate_email(text, check_deliverability=False)
    except library.EmailNotValidError as exc:
        raise ValidationError("email", "email_invalid") from exc
    return result.normalized.lower()


@lru_cache(maxsize=32)
def _region_patterns(region: str):
    """The region's country code and its mobile / fixed-line number patterns, from phonenumbers' metadata."""
    meta = _phonenumbers().PhoneMetadata.metadata_for_region(region)
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
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("phone", "phone_invalid", country=country_name) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError("phone", "phone_invalid", country=country_name)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str | None, region: str) -> str:
    """National form for the shop's own country, international form for the rest, as phonenumbers writes
    them; the numbers of the countries Régua is set up for from the rules copied out of it, without
    loading it."""
    if not e164:
        return ""
    return format_phone_from_rules(e164, region) or format_phone_with_library(e164, region)


@lru_cache(maxsize=1)
def _compiled_rules() -> list[tuple[str, str, re.Pattern | None, list, list]]:
    def compiled(formats):
        return [(re.compile(leading) if leading else None, re.compile(pattern), rule)
                for leading, pattern, rule in formats]

    return [(region, code, re.compile(prefix) if prefix else None, compiled(national), compiled(international))
            for region, (code, prefix, national, international) in RULES.items()]


def format_phone_from_rules(e164: str, region: str) -> str | None:
    """What phonenumbers writes for the number (national form for the shop's own country, international
    for another), from the rules copied out of it: the first format whose leading digits and whole pattern
    match. None where only the library can tell: a calling code shared by several countries (+1, +44) or
    of a country Régua is not set up for, a number that starts with a zero or a national prefix (which its
    parser would strip), or one no format fits."""
    # calling codes are prefix-free: at most one matches
    found = next((rules for rules in _compiled_rules() if e164.startswith("+" + rules[1])), None)
    if found is None:
        return None
    number_region, code, prefix, national, international = found
    nsn = e164[1 + len(code):]
    if not (nsn.isascii() and nsn.isdigit()) or nsn.startswith("0") or (prefix and prefix.match(nsn)):
        return None
    same = number_region == region
    for leading, pattern, rule in national if same else international:
        if (leading is None or leading.match(nsn)) and pattern.fullmatch(nsn):
            formatted = pattern.sub(rule, nsn)
            return formatted if same else f"+{code} {formatted}"
    return None


def format_phone_with_library(e164: str, region: str) -> str:
    """format_phone through phonenumbers itself."""
    phonenumbers = _phonenumbers()
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    same = phonenumbers.region_code_for_number(number) == region
    fmt = phonenumbers.PhoneNumberFormat.NATIONAL if same else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, fmt)
