"""The tables, as peewee models. The schema itself is created and upgraded by migrations.py;
tests/db/test_database.py checks that these models and the migrated schema agree column by column."""

from __future__ import annotations

from peewee import (
    BooleanField,
    CompositeKey,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop_app.db.database import database


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class Setting(BaseModel):
    """Business settings as JSON values; they travel with the database and its backups."""

    key = TextField(primary_key=True)
    value = TextField()


class Staff(BaseModel):
    name = TextField()
    role = TextField()
    pin_hash = TextField(null=True)  # argon2id
    active = BooleanField(default=True)
    created_at = DateTimeField()
    failed_logins = IntegerField(default=0)  # wrong PINs in a row
    lockouts = IntegerField(default=0)  # how many times locked since the last good PIN
    locked_until = DateTimeField(null=True)  # UTC


class ImportBatch(BaseModel):
    """One spreadsheet import: undone as a whole."""

    file_name = TextField()
    sheet = TextField()
    at = DateTimeField()  # UTC
    actor = TextField()
    staff = ForeignKeyField(Staff, null=True, column_name="staff_id")
    rows = IntegerField()
    created = IntegerField()
    updated = IntegerField()
    merged = IntegerField()
    skipped = IntegerField()
    undone_at = DateTimeField(null=True)


class ImportChange(BaseModel):
    """An existing customer's values before an import changed them (JSON)."""

    batch = ForeignKeyField(ImportBatch, on_delete="CASCADE", column_name="batch_id")
    customer_id = IntegerField()
    before = TextField()


class Customer(BaseModel):
    name = TextField()
    name_key = TextField()  # folded name, what the list sorts by
    email = TextField(null=True)  # lower-cased, validated
    phone = TextField(null=True)  # E.164
    birth_day = IntegerField(null=True)
    birth_month = IntegerField(null=True)
    birth_year = IntegerField(null=True)
    birthday_md = IntegerField(null=True)  # month*100 + day, indexed for the birthday step and filter
    birthday_set_on = DateField(null=True)  # local date the birthday was entered or changed
    city = TextField(default="")
    tax_id = TextField(null=True)
    card_code = TextField(null=True)
    notes = TextField(default="")
    source = TextField()  # counter | import | demo | cli
    created_at = DateTimeField()  # UTC
    updated_at = DateTimeField()  # UTC
    import_batch = ForeignKeyField(ImportBatch, null=True, column_name="import_batch_id")
    changed_at_till = TextField(default="")  # the till that last wrote updated_at ('' before v7)


class CustomerTag(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")
    tag = TextField()

    class Meta:
        primary_key = CompositeKey("customer", "tag")


class Consent(BaseModel):
    """Append-only history of consent per channel; the newest row per channel is in force."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")
    channel = TextField()  # email | whatsapp
    granted = BooleanField()
    at = DateTimeField()  # UTC
    source = TextField()
    legal_basis = TextField()
    staff = ForeignKeyField(Staff, null=True, column_name="staff_id")
    import_batch = ForeignKeyField(ImportBatch, null=True, column_name="import_batch_id")


class Interaction(BaseModel):
    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")
    kind = TextField()
    amount_cents = IntegerField(null=True)
    note = TextField(default="")
    occurred_at = DateTimeField()  # UTC
    occurred_on = DateField()  # the shop's local date
    staff = ForeignKeyField(Staff, null=True, column_name="staff_id")
    source = TextField()  # counter | import | demo | cli
    created_at = DateTimeField()
    # Complaints and unfinished purchases stay "open" until resolved / bought / lost.
    status = TextField(null=True)
    follow_up_on = DateField(null=True)
    related = ForeignKeyField("self", null=True, on_delete="SET NULL", column_name="related_id",
                              backref="related_to")  # return -> its purchase; unfinished -> the purchase that closed it
    resolution = TextField(default="")
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(Staff, null=True, column_name="closed_by_id", backref="closed")
    import_batch = ForeignKeyField(ImportBatch, null=True, column_name="import_batch_id")
    till = TextField(default="")  # the till (a PC's name) that logged it; '' before v7 and for imports


class SearchTerm(BaseModel):
    """One searchable word of a customer. The customer's name_key rides along so a search sorts its
    matches by name straight from this index, without visiting the customer table."""

    term = TextField()
    name_key = TextField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")

    class Meta:
        primary_key = CompositeKey("term", "name_key", "customer")
        without_rowid = True


class LoyaltyProgram(BaseModel):
    name = TextField()
    kind = TextField()  # points | stamps
    active = BooleanField(default=True)
    rules = TextField()  # domain.loyalty.Rules as JSON
    created_at = DateTimeField()
    updated_at = DateTimeField()


class Reward(BaseModel):
    program = ForeignKeyField(LoyaltyProgram, column_name="program_id", backref="rewards")
    name = TextField()
    cost = IntegerField()  # in the program's points or stamps
    value_cents = IntegerField()  # what it is worth in money (liability)
    active = BooleanField(default=True)


class LoyaltyEntry(BaseModel):
    """Append-only: a row is never changed or deleted (a merge moves rows to the surviving customer)."""

    program = ForeignKeyField(LoyaltyProgram, column_name="program_id")
    customer = ForeignKeyField(Customer, column_name="customer_id")
    kind = TextField()  # earn | redeem | expire | adjust | reverse
    points = IntegerField()  # signed
    occurred_on = DateField()  # local date it counts from
    at = DateTimeField()  # UTC, when it was written
    reason = TextField()
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL", column_name="interaction_id")
    reward = ForeignKeyField(Reward, null=True, column_name="reward_id")
    reverses = ForeignKeyField("self", null=True, column_name="reverses_id")
    expires_on = DateField(null=True)  # lots only: the day their points expire
    staff = ForeignKeyField(Staff, null=True, column_name="staff_id")
    actor = TextField()
    approved_by = TextField(default="")
    once_key = TextField(null=True)
    milestone = TextField(null=True)  # "reward" | "tier:<name>": an event for the cadence
    till = TextField(default="")  # the till that wrote it ('' before v7 and for Régua's own rows)


class LoyaltyAllocation(BaseModel):
    """Which lot a removal took its points from (or which new lot paid a debt)."""

    debit = ForeignKeyField(LoyaltyEntry, column_name="debit_id")
    lot = ForeignKeyField(LoyaltyEntry, column_name="lot_id")
    points = IntegerField()

    class Meta:
        primary_key = CompositeKey("debit", "lot")
        without_rowid = True


class Outbox(BaseModel):
    """One row per occasion (customer, step, occurrence), ever; see domain/cadence.py for the states."""

    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")
    step = TextField()
    occurrence = TextField()
    channel = TextField()  # email | whatsapp | task
    marketing = BooleanField()
    status = TextField()
    due_on = DateField()  # the day the step meant it for
    send_on = DateField()  # the day it goes: after closed days and the frequency cap
    not_after = DateField()  # the last day it is still worth sending
    reason = TextField(default="")  # why it was skipped, deferred or expired
    ref_id = IntegerField(null=True)  # the interaction, ledger row or program it comes from
    detail = TextField(default="")
    planned_at = DateTimeField()
    updated_at = DateTimeField()
    attempts = IntegerField(default=0)
    retry_at = DateTimeField(null=True)
    done_at = DateTimeField(null=True)
    staff = ForeignKeyField(Staff, null=True, column_name="staff_id")
    actor = TextField(default="")
    outcome = TextField(default="")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL", column_name="interaction_id")
    message_id = TextField(null=True)
    error = TextField(default="")


class Coupon(BaseModel):
    """A gift with a code the customer shows at the counter; used once, until `valid_until`."""

    code = TextField()
    customer = ForeignKeyField(Customer, on_delete="CASCADE", column_name="customer_id")
    outbox = ForeignKeyField(Outbox, null=True, on_delete="SET NULL", column_name="outbox_id")
    step = TextField()
    gift = TextField()
    valid_until = DateField()
    created_at = DateTimeField()
    redeemed_at = DateTimeField(null=True)
    redeemed_by = ForeignKeyField(Staff, null=True, column_name="redeemed_by_id")
    interaction = ForeignKeyField(Interaction, null=True, on_delete="SET NULL", column_name="interaction_id")


class Campaign(BaseModel):
    """A one-off message to a chosen group (a sale, news, an event); its e-mails are outbox rows."""

    subject = TextField()
    text = TextField()
    created_at = DateTimeField()
    actor = TextField()
    recipients = IntegerField()


class Suppression(BaseModel):
    """An e-mail address never written to again: bounced, or asked to be left alone."""

    email = TextField(primary_key=True)
    reason = TextField()  # bounced | unsubscribed
    at = DateTimeField()
    detail = TextField(default="")

    class Meta:
        without_rowid = True


class CustomerSegment(BaseModel):
    """The day's RFM segment (null: never bought) and lifecycle stage, and both as of last month's end
    (the day is the setting `segments_on`)."""

    customer = ForeignKeyField(Customer, primary_key=True, on_delete="CASCADE", column_name="customer_id")
    segment = TextField(null=True)
    stage = TextField()
    recency = IntegerField(null=True)
    frequency = IntegerField(null=True)
    money = IntegerField(null=True)
    previous_segment = TextField(null=True)
    previous_stage = TextField()


class AuditLog(BaseModel):
    at = DateTimeField()
    actor = TextField()  # a staff name, or "command line"
    action = TextField()
    subject = TextField(default="")
    details = TextField(default="")
    till = TextField(default="")  # the till it was done at ('' before v7)


ALL_MODELS = (Setting, Staff, ImportBatch, ImportChange, Customer, CustomerTag, Consent, Interaction, SearchTerm, AuditLog,
              LoyaltyProgram, Reward, LoyaltyEntry, LoyaltyAllocation, Outbox, Coupon, Campaign, Suppression,
              CustomerSegment)
