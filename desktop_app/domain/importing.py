"""Rules for importing a shop's own spreadsheet: which column is which, what a cell means, which row is
whom (within the file and against the shop), what an import may change, and its problems in words.

Pure functions over plain values (what a spreadsheet reader returns: str, int, float, bool, date,
datetime or None), so they are tested without files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop_app.domain.birthdays import Birthday
from desktop_app.domain.errors import MESSAGES, ValidationError
from desktop_app.domain.i18n import QT_TRANSLATE_NOOP
from desktop_app.domain.text import fold

# The fields a column can feed, with their English label (a Qt Linguist source text).
FIELDS: dict[str, str] = {
    "ignore": QT_TRANSLATE_NOOP("fields", "(ignore)"),
    "name": QT_TRANSLATE_NOOP("fields", "Name"),
    "first_name": QT_TRANSLATE_NOOP("fields", "First name"),
    "last_name": QT_TRANSLATE_NOOP("fields", "Last name"),
    "email": QT_TRANSLATE_NOOP("fields", "E-mail"),
    "phone": QT_TRANSLATE_NOOP("fields", "Phone"),
    "birthday": QT_TRANSLATE_NOOP("fields", "Birthday"),
    "city": QT_TRANSLATE_NOOP("fields", "City"),
    "tax_id": QT_TRANSLATE_NOOP("fields", "Tax id"),
    "card_code": QT_TRANSLATE_NOOP("fields", "Card code"),
    "tags": QT_TRANSLATE_NOOP("fields", "Tags"),
    "notes": QT_TRANSLATE_NOOP("fields", "Notes"),
    "last_purchase": QT_TRANSLATE_NOOP("fields", "Last purchase"),
    "total_spent": QT_TRANSLATE_NOOP("fields", "Total spent"),
    "consent_email": QT_TRANSLATE_NOOP("fields", "Accepts e-mails"),
    "consent_whatsapp": QT_TRANSLATE_NOOP("fields", "Accepts WhatsApp"),
}

DATE_FIELDS = ("birthday", "last_purchase")  # the fields whose text dates need a day/month order

# Folded headers as Portuguese, Spanish and English spreadsheets and shop systems (Shopify, Square,
# Loyverse) write them. Exact matches win; then the longest synonym contained in the header.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("nome", "nome completo", "cliente", "nome do cliente", "name", "full name", "customer name",
             "customer", "nombre", "nombre completo", "razao social"),
    "first_name": ("first name", "primeiro nome", "nome proprio", "given name", "nombre de pila"),
    "last_name": ("last name", "sobrenome", "apelido", "apellido", "apellidos", "surname", "family name"),
    "email": ("email", "e mail", "mail", "correo", "correo electronico", "email address", "endereco de email"),
    "phone": ("telefone", "celular", "telemovel", "whatsapp", "whats", "fone", "tel", "phone", "mobile",
              "phone number", "mobile phone", "default address phone", "telefono", "movil", "contato"),
    "birthday": ("data de nascimento", "nascimento", "aniversario", "data nasc", "dt nasc", "birthday",
                 "birth date", "date of birth", "dob", "fecha de nacimiento", "cumpleanos"),
    "city": ("cidade", "municipio", "localidade", "city", "default address city", "ciudad", "town"),
    "tax_id": ("cpf", "cnpj", "nif", "contribuinte", "cpf cnpj", "cpf nif", "documento", "tax id", "vat", "dni",
               "nie"),
    "card_code": ("cartao", "cartao fidelidade", "codigo do cartao", "card", "card code", "loyalty card",
                  "customer code", "codigo", "tarjeta", "reference id"),
    "tags": ("tags", "etiquetas", "grupo", "categoria", "segmento", "tag"),
    "notes": ("observacoes", "observacao", "obs", "notas", "nota", "notes", "note", "comentarios", "comments"),
    "last_purchase": ("ultima compra", "data da ultima compra", "last purchase", "last order", "last visit",
                      "ultima visita", "ultima compra fecha", "last order date"),
    "total_spent": ("total gasto", "valor total", "total compras", "total spent", "amount spent", "total",
                    "gasto total", "lifetime spend"),
    "consent_email": ("accepts email marketing", "email subscription status", "aceita receber e mails",
                      "aceita receber e mail", "aceita email", "aceita emails", "aceita e mail", "aceita e mails",
                      "aceita receber emails", "accepts email", "accepts emails", "accepts e mail",
                      "accepts e mails", "email marketing", "newsletter", "acepta correos", "email opt in"),
    "consent_whatsapp": ("aceita whatsapp", "aceita receber whatsapp", "accepts whatsapp", "accepts sms marketing",
                         "whatsapp opt in", "whatsapp marketing", "sms marketing", "acepta whatsapp"),
}
_EXACT = {syn: field for field, syns in SYNONYMS.items() for syn in syns}
_CONTAINED = sorted(((syn, field) for syn, field in _EXACT.items() if len(syn) >= 4), key=lambda p: -len(p[0]))


def header_key(value: object) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", fold(str(value or ""))))


def field_for_header(value: object) -> str:
    key = header_key(value)
    if not key:
        return "ignore"
    if key in _EXACT:
        return _EXACT[key]
    for syn, field in _CONTAINED:
        if re.search(rf"\b{re.escape(syn)}\b", key):
            return field
    return "ignore"


def guess_mapping(header: Sequence[object]) -> list[str]:
    """A field per column; a field is used once (the first column wins, the rest are ignored)."""
    used: set[str] = set()
    mapping = []
    for cell in header:
        field = field_for_header(cell)
        if field != "ignore" and field in used:
            field = "ignore"
        used.add(field)
        mapping.append(field)
    return mapping


def find_header_row(rows: Sequence[Sequence[object]], scan: int = 30) -> int:
    """The index of the header row: the first of the top rows naming two or more known fields
    (title lines, a date line and merged cells above it are skipped). 0 when none is found."""
    best, best_count = 0, 0
    for index, row in enumerate(rows[:scan]):
        count = sum(1 for f in guess_mapping(row) if f != "ignore")
        if count >= 2 and count > best_count:
            best, best_count = index, count
            if count >= 3:
                break
    return best


def is_blank(row: Sequence[object]) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def is_totals_row(row: Sequence[object]) -> bool:
    """A line such as 'Total', 'TOTAL GERAL: 1.324,40' or 'Total: 9 clientes' under the list: its first
    filled cell is a totals word, followed by nothing but a count and words like 'clientes'."""
    first = next((v for v in row if v is not None and str(v).strip()), None)
    if not isinstance(first, str):
        return False
    lowered = first.lower()  # every totals label holds 'tot', 'soma' or 'sum': most names are let go here
    if "tot" not in lowered and "soma" not in lowered and "sum" not in lowered:
        return False
    key = header_key(first)
    if key in _TOTALS:
        return True
    words = key.split()
    for size in (2, 1):
        if " ".join(words[:size]) in _TOTALS:
            rest = words[size:]
            return bool(rest) and all(w.isdigit() or w in _TOTALS_FILLER for w in rest) and (
                ":" in first or any(w.isdigit() for w in rest) or rest[0] in ("de", "of", "dos", "das"))
    return False


_TOTALS = frozenset(("total", "totais", "totals", "total geral", "grand total", "soma", "subtotal", "sum"))
_TOTALS_FILLER = frozenset((
    "de", "of", "dos", "das", "do", "da", "geral", "clientes", "cliente", "customers", "customer", "cadastros",
    "registros", "registos", "linhas", "rows", "records", "pessoas", "contatos", "contactos", "itens", "items",
    "people", "clients", "filas", "personas", "compras", "gasto", "valor"))

_NAME_PARTICLES = frozenset(("da", "de", "do", "das", "dos", "e", "del", "la", "van", "von"))


def _name_words(name: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in _NAME_PARTICLES]


def _word_agrees(a: str, b: str) -> bool:
    """'Silva' and 'Silva' agree, and so do an initial and the word it begins ('S.' and 'Silva')."""
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def names_agree(a: str, b: str) -> bool:
    """Whether two ways of writing a name can be the same person: the same first name (or its initial),
    and every other word of the shorter name found in the longer one ('Maria S.' and 'Maria da Silva',
    'Maria' and 'Maria Souza'). 'João Souza' and 'Maria Souza' clearly differ."""
    wa, wb = _name_words(a), _name_words(b)
    if not wa or not wb:
        return fold(a).strip() == fold(b).strip()
    if not _word_agrees(wa[0], wb[0]):
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(any(_word_agrees(w, x) for x in long_[1:]) for w in short[1:])


# --- values ---------------------------------------------------------------------------------------

EXCEL_1900 = date(1899, 12, 30)  # serial 0 in Excel's 1900 system (after its 29/02/1900 bug)
EXCEL_1904 = date(1904, 1, 1)
_DATE_TEXT = re.compile(r"^\s*(\d{1,4})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{2,4}))?(?:[ T].*)?$")


def is_text_date(value: object) -> bool:
    """A date written as text ('15/03/1990'), whose day/month order a column must decide."""
    return isinstance(value, str) and _DATE_TEXT.match(value) is not None


def excel_serial_to_date(serial: float, *, date1904: bool = False) -> date:
    """An Excel date serial number. Serial 60 in the 1900 system is Excel's fake 29/02/1900."""
    if serial != serial or serial < 1 or serial > 2958465:  # NaN, before 1900, after 9999
        raise ValidationError("date", "date_invalid")
    whole = int(serial)
    if date1904:
        return EXCEL_1904 + timedelta(days=whole)
    if whole == 60:
        raise ValidationError("date", "date_invalid")
    if whole < 60:
        return date(1899, 12, 31) + timedelta(days=whole)
    return EXCEL_1900 + timedelta(days=whole)


