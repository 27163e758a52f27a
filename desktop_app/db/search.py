"""Finding customers from an index, never a scan.

Every query word must be a prefix of one of the customer's terms (domain/search.py). Two plans,
picked per query by counting, with a cap, how many terms the most selective word reaches:

* narrow (the usual case while typing a name, a phone or a code): walk the most selective word's
  range of the term index (which carries each customer's name_key), probe the other words, and sort
  the survivors by name without visiting the customer table;
* broad (one or two letters): walk customers in name order along the name index and keep the first
  `limit` that match every word, an EXISTS probe each. A broad word matches many customers, so the
  walk ends early.

Both plans return the same ids in the same order (a property test holds them to a brute force).

Where the database indexes the phones' digits itself (a server's trigram index: Engine.phone_digits_indexed),
no phone suffix terms are written, and a word of digits matches a term *or* the phone's digits
(phone_pattern): each plan asks both, and the answer is the same as with the suffix terms.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from functools import lru_cache

from peewee import Select, fn

from desktop_app.db.database import database, engine
from desktop_app.db.models import Customer, CustomerSegment, CustomerTag, SearchTerm
from desktop_app.domain.privacy import ERASED_SORT_KEY
from desktop_app.domain.search import (
    customer_terms,
    has_no_words,
    phone_pattern,
    phone_suffix_terms,
    query_words,
)

# Term rows. Below it, sorting a word's matches straight from the term index (about 0.3 us a row)
# beats walking the name index; above it the word is so common that the walk meets matches at once.
NARROW_CAP = 100_000
# What a phone matched through its trigram index costs the narrow plan, in term rows: a visit to the
# customer's page and a recheck of its digits (380 ms for the 89,000 phones holding "419" at 1,000,000
# customers, where as many term rows sort in 30 ms). Above NARROW_CAP / 15 such phones, the walk is quicker.
PHONE_ROW_WEIGHT = 15
_TOP = "\U0010ffff"


def _term_range(word: str):
    return (SearchTerm.term >= word) & (SearchTerm.term < word + _TOP)


def _filters(tag: str | None, birth_month: int | None, customer_id=Customer.id,
             group: tuple[str, str] | None = None) -> list:
    """Conditions on the customer whose id is `customer_id` (a column of the query they go into).
    `group` is ("segment" or "stage", its key): the day's stored segment or lifecycle stage."""
    conditions = []
    if group:
        column = CustomerSegment.segment if group[0] == "segment" else CustomerSegment.stage
        conditions.append(fn.EXISTS(CustomerSegment.select(CustomerSegment.customer).where(
            (CustomerSegment.customer == customer_id) & (column == group[1]))))
    if tag:
        conditions.append(fn.EXISTS(CustomerTag.select(CustomerTag.tag).where(
            (CustomerTag.customer == customer_id) & (CustomerTag.tag == tag))))
    if birth_month:
        if customer_id is Customer.id:
            conditions.append(Customer.birth_month == birth_month)
        else:
            conditions.append(fn.EXISTS(Customer.select(Customer.id).where(
                (Customer.id == customer_id) & (Customer.birth_month == birth_month))))
    return conditions


# Search runs on every keystroke, so each query shape is compiled by peewee once and reused: the
# query is built with marker values, and each call swaps the real values in for the markers.
_WORD = "\x00word{}"
_PHONE = "\x00phone{}"  # the LIKE pattern of word {} among the phones' digits
_TAG = "\x00tag"
_GROUP = "\x00group"
_MONTH = -911
_LIMIT = -912


def _bind(params: list, values: dict) -> list:
    bound = []
    for p in params:
        if isinstance(p, str) and p.endswith(_TOP) and p[:-1] in values:
            bound.append(values[p[:-1]] + _TOP)
        else:
            bound.append(values.get(p, p) if isinstance(p, str | int) else p)
    return bound


def _run(compiled: tuple[str, list], values: dict) -> list[tuple]:
    sql, params = compiled
    return database.execute_sql(sql, _bind(params, values)).fetchall()


