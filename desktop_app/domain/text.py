"""Text normalisation: names as people type them, and the folded form that search compares."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b\ufeff]")  # each becomes a space
# Bidi embeddings, overrides, isolates and marks: invisible, and they can make a name display
# reversed ("\u202eeman" shows as "name"). Removed.
_BIDI = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Zero-width (non-)joiners and variation selectors are kept inside a word (the joiners of an emoji
# sequence such as a family, the selector of "❤️", a joiner in Persian or Devanagari); a word does not
# start with any of them nor end with a joiner: there they join nothing, and a name of only those is empty.
_LOOSE = re.compile(r"(?<!\S)[\u200c\u200d\ufe0e\ufe0f]+|[\u200c\u200d]+(?!\S)")
_SELECTORS = ("\ufe0e", "\ufe0f")  # printable, so the shortcut below must look for them
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def clean_text(value: object) -> str:
    """Trim, drop control and invisible characters, and collapse runs of white space (emoji joiners
    and variation selectors inside a word stay; bidi controls go)."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    if text.isprintable() and not any(s in text for s in _SELECTORS):  # no control, format or separator
        return " ".join(text.split())                                   # character: only ' ' is white space
    text = _BIDI.sub("", _CONTROL.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    return _SPACES.sub(" ", _LOOSE.sub("", text)).strip()


_LATIN_MARKS = re.compile("[\u0300-\u036f]")  # the combining accents of Latin letters


def fold(value: str) -> str:
    """Case- and accent-insensitive form: 'João Conceição' -> 'joao conceicao'."""
    if value.isascii():
        return value.lower()
    decomposed = _LATIN_MARKS.sub("", unicodedata.normalize("NFKD", value.casefold()))
    if decomposed.isascii():
        return decomposed
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # ß casefolds to 'ss' already; 'ø', 'đ', 'ł' have no decomposition: map the common ones by hand.
    return stripped.translate(_EXTRA_FOLD)


_EXTRA_FOLD = str.maketrans({"ø": "o", "đ": "d", "ł": "l", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th"})


def words(value: str) -> list[str]:
    """The folded words of a text, in order."""
    return _WORD.findall(fold(value))


_NOT_DIGIT = re.compile(r"[^0-9]+")


def digits(value: str) -> str:
    """The ASCII digits of a text, in order."""
    return _NOT_DIGIT.sub("", value)


def sort_key(name: str) -> str:
    """What the customer list sorts by: folded, so 'Álvaro' sits with 'Alvaro'."""
    return " ".join(words(name))


def first_name(name: str) -> str:
    parts = clean_text(name).split(" ")
    return parts[0] if parts and parts[0] else ""