def date_order(values: Iterable[object], default_day_first: bool = True) -> str:
    """'dmy' or 'mdy' for a column of text dates, decided by the values that only fit one order."""
    day_first = month_first = 0
    for value in values:
        if not isinstance(value, str):
            continue
        m = _DATE_TEXT.match(value)
        if not m or len(m.group(1)) == 4:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if a > 12 >= b:
            day_first += 1
        elif b > 12 >= a:
            month_first += 1
    if day_first == month_first:
        return "dmy" if default_day_first else "mdy"
    return "dmy" if day_first > month_first else "mdy"


def parse_date(value: object, *, order: str = "dmy", date1904: bool = False) -> date | None:
    """A real date from a cell: a date, a serial number, or text in the column's order. None if empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        raise ValidationError("date", "date_invalid")
    if isinstance(value, int | float):
        return excel_serial_to_date(float(value), date1904=date1904)
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", text) and len(text) <= 6:
        return excel_serial_to_date(float(text), date1904=date1904)
    m = _DATE_TEXT.match(text)
    if not m or not m.group(3) and len(m.group(1)) != 4:
        raise ValidationError("date", "date_invalid")
    first, second, third = m.group(1), int(m.group(2)), m.group(3)
    try:
        if len(first) == 4:
            return date(int(first), second, int(third or 0))
        year = int(third)
        if len(third) == 2:
            year += 2000 if year <= 30 else 1900
        day, month = (int(first), second) if order == "dmy" else (second, int(first))
        return date(year, month, day)
    except ValueError as exc:
        raise ValidationError("date", "date_invalid") from exc


def parse_birthday_cell(value: object, *, order: str = "dmy", date1904: bool = False,
                        today: date | None = None) -> Birthday | None:
    """A birthday from a cell: a full date, or day and month only ('15/03', '0000-03-15', '--03-15')."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        m = re.fullmatch(r"(?:0000-|--)(\d{1,2})-(\d{1,2})", text)
        if m:
            return Birthday(int(m.group(2)), int(m.group(1)), None)
        m = re.fullmatch(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})", text)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            day, month = (a, b) if order == "dmy" else (b, a)
            return Birthday(day, month, None)
    try:
        full = parse_date(value, order=order, date1904=date1904)
    except ValidationError as exc:
        raise ValidationError("birthday", "date_invalid") from exc
    birthday = Birthday(full.day, full.month, full.year)
    if today is not None:
        birthday.check_not_future(today)
    return birthday