# Each shape is compiled per engine (`param`, the open engine's placeholder, is part of the cache key).
@lru_cache(maxsize=8)
def _count_sql(cap: int, param: str) -> tuple[str, list]:
    sub = SearchTerm.select(SearchTerm.customer).where(_term_range(_WORD.format(0))).limit(cap)
    sql, params = sub.sql()
    return f"SELECT count(*) FROM ({sql}) AS reached", params


@lru_cache(maxsize=8)
def _reach_sql(param: str) -> tuple[str, list]:
    return SearchTerm.select(SearchTerm.customer).where(_term_range(_WORD.format(0))).sql()


def _matches_up_to(word: str, cap: int, phones: bool = False) -> int:
    """How many term rows `word` reaches, up to `cap` (and, when `phones`, the phones holding it, each
    weighing PHONE_ROW_WEIGHT rows, counted up to where they alone reach `cap`): only which side of the cap
    it falls on picks the plan, and both plans give the same answer. A server's statistics say the terms
    without reading the range (a wrong guess near the cap costs time, never a different answer); SQLite
    counts, in its own process."""
    values = {_WORD.format(0): word, _PHONE.format(0): phone_pattern(word)}
    sql, params = _reach_sql(database.param)
    estimate = engine().estimated_rows(database, sql, _bind(params, values))
    if estimate is None:
        return _run(_count_sql(cap, database.param), values)[0][0]  # SQLite: no phone index
    if phones:  # counted, up to where the walk wins: the server's guess for LIKE '%…%' is a fixed fraction
        estimate += PHONE_ROW_WEIGHT * engine().phones_holding(database, phone_pattern(word),
                                                               -(-cap // PHONE_ROW_WEIGHT))
    return min(estimate, cap)


def _shape_values(words: list[str], limit: int, tag: str | None, birth_month: int | None,
                  group: tuple[str, str] | None = None) -> dict:
    values = {_WORD.format(i): w for i, w in enumerate(words)}
    values.update({_PHONE.format(i): phone_pattern(w) for i, w in enumerate(words)})
    values.update({_TAG: tag, _MONTH: birth_month, _LIMIT: limit, _GROUP: group[1] if group else None})
    return values


def _group_shape(group: tuple[str, str] | None) -> tuple[str, str] | None:
    """The group's column is part of the compiled shape; its value is bound like the others."""
    return (group[0], _GROUP) if group else None


def search_customer_ids(
    text: str, *, limit: int = 50, tag: str | None = None, birth_month: int | None = None,
    group: tuple[str, str] | None = None,
) -> list[int]:
    """Ids of the customers matching `text` (and the filters), in name order, at most `limit`. An empty
    `text` lists everyone; a text with no word to search by (only emoji or punctuation) finds no one."""
    words = query_words(text)
    if not words:
        if has_no_words(text):
            return []
        query = Customer.select(Customer.id).order_by(Customer.name_key, Customer.id).limit(limit)
        filters = _filters(tag, birth_month, group=group)
        if filters:
            query = query.where(*filters)
        return [row[0] for row in query.tuples()]
    indexed = engine().phone_digits_indexed(database)
    counted = sorted((_matches_up_to(w, NARROW_CAP, _asks_phones(w, indexed)), i, w) for i, w in enumerate(words))
    fewest, _, best = counted[0]
    if fewest < NARROW_CAP:
        return _narrow(best, [w for w in words if w != best], limit, tag, birth_month, group, indexed)
    return _broad(words, limit, tag, birth_month, group, indexed)


def _asks_phones(word: str, indexed: bool) -> bool:
    """Whether `word` must also be looked for among the phones' digits (a word of digits, where they have
    their own index instead of suffix terms)."""
    return indexed and phone_pattern(word) is not None


def _phones(words: list[str], indexed: bool) -> tuple[bool, ...]:
    return tuple(_asks_phones(w, indexed) for w in words)


def _phone_match(i: int, phone=Customer.phone):
    return engine().phone_digits_match(phone, _PHONE.format(i))


def _narrow(best: str, others: list[str], limit: int, tag: str | None, birth_month: int | None,
            group: tuple[str, str] | None = None, indexed: bool = False) -> list[int]:
    """Take the most selective word's range of the term index, which carries each customer's name_key,
    sorted by name (the customer table is never visited), then walk it in that order probing the other
    words and filters, stopping at the `limit`th customer who has them all."""
    if not (others or tag or birth_month or group):
        return _one_word(best, limit, _asks_phones(best, indexed))
    compiled = _narrow_sql(len(others), bool(tag), bool(birth_month), _group_shape(group), database.param,
                           _phones([best, *others], indexed))
    return [row[0] for row in _run(compiled, _shape_values([best, *others], limit, tag, birth_month, group))]


def _one_word(word: str, limit: int, phones: bool = False) -> list[int]:
    """One word and no filter (most of what is typed): the first rows of its range in name order, a bounded
    sort that keeps only the rows it returns, instead of sorting the whole range to drop its duplicates. A
    customer's rows are side by side in that order (she has one name_key), so the first `limit` different
    ids of the first `n` rows are the answer unless duplicates used them up; then more rows are read."""
    n = limit * 3
    while True:
        rows = _run(_top_sql(database.param, phones), {_WORD.format(0): word, _LIMIT: n,
                                                       _PHONE.format(0): phone_pattern(word)})
        ids = list(dict.fromkeys(row[0] for row in rows))
        if len(ids) >= limit or len(rows) < n:
            return ids[:limit]
        n *= 4


@lru_cache(maxsize=8)
def _top_sql(param: str, phones: bool = False) -> tuple[str, list]:
    if not phones:
        return (SearchTerm.select(SearchTerm.customer).where(_term_range(_WORD.format(0)))
                .order_by(SearchTerm.name_key, SearchTerm.customer).limit(_LIMIT).sql())
    found = _reached(0).alias("u")
    return (Select([found], [found.c.customer_id]).bind(database)
            .order_by(found.c.name_key, found.c.customer_id).limit(_LIMIT).sql())


def _reached(i: int):
    """(name_key, customer_id) of the customers word `i` reaches by a term or by the phone's digits; a
    customer reached both ways comes twice, side by side in name order."""
    terms = SearchTerm.select(SearchTerm.name_key, SearchTerm.customer).where(_term_range(_WORD.format(i)))
    by_phone = Customer.select(Customer.name_key, Customer.id).where(_phone_match(i))
    return terms + by_phone  # UNION ALL


_NO_LIMIT = 1 << 62  # a LIMIT keeps SQLite from flattening the sorted subquery into the outer walk


@lru_cache(maxsize=64)
def _narrow_sql(others: int, tag: bool, month: bool, group: tuple[str, str] | None = None,
                param: str = "", phones: tuple[bool, ...] = ()) -> tuple[str, list]:
    asks = phones or (False,) * (others + 1)
    if asks[0]:
        found = _reached(0).alias("u")
        candidates = (Select([found], [found.c.name_key, found.c.customer_id]).distinct()
                      .order_by(found.c.name_key, found.c.customer_id).limit(_NO_LIMIT).alias("s"))
    else:
        term = SearchTerm.alias("t")
        best = _WORD.format(0)
        candidates = (term.select(term.name_key, term.customer).distinct()
                      .where((term.term >= best) & (term.term < best + _TOP))
                      .order_by(term.name_key, term.customer).limit(_NO_LIMIT).alias("s"))
    customer_id = candidates.c.customer_id
    conditions = [_has_word(i + 1, customer_id, asks[i + 1]) for i in range(others)]
    conditions += _filters(_TAG if tag else None, _MONTH if month else None, customer_id, group)
    query = Select([candidates], [customer_id]).bind(database)  # compiled in the open engine's words
    if conditions:
        query = query.where(*conditions)
    if not engine().ordered_subqueries:  # PostgreSQL may probe the words by a join that loses the order
        query = query.order_by(candidates.c.name_key, customer_id)
    return query.limit(_LIMIT).sql()


def _has_term(word: str, customer_id=Customer.id):
    return fn.EXISTS(SearchTerm.select(SearchTerm.term).where(
        (SearchTerm.customer == customer_id) & _term_range(word)))


def _has_word(i: int, customer_id=Customer.id, phones: bool = False):
    """The customer whose id is `customer_id` has word `i`: a term, or (`phones`) the word in her phone."""
    has = _has_term(_WORD.format(i), customer_id)
    if not phones:
        return has
    if customer_id is Customer.id:  # walking the customer table: her own row's phone
        return has | _phone_match(i)
    mine = Customer.alias("p")
    return has | fn.EXISTS(mine.select(mine.id).where((mine.id == customer_id) & _phone_match(i, mine.phone)))


def _broad(words: list[str], limit: int, tag: str | None, birth_month: int | None,
           group: tuple[str, str] | None = None, indexed: bool = False) -> list[int]:
    """Walk customers in name order and keep those with every word: quick when the words are common."""
    compiled = _broad_sql(len(words), bool(tag), bool(birth_month), _group_shape(group), database.param,
                          _phones(words, indexed))
    return [row[0] for row in _run(compiled, _shape_values(words, limit, tag, birth_month, group))]


@lru_cache(maxsize=64)
def _broad_sql(words: int, tag: bool, month: bool, group: tuple[str, str] | None = None,
               param: str = "", phones: tuple[bool, ...] = ()) -> tuple[str, list]:
    asks = phones or (False,) * words
    conditions = [_has_word(i, Customer.id, asks[i]) for i in range(words)]
    query = (Customer.select(Customer.id)
             .where(*conditions, *_filters(_TAG if tag else None, _MONTH if month else None, group=group))
             .order_by(Customer.name_key, Customer.id).limit(_LIMIT))
    return query.sql()


def all_customer_ids(*, tag: str | None = None, birth_month: int | None = None,
                     group: tuple[str, str] | None = None) -> array:
    """Every customer id (filtered) in name order, as a compact array: what the lazy list holds."""
    query = Customer.select(Customer.id).where(Customer.name_key < ERASED_SORT_KEY).order_by(Customer.name_key,
                                                                                           Customer.id)
    filters = _filters(tag, birth_month, group=group)
    if filters:
        query = query.where(*filters)
    cursor = database.execute(query)
    ids = array("q")
    while batch := cursor.fetchmany(20000):
        ids.extend(row[0] for row in batch)
    return ids


def count_customers() -> int:
    return Customer.select().where(Customer.name_key < ERASED_SORT_KEY).count()


def phone_terms_written() -> bool:
    """Whether a customer's phone gives search terms in the open database (False where its digits have their
    own index): what the writers pass to customer_terms as `phone_suffixes`."""
    return not engine().phone_digits_indexed(database)


def index_customer(c: Customer) -> None:
    """Her search terms, as her saved row says them."""
    replace_terms(c.id, c.name_key, customer_terms(name=c.name, email=c.email, phone=c.phone, tax_id=c.tax_id,
                                                   card_code=c.card_code, phone_suffixes=phone_terms_written()))


def replace_terms(customer_id: int, name_key: str, terms: Iterable[str]) -> None:
    SearchTerm.delete().where(SearchTerm.customer == customer_id).execute()
    rows = [(term, name_key, customer_id) for term in sorted(set(terms))]
    if rows:
        SearchTerm.insert_many(rows, fields=[SearchTerm.term, SearchTerm.name_key, SearchTerm.customer]).execute()


def brute_force_ids(text: str, *, tag: str | None = None, birth_month: int | None = None,
                    group: tuple[str, str] | None = None) -> list[int]:
    """The reference answer by a full scan of the term table, with each phone's suffix terms added (a database
    that indexes the phones' digits writes none; one that does not has them already); for tests and the
    benchmark baseline."""
    words = query_words(text)
    if has_no_words(text):
        return []
    by_customer: dict[int, list[str]] = {}
    for term, cid in SearchTerm.select(SearchTerm.term, SearchTerm.customer).tuples():
        by_customer.setdefault(cid, []).append(term)
    for cid, phone in Customer.select(Customer.id, Customer.phone).where(Customer.phone.is_null(False)).tuples():
        by_customer.setdefault(cid, []).extend(phone_suffix_terms(phone))
    allowed = set(all_customer_ids(tag=tag, birth_month=birth_month, group=group))
    hits = [cid for cid, terms in by_customer.items()
            if cid in allowed and all(any(t.startswith(w) for t in terms) for w in words)]
    keys = dict(Customer.select(Customer.id, Customer.name_key).where(Customer.id.in_(hits)).tuples()) if hits else {}
    return sorted(hits, key=lambda cid: (keys[cid], cid))
