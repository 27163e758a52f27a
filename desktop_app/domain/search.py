"""What a customer can be found by, and how typed text becomes search words.

A customer is indexed under *terms*: the folded words of the name, the e-mail and its local-part
words, every suffix of three or more digits of the phone (so any run of 3+ consecutive digits is a
prefix of some term), and the card code and tax id. A query matches a customer when each of its
words is a prefix of one of the customer's terms, which a B-tree index answers without a scan.
"""

from __future__ import annotations

import re
from enum import StrEnum

from desktop_app.domain.text import digits, fold, words

MIN_PHONE_DIGITS = 3
_NUMBERISH = re.compile(r"^[\d\s().+\-/]+$")  # digits written as people write phones: 11 98765-4321, +351 912…
_CODE = re.compile(r"^#\s*[0-9]+$")  # "#123", as `regua customers` prints a customer's number


class Typed(StrEnum):
    """What a clerk typed into a box that finds a customer."""

    BLANK = ""
    EMAIL = "email"
    PHONE = "phone"  # digits with spaces, +, parentheses, dots, dashes or slashes, and nothing else
    CODE = "code"  # "#" and digits: a customer's number
    NAME = "name"  # everything else, digits included: "Loja 2", "Ana 2ª", "silva 98"


def guess_typed(text: str | None) -> Typed:
    """Is this text an e-mail, a phone, a "#123" code or a name? One rule for the search, the quick log's
    new customer, the Customers section's New customer and the command line's references.

    An "@" makes an e-mail; "#" and digits a code; a phone has digits and only the signs phones are
    written with; anything with a letter (or another sign) in it is a name."""
    text = (text or "").strip()
    if not text:
        return Typed.BLANK
    if "@" in text:
        return Typed.EMAIL
    if _CODE.match(text):
        return Typed.CODE
    if _NUMBERISH.match(text) and digits(text):
        return Typed.PHONE
    return Typed.NAME


def _code_terms(code: str) -> set[str]:
    parts = words(code)
    terms = set(parts)
    if parts:
        terms.add("".join(parts))
    return terms


def customer_terms(
    *, name: str, email: str | None = None, phone: str | None = None,
    tax_id: str | None = None, card_code: str | None = None, phone_suffixes: bool = True,
) -> set[str]:
    """`phone_suffixes` False where the database indexes the phone's digits itself (a server's trigram index):
    a query's digit words then ask that index, and her phone gives no terms."""
    terms = set(words(name))
    if email:
        folded = fold(email.strip())
        terms.add(folded)
        terms.update(words(folded.split("@", 1)[0]))
    if phone and phone_suffixes:
        phone_digits = digits(phone)
        terms.update(phone_digits[i:] for i in range(0, len(phone_digits) - MIN_PHONE_DIGITS + 1))
    if tax_id:
        terms |= _code_terms(tax_id)
    if card_code:
        terms |= _code_terms(card_code)
    return {t for t in terms if t}


def phone_suffix_terms(phone: str | None) -> set[str]:
    """The terms a phone gives: every suffix of three or more of its digits."""
    return customer_terms(name="", phone=phone) if phone else set()


def phone_pattern(word: str) -> str | None:
    """For a word of digits, the LIKE pattern of the phones' digits it is found in, meaning what the suffix
    terms mean: `word` starts one of the phone's suffixes of 3+ digits, so it stands in the phone with at
    least 3 - len(word) digits after it ("21" is not found at the very end of "…4321"). None for any other
    word (only digits can be in a phone)."""
    if not (word.isascii() and word.isdigit()):
        return None
    return "%" + word + "_" * max(0, MIN_PHONE_DIGITS - len(word)) + "%"


def has_no_words(text: str) -> bool:
    """A query typed (not blank) with nothing to search by: only emoji, symbols or punctuation. The
    index holds words, digits and codes, so such a query matches no customer (not every customer)."""
    return bool((text or "").strip()) and not query_words(text)


def query_words(text: str) -> list[str]:
    """The words a typed query must all match, most specific first."""
    text = (text or "").strip()
    typed = guess_typed(text)
    if typed is Typed.BLANK:
        return []
    if typed is Typed.EMAIL:
        return [fold(text).replace(" ", "")]
    if typed in (Typed.PHONE, Typed.CODE):
        return [digits(text)]
    found: list[str] = []
    for word in words(text):
        if word not in found:
            found.append(word)
    return sorted(found, key=len, reverse=True)