_YES = {"sim", "s", "yes", "y", "true", "verdadeiro", "1", "x", "subscribed", "opted in", "aceita", "aceito",
        "si", "ok", "confirmed"}
_NO = {"nao", "n", "no", "false", "falso", "0", "unsubscribed", "not subscribed", "opted out", "never subscribed",
       "recusa", "nunca", "pending", "cleaned", "invalid"}


def parse_consent(value: object) -> bool | None:
    """True / False for a yes-or-no column ('Sim', 'subscribed', 'yes', TRUE...), None when unclear or empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value) if value in (0, 1) else None
    key = header_key(value).replace("_", " ")
    if not key:
        return None
    if key in _YES:
        return True
    if key in _NO:
        return False
    return None


def cell_text(value: object) -> str:
    """A cell as text: whole numbers without '.0' (phones and tax ids typed as numbers)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found in one cell, numbered as the spreadsheet numbers rows; `code` is an errors code."""

    row: int
    column: str
    value: str
    severity: str  # error | warning
    code: str
    params: tuple[tuple[str, str], ...] = ()


def issue_message(issue: Issue, translate: Callable[[str, str], str] | None = None) -> str:
    """The issue in words; `translate(context, text)` (Qt's) puts it in the user's language."""
    template = MESSAGES.get(issue.code, issue.code)
    params = dict(issue.params)
    if "key" in params:
        params["key"] = MESSAGES.get(f"key_{params['key']}", params["key"])
        if translate is not None:
            params["key"] = translate("errors", params["key"])
    if params.get("other") == "\t" or params.get("delimiter") == "\t":
        params = {k: ("Tab" if v == "\t" else v) for k, v in params.items()}
    if translate is not None:
        template = translate("errors", template)
        if "country" in params:
            params["country"] = translate("countries", params["country"])
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


# --- who a row is, and what an import may write -----------------------------------------------------

FILE_KEYS = ("email", "phone", "tax_id")  # what tells two rows of one file apart, in that order
SHOP_KEYS = ("email", "phone", "tax_id", "card_code")  # what tells a row from a customer already in Régua


def has_text_dates(head: Sequence[Sequence[object]], index: int) -> bool:
    """Whether a column's first rows hold dates written as text, whose day/month order must be decided."""
    return any(is_text_date(r[index]) for r in head if index < len(r))


def match_by_keys(rec, keys: Sequence[str], candidates_of: Callable[[str, str], Iterable]):
    """Who a row is, by the keys that tell a person apart, in that order: the first candidate sharing a
    key whose name agrees with the row's, and the first one found sharing a key under another name
    (a family sharing a phone), as (same, (key, other)); either may be None. `rec` and the candidates
    are anything with a `name` and the keys as attributes; `candidates_of(key, value)` lists who holds
    that value."""
    other = None
    for key in keys:
        value = getattr(rec, key)
        for candidate in candidates_of(key, value) if value else ():
            if names_agree(candidate.name, rec.name):
                return candidate, other
            if other is None:
                other = (key, candidate)
    return None, other


def fields_to_update(new: Mapping[str, object], old: Mapping[str, object], *, file_wins: bool) -> dict[str, object]:
    """What an import changes on a customer already in Régua: each field the file fills with another value,
    but a field she already has only when the file wins (by default Régua keeps her values and she only
    gets what she lacks). In the order of `new`."""
    changes = {}
    for name, value in new.items():
        before = old.get(name)
        if not value or value == before:
            continue
        if before and not file_wins:
            continue
        changes[name] = value
    return changes


def consent_to_record(answers: Mapping[str, bool], in_force: Mapping[str, bool]) -> tuple[dict[str, bool], list[str]]:
    """The file's consent answers for a customer already in Régua, against those on record: (the answers
    to write, the channels whose yes is refused). An opt-out is never undone by a re-import, and an
    answer already in force is not written again; a new no is always written."""
    kept: dict[str, bool] = {}
    refused: list[str] = []
    for channel, answer in answers.items():
        if answer and in_force.get(channel) is False:
            refused.append(channel)
        elif in_force.get(channel) != answer:
            kept[channel] = answer
    return kept, refused


NEEDS_ADDRESS = {"email": "consent_without_email", "whatsapp": "consent_without_phone"}  # channel -> issue code


def consent_without_address(answers: Mapping[str, bool], email: str | None, phone: str | None) -> list[str]:
    """The channels of a yes that cannot be recorded: a yes to e-mails needs an e-mail address and a yes to
    WhatsApp a phone, as the customer form asks. A no is always kept (it is always safe)."""
    address = {"email": email, "whatsapp": phone}
    return [channel for channel, answer in answers.items() if answer and not address[channel]]


def purchase_already_known(last_purchase: date | None, last_seen: date | None) -> bool:
    """Whether the file's last purchase is history Régua already has (a re-import): Régua saw her on or
    after it, or the file has no date for it and Régua has seen her at all."""
    return last_seen is not None and (last_purchase is None or last_purchase <= last_seen)
