"""Search answers from the term index and agrees with a brute-force scan on any query."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.db.search import NARROW_CAP, brute_force_ids, search_customer_ids
from desktop_app.services.customers import customers
from desktop_app.services.customers.customers import CustomerInput
from desktop_app.services.shop import demo

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def demo_shops(tmp_path_factory):
    """A 1,500-customer demo shop per engine, made once for the module when a test first asks for it."""
    from desktop_app.config import resolve_paths
    from desktop_app.db.database import close_database, open_database
    from desktop_app.services.shop import shop

    made: dict[str, object] = {}

    def shop_on(engine: str):
        if engine not in made:
            if engine == "sqlite":
                paths = resolve_paths(db=tmp_path_factory.mktemp("search") / "demo.db")
                shop.open_shop(paths)
                made[engine] = paths
            else:
                from tests import postgres

                made[engine] = postgres.cluster().fresh()
                open_database(made[engine])
            demo.generate(1500, today=TODAY, seed=3)
            close_database()
        return made[engine]

    yield shop_on
    if "postgresql" in made:
        from tests import postgres

        postgres.cluster().drop(made["postgresql"])


@pytest.fixture
def demo_shop(demo_shops, engine):
    """The demo shop opened for this test: whatever another test opened in between (a one-customer shop)
    is never what this one searches."""
    from desktop_app.db.database import close_database, database, database_path, open_database
    from desktop_app.services.shop import shop

    made = demo_shops(engine)
    if engine == "sqlite":
        shop.open_shop(made, create=False)
        assert database_path() == made.db_path
    else:
        open_database(made)
        assert database.database == made.split("@/", 1)[1].split("?", 1)[0]
    yield made
    close_database()


QUERY_PARTS = st.sampled_from(["ana", "silva", "da", "s", "ma", "joão", "CONCEIÇÃO", "gonç", "98", "119",
                               "7", "@gmail", "fl10", "ribeiro lima", "x", "são", "a b", "souza ana", "\U0001f389",
                               "!!", "+", "-"])


QUERIES = dict(parts=st.lists(QUERY_PARTS, min_size=1, max_size=3), limit=st.integers(1, 60),
               month=st.one_of(st.none(), st.integers(1, 12)), tag=st.sampled_from([None, "vip", "noiva"]))


def _agrees_with_a_brute_force_scan(parts, limit, month, tag) -> None:
    text = " ".join(parts)
    expected = brute_force_ids(text, tag=tag, birth_month=month)[:limit]
    assert search_customer_ids(text, limit=limit, tag=tag, birth_month=month) == expected


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(**QUERIES)
def test_index_search_equals_a_brute_force_scan(demo_shop, parts, limit, month, tag):
    _agrees_with_a_brute_force_scan(parts, limit, month, tag)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(**QUERIES)
def test_index_search_equals_a_brute_force_scan_on_postgresql(demo_shop, parts, limit, month, tag):
    """The same property on the server (fewer examples: each brute-force scan crosses the socket)."""
    _agrees_with_a_brute_force_scan(parts, limit, month, tag)


def test_both_plans_agree_around_the_narrow_cap(demo_shop, monkeypatch):
    import desktop_app.db.search as search

    for cap in (1, 10, 200, NARROW_CAP):
        monkeypatch.setattr(search, "NARROW_CAP", cap)
        for query in ("ana", "119", "9876", "ana 98", "98 silva"):  # digit words: terms, or the phones' index
            assert search_customer_ids(query, limit=40) == brute_force_ids(query)[:40], (cap, query)


def test_one_word_whose_first_customers_carry_it_many_times_still_gives_the_first_distinct_ones(
        shop_settings, actor, today):
    """The one-word plan reads the first rows of the word's range in name order and keeps the distinct ids;
    when the first customers use those rows up (each has the word in her name, e-mail and city words), it
    reads more, and the answer is still the first `limit` customers in name order, each once."""
    many = [customers.create_customer(CustomerInput(name=f"Ana{'a' * i} Anabela Anastácia Anália Anacleta",
                                                    email=f"ana{i}@anamail.com"), shop=shop_settings,
                                      actor=actor, today=today) for i in range(4)]
    few = [customers.create_customer(CustomerInput(name=f"Zana Ana {i}"), shop=shop_settings, actor=actor,
                                     today=today) for i in range(3)]
    for limit in (1, 2, 3, 5, 7, 50):
        found = search_customer_ids("ana", limit=limit)
        assert found == brute_force_ids("ana")[:limit] == (many + few)[:limit], limit


def test_search_is_accent_and_case_insensitive_over_any_word(shop_settings, actor, today):
    cid = customers.create_customer(CustomerInput(name="Maria Conceição Gonçalves", phone="(11) 98765-4321",
                                                  email="Maria.G@Example.com", tax_id="123.456.789-09",
                                                  card_code="FL-77"), shop=shop_settings, actor=actor, today=today)
    for query in ("conceicao", "GONÇALVES maria", "goncal", "876", "54321", "maria.g@example.com", "maria.g",
                  "12345678909", "123.456", "fl-77", "FL77"):
        assert customers.search(query) == [cid], query
    assert customers.search("pedro") == []


def test_a_query_of_only_symbols_or_emoji_finds_no_one(shop_settings, actor, today):
    """`regua search "🎉"` listed the one customer with 🎉 in her name, then everyone else: a query with
    no word to search by (emoji, punctuation) matched every customer. It matches no one; the words
    beside an emoji are searched as ever, and an empty query is no query (the list shows everyone)."""
    party = customers.create_customer(CustomerInput(name="Festa \U0001f389 Lima"), shop=shop_settings, actor=actor,
                                      today=today)
    others = [customers.create_customer(CustomerInput(name=name), shop=shop_settings, actor=actor, today=today)
              for name in ("Ana Prado", "Bia Reis")]
    for query in ("\U0001f389", " \U0001f389\U0001f389 ", "!!", "+", "-", "\u2764\ufe0f", "\U0001f469\u200d\U0001f467"):
        assert customers.search(query) == [], query
        assert search_customer_ids(query, tag="vip") == brute_force_ids(query) == [], query
    assert customers.search("\U0001f389 lima") == customers.search("festa") == [party]
    assert sorted(customers.search("")) == sorted([party, *others])


@pytest.mark.sqlite_only("SQLite's query plan (EXPLAIN QUERY PLAN); PostgreSQL's planner picks by its statistics")
def test_search_uses_the_index_not_a_scan(demo_shop):
    from desktop_app.db.database import database

    for query in ("silva", "98765"):
        plan = " ".join(str(row) for row in database.execute_sql(
            "EXPLAIN QUERY PLAN SELECT customer_id FROM search_term WHERE term >= ? AND term < ?",
            (query, query + "\U0010ffff")).fetchall())
        assert "SEARCH search_term USING" in plan and "SCAN" not in plan, plan


def test_a_phone_is_found_by_any_three_of_its_digits_and_fewer_only_with_three_after(shop_settings, actor, today):
    """A phone is found by any run of 3+ of its digits, and a run of 1 or 2 only where three digits start
    there (that is what its suffix terms of 3+ digits mean). On a server with pg_trgm the digits have their
    own index and no phone terms are written; the answers must be the same as on SQLite."""
    ana = customers.create_customer(CustomerInput(name="Ana Prado", phone="(11) 98765-4321"), shop=shop_settings,
                                    actor=actor, today=today)  # 5511987654321
    bia = customers.create_customer(CustomerInput(name="Bia Reis", phone="(21) 3322-1100", tags=["vip"]),
                                    shop=shop_settings, actor=actor, today=today)  # 552133221100
    cid = customers.create_customer(CustomerInput(name="Carla 4321 Lima"), shop=shop_settings, actor=actor,
                                    today=today)  # the digits in her name, no phone
    expected = {
        "4321": [ana, cid], "321": [ana], "98765-4321": [ana], "5511": [ana], "+55 11 9876": [ana],
        "21": [bia],  # ana's "21" ends her phone; bia's starts "2133…"
        "00": [],  # only at the very end of bia's
        "1": [ana, bia],  # "1" with 3+ digits from it: in both
        "3322": [bia], "ana 4321": [ana], "bia 21": [bia], "lima 4321": [cid], "prado 00": [], "55": [ana, bia],
        "#4321": [ana, cid], "99999": [],
    }
    for query, ids in expected.items():
        assert customers.search(query) == ids, query
        assert search_customer_ids(query, limit=10) == brute_force_ids(query)[:10] == ids, query
    assert search_customer_ids("21", tag="vip") == [bia]
    assert search_customer_ids("4321", tag="vip") == []


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)
def test_on_a_server_the_phones_digits_have_their_own_index_and_give_no_terms(shop_settings, actor, today):
    from desktop_app.db.database import database
    from desktop_app.db.database import engine as open_engine
    from desktop_app.db.models import SearchTerm

    assert open_engine().phone_digits_indexed(database)
    ana = customers.create_customer(CustomerInput(name="Ana Prado", phone="(11) 98765-4321", card_code="FL-9"),
                                    shop=shop_settings, actor=actor, today=today)
    terms = {t for (t,) in SearchTerm.select(SearchTerm.term).where(SearchTerm.customer == ana).tuples()}
    assert terms == {"ana", "prado", "fl", "9", "fl9"}
    with database.atomic():  # three customers: a scan is cheaper; off, the planner shows the index matches
        database.execute_sql("SET LOCAL enable_seqscan = off")
        plan = " ".join(str(row) for row in database.execute_sql(
            "EXPLAIN SELECT id FROM customer WHERE regua_phone_digits(phone) LIKE %s", ("%87654%",)).fetchall())
    assert "customer_phone_digits" in plan, plan
    customers.update_customer(ana, CustomerInput(name="Ana Prado", phone="(11) 91234-0000"), shop=shop_settings,
                              actor=actor, today=today)
    assert customers.search("87654") == [] and customers.search("12340") == [ana]


def test_a_server_that_refuses_pg_trgm_keeps_the_phone_terms_and_finds_the_same(actor):
    """pg_trgm is a trusted extension: a database's owner may create it, a user who may only create tables
    may not. Such a shop's upgrade goes on without the phone index, and its phones are found by their
    suffix terms, as on SQLite."""
    from desktop_app.db.database import database, open_database
    from desktop_app.db.database import engine as open_engine
    from desktop_app.db.models import SearchTerm
    from desktop_app.services.shop import shop
    from desktop_app.services.shop.shop import ShopSettings
    from tests import postgres

    cluster = postgres.cluster()
    url = cluster.fresh(postgres.EMPTY_TEMPLATE)
    name = url.split("@/", 1)[1].split("?", 1)[0]
    clerk = f"clerk{os.getpid()}"
    with cluster.connect(name) as conn:
        conn.execute(f"CREATE ROLE {clerk} LOGIN")
        conn.execute(f"REVOKE CREATE ON DATABASE {name} FROM PUBLIC")
        conn.execute(f"GRANT CREATE, USAGE ON SCHEMA public TO {clerk}")
    try:
        mine = url.replace(f"{postgres.USER}@/", f"{clerk}@/")
        postgres._migrate_to_head(mine)
        open_database(mine, create=False)
        assert not open_engine().phone_digits_indexed(database)
        settings = shop.save_shop_settings(ShopSettings.for_country("Ateliê", "BR"))
        ana = customers.create_customer(CustomerInput(name="Ana Prado", phone="(11) 98765-4321"), shop=settings,
                                        actor=actor, today=TODAY)
        terms = {t for (t,) in SearchTerm.select(SearchTerm.term).where(SearchTerm.customer == ana).tuples()}
        assert {"5511987654321", "321", "4321"} <= terms
        for query, ids in (("4321", [ana]), ("87", [ana]), ("21", []), ("ana 9876", [ana])):
            assert customers.search(query) == ids, query
    finally:
        from desktop_app.db.database import close_database

        close_database()
        cluster.drop(url)
        with cluster.connect("postgres") as conn:
            conn.execute(f"DROP ROLE IF EXISTS {clerk}")
