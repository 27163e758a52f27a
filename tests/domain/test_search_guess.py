"""One rule for 'is this a phone, an e-mail, a #123 code or a name', as a clerk types it."""

from __future__ import annotations

import pytest

from desktop_app.domain.search import Typed, guess_typed, query_words


@pytest.mark.parametrize("text", [
    "11987654321", "(11) 98765-4321", "+55 11 98765-4321", "+55 (11) 98765 4321", "11 9 8765-4321",
    "98765", "987", "11.98765.4321", "21/99999-1234",
    "912 345 678", "+351 912 345 678", "(+351) 912345678", "+351 21 123 4567", "00351 912 345 678",
    "  +351 912 345 678  ",
])
def test_brazilian_and_portuguese_phones_as_people_write_them(text):
    assert guess_typed(text) is Typed.PHONE


@pytest.mark.parametrize("text", [
    "ana@gmail.com", "ANA.Silva@Example.com.br", "joao+loja@x.pt", "maria@", "@loja", " ana @ gmail.com ",
])
def test_anything_with_an_at_sign_is_an_email(text):
    assert guess_typed(text) is Typed.EMAIL


@pytest.mark.parametrize("text", ["#123", "#7", "# 45", " #0012 "])
def test_a_hash_and_digits_is_a_code(text):
    assert guess_typed(text) is Typed.CODE


@pytest.mark.parametrize("text", [
    "Maria", "ana silva", "João Conceição", "Loja 2", "Padaria 24 Horas", "Ana 2ª", "silva 98", "98 silva",
    "C-77", "FL-1002", "#12a", "12#", "R2D2", "Bia 🌸", "11 9876 ramal 2",
])
def test_a_letter_or_another_sign_makes_a_name(text):
    assert guess_typed(text) is Typed.NAME


@pytest.mark.parametrize("text", ["", "   ", None, "\t"])
def test_blank_is_nothing(text):
    assert guess_typed(text) is Typed.BLANK


@pytest.mark.parametrize("text", ["+", "()", "-", "/ .", "#"])
def test_phone_signs_without_digits_are_not_a_phone(text):
    assert guess_typed(text) is Typed.NAME


def test_the_search_reads_each_kind_its_way():
    assert query_words("+351 912 345 678") == ["351912345678"]
    assert query_words("(21) 99999-1234") == ["21999991234"]
    assert query_words("#123") == ["123"]
    assert query_words("Ana@Gmail.com") == ["ana@gmail.com"]
    assert query_words("Loja 2") == ["loja", "2"]
