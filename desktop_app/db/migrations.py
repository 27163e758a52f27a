"""Schema versions (the engine keeps the number: SQLite in its user_version, PostgreSQL in a row of
regua_schema), upgraded one step at a time.

Each step is written out as the DDL of its version, never derived from today's models, so a database
made by any released version upgrades the same way. The DDL is written once, in SQLite's spelling of
standard SQL (what every shop's file was made with, byte for byte); an engine that spells a type or a
clause otherwise translates it in its `run_script` (postgres_engine.portable_ddl: identity ids, BIGINT,
binary-collated TEXT, no WITHOUT ROWID). Before a database holding data is upgraded a copy
is taken by the engine (SQLite: its backup API). Steps run with foreign keys off and outside any outer
transaction (a table rebuild with ON DELETE CASCADE would otherwise silently delete child rows), then
`foreign_key_check` must come back empty before the step commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from peewee import Database

from desktop_app.db.backup import backup_database
from desktop_app.db.database import database_label, engine_for, preflight_version, register_ladder
from desktop_app.domain.errors import DatabaseError
from desktop_app.domain.target import redacted

V1 = """
CREATE TABLE setting (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE staff (
    id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, pin_hash TEXT,
    active INTEGER NOT NULL, created_at DATETIME NOT NULL);
CREATE TABLE customer (
    id INTEGER NOT NULL PRIMARY KEY,
    name TEXT NOT NULL, name_key TEXT NOT NULL, email TEXT, phone TEXT,
    birth_day INTEGER, birth_month INTEGER, birth_year INTEGER, birthday_md INTEGER, birthday_set_on DATE,
    city TEXT NOT NULL, tax_id TEXT, card_code TEXT, notes TEXT NOT NULL, source TEXT NOT NULL,
    created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
CREATE INDEX customer_name_key ON customer (name_key, id);
CREATE INDEX customer_email ON customer (email);
CREATE INDEX customer_phone ON customer (phone);
CREATE INDEX customer_tax_id ON customer (tax_id);
CREATE UNIQUE INDEX customer_card_code ON customer (card_code);
CREATE INDEX customer_birthday_md ON customer (birthday_md);
CREATE INDEX customer_birth_month ON customer (birth_month, name_key);
CREATE TABLE customer_tag (
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE, tag TEXT NOT NULL,
    PRIMARY KEY (customer_id, tag));
CREATE INDEX customer_tag_tag ON customer_tag (tag, customer_id);
CREATE TABLE consent (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    channel TEXT NOT NULL, granted INTEGER NOT NULL, at DATETIME NOT NULL, source TEXT NOT NULL,
    legal_basis TEXT NOT NULL, staff_id INTEGER REFERENCES staff (id));
CREATE INDEX consent_customer ON consent (customer_id, channel, at);
CREATE TABLE interaction (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    kind TEXT NOT NULL, amount_cents INTEGER, note TEXT NOT NULL, occurred_at DATETIME NOT NULL,
    occurred_on DATE NOT NULL, staff_id INTEGER REFERENCES staff (id), source TEXT NOT NULL,
    created_at DATETIME NOT NULL);
CREATE INDEX interaction_customer ON interaction (customer_id, occurred_at);
CREATE INDEX interaction_occurred_on ON interaction (occurred_on);
CREATE TABLE search_term (
    term TEXT NOT NULL, name_key TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    PRIMARY KEY (term, name_key, customer_id)) WITHOUT ROWID;
CREATE INDEX search_term_customer ON search_term (customer_id, term);
CREATE TABLE audit_log (
    id INTEGER NOT NULL PRIMARY KEY, at DATETIME NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    subject TEXT NOT NULL, details TEXT NOT NULL);
CREATE INDEX audit_log_at ON audit_log (at);
"""


# v2: the counter. Staff lockout state; complaints and unfinished purchases that stay open; a return
# linked to the purchase it reverses. Columns are only added, so no table is rebuilt.
V2 = """
ALTER TABLE staff ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff ADD COLUMN locked_until DATETIME;
ALTER TABLE interaction ADD COLUMN status TEXT;
ALTER TABLE interaction ADD COLUMN follow_up_on DATE;
ALTER TABLE interaction ADD COLUMN related_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL;
ALTER TABLE interaction ADD COLUMN resolution TEXT NOT NULL DEFAULT '';
ALTER TABLE interaction ADD COLUMN closed_at DATETIME;
ALTER TABLE interaction ADD COLUMN closed_by_id INTEGER REFERENCES staff (id);
CREATE INDEX interaction_status ON interaction (status, follow_up_on);
CREATE INDEX interaction_related ON interaction (related_id);
"""


# v3: imports as undoable batches. What a batch created carries its id; what it changed on existing
# customers is kept as the values before, per customer.
V3 = """
CREATE TABLE import_batch (
    id INTEGER NOT NULL PRIMARY KEY, file_name TEXT NOT NULL, sheet TEXT NOT NULL, at DATETIME NOT NULL,
    actor TEXT NOT NULL, staff_id INTEGER REFERENCES staff (id), rows INTEGER NOT NULL,
    created INTEGER NOT NULL, updated INTEGER NOT NULL, merged INTEGER NOT NULL, skipped INTEGER NOT NULL,
    undone_at DATETIME);
CREATE TABLE import_change (
    id INTEGER NOT NULL PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL, before TEXT NOT NULL);
CREATE INDEX import_change_batch ON import_change (batch_id);
ALTER TABLE customer ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE consent ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
ALTER TABLE interaction ADD COLUMN import_batch_id INTEGER REFERENCES import_batch (id);
CREATE INDEX customer_import ON customer (import_batch_id);
CREATE INDEX consent_import ON consent (import_batch_id);
CREATE INDEX interaction_import ON interaction (import_batch_id);
"""


# v4: loyalty. Programs (rules as JSON), a rewards catalogue, an append-only ledger and the record of
# which lot each removal took its points from. `once_key` makes a bonus (welcome, birthday:2027) or a
# day's stamp impossible to give twice, even from two processes. `interaction_money` covers what tiers
# and reports read (money per customer per day) so they never touch the interaction table itself.
V4 = """
CREATE TABLE loyalty_program (
    id INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, active INTEGER NOT NULL,
    rules TEXT NOT NULL, created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL);
CREATE TABLE reward (
    id INTEGER NOT NULL PRIMARY KEY, program_id INTEGER NOT NULL REFERENCES loyalty_program (id),
    name TEXT NOT NULL, cost INTEGER NOT NULL, value_cents INTEGER NOT NULL, active INTEGER NOT NULL);
CREATE INDEX reward_program ON reward (program_id);
CREATE TABLE loyalty_entry (
    id INTEGER NOT NULL PRIMARY KEY,
    program_id INTEGER NOT NULL REFERENCES loyalty_program (id),
    customer_id INTEGER NOT NULL REFERENCES customer (id),
    kind TEXT NOT NULL, points INTEGER NOT NULL, occurred_on DATE NOT NULL, at DATETIME NOT NULL,
    reason TEXT NOT NULL, interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    reward_id INTEGER REFERENCES reward (id), reverses_id INTEGER REFERENCES loyalty_entry (id),
    expires_on DATE, staff_id INTEGER REFERENCES staff (id), actor TEXT NOT NULL,
    approved_by TEXT NOT NULL DEFAULT '', once_key TEXT, milestone TEXT);
CREATE INDEX loyalty_entry_customer ON loyalty_entry (customer_id, program_id, id);
CREATE UNIQUE INDEX loyalty_entry_once ON loyalty_entry (program_id, customer_id, once_key)
    WHERE once_key IS NOT NULL;
CREATE INDEX loyalty_entry_expires ON loyalty_entry (expires_on) WHERE expires_on IS NOT NULL;
CREATE INDEX loyalty_entry_interaction ON loyalty_entry (interaction_id) WHERE interaction_id IS NOT NULL;
CREATE INDEX loyalty_entry_milestone ON loyalty_entry (occurred_on) WHERE milestone IS NOT NULL;
CREATE TABLE loyalty_allocation (
    debit_id INTEGER NOT NULL REFERENCES loyalty_entry (id),
    lot_id INTEGER NOT NULL REFERENCES loyalty_entry (id),
    points INTEGER NOT NULL,
    PRIMARY KEY (debit_id, lot_id)) WITHOUT ROWID;
CREATE INDEX loyalty_allocation_lot ON loyalty_allocation (lot_id, points);
CREATE INDEX interaction_money ON interaction (kind, occurred_on, customer_id, amount_cents);
"""


# v5: the régua. One outbox row per occasion (customer, step, occurrence), ever: the UNIQUE key is what
# makes planning twice, from two processes or after a crash harmless. `send_on` is the day it is meant
# to go (after the shop's closed days and the frequency cap), `not_after` the last day it is still
# worth sending. A birthday gift is a coupon with a code unique in the shop, redeemable once at the
# counter. A one-off message (a sale, news) is a campaign whose e-mails go through the same outbox
# ("campaign:<id>"). An address the mail server said does not exist (or that asked to be left alone) goes on the
# suppression list and is never written to again. Customers by signup time for the welcome step; a customer's visits and purchases by
# kind and day for the reactivation step.
V5 = """
CREATE TABLE outbox (
    id INTEGER NOT NULL PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    step TEXT NOT NULL, occurrence TEXT NOT NULL, channel TEXT NOT NULL, marketing INTEGER NOT NULL,
    status TEXT NOT NULL, due_on DATE NOT NULL, send_on DATE NOT NULL, not_after DATE NOT NULL,
    reason TEXT NOT NULL DEFAULT '', ref_id INTEGER, detail TEXT NOT NULL DEFAULT '',
    planned_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    retry_at DATETIME, done_at DATETIME, staff_id INTEGER REFERENCES staff (id), actor TEXT NOT NULL DEFAULT '',
    outcome TEXT NOT NULL DEFAULT '', interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL,
    message_id TEXT, error TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX outbox_occasion ON outbox (customer_id, step, occurrence);
CREATE INDEX outbox_waiting ON outbox (status, send_on);
CREATE INDEX outbox_customer_send ON outbox (customer_id, send_on);
CREATE TABLE coupon (
    id INTEGER NOT NULL PRIMARY KEY, code TEXT NOT NULL,
    customer_id INTEGER NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL, step TEXT NOT NULL, gift TEXT NOT NULL,
    valid_until DATE NOT NULL, created_at DATETIME NOT NULL, redeemed_at DATETIME,
    redeemed_by_id INTEGER REFERENCES staff (id), interaction_id INTEGER REFERENCES interaction (id) ON DELETE SET NULL);
CREATE UNIQUE INDEX coupon_code ON coupon (code);
CREATE UNIQUE INDEX coupon_outbox ON coupon (outbox_id) WHERE outbox_id IS NOT NULL;
CREATE INDEX coupon_customer ON coupon (customer_id, valid_until);
CREATE TABLE campaign (
    id INTEGER NOT NULL PRIMARY KEY, subject TEXT NOT NULL, text TEXT NOT NULL, created_at DATETIME NOT NULL,
    actor TEXT NOT NULL, recipients INTEGER NOT NULL);
CREATE TABLE suppression (
    email TEXT NOT NULL PRIMARY KEY, reason TEXT NOT NULL, at DATETIME NOT NULL, detail TEXT NOT NULL DEFAULT '')
    WITHOUT ROWID;
CREATE INDEX outbox_sent ON outbox (done_at) WHERE status = 'sent';
CREATE INDEX customer_created ON customer (created_at);
CREATE INDEX interaction_customer_kind ON interaction (customer_id, kind, occurred_on);
"""

# Reports. Each customer's RFM segment and lifecycle stage, worked out once a day from the history (and
# as of the end of last month, to show what moved), so the customer list can filter by them from an
# index; the day they were worked out is the setting `segments_on`. The customer/kind/day index gains the amount, so the day's pass over the history reads the
# index alone, in customer order, with no sort.
V6 = """
CREATE TABLE customer_segment (
    customer_id INTEGER NOT NULL PRIMARY KEY REFERENCES customer (id) ON DELETE CASCADE,
    segment TEXT, stage TEXT NOT NULL, recency INTEGER, frequency INTEGER, money INTEGER,
    previous_segment TEXT, previous_stage TEXT NOT NULL);
CREATE INDEX customer_segment_segment ON customer_segment (segment, customer_id);
CREATE INDEX customer_segment_stage ON customer_segment (stage, customer_id);
DROP INDEX interaction_customer_kind;
CREATE INDEX interaction_customer_kind ON interaction (customer_id, kind, occurred_on, amount_cents);
"""

# v7: several tills on one shop's server (issue 20). Each entry says which till (a per-PC name such as
# "Caixa 1") made it: the counter log, the loyalty ledger and the audit log. A customer keeps the till that
# last changed her, so a till whose form is out of date can say who changed her meanwhile. Rows from before
# the step have no till ('').
V7 = """
ALTER TABLE interaction ADD COLUMN till TEXT NOT NULL DEFAULT '';
ALTER TABLE loyalty_entry ADD COLUMN till TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN till TEXT NOT NULL DEFAULT '';
ALTER TABLE customer ADD COLUMN changed_at_till TEXT NOT NULL DEFAULT '';
"""


# v8: on a server, the search index's reference to its customer is kept by Régua and a trigger, not checked
# by a foreign key (postgres_engine.unchecked_search_index: the check took 21 of a 100,000-row import's 50 s).
# A SQLite file keeps its foreign key: nothing changes in it but the version.

# v9: on a server with the trigram extension, a customer's phone digits are found by a trigram index instead
# of ten suffix terms (postgres_engine.phone_digits_index: without them the 100,000-row import's write took
# 25 s, not 48). A SQLite file, and a server without the extension, keep the suffix terms: nothing changes in
# them but the version.


def _run_script(db: Database, script: str) -> None:
    engine_for(db).run_script(db, script)


STEPS: dict[int, Callable[[Database], None]] = {
    1: lambda db: _run_script(db, V1),
    2: lambda db: _run_script(db, V2),
    3: lambda db: _run_script(db, V3),
    4: lambda db: _run_script(db, V4),
    5: lambda db: _run_script(db, V5),
    6: lambda db: _run_script(db, V6),
    7: lambda db: _run_script(db, V7),
    8: lambda db: engine_for(db).unchecked_search_index(db),
    9: lambda db: engine_for(db).phone_digits_index(db),
}
HEAD = max(STEPS)


def build_schema(db: Database, version: int) -> None:
    """The ladder from nothing up to `version` on an empty database, its version set (a backup's file)."""
    for step in range(1, version + 1):
        STEPS[step](db)
    engine_for(db).set_schema_version(db, version)


register_ladder(build_schema)  # a server engine's backups are built as the ladder builds a new database


@dataclass(frozen=True, slots=True)
class MigrationResult:
    from_version: int
    to_version: int
    backup: Path | None


def preflight(path: Path) -> None:
    """Refuse, without writing a byte, a file from a newer Régua or a SQLite file of another program."""
    found = preflight_version(path)
    if found is None:
        return
    version, tables = found
    if version > HEAD:
        raise DatabaseError("db_too_new", found=version, known=HEAD)
    if version == 0 and tables:
        raise DatabaseError("db_corrupt", path=redacted(path) if isinstance(path, str) else path)  # no password


def schema_version(db: Database) -> int:
    return engine_for(db).schema_version(db)


def migrate(db: Database, *, backup_dir: Path, now: datetime | None = None) -> MigrationResult:
    """Bring the open database up to HEAD. Refuses a database from a newer Régua, and a SQLite file
    that is not a Régua database, without touching either."""
    engine = engine_for(db)
    found = schema_version(db)
    if found > HEAD:
        raise DatabaseError("db_too_new", found=found, known=HEAD)
    if found == 0 and engine.table_count(db):
        raise DatabaseError("db_corrupt", path=db.database)
    if found == HEAD:
        engine.after_migrate(db)
        return MigrationResult(found, found, None)
    backup = None
    if found > 0:
        stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
        backup = backup_database(db, backup_dir / f"{database_label(db)}-before-v{HEAD}-from-v{found}-{stamp}.db")
    if db.in_transaction():
        raise RuntimeError("migrations must not run inside an outer transaction")
    with engine.migration_session(db):
        for version in range(found + 1, HEAD + 1):
            with db.atomic():
                STEPS[version](db)
                problems = engine.foreign_key_problems(db)
                if problems:
                    raise RuntimeError(f"migration to v{version} broke foreign keys: {problems[:5]}")
                engine.set_schema_version(db, version)
    engine.after_migrate(db)  # beside the ladder: PostgreSQL's announcements to the other tills
    return MigrationResult(found, HEAD, backup)
