"""Schema v7 (which till made each entry) on both engines: a shop at v6 with rows in every table the step
touches is upgraded without losing one, its old rows read as made at no till, and new rows keep theirs.
The SQLite files of every released version are upgraded by test_database.py; this is the same step on a
PostgreSQL database that the ladder built to v6."""

from __future__ import annotations

import pytest

from desktop_app.db import migrations
from desktop_app.db.database import close_database, database, open_database
from desktop_app.db.models import AuditLog, Customer, Interaction, LoyaltyEntry

T = "2025-01-02 12:00:00"
V6_ROWS = [
    "INSERT INTO customer (name, name_key, city, notes, source, created_at, updated_at) "
    f"VALUES ('Maria', 'maria', '', '', 'counter', '{T}', '{T}')",
    "INSERT INTO interaction (customer_id, kind, amount_cents, note, occurred_at, occurred_on, source, created_at) "
    f"VALUES (1, 'purchase', 12990, '', '{T}', '2025-01-02', 'counter', '{T}')",
    "INSERT INTO loyalty_program (name, kind, active, rules, created_at, updated_at) "
    f"VALUES ('Clube', 'points', 1, '{{}}', '{T}', '{T}')",
    "INSERT INTO loyalty_entry (program_id, customer_id, kind, points, occurred_on, at, reason, interaction_id, actor) "
    f"VALUES (1, 1, 'earn', 129, '2025-01-02', '{T}', 'purchase', 1, 'Ana')",
    f"INSERT INTO audit_log (at, actor, action, subject, details) VALUES ('{T}', 'Ana', 'import', '', '')",
]


@pytest.fixture
def target_at_v6(engine, paths):
    """A database the ladder built to v6 (what a shop made before tills were recorded), with a row in each
    table that v7 changes."""
    if engine == "sqlite":
        url = paths.db_path
        cluster = None
    else:
        from tests import postgres

        cluster = postgres.cluster()
        url = cluster.fresh(postgres.EMPTY_TEMPLATE)
    db = open_database(url)
    with db.atomic():
        migrations.build_schema(db, 6)
        for sql in V6_ROWS:
            db.execute_sql(sql)
    close_database()
    yield url
    close_database()
    if cluster is not None:
        cluster.drop(url)


def test_a_shop_at_v6_is_upgraded_and_its_old_rows_were_made_at_no_till(target_at_v6, paths):
    db = open_database(target_at_v6)
    assert migrations.schema_version(db) == 6
    result = migrations.migrate(db, backup_dir=paths.backup_dir)
    assert (result.from_version, result.to_version) == (6, migrations.HEAD)
    assert result.backup is not None and result.backup.exists()
    for model in (Customer, Interaction, LoyaltyEntry, AuditLog):
        assert model.select().count() == 1, model.__name__
    assert Customer.get().changed_at_till == ""
    assert (Interaction.get().till, LoyaltyEntry.get().till, AuditLog.get().till) == ("", "", "")
    Interaction.update(till="Caixa 1").execute()
    assert database.execute_sql("SELECT till FROM interaction").fetchone()[0] == "Caixa 1"
