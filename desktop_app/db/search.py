"""Finding customers from an index, never a scan.

Every query word must be a prefix of one of the customer's terms (domain/search.py). Two plans,
picked per query by counting, with a cap, how many terms the most selective word reaches:

* narrow (the usual case while typing a name, a phone or a code): take that word's candidate ids
  from the term index, keep those whose other words also match (index probes on
  (customer_id, term)), and sort the few survivors by name;
* broad (one or two letters): walk customers in name order along the name index and keep the first
  `limit` that match every word, an EXISTS probe each. A broad word matches many customers, so the
  walk ends early.

Both plans return the same ids in the same order (a property test holds them to a brute force).
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence

from peewee import fn

from ..domain.search import query_words
from .database import database
from .models import Customer, CustomerTag, SearchTerm

NARROW_CAP = 3000
_CHUNK = 500
_TOP = "\U0010ffff"


def _term_range(word: str):
    return (SearchTerm.term >= word) & (SearchTerm.term < word + _TOP)


def _filters(tag: str | None, birth_month: int | None) -> list:
    conditions = []
    if tag:
        conditions.append(
            fn.EXISTS(CustomerTag.select(CustomerTag.tag).where(
                (CustomerTag.customer == Customer.id) & (CustomerTag.tag == tag)))
        )
    if birth_month:
        conditions.append(Customer.birth_month == birth_month)
    return conditions


def _matches_up_to(word: str, cap: int) -> int:
    sub = SearchTerm.select(SearchTerm.customer).where(_term_range(word)).limit(cap)
    return database.execute_sql(f"SELECT count(*) FROM ({sub.sql()[0]})", sub.sql()[1]).fetchone()[0]


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]


def search_customer_ids(
    text: str, *, limit: int = 50, tag: str | None = None, birth_month: int | None = None,
) -> list[int]:
    """Ids of the customers matching `text` (and the filters), in name order, at most `limit`."""
    words = query_words(text)
    if not words:
        query = Customer.select(Customer.id).order_by(Customer.name_key, Customer.id).limit(limit)
        filters = _filters(tag, birth_month)
        if filters:
            query = query.where(*filters)
        return [row[0] for row in query.tuples()]
    counted = sorted((_matches_up_to(w, NARROW_CAP), w) for w in words)
    best_count, best = counted[0]
    others = [w for _, w in counted[1:]]
    if best_count < NARROW_CAP:
        return _narrow(best, others, limit, tag, birth_month)
    return _broad(words, limit, tag, birth_month)


def _narrow(best: str, others: list[str], limit: int, tag: str | None, birth_month: int | None) -> list[int]:
    candidates = sorted({
        row[0] for row in SearchTerm.select(SearchTerm.customer).where(_term_range(best)).tuples()
    })
    for word in others:
        if not candidates:
            break
        kept: set[int] = set()
        for chunk in _chunks(candidates):
            kept.update(row[0] for row in SearchTerm.select(SearchTerm.customer).where(
                SearchTerm.customer.in_(list(chunk)) & _term_range(word)).tuples())
        candidates = sorted(kept)
    rows: list[tuple[str, int]] = []
    for chunk in _chunks(candidates):
        query = Customer.select(Customer.name_key, Customer.id).where(
            Customer.id.in_(list(chunk)), *_filters(tag, birth_month))
        rows.extend(query.tuples())
    rows.sort()
    return [cid for _, cid in rows[:limit]]


def _broad(words: list[str], limit: int, tag: str | None, birth_month: int | None) -> list[int]:
    conditions = [
        fn.EXISTS(SearchTerm.select(SearchTerm.term).where(
            (SearchTerm.customer == Customer.id) & _term_range(word)))
        for word in words
    ]
    query = (Customer.select(Customer.id)
             .where(*conditions, *_filters(tag, birth_month))
             .order_by(Customer.name_key, Customer.id).limit(limit))
    return [row[0] for row in query.tuples()]


def all_customer_ids(*, tag: str | None = None, birth_month: int | None = None) -> array:
    """Every customer id (filtered) in name order, as a compact array: what the lazy list holds."""
    query = Customer.select(Customer.id).order_by(Customer.name_key, Customer.id)
    filters = _filters(tag, birth_month)
    if filters:
        query = query.where(*filters)
    cursor = database.execute(query)
    ids = array("q")
    while batch := cursor.fetchmany(20000):
        ids.extend(row[0] for row in batch)
    return ids


def count_customers() -> int:
    return Customer.select().count()


def replace_terms(customer_id: int, terms: Iterable[str]) -> None:
    SearchTerm.delete().where(SearchTerm.customer == customer_id).execute()
    rows = [(term, customer_id) for term in sorted(set(terms))]
    if rows:
        SearchTerm.insert_many(rows, fields=[SearchTerm.term, SearchTerm.customer]).execute()


def brute_force_ids(text: str, *, tag: str | None = None, birth_month: int | None = None) -> list[int]:
    """The reference answer by a full scan of the term table; for tests and the benchmark baseline."""
    words = query_words(text)
    by_customer: dict[int, list[str]] = {}
    for term, cid in SearchTerm.select(SearchTerm.term, SearchTerm.customer).tuples():
        by_customer.setdefault(cid, []).append(term)
    allowed = set(all_customer_ids(tag=tag, birth_month=birth_month))
    hits = [cid for cid, terms in by_customer.items()
            if cid in allowed and all(any(t.startswith(w) for t in terms) for w in words)]
    keys = dict(Customer.select(Customer.id, Customer.name_key).where(Customer.id.in_(hits)).tuples()) if hits else {}
    return sorted(hits, key=lambda cid: (keys[cid], cid))
