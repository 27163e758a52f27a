import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.domain.errors import ValidationError
from desktop_app.domain.money import parse_money
from desktop_app.domain.search import customer_terms, query_words
from desktop_app.domain.text import clean_text, digits, fold, sort_key


def test_folding_ignores_case_and_accents():
    assert fold("JOÃO Conceição") == fold("joao conceicao")
    assert sort_key("  Ângela   Gonçalves ") == "angela goncalves"


def test_control_characters_are_removed_from_typed_text():
    assert clean_text("Ana\x00 Paula\u2028") == "Ana Paula"


def test_every_three_digit_run_of_the_phone_is_searchable():
    terms = customer_terms(name="Ana", phone="+5511987654321")
    digits = "5511987654321"
    for start in range(len(digits) - 2):
        run = digits[start:start + 3]
        assert any(t.startswith(run) for t in terms), run


def test_query_words_read_emails_phones_and_names():
    assert query_words("ANA@Gmail.com") == ["ana@gmail.com"]
    assert query_words("(11) 98765") == ["1198765"]
    assert query_words("silva ana") == ["silva", "ana"]
    assert query_words("   ") == []


def test_card_codes_and_tax_ids_match_with_or_without_punctuation():
    terms = customer_terms(name="Ana", tax_id="123.456.789-09", card_code="FL-1002")
    assert "12345678909" in terms and "fl1002" in terms


@pytest.mark.parametrize(("text", "cents"), [
    ("49,90", 4990), ("1.234,56", 123456), ("1,234.56", 123456), ("R$ 10", 1000), ("€ 12,5", 1250), (7, 700),
])
def test_money_is_read_into_cents(text, cents):
    assert parse_money(text) == cents


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4.5.6", True])
def test_unreadable_money_is_refused(text):
    with pytest.raises(ValidationError):
        parse_money(text)


def test_emoji_joiners_and_variation_selectors_stay_inside_a_name():
    """Issue: the family emoji of 'Ana 🌸 Flor 👩👩👧' fell apart into '👩 👩 👧' (its joiners became spaces)."""
    family, heart = "\U0001f469\u200d\U0001f469\u200d\U0001f467", "\u2764\ufe0f"
    assert clean_text(f"Ana \U0001f338 Flor {family}") == f"Ana \U0001f338 Flor {family}"
    assert clean_text(f" Bia {heart}\u200d\U0001f525 ") == f"Bia {heart}\u200d\U0001f525"
    assert clean_text("\u0915\u094d\u200d\u0937") == "\u0915\u094d\u200d\u0937"  # a joiner inside a word
    assert clean_text("\u200d \ufe0f\u200c") == ""  # joiners with nothing to join are not a name


def test_bidi_controls_are_removed_so_a_name_cannot_display_reversed():
    """U+202E turned 'RTL overridden name' into 'eman edirrevo LTR' on screen."""
    assert clean_text("\u202eeman edirrevo LTR") == "eman edirrevo LTR"
    assert clean_text("Ana\u2067 Paula\u2069\u200f \u202aSouza\u202c\u200e") == "Ana Paula Souza"
    assert clean_text("\u202d\u2066") == ""


_AS_SPACE = frozenset("\u2028\u2029\u200b\ufeff")
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _clean_text_slowly(value: str) -> str:
    """The rule, one character and one word at a time: C0/C1 controls, line and paragraph separators,
    zero-width spaces and BOMs are spaces; bidi controls go; white space collapses; a word loses the
    joiners and variation selectors it starts with and the joiners it ends with (nothing to join)."""
    text = unicodedata.normalize("NFC", value)
    chars = []
    for ch in text:
        if ch in _BIDI:
            continue
        chars.append(" " if ord(ch) < 0x20 or 0x7f <= ord(ch) <= 0x9f or ch in _AS_SPACE else ch)
    kept = []
    for word in "".join(chars).split():
        word = word.lstrip("\u200c\u200d\ufe0e\ufe0f").rstrip("\u200c\u200d")
        if word:
            kept.append(word)
    return " ".join(kept)


@settings(max_examples=800)
@given(st.text(alphabet=st.sampled_from("aZ ãé\u0301\t\n\x00\x1c\x85\xa0\u2028\u200b\ufeff\u3000.-"
                                        "\u200c\u200d\u200e\u200f\u202a\u202e\u2066\u2069\ufe0e\ufe0f"
                                        "\U0001f469\u2764"), max_size=20)
       | st.text(max_size=20))
def test_clean_text_takes_its_shortcut_without_changing_the_result(value):
    assert clean_text(value) == _clean_text_slowly(value)


@given(st.text(alphabet=st.sampled_from("0123456789٣۴५ ()+-.a/\u00b2"), max_size=20) | st.text(max_size=12))
def test_digits_keeps_only_the_ascii_digits(value):
    assert digits(value) == "".join(ch for ch in value if ch in "0123456789")
